package tree

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadAndDiff(t *testing.T) {
	write := func(dir string, files map[string]string) map[string][]byte {
		for name, data := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return Read(t, dir)
	}
	a := write(t.TempDir(), map[string]string{"index.html": "x", "registers/staff.html": "y", "only-a": ""})
	b := write(t.TempDir(), map[string]string{"index.html": "x", "registers/staff.html": "z", "only-b": ""})
	if string(a["registers/staff.html"]) != "y" || len(a) != 3 {
		t.Fatalf("read %q", a)
	}
	if got, want := Diff(a, b), []string{"only-a", "only-b", "registers/staff.html"}; !slices.Equal(got, want) {
		t.Errorf("Diff = %q, want %q", got, want)
	}
	if d := Diff(a, a); len(d) != 0 {
		t.Errorf("a tree differs from itself: %q", d)
	}
}
