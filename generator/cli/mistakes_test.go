package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/sample"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// copyEvidence copies the sample evidence folder to dir.
func copyEvidence(t *testing.T, dir string) {
	t.Helper()
	src := "../../evidence"
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// withRows writes the sample's sheet of a register into dir with rows
// added, each given by its cells (column -> text, as in a TSV fixture).
func withRows(t *testing.T, dir, register string, sheet workbook.Sheet, rows ...map[string]string) {
	t.Helper()
	s, ok := evidence.LookupSchema(register)
	if !ok {
		t.Fatalf("no register %q", register)
	}
	tsv := sheet.TSV
	for _, r := range rows {
		row, err := workbook.Table{Name: s.Sheet, Header: s.Header()}.Row(r)
		if err != nil {
			t.Fatal(err)
		}
		tsv += row + "\n"
	}
	if err := workbook.Write(filepath.Join(dir, s.File), workbook.Sheet{Name: sheet.Name, TSV: tsv}); err != nil {
		t.Fatal(err)
	}
}

type built struct {
	status map[string]string
	gaps   []struct{ Paragraph, Kind, Severity, Subject, Message string }
	index  string
}

// buildWith builds the sample with its evidence changed by change.
func buildWith(t *testing.T, change func(t *testing.T, dir string)) built {
	t.Helper()
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	copyEvidence(t, ev)
	change(t, ev)
	out := filepath.Join(dir, "public")
	o := sampleOptions(out)
	o.Evidence = ev
	build(t, o)
	b := built{status: map[string]string{}}
	for _, p := range readCoverage(t, out).Paragraphs {
		b.status[p.ID] = p.Status
	}
	var g struct {
		Gaps []struct{ Paragraph, Kind, Severity, Subject, Message string } `json:"gaps"`
	}
	raw, err := os.ReadFile(filepath.Join(out, "gaps.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	b.gaps = g.Gaps
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	b.index = string(index)
	return b
}

// finding reports whether a finding against para of kind, about subject,
// says part.
func (b built) finding(para, kind, subject, part string) bool {
	for _, g := range b.gaps {
		if g.Paragraph == para && g.Kind == kind && g.Subject == subject && strings.Contains(g.Message, part) {
			return true
		}
	}
	return false
}

// TestOrdinaryMistakes builds the sample with the mistakes a new user
// makes, and checks that none of them makes the site look better than the
// evidence is: each is a gap, said plainly, or read the way a careful
// reviewer would.
func TestOrdinaryMistakes(t *testing.T) {
	t.Run("a missing staff register and a truncated device register", func(t *testing.T) {
		b := buildWith(t, func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "staff.xlsx")); err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(dir, "devices.xlsx") // copied off a failing drive
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data[:len(data)/2], 0o644); err != nil {
				t.Fatal(err)
			}
		})
		if !strings.Contains(b.index, "Evidence that could not be read") || !strings.Contains(b.index, "<code>devices.xlsx</code>") {
			t.Errorf("the dashboard does not say the device register could not be read")
		}
		for _, id := range []string{"B.Annex1.2.1", "B.Annex1.2.2"} {
			if b.status[id] != "gap" || !b.finding(id, "invalid", "", "not a readable .xlsx workbook") {
				t.Errorf("%s: %s, want a gap with an invalid finding for the unreadable register", id, b.status[id])
			}
		}
		if b.status["B.Annex1.6.4"] != "gap" || !b.finding("B.Annex1.6.4", "missing", "", "there is no staff register") {
			t.Errorf("B.Annex1.6.4: %s, want a gap saying there is no staff register", b.status["B.Annex1.6.4"])
		}
		for _, id := range []string{"B.Annex1.6.1", "B.Annex1.6.2", "B.Annex1.6.3"} {
			if b.status[id] != "missing" {
				t.Errorf("%s: %s, want missing without the staff register", id, b.status[id])
			}
		}
	})

	t.Run("choice spellings, rows after the as-of date, a pre-contract patch, a new starter", func(t *testing.T) {
		b := buildWith(t, func(t *testing.T, dir string) {
			withRows(t, dir, "vulnerabilities", sample.Vulnerabilities(),
				// An exception typed as people type it, with no reference:
				// read as not-exploitable, a finding, and the normal
				// period, missed: never one quiet invalid finding.
				map[string]string{"Vulnerability ID": "VUL-9001", "Component": "OpenSSH 9.6", "Severity": "9.1",
					"Patch Released": "2026-09-01", "Exception": "Not exploitable"},
				// Released and due before the contract began: due on the
				// Start Date, and applied nine days after it.
				map[string]string{"Vulnerability ID": "VUL-9002", "Component": "nginx 1.24", "Severity": "Critical",
					"Patch Released": "2025-02-03", "Patch Applied": "2025-04-10"})
			withRows(t, dir, "incidents", sample.Incidents(),
				// Next February's incident, in this year's register.
				map[string]string{"Incident ID": "INC-2027-001", "Type": "actual", "Aware On": "2027-02-03", "Notified On": "2027-02-05"})
			withRows(t, dir, "staff", sample.Staff(),
				// Started four weeks before the as-of date, not yet trained.
				map[string]string{"Staff ID": "NS-0100", "Name": "Noor Haddad", "Role": "Data Engineer", "Start Date": "2026-10-30",
					"Government Data Access": "Yes", "Privileged Access": "No", "Identity Check": "2026-10-12",
					"Criminal Record Check": "2026-10-12", "Right To Work Check": "2026-10-12", "Clearance Required": "BPSS", "Clearance Held": "BPSS"})
		})
		if !b.finding("B.9.3", "violation", "VUL-9001", "not patched by") || !b.finding("B.9.3.1", "violation", "VUL-9001", "no Exception Reference") {
			t.Errorf("VUL-9001 (CVSS 9.1, exception \"Not exploitable\" with no reference): want a B.9.3 miss and a B.9.3.1 finding")
		}
		for _, g := range b.gaps {
			if g.Subject == "VUL-9001" && g.Kind == "invalid" {
				t.Errorf("VUL-9001: the exception's spelling is invalid: %s", g.Message)
			}
			if g.Subject == "INC-2027-001" {
				t.Errorf("an incident after the as-of date is judged: %s %s %s", g.Paragraph, g.Kind, g.Message)
			}
			if g.Subject == "NS-0100" {
				t.Errorf("a starter four weeks in has a finding: %s %s %s", g.Paragraph, g.Kind, g.Message)
			}
		}
		if !b.finding("B.9.3", "violation", "VUL-9002", "Start Date") {
			t.Errorf("VUL-9002 (due before the contract began): want a miss counted from the Start Date, which says so")
		}
	})
}
