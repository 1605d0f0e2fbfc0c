package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/agency/evidence-site/generator/cli"
)

const (
	asOf = "2026-11-27"

	// browserLife bounds the whole browser, so that a hung browser fails
	// the tests instead of hanging CI; startTimeout bounds its start and
	// tabTimeout each test's tab.
	browserLife  = 3 * time.Minute
	startTimeout = 30 * time.Second
	tabTimeout   = 60 * time.Second
)

// site is the sample site, built once for all the tests.
var site struct {
	dir string // the output folder, absolute
	err error
	log string // what the build printed
}

// chrome is one browser shared by all the tests; each test has its own tabs.
var chrome struct {
	path   string
	once   sync.Once
	ctx    context.Context
	cancel context.CancelFunc
	err    error
	output bytes.Buffer // the browser's stdout and stderr
}

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "evidence-site-browser-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "browser tests: %v\n", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	site.dir = filepath.Join(tmp, "public")
	var out bytes.Buffer
	site.err = cli.Build(cli.Options{
		Project:  "../..",
		Config:   "../../config.toml",
		Evidence: "../../evidence",
		Out:      site.dir,
		AsOf:     asOf,
		Today:    time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC),
	}, &out, &out)
	site.log = out.String()
	chrome.path = findChrome()
	defer func() {
		if chrome.cancel != nil {
			chrome.cancel()
		}
		if big.dir != "" {
			os.RemoveAll(filepath.Dir(big.dir))
		}
	}()
	return m.Run()
}

// sampleConfig is the shipped config.toml, for a test to write elsewhere:
// its [review] previous, relative to the repository, is made absolute, so
// that the copy still finds the sample's previous build.
func sampleConfig(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?m)^previous = "([^"]+)"`)
	m := re.FindSubmatch(src)
	if m == nil {
		t.Fatal("the sample config.toml sets no [review] previous")
	}
	abs, err := filepath.Abs(filepath.Join("../..", string(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(abs) // a TOML basic string, as JSON writes it
	return re.ReplaceAllLiteral(src, append([]byte("previous = "), q...))
}

// findChrome returns the browser to use, or "" when there is none.
func findChrome() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserContext returns the context of the shared browser, starting it
// on first use. Without a browser the test skips, or fails under CI.
func browserContext(t *testing.T) context.Context {
	t.Helper()
	if site.err != nil {
		t.Fatalf("building the sample site: %v\n%s", site.err, site.log)
	}
	if chrome.path == "" {
		msg := "no Chromium found: set CHROME_PATH, or install Debian's chromium (apt-get install chromium)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI must have it (.ci/run installs it)")
		}
		t.Skip(msg)
	}
	chrome.once.Do(startChrome)
	if chrome.err != nil {
		t.Fatalf("starting %s: %v\n%s", chrome.path, chrome.err, chrome.output.String())
	}
	return chrome.ctx
}

func startChrome() {
	life, cancelLife := context.WithTimeout(context.Background(), browserLife)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome.path),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(&chrome.output),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(life, opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	chrome.ctx = ctx
	chrome.cancel = func() { cancelCtx(); cancelAlloc(); cancelLife() }
	timer := time.AfterFunc(startTimeout, cancelLife)
	defer timer.Stop()
	chrome.err = chromedp.Do(ctx) // the first run starts the browser
}

// A tab is a browser tab that records every network request, failed load,
// JavaScript exception, console error and Content Security Policy
// violation of every page it shows.
type tab struct {
	ctx context.Context

	mu       sync.Mutex
	visited  []string // file URLs of the pages shown, without fragments
	requests []request
	urls     map[network.RequestID]string
	problems []string
}

type request struct{ url, from string }

// watchCSP runs in every page before the page's own scripts. Chromium
// also logs violations itself; the event catches them all the same.
const watchCSP = `document.addEventListener("securitypolicyviolation", function (e) {
  console.error("Content Security Policy violation: " + e.violatedDirective + " blocked " +
    (e.blockedURI || "an inline resource") + " in " + e.sourceFile + ":" + e.lineNumber);
}, true);`

// newTab opens a tab that lives until the test ends.
func newTab(t *testing.T) *tab {
	t.Helper()
	parent := browserContext(t)
	tb := &tab{urls: map[network.RequestID]string{}}
	ctx, cancel := chromedp.NewContext(parent, chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	// The tab lives as long as the context of its first run: no timeout
	// there, only on the context of everything after it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	tctx, tcancel := context.WithTimeout(ctx, tabTimeout)
	t.Cleanup(tcancel)
	tb.ctx = tctx
	if _, err := chromedp.Call(tctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchCSP}); err != nil {
		t.Fatalf("adding the CSP watch: %v", err)
	}
	return tb
}

// openTab opens a tab that, when the test ends, must have made no request
// other than to file:// and seen no script error, console error or CSP
// violation on any page.
func openTab(t *testing.T) *tab {
	t.Helper()
	tb := newTab(t)
	t.Cleanup(func() { tb.assertClean(t) })
	return tb
}

// listen runs in the tab's event loop: it must be quick and send nothing.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, request{url: ev.Request.URL, from: ev.DocumentURL})
		tb.urls[ev.RequestID] = ev.Request.URL
	case *network.EventLoadingFailed:
		tb.problems = append(tb.problems, fmt.Sprintf("loading %s failed: %s %s", tb.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason))
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, fmt.Sprintf("JavaScript exception in %s:%d: %s", d.URL, d.LineNumber+1, text))
	case *runtime.EventConsoleAPICalled:
		text := consoleText(ev.Args)
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert || mentionsCSP(text) {
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, text))
		}
	case *log.EventEntryAdded:
		e := ev.Entry
		if e.Level == log.EntryLevelError || mentionsCSP(e.Text) {
			tb.problems = append(tb.problems, fmt.Sprintf("console %s from %s in %s: %s", e.Level, e.Source, e.URL, e.Text))
		}
	}
}

func mentionsCSP(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "content security policy") || strings.Contains(s, "content-security-policy")
}

func consoleText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		switch {
		case a.Type == runtime.RemoteObjectTypeString && json.Unmarshal([]byte(a.Value), &s) == nil:
		case a.Description != "":
			s = a.Description
		default:
			s = string(a.Value)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// flush waits until the page's queued tasks ran and their events arrived.
func (tb *tab) flush() error {
	_, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](`new Promise(r => setTimeout(r, 50))`, chromedp.EvalAwaitPromise))
	return err
}

func (tb *tab) problemList() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return slices.Clone(tb.problems)
}

func (tb *tab) assertClean(t *testing.T) {
	t.Helper()
	if err := tb.flush(); err != nil {
		t.Errorf("waiting for the last page's events: %v", err)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	seen := map[string]bool{}
	for _, r := range tb.requests {
		seen[stripFragment(r.url)] = true
		if !strings.HasPrefix(r.url, "file://") {
			t.Errorf("%s requested %s: the site must work from file:// with no network", r.from, r.url)
		}
	}
	// A page shown with no request seen means the listener is not working.
	for _, v := range tb.visited {
		if !seen[v] {
			t.Errorf("no request seen for %s (requests: %d)", v, len(tb.requests))
		}
	}
	for _, p := range tb.problems {
		t.Error(p)
	}
}

func stripFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// fileURL is the file:// URL of a page of the built site.
func fileURL(rel string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(site.dir, filepath.FromSlash(rel)))}).String()
}

// expect records that the tab shows the page, however it got there.
func (tb *tab) expect(rel string) { tb.expectURL(fileURL(rel)) }

// expectURL records that the tab shows the page at u.
func (tb *tab) expectURL(u string) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	tb.visited = append(tb.visited, u)
}

// visit shows a page of the built site and waits for it to load.
func (tb *tab) visit(t *testing.T, rel string) {
	t.Helper()
	if err := tb.load(rel); err != nil {
		t.Fatal(err)
	}
}

func (tb *tab) load(rel string) error {
	tb.expect(rel)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(fileURL(rel))); err != nil {
		return fmt.Errorf("opening %s: %w", rel, err)
	}
	return nil
}

// follow clicks the first element that sel finds and waits for the page
// that the click loads.
func (tb *tab) follow(t *testing.T, sel, rel string) {
	t.Helper()
	tb.expect(rel)
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
		t.Fatalf("following %s to %s: %v", sel, rel, err)
	}
}

// eval runs JavaScript in the tab's page and decodes its result.
func eval[T any](t *testing.T, tb *tab, js string) T {
	t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// coverage reads coverage.json from disk: the as-of date and the number of
// paragraphs of each status.
func coverage(t *testing.T) (string, map[string]int) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(site.dir, "coverage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		AsOf       string `json:"as_of"`
		Paragraphs []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"paragraphs"`
	}
	if err := json.Unmarshal(src, &c); err != nil {
		t.Fatalf("coverage.json: %v", err)
	}
	n := map[string]int{}
	for _, p := range c.Paragraphs {
		n[p.Status]++
	}
	return c.AsOf, n
}

func TestDashboard(t *testing.T) {
	browserContext(t)
	jsonAsOf, want := coverage(t)
	if jsonAsOf != asOf {
		t.Errorf("coverage.json: as_of = %q, want %q", jsonAsOf, asOf)
	}
	tb := openTab(t)
	tb.visit(t, "index.html")

	shown := eval[string](t, tb, `(() => {
  const dt = Array.from(document.querySelectorAll("dl.facts dt")).find(dt => dt.textContent.trim() === "As of");
  return dt && dt.nextElementSibling ? dt.nextElementSibling.innerText : "";
})()`)
	if !strings.Contains(shown, asOf) {
		t.Errorf(`dashboard "As of" = %q, want it to show %s`, shown, asOf)
	}
	header := eval[string](t, tb, `document.querySelector(".site-header").innerText`)
	if !strings.Contains(header, "as of "+asOf) {
		t.Errorf("page header %q does not show %q", header, "as of "+asOf)
	}

	type tile struct {
		Status  string `json:"status"`
		N       string `json:"n"`
		Visible bool   `json:"visible"`
	}
	tiles := eval[[]tile](t, tb, `Array.from(document.querySelectorAll("ul.tiles a.tile"), a => ({
  status: (a.className.match(/\bstatus-(\w+)/) || ["", ""])[1],
  n: a.querySelector(".n") ? a.querySelector(".n").textContent.trim() : "",
  visible: a.getClientRects().length > 0,
}))`)
	got := map[string]int{}
	for _, tl := range tiles {
		n, err := strconv.Atoi(tl.N)
		if err != nil {
			t.Errorf("tile %q: count %q is not a number", tl.Status, tl.N)
		}
		if !tl.Visible {
			t.Errorf("tile %q is not visible", tl.Status)
		}
		if _, dup := got[tl.Status]; dup {
			t.Errorf("two tiles for status %q", tl.Status)
		}
		got[tl.Status] = n
	}
	for _, s := range []string{"covered", "gap", "missing", "info", "na"} {
		if _, ok := got[s]; !ok {
			t.Errorf("no tile for status %q", s)
		}
	}
	for s, n := range want {
		if _, ok := got[s]; !ok {
			t.Errorf("coverage.json has %d paragraphs of status %q, and the dashboard no tile for it", n, s)
		}
	}
	for s, n := range got {
		if n != want[s] {
			t.Errorf("tile %q shows %d, coverage.json has %d", s, n, want[s])
		}
	}
}

// pageInfo is what a page offers to a link: its element ids and its filter
// fields (a select's options; nil for free text), and its own links.
type pageInfo struct {
	IDs     []string            `json:"ids"`
	Filters map[string][]string `json:"filters"`
	Links   []link              `json:"links"`
}

type link struct {
	Tag   string `json:"tag"`
	Attr  string `json:"attr"`
	Value string `json:"value"`
}

const pageInfoJS = `(() => {
  const filters = {};
  for (const f of document.querySelectorAll("form.filter [name]")) {
    filters[f.name] = f.localName === "select" ? Array.from(f.options, o => o.value) : null;
  }
  const attr = e => e.hasAttribute("href") ? "href" : "src";
  return {
    ids: Array.from(document.querySelectorAll("[id], a[name]"), e => e.id || e.name),
    filters: filters,
    links: Array.from(document.querySelectorAll("[href], [src]"), e => ({tag: e.localName, attr: attr(e), value: e.getAttribute(attr(e))})),
  };
})()`

func TestLinks(t *testing.T) {
	tb := openTab(t)
	// The pages that links with a fragment lead to are parsed from disk:
	// opening each of them from file:// would take too long.
	targets := map[string]pageInfo{}
	info := func(t *testing.T, rel string) pageInfo {
		t.Helper()
		pi, ok := targets[rel]
		if !ok {
			var err error
			if pi, err = diskInfo(rel); err != nil {
				t.Fatal(err)
			}
			targets[rel] = pi
		}
		return pi
	}

	// One paragraph page: the first with a gap.
	tb.visit(t, "schedule.html")
	para := eval[string](t, tb, `(() => { const a = document.querySelector('article[data-status="gap"] a.pid'); return a ? a.getAttribute("href") : ""; })()`)
	if para == "" {
		t.Fatal(`schedule.html: no article[data-status="gap"] with a link a.pid to its paragraph page`)
	}

	pages := []string{"index.html", "schedule.html", "matrix.html", "gaps.html", "due.html", "changes.html", "method.html", "documents.html", "registers/staff.html", "registers/security-tests.html", path.Clean(para)}
	// A list of the Changes page on pages of its own, if the sample has one.
	for _, list := range []string{"changes-new.html", "changes-resolved.html", "changes-open.html"} {
		if _, err := os.Stat(filepath.Join(site.dir, list)); err == nil {
			pages = append(pages, list)
		}
	}
	for _, from := range pages {
		t.Run(from, func(t *testing.T) {
			tb.visit(t, from)
			here := eval[pageInfo](t, tb, pageInfoJS)
			if len(here.Links) == 0 {
				t.Fatalf("%s has no links", from)
			}
			for _, l := range here.Links {
				checkLink(t, from, here, l, info)
			}
		})
	}
}

// diskInfo parses a page of the output with an HTML5 parser, for the ids
// and filter fields that links with a fragment may name.
func diskInfo(rel string) (pageInfo, error) {
	f, err := os.Open(filepath.Join(site.dir, filepath.FromSlash(rel)))
	if err != nil {
		return pageInfo{}, err
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		return pageInfo{}, fmt.Errorf("%s: %w", rel, err)
	}
	pi := pageInfo{Filters: map[string][]string{}}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			pi.IDs = append(pi.IDs, id)
		}
		if name := attr(n, "name"); n.Data == "a" && name != "" {
			pi.IDs = append(pi.IDs, name)
		}
		if n.Data != "form" || !slices.Contains(strings.Fields(attr(n, "class")), "filter") {
			continue
		}
		for f := range n.Descendants() {
			name := attr(f, "name")
			if f.Type != html.ElementNode || name == "" {
				continue
			}
			var options []string
			if f.Data == "select" {
				options = []string{}
				for o := range f.Descendants() {
					if o.Type == html.ElementNode && o.Data == "option" {
						v, ok := attrOK(o, "value")
						if !ok {
							v = strings.TrimSpace(text(o))
						}
						options = append(options, v)
					}
				}
			}
			pi.Filters[name] = options
		}
	}
	return pi, nil
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

// checkLink checks that a link of the page from is relative and leads to a
// file of the output, and to an element or filter that exists there.
func checkLink(t *testing.T, from string, here pageInfo, l link, info func(*testing.T, string) pageInfo) {
	t.Helper()
	where := fmt.Sprintf("%s: <%s %s=%q>", from, l.Tag, l.Attr, l.Value)
	u, err := url.Parse(l.Value)
	switch {
	case err != nil:
		t.Errorf("%s: %v", where, err)
		return
	case u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/"):
		t.Errorf("%s: not a relative link: the folder must work from file:// and offline", where)
		return
	case u.Path == "" && u.Fragment == "":
		t.Errorf("%s: links nowhere", where)
		return
	}
	target, targetInfo := from, here
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if !filepath.IsLocal(filepath.FromSlash(target)) {
			t.Errorf("%s: leads out of the site folder", where)
			return
		}
		fi, err := os.Stat(filepath.Join(site.dir, filepath.FromSlash(target)))
		if err != nil || fi.IsDir() {
			t.Errorf("%s: %s is not a file in the output", where, target)
			return
		}
		if l.Tag == "a" && !strings.HasSuffix(u.Path, ".html") && !strings.HasSuffix(u.Path, ".json") && !strings.HasSuffix(u.Path, ".csv") && !strings.HasSuffix(u.Path, ".ics") && !strings.HasPrefix(u.Path, "files/") && !strings.Contains(u.Path, "/files/") {
			t.Errorf("%s: a link must end in .html, or .json, .csv or .ics for the data files, or be an attached file under files/", where)
		}
		if u.Fragment != "" {
			if !strings.HasSuffix(target, ".html") {
				t.Errorf("%s: a fragment on a file that is not a page", where)
				return
			}
			targetInfo = info(t, target)
		}
	}
	if u.Fragment == "" {
		return
	}
	if !strings.Contains(u.Fragment, "=") {
		if !slices.Contains(targetInfo.IDs, u.Fragment) {
			t.Errorf("%s: %s has no element with id %q", where, target, u.Fragment)
		}
		return
	}
	// A filter preset, such as #status=gap.
	for pair := range strings.SplitSeq(u.Fragment, "&") {
		k, v, _ := strings.Cut(pair, "=")
		allowed, ok := targetInfo.Filters[k]
		switch {
		case !ok:
			t.Errorf("%s: %s has no filter field %q", where, target, k)
		case allowed != nil && !slices.Contains(allowed, v):
			t.Errorf("%s: the %q filter of %s has no option %q (it has %q)", where, k, target, v, allowed)
		}
	}
}

// item is a filterable element of a page.
type item struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
	Text    string `json:"text"`
	Visible bool   `json:"visible"`
}

const itemsJS = `Array.from(document.querySelectorAll(".filterable"), e => ({
  id: e.dataset.id || e.id, status: e.dataset.status || "", text: e.textContent,
  visible: e.getClientRects().length > 0,
}))`

// assertShown checks that exactly the items that want picks are visible,
// and that the filter's count says so.
func assertShown(t *testing.T, tb *tab, what string, want func(item) bool) {
	t.Helper()
	items := eval[[]item](t, tb, itemsJS)
	if len(items) == 0 {
		t.Fatalf("%s: the page has no .filterable items", what)
	}
	n := 0
	for _, it := range items {
		if want(it) {
			n++
		}
		if it.Visible != want(it) {
			t.Errorf("%s: %s (status %s) visible = %v, want %v", what, it.ID, it.Status, it.Visible, want(it))
		}
	}
	if n == 0 || n == len(items) {
		t.Errorf("%s: %d of %d items should show: the filter is not tested", what, n, len(items))
	}
	count := eval[string](t, tb, `document.querySelector("form.filter output").textContent`)
	if wantCount := fmt.Sprintf("%d of %d shown", n, len(items)); count != wantCount {
		t.Errorf("%s: filter count %q, want %q", what, count, wantCount)
	}
}

func matches(q string) func(item) bool {
	return func(it item) bool {
		return strings.Contains(strings.ToLower(it.Text), q) || strings.Contains(strings.ToLower(it.ID), q)
	}
}

func hasStatus(s string) func(item) bool {
	return func(it item) bool { return it.Status == s }
}

// setField sets a filter field as a person would with a mouse, and fires
// the events a person's change fires.
func setField(t *testing.T, tb *tab, name, value string) {
	t.Helper()
	js := fmt.Sprintf(`(() => {
  const f = document.querySelector("form.filter").elements[%q];
  f.value = %q;
  f.dispatchEvent(new Event("input", {bubbles: true}));
  f.dispatchEvent(new Event("change", {bubbles: true}));
  return f.value;
})()`, name, value)
	if got := eval[string](t, tb, js); got != value {
		t.Fatalf("filter field %s = %q after setting it to %q", name, got, value)
	}
}

func TestScheduleFilter(t *testing.T) {
	browserContext(t)
	_, counts := coverage(t)
	tb := openTab(t)
	tb.visit(t, "schedule.html")

	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`form.filter input[name="q"]`), "6.4")); err != nil {
		t.Fatalf("typing in the search box: %v", err)
	}
	assertShown(t, tb, `search "6.4"`, matches("6.4"))
	for _, id := range []string{"B.6.4", "B.Annex1.6.4"} {
		if !matches("6.4")(item{ID: id}) {
			t.Errorf("%s does not match 6.4", id)
		}
	}

	setField(t, tb, "q", "")
	setField(t, tb, "status", "gap")
	assertShown(t, tb, "status gap", hasStatus("gap"))
	gaps := 0
	for _, it := range eval[[]item](t, tb, itemsJS) {
		if it.Visible {
			gaps++
		}
	}
	if gaps != counts["gap"] {
		t.Errorf("status gap shows %d paragraphs, coverage.json has %d", gaps, counts["gap"])
	}

	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`form.filter input[name="q"]`), "6.4")); err != nil {
		t.Fatalf("typing in the search box: %v", err)
	}
	assertShown(t, tb, `status gap and search "6.4"`, func(it item) bool { return hasStatus("gap")(it) && matches("6.4")(it) })

	// The dashboard's gap tile lands on the schedule filtered.
	tb.visit(t, "index.html")
	tb.follow(t, `a.tile.status-gap`, "schedule.html")
	loc := eval[string](t, tb, `location.href`)
	if !strings.HasSuffix(loc, "/schedule.html#status=gap") {
		t.Errorf("the gap tile led to %s, want schedule.html#status=gap", loc)
	}
	if got := eval[string](t, tb, `document.querySelector("form.filter").elements.status.value`); got != "gap" {
		t.Errorf("schedule.html#status=gap: status field = %q, want gap", got)
	}
	assertShown(t, tb, "schedule.html#status=gap", hasStatus("gap"))
}

func TestSortableTable(t *testing.T) {
	tb := openTab(t)
	tb.visit(t, "gaps.html")
	col := eval[int](t, tb, `Array.from(document.querySelectorAll("table.sortable thead th")).findIndex(th => th.textContent.trim() === "Subject")`)
	if col < 0 {
		t.Fatal(`gaps.html: no "Subject" header in table.sortable`)
	}
	header := fmt.Sprintf(`table.sortable thead th:nth-child(%d)`, col+1)
	column := func() []string {
		return eval[[]string](t, tb, fmt.Sprintf(`Array.from(document.querySelector("table.sortable").tBodies[0].rows, r => r.cells[%d].textContent.trim().toLowerCase())`, col))
	}
	rows := func() []string {
		r := eval[[]string](t, tb, `Array.from(document.querySelector("table.sortable").tBodies[0].rows, r => r.textContent)`)
		slices.Sort(r)
		return r
	}
	before, beforeRows := column(), rows()
	if distinct := len(slices.Compact(slices.Sorted(slices.Values(before)))); distinct < 2 {
		t.Fatalf("gaps.html: the Subject column has %d distinct values: nothing to sort", distinct)
	}

	for _, dir := range []string{"ascending", "descending"} {
		if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS(header))); err != nil {
			t.Fatalf("clicking the Subject header: %v", err)
		}
		got := column()
		sorted := slices.IsSorted(got)
		if dir == "descending" {
			sorted = slices.IsSortedFunc(got, func(a, b string) int { return strings.Compare(b, a) })
		}
		if !sorted {
			t.Errorf("after sorting %s, Subject column = %q", dir, got)
		}
		if aria := eval[string](t, tb, fmt.Sprintf(`document.querySelector(%q).getAttribute("aria-sort") || ""`, header)); aria != dir {
			t.Errorf("after sorting %s, the header's aria-sort = %q", dir, aria)
		}
		if !slices.Equal(rows(), beforeRows) {
			t.Errorf("sorting %s changed the rows, not only their order", dir)
		}
	}
}

func TestRegisterRow(t *testing.T) {
	tb := openTab(t)
	tb.visit(t, "gaps.html")
	tb.follow(t, `a[href$="registers/staff.html#row-NS-0035"]`, "registers/staff.html")
	type row struct {
		URL         string  `json:"url"`
		Target      string  `json:"target"`
		Status      string  `json:"status"`
		StatusClass string  `json:"statusClass"`
		Top         float64 `json:"top"`
		Height      float64 `json:"height"`
	}
	r := eval[*row](t, tb, `(() => {
  const r = document.getElementById("row-NS-0035");
  if (!r) return null;
  const t = document.querySelector(":target"), s = r.querySelector(".status");
  return {url: location.href, target: t ? t.id : "", status: s ? s.textContent.trim() : "", statusClass: s ? s.className : "",
    top: r.getBoundingClientRect().top, height: innerHeight};
})()`)
	if r == nil {
		t.Fatal("registers/staff.html has no element with id row-NS-0035")
	}
	if !strings.HasSuffix(r.URL, "/registers/staff.html#row-NS-0035") {
		t.Errorf("the link from gaps.html led to %s", r.URL)
	}
	if r.Target != "row-NS-0035" {
		t.Errorf(":target is %q, want row-NS-0035", r.Target)
	}
	if !strings.EqualFold(r.Status, "gap") || !slices.Contains(strings.Fields(r.StatusClass), "status-gap") {
		t.Errorf("row NS-0035 status %q (class %q), want a gap", r.Status, r.StatusClass)
	}
	if r.Top < -2 || r.Top >= r.Height { // sub-pixel scrolling may leave the top a fraction above 0
		t.Errorf("row NS-0035 is not in view: top %.0f, window height %.0f", r.Top, r.Height)
	}
}

func TestScreenshots(t *testing.T) {
	tb := openTab(t)
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"index.html", "matrix.html", "changes.html"} {
		tb.visit(t, rel)
		buf, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err != nil {
			t.Fatalf("screenshot of %s: %v", rel, err)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(buf))
		if err != nil {
			t.Errorf("screenshot of %s: not a PNG: %v", rel, err)
			continue
		}
		name := filepath.Join(dir, strings.TrimSuffix(strings.ReplaceAll(rel, "/", "-"), ".html")+".png")
		if err := os.WriteFile(name, buf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %dx%d, %d bytes", name, cfg.Width, cfg.Height, len(buf))
		if len(buf) <= 10<<10 {
			t.Errorf("screenshot of %s is %d bytes: a blank page?", rel, len(buf))
		}
	}
}

// TestDetectors shows that the tab's checks catch what they look for: a
// page under the site's own Content Security Policy with an inline style
// and script, and a script that logs an error and throws.
func TestDetectors(t *testing.T) {
	browserContext(t)
	index, err := os.ReadFile(filepath.Join(site.dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(index)
	if m == nil {
		t.Fatal("index.html has no Content-Security-Policy meta element")
	}
	dir := t.TempDir()
	pageSrc := `<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="` + string(m[1]) + `">
<p style="color: red">inline style</p>
<script>document.title = "inline script ran";</script>
<script src="bad.js"></script>`
	if err := os.WriteFile(filepath.Join(dir, "bad.html"), []byte(pageSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.js"), []byte(`console.error("logged an error"); throw new Error("boom");`), 0o644); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "bad.html"))}).String()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if err := tb.flush(); err != nil {
		t.Fatal(err)
	}
	got := tb.problemList()
	for _, want := range []string{"Content Security Policy", "logged an error", "boom"} {
		if !slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("no problem mentions %q; got:\n%s", want, strings.Join(got, "\n"))
		}
	}
	if title := eval[string](t, tb, `document.title`); title == "inline script ran" {
		t.Errorf("the inline script ran under the site's Content Security Policy")
	}
}
