// Package site renders the view model into the static evidence site: HTML
// pages from the project's layouts/ (html/template, Hugo's folder
// conventions), the schedule's Markdown through goldmark, static/ copied as
// is, and the machine-readable coverage.json and gaps.json.
//
// The output folder is written beside its final place and swapped in only
// when complete. Every link is relative and ends in .html, so the folder
// works opened from file:// with no network.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"

	ev "github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/model"
)

// Progress is told the number of files a build renders, and each as it is
// written. It must be safe for use by several goroutines.
type Progress interface {
	Stage(desc string, total int)
	Add(n int)
}

// Options are a build's optional parts.
type Options struct {
	// Progress, if not nil, follows the files written.
	Progress Progress
	// Finish are called in turn once the site is written, each with the
	// folder being written (the PDF printer, then the seal that lists every
	// file in the manifest); the files each returns are added before the
	// next is called, and the folder is swapped into place after the last.
	Finish []func(dir string) (map[string][]byte, error)
	// SearchShard is the most keys one file of the search index holds;
	// 0 for the default (10,000). Tests set it small to split the index.
	SearchShard int
}

// Build renders s into the folder out. project is the project folder: its
// layouts/ and static/ are used; evidence is the evidence folder, from which
// attachments are copied.
func Build(s *model.Site, project, evidence fs.FS, out string, o Options) error {
	r, err := newRenderer(project)
	if err != nil {
		return err
	}
	w, err := newWriter(out)
	if err != nil {
		return err
	}
	lim := defaultSearchLimits
	if o.SearchShard > 0 {
		lim.Entries = o.SearchShard
	}
	jobs := append(r.jobs(s), newSearch(s, r.md, r.emd, lim).jobs()...)
	if o.Progress != nil {
		o.Progress.Stage("writing the site", len(jobs))
		w.done = func() { o.Progress.Add(1) }
	}
	if err := w.run(jobs); err != nil {
		return errors.Join(err, w.abort())
	}
	if err := copyStatic(project, w); err != nil {
		return errors.Join(err, w.abort())
	}
	if err := copyAttachments(s, evidence, w); err != nil {
		return errors.Join(err, w.abort())
	}
	for _, finish := range o.Finish {
		add, err := finish(w.tmp)
		if err != nil {
			return errors.Join(err, w.abort())
		}
		for _, name := range slices.Sorted(maps.Keys(add)) {
			if err := w.write(name, add[name]); err != nil {
				return errors.Join(err, w.abort())
			}
		}
	}
	return w.commit()
}

// copyAttachments copies every attached file into files/, checking that
// it is still the file that was hashed when the evidence was read.
func copyAttachments(s *model.Site, evidence fs.FS, w *writer) error {
	for _, a := range s.Documents.Attachments {
		if a.Href == "" {
			continue // withheld: a redacted build
		}
		f, err := evidence.Open(a.Path)
		if err != nil {
			return fmt.Errorf("attachment %s: %w", a.Path, err)
		}
		data, err := io.ReadAll(io.LimitReader(f, ev.MaxAttachmentSize+1))
		f.Close()
		if err != nil {
			return fmt.Errorf("attachment %s: %w", a.Path, err)
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != a.SHA256 {
			return fmt.Errorf("attachment %s changed while the site was being built: build again", a.Path)
		}
		if err := w.write(a.Href, data); err != nil {
			return err
		}
	}
	return nil
}

// copyStatic copies static/ into the output as is.
func copyStatic(project fs.FS, w *writer) error {
	static, err := fs.Sub(project, "static")
	if err != nil {
		return err
	}
	return fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return nil // no static/ folder
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("static/%s: not a regular file", p)
		}
		data, err := fs.ReadFile(static, p)
		if err != nil {
			return err
		}
		return w.write(path.Clean(p), data)
	})
}
