package browser

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/internal/tree"
)

// A page open on `serve` reloads itself when the evidence changes, shows
// a failed rebuild's errors over the last good site, and clears them when
// the build is mended; the page's own CSP allows the preview's script.
func TestServeReloads(t *testing.T) {
	dir := t.TempDir()
	if err := tree.Copy("../../evidence", filepath.Join(dir, "evidence")); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "config.toml")
	cfg := sampleConfig(t)
	write := func(data string) {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(string(cfg))
	ctx, cancel := context.WithCancel(context.Background())
	urls, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- cli.Serve(ctx, cli.Options{Config: cfgPath, Evidence: filepath.Join(dir, "evidence")}, "127.0.0.1:0", io.Discard, io.Discard, func(u string) { urls <- u })
	}()
	defer func() { cancel(); <-done }()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	}

	tb := newTab(t)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(url+"index.html")); err != nil {
		t.Fatal(err)
	}
	// The page is connected before the change is made.
	waitFor(t, tb, `document.documentElement.dataset.preview === "live"`)
	write(strings.Replace(string(cfg), "as_of = 2026-11-27", "as_of = 2026-11-20", 1))
	waitFor(t, tb, `document.querySelector(".site-header .sub").textContent.includes("2026-11-20")`)

	write(strings.Replace(string(cfg), `form = "B"`, `form = "C"`, 1))
	waitFor(t, tb, `(document.getElementById("preview-error") || {}).textContent?.includes('form: want "A" or "B", got "C"') || false`)
	if !eval[bool](t, tb, `document.querySelector(".site-header .sub").textContent.includes("2026-11-20")`) {
		t.Error("the last good site is not shown under the errors")
	}
	write(string(cfg))
	waitFor(t, tb, `!document.getElementById("preview-error") && document.querySelector(".site-header .sub").textContent.includes("2026-11-27")`)
	for _, p := range tb.problemList() {
		t.Error(p)
	}
}

// waitFor polls js in the tab until it is true, for up to 30 s.
func waitFor(t *testing.T, tb *tab, js string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		var ok bool
		if v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](js)); err == nil {
			ok = v
		}
		if ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("not true within 30 s: %s\n%s", js, strings.Join(tb.problemList(), "\n"))
}
