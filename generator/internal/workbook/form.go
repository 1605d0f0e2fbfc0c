package workbook

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column lays out one column of a sheet to be filled in by hand (see
// Sheet.Columns).
type Column struct {
	// Note is a note (a cell comment) on the column's header cell, saying
	// what goes in the column; "" for none.
	Note string
	// Format is the number format of the column's cells: a value typed
	// into an empty cell takes it.
	Format Format
	// List, if not empty, is the values a cell below the header may take:
	// a spreadsheet offers them as a drop-down list and warns of any other
	// value, which it still lets the user keep.
	List []string
}

// Format is a column's number format.
type Format int

// Column formats.
const (
	General Format = iota
	Text           // "@": what is typed stays text, so 10.0 is not 10 and 0012 keeps its zeros
	Date           // DateFormat
)

// LastRow is the last row of a worksheet: a column's list of values
// applies from below its header down to it.
const LastRow = excelize.TotalRows

// noteAuthor is the author of every note.
const noteAuthor = "evidence-site"

// columnStyles makes the style of each Format, and of a header cell.
type columnStyles struct {
	format map[Format]int
	header int
}

func newColumnStyles(f *excelize.File, dateStyle int) (columnStyles, error) {
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // the built-in "@"
	if err != nil {
		return columnStyles{}, fmt.Errorf("workbook: text style: %w", err)
	}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return columnStyles{}, fmt.Errorf("workbook: header style: %w", err)
	}
	return columnStyles{format: map[Format]int{Text: text, Date: dateStyle}, header: header}, nil
}

// formatColumns gives each column of s its number format. It runs before
// the cells are written, so that each cell written takes its column's
// format (a date cell sets its own).
func formatColumns(f *excelize.File, s Sheet, styles columnStyles) error {
	for i, c := range s.Columns {
		style, ok := styles.format[c.Format]
		if !ok {
			continue
		}
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return fmt.Errorf("workbook: sheet %q column %d: %w", s.Name, i+1, err)
		}
		if err := f.SetColStyle(s.Name, col, style); err != nil {
			return fmt.Errorf("workbook: sheet %q column %s: %w", s.Name, col, err)
		}
	}
	return nil
}

// layOutForm finishes a sheet to be filled in by hand, once its cells are
// written: the header row in bold and frozen in view, each header's note,
// and each column's list of values.
func layOutForm(f *excelize.File, s Sheet, styles columnStyles) error {
	header := rows(s.TSV)
	if len(header) > 0 {
		last, err := excelize.CoordinatesToCellName(max(len(header[0]), 1), 1)
		if err != nil {
			return fmt.Errorf("workbook: sheet %q: %w", s.Name, err)
		}
		if err := f.SetCellStyle(s.Name, "A1", last, styles.header); err != nil {
			return fmt.Errorf("workbook: sheet %q: header style: %w", s.Name, err)
		}
	}
	if err := f.SetPanes(s.Name, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return fmt.Errorf("workbook: sheet %q: freezing the header row: %w", s.Name, err)
	}
	for i, c := range s.Columns {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return fmt.Errorf("workbook: sheet %q column %d: %w", s.Name, i+1, err)
		}
		if c.Note != "" {
			w, h := noteSize(c.Note)
			if err := f.AddComment(s.Name, excelize.Comment{Cell: col + "1", Author: noteAuthor, Text: c.Note, Width: w, Height: h}); err != nil {
				return fmt.Errorf("workbook: sheet %q %s1: note: %w", s.Name, col, err)
			}
		}
		if len(c.List) > 0 {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, LastRow)
			if err := dv.SetDropList(c.List); err != nil {
				return fmt.Errorf("workbook: sheet %q column %s: list %q: %w", s.Name, col, c.List, err)
			}
			dv.SetError(excelize.DataValidationErrorStyleWarning, "Not a listed value", "Choose one of: "+strings.Join(c.List, ", ")+".")
			if err := f.AddDataValidation(s.Name, dv); err != nil {
				return fmt.Errorf("workbook: sheet %q column %s: list: %w", s.Name, col, err)
			}
		}
	}
	return nil
}

// noteSize is the width and height, in pixels, of a note's box: wide
// enough for about 50 characters a line, and tall enough for its lines.
func noteSize(note string) (width, height uint) {
	const perLine, lineHeight = 50, 15
	lines := 1 + utf8.RuneCountInString(note)/perLine + strings.Count(note, "\n")
	return 320, uint(lines*lineHeight + 10)
}
