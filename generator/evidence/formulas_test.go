package evidence

import (
	"bytes"
	"maps"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestScanFormulas(t *testing.T) {
	long := strings.Repeat("x>y ", 40<<10) // text longer than the read buffer, with '>' in it
	tests := []struct {
		name, xml string
		want      map[string]string // by cell name
	}{
		{"saved value", `<sheetData><row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row></sheetData>`, map[string]string{}},
		{"no value", `<row><c r="B2" s="1"><f>DATE(2025,3,10)</f></c><c r="C2"><f>TODAY()</f><v></v></c></row>`,
			map[string]string{"B2": "DATE(2025,3,10)", "C2": "TODAY()"}},
		{"entities", `<c r="D4"><f>IF(A1&gt;0,&quot;a&amp;b&quot;,"")</f></c>`, map[string]string{"D4": `IF(A1>0,"a&b","")`}},
		{"shared formula", `<c r="E5"><f t="shared" si="0"/></c><c r="E6"><f t="shared" si="0"/><v>3</v></c>`, map[string]string{"E5": ""}},
		{"prefixed tags", `<x:c r="F7"><x:f>NOW()</x:f></x:c>`, map[string]string{"F7": "NOW()"}},
		{"inline string", `<c r="G8" t="inlineStr"><f>A1</f><is><t>text</t></is></c>`, map[string]string{}},
		{"empty cell and other attributes", `<c r="H9"/><c s="2" r="I9" t="n"><f>1</f></c><c ref="Z1" r="J9"><f>2</f><v>2</v></c>`, map[string]string{"I9": "1"}},
		{"long text", `<c r="K10" t="inlineStr"><is><t>` + long + `</t></is></c><c r="L10"><f>LEN(K10)</f></c>`, map[string]string{"L10": "LEN(K10)"}},
	}
	for _, tt := range tests {
		got, err := scanFormulas(strings.NewReader(`<?xml version="1.0"?><worksheet>` + tt.xml + `</worksheet>`))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !maps.Equal(byName(got), tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, byName(got), tt.want)
		}
	}
}

// The scan finds in a real workbook what excelize finds cell by cell, on
// the right sheet of several.
func TestUnsavedFormulasMatchExcelize(t *testing.T) {
	data := xlsx(t,
		workbook.Sheet{Name: "Other", TSV: "a\tb\n=1+1\t=2+2\n"},
		workbook.Sheet{Name: "Staff", TSV: "Staff ID\tStart Date\nNS-1\t=DATE(2025,3,10)\nNS-2\t2025-01-01\nNS-3\t=TODAY()&\"<x>\"\n"},
	)
	got, err := unsavedFormulas(data, "Staff")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]string{}
	for _, cell := range []string{"A1", "B1", "A2", "B2", "A3", "B3", "A4", "B4"} {
		if formula, err := f.GetCellFormula("Staff", cell); err == nil && formula != "" {
			want[cell] = formula
		}
	}
	if len(want) != 2 || !maps.Equal(byName(got), want) {
		t.Errorf("scan found %q, excelize %q", byName(got), want)
	}
	if _, err := unsavedFormulas(data, "Missing"); err == nil {
		t.Error("no error for a sheet the workbook does not have")
	}
}

// byName keys formulas by cell name.
func byName(m map[cellKey]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[diag.CellPos("", "S", k.row, k.col).Cell()] = v
	}
	return out
}

func FuzzScanFormulas(f *testing.F) {
	f.Add(`<c r="A1"><f>1</f></c>`)
	f.Add(`<x:c r="B2"><x:f t="shared"/></x:c><c r=`)
	f.Add(`<c r='C3'><f>A&gt;B</f><v/></c>>>><`)
	f.Fuzz(func(t *testing.T, s string) {
		m, err := scanFormulas(strings.NewReader(s))
		if err == nil && m == nil {
			t.Error("nil map and no error")
		}
	})
}
