package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"github.com/agency/evidence-site/generator/internal/tree"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/preview"
)

// events reads the preview's states as a page would.
func events(t *testing.T, ctx context.Context, url string) <-chan preview.State {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"_preview/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	out := make(chan preview.State, 16)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st preview.State
				if json.Unmarshal([]byte(data), &st) == nil {
					out <- st
				}
			}
		}
	}()
	return out
}

// next waits for a state that ok accepts.
func next(t *testing.T, c <-chan preview.State, what string, ok func(preview.State) bool) preview.State {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for {
		select {
		case st, open := <-c:
			if !open {
				t.Fatalf("the events ended while waiting for %s", what)
			}
			if ok(st) {
				return st
			}
		case <-deadline:
			t.Fatalf("no %s within 20 s", what)
		}
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// serve builds, serves with the live script, rebuilds on a change to
// the evidence or the config, and keeps the last good site, with the
// errors told to the pages, when a rebuild fails.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	if err := tree.Copy("../../evidence", filepath.Join(dir, "evidence")); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, "config.toml")
	cfg := sampleConfig(t)
	write := func(p string, data []byte) {
		t.Helper()
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(cfgPath, cfg)
	o := Options{Config: cfgPath, Evidence: filepath.Join(dir, "evidence")}
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, o, "127.0.0.1:0", io.Discard, io.Discard, func(u string) { urls <- u })
	}()
	var url string
	select {
	case url = <-urls:
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start")
	}
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()

	code, page := get(t, url)
	if code != 200 || !strings.Contains(page, `<script src="/_preview/live.js" defer></script></body>`) || !strings.Contains(page, "connect-src 'self'") {
		t.Fatalf("index: %d, live script or CSP missing:\n%.400s", code, page)
	}
	if code, js := get(t, url+"_preview/live.js"); code != 200 || !strings.Contains(js, "EventSource") {
		t.Fatalf("live.js: %d", code)
	}
	for _, p := range []string{"..%2f..%2fconfig.toml", "../../config.toml", "..%2fconfig.toml"} {
		if code, body := get(t, url+p); code < 400 || code > 499 || strings.Contains(body, "[contract]") {
			t.Errorf("%s: %d, want a 4xx and nothing from outside the site", p, code)
		}
	}
	states := events(t, ctx, url)
	first := next(t, states, "the first state", func(st preview.State) bool { return true })
	if first.Version != 1 || first.Error != "" {
		t.Fatalf("first state %+v, want version 1 and no error", first)
	}

	// A change of as-of date: rebuilt, and the page says the new date.
	write(cfgPath, []byte(strings.Replace(string(cfg), "as_of = 2026-11-27", "as_of = 2026-11-20", 1)))
	next(t, states, "a rebuild", func(st preview.State) bool { return st.Version == 2 && st.Error == "" })
	if _, page := get(t, url+"index.html"); !strings.Contains(page, "2026-11-20") {
		t.Error("the rebuilt dashboard does not show the new as-of date")
	}

	// A broken config: the errors go to the pages, the last good site stays.
	write(cfgPath, []byte(strings.Replace(string(cfg), `form = "B"`, `form = "C"`, 1)))
	bad := next(t, states, "a failed rebuild", func(st preview.State) bool { return st.Error != "" })
	if bad.Version != 2 || !strings.Contains(bad.Error, `form: want "A" or "B", got "C"`) {
		t.Errorf("failed rebuild: %+v", bad)
	}
	if code, page := get(t, url+"index.html"); code != 200 || !strings.Contains(page, "2026-11-20") {
		t.Errorf("after a failed rebuild: %d, not the last good site", code)
	}

	// Evidence changed and the config mended: one rebuild, the error gone.
	write(filepath.Join(dir, "evidence", "notes.txt"), []byte("new"))
	write(cfgPath, cfg)
	next(t, states, "a mended rebuild", func(st preview.State) bool { return st.Version == 3 && st.Error == "" })
	if _, page := get(t, url+"method.html"); !strings.Contains(page, "<code>notes.txt</code>") {
		t.Error("the rebuilt method page does not list the new unread file")
	}
}

// serve's bad cases end with an error that says what to do, never a hang:
// a port already taken, an evidence folder that is not there.
func TestServeErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	o := sampleOptions("")
	o.Config = "../../config.toml"
	for _, tt := range []struct {
		name, addr, evidence, want string
	}{
		{"port taken", busy.Addr().String(), "../../evidence", "choose another with --port"},
		{"no evidence folder", "127.0.0.1:0", filepath.Join(t.TempDir(), "nothere"), "not found (pass --evidence DIR)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o.Evidence = tt.evidence
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			err := Serve(ctx, o, tt.addr, io.Discard, io.Discard, func(string) { t.Error("served") })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Serve: %v, want an error saying %q", err, tt.want)
			}
		})
	}
}
