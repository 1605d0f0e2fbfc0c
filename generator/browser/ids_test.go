package browser

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/agency/evidence-site/generator/model"
)

// gaps.html#ID leads to the finding, on whichever page of the gaps list
// it is: over a thousand findings, most are on later pages.
func TestFindingLink(t *testing.T) {
	out := csvSite(t, "staff", model.PageRows+200, func(i int, col string) (string, bool) {
		switch col {
		case "Staff ID":
			return fmt.Sprintf("NS-%05d", i), true
		case "Identity Check":
			return "", true // a check not done: a finding each
		}
		return "", false
	})
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
