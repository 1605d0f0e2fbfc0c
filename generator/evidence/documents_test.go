package evidence

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Pos.String()+": "+p.Msg)
	}
	return out
}

// Every TOML file is read; a broken one is one problem and does not hide
// the others; unknown sections and keys are reported with their lines.
func TestLoadDocumentsProblems(t *testing.T) {
	// b-unknown's [[evidence]] items are complete but for the misspelt key.
	fsys := fstest.MapFS{
		"a-broken.toml":  {Data: []byte("[smp]\nversion = \"1\"\nbad line\n")},
		"b-unknown.toml": {Data: []byte("# sections\n[smpp]\nversion = 1\n\n[[evidence]]\ntitel = \"one\"\n" + completeItem("A") + "[[evidence]]\n\ntitel = \"typo\"\n" + completeItem("B"))},
		"c-dup.toml":     {Data: []byte("[isms]\n")},
		"d-dup.toml":     {Data: []byte("\n[isms]\n")},
		"notes.txt":      {Data: []byte("not TOML, not read")},
	}
	docs := loadDocuments(fsys, "evidence")
	if want := []string{"evidence/a-broken.toml", "evidence/b-unknown.toml", "evidence/c-dup.toml", "evidence/d-dup.toml"}; !slices.Equal(docs.Files, want) {
		t.Errorf("files %q, want %q", docs.Files, want)
	}
	got := problemLines(docs.Problems)
	want := []string{
		`evidence/a-broken.toml:3`,
		`evidence/b-unknown.toml:2: unknown section "smpp"`,
		`evidence/b-unknown.toml:6: unknown key "evidence.titel"`,
		`evidence/b-unknown.toml:14: unknown key "evidence.titel"`,
		`evidence/d-dup.toml:2: [isms] is already defined in evidence/c-dup.toml`,
	}
	if len(got) != len(want) {
		t.Fatalf("problems:\n%s", strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q, want prefix %q", i, got[i], want[i])
		}
	}
}

// completeItem is the keys an [[evidence]] item needs, on five lines.
func completeItem(id string) string {
	return "id = \"" + id + "\"\ntitle = \"t\"\nparagraphs = [\"B.2.6\"]\ndate = 2026-01-01\nowner = \"o\"\n"
}

func TestAttach(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(ev, "documents"), 0o755))
	must(os.WriteFile(filepath.Join(ev, "documents", "smp.pdf"), []byte("%PDF-1.4 tiny"), 0o644))
	must(os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("outside"), 0o644))
	must(os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(ev, "documents", "link.txt")))
	root, err := os.OpenRoot(ev)
	must(err)
	defer root.Close()

	tests := []struct {
		path    string
		ok      bool
		problem string
	}{
		{"documents/smp.pdf", true, ""},
		{"./documents/smp.pdf", true, ""},
		{"evidence/documents/smp.pdf", true, ""},
		{"../secret.txt", false, "no \"..\""},
		{"documents/../../secret.txt", false, "no \"..\""},
		{"/etc/passwd", false, "not absolute"},
		{"documents\\smp.pdf", false, "inside the evidence folder"},
		{"documents/link.txt", false, "attachment \"documents/link.txt\""},
		{"documents/none.pdf", false, "no such file"},
		{"documents", false, "not a regular file"},
		{"", false, "want a path"},
		{"governance.toml", false, ""},
	}
	for _, tt := range tests {
		docs := &Documents{}
		var total int64
		f := &docFile{fsys: root.FS(), dir: "evidence", path: "evidence/x.toml", src: []byte("[[evidence]]\nattachments = []\n"), docs: docs, total: &total}
		item := &part{f: f, key: []string{"evidence", "0"}, paras: []string{"B.2.7"}}
		a, ok := item.attach(tt.path, "attachments")
		if ok != tt.ok {
			t.Errorf("attach(%q) ok = %v, want %v (problems %q)", tt.path, ok, tt.ok, problemLines(docs.Problems))
			continue
		}
		if ok {
			if a.Path != "documents/smp.pdf" || a.Size != 13 || len(a.SHA256) != 64 || len(docs.Attachments) != 1 {
				t.Errorf("attach(%q) = %+v", tt.path, a)
			}
			continue
		}
		if len(docs.Problems) != 1 || !strings.Contains(docs.Problems[0].Msg, tt.problem) || docs.Problems[0].Pos.Line != 2 {
			t.Errorf("attach(%q): problems %q, want one at line 2 containing %q", tt.path, problemLines(docs.Problems), tt.problem)
		}
	}
}

func FuzzLoadDocuments(f *testing.F) {
	f.Add("[smp]\nversion = \"1\"\n[[evidence]]\nid = \"x\"\n")
	f.Add("[[evidence]]\n[[evidence]]\nq = 1\n[x]\n")
	f.Add("a = \n")
	f.Fuzz(func(t *testing.T, src string) {
		docs := loadDocuments(fstest.MapFS{"g.toml": {Data: []byte(src)}}, "evidence")
		for _, p := range docs.Problems {
			if p.Msg == "" || p.Pos.File != "evidence/g.toml" {
				t.Fatalf("bad problem %+v", p)
			}
		}
	})
}
