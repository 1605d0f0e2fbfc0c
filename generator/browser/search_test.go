package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/model"
)

// result is one entry of the search box's results.
type result struct {
	Href  string `json:"href"` // as resolved by the browser
	Kind  string `json:"kind"`
	Label string `json:"label"`
}

const resultsJS = `Array.from(document.querySelectorAll("#site-search-results a"), a => ({
  href: a.href,
  kind: a.querySelector(".search-kind").textContent,
  label: a.querySelector(".search-label").textContent,
}))`

// search types q into the page's search box, as a person would, and waits
// until a result leads to want (a file URL with its fragment) and no part
// of the index is still loading; it returns the results and the status.
func search(t *testing.T, tb *tab, q, want string) ([]result, string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("site-search").value = ""`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`#site-search`), q)); err != nil {
		t.Fatalf("typing %q in the search box: %v", q, err)
	}
	wait := fmt.Sprintf(`Array.from(document.querySelectorAll("#site-search-results a")).some(a => a.href === %q) &&
  !/searching|Loading/.test(document.getElementById("site-search-status").textContent)`, want)
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](wait, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		got := eval[[]result](t, tb, resultsJS)
		status := eval[string](t, tb, `document.getElementById("site-search-status").textContent`)
		t.Fatalf("search %q: no result leads to %s: %v\nstatus %q\nresults %+v", q, want, err, status, got)
	}
	return eval[[]result](t, tb, resultsJS), eval[string](t, tb, `document.getElementById("site-search-status").textContent`)
}

// target is what a page shows for its fragment.
type target struct {
	URL, ID, Text string
}

const targetJS = `(() => { const t = document.querySelector(":target");
  return {URL: location.href, ID: t ? t.id : "", Text: t ? t.textContent : ""}; })()`

// The search box of every page finds paragraphs, register rows, evidence
// items and findings from the index scripts, and its results lead there.
func TestSearch(t *testing.T) {
	browserContext(t)
	tb := openTab(t)

	// From a page one folder down: the index and the links are relative.
	tb.visit(t, "registers/vulnerabilities.html")
	type box struct {
		Hidden        bool
		Label, Status string
		Live          string
	}
	b := eval[box](t, tb, `(() => { const s = document.querySelector(".site-search"), i = document.getElementById("site-search");
  return {Hidden: !s || s.hidden || s.getClientRects().length === 0, Label: i && i.labels.length ? i.labels[0].textContent : "",
    Status: document.getElementById("site-search-status").getAttribute("role"),
    Live: document.getElementById("site-search-status").getAttribute("aria-live")}; })()`)
	if b.Hidden || b.Label == "" || b.Status != "status" || b.Live != "polite" {
		t.Fatalf("search box: %+v; want it shown, labelled, with a polite status", b)
	}

	para := fileURL(model.ParagraphHref("B.9.5"))
	got, status := search(t, tb, "B.9.5", para)
	if got[0].Href != para || !strings.HasPrefix(got[0].Label, "B.9.5 ") {
		t.Errorf("search B.9.5: first result %+v, want the paragraph B.9.5", got[0])
	}
	if !regexp.MustCompile(`^\d+ results\.$`).MatchString(status) {
		t.Errorf("search B.9.5: status %q, want \"N results.\"", status)
	}

	// A staff id: the staff register's row first; Enter opens it.
	row := fileURL("registers/staff.html") + "#row-NS-0001"
	got, _ = search(t, tb, "ns-0001", row)
	if got[0].Href != row || got[0].Kind != "Row" {
		t.Errorf("search ns-0001: first result %+v, want the staff register's row", got[0])
	}
	tb.expect("registers/staff.html")
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.SendKeys(chromedp.CSS(`#site-search`), kb.Enter))); err != nil {
		t.Fatalf("Enter in the search box: %v", err)
	}
	if tg := eval[target](t, tb, targetJS); tg.URL != row || tg.ID != "row-NS-0001" || !strings.Contains(tg.Text, "NS-0001") {
		t.Errorf("Enter led to %+v, want the row of NS-0001", tg)
	}

	// Words of an evidence item's title, from the top of the site.
	tb.visit(t, "index.html")
	item := fileURL(model.DocumentsHref) + "#item-EV-003"
	got, _ = search(t, tb, "essentials plus", item)
	if got[0].Href != item || !strings.Contains(got[0].Label, "Cyber Essentials Plus certificate") {
		t.Errorf("search essentials plus: first result %+v, want EV-003", got[0])
	}
	tb.follow(t, fmt.Sprintf(`#site-search-results a[href=%q]`, model.ItemHref("EV-003")), "documents.html")
	if tg := eval[target](t, tb, targetJS); tg.ID != "item-EV-003" {
		t.Errorf("the result led to %+v, want the item EV-003", tg)
	}

	// A finding, by its subject: it leads to its row of the gaps list.
	i, id := findingIndex(t, "CT-2026-01")
	finding := fileURL(model.PageHref(model.GapsHref, model.PageOf(i))) + "#" + id
	got, _ = search(t, tb, "CT-2026-01", finding)
	if !slices.ContainsFunc(got, func(r result) bool { return r.Href == finding && r.Kind == "Finding" }) {
		t.Errorf("search CT-2026-01: %+v, want the finding", got)
	}
	// The arrow keys move to the results; Enter on one opens it.
	n := slices.IndexFunc(got, func(r result) bool { return r.Href == finding })
	keys := strings.Repeat(kb.ArrowDown, n+1)
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys)); err != nil {
		t.Fatal(err)
	}
	if f := eval[string](t, tb, `document.activeElement.href || ""`); f != finding {
		t.Fatalf("after %d arrow keys the focus is on %q, want the finding's link", n+1, f)
	}
	tb.expect("gaps.html")
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.KeyEvent(kb.Enter))); err != nil {
		t.Fatalf("Enter on a result: %v", err)
	}
	if tg := eval[target](t, tb, targetJS); tg.ID != id || !strings.Contains(tg.Text, "CT-2026-01") {
		t.Errorf("the finding's result led to %+v, want its row of the gaps list", tg)
	}

	// Nothing found: said, and no empty list shown.
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`#site-search`), "zzqx-no-such-thing")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.getElementById("site-search-status").textContent === "No results."`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("no match: status %q", eval[string](t, tb, `document.getElementById("site-search-status").textContent`))
	}
	if n := eval[int](t, tb, `document.getElementById("site-search-results").getClientRects().length`); n != 0 {
		t.Error("no match: the empty results list is shown")
	}
}

// findingIndex is the index in gaps.json of the first finding about
// subject.
func findingIndex(t *testing.T, subject string) (int, string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(site.dir, "gaps.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Gaps []struct {
			ID      string `json:"id"`
			Subject string `json:"subject"`
		} `json:"gaps"`
	}
	if err := json.Unmarshal(src, &g); err != nil {
		t.Fatal(err)
	}
	for i, f := range g.Gaps {
		if f.Subject == subject {
			return i, f.ID
		}
	}
	t.Fatalf("gaps.json has no finding about %s", subject)
	return 0, ""
}

// Without script the search box is not shown: no control that does nothing.
func TestSearchHiddenWithoutScript(t *testing.T) {
	for _, rel := range []string{"index.html", "registers/staff.html", model.ParagraphHref("B.9.5")} {
		src, err := os.ReadFile(filepath.Join(site.dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`<div class="site-search"[^>]* hidden>`).Match(src) {
			t.Errorf("%s: the search box is not hidden until the script shows it", rel)
		}
	}
	src, err := os.ReadFile(filepath.Join(site.dir, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(src), `id="site-search"`) || strings.Contains(string(src), "<script") {
		t.Error("report.html has the search box or a script")
	}
}

// In a register split over pages and an index split over files, a key
// leads to its page; a query that would load too many files asks for more.
func TestSearchSplitIndex(t *testing.T) {
	dir := bigSite(t)
	tb := openTab(t)
	tb.expectURL(dirURL(dir, "gaps.html"))
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(dirURL(dir, "gaps.html"))); err != nil {
		t.Fatal(err)
	}
	shards, err := filepath.Glob(filepath.Join(dir, "search", "ids-vulnerabilities-*.js"))
	if err != nil || len(shards) < 5 {
		t.Fatalf("the big site's vulnerability keys are in %d files, want 5 or more: the test proves nothing", len(shards))
	}
	// "VUL-1" begins every added key: too many files to load for it.
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`#site-search`), "VUL-1")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`/Type more of an id to search the ids of: Vulnerability register/.test(document.getElementById("site-search-status").textContent)`,
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("search VUL-1: status %q, want it to ask for more of the id", eval[string](t, tb, `document.getElementById("site-search-status").textContent`))
	}
	loaded := func() []string {
		return eval[[]string](t, tb, `Array.from(document.querySelectorAll("script[src*='search/']"), s => s.getAttribute("src"))`)
	}
	if l := loaded(); slices.ContainsFunc(l, func(s string) bool { return strings.Contains(s, "ids-vulnerabilities-") }) {
		t.Errorf("search VUL-1 loaded %q", l)
	}
	row := dirURL(dir, "registers/vulnerabilities--page-3.html") + "#row-" + big.late
	got, _ := search(t, tb, big.late, row)
	if got[0].Href != row {
		t.Errorf("search %s: first result %+v, want its row on page 3", big.late, got[0])
	}
	n := 0
	for _, s := range loaded() {
		if strings.Contains(s, "ids-vulnerabilities-") {
			n++
		}
	}
	// Typed a key at a time, the query loads a file or two on the way.
	if n == 0 || n > 3 {
		t.Errorf("search %s loaded %d of the %d files of vulnerability keys, want 1 to 3: %q", big.late, n, len(shards), loaded())
	}
	tb.expectURL(dirURL(dir, "registers/vulnerabilities--page-3.html"))
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`#site-search-results a`)))); err != nil {
		t.Fatal(err)
	}
	if tg := eval[target](t, tb, targetJS); tg.URL != row || tg.ID != "row-"+big.late {
		t.Errorf("the result led to %+v", tg)
	}
}

// A vulnerability keyed by its CVE number, in a register given as CSV,
// is found by the start of the number, any case, and leads to its row.
func TestSearchCVE(t *testing.T) {
	out := csvSite(t, "vulnerabilities", 1, func(i int, col string) (string, bool) {
		return "CVE-2024-3094", col == "Vulnerability ID"
	})
	tb := openTab(t)
	u := dirURL(out, "index.html")
	tb.expectURL(u)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	want := dirURL(out, "registers/vulnerabilities.html") + "#row-CVE-2024-3094"
	got, _ := search(t, tb, "cve-2024-30", want)
	if got[0].Href != want || got[0].Kind != "Row" {
		t.Errorf("search cve-2024-30: first result %+v, want the vulnerability's row", got[0])
	}
}

// csvSite builds a site from one register given as CSV, of n rows: the
// register's example row, each cell set(i, column) returns with true in
// place of the example's; it returns the output folder.
func csvSite(t *testing.T, register string, n int, set func(i int, col string) (string, bool)) string {
	t.Helper()
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	if err := os.MkdirAll(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	s, _ := evidence.LookupSchema(register)
	ex := s.Example()
	lines := []string{strings.Join(s.Header(), ",")}
	for i := range n {
		var row []string
		for _, c := range s.Header() {
			v := strings.TrimPrefix(ex[c], "'")
			if w, ok := set(i, c); ok {
				v = w
			}
			row = append(row, v)
		}
		lines = append(lines, strings.Join(row, ","))
	}
	if err := os.WriteFile(filepath.Join(ev, register+".csv"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(cfg, []byte("[contract]\nform = \"B\"\nstart_date = 2025-04-01\n[review]\nas_of = 2026-11-27\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	var log strings.Builder
	if err := cli.Build(cli.Options{Config: cfg, Evidence: ev, Out: out}, &log, &log); err != nil {
		t.Fatalf("build: %v\n%s", err, log.String())
	}
	return out
}
