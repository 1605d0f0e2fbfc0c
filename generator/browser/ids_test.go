package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/model"
)

// gaps.html#ID leads to the finding, on whichever page of the gaps list
// it is: over a thousand findings, most are on later pages.
func TestFindingLink(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	if err := os.MkdirAll(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	s, _ := evidence.LookupSchema("staff")
	ex := s.Example()
	var lines []string
	lines = append(lines, strings.Join(s.Header(), ","))
	for i := range model.PageRows + 200 {
		var row []string
		for _, c := range s.Header() {
			v := strings.TrimPrefix(ex[c], "'")
			switch c {
			case s.Key:
				v = fmt.Sprintf("NS-%05d", i)
			case "Identity Check":
				v = "" // a check not done: a finding each
			}
			row = append(row, v)
		}
		lines = append(lines, strings.Join(row, ","))
	}
	if err := os.WriteFile(filepath.Join(ev, "staff.csv"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
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
	data, err := os.ReadFile(filepath.Join(out, "gaps.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Gaps []struct {
			ID string `json:"id"`
		} `json:"gaps"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Gaps) <= model.PageRows+100 {
		t.Fatalf("%d findings: too few for a second page", len(g.Gaps))
	}
	tb := openTab(t)
	for _, i := range []int{3, model.PageRows + 100} {
		id := g.Gaps[i].ID
		tb.expectURL(dirURL(out, "gaps.html"))
		want := dirURL(out, model.PageHref(model.GapsHref, model.PageOf(i))) + "#" + id
		if err := chromedp.Do(tb.ctx, chromedp.Navigate(dirURL(out, "gaps.html")+"#"+id)); err != nil {
			t.Fatal(err)
		}
		if i >= model.PageRows {
			tb.expectURL(stripFragment(want))
		}
		waitFor(t, tb, fmt.Sprintf(`location.href === %q && (document.querySelector(":target") || {}).id === %q`, want, id))
	}
}
