package evidence

import (
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestParseMajor(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string // part of the error; "" for none
	}{
		{"16.4", 16, ""},
		{"16", 16, ""},
		{" 16.4 ", 16, ""},
		{"v2.11.1", 2, ""},
		{"V2", 2, ""},
		{"2022", 2022, ""},
		{"2022 R2", 2022, ""},
		{"2022R2", 2022, ""},
		{"24.04 LTS", 24, ""},
		{"8u412", 8, ""},
		{"17.0.13+11", 17, ""},
		{"1.31.4-eks.1", 1, ""},
		{"3_1", 3, ""},
		{"0.9.1", 0, ""},
		{"007.1", 7, ""},
		{"16.0.19328.20190", 16, ""},
		{"123456789", 123456789, ""},
		{"1234567890", 0, "at most 9 digits"},
		{"", 0, "got nothing"},
		{"   ", 0, "got nothing"},
		{"latest", 0, "starting with its major number"},
		{"tbc", 0, "starting with its major number"},
		{"v", 0, "starting with its major number"},
		{"vv2", 0, "starting with its major number"},
		{"Windows Server 2022", 0, "starting with its major number"},
		{"-1", 0, "starting with its major number"},
		{".5", 0, "starting with its major number"},
		{"24/04/2026", 0, "want a version such as"},
		{"1,2", 0, "want a version such as"},
		{"16:4", 0, "want a version such as"},
		{"2é", 0, "want a version such as"},
	}
	for _, tt := range tests {
		got, err := ParseMajor(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseMajor(%q): %v", tt.in, err)
		case tt.wantErr == "" && got != tt.want:
			t.Errorf("ParseMajor(%q) = %d, want %d", tt.in, got, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseMajor(%q) = %d, %v; want an error containing %q", tt.in, got, err, tt.wantErr)
		}
	}
}

func FuzzParseMajor(f *testing.F) {
	fuzzParse(f, []string{"16.4", "v2.11.1", "2022 R2", "24.04 LTS", "8u412", "", "latest", "24/04/2026", "1234567890", "v", "0", "٣.1"},
		anyDateSystem(ParseMajor), "want a version", func(t *testing.T, s string, _ bool, m int) {
			if m < 0 || m > 999999999 {
				t.Fatalf("ParseMajor(%q) = %d", s, m)
			}
			// The major is the digits the string starts with (after a v).
			trimmed := strings.TrimLeft(strings.TrimSpace(s), "vV")
			digits := strings.TrimLeft(trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "0123456789"))], "0")
			if digits == "" {
				digits = "0"
			}
			again, err := ParseMajor(digits)
			if err != nil || again != m {
				t.Fatalf("ParseMajor(%q) = %d, but its digits %q read as %d, %v", s, m, digits, again, err)
			}
		})
}

func TestLoadSoftware(t *testing.T) {
	runLoad(t, "software", []loadCase{
		{
			name: "every column, numbers, text and v-prefixed versions",
			files: file(t, "software",
				"PostgreSQL\t'17.6\t'19.1\t2026-09-24\t\t\t",
				"SQL Server\t2019\t2025\t'18/11/2025\t2022\tClient-Agreed\tCLIENT-1",
				"GitLab\t'v17.11.6\t'v19.0.2\t2026-05-21\t\t mitigation-reduction \tRISK-1",
				"Kubernetes\t1.35\t'v1.37.2\t2015-07-21\t\tnone\t",
			),
			keys: []string{"PostgreSQL", "SQL Server", "GitLab", "Kubernetes"},
			check: func(t *testing.T, e *Evidence) {
				pg := byKey(t, e.Software, "PostgreSQL")
				if pg.Installed.Major != 17 || pg.Latest.Major != 19 || pg.Installed.Value != "17.6" || pg.LatestRelease.String() != "2026-09-24" {
					t.Errorf("PostgreSQL = %+v", pg)
				}
				if pg.Installed.Pos.Cell() != "B2" || pg.Latest.Pos.Cell() != "C2" || pg.Row.Pos.Cell() != "A2" {
					t.Errorf("cells %s %s %s, want B2 C2 A2", pg.Installed.Pos.Cell(), pg.Latest.Pos.Cell(), pg.Row.Pos.Cell())
				}
				if pg.ExceptionName() != UpgradeExceptionNone || pg.N1Major() != 18 || pg.Previous.Set {
					t.Errorf("PostgreSQL exception %q, n-1 %d", pg.ExceptionName(), pg.N1Major())
				}
				sql := byKey(t, e.Software, "SQL Server")
				if sql.ExceptionName() != UpgradeClientAgreed || sql.ExceptionRef.Value != "CLIENT-1" || sql.N1Major() != 2022 || sql.LatestRelease.String() != "2025-11-18" {
					t.Errorf("SQL Server = %+v, n-1 %d", sql, sql.N1Major())
				}
				if g := byKey(t, e.Software, "GitLab"); g.ExceptionName() != UpgradeMitigationReduction || g.Installed.Major != 17 || g.Latest.Value != "v19.0.2" {
					t.Errorf("GitLab = %+v", g)
				}
				// A version typed as a number reads from its raw value.
				if k := byKey(t, e.Software, "Kubernetes"); k.Installed.Major != 1 || k.Installed.Value != "1.35" {
					t.Errorf("Kubernetes installed = %+v", k.Installed)
				}
			},
		},
		{
			name: "bad cells are problems at their cells; the rest is used",
			files: file(t, "software",
				"A\tlatest\t'2.1\t2026-01-05\t\t\t",
				"B\t'1.2\ttbc\tsoon\t\twaived\t",
				"C\t\t'3.0\t\t\tclient agreement\t",
				"D\t'2.0\t'3.0\t2026-01-05\t'x\t\t",
				"E\t'2.0\t'3.0\t2026-01-05\t\t\t",
			),
			problems: []wantProblem{
				{`evidence/software.xlsx: sheet "Software" B2`, `Installed Version: want a version starting with its major number (16.4, v2.11.1, 2022), got "latest"`},
				{`evidence/software.xlsx: sheet "Software" C3`, `Latest Version: want a version starting with its major number`},
				{`evidence/software.xlsx: sheet "Software" D3`, `Latest Release Date: ` + dateWant + `, got "soon"`},
				{`evidence/software.xlsx: sheet "Software" F3`, `Exception: want one of none, mitigation-reduction, client-agreed, got "waived"`},
				{`evidence/software.xlsx: sheet "Software" B4`, `Installed Version: empty; a value is required`},
				{`evidence/software.xlsx: sheet "Software" D4`, `Latest Release Date: empty; a value is required`},
				{`evidence/software.xlsx: sheet "Software" F4`, `Exception: want one of none, mitigation-reduction, client-agreed, got "client agreement"`},
				{`evidence/software.xlsx: sheet "Software" E5`, `Previous Major Version: want a version starting with its major number`},
			},
			keys: []string{"A", "B", "C", "D", "E"},
			check: func(t *testing.T, e *Evidence) {
				a := byKey(t, e.Software, "A")
				if !a.Installed.Invalid || a.Installed.Set || !a.Latest.Set || a.Latest.Major != 2 {
					t.Errorf("A = %+v", a)
				}
				if c := byKey(t, e.Software, "C"); !c.Installed.Invalid || !c.LatestRelease.Invalid || !c.Exception.Invalid || c.ExceptionName() != UpgradeExceptionNone {
					t.Errorf("C = %+v", c)
				}
				if d := byKey(t, e.Software, "D"); !d.Previous.Invalid || d.N1Major() != 2 {
					t.Errorf("D = %+v", d)
				}
				if x := byKey(t, e.Software, "E"); x.Installed.Invalid || x.Latest.Invalid || x.Previous.Set || x.N1Major() != 2 {
					t.Errorf("E = %+v", x)
				}
				for _, p := range e.Register("software").Problems {
					want := map[string][]string{
						"B": {ParaSoftware}, "C": {ParaSoftware}, "D": {ParaSoftware, ParaSoftwareMitigation}, "F": {ParaSoftwareMitigation, ParaSoftwareAgreed}, "E": {ParaSoftware},
					}[p.Pos.Cell()[:1]]
					if !slices.Equal(p.Paragraphs, want) {
						t.Errorf("%s: paragraphs %q, want %q", p.Pos, p.Paragraphs, want)
					}
				}
			},
		},
		{
			name: "versions that contradict each other",
			files: file(t, "software",
				"Newer than latest\t'17.2\t'16.4\t2025-09-25\t\t\t",
				"Previous not below\t'15\t'16.4\t2025-09-25\t'16\t\t",
				"Year, no previous\t2022\t2025\t2024-11-01\t\t\t",
				"Year, with previous\t2022\t2025\t2024-11-01\t2022\t\t",
				"Year, on the latest\t2025\t2025\t2024-11-01\t\t\t",
			),
			problems: []wantProblem{
				{`evidence/software.xlsx: sheet "Software" C2`, `Latest Version: "16.4" (major 16) is older than the Installed Version "17.2" (major 17): the latest release on record is out of date`},
				{`evidence/software.xlsx: sheet "Software" E3`, `Previous Major Version: "16" (major 16) is not below the Latest Version "16.4" (major 16)`},
				{`evidence/software.xlsx: sheet "Software" C4`, `Latest Version: "2025" is numbered by year, so the major released before it need not be 2024: give it in a Previous Major Version column`},
			},
			keys: []string{"Newer than latest", "Previous not below", "Year, no previous", "Year, with previous", "Year, on the latest"},
			check: func(t *testing.T, e *Evidence) {
				if s := byKey(t, e.Software, "Newer than latest"); !s.Latest.Invalid || s.Installed.Invalid {
					t.Errorf("newer: %+v", s)
				}
				if s := byKey(t, e.Software, "Previous not below"); !s.Previous.Invalid || s.N1Major() != 15 {
					t.Errorf("previous: %+v n-1 %d", s, s.N1Major())
				}
				if s := byKey(t, e.Software, "Year, no previous"); !s.Latest.Invalid {
					t.Errorf("year: %+v", s)
				}
				if s := byKey(t, e.Software, "Year, with previous"); s.Latest.Invalid || s.N1Major() != 2022 {
					t.Errorf("year with previous: %+v", s)
				}
			},
		},
		{
			name: "missing required column, no Previous Major Version or Exception columns, duplicate product",
			files: files{"software.xlsx": xlsx(t, workbook.Sheet{Name: "Software", TSV: tsv(
				"Product\tInstalled Version\tLatest Version",
				"nginx\t'1.28.1\t'1.30.0",
				"NGINX\t'1.26\t'1.30.0",
				"\t'1\t'2",
				"Redis\t'8.2\t'8.4",
			)})},
			problems: []wantProblem{
				{`evidence/software.xlsx: sheet "Software" A1`, `missing required column "Latest Release Date" in the header row 1`},
				{`evidence/software.xlsx: sheet "Software" A3`, `duplicate Product "NGINX" (first at row 2): this row is not used`},
				{`evidence/software.xlsx: sheet "Software" A4`, `Product is empty: this row is not used`},
			},
			keys: []string{"nginx", "Redis"},
			check: func(t *testing.T, e *Evidence) {
				n := byKey(t, e.Software, "nginx")
				if !n.LatestRelease.Invalid || n.LatestRelease.Set || n.ExceptionName() != UpgradeExceptionNone || n.ExceptionRef.Set || n.Previous.Set || n.Previous.Invalid {
					t.Errorf("nginx = %+v", n)
				}
			},
		},
	})
}

// FuzzLoadSoftware fuzzes the Software sheet (see fuzzRegister): every
// version read has the major ParseMajor gives.
func FuzzLoadSoftware(f *testing.F) {
	f.Add(sheet(f, "software", "PostgreSQL\t'17.6\t'19.1\t2026-09-24\t\tnone\t").TSV)
	f.Add(sheet(f, "software",
		"A\tlatest\t'2.1\t2026-01-05\t\t\t",
		"B\t'17.2\t'16.4\tsoon\t'16\twaived\t",
		"C\t2022\t2025\t'18/11/2025\t\tclient-agreed\tX",
		"c\t2022\t2025\t'18/11/2025\t2030\tmitigation-reduction\t",
	).TSV)
	f.Add("product\tinstalled version\nX\t1e5\n")
	f.Add("")
	fuzzRegister(f, "software", nil, func(t *testing.T, e *Evidence) {
		for _, s := range e.Software {
			for _, v := range []Version{s.Installed, s.Latest, s.Previous} {
				if m, err := ParseMajor(v.Value); v.Set && (err != nil || m != v.Major) {
					t.Fatalf("%s: version %+v, but ParseMajor gives %d, %v", s.ID, v, m, err)
				}
			}
		}
	})
}
