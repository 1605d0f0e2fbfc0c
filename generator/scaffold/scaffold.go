// Package scaffold makes a ready-to-fill evidence folder, as `generator
// init` writes it: config.toml, and under evidence/ every register as a
// workbook laid out to be filled in by hand, and the governance TOML
// files with every key commented out.
//
// Everything comes from what the readers declare: the workbooks from the
// register table (evidence.Schemas), the TOML files from the templates
// beside their readers (evidence.Templates, config.Template). A register
// or a column added there appears here with no change.
package scaffold

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
)

// The layout of the folder init writes.
const (
	ConfigFile  = "config.toml" // the contract and review settings
	EvidenceDir = "evidence"    // the evidence folder, beside config.toml
)

// Options are what init knows of the contract.
type Options struct {
	Form      string    // "A" or "B"
	StartDate time.Time // the contract's Start Date
}

// File is one file of the folder.
type File struct {
	Path string // a slash path inside the folder, e.g. "evidence/staff.xlsx"
	Data []byte
}

// Files returns every file of a new folder, sorted by path: the same
// options give the same bytes.
func Files(o Options) ([]File, error) {
	if o.Form != "A" && o.Form != "B" {
		return nil, fmt.Errorf("form: want \"A\" or \"B\", got %q", o.Form)
	}
	if o.StartDate.IsZero() {
		return nil, errors.New("no start date")
	}
	files := []File{{ConfigFile, config.Template(o.Form, o.StartDate)}}
	for _, s := range evidence.Schemas() {
		data, err := Workbook(s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.File, err)
		}
		files = append(files, File{path.Join(EvidenceDir, s.File), data})
	}
	for name, data := range evidence.Templates() {
		files = append(files, File{path.Join(EvidenceDir, name), data})
	}
	slices.SortFunc(files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return files, nil
}

// ErrNotEmpty is the error of Write into a folder that holds something.
var ErrNotEmpty = errors.New("not empty")

// Write writes files into dir, creating it, and returns the paths written.
// dir must be missing or empty: init never overwrites, so it refuses a
// folder that holds anything, and opens each file only if it does not
// exist.
func Write(dir string, files []File) ([]string, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case len(entries) > 0:
		return nil, fmt.Errorf("%s is %w (it holds %s): init writes only into a new or empty folder", dir, ErrNotEmpty, entries[0].Name())
	}
	var written []string
	for _, f := range files {
		if !fs.ValidPath(f.Path) {
			return written, fmt.Errorf("%q: not a path inside the folder", f.Path)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, err
		}
		if err := create(p, f.Data); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// create writes a new file, failing if it exists.
func create(p string, data []byte) error {
	fh, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.Write(data); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}
