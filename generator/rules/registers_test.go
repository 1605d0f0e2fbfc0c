package rules

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// The register fixtures: every register's rows start from its example
// row in the register table (evidence.Schemas), and a test names only the
// cells it is about.

// schema returns the named register's schema.
func schema(t testing.TB, name string) evidence.Schema {
	t.Helper()
	s, ok := evidence.LookupSchema(name)
	if !ok {
		t.Fatalf("no register %q", name)
	}
	return s
}

// exampleRow returns a row of the named register: its example row, with
// key in the key column and the cells of sets (column name -> TSV cell,
// later sets winning).
func exampleRow(t testing.TB, name, key string, sets ...map[string]string) string {
	t.Helper()
	s := schema(t, name)
	row, err := workbook.Table{Name: s.Sheet, Header: s.Header(), Base: s.Example()}.Row(append([]map[string]string{{s.Key: key}}, sets...)...)
	if err != nil {
		t.Fatal(err)
	}
	return row
}

// withCells returns row with the cells of set replaced, and withWant m
// with para's want: a table row's variation on a common one.
func withCells(row, set map[string]string) map[string]string { return with(row, set) }

func withWant(m map[string]want, para string, w want) map[string]want {
	return with(m, map[string]want{para: w})
}

func with[V any](m, set map[string]V) map[string]V {
	out := make(map[string]V, len(m)+len(set))
	maps.Copy(out, m)
	maps.Copy(out, set)
	return out
}

// loadRegisters reads registers given as TSV rows under each one's header
// row, by register name; nil rows leave the register's file out.
func loadRegisters(t testing.TB, rows map[string][]string) *evidence.Evidence {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, rs := range rows {
		if rs == nil {
			continue
		}
		s := schema(t, name)
		b, err := workbook.Build(workbook.Table{Name: s.Sheet, Header: s.Header()}.Sheet(rs...))
		if err != nil {
			t.Fatalf("building %s: %v", s.File, err)
		}
		fsys[s.File] = &fstest.MapFile{Data: b}
	}
	return evidence.Load(fsys, "evidence")
}

// registersInput evaluates registers given as TSV rows by register name
// (nil: no file) under form and as of asOf (default 2026-11-27).
func registersInput(t testing.TB, form, asOf string, rows map[string][]string) Input {
	t.Helper()
	return setup{form: form, asOf: asOf, noTraining: true}.inputWith(t, loadRegisters(t, rows))
}

// registerInput evaluates the named register alone, given as TSV rows.
func registerInput(t testing.TB, name, form, asOf string, rows ...string) Input {
	t.Helper()
	return registersInput(t, form, asOf, map[string][]string{name: rows})
}

// Part A has none of the paragraphs the registers below are judged
// against (Annex 1's 2 and 6, 6, 9.3, 9.4, 9.5.5): a Part A build of the
// register alone shows no check, and no finding in the register's file or
// against Part B, though the same rows are judged under form B.
func TestRegistersFormA(t *testing.T) {
	for _, tt := range []struct {
		register string
		rows     []string
	}{
		{"devices", []string{devRow(t, map[string]string{"Encrypted": "No", "Management Authority": ""})}},
		{"software", []string{swRow(t, map[string]string{"Installed Version": "'1", "Latest Version": "'19"})}},
		{"security-tests", []string{
			stRow(t, "PT-1", map[string]string{"Client Agreed On": "2025-06-20", "Results Delivered On": ""}),
			stFinding(t, "PT-2", "F-1", nil),
		}},
		{"vulnerabilities", []string{
			patchRow(t, "VUL-1", map[string]string{"Patch Applied": "2026-03-17", "Severity": "Severe"}),
			patchRow(t, "VUL-2", map[string]string{"Exception": "extension", "Severity": "Low"}),
		}},
		{"vulnerability-reports", []string{}},
		{"privileges", []string{exampleRow(t, "privileges", "PRV-1", map[string]string{"No Longer Needed On": "2026-03-02"})}},
	} {
		t.Run(tt.register, func(t *testing.T) {
			fromRegister := func(c Check) bool { return c.Source == tt.register }
			r := Evaluate(registerInput(t, tt.register, "A", "", tt.rows...))
			for _, c := range r.Checks {
				t.Errorf("check %+v", c)
			}
			file := "evidence/" + schema(t, tt.register).File
			for _, f := range where(r.Findings, func(f Finding) bool { return strings.HasPrefix(f.Paragraph, "B.") || f.Pos.File() == file }) {
				t.Errorf("finding %+v", f)
			}
			if r := Evaluate(registerInput(t, tt.register, "B", "", tt.rows...)); len(where(r.Checks, fromRegister)) == 0 {
				t.Error("no check under form B either: the test proves nothing")
			}
		})
	}
}

// A build with every register's example row gives no finding against any
// register's paragraphs, nor in any register's file, under either form:
// the example rows are compliant and consistent with each other. Under
// form B a check judges each example row.
func TestExampleRowsComply(t *testing.T) {
	const asOf = "2026-05-20"
	rows := map[string][]string{}
	for _, s := range evidence.Schemas() {
		rows[s.Name] = []string{exampleRow(t, s.Name, s.Example()[s.Key])}
	}
	ev := loadRegisters(t, rows)
	for _, form := range []string{"A", "B"} {
		in := setup{form: form, asOf: asOf}.inputWith(t, ev)
		// Monthly reports are due from the example's month only.
		month, err := evidence.ParseMonth(schema(t, "vulnerability-reports").Example()["Month"], false)
		if err != nil {
			t.Fatal(err)
		}
		in.Config.Contract.ReportsFrom = month
		r := Evaluate(in)
		for _, s := range evidence.Schemas() {
			paras := s.Paragraphs()
			checked := 0
			for _, f := range r.Findings {
				if slices.Contains(paras, f.Paragraph) || f.Pos.File() == "evidence/"+s.File {
					t.Errorf("form %s, %s: finding %s %s %s at %s: %s", form, s.Name, f.Paragraph, f.Kind, f.Subject, f.Pos, f.Message)
				}
			}
			for _, c := range r.Checks {
				if slices.Contains(paras, c.Paragraph) && c.Subject == s.Example()[s.Key] {
					checked++
				}
			}
			if checked == 0 && form == "B" {
				t.Errorf("%s: no check judged the example row", s.Name)
			}
		}
	}
	if t.Failed() {
		t.Logf("example rows: %q", rows)
	}
}
