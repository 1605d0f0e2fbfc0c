package evidence

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// schema returns the named register's schema.
func schema(t testing.TB, name string) Schema {
	t.Helper()
	s, ok := LookupSchema(name)
	if !ok {
		t.Fatalf("no register %q", name)
	}
	return s
}

// fixture lays out the named register's sheet: its header row, and its
// example row as the base of every row.
func fixture(t testing.TB, name string) workbook.Table {
	t.Helper()
	s := schema(t, name)
	return workbook.Table{Name: s.Sheet, Header: s.Header(), Base: s.Example()}
}

// row returns a row of the named register: its example row, with key in
// the key column and the cells of sets (column name -> TSV cell, later
// sets winning).
func row(t testing.TB, name, key string, sets ...map[string]string) string {
	t.Helper()
	r, err := fixture(t, name).Row(append([]map[string]string{{schema(t, name).Key: key}}, sets...)...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// finding returns a security tests row of test id recording a weakness
// with its Finding ID and a root cause of its own, with sets applied.
func finding(t testing.TB, id, findingID string, sets ...map[string]string) string {
	t.Helper()
	weakness := map[string]string{"Finding ID": findingID, "Finding Type": FindingWeakness, "Root Cause": "Cause of " + findingID}
	return row(t, "security-tests", id, append([]map[string]string{weakness}, sets...)...)
}

// header is the named register's header row as TSV.
func header(t testing.TB, name string) string { return strings.Join(schema(t, name).Header(), "\t") }

// sheet is the named register's sheet: its header row, then rows.
func sheet(t testing.TB, name string, rows ...string) workbook.Sheet {
	return fixture(t, name).Sheet(rows...)
}

// file is an evidence folder holding the named register's workbook: its
// header row, then rows.
func file(t testing.TB, name string, rows ...string) files {
	return files{schema(t, name).File: xlsx(t, sheet(t, name, rows...))}
}

// tsv joins rows (each already tab-separated) into sheet text.
func tsv(rows ...string) string { return strings.Join(rows, "\n") + "\n" }

// xlsx builds one workbook.
func xlsx(t testing.TB, sheets ...workbook.Sheet) []byte {
	t.Helper()
	b, err := workbook.Build(sheets...)
	if err != nil {
		t.Fatalf("workbook.Build: %v", err)
	}
	return b
}

// files is an evidence folder: file name -> contents.
type files map[string][]byte

// merge is f with the files of more added.
func (f files) merge(more ...files) files {
	out := files{}
	for _, m := range append([]files{f}, more...) {
		for name, b := range m {
			out[name] = b
		}
	}
	return out
}

func (f files) fs() fstest.MapFS {
	m := fstest.MapFS{}
	for name, b := range f {
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

// records lists the records read from the named register, in order: the
// records of Evidence whose Row cell (the key cell every record type has)
// was read from the register's file.
func records(e *Evidence, name string) []reflect.Value {
	path := e.Register(name).Path
	var out []reflect.Value
	v := reflect.ValueOf(e).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.Struct {
			continue
		}
		key, ok := f.Type().Elem().FieldByName("Row")
		if !ok || key.Type != reflect.TypeFor[Text]() {
			continue
		}
		for j := range f.Len() {
			if f.Index(j).FieldByIndex(key.Index).Interface().(Text).Pos.File() == path {
				out = append(out, f.Index(j))
			}
		}
	}
	return out
}

// recordKeys lists the keys of the records read from the named register,
// in order.
func recordKeys(e *Evidence, name string) []string {
	var out []string
	for _, r := range records(e, name) {
		out = append(out, r.FieldByName("Row").Interface().(Text).Value)
	}
	return out
}

// byKey returns the record whose key cell (its Row) holds key.
func byKey[T any](t *testing.T, records []T, key string) T {
	t.Helper()
	return record(t, records, func(r T) string { return reflect.ValueOf(r).FieldByName("Row").Interface().(Text).Value }, key)
}

// record returns the record for which key gives id.
func record[T any](t *testing.T, records []T, key func(T) string, id string) T {
	t.Helper()
	for _, r := range records {
		if key(r) == id {
			return r
		}
	}
	t.Fatalf("no record %s among %d", id, len(records))
	var zero T
	return zero
}

// problems prints a register's problems as "pos: msg", in the order found.
func problems(r *Register) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("%s: %s", p.Pos, p.Msg))
	}
	return out
}

// allProblems prints every register's problems.
func allProblems(e *Evidence) []string {
	var out []string
	for _, r := range e.Registers {
		out = append(out, problems(r)...)
	}
	return out
}

// wantProblem is one expected problem: its exact position, printed, and
// the start of its message.
type wantProblem struct {
	pos, msg string
}

const dateWant = "want a date (yyyy-mm-dd, dd/mm/yyyy or an Excel date)"

// verifyProblems checks every register's problems against want, in order:
// the exact position, the start of the message, and at least one
// paragraph each, so that a finding reports it.
func verifyProblems(t *testing.T, e *Evidence, want []wantProblem) {
	t.Helper()
	var got []Problem
	for _, r := range e.Registers {
		got = append(got, r.Problems...)
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s\nwant %d:\n%v", strings.Join(allProblems(e), "\n"), len(want), want)
	}
	for i, w := range want {
		if got[i].Pos.String() != w.pos || !strings.HasPrefix(got[i].Msg, w.msg) {
			t.Errorf("problem %d = %s: %s\nwant %s: %s...", i, got[i].Pos, got[i].Msg, w.pos, w.msg)
		}
		if len(got[i].Paragraphs) == 0 {
			t.Errorf("problem %d: %s: no paragraphs, so no finding would report it", i, got[i].Msg)
		}
	}
}

// verifyParagraphs checks the paragraphs of every register's problems
// by column, as loadCase.paragraphs says.
func verifyParagraphs(t *testing.T, e *Evidence, want map[string][]string) {
	t.Helper()
	seen := map[string]bool{}
	for _, r := range e.Registers {
		for _, p := range r.Problems {
			col, _, _ := excelize.SplitCellName(p.Pos.Cell())
			w, ok := want[col]
			if !ok {
				w, ok = want["*"]
			}
			seen[col] = true
			if ok && !slices.Equal(p.Paragraphs, w) {
				t.Errorf("%s: %s: paragraphs %q, want %q", p.Pos, p.Msg, p.Paragraphs, w)
			}
		}
	}
	for col := range want {
		if col != "*" && !seen[col] {
			t.Errorf("no problem in column %s", col)
		}
	}
}

// loadCase is one case of a register's load table: the evidence folder,
// the problems of every register, the keys of the register's records and
// any further checks.
type loadCase struct {
	name     string
	files    files
	problems []wantProblem
	keys     []string // keys of the records read, in order
	// paragraphs are those of every problem in each column named ("*": in
	// any other column); each column named has a problem.
	paragraphs map[string][]string
	check      func(t *testing.T, e *Evidence)
}

// runLoad loads each case's folder and checks the problems, the named
// register's records against its rows used and shown, then each of
// checks and the case's own check.
func runLoad(t *testing.T, name string, tests []loadCase, checks ...func(t *testing.T, e *Evidence)) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Load(tt.files.fs(), "evidence")
			verifyProblems(t, e, tt.problems)
			verifyParagraphs(t, e, tt.paragraphs)
			reg := e.Register(name)
			if got := recordKeys(e, name); !slices.Equal(got, tt.keys) || reg.Rows != len(got) || len(reg.Data) != reg.Rows {
				t.Errorf("records %q (Rows %d, Data %d), want %q", got, reg.Rows, len(reg.Data), tt.keys)
			}
			for _, check := range append(checks, tt.check) {
				if check != nil {
					check(t, e)
				}
			}
		})
	}
}

// fuzzRegister fuzzes the text of the named register's sheet, beside the
// workbooks of others: it builds a real workbook and loads it. Whatever the
// sheet holds, Load must not panic; the records, the rows used and the
// rows shown agree; every key used is filled, and unique where the
// register's keys are; every problem prints with its file and paragraphs
// and, if it has a cell, a real one. check adds the register's own
// properties.
func fuzzRegister(f *testing.F, name string, others files, check func(t *testing.T, e *Evidence)) {
	s := schema(f, name)
	f.Fuzz(func(t *testing.T, text string) {
		b, err := workbook.Build(workbook.Sheet{Name: s.Sheet, TSV: text})
		if err != nil {
			t.Skip(err) // not a sheet excelize can write
		}
		folder := files{s.File: b}
		for name, b := range others {
			folder[name] = b
		}
		e := Load(folder.fs(), "evidence")
		if len(e.Registers) != len(Schemas()) {
			t.Fatalf("%d registers", len(e.Registers))
		}
		reg := e.Register(name)
		keys := recordKeys(e, name)
		if reg.Rows != len(keys) || reg.Rows != len(reg.Data) {
			t.Fatalf("Rows %d, records %d, shown %d", reg.Rows, len(keys), len(reg.Data))
		}
		seen := map[string]bool{}
		for _, k := range keys {
			if k == "" || s.UniqueKey && seen[strings.ToUpper(k)] {
				t.Fatalf("%s %q empty or repeated", s.Key, k)
			}
			seen[strings.ToUpper(k)] = true
		}
		for _, r := range e.Registers {
			checkProblems(t, r)
		}
		if check != nil {
			check(t, e)
		}
	})
}

// checkProblems asserts every problem of reg prints with its file, names
// paragraphs and, if it has a cell, a real one on a named sheet.
func checkProblems(t *testing.T, reg *Register) {
	t.Helper()
	for _, p := range reg.Problems {
		line := p.Pos.String() + ": " + p.Msg
		t.Log(line)
		if p.Msg == "" || p.Pos.File() != reg.Path || !strings.HasPrefix(line, reg.Path) || len(p.Paragraphs) == 0 {
			t.Fatalf("problem %q: want a message, the file %s and paragraphs %q", line, reg.Path, p.Paragraphs)
		}
		if p.Pos.Cell() != "" {
			if _, _, err := excelize.CellNameToCoordinates(p.Pos.Cell()); err != nil || p.Pos.Sheet() == "" {
				t.Fatalf("problem %q: bad cell: %v", line, err)
			}
		}
	}
}
