package browser

import (
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/sample"
	"github.com/agency/evidence-site/generator/internal/workbook"
	"github.com/agency/evidence-site/generator/model"
)

// big is the sample with 2,600 more vulnerabilities, so that the
// vulnerability register is split over three pages; one late patch near
// the end is on the third. Its search index holds 500 keys a file, so that
// the vulnerabilities' keys are split over several. runTests removes it.
var big struct {
	once sync.Once
	dir  string
	late string // the late vulnerability's ID
	err  error
}

func bigSite(t *testing.T) string {
	t.Helper()
	big.once.Do(func() { big.dir, big.late, big.err = buildBig() })
	if big.err != nil {
		t.Fatalf("building the large sample: %v", big.err)
	}
	return big.dir
}

func buildBig() (string, string, error) {
	dir, err := os.MkdirTemp("", "evidence-site-big-")
	if err != nil {
		return "", "", err
	}
	ev := filepath.Join(dir, "evidence")
	if err := os.CopyFS(ev, os.DirFS("../../evidence")); err != nil {
		return "", "", err
	}
	s, _ := evidence.LookupSchema("vulnerabilities")
	sheet := sample.Vulnerabilities()
	tsv := sheet.TSV
	late := ""
	for i := range 2*model.PageRows + 600 {
		row := map[string]string{"Vulnerability ID": fmt.Sprintf("VUL-%05d", 10000+i), "Component": "nginx 1.26",
			"Severity": "Critical", "Patch Released": "2026-02-02", "Patch Applied": "2026-02-10"}
		if i == 2*model.PageRows+597 {
			row["Patch Applied"], late = "2026-03-02", row["Vulnerability ID"] // 14 days late
		}
		line, err := workbook.Table{Name: s.Sheet, Header: s.Header()}.Row(row)
		if err != nil {
			return "", "", err
		}
		tsv += line + "\n"
	}
	if err := workbook.Write(filepath.Join(ev, s.File), workbook.Sheet{Name: sheet.Name, TSV: tsv}); err != nil {
		return "", "", err
	}
	out := filepath.Join(dir, "public")
	err = cli.Build(cli.Options{Project: "../..", Config: "../../config.toml", Evidence: ev, Out: out, AsOf: asOf,
		Today: time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC), SearchShard: 500}, io.Discard, io.Discard)
	return out, late, err
}

// dirURL is the file:// URL of a page of the site built in dir.
func dirURL(dir, rel string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))}).String()
}

// A finding's link to a row of a split register lands on the page that
// holds the row, with the row in view; the pager moves between pages.
func TestSplitRegister(t *testing.T) {
	dir := bigSite(t)
	tb := openTab(t)
	tb.expectURL(dirURL(dir, "gaps.html"))
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(dirURL(dir, "gaps.html"))); err != nil {
		t.Fatal(err)
	}
	page3 := "registers/vulnerabilities--page-3.html"
	tb.expectURL(dirURL(dir, page3))
	sel := fmt.Sprintf(`a[href$="%s#row-%s"]`, page3, big.late)
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(sel)))); err != nil {
		t.Fatalf("following the late patch's finding: %v", err)
	}
	type where struct {
		URL, Target, Status, Current string
		Top, Height                  float64
	}
	w := eval[where](t, tb, fmt.Sprintf(`(() => {
  const r = document.getElementById("row-%s"), t = document.querySelector(":target"), s = r && r.querySelector(".status");
  const cur = document.querySelector(".pager [aria-current=page]");
  return {URL: location.href, Target: t ? t.id : "", Status: s ? s.textContent : "", Current: cur ? cur.textContent : "",
    Top: r ? r.getBoundingClientRect().top : -1, Height: innerHeight};
})()`, big.late))
	if !strings.HasSuffix(w.URL, "/"+page3+"#row-"+big.late) || w.Target != "row-"+big.late {
		t.Fatalf("the link led to %s with :target %q", w.URL, w.Target)
	}
	if w.Status != "Gap" || w.Current != "3" {
		t.Errorf("row status %q on the pager's page %q, want Gap on page 3", w.Status, w.Current)
	}
	if w.Top < -2 || w.Top >= w.Height {
		t.Errorf("the row is not in view: top %.0f of %.0f", w.Top, w.Height)
	}
	// The pager goes back a page.
	tb.expectURL(dirURL(dir, "registers/vulnerabilities--page-2.html"))
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`.pager a[rel=prev]`)))); err != nil {
		t.Fatalf("following the pager's previous link: %v", err)
	}
	rows := eval[int](t, tb, `document.querySelectorAll("#register-rows tbody tr").length`)
	cur := eval[string](t, tb, `document.querySelector(".pager [aria-current=page]").textContent`)
	if rows != model.PageRows || cur != "2" {
		t.Errorf("page 2 shows %d rows, pager at %q; want %d rows on page 2", rows, cur, model.PageRows)
	}
	// A filter set on one page goes with the pager to the next.
	setField(t, tb, "q", "VUL-120")
	tb.expectURL(dirURL(dir, page3))
	if _, err := chromedp.Run(tb.ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Click(chromedp.CSS(`.pager a[rel=next]`)))); err != nil {
		t.Fatalf("following the pager's next link: %v", err)
	}
	type filtered struct {
		Q, Count string
		Shown    int
	}
	f := eval[filtered](t, tb, `({Q: document.querySelector("form.filter").elements.q.value,
  Count: document.querySelector("form.filter output").textContent,
  Shown: Array.from(document.querySelectorAll("#register-rows tbody tr")).filter(r => r.getClientRects().length > 0).length})`)
	if f.Q != "VUL-120" || f.Shown != 100 || f.Count != "100 of 625 shown" {
		t.Errorf("page 3 after the pager: find %q, %d rows shown (%q); want VUL-120 and its 100 rows (VUL-12000 to VUL-12099)", f.Q, f.Shown, f.Count)
	}
	// No page of the split register is over the size a browser opens at once.
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		if fi, err := d.Info(); err == nil && fi.Size() > 2<<20 {
			t.Errorf("%s is %d bytes", p, fi.Size())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
