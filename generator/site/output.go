package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Marker is a file written at the top of every output folder. An existing
// output folder is only ever replaced when it has this marker (or is
// empty), so a mistyped --out cannot delete someone's files.
const Marker = ".evidence-site"

// writer writes files into a fresh temporary folder beside the output
// folder; commit swaps it into place, so the output is never half-written.
type writer struct {
	out string // the final output folder
	tmp string // the folder being written
}

func newWriter(out string) (*writer, error) {
	out = filepath.Clean(out)
	if err := checkReplaceable(out); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	w := &writer{out: out, tmp: tmp}
	if err := w.write(Marker, []byte("This folder is written by the evidence site generator and replaced on every build.\n")); err != nil {
		w.abort()
		return nil, err
	}
	return w, nil
}

// checkReplaceable refuses to replace a folder that this program did not
// write.
func checkReplaceable(out string) error {
	fi, err := os.Stat(out)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s exists and is not a folder", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("output folder %s already holds files this program did not write (no %s file): choose another --out or empty it", out, Marker)
	}
	return nil
}

// write writes one file, creating its folders. name is slash-separated and
// relative; it may not leave the output folder.
func (w *writer) write(name string, data []byte) error {
	if !filepathIsLocal(name) {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	p := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

func filepathIsLocal(name string) bool {
	return name != "" && filepath.IsLocal(filepath.FromSlash(name)) && !strings.Contains(name, "\\")
}

// commit replaces the output folder with the written one.
func (w *writer) commit() error {
	old := ""
	if _, err := os.Stat(w.out); err == nil {
		old = w.tmp + ".old"
		if err := os.Rename(w.out, old); err != nil {
			w.abort()
			return fmt.Errorf("output folder: %w", err)
		}
	}
	if err := os.Rename(w.tmp, w.out); err != nil {
		if old != "" {
			_ = os.Rename(old, w.out)
		}
		w.abort()
		return fmt.Errorf("output folder: %w", err)
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("removing the previous output: %w", err)
		}
	}
	return nil
}

// abort removes the partly written folder.
func (w *writer) abort() { _ = os.RemoveAll(w.tmp) }
