package synth

import (
	"bufio"
	"fmt"
	"os"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/evidence"
)

// fixedTime is the created and modified date of every workbook, so that
// the same rows give the same bytes (as in package workbook).
const fixedTime = "2025-04-01T00:00:00Z"

// dateFormat is the number format of date cells.
const dateFormat = "yyyy-mm-dd"

// sheet streams one register's workbook: the header row of its schema, then
// the rows. A row is set cell by cell, by column index (col), and written by
// next. Every cell of the row not set is left empty.
type sheet struct {
	f         *excelize.File
	sw        *excelize.StreamWriter
	schema    evidence.Schema
	index     map[string]int
	dateStyle int
	cells     []any
	row       int // the row being set, 1-based
	err       error
}

// newSheet starts the workbook of the register named name.
func newSheet(name string) (*sheet, error) {
	schema, ok := evidence.LookupSchema(name)
	if !ok {
		return nil, fmt.Errorf("no register %q in the register table", name)
	}
	f := excelize.NewFile()
	s := &sheet{f: f, schema: schema, index: map[string]int{}}
	if err := s.open(); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

func (s *sheet) open() error {
	f := s.f
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        "github.com/agency/evidence-site synth",
		LastModifiedBy: "github.com/agency/evidence-site synth",
		Created:        fixedTime,
		Modified:       fixedTime,
	}); err != nil {
		return err
	}
	format := dateFormat
	style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
	if err != nil {
		return err
	}
	s.dateStyle = style
	if err := f.SetSheetName(f.GetSheetName(0), s.schema.Sheet); err != nil {
		return err
	}
	if s.sw, err = f.NewStreamWriter(s.schema.Sheet); err != nil {
		return err
	}
	header := s.schema.Header()
	cells := make([]any, len(header))
	for i, h := range header {
		s.index[h] = i
		cells[i] = h
		// Column widths must come before the first row.
		if err := s.sw.SetColWidth(i+1, i+1, float64(max(len(h), 10)+4)); err != nil {
			return err
		}
	}
	if err := s.sw.SetRow("A1", cells); err != nil {
		return err
	}
	s.cells = make([]any, len(header))
	s.row = 2
	return nil
}

// col returns the index of the named column. A name the schema does not
// have is an error, reported by close: a register's columns are renamed in
// the register table, and the generator must follow.
func (s *sheet) col(name string) int {
	i, ok := s.index[name]
	if !ok {
		if s.err == nil {
			s.err = fmt.Errorf("register %s has no column %q", s.schema.Name, name)
		}
		return -1
	}
	return i
}

// ref returns the name of column c's cell in the row being set, such as
// "I12", for a formula.
func (s *sheet) ref(c int) string {
	name, err := excelize.CoordinatesToCellName(c+1, s.row)
	if err != nil && s.err == nil {
		s.err = err
	}
	return name
}

func (s *sheet) set(c int, v any) {
	if c >= 0 {
		s.cells[c] = v
	}
}

// text sets a text cell; an empty string leaves it empty.
func (s *sheet) text(c int, v string) {
	if v != "" {
		s.set(c, v)
	}
}

// yesNo sets "Yes" or "No".
func (s *sheet) yesNo(c int, v bool) {
	if v {
		s.set(c, "Yes")
	} else {
		s.set(c, "No")
	}
}

// date sets a real Excel date; the zero time leaves the cell empty.
func (s *sheet) date(c int, d time.Time) {
	if !d.IsZero() {
		s.set(c, excelize.Cell{StyleID: s.dateStyle, Value: serial(d)})
	}
}

// ukDate sets a date as UK dd/mm/yyyy text, as some registers keep them.
func (s *sheet) ukDate(c int, d time.Time) {
	if !d.IsZero() {
		s.set(c, d.Format("02/01/2006"))
	}
}

// dateFormula sets a formula whose saved value is the date d.
func (s *sheet) dateFormula(c int, formula string, d time.Time) {
	s.set(c, excelize.Cell{StyleID: s.dateStyle, Formula: formula, Value: serial(d)})
}

// textFormula sets a formula whose saved value is the text v.
func (s *sheet) textFormula(c int, formula, v string) {
	s.set(c, excelize.Cell{Formula: formula, Value: v})
}

// next writes the row being set and starts the next one.
func (s *sheet) next() {
	if s.err != nil {
		return
	}
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err == nil {
		err = s.sw.SetRow(cell, s.cells)
	}
	if err != nil {
		s.err = err
		return
	}
	clear(s.cells)
	s.row++
}

// rows is the number of rows written after the header.
func (s *sheet) rows() int { return s.row - 2 }

// close finishes the workbook and writes it to path.
func (s *sheet) close(path string) (err error) {
	defer func() {
		if cerr := s.f.Close(); err == nil {
			err = cerr
		}
	}()
	if s.err != nil {
		return s.err
	}
	if err := s.sw.Flush(); err != nil {
		return err
	}
	file, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(file, 1<<20)
	if _, err := s.f.WriteTo(w); err != nil {
		file.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		file.Close()
		return err
	}
	return file.Close()
}

// serialEpoch is day 0 of Excel's 1900 date system for dates from
// 1900-03-01 on (every date this package writes).
var serialEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// serial is d's Excel date serial number.
func serial(d time.Time) float64 {
	return float64((d.Unix() - serialEpoch.Unix()) / 86400)
}
