package cli

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// mistakes is the shipped sample evidence with the ordinary mistakes of a
// new user made to it: each func changes the copy in dir.
type mistake struct {
	name string
	make func(t *testing.T, dir string)
}

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

type gapsFile struct {
	Gaps []struct {
		Paragraph, Kind, Severity, Subject, Message string
	} `json:"gaps"`
}

// TestOrdinaryMistakes builds the sample with the mistakes a new user
// makes, and checks that none of them makes the site look better than the
// evidence is: every one is a gap, said plainly, and nothing is covered on
// a register that could not be used.
func TestOrdinaryMistakes(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	copyEvidence(t, ev)
	for _, m := range []mistake{
		{"no staff register: the file was not saved into the folder", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "staff.xlsx")); err != nil {
				t.Fatal(err)
			}
		}},
		{"a truncated device register: copied off a failing drive", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "devices.xlsx")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b[:len(b)/2], 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	} {
		m.make(t, ev)
	}
	out := filepath.Join(dir, "public")
	o := sampleOptions(out)
	o.Evidence = ev
	build(t, o)

	cov := readCoverage(t, out)
	status := map[string]string{}
	for _, p := range cov.Paragraphs {
		status[p.ID] = p.Status
	}
	var gaps gapsFile
	b, err := os.ReadFile(filepath.Join(out, "gaps.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gaps); err != nil {
		t.Fatal(err)
	}
	finding := func(para, kind, part string) bool {
		for _, g := range gaps.Gaps {
			if g.Paragraph == para && g.Kind == kind && strings.Contains(g.Message, part) {
				return true
			}
		}
		return false
	}

	// The truncated device register: listed at the top of the dashboard,
	// and both its paragraphs are gaps.
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "Evidence that could not be read") || !strings.Contains(string(index), "evidence/devices.xlsx") {
		t.Errorf("the dashboard does not say the device register could not be read")
	}
	for _, id := range []string{"B.Annex1.2.1", "B.Annex1.2.2"} {
		if status[id] != "gap" || !finding(id, "invalid", "not a readable .xlsx workbook") {
			t.Errorf("%s: %s, want a gap with an invalid finding for the unreadable register", id, status[id])
		}
	}
	// No staff register: training alone does not cover 6.4, and nothing
	// the staff register would evidence is covered.
	if status["B.Annex1.6.4"] != "gap" || !finding("B.Annex1.6.4", "missing", "there is no staff register") {
		t.Errorf("B.Annex1.6.4: %s, want a gap saying there is no staff register", status["B.Annex1.6.4"])
	}
	for _, id := range []string{"B.Annex1.6.1", "B.Annex1.6.2", "B.Annex1.6.3"} {
		if status[id] != "missing" {
			t.Errorf("%s: %s, want missing without the staff register", id, status[id])
		}
	}
}
