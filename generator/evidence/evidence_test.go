package evidence

import (
	"os"
	"reflect"
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
