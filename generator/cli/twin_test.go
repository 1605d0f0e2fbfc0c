package cli

import (
	"encoding/csv"
	"encoding/json"
	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/scaffold"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/site"
)

// toCSV saves the register's sheet of an .xlsx as a CSV file as an office
// suite would: the cells as shown, comma separated, quoted where needed.
func toCSV(t *testing.T, xlsx, out string, s evidence.Schema) {
	t.Helper()
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(s.Sheet)
	if err != nil {
		t.Fatal(err)
	}
	fh, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(fh)
	if err := w.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// A register saved as CSV is judged exactly as its .xlsx twin: the same
// status for every paragraph and the same findings, only where each
// points (row and column of the CSV file, not a sheet's cell) differs.
func TestCSVTwin(t *testing.T) {
	ev := filepath.Join(t.TempDir(), "evidence")
	if err := tree.Copy("../../evidence", ev); err != nil {
		t.Fatal(err)
	}
	converted := 0
	for _, s := range evidence.Schemas() {
		x := filepath.Join(ev, s.File)
		if _, err := os.Stat(x); err != nil {
			continue
		}
		toCSV(t, x, strings.TrimSuffix(x, ".xlsx")+".csv", s)
		if err := os.Remove(x); err != nil {
			t.Fatal(err)
		}
		converted++
	}
	if converted < 9 {
		t.Fatalf("only %d registers converted", converted)
	}
	judgedAlike(t, ev, func(f string) string {
		return strings.ReplaceAll(f, ".csv", ".xlsx") // a message naming another register's file
	})
}

// judgedAlike builds the sample and the sample with the evidence folder
// ev, and fails unless every paragraph has the same status and the
// findings are the same (paragraph, kind, severity, subject, message,
// after norm), wherever they point.
func judgedAlike(t *testing.T, ev string, norm func(string) string) {
	t.Helper()
	xOut, cOut := filepath.Join(t.TempDir(), "x"), filepath.Join(t.TempDir(), "c")
	build(t, sampleOptions(xOut))
	o := sampleOptions(cOut)
	o.Evidence = ev
	build(t, o)

	type judged struct {
		Status   map[string]string
		Findings []string
	}
	read := func(dir string) judged {
		var cov site.Coverage
		var gaps struct {
			Findings []site.Gap `json:"gaps"`
		}
		for name, v := range map[string]any{"coverage.json": &cov, "gaps.json": &gaps} {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, v); err != nil {
				t.Fatal(err)
			}
		}
		j := judged{Status: map[string]string{}}
		for _, p := range cov.Paragraphs {
			j.Status[p.ID] = p.Status + "/" + p.Basis
		}
		for _, g := range gaps.Findings {
			j.Findings = append(j.Findings, strings.Join([]string{g.Paragraph, g.Kind, g.Severity, g.Subject, g.Message}, " | "))
		}
		slices.Sort(j.Findings)
		return j
	}
	x, c := read(xOut), read(cOut)
	for i, f := range c.Findings {
		c.Findings[i] = norm(f)
	}
	slices.Sort(c.Findings)
	if len(x.Status) < 100 || len(x.Findings) < 20 {
		t.Fatalf("the sample judged %d paragraphs with %d findings: too few to compare", len(x.Status), len(x.Findings))
	}
	for id, s := range x.Status {
		if c.Status[id] != s {
			t.Errorf("%s: %s from .xlsx, %s from .csv", id, s, c.Status[id])
		}
	}
	for _, f := range x.Findings {
		if !slices.Contains(c.Findings, f) {
			t.Errorf("only from .xlsx: %s", f)
		}
	}
	for _, f := range c.Findings {
		if !slices.Contains(x.Findings, f) {
			t.Errorf("only from .csv: %s", f)
		}
	}
}

// soffice is LibreOffice's program, or the test skips (fails under CI).
func soffice(t *testing.T) string {
	t.Helper()
	p, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no soffice: CI must have LibreOffice Calc (.ci/run installs libreoffice-calc)")
		}
		t.Skip("no soffice (apt-get install libreoffice-calc)")
	}
	return p
}

// resave has LibreOffice Calc open each workbook and save it again as
// .xlsx in place, as a user editing the evidence in it would.
func resave(t *testing.T, workbooks []string) {
	t.Helper()
	dir := t.TempDir()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--calc",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", filepath.Join(dir, "saved")}, workbooks...)
	if out, err := exec.Command(soffice(t), args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, x := range workbooks {
		data, err := os.ReadFile(filepath.Join(dir, "saved", filepath.Base(x)))
		if err != nil {
			t.Fatalf("LibreOffice did not save %s: %v", filepath.Base(x), err)
		}
		if err := os.WriteFile(x, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The workbooks init writes open in LibreOffice Calc, and saved again by
// it still build with no invalid finding and no problem.
func TestInitLibreOffice(t *testing.T) {
	soffice(t)
	dir := initFolder(t, "--start-date", "2025-04-01")
	books, err := filepath.Glob(filepath.Join(dir, scaffold.EvidenceDir, "*.xlsx"))
	if err != nil || len(books) < 9 {
		t.Fatalf("%d workbooks: %v", len(books), err)
	}
	resave(t, books)
	o := Options{Config: filepath.Join(dir, scaffold.ConfigFile), Evidence: filepath.Join(dir, scaffold.EvidenceDir), Out: filepath.Join(dir, "public"), AsOf: "2026-11-27"}
	_, stderr := build(t, o)
	if strings.Contains(stderr, "evidence: ") {
		t.Errorf("the build printed problems:\n%s", stderr)
	}
	data, err := os.ReadFile(filepath.Join(o.Out, "gaps.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"kind": "invalid"`) {
		t.Error("an invalid finding after LibreOffice saved the templates")
	}
}

// Every sample register opened and saved again by LibreOffice Calc, a
// second, independent writer of .xlsx, is judged exactly as it was; and a
// register LibreOffice converted from CSV, whose only sheet it names after
// the file, is read.
func TestLibreOfficeTwin(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	if err := tree.Copy("../../evidence", ev); err != nil {
		t.Fatal(err)
	}
	in, err := filepath.Glob(filepath.Join(ev, "*.xlsx"))
	if err != nil || len(in) < 9 {
		t.Fatalf("%d workbooks: %v", len(in), err)
	}
	resave(t, in)
	judgedAlike(t, ev, func(f string) string { return f })

	// A CSV register converted by LibreOffice: its only sheet is named
	// after the file ("staff"), not "Staff"; it is read all the same.
	csvDir := filepath.Join(dir, "csv")
	if err := os.MkdirAll(csvDir, 0o755); err != nil {
		t.Fatal(err)
	}
	s, _ := evidence.LookupSchema("staff")
	toCSV(t, filepath.Join("../../evidence", s.File), filepath.Join(csvDir, "staff.csv"), s)
	conv := filepath.Join(dir, "converted")
	args := []string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--calc",
		"--infilter=CSV:44,34,76,1", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", conv, filepath.Join(csvDir, "staff.csv")}
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	only := filepath.Join(dir, "only")
	if err := os.MkdirAll(only, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(conv, "staff.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(only, "staff.xlsx"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	e := evidence.Load(os.DirFS(only), "")
	r := e.Register("staff")
	if r.Sheet != "staff" || len(r.Problems) != 0 || r.Rows < 30 {
		t.Errorf("the converted register: sheet %q, %d rows, problems %v", r.Sheet, r.Rows, r.Problems)
	}
}
