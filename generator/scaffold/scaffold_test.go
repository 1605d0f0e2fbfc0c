package scaffold

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

var options = Options{Form: "B", StartDate: time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)}

func files(t *testing.T) map[string][]byte {
	t.Helper()
	fs, err := Files(options)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range fs {
		out[f.Path] = f.Data
	}
	return out
}

// The folder holds config.toml and, under evidence/, a workbook for every
// register and every governance template, and nothing else.
func TestFiles(t *testing.T) {
	got := files(t)
	want := []string{ConfigFile}
	for _, s := range evidence.Schemas() {
		want = append(want, path.Join(EvidenceDir, s.File))
	}
	for name := range evidence.Templates() {
		want = append(want, path.Join(EvidenceDir, name))
	}
	slices.Sort(want)
	var paths []string
	for _, f := range mustFiles(t) {
		paths = append(paths, f.Path)
	}
	if !slices.Equal(paths, want) {
		t.Errorf("files %q, want %q", paths, want)
	}
	c, err := config.Parse("config.toml", got[ConfigFile])
	if err != nil {
		t.Fatal(err)
	}
	if c.Contract.Form != "B" || !c.Contract.StartDate.Equal(options.StartDate) {
		t.Errorf("config: form %q, start %s", c.Contract.Form, c.Contract.StartDate)
	}
	for _, bad := range []Options{{Form: "C", StartDate: options.StartDate}, {Form: "b", StartDate: options.StartDate}, {Form: "A"}} {
		if _, err := Files(bad); err == nil {
			t.Errorf("Files(%+v) succeeded", bad)
		}
	}
}

func mustFiles(t *testing.T) []File {
	t.Helper()
	fs, err := Files(options)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// free are the column types of free values: every other type is a fixed
// set of values and gets a list.
var free = []evidence.ColumnType{evidence.TypeText, evidence.TypeDate, evidence.TypeNumber}

// Every register's workbook, read back: its own sheet first, with the
// schema's header row frozen in view and nothing under it; a note on each
// header saying what goes there; a list of exactly the accepted values on
// every yes/no, clearance and choice column (on no other); date columns
// formatted as dates and text columns as text; then the Example sheet
// with two filled rows, the first the register's example row.
func TestWorkbooks(t *testing.T) {
	all := files(t)
	lists := 0
	for _, s := range evidence.Schemas() {
		t.Run(s.Name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(all[path.Join(EvidenceDir, s.File)]))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); !slices.Equal(got, []string{s.Sheet, ExampleSheet}) {
				t.Fatalf("sheets %q, want %q", got, []string{s.Sheet, ExampleSheet})
			}
			var names []string
			for _, c := range s.Columns {
				names = append(names, c.Name)
			}
			rows, err := f.GetRows(s.Sheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 || !slices.Equal(rows[0], names) {
				t.Errorf("rows %q, want the header %q only", rows, names)
			}
			if p, _ := f.GetPanes(s.Sheet); !p.Freeze || p.YSplit != 1 || p.XSplit != 0 {
				t.Errorf("panes %+v, want the header row frozen", p)
			}

			comments, err := f.GetComments(s.Sheet)
			if err != nil {
				t.Fatal(err)
			}
			notes := map[string]string{}
			for _, c := range comments {
				notes[c.Cell] = c.Text
			}
			if len(notes) != len(s.Columns) {
				t.Errorf("%d notes for %d columns", len(notes), len(s.Columns))
			}

			dvs, err := f.GetDataValidations(s.Sheet)
			if err != nil {
				t.Fatal(err)
			}
			validations := map[string]*excelize.DataValidation{}
			for _, dv := range dvs {
				col := strings.TrimRight(strings.Split(dv.Sqref, ":")[0], "0123456789")
				if _, dup := validations[col]; dup {
					t.Errorf("column %s: two validations", col)
				}
				validations[col] = dv
			}

			for i, c := range s.Columns {
				col, _ := excelize.ColumnNumberToName(i + 1)
				if note := notes[col+"1"]; !strings.HasPrefix(note, c.Doc+"\n\n") || c.Doc == "" {
					t.Errorf("%s (%s1): note %q, want the column's doc %q", c.Name, col, note, c.Doc)
				}

				dv := validations[col]
				delete(validations, col)
				if slices.Contains(free, c.Type) {
					if dv != nil {
						t.Errorf("%s: a column of type %v has a validation %+v", c.Name, c.Type, dv)
					}
				} else {
					lists++
					want := fmt.Sprintf("%s2:%s%d", col, col, workbook.LastRow)
					if dv == nil || dv.Type != "list" || dv.Sqref != want || !dv.AllowBlank {
						t.Errorf("%s: validation %+v, want a list on %s", c.Name, dv, want)
					} else if got := listValues(dv.Formula1); !slices.Equal(got, c.Values()) || len(got) == 0 {
						t.Errorf("%s: list %q, want the accepted values %q", c.Name, got, c.Values())
					}
				}

				numFmt, custom := colFormat(t, f, s.Sheet, col)
				switch c.Type {
				case evidence.TypeDate:
					if custom != workbook.DateFormat {
						t.Errorf("%s: a date column formatted %d %q, want %q", c.Name, numFmt, custom, workbook.DateFormat)
					}
				case evidence.TypeText:
					if numFmt != 49 || custom != "" {
						t.Errorf("%s: a text column formatted %d %q, want text (@, 49)", c.Name, numFmt, custom)
					}
				default:
					if numFmt != 0 || custom != "" {
						t.Errorf("%s: a column of type %v formatted %d %q, want general", c.Name, c.Type, numFmt, custom)
					}
				}
			}
			for col, dv := range validations {
				t.Errorf("validation on column %s, past the columns: %+v", col, dv)
			}

			example, err := f.GetRows(ExampleSheet)
			if err != nil {
				t.Fatal(err)
			}
			if len(example) != 3 || !slices.Equal(example[0], names) {
				t.Fatalf("Example sheet %q, want the header and two rows", example)
			}
			key := slices.Index(names, s.Key)
			for i, c := range s.Columns {
				want := strings.TrimPrefix(s.Example()[c.Name], "'")
				if got := cell(example[1], i); got != want {
					t.Errorf("Example %s: %q, want the example row's %q", c.Name, got, want)
				}
				if i != key && cell(example[2], i) != want {
					t.Errorf("Example row 3 %s: %q, want %q", c.Name, cell(example[2], i), want)
				}
			}
			if k1, k2 := cell(example[1], key), cell(example[2], key); k1 == "" || k2 == "" || strings.EqualFold(k1, k2) {
				t.Errorf("example keys %q and %q, want two", k1, k2)
			}
		})
	}
	if lists == 0 {
		t.Fatal("no column with a list")
	}
}

func cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// listValues splits a list validation's formula, "Yes,No" in quotes.
func listValues(formula string) []string {
	s, ok := strings.CutPrefix(formula, `"`)
	if s, ok = strings.CutSuffix(s, `"`); !ok {
		return nil
	}
	return strings.Split(strings.ReplaceAll(s, `""`, `"`), ",")
}

// colFormat returns the number format of a column's style: its built-in
// number and its custom format.
func colFormat(t *testing.T, f *excelize.File, sheet, col string) (int, string) {
	t.Helper()
	id, err := f.GetColStyle(sheet, col)
	if err != nil {
		t.Fatal(err)
	}
	if id == 0 {
		return 0, ""
	}
	s, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if s.CustomNumFmt != nil {
		return s.NumFmt, *s.CustomNumFmt
	}
	return s.NumFmt, ""
}

// The evidence folder, read as a build reads it: every register present
// with no row and no problem (the Example sheets are not read), and the
// governance files holding no evidence and no problem.
func TestReadsAsEmpty(t *testing.T) {
	fsys := fstest.MapFS{}
	for p, data := range files(t) {
		if rel, ok := strings.CutPrefix(p, EvidenceDir+"/"); ok {
			fsys[rel] = &fstest.MapFile{Data: data, Mode: 0o644}
		}
	}
	e := evidence.Load(fsys, EvidenceDir)
	for _, r := range e.Registers {
		if !r.Present || r.Rows != 0 || len(r.Data) != 0 || len(r.Problems) != 0 {
			t.Errorf("%s: present %v, %d rows, problems %+v", r.Schema.Name, r.Present, r.Rows, r.Problems)
		}
	}
	if d := e.Documents; len(d.Problems) != 0 || len(d.Sources()) != 0 || len(d.Items) != 0 || len(d.Files) != len(evidence.Templates()) {
		t.Errorf("documents: files %q, problems %+v, sources %q, %d items", d.Files, d.Problems, d.Sources(), len(d.Items))
	}
}

// The same options give the same bytes, file by file.
func TestDeterministic(t *testing.T) {
	a, b := mustFiles(t), mustFiles(t)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two runs", a[i].Path)
		}
	}
	// A different start date changes config.toml: the comparison can fail.
	o := options
	o.StartDate = o.StartDate.AddDate(0, 0, 1)
	c, err := Files(o)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(c[0].Data, a[0].Data) || c[0].Path != ConfigFile {
		t.Error("config.toml does not depend on the start date")
	}
}

// Write writes into a missing or empty folder; it refuses one that holds
// anything, and leaves it as it was.
func TestWrite(t *testing.T) {
	fs := mustFiles(t)
	dir := filepath.Join(t.TempDir(), "new", "evidence-folder")
	paths, err := Write(dir, fs)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(fs) {
		t.Errorf("wrote %d files, want %d", len(paths), len(fs))
	}
	for _, f := range fs {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil || !bytes.Equal(got, f.Data) {
			t.Errorf("%s: %v, or not the bytes of Files", f.Path, err)
		}
	}
	if _, err := Write(dir, fs); !errors.Is(err, ErrNotEmpty) {
		t.Errorf("a second Write: %v, want ErrNotEmpty", err)
	}

	empty := t.TempDir()
	if _, err := Write(empty, fs); err != nil {
		t.Errorf("into an empty folder: %v", err)
	}

	holding := t.TempDir()
	notes := filepath.Join(holding, "notes.txt")
	if err := os.WriteFile(notes, []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Write(holding, fs)
	if !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("into a folder holding a file: %v, want ErrNotEmpty naming it", err)
	}
	if entries, _ := os.ReadDir(holding); len(entries) != 1 {
		t.Errorf("the refused folder now holds %d entries", len(entries))
	}

	if _, err := Write(notes, fs); err == nil {
		t.Error("into a file: no error")
	}
	if _, err := Write(filepath.Join(t.TempDir(), "x"), []File{{Path: "../out", Data: nil}}); err == nil {
		t.Error("a path out of the folder: no error")
	}
}

func TestNextKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"NS-0001", "NS-0002"},
		{"2026-04", "2026-05"},
		{"PT-2025-01", "PT-2025-02"},
		{"INC-2026-009", "INC-2026-010"},
		{"A99", "A100"},
		{"7", "8"},
		{"v1.2-beta", "v1.3-beta"},
		{"PostgreSQL", "PostgreSQL 2"},
		{"", " 2"},
	} {
		if got := NextKey(tt.in); got != tt.want {
			t.Errorf("NextKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, s := range evidence.Schemas() {
		if k := s.Example()[s.Key]; NextKey(k) == k {
			t.Errorf("%s: the second example key is the first's", s.Name)
		}
	}
}
