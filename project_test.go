package project

import (
	"bytes"
	"io/fs"
	"os"
	"testing"
)

// What is built in is exactly what the repository holds: every file of
// content/, layouts/ and static/, _index.md and _default included, and
// nothing else.
func TestFilesMatchTheRepository(t *testing.T) {
	disk := os.DirFS(".")
	for _, dir := range Folders {
		want := map[string][]byte{}
		err := fs.WalkDir(disk, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				want[p], err = fs.ReadFile(disk, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		err = fs.WalkDir(Files(), dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			got++
			data, err := fs.ReadFile(Files(), p)
			if w, ok := want[p]; !ok || !bytes.Equal(w, data) || err != nil {
				t.Errorf("%s: built in, but not as in the repository", p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if got != len(want) {
			t.Errorf("%s: %d files built in, %d in the repository", dir, got, len(want))
		}
	}
	for _, p := range []string{"content/_index.md", "layouts/_default/baseof.html", "static/css/site.css"} {
		if _, err := fs.Stat(Files(), p); err != nil {
			t.Errorf("%s is not built in: %v", p, err)
		}
	}
}
