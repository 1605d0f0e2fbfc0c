// Package workbook builds real .xlsx files from a plain-text description.
//
// Fixtures in this project describe a workbook as TSV text, one Sheet per
// worksheet, because txtar and Go source cannot hold binary files. Build turns
// that text into the bytes of a genuine Office Open XML workbook written by
// excelize, so that readers are tested against the same kinds of cells a
// spreadsheet program saves: numbers, real date serials, text and formulas.
//
// Cell conventions, applied to each tab-separated cell:
//
//	""            left empty (no cell is written)
//	'anything     literal text, without the leading quote: '2025-05-23, '42, '=A1
//	=expr         a formula (SetCellFormula with expr; no cached value is stored)
//	yyyy-mm-dd    a real date: the Excel serial, styled with number format yyyy-mm-dd
//	a Go float    a number (strconv.ParseFloat), e.g. 42, -1.5, 1e3
//	anything else text
//
// A yyyy-mm-dd cell must be a valid calendar date from 1900-03-01 onwards;
// anything else of that shape (2025-02-30) is written as text.
//
// A sheet with Columns is laid out to be filled in by hand, as the evidence
// templates are: a bold header row frozen in view, a note on each header,
// each column's number format, and a drop-down list of a column's values.
//
// The output is
// byte-for-byte deterministic: document properties carry a fixed date and
// excelize writes zip entries in sorted order with zero timestamps.
package workbook

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet is one worksheet: its Name and its rows as TSV text. Rows are
// separated by "\n" (a trailing "\r" is dropped), cells by "\t"; the first row
// is normally the header row. One final "\n" is ignored, so a raw string
// literal may end with a newline; other empty lines are empty rows.
type Sheet struct {
	Name string
	TSV  string
	// Columns, if not nil, lay the sheet out to be filled in by hand: its
	// first row is a header, in bold and frozen in view, and each column,
	// from A, is laid out as its Column says.
	Columns []Column
}

// DateFormat is the number format given to date cells.
const DateFormat = "yyyy-mm-dd"

// fixedTime is written as the created and modified date of every workbook,
// so that building the same sheets twice gives the same bytes.
const fixedTime = "2025-04-01T00:00:00Z"

// Build returns the bytes of an .xlsx workbook holding sheets in order. The
// first sheet takes the place of excelize's default "Sheet1". It is an error
// to pass no sheets, an empty or invalid sheet name, or two sheets whose names
// differ only in case (Excel treats sheet names case-insensitively).
func Build(sheets ...Sheet) ([]byte, error) {
	if len(sheets) == 0 {
		return nil, errors.New("workbook: no sheets")
	}
	for i, s := range sheets {
		if s.Name == "" {
			return nil, fmt.Errorf("workbook: sheet %d: empty sheet name", i+1)
		}
		for _, prev := range sheets[:i] {
			if strings.EqualFold(prev.Name, s.Name) {
				return nil, fmt.Errorf("workbook: duplicate sheet name %q", s.Name)
			}
		}
	}

	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "github.com/agency/evidence-site",
		LastModifiedBy: "github.com/agency/evidence-site",
		Created:        fixedTime,
		Modified:       fixedTime,
	}); err != nil {
		return nil, fmt.Errorf("workbook: document properties: %w", err)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr(DateFormat)})
	if err != nil {
		return nil, fmt.Errorf("workbook: date style: %w", err)
	}
	styles, err := newColumnStyles(f, dateStyle)
	if err != nil {
		return nil, err
	}

	for i, s := range sheets {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return nil, fmt.Errorf("workbook: sheet %q: %w", s.Name, err)
		}
		if err := formatColumns(f, s, styles); err != nil {
			return nil, err
		}
		if err := writeSheet(f, s, dateStyle); err != nil {
			return nil, err
		}
		if s.Columns != nil {
			if err := layOutForm(f, s, styles); err != nil {
				return nil, err
			}
		}
	}
	f.SetActiveSheet(0)

	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("workbook: write: %w", err)
	}
	return buf.Bytes(), nil
}

// Write builds the workbook and writes it to path with mode 0644.
func Write(path string, sheets ...Sheet) error {
	b, err := Build(sheets...)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, b, 0o644)
}

// rows splits TSV text into rows of cells, following the rules of Sheet.
func rows(tsv string) [][]string {
	tsv = strings.TrimSuffix(tsv, "\n")
	if tsv == "" {
		return nil
	}
	lines := strings.Split(tsv, "\n")
	rows := make([][]string, len(lines))
	for i, line := range lines {
		rows[i] = strings.Split(strings.TrimSuffix(line, "\r"), "\t")
	}
	return rows
}

// writeSheet writes every cell of s, records the used range and sizes the
// columns to their content: at least a date's width in a sheet to be
// filled in by hand.
func writeSheet(f *excelize.File, s Sheet, dateStyle int) error {
	var widths []int
	if s.Columns != nil {
		widths = make([]int, len(s.Columns))
		for i := range widths {
			widths[i] = len(DateFormat)
		}
	}
	lastRow := 0
	for r, row := range rows(s.TSV) {
		for c, text := range row {
			if text == "" {
				continue
			}
			lastRow = r + 1
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				return fmt.Errorf("workbook: sheet %q row %d column %d: %w", s.Name, r+1, c+1, err)
			}
			if err := writeCell(f, s.Name, cell, text, dateStyle); err != nil {
				return fmt.Errorf("workbook: sheet %q %s: %w", s.Name, cell, err)
			}
			for len(widths) <= c {
				widths = append(widths, 0)
			}
			widths[c] = max(widths[c], utf8.RuneCountInString(text))
		}
	}
	if lastRow > 0 {
		last, err := excelize.CoordinatesToCellName(len(widths), lastRow)
		if err != nil {
			return fmt.Errorf("workbook: sheet %q: %w", s.Name, err)
		}
		if err := f.SetSheetDimension(s.Name, "A1:"+last); err != nil {
			return fmt.Errorf("workbook: sheet %q: used range: %w", s.Name, err)
		}
	}
	for c, w := range widths {
		if w == 0 {
			continue
		}
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return fmt.Errorf("workbook: sheet %q column %d: %w", s.Name, c+1, err)
		}
		if err := f.SetColWidth(s.Name, col, col, float64(min(w, 60)+2)); err != nil {
			return fmt.Errorf("workbook: sheet %q column %s: %w", s.Name, col, err)
		}
	}
	return nil
}

// writeCell writes one non-empty cell according to the package conventions.
func writeCell(f *excelize.File, sheet, cell, text string, dateStyle int) error {
	switch {
	case strings.HasPrefix(text, "'"):
		return f.SetCellStr(sheet, cell, text[1:])
	case strings.HasPrefix(text, "=") && len(text) > 1:
		return f.SetCellFormula(sheet, cell, text[1:])
	}
	if serial, ok := dateSerial(text); ok {
		if err := f.SetCellFloat(sheet, cell, serial, -1, 64); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, dateStyle)
	}
	if v, err := strconv.ParseFloat(text, 64); err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
		return f.SetCellFloat(sheet, cell, v, -1, 64)
	}
	return f.SetCellStr(sheet, cell, text)
}

// serialEpoch is day 0 of Excel's 1900 date system as it is counted from
// 1900-03-01 onwards: Excel counts a 29 February 1900 that never existed, so
// serial 61 is 1900-03-01 and serial n is serialEpoch plus n days.
var serialEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// firstSerialDate is the first date whose serial serialEpoch gives correctly.
var firstSerialDate = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC)

// dateSerial reports whether text is exactly a valid yyyy-mm-dd date from
// 1900-03-01 onwards and, if so, returns its Excel serial number.
func dateSerial(text string) (float64, bool) {
	if len(text) != len("2006-01-02") {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", text)
	if err != nil || t.Before(firstSerialDate) {
		return 0, false
	}
	return float64((t.Unix() - serialEpoch.Unix()) / 86400), true
}

func ptr[T any](v T) *T { return &v }
