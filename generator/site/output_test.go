package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

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
	w2, err := newWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := w2.write("new.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	w2.abort()
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
