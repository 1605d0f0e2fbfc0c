package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeJS is axe-core's axe.min.js, named by AXE_JS: .ci/run fetches a
// pinned release from the npm registry and checks its hash.
func axeJS(t *testing.T) string {
	t.Helper()
	p := os.Getenv("AXE_JS")
	if p == "" {
		msg := "no axe-core: set AXE_JS to axe.min.js (npm pack axe-core, or as .ci/run does)"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + "; CI must have it (.ci/run fetches it)")
		}
		t.Skip(msg)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// Every kind of page meets WCAG 2.1 A and AA as axe-core checks them:
// contrast, names, landmarks, headings, tables, forms, the search box.
func TestAccessibility(t *testing.T) {
	axe := axeJS(t)
	tb := openTab(t)
	pages := []string{"index.html", "schedule.html", "paragraphs/B-9-5-5.html", "matrix.html", "gaps.html", "due.html",
		"registers/staff.html", "registers/vulnerabilities.html", "documents.html", "method.html", "report.html", "changes.html"}
	if _, err := os.Stat(filepath.Join(site.dir, "changes-resolved.html")); err == nil {
		pages = append(pages, "changes-resolved.html") // a list of the Changes page on pages of its own
	}
	for _, rel := range pages {
		tb.visit(t, rel)
		runAxe(t, tb, axe, rel)
	}
	// The search box with its results open.
	tb.visit(t, "index.html")
	if _, err := chromedp.Run(tb.ctx, chromedp.SendKeys(`.site-search input[type=search]`, "NS-00")); err != nil {
		t.Fatalf("typing a search: %v", err)
	}
	waitFor(t, tb, `document.querySelectorAll(".site-search li").length > 0`)
	runAxe(t, tb, axe, "index.html with search results")
}

// runAxe checks the page shown in tb with axe-core.
func runAxe(t *testing.T, tb *tab, axe, what string) {
	t.Helper()
	rel := what
	// Run through the DevTools protocol, which a page's CSP does not
	// govern: the site itself never loads axe.
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[chromedp.Void](axe+";0")); err != nil {
		t.Fatalf("%s: loading axe: %v", rel, err)
	}
	out, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"], preload: false}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: running axe: %v", rel, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%s: %v", rel, err)
	}
	for _, v := range vs {
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		t.Errorf("%s: %s (%s): %s\n\t%s", rel, v.ID, v.Impact, v.Help, strings.Join(where, "\n\t"))
	}
}
