// Package preview serves a site being edited: the last good build of it,
// each page with a small script that reloads it when a rebuild succeeds
// and shows the errors over it when one fails. It is for one person's
// machine (127.0.0.1) while the evidence is being filled in; the site it
// serves is the same as a build's, byte for byte, but for what a page is
// given on its way out.
package preview

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
)

// Paths the preview serves beside the site; no site file starts with "_".
const (
	scriptPath = "/_preview/live.js"
	eventsPath = "/_preview/events"
)

//go:embed live.js
var liveJS []byte

// State is what the pages are told after every build.
type State struct {
	// Version counts the good builds: a page reloads when it changes.
	Version int `json:"version"`
	// Error is why the last build failed, "" when it did not: the site
	// served is then the last good one.
	Error string `json:"error"`
}

// Server serves the site in a folder and tells its pages of each build.
type Server struct {
	dir  string
	mu   sync.Mutex
	st   State
	subs map[chan State]struct{}
}

// New serves the site built in dir.
func New(dir string) *Server {
	return &Server{dir: dir, subs: map[chan State]struct{}{}}
}

// Built records the end of a build: err nil when the site in the folder
// is new, else why it is not (the last good site stays).
func (s *Server) Built(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err == nil {
		s.st.Version++
		s.st.Error = ""
	} else {
		s.st.Error = err.Error()
	}
	for c := range s.subs {
		select {
		case c <- s.st:
		default: // a slow page gets the next state instead
		}
	}
}

// State is the state pages are told now.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st
}

func (s *Server) subscribe() (chan State, State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := make(chan State, 1)
	s.subs[c] = struct{}{}
	return c, s.st
}

func (s *Server) unsubscribe(c chan State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.subs, c)
}

// ServeHTTP serves the site, the script and the events.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(liveJS)
		return
	case eventsPath:
		s.events(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "read only", http.StatusMethodNotAllowed)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	w.Header().Set("Cache-Control", "no-store")
	// The folder is swapped whole by each build: open it afresh, inside it.
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		s.noSite(w)
		return
	}
	defer root.Close()
	if name == "favicon.ico" {
		if _, err := root.Stat(name); err != nil {
			w.WriteHeader(http.StatusNoContent) // the site has none; a browser asks anyway
			return
		}
	}
	if !strings.HasSuffix(name, ".html") {
		http.ServeFileFS(w, r, root.FS(), name)
		return
	}
	data, err := fs.ReadFile(root.FS(), name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(Live(data))
}

// noSite answers while no build has succeeded yet.
func (s *Server) noSite(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	page := `<!DOCTYPE html><html lang="en-GB"><meta charset="utf-8"><title>No site yet</title><body><h1>No site yet</h1><p>The first build has not succeeded; this page reloads when one does.</p><script src="` + scriptPath + `"></script></body></html>`
	w.Write([]byte(page))
}

// cspSelf lets a page's script connect back to the preview: a built page
// allows no connection at all.
var (
	cspNone = []byte(`default-src 'none';`)
	cspLive = []byte(`default-src 'none'; connect-src 'self';`)
	bodyEnd = []byte(`</body>`)
)

// Live is a page as the preview serves it: with its script, allowed to
// connect back for the events.
func Live(page []byte) []byte {
	page = bytes.Replace(page, cspNone, cspLive, 1)
	script := []byte(`<script src="` + scriptPath + `" defer></script>`)
	if i := bytes.LastIndex(page, bodyEnd); i >= 0 {
		return append(append(append(make([]byte, 0, len(page)+len(script)), page[:i]...), script...), page[i:]...)
	}
	return append(page, script...)
}

// events streams the state to a page, now and after every build, as
// server-sent events.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c, st := s.subscribe()
	defer s.unsubscribe(c)
	for {
		data, _ := json.Marshal(st)
		fmt.Fprintf(w, "event: state\ndata: %s\n\n", data)
		fl.Flush()
		select {
		case st = <-c:
		case <-r.Context().Done():
			return
		}
	}
}
