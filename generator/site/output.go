package site

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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
	// rename is os.Rename; tests replace it to make a step fail.
	rename func(from, to string) error
	// done, if set, is called as each job of run ends.
	done func()
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
	w := &writer{out: out, tmp: tmp, rename: os.Rename}
	if err := w.write(Marker, []byte("This folder is written by the evidence site generator and replaced on every build.\n")); err != nil {
		return nil, errors.Join(err, w.abort())
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

// stream writes one file through a buffer as fill produces it.
func (w *writer) stream(name string, fill func(io.Writer) error) error {
	if !filepathIsLocal(name) {
		return fmt.Errorf("refusing to write %q outside the output folder", name)
	}
	p := filepath.Join(w.tmp, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	b := bufio.NewWriterSize(f, 64<<10)
	err = fill(b)
	if err == nil {
		err = b.Flush()
	}
	return errors.Join(err, f.Close())
}

// run runs the jobs on every core, each writing its file as it goes, so
// that no more than one page a core is held in memory. The files do not
// depend on the order the jobs run in; the first failed job in list order
// is reported.
func (w *writer) run(jobs []job) error {
	errs := make([]error, len(jobs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				errs[i] = w.stream(jobs[i].name, jobs[i].write)
				if w.done != nil {
					w.done()
				}
			}
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return fmt.Errorf("writing %s: %w", jobs[i].name, err)
		}
	}
	return nil
}

func filepathIsLocal(name string) bool {
	return name != "" && filepath.IsLocal(filepath.FromSlash(name)) && !strings.Contains(name, "\\")
}

// commit replaces the output folder with the written one. If the swap
// fails half way, the previous output is put back; if even that fails,
// the error says where the previous output is.
func (w *writer) commit() error {
	old := ""
	if _, err := os.Stat(w.out); err == nil {
		old = w.tmp + ".old"
		if err := w.rename(w.out, old); err != nil {
			return errors.Join(fmt.Errorf("output folder: %w", err), w.abort())
		}
	}
	if err := w.rename(w.tmp, w.out); err != nil {
		err = fmt.Errorf("output folder: %w", err)
		if old != "" {
			if rerr := w.rename(old, w.out); rerr != nil {
				err = errors.Join(err, fmt.Errorf("the previous output could not be put back and is left in %s: %w", old, rerr))
			}
		}
		return errors.Join(err, w.abort())
	}
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("removing the previous output: %w", err)
		}
	}
	return nil
}

// abort removes the partly written folder.
func (w *writer) abort() error {
	if err := os.RemoveAll(w.tmp); err != nil {
		return fmt.Errorf("removing the unfinished output %s: %w", w.tmp, err)
	}
	return nil
}
