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
	"fmt"
	"io/fs"
	"path"

	"github.com/agency/evidence-site/generator/model"
)

// Build renders s into the folder out. project is the project folder: its
// layouts/ and static/ are used.
func Build(s *model.Site, project fs.FS, out string) error {
	r, err := newRenderer(project)
	if err != nil {
		return err
	}
	files, err := r.render(s)
	if err != nil {
		return err
	}
	w, err := newWriter(out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := w.write(f.name, f.data); err != nil {
			w.abort()
			return fmt.Errorf("writing %s: %w", f.name, err)
		}
	}
	if err := copyStatic(project, w); err != nil {
		w.abort()
		return err
	}
	return w.commit()
}

type file struct {
	name string
	data []byte
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
