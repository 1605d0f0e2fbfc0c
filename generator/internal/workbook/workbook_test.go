package workbook

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// open builds sheets and opens the result with excelize, as a reader would.
func open(t *testing.T, sheets ...Sheet) *excelize.File {
	t.Helper()
	b, err := Build(sheets...)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("OpenReader: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Cell kinds as a reader sees them.
const (
	kindEmpty   = "empty"
	kindDate    = "date" // a number styled yyyy-mm-dd
	kindNumber  = "number"
	kindText    = "text"
	kindFormula = "formula"
)

func TestCells(t *testing.T) {
	tests := []struct {
		name string
		in   string
		kind string
		raw  string // value with RawCellValue, or the formula for kindFormula
		want string // formatted value (GetCellValue)
	}{
		{"iso date", "2025-05-23", kindDate, "45800", "2025-05-23"},
		{"first serial date", "1900-03-01", kindDate, "61", "1900-03-01"},
		{"leap day", "2024-02-29", kindDate, "45351", "2024-02-29"},
		{"last date", "9999-12-31", kindDate, "2958465", "9999-12-31"},
		{"quoted iso date", "'2025-05-23", kindText, "2025-05-23", "2025-05-23"},
		{"quoted uk date", "'01/02/2025", kindText, "01/02/2025", "01/02/2025"},
		{"unquoted uk date", "14/03/2025", kindText, "14/03/2025", "14/03/2025"},
		{"impossible date", "2025-02-30", kindText, "2025-02-30", "2025-02-30"},
		{"date before 1900-03-01", "1900-02-28", kindText, "1900-02-28", "1900-02-28"},
		{"date with time", "2025-05-23T10:00:00Z", kindText, "2025-05-23T10:00:00Z", "2025-05-23T10:00:00Z"},
		{"short date", "2025-5-23", kindText, "2025-5-23", "2025-5-23"},
		{"integer", "42", kindNumber, "42", "42"},
		{"negative decimal", "-1.5", kindNumber, "-1.5", "-1.5"},
		{"exponent", "1e3", kindNumber, "1000", "1000"},
		{"leading zeros", "007", kindNumber, "7", "7"},
		{"quoted number", "'007", kindText, "007", "007"},
		{"padded number", " 7 ", kindText, " 7 ", " 7 "},
		{"NaN is text", "NaN", kindText, "NaN", "NaN"},
		{"Inf is text", "Inf", kindText, "Inf", "Inf"},
		{"formula", "=SUM(B1:B2)", kindFormula, "SUM(B1:B2)", ""},
		{"date formula", "=DATE(2025,5,23)", kindFormula, "DATE(2025,5,23)", ""},
		{"quoted formula", "'=A1", kindText, "=A1", "=A1"},
		{"lone equals", "=", kindText, "=", "="},
		{"quoted quote", "''x", kindText, "'x", "'x"},
		{"yes", "Yes", kindText, "Yes", "Yes"},
		{"tbc", "tbc", kindText, "tbc", "tbc"},
		{"unicode", "Siân Ó Dúnlaing – 日本語 ✓", kindText, "Siân Ó Dúnlaing – 日本語 ✓", "Siân Ó Dúnlaing – 日本語 ✓"},
		{"xml specials", `<a href="x">&amp;</a>`, kindText, `<a href="x">&amp;</a>`, `<a href="x">&amp;</a>`},
		{"empty", "", kindEmpty, "", ""},
	}
	var tsv strings.Builder
	for _, tt := range tests {
		fmt.Fprintf(&tsv, "%s\t%s\n", tt.name, tt.in)
	}
	f := open(t, Sheet{Name: "Cells", TSV: tsv.String()})

	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cell := "B" + strconv.Itoa(i+1)
			typ, err := f.GetCellType("Cells", cell)
			if err != nil {
				t.Fatal(err)
			}
			formula, err := f.GetCellFormula("Cells", cell)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := f.GetCellValue("Cells", cell, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.GetCellValue("Cells", cell)
			if err != nil {
				t.Fatal(err)
			}
			numFmt := cellNumFmt(t, f, "Cells", cell)

			var kind string
			switch {
			case formula != "":
				kind, raw = kindFormula, formula
			case typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString:
				kind = kindText
			case (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) && raw == "":
				kind = kindEmpty
			case typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber:
				kind = kindNumber
				if numFmt == DateFormat {
					kind = kindDate
				}
			default:
				kind = fmt.Sprintf("cell type %d", typ)
			}
			if kind != tt.kind || raw != tt.raw || got != tt.want {
				t.Errorf("%q: got kind %s, raw %q, value %q; want %s, %q, %q",
					tt.in, kind, raw, got, tt.kind, tt.raw, tt.want)
			}
			if kind == kindText && numFmt != "" {
				t.Errorf("%q: text cell has number format %q", tt.in, numFmt)
			}
			if tt.kind == kindDate {
				serial, err := strconv.ParseFloat(raw, 64)
				if err != nil {
					t.Fatal(err)
				}
				d, err := excelize.ExcelDateToTime(serial, false)
				if err != nil {
					t.Fatal(err)
				}
				if s := d.Format(time.DateOnly); s != tt.in {
					t.Errorf("ExcelDateToTime(%s) = %s, want %s", raw, s, tt.in)
				}
			}
		})
	}
}

// cellNumFmt returns the custom number format of a cell, or "".
func cellNumFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 {
		return ""
	}
	style, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if style.CustomNumFmt == nil {
		return ""
	}
	return *style.CustomNumFmt
}

func TestSheetsInOrder(t *testing.T) {
	tests := []struct {
		name   string
		sheets []string
	}{
		{"one", []string{"Staff"}},
		{"reverse alphabetical", []string{"Training", "Staff"}},
		{"Sheet1 kept when named first", []string{"Sheet1", "Staff"}},
		{"Sheet1 kept when named later", []string{"Staff", "Sheet1"}},
		{"unicode names", []string{"Équipe", "研修"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sheets []Sheet
			for _, name := range tt.sheets {
				sheets = append(sheets, Sheet{Name: name, TSV: "Sheet\n" + name + "\n"})
			}
			f := open(t, sheets...)
			if got := f.GetSheetList(); !slices.Equal(got, tt.sheets) {
				t.Fatalf("sheets = %q, want %q", got, tt.sheets)
			}
			for _, name := range tt.sheets {
				if v, _ := f.GetCellValue(name, "A2"); v != name {
					t.Errorf("%s!A2 = %q, want %q", name, v, name)
				}
			}
		})
	}
}

func TestRows(t *testing.T) {
	tests := []struct {
		name string
		tsv  string
		want [][]string
	}{
		{"empty", "", nil},
		{"only newline", "\n", nil},
		{"no trailing newline", "a\tb\n1\t2", [][]string{{"a", "b"}, {"1", "2"}}},
		{"trailing newline dropped once", "a\tb\n1\t2\n", [][]string{{"a", "b"}, {"1", "2"}}},
		{"blank rows kept", "a\n\nb\n\n", [][]string{{"a"}, {""}, {"b"}, {""}}},
		{"crlf", "a\tb\r\n1\t2\r\n", [][]string{{"a", "b"}, {"1", "2"}}},
		{"empty cells", "a\t\tc\n\tb\t", [][]string{{"a", "", "c"}, {"", "b", ""}}},
		{"ragged", "a\tb\tc\n1", [][]string{{"a", "b", "c"}, {"1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(tt.tsv)
			if !slices.EqualFunc(got, tt.want, slices.Equal) {
				t.Errorf("rows(%q) = %q, want %q", tt.tsv, got, tt.want)
			}
		})
	}
}

func TestBlankRowsAndCellsStayEmpty(t *testing.T) {
	f := open(t, Sheet{Name: "S", TSV: "h1\th2\th3\n\na\t\tc\n"})
	got, err := f.GetRows("S")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"h1", "h2", "h3"}, nil, {"a", "", "c"}}
	if dim, _ := f.GetSheetDimension("S"); dim != "A1:C3" {
		t.Errorf("dimension %q, want A1:C3", dim)
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("rows = %q, want %q", got, want)
	}
	for _, cell := range []string{"A2", "B3"} {
		if typ, _ := f.GetCellType("S", cell); typ != excelize.CellTypeUnset {
			t.Errorf("%s: type %d, want unset", cell, typ)
		}
		if id, _ := f.GetCellStyle("S", cell); id != 0 {
			t.Errorf("%s: style %d, want none", cell, id)
		}
	}
}

func TestThousandRows(t *testing.T) {
	const n = 1000
	var tsv strings.Builder
	tsv.WriteString("ID\tName\tDate\tCount\n")
	start := time.Date(2025, time.April, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&tsv, "NS-%04d\tPerson %d ✓\t%s\t%d\n", i, i, start.AddDate(0, 0, i).Format(time.DateOnly), i)
	}
	f := open(t, Sheet{Name: "Big", TSV: tsv.String()})

	if dim, _ := f.GetSheetDimension("Big"); dim != "A1:D1001" {
		t.Errorf("dimension %q, want A1:D1001", dim)
	}
	formatted, err := f.GetRows("Big")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := f.GetRows("Big", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(formatted) != n+1 || len(raw) != n+1 {
		t.Fatalf("got %d and %d rows, want %d", len(formatted), len(raw), n+1)
	}
	for i := 1; i <= n; i++ {
		date := start.AddDate(0, 0, i)
		want := []string{fmt.Sprintf("NS-%04d", i), fmt.Sprintf("Person %d ✓", i), date.Format(time.DateOnly), strconv.Itoa(i)}
		if !slices.Equal(formatted[i], want) {
			t.Fatalf("row %d = %q, want %q", i+1, formatted[i], want)
		}
		serial, err := strconv.Atoi(raw[i][2])
		if err != nil {
			t.Fatalf("row %d: raw date %q is not a serial", i+1, raw[i][2])
		}
		if want := 45748 + i; serial != want { // 45748 is 2025-04-01
			t.Fatalf("row %d: serial %d, want %d", i+1, serial, want)
		}
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		sheets []Sheet
		want   string
	}{
		{"no sheets", nil, "no sheets"},
		{"empty name", []Sheet{{Name: "A"}, {Name: ""}}, "sheet 2: empty sheet name"},
		{"duplicate name", []Sheet{{Name: "Staff"}, {Name: "Staff"}}, `duplicate sheet name "Staff"`},
		{"duplicate name ignoring case", []Sheet{{Name: "Staff"}, {Name: "STAFF"}}, `duplicate sheet name "STAFF"`},
		{"invalid character", []Sheet{{Name: "a/b"}}, `sheet "a/b"`},
		{"too long", []Sheet{{Name: strings.Repeat("x", 32)}}, "sheet \"xxxx"},
		{"invalid later sheet", []Sheet{{Name: "ok"}, {Name: "[bad]"}}, `sheet "[bad]"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Build(tt.sheets...)
			if err == nil {
				t.Fatalf("Build succeeded (%d bytes), want error containing %q", len(b), tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	sheets := []Sheet{
		{Name: "Staff", TSV: "Staff ID\tName\tStart Date\tScore\tNote\nNS-0001\tAda\t2025-04-01\t3.5\t=C2+1\nNS-0002\tBryn\t'01/04/2025\t4\t'text\n"},
		{Name: "Training", TSV: "Staff ID\tCourse\tCompleted\nNS-0001\tSecure Information Management\t2026-01-15\n"},
	}
	first, err := Build(sheets...)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, err := Build(sheets...)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("two builds of the same sheets differ")
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(first))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != fixedTime || props.Modified != fixedTime {
		t.Errorf("created %q, modified %q, want %q", props.Created, props.Modified, fixedTime)
	}
}

func TestWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.xlsx")
	sheet := Sheet{Name: "S", TSV: "a\tb\n1\t2025-04-01\n"}
	if err := Write(path, sheet); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Build(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("written file differs from Build")
	}
	err = Write(filepath.Join(t.TempDir(), "bad.xlsx"))
	if err == nil || !strings.Contains(err.Error(), "bad.xlsx: workbook: no sheets") {
		t.Errorf("Write with no sheets: error %v, want the path and the cause", err)
	}
}
