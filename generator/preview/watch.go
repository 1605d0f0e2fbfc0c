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

// Watcher watches files and folders for changes (see Watch).
type Watcher struct {
	w     *fsnotify.Watcher
	files map[string]bool // files watched through their folder
	dirs  map[string]bool // folders watched whole
}

// NewWatcher starts watching paths: a file (config.toml: its folder is
// watched, for editors that save by renaming) or a folder, watched with
// every folder inside it, those made later included. Changes made from
// its return on are seen; Run reports them.
func NewWatcher(paths []string) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, files: map[string]bool{}, dirs: map[string]bool{}}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err == nil {
			var fi os.FileInfo
			if fi, err = os.Stat(abs); err == nil {
				if fi.IsDir() {
					w.dirs[abs] = true
					err = addTree(fw, abs)
				} else {
					w.files[abs] = true
					err = fw.Add(filepath.Dir(abs))
				}
			}
		}
		if err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// Close stops watching.
func (w *Watcher) Close() error { return w.w.Close() }

func (w *Watcher) relevant(name string) bool {
	if w.files[name] {
		return true
	}
	for d := range w.dirs {
		if name == d || strings.HasPrefix(name, d+string(filepath.Separator)) {
			return !scratch(filepath.Base(name))
		}
	}
	return false
}

// Run calls changed each time the files change, once they have been quiet
// for settle: a save that writes several files (or writes one in several
// steps, as editors and office suites do) is one change. Office lock files
// and editors' scratch files are not changes. Run returns when ctx is
// done, and closes the watcher.
func (w *Watcher) Run(ctx context.Context, settle time.Duration, changed func()) error {
	defer w.w.Close()
	timer := time.NewTimer(settle)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.w.Events:
			if !ok {
				return nil
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() && w.relevant(ev.Name) {
					_ = addTree(w.w, ev.Name) // a folder made, or moved in, later
				}
			}
			if w.relevant(ev.Name) && ev.Op != fsnotify.Chmod {
				timer.Reset(settle)
			}
		case err, ok := <-w.w.Errors:
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

// Watch is NewWatcher then Run.
func Watch(ctx context.Context, paths []string, settle time.Duration, changed func()) error {
	w, err := NewWatcher(paths)
	if err != nil {
		return err
	}
	return w.Run(ctx, settle, changed)
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
