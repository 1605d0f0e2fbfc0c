package preview

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/agency/evidence-site/generator/evidence"
)

// Watch calls changed each time files under paths change, once they have
// been quiet for settle: a save that writes several files (or writes one
// in several steps, as editors and office suites do) is one change. A
// path is a file (config.toml: its folder is watched, for editors that
// save by renaming) or a folder, watched with every folder inside it,
// those made later included. Office lock files and editors' backup files
// are not changes. Watch returns when ctx is done.
func Watch(ctx context.Context, paths []string, settle time.Duration, changed func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	files := map[string]bool{} // files watched through their folder
	dirs := map[string]bool{}  // folders watched whole
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		fi, err := os.Stat(abs)
		switch {
		case err != nil:
			return err
		case fi.IsDir():
			dirs[abs] = true
			if err := addTree(w, abs); err != nil {
				return err
			}
		default:
			files[abs] = true
			if err := w.Add(filepath.Dir(abs)); err != nil {
				return err
			}
		}
	}
	relevant := func(name string) bool {
		if files[name] {
			return true
		}
		for d := range dirs {
			if name == d || strings.HasPrefix(name, d+string(filepath.Separator)) {
				return !scratch(filepath.Base(name))
			}
		}
		return false
	}
	timer := time.NewTimer(settle)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() && relevant(ev.Name) {
					_ = addTree(w, ev.Name) // a folder made, or moved in, later
				}
			}
			if relevant(ev.Name) && ev.Op != fsnotify.Chmod {
				timer.Reset(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				timer.Reset(settle) // changes were lost: rebuild to be sure
			}
		case <-timer.C:
			changed()
		}
	}
}

// addTree watches dir and every folder inside it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		return w.Add(p)
	})
}

// scratch reports whether a file name is an office lock file or an
// editor's scratch copy, whose coming and going changes no evidence.
func scratch(name string) bool {
	return evidence.LockFile(name) || strings.HasSuffix(name, "~") || strings.HasSuffix(name, ".swp") ||
		strings.HasPrefix(name, ".#") || name == "4913"
}
