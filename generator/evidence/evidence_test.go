package evidence

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// DropRecords forgets every register's typed rows, a register added later
// included, and keeps what the view model reads.
func TestDropRecords(t *testing.T) {
	e := Load(os.DirFS("../../evidence"), "evidence")
	rows := 0
	for _, r := range e.Registers {
		rows += len(r.Data)
	}
	e.DropRecords()
	v := reflect.ValueOf(e).Elem()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch {
		case name == "Registers" || name == "Documents":
		case f.Kind() == reflect.Slice && !f.IsNil():
			t.Errorf("DropRecords keeps %s", name)
		}
	}
	after := 0
	for _, r := range e.Registers {
		after += len(r.Data)
	}
	if rows == 0 || after != rows || len(e.Documents.Items) == 0 {
		t.Errorf("DropRecords lost the registers' rows (%d, then %d) or the documents (%d items)", rows, after, len(e.Documents.Items))
	}
}

// Each register's name drops its own typed rows and no other's.
func TestDropRecordsByName(t *testing.T) {
	typed := func(e *Evidence) []string {
		var out []string
		v := reflect.ValueOf(e).Elem()
		for i := range v.NumField() {
			if f := v.Field(i); f.Kind() == reflect.Slice && v.Type().Field(i).Name != "Registers" && f.Len() > 0 {
				out = append(out, v.Type().Field(i).Name)
			}
		}
		return out
	}
	all := typed(Load(os.DirFS("../../evidence"), "evidence"))
	for _, s := range Schemas() {
		e := Load(os.DirFS("../../evidence"), "evidence")
		e.DropRecords(s.Name)
		if left := typed(e); len(left) != len(all)-1 {
			t.Errorf("DropRecords(%q) leaves %v of %v", s.Name, left, all)
		}
	}
}

// A row's cells are held as one string and read back one for each column,
// empty ones included.
func TestDataRowCells(t *testing.T) {
	for _, cells := range [][]string{{""}, {"", "a", ""}, {"NS-1", "Ann", "2025-04-01"}, {"a\x00b", "c"}} {
		var d DataRow
		d.SetCells(cells)
		got := d.Cells()
		want := slices.Clone(cells)
		for i := range want {
			want[i] = strings.ReplaceAll(want[i], "\x00", "\uFFFD")
		}
		if !slices.Equal(got, want) || !slices.Equal(slices.Collect(d.CellSeq()), want) {
			t.Errorf("cells %q read back as %q", cells, got)
		}
	}
}
