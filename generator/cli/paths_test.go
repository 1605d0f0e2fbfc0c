package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/agency/evidence-site/generator/internal/tree"
)

// Evidence and configuration kept outside the project, given by absolute
// paths, leave no trace of where they sit in any output byte: every path
// shown is relative to the evidence folder.
func TestPathsNeverAbsolute(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Users", "jane.doe-private")
	ev, cfg := filepath.Join(home, "Evidence 2026"), filepath.Join(home, "contract.toml")
	if err := tree.Copy("../../evidence", ev); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, sampleConfig(t), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	o := sampleOptions(out)
	o.Evidence, o.Config, o.Zip = ev, cfg, filepath.Join(t.TempDir(), "pack.zip")
	build(t, o)
	files := tree.Read(t, out)
	zip, err := os.ReadFile(o.Zip)
	if err != nil {
		t.Fatal(err)
	}
	files["(the zip)"] = zip
	for name, data := range files {
		for _, leak := range []string{home, "jane.doe-private", "Evidence 2026", "Users/"} {
			if bytes.Contains(data, []byte(leak)) {
				t.Errorf("%s holds %q", name, leak)
			}
		}
	}
	reg := string(files["registers/staff.html"])
	if !bytes.Contains([]byte(reg), []byte("<code>staff.xlsx</code>")) {
		t.Error("the staff register page does not name its file as staff.xlsx")
	}
	if !bytes.Contains(files["documents.html"], []byte("documents/smp-v1.0.pdf")) {
		t.Error("the documents page does not name an attachment by its path in the evidence folder")
	}
}
