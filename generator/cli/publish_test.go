package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/tree"
)

// withPublish returns options for the sample with a copy of its config.toml
// that has [publish] settings added.
func withPublish(t *testing.T, publish string) Options {
	t.Helper()
	return withConfig(t, "", "\n[publish]\n"+publish+"\n")
}

// The protective marking stands at the top and bottom of every page, and
// first in gaps.csv; every page asks not to be indexed.
func TestMarking(t *testing.T) {
	o := withPublish(t, `marking = "OFFICIAL-SENSITIVE <commercial>"`)
	build(t, o)
	files := tree.Read(t, o.Out)
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		page := string(data)
		for _, want := range []string{
			`<div class="marking marking-top">OFFICIAL-SENSITIVE &lt;commercial&gt;</div>`,
			`<div class="marking marking-bottom">OFFICIAL-SENSITIVE &lt;commercial&gt;</div>`,
			`<meta name="robots" content="noindex, nofollow">`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
	}
	if pages < 100 {
		t.Fatalf("only %d pages", pages)
	}
	r := csv.NewReader(bytes.NewReader(files["gaps.csv"]))
	r.FieldsPerRecord = -1 // the marking's line has one field, the others eleven
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 || len(rows[0]) != 1 || rows[0][0] != "OFFICIAL-SENSITIVE <commercial>" || rows[1][0] != "as_of" {
		t.Errorf("gaps.csv begins %q (%v), want the marking then the header", rows[:min(2, len(rows))], err)
	}
	// Without a marking, nothing is marked.
	plain := t.TempDir()
	build(t, sampleOptions(plain))
	index, err := os.ReadFile(filepath.Join(plain, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(index), `class="marking`) {
		t.Error("a build with no marking is marked")
	}
}
