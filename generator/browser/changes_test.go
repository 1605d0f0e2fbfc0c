package browser

import (
	"strings"
	"testing"
)

// The Changes page from file://: the dashboard's headline compares the
// two builds with two bars and links to it; a finding's ID there leads to
// the finding on the gaps list, a paragraph to its page.
func TestChanges(t *testing.T) {
	tb := openTab(t)
	tb.visit(t, "index.html")
	label := eval[string](t, tb, `(() => { const s = document.querySelector("figure.bars svg.bars"); return s ? s.getAttribute("aria-label") : ""; })()`)
	if !strings.Contains(label, "as of 2025-11-27: ") || !strings.Contains(label, "as of "+asOf+": ") {
		t.Errorf("the dashboard's two bars are labelled %q, want both as-of dates", label)
	}
	bars := eval[int](t, tb, `document.querySelectorAll("figure.bars svg.bars rect").length`)
	if bars != 10 {
		t.Errorf("the two bars have %d parts, want 5 each", bars)
	}
	tb.follow(t, `.site-header nav a[href="changes.html"]`, "changes.html")
	for _, id := range []string{"paragraphs", "new", "resolved", "open", "sources"} {
		if !eval[bool](t, tb, `!!document.getElementById("`+id+`")`) {
			t.Errorf("changes.html has no section #%s", id)
		}
	}

	// A new finding: its ID leads to it on the gaps list.
	id := eval[string](t, tb, `(() => { const a = document.querySelector("#new ~ table.changes td.fid a"); return a ? a.textContent : ""; })()`)
	if !strings.HasPrefix(id, "F-") {
		t.Fatalf("changes.html: no new finding whose ID is a link (%q)", id)
	}
	tb.follow(t, `#new ~ table.changes td.fid a`, "gaps.html")
	type landed struct {
		URL    string  `json:"url"`
		Target string  `json:"target"`
		Top    float64 `json:"top"`
		Height float64 `json:"height"`
	}
	const where = `(() => { const t = document.querySelector(":target");
  return {url: location.href, target: t ? t.id : "", top: t ? t.getBoundingClientRect().top : -1, height: innerHeight}; })()`
	got := eval[landed](t, tb, where)
	if !strings.HasSuffix(got.URL, "/gaps.html#"+id) || got.Target != id {
		t.Errorf("the link to %s led to %s, :target %q", id, got.URL, got.Target)
	}
	if got.Top < -2 || got.Top >= got.Height {
		t.Errorf("finding %s is not in view: top %.0f, window height %.0f", id, got.Top, got.Height)
	}

	// A paragraph whose status changed: its page.
	tb.visit(t, "changes.html")
	href := eval[string](t, tb, `document.querySelector("#paragraphs ~ table td a").getAttribute("href")`)
	tb.follow(t, `#paragraphs ~ table td a`, href)
	if u := eval[string](t, tb, `location.href`); !strings.HasSuffix(u, "/"+href) {
		t.Errorf("the paragraph link %s led to %s", href, u)
	}

	// A list longer than the page shows continues on pages of its own.
	tb.visit(t, "changes.html")
	more := eval[string](t, tb, `(() => { const a = document.querySelector('a[href^="changes-"][href$=".html"]'); return a ? a.getAttribute("href") : ""; })()`)
	if more == "" {
		t.Skip("every list of the sample's changes fits on changes.html")
	}
	tb.follow(t, `a[href="`+more+`"]`, more)
	if n := eval[int](t, tb, `document.querySelectorAll("table.changes tbody tr").length`); n <= 100 {
		t.Errorf("%s lists %d findings, want every one", more, n)
	}
}
