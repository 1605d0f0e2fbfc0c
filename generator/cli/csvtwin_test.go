package cli

import (
	"encoding/csv"
	"encoding/json"
	"github.com/agency/evidence-site/generator/internal/tree"
	"os"
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
		c.Findings[i] = strings.ReplaceAll(f, ".csv", ".xlsx") // a message naming another register's file
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
