package workbook

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A sheet with Columns is laid out to be filled in by hand: a bold header
// row frozen in view, each header's note, each column's number format (a
// cell typed later takes it), and a list of values where one is given;
// its cells are written as in any sheet.
func TestForm(t *testing.T) {
	form := Sheet{Name: "Staff", TSV: "ID\tStart\tAccess\tVersion\n'0012\t2025-04-01\tYes\t'10.0\n", Columns: []Column{
		{Note: "Unique identifier.", Format: Text},
		{Note: "First day.", Format: Date},
		{Note: strings.Repeat("Yes if the person can access Government Data. ", 4), List: []string{"Yes", "No"}},
		{Format: Text},
	}}
	plain := Sheet{Name: "Plain", TSV: "ID\tStart\n1\t2025-04-01\n"}
	f := open(t, form, plain)

	panes, err := f.GetPanes("Staff")
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, want the first row frozen", panes)
	}
	if p, _ := f.GetPanes("Plain"); p.Freeze {
		t.Errorf("a sheet without Columns is frozen: %+v", p)
	}

	comments, err := f.GetComments("Staff")
	if err != nil {
		t.Fatal(err)
	}
	notes := map[string]string{}
	for _, c := range comments {
		notes[c.Cell] = c.Text
	}
	want := map[string]string{"A1": form.Columns[0].Note, "B1": form.Columns[1].Note, "C1": form.Columns[2].Note}
	if len(notes) != len(want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
	for cell, note := range want {
		if notes[cell] != note {
			t.Errorf("%s: note %q, want %q", cell, notes[cell], note)
		}
	}

	dvs, err := f.GetDataValidations("Staff")
	if err != nil {
		t.Fatal(err)
	}
	if len(dvs) != 1 || dvs[0].Sqref != "C2:C"+strconv.Itoa(LastRow) || dvs[0].Type != "list" || dvs[0].Formula1 != `"Yes,No"` || !dvs[0].AllowBlank {
		t.Errorf("validations %+v, want one list of Yes and No on C2 down", dvs)
	}

	for col, want := range map[string]int{"A": 49, "B": 0, "C": 0, "D": 49} {
		if got := colNumFmt(t, f, "Staff", col); got != want {
			t.Errorf("column %s: number format %d, want %d", col, got, want)
		}
	}
	if got := colCustomFmt(t, f, "Staff", "B"); got != DateFormat {
		t.Errorf("column B: format %q, want %q", got, DateFormat)
	}
	for _, cell := range []string{"A1", "B1", "C1", "D1"} {
		id, _ := f.GetCellStyle("Staff", cell)
		if s, err := f.GetStyle(id); err != nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("header %s is not bold", cell)
		}
	}
	// The cells are as in any sheet: text stays text, a date is a date.
	for cell, want := range map[string]string{"A2": "0012", "D2": "10.0", "B2": "45748"} {
		if got, _ := f.GetCellValue("Staff", cell, excelize.Options{RawCellValue: true}); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	if got := cellNumFmt(t, f, "Staff", "B2"); got != DateFormat {
		t.Errorf("B2: format %q, want a date", got)
	}
	if dvs, _ := f.GetDataValidations("Plain"); len(dvs) != 0 {
		t.Errorf("a sheet without Columns has validations %+v", dvs)
	}

	// Laid out the same way twice, the same bytes.
	a, err := Build(form, plain)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(form, plain)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two builds of the same form differ")
	}
}

// A list too long for a spreadsheet's list of values is an error, not a
// workbook a spreadsheet program refuses.
func TestFormListTooLong(t *testing.T) {
	long := slices.Repeat([]string{"a value of some length"}, 20)
	_, err := Build(Sheet{Name: "S", TSV: "h\n", Columns: []Column{{List: long}}})
	if err == nil || !strings.Contains(err.Error(), `sheet "S" column A: list`) {
		t.Errorf("error %v, want one naming the sheet and column", err)
	}
}

// colNumFmt returns the built-in number format of a column's style.
func colNumFmt(t *testing.T, f *excelize.File, sheet, col string) int {
	t.Helper()
	s := colStyle(t, f, sheet, col)
	if s == nil {
		return 0
	}
	return s.NumFmt
}

// colCustomFmt returns the custom number format of a column's style, or "".
func colCustomFmt(t *testing.T, f *excelize.File, sheet, col string) string {
	t.Helper()
	if s := colStyle(t, f, sheet, col); s != nil && s.CustomNumFmt != nil {
		return *s.CustomNumFmt
	}
	return ""
}

func colStyle(t *testing.T, f *excelize.File, sheet, col string) *excelize.Style {
	t.Helper()
	id, err := f.GetColStyle(sheet, col)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 {
		return nil
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
