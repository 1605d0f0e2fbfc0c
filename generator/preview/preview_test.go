package preview

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLive(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"></head><body><p>x</p></body></html>`
	got := string(Live([]byte(page)))
	want := `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'self'; script-src 'self'"></head><body><p>x</p><script src="/_preview/live.js" defer></script></body></html>`
	if got != want {
		t.Errorf("Live =\n%s\nwant\n%s", got, want)
	}
	if got := string(Live([]byte("<p>no body end"))); !strings.HasSuffix(got, `<script src="/_preview/live.js" defer></script>`) {
		t.Errorf("Live without </body> = %q", got)
	}
}

// A burst of writes is one change; lock files are none; a folder made
// later is watched too.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(t.TempDir(), "config.toml")
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(time.Now().String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(cfg)
	var calls atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w, err := NewWatcher([]string{cfg, dir}) // the watches are in place on return
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx, 100*time.Millisecond, func() { calls.Add(1) }) }()
	waitCalls := func(want int32) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for calls.Load() < want && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond) // and no more come
		if got := calls.Load(); got != want {
			t.Fatalf("%d changes, want %d", got, want)
		}
	}
	for range 5 {
		write(filepath.Join(dir, "staff.xlsx"))
		write(cfg)
	}
	waitCalls(1)
	write(filepath.Join(dir, "~$staff.xlsx"))
	write(filepath.Join(dir, ".~lock.staff.xlsx#"))
	write(filepath.Join(filepath.Dir(cfg), "other.toml")) // beside the config, not it
	waitCalls(1)
	if err := os.Mkdir(filepath.Join(dir, "documents"), 0o755); err != nil {
		t.Fatal(err)
	}
	waitCalls(2)
	write(filepath.Join(dir, "documents", "smp.pdf"))
	waitCalls(3)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func TestWatchMissing(t *testing.T) {
	err := Watch(context.Background(), []string{filepath.Join(t.TempDir(), "nothere")}, time.Millisecond, func() {})
	if err == nil {
		t.Error("no error for a path that is not there")
	}
}
