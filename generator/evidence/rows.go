package evidence

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
)

// rowReader reads typed cells of one row, recording every bad cell as a
// problem against the column's paragraphs.
type rowReader struct {
	t   *table
	row tableRow
}

func (t *table) each(fn func(r rowReader)) {
	for _, row := range t.rows {
		fn(rowReader{t: t, row: row})
	}
}

// Key is the row's subject.
func (r rowReader) Key() string { return r.row.key }

// Pos is the position of the row's key cell.
func (r rowReader) Pos() diag.Pos { return r.t.pos(r.t.colIndex[r.t.reg.Schema.Key], r.row.num) }

// raw returns the cell's trimmed text, its position and whether the column
// exists at all.
func (r rowReader) raw(col string) (string, diag.Pos, bool) {
	idx, ok := r.t.colIndex[col]
	if !ok {
		return "", diag.Pos{File: r.t.reg.Path, Sheet: r.t.sheet}, false
	}
	v := ""
	if idx < len(r.row.cells) {
		v = strings.TrimSpace(strings.ReplaceAll(r.row.cells[idx], "\u00a0", " "))
	}
	return v, r.t.pos(idx, r.row.num), true
}

// problem records a problem with a cell of col, against the column's
// paragraphs.
func (r rowReader) problem(pos diag.Pos, col string, format string, args ...any) {
	r.t.reg.problem(pos, r.row.key, r.t.reg.column(col).Paragraphs, col+": "+format, args...)
}

// empty reports whether a cell is empty, recording a problem when the column
// must be filled. The second result is true when the value is unusable
// because the column is missing or the cell is empty though required.
func (r rowReader) empty(col, v string, pos diag.Pos, present bool) (isEmpty, invalid bool) {
	c := r.t.reg.column(col)
	if !present {
		return true, c.Required
	}
	if v != "" {
		return false, false
	}
	if formula, ok := r.t.formulas[pos.Cell]; ok {
		r.problem(pos, col, "the formula =%s has no saved value, and formulas are not evaluated: enter the value itself (or open and save the workbook in a spreadsheet program)", formula)
		return true, true
	}
	if c.Filled {
		r.problem(pos, col, "empty; a value is required")
		return true, true
	}
	return true, false
}

// Text reads a text cell. A required column missing from the sheet is
// reported once, as a problem with the header: its cells are Invalid, so
// that their emptiness is not reported again.
func (r rowReader) Text(col string) Text {
	v, pos, present := r.raw(col)
	if isEmpty, invalid := r.empty(col, v, pos, present); isEmpty {
		return Text{Pos: pos, Invalid: invalid}
	}
	return Text{Value: v, Set: true, Pos: pos}
}

// parsed reads a cell with parse. An empty cell is unset (and invalid when
// the column must be filled); a value parse rejects is a problem at the
// cell and invalid.
func parsed[T any](r rowReader, col string, parse func(string) (T, error)) (val T, set, invalid bool, pos diag.Pos) {
	v, pos, present := r.raw(col)
	if isEmpty, inv := r.empty(col, v, pos, present); isEmpty {
		return val, false, inv, pos
	}
	val, err := parse(v)
	if err != nil {
		r.problem(pos, col, "%v", err)
		return val, false, true, pos
	}
	return val, true, false, pos
}

// Date reads a date cell.
func (r rowReader) Date(col string) Date {
	t, set, invalid, pos := parsed(r, col, func(v string) (time.Time, error) { return ParseDate(v, r.t.date1904) })
	return Date{Time: t, Set: set, Invalid: invalid, Pos: pos}
}

// YesNo reads a yes/no cell.
func (r rowReader) YesNo(col string) Bool {
	b, set, invalid, pos := parsed(r, col, ParseYesNo)
	return Bool{Value: b, Set: set, Invalid: invalid, Pos: pos}
}

// Clearance reads a clearance-level cell.
func (r rowReader) Clearance(col string) ClearanceCell {
	l, set, invalid, pos := parsed(r, col, ParseClearance)
	return ClearanceCell{Level: l, Set: set, Invalid: invalid, Pos: pos}
}

// Number is a numeric cell.
type Number struct {
	Value   float64
	Set     bool
	Invalid bool
	Pos     diag.Pos
}

// Number reads a number cell.
func (r rowReader) Number(col string) Number {
	f, set, invalid, pos := parsed(r, col, parseNumber)
	return Number{Value: f, Set: set, Invalid: invalid, Pos: pos}
}

func parseNumber(v string) (float64, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !decimal(v) {
		return 0, fmt.Errorf("want a number, got %q", v)
	}
	return f, nil
}

// Choice reads a cell that must hold one of the column's Choices. The
// value returned is the choice as documented (its canonical spelling).
func (r rowReader) Choice(col string) Text {
	v, pos, present := r.raw(col)
	if isEmpty, invalid := r.empty(col, v, pos, present); isEmpty {
		return Text{Pos: pos, Invalid: invalid}
	}
	c := r.t.reg.column(col)
	for _, choice := range c.Choices {
		if normaliseHeader(choice) == normaliseHeader(v) {
			return Text{Value: choice, Set: true, Pos: pos}
		}
	}
	r.problem(pos, col, "want one of %s, got %q", strings.Join(c.Choices, ", "), v)
	return Text{Pos: pos, Invalid: true}
}
