package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/pack"
	"github.com/agency/evidence-site/generator/previous"
)

// previousFlag adds --previous, shared by the build and serve.
func previousFlag(fl *flag.FlagSet, o *Options) {
	fl.Func("previous", "compare with the previous review's build: its output `folder`, its zip, or its coverage.json; overrides [review] previous (\"\" for none)", func(s string) error {
		o.Previous, o.NoPrevious = s, s == ""
		return nil
	})
}

// previousBuild reads the previous review's build to compare with:
// --previous, else [review] previous, relative to config.toml's folder;
// nil for none. It reads coverage.json and gaps.json only, as data, and
// refuses a build judged after this one's as-of date. A file that cannot
// be read is an error naming it, with the line and column of every
// problem in it.
func previousBuild(o Options, cfg *config.Config, asOf time.Time) (*previous.Build, error) {
	p, what := o.Previous, "--previous "+o.Previous
	if p == "" {
		if o.NoPrevious || cfg.Review.Previous == "" {
			return nil, nil
		}
		p, what = cfg.Review.Previous, fmt.Sprintf("[review] previous = %q in %s", cfg.Review.Previous, filepath.Base(o.Config))
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(o.Config), p)
		}
	}
	fsys, opened, closeFS, err := openPrevious(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	defer closeFS()
	// Named relative to config.toml (else by its base name), as the
	// manifest records the files read: never where they sit on this
	// machine.
	b, err := previous.Read(fsys, publishedPath(filepath.Dir(o.Config), opened))
	var problems diag.List
	switch {
	case errors.As(err, &problems):
		return nil, fmt.Errorf("%s: the previous build cannot be read:\n%v", what, err)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if b.AsOf.After(asOf) {
		return nil, fmt.Errorf("%s: that build is as of %s, after this build's as-of date %s: compare with an earlier build", what, b.AsOf.Format(time.DateOnly), asOf.Format(time.DateOnly))
	}
	return b, nil
}

// openPrevious opens a previous build: a folder (no path or symbolic link
// in it leads out of it), a zip (bounded, never unpacked to disk), or the
// folder of a coverage.json or gaps.json named. opened is the folder or
// zip opened.
func openPrevious(p string) (fsys fs.FS, opened string, done func(), err error) {
	fi, err := os.Stat(p)
	if err != nil {
		return nil, "", nil, errors.New("not found: want the previous build's output folder, its zip, or its coverage.json")
	}
	dir := p
	switch base := filepath.Base(p); {
	case fi.IsDir():
	case isZip(p):
		zr, err := pack.OpenZip(p)
		if err != nil {
			return nil, "", nil, err
		}
		return zr, p, func() { zr.Close() }, nil
	case base == previous.CoverageFile || base == previous.GapsFile:
		dir = filepath.Dir(p)
	default:
		return nil, "", nil, errors.New("neither a folder nor a zip: want the previous build's output folder, its zip, or its coverage.json")
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", nil, err
	}
	return root.FS(), dir, func() { root.Close() }, nil
}

// isZip reports whether the file p starts as a zip does.
func isZip(p string) bool {
	if strings.EqualFold(filepath.Ext(p), ".zip") {
		return true
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4)
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, []byte("PK\x03\x04"))
}

// previousFiles are the previous build's files read, for the manifest;
// nil for none.
func previousFiles(b *previous.Build) []pack.File {
	if b == nil {
		return nil
	}
	out := make([]pack.File, len(b.Files))
	for i, f := range b.Files {
		out[i] = pack.File{Path: f.Path, Size: f.Size, SHA256: f.SHA256}
	}
	return out
}
