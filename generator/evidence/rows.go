package evidence

import (
	"reflect"
	"strings"

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

// decode reads each row of t into a record of type T, as encoding/json
// decodes an object into a struct: a field tagged `col:"name"` gets the
// cell of that column, read as its type says (a Text field of a choice
// column must hold one of the column's choices), and a string field tagged
// with the key column gets the row's key. then, if not nil, checks each
// record further.
func decode[T any](t *table, then func(r rowReader, rec *T)) []T {
	typ := reflect.TypeFor[T]()
	type field struct {
		index int
		col   string
	}
	var fields []field // the tagged fields, looked up once per register
	for i := range typ.NumField() {
		if col, ok := typ.Field(i).Tag.Lookup("col"); ok {
			fields = append(fields, field{i, col})
		}
	}
	out := make([]T, 0, len(t.rows))
	t.each(func(r rowReader) {
		var rec T
		v := reflect.ValueOf(&rec).Elem()
		for _, f := range fields {
			r.decodeCell(f.col, v.Field(f.index))
		}
		if then != nil {
			then(r, &rec)
		}
		out = append(out, rec)
	})
	return out
}

// A cell is a field type decode reads a cell into, as a json.Unmarshaler
// is for encoding/json.
type cell interface {
	read(r rowReader, col string)
}

// decodeCell sets field to the cell of column col.
func (r rowReader) decodeCell(col string, field reflect.Value) {
	if !field.CanSet() {
		r.t.reg.bug("it cannot set the unexported field for column %q", col)
		return
	}
	switch c := field.Addr().Interface().(type) {
	case *string:
		if col == r.t.reg.Schema.Key {
			*c = r.Key()
			return
		}
	case cell:
		c.read(r, col)
		return
	}
	r.t.reg.bug("it cannot read column %q into a %s", col, field.Type())
}

// Key is the row's subject.
func (r rowReader) Key() string { return r.row.key }

// raw returns the cell's trimmed text, its position and whether the column
// exists at all.
func (r rowReader) raw(col string) (string, diag.Pos, bool) {
	idx, ok := r.t.colIndex[col]
	if !ok {
		return "", r.t.at, false
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
	if formula, ok := r.t.formulas[cellKey{pos.Line(), pos.Col()}]; ok {
		r.problem(pos, col, "the formula =%s has no saved value, and formulas are not evaluated: enter the value itself (or open and save the workbook in a spreadsheet program)", formula)
		return true, true
	}
	if c.Filled {
		r.problem(pos, col, "empty; a value is required")
		return true, true
	}
	return true, false
}

// parsed reads a cell with parse. An empty cell is unset (and invalid when
// the column must be filled); a value parse rejects is a problem at the
// cell and invalid.
func parsed[T any](r rowReader, col string, parse func(string) (T, error)) (val T, set, invalid bool, pos diag.Pos) {
	v, pos, present := r.raw(col)
	if isEmpty, inv := r.empty(col, v, pos, present); isEmpty {
		return val, false, inv, pos
	}
	got, err := parse(v)
	if err != nil {
		r.problem(pos, col, "%v", err)
		return val, false, true, pos // the zero value: nothing half-read
	}
	return got, true, false, pos
}

// notBefore reports a date d, of column col, that is before the date it
// follows (after, described by what): it cannot be right, so it is
// invalid, not early.
func (r rowReader) notBefore(d *Date, col string, after Date, what string) {
	if !d.Set || !after.Set || !d.Value.Before(after.Value) {
		return
	}
	r.problem(d.Pos, col, "%s is before %s %s", d, what, after)
	d.Set, d.Invalid = false, true
}
