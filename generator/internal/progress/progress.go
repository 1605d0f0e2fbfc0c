// Package progress shows a long build's progress on one updating line of
// a terminal: the stage, and a count out of a total where it is known. It
// draws with github.com/schollz/progressbar. The line appears only once a
// build has run for a second and is cleared when it ends; when the output
// is not a terminal (a CI log, a pipe, a test) nothing is written at all.
package progress

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// Delay is how long a build runs before its progress is shown.
const Delay = time.Second

// Display is one build's progress line. A nil *Display shows nothing, so
// callers need not check.
type Display struct {
	mu     sync.Mutex
	w      io.Writer
	timer  *time.Timer
	bar    *progressbar.ProgressBar // nil until shown
	desc   string
	n, max int
	ended  bool
}

// New returns a display on w if w is a terminal, else nil.
func New(w io.Writer) *Display {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return start(w, Delay)
}

// start returns a display on w that appears after delay.
func start(w io.Writer, delay time.Duration) *Display {
	d := &Display{w: w}
	d.timer = time.AfterFunc(delay, d.show)
	return d
}

func (d *Display) show() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ended || d.bar != nil {
		return
	}
	d.bar = progressbar.NewOptions(d.total(),
		progressbar.OptionSetWriter(d.w),
		progressbar.OptionSetDescription(d.desc),
		progressbar.OptionShowCount(),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionSetPredictTime(false),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(20),
		progressbar.OptionClearOnFinish(),
	)
	_ = d.bar.Set(d.n)
}

// total is the bar's maximum: -1 for a stage whose total is unknown.
func (d *Display) total() int {
	if d.max <= 0 {
		return -1
	}
	return d.max
}

// Stage starts a stage of total steps (0 if unknown).
func (d *Display) Stage(desc string, total int) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.desc, d.n, d.max = desc, 0, total
	if d.bar != nil {
		d.bar.Reset()
		d.bar.ChangeMax(d.total())
		d.bar.Describe(desc)
		_ = d.bar.RenderBlank() // show the new stage now, throttle or not
	}
}

// Add counts n steps of the stage done. It may be called from several
// goroutines.
func (d *Display) Add(n int) {
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.n += n
	if d.bar != nil {
		_ = d.bar.Add(n)
	}
}

// End clears the line, if it was shown, and shows no more.
func (d *Display) End() {
	if d == nil {
		return
	}
	d.timer.Stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.ended {
		return
	}
	d.ended = true
	if d.bar != nil {
		_ = d.bar.Finish()
		_ = d.bar.Clear()
	}
}
