package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writing is a new writer to out that has written one file.
func writing(t *testing.T, out, name, data string) *writer {
	t.Helper()
	w, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.write(name, []byte(data)); err != nil {
		t.Fatal(err)
	}
	return w
}

func TestWriterRefusesForeignFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "thesis.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := newWriter(out); err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("newWriter over a foreign folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "thesis.docx")); err != nil {
		t.Fatal("the foreign file is gone")
	}
}

func TestWriterCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	w, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"../escape.html", "/abs.html", "a/../../b.html", ""} {
		if err := w.write(bad, []byte("x")); err == nil {
			t.Errorf("write(%q) was allowed", bad)
		}
	}
	if err := w.write("a/b.html", []byte("ok")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("output visible before commit")
	}
	if err := w.commit(); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "a", "b.html")); err != nil || string(b) != "ok" {
		t.Fatalf("after commit: %q %v", b, err)
	}
	// A second writer that aborts leaves the first output as it was.
	if err := writing(t, out, "new.html", "new").abort(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "new.html")); err == nil {
		t.Error("aborted write reached the output")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "escape.html")); err == nil {
		t.Error("a file escaped the output folder")
	}
}

// A swap that fails half way puts the previous output back; when even
// that fails, the error says so and where the previous output is, and the
// unfinished folder is removed.
func TestWriterCommitRollback(t *testing.T) {
	for _, tt := range []struct {
		name     string
		failFrom int // the first rename call that fails (1-based)
		want     []string
		keptOld  bool // the previous output is still at out
	}{
		{"moving the previous output aside fails", 1, []string{"output folder: step 1"}, true},
		{"moving the new output in fails; rolled back", 2, []string{"output folder: step 2"}, true},
		{"the rollback fails too", 2, []string{"output folder: step 2", "could not be put back and is left in", "step 3"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			if err := writing(t, out, "page.html", "previous").commit(); err != nil {
				t.Fatal(err)
			}
			w2 := writing(t, out, "page.html", "next")
			calls := 0
			w2.rename = func(from, to string) error {
				calls++
				if calls == tt.failFrom || calls == 3 && !tt.keptOld {
					return fmt.Errorf("step %d", calls)
				}
				return os.Rename(from, to)
			}
			err := w2.commit()
			if err == nil {
				t.Fatal("commit succeeded")
			}
			for _, s := range tt.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not say %q", err, s)
				}
			}
			if _, serr := os.Stat(w2.tmp); serr == nil {
				t.Errorf("the unfinished output %s was left behind", w2.tmp)
			}
			b, rerr := os.ReadFile(filepath.Join(out, "page.html"))
			if tt.keptOld != (rerr == nil && string(b) == "previous") {
				t.Errorf("previous output at %s: %q %v", out, b, rerr)
			}
		})
	}
}
