package diag

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		pos  Pos
		want string
	}{
		{At("config.toml", 3, 0), "config.toml:3"},
		{At("config.toml", 3, 7), "config.toml:3:7"},
		{CellPos("evidence/staff.xlsx", "Staff", 14, 8), `evidence/staff.xlsx: sheet "Staff" H14`},
		{CellPos("evidence/staff.xlsx", "Staff", 0, 0), `evidence/staff.xlsx: sheet "Staff"`},
		{At("evidence/staff.xlsx", 0, 0), "evidence/staff.xlsx"},
		{CSVPos("staff.csv", 3, 6), "staff.csv: row 3, column F"},
		{CSVPos("staff.csv", 3, 0), "staff.csv: row 3"},
		{CSVPos("staff.csv", 0, 0), "staff.csv"},
		{CSVPos("staff.csv", 3, 6).WithFile("evidence/staff.csv"), "evidence/staff.csv: row 3, column F"},
		{Pos{}, ""},
	}
	for _, tt := range tests {
		if got := tt.pos.String(); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.pos, got, tt.want)
		}
	}
}

// A CSV file's positions are cells, as a sheet's are.
func TestCSVPos(t *testing.T) {
	p := CSVPos("staff.csv", 12, 27)
	if !p.HasCell() || p.Cell() != "AA12" || p.TextLine() != 0 || p.Sheet() != "" {
		t.Errorf("CSVPos: HasCell %v, Cell %q, TextLine %d, Sheet %q", p.HasCell(), p.Cell(), p.TextLine(), p.Sheet())
	}
	if p != CSVPos("staff.csv", 12, 27) || p == At("staff.csv", 12, 27) {
		t.Error("CSV positions compare equal to themselves only")
	}
}

// Cells sort by row, then column, so that AA2 comes after B2 and before A3.
func TestListSort(t *testing.T) {
	var l List
	for _, c := range [][2]int{{3, 1}, {2, 27}, {2, 2}, {10, 1}, {2, 2}} { // A3 AA2 B2 A10 B2
		l.Add(CellPos("f.xlsx", "S", c[0], c[1]), "problem")
	}
	l.Add(At("a.toml", 9, 0), "later line")
	l.Add(At("a.toml", 2, 0), "earlier line")
	err := l.Err()
	want := []string{
		"a.toml:2: earlier line",
		"a.toml:9: later line",
		`f.xlsx: sheet "S" B2: problem`,
		`f.xlsx: sheet "S" AA2: problem`,
		`f.xlsx: sheet "S" A3: problem`,
		`f.xlsx: sheet "S" A10: problem`,
	}
	if got := strings.Split(err.Error(), "\n"); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var empty List
	if empty.Err() != nil {
		t.Error("an empty list is an error")
	}
}

// Column names are excelize's, from A to the last column a sheet can have.
func TestColumnName(t *testing.T) {
	for col := 1; col <= 16384; col++ {
		want, err := excelize.ColumnNumberToName(col)
		if err != nil {
			t.Fatal(err)
		}
		if got := ColumnName(col); got != want {
			t.Fatalf("ColumnName(%d) = %q, want %q", col, got, want)
		}
	}
	if got := CellPos("f.xlsx", "S", 7, 0).Cell(); got != "" {
		t.Errorf("a row with no column names the cell %q", got)
	}
	if got := At("a.toml", 3, 2).Cell(); got != "" {
		t.Errorf("a text position names the cell %q", got)
	}
}

// Positions made apart compare equal with == when they are the same place.
func TestPosEquality(t *testing.T) {
	a, b := CellPos("f.xlsx", "S", 2, 3), CellPos("f"+".xlsx", "S", 2, 3)
	if a != b {
		t.Errorf("%v != %v", a, b)
	}
	if a == CellPos("f.xlsx", "T", 2, 3) || a == At("f.xlsx", 2, 3) || a.In(2, 4) == a {
		t.Error("different places compare equal")
	}
	if a.In(5, 1) != CellPos("f.xlsx", "S", 5, 1) {
		t.Error("In does not keep the file and sheet")
	}
}
