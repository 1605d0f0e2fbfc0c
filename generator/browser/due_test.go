package browser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The Coming due page opens from file:// with its rows in date order and
// its filter working; each of the dashboard's next five deadlines leads
// to its own row of the page, shown in view.
func TestComingDue(t *testing.T) {
	tb := openTab(t)
	tb.visit(t, "due.html")
	type row struct {
		ID   string `json:"id"`
		Date string `json:"date"`
		Text string `json:"text"`
	}
	rows := eval[[]row](t, tb, `Array.from(document.querySelectorAll("#due tbody tr"), r => ({id: r.id, date: r.cells[0].textContent, text: r.textContent}))`)
	if len(rows) < 5 {
		t.Fatalf("due.html shows %d rows", len(rows))
	}
	for i, r := range rows {
		if r.ID != fmt.Sprintf("due-%d", i+1) || r.Date < asOf || i > 0 && r.Date < rows[i-1].Date {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS(`form.filter input[name="q"]`), "training")); err != nil {
		t.Fatalf("typing in the search box: %v", err)
	}
	type shown struct {
		Text    string `json:"text"`
		Visible bool   `json:"visible"`
	}
	after := eval[[]shown](t, tb, `Array.from(document.querySelectorAll("#due tbody tr"), r => ({text: r.textContent, visible: r.getClientRects().length > 0}))`)
	n := 0
	for i, r := range after {
		want := strings.Contains(strings.ToLower(r.Text), "training")
		if want {
			n++
		}
		if r.Visible != want {
			t.Errorf(`search "training": row %d (%s) visible = %v`, i+1, r.Text, r.Visible)
		}
	}
	if count := eval[string](t, tb, `document.querySelector("form.filter output").textContent`); n == 0 || n == len(after) || count != fmt.Sprintf("%d of %d shown", n, len(after)) {
		t.Errorf(`search "training": %d of %d rows match, the count says %q`, n, len(after), count)
	}

	for i := range 5 {
		tb.visit(t, "index.html")
		id := fmt.Sprintf("due-%d", i+1)
		tb.follow(t, fmt.Sprintf(`a[href="due.html#%s"]`, id), "due.html")
		type landed struct {
			URL    string  `json:"url"`
			Target string  `json:"target"`
			Date   string  `json:"date"`
			Top    float64 `json:"top"`
			Height float64 `json:"height"`
		}
		l := eval[*landed](t, tb, `(() => {
  const t = document.querySelector(":target");
  if (!t) return null;
  return {url: location.href, target: t.id, date: t.cells[0].textContent, top: t.getBoundingClientRect().top, height: innerHeight};
})()`)
		switch {
		case l == nil:
			t.Errorf("the dashboard's link %d led to no row", i+1)
		case l.Target != id || !strings.HasSuffix(l.URL, "/due.html#"+id) || l.Date != rows[i].Date:
			t.Errorf("the dashboard's link %d led to %+v, want row %s dated %s", i+1, l, id, rows[i].Date)
		case l.Top < -2 || l.Top >= l.Height:
			t.Errorf("row %s is not in view: top %.0f, window height %.0f", id, l.Top, l.Height)
		}
	}
}
