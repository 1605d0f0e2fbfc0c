package evidence

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// csvOf writes a fixture sheet as CSV text, fields separated by sep and
// quoted where they must be; a cell's leading ' (text in a workbook) is
// dropped, as a CSV file has only text.
func csvOf(s workbook.Sheet, sep string) []byte {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(s.TSV, "\n"), "\n") {
		for i, cell := range strings.Split(line, "\t") {
			if i > 0 {
				b.WriteString(sep)
			}
			cell = strings.TrimPrefix(cell, "'")
			if strings.ContainsAny(cell, ",;\"\n") {
				cell = `"` + strings.ReplaceAll(cell, `"`, `""`) + `"`
			}
			b.WriteString(cell)
		}
		b.WriteString("\r\n")
	}
	return []byte(b.String())
}

// encrypted is a real password-protected workbook, as excelize writes it.
func encrypted(t *testing.T, s workbook.Sheet) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := f.Write(&out, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// Getting evidence in: other names, formats and slips are read where they
// can be and named where they cannot, never passed over.
func TestForgivingInput(t *testing.T) {
	one := row(t, "staff", "NS-1")
	two := row(t, "staff", "NS-2", map[string]string{"Name": "Smith, \"Jo\""})
	staff := sheet(t, "staff", one, two)
	renamed := func(name string) workbook.Sheet { s := staff; s.Name = name; return s }
	misspelt := workbook.Sheet{Name: "Staff", TSV: strings.Replace(staff.TSV, "Criminal Record Check", "Criminal Records Check", 1)}
	runLoad(t, "staff", []loadCase{
		{
			name:  "a workbook's only sheet, whatever its name",
			files: files{"staff.xlsx": xlsx(t, renamed("staff"))},
			keys:  []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				if r := e.Register("staff"); r.Sheet != "staff" {
					t.Errorf("Sheet = %q, want the sheet read", r.Sheet)
				}
			},
		},
		{
			name:  "several sheets, none named: all listed, with a suggestion",
			files: files{"staff.xlsx": xlsx(t, renamed("Staf"), workbook.Sheet{Name: "Notes", TSV: "x\n"})},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `no sheet named "Staff", and the workbook has 2 sheets ("Staf", "Notes") (did you mean "Staf"?): name the register's sheet "Staff"`},
			},
		},
		{
			name:  "csv, commas, CRLF, quoted fields",
			files: files{"staff.csv": csvOf(staff, ",")},
			keys:  []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				r := e.Register("staff")
				if r.Path != "evidence/staff.csv" || r.Sheet != "" {
					t.Errorf("Path %q Sheet %q, want the CSV file and no sheet", r.Path, r.Sheet)
				}
				s := byKey(t, e.Staff, "NS-2")
				if s.Name.Value != `Smith, "Jo"` || s.Name.Pos.String() != "evidence/staff.csv: row 3, column B" {
					t.Errorf("Name = %q at %s", s.Name.Value, s.Name.Pos)
				}
				if !s.Start.Set {
					t.Errorf("Start Date not read from text: %+v", s.Start)
				}
			},
		},
		{
			name:  "csv, semicolons, byte order mark",
			files: files{"staff.csv": append([]byte(utf8BOM), csvOf(staff, ";")...)},
			keys:  []string{"NS-1", "NS-2"},
		},
		{
			name: "csv, a bad row hides no other",
			files: files{"staff.csv": []byte(string(csvOf(sheet(t, "staff", one), ",")) +
				"NS-3,\"Ada \"Lovelace\",x\n" + strings.TrimPrefix(string(csvOf(sheet(t, "staff", row(t, "staff", "NS-4")), ",")), string(csvOf(sheet(t, "staff"), ","))))},
			problems: []wantProblem{
				{`evidence/staff.csv: row 3`, `cannot read this row: extraneous or missing " in quoted-field, at character 11 of line 3: it is not used`},
			},
			keys: []string{"NS-1", "NS-4"},
		},
		{
			name:  "csv, not UTF-8",
			files: files{"staff.csv": append(csvOf(sheet(t, "staff", one), ","), []byte("NS-9,Zo\xeb\n")...)},
			problems: []wantProblem{
				{`evidence/staff.csv: row 3`, `not UTF-8 text (first at line 3): save it as "CSV UTF-8"`},
			},
		},
		{
			name:  "xlsx and csv for one register",
			files: files{"staff.xlsx": xlsx(t, staff), "staff.csv": csvOf(staff, ",")},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `both staff.xlsx and staff.csv hold the staff register: keep one, and neither is read until then`},
			},
		},
		{
			name:  "a legacy workbook is named",
			files: files{"staff.xls": []byte("anything")},
			problems: []wantProblem{
				{`evidence/staff.xls`, `staff.xls is an Excel 97-2003 workbook, which this program does not read: save it as staff.xlsx (or staff.csv)`},
			},
		},
		{
			name:  "an OpenDocument spreadsheet is named",
			files: files{"staff.ods": []byte("anything")},
			problems: []wantProblem{
				{`evidence/staff.ods`, `staff.ods is an OpenDocument spreadsheet, which this program does not read: save it as staff.xlsx (or staff.csv)`},
			},
		},
		{
			name:  "a workbook saved with a password",
			files: files{"staff.xlsx": encrypted(t, staff)},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `the workbook is saved with a password: save it without one`},
			},
		},
		{
			name:  "an .xls under an .xlsx name",
			files: files{"staff.xlsx": append(append([]byte{}, cfbMagic...), make([]byte, 512)...)},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `the file is an Excel 97-2003 workbook with an .xlsx name`},
			},
		},
		{
			name:  "a header one slip away is read as its column, and said",
			files: files{"staff.xlsx": xlsx(t, misspelt)},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" J1`, `header "Criminal Records Check" read as the column "Criminal Record Check": correct the header to "Criminal Record Check"`},
			},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				if c := byKey(t, e.Staff, "NS-1").CriminalRecordCheck; !c.Set {
					t.Errorf("Criminal Record Check not read: %+v", c)
				}
			},
		},
		{
			name:  "a key header one slip away is suggested",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: strings.Replace(staff.TSV, "Staff ID", "Staf ID", 1)})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A1`, `no header row: want a row naming the column "Staff ID" in the first 20 rows (row 1 has "Staf ID": did you mean "Staff ID"?)`},
			},
		},
	})
}

func TestSniffComma(t *testing.T) {
	tests := []struct {
		in   string
		want rune
	}{
		{"a,b,c\n1;2\n", ','},
		{"a;b;c\n", ';'},
		{`"a;b;c",d` + "\n", ','},
		{"a;b,c;d", ';'},
		{"", ','},
	}
	for _, tt := range tests {
		if got := sniffComma([]byte(tt.in)); got != tt.want {
			t.Errorf("sniffComma(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzReadCSV: whatever a staff.csv holds, reading it never panics, every
// problem has a position in the file, and every row used has its key.
func FuzzReadCSV(f *testing.F) {
	staff := sheet(f, "staff", row(f, "staff", "NS-1"), row(f, "staff", "NS-2"))
	f.Add(csvOf(staff, ","))
	f.Add(csvOf(staff, ";"))
	f.Add([]byte(utf8BOM + "Staff ID\n\"NS-1\n"))
	f.Add([]byte("Staff ID;Name\r\nNS-1;\"a\"\"b\"\r\n;;\n"))
	f.Add([]byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e := Load(files{"staff.csv": data}.fs(), "evidence")
		r := e.Register("staff")
		for _, p := range r.Problems {
			if p.Pos.File() != "evidence/staff.csv" || p.Msg == "" {
				t.Fatalf("problem %q at %q", p.Msg, p.Pos)
			}
		}
		for _, s := range e.Staff {
			if strings.TrimSpace(s.ID) == "" || s.Row.Pos.Line() < 2 {
				t.Fatalf("row used with key %q at %s", s.ID, s.Row.Pos)
			}
		}
	})
}
