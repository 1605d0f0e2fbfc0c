package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/model"
)

// withHorizon is the sample's options with [review] horizon_days set.
func withHorizon(t *testing.T, days int) Options {
	t.Helper()
	const asOf = "as_of = 2026-11-27"
	return withConfig(t, asOf, fmt.Sprintf("%s\nhorizon_days = %d", asOf, days))
}

// dueRow is one row of the Coming due page.
type dueRow struct{ id, date, summary string }

var dueRowRE = regexp.MustCompile(`<tr id="(due-\d+)" data-id="[^"]*"><td>(\d{4}-\d\d-\d\d)<td data-sort="\d+">[^<]*<td><a href="[^"]*">([^<]*)</a><td>([^<]*)<td>(?:<a href="[^"]*">)?([^<]*)`)

func dueRows(page string) []dueRow {
	var out []dueRow
	for _, m := range dueRowRE.FindAllStringSubmatch(page, -1) {
		summary := m[3] + " " + m[4]
		if m[5] != "" {
			summary += ": " + m[5]
		}
		out = append(out, dueRow{m[1], m[2], strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&amp;", "&").Replace(summary)})
	}
	return out
}

// calendarEvents parses deadlines.ics with another iCalendar
// implementation.
func calendarEvents(t *testing.T, data []byte) []dueRow {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("deadlines.ics: %v", err)
	}
	var out []dueRow
	for _, e := range cal.Events() {
		day, err := e.GetAllDayStartAt()
		if err != nil {
			t.Fatalf("deadlines.ics: %v", err)
		}
		out = append(out, dueRow{date: day.Format(time.DateOnly), summary: e.GetProperty(ics.ComponentPropertySummary).Value})
	}
	return out
}

// The Coming due page lists what falls due within the horizon, by date;
// deadlines.ics holds the same deadlines; the dashboard shows the next
// five, each linking to its row of the page; the horizon is the
// config's.
func TestComingDue(t *testing.T) {
	for _, horizon := range []int{90, 30} {
		t.Run(fmt.Sprint(horizon), func(t *testing.T) {
			o := withHorizon(t, horizon)
			build(t, o)
			files := tree.Read(t, o.Out)
			page := string(files["due.html"])
			rows := dueRows(page)
			if len(rows) < 5 {
				t.Fatalf("due.html lists %d rows:\n%s", len(rows), page)
			}
			last := time.Date(2026, time.November, 27+horizon, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			for i, r := range rows {
				if r.id != model.DueAnchor(i) || r.date < "2026-11-27" || r.date > last || i > 0 && r.date < rows[i-1].date {
					t.Errorf("row %d: %+v, want due-%d, by date, from 2026-11-27 to %s", i, r, i+1, last)
				}
			}
			if !strings.Contains(page, fmt.Sprintf("%d deadlines between the as-of date, 2026-11-27, and %s, %d days after it.", len(rows), last, horizon)) {
				t.Errorf("due.html does not say how many, or up to when")
			}
			events := calendarEvents(t, files["deadlines.ics"])
			if len(events) != len(rows) {
				t.Fatalf("deadlines.ics has %d events, due.html %d rows", len(events), len(rows))
			}
			for i, e := range events {
				if e.date != rows[i].date || e.summary != rows[i].summary {
					t.Errorf("event %d: %s %q, row %s %q", i, e.date, e.summary, rows[i].date, rows[i].summary)
				}
			}
			index := string(files["index.html"])
			for i := range 5 {
				if !strings.Contains(index, fmt.Sprintf(`<a href="due.html#due-%d">%s</a>`, i+1, rows[i].date)) {
					t.Errorf("the dashboard does not link to row %d (%s) of due.html", i+1, rows[i].date)
				}
			}
			if strings.Contains(index, `href="due.html#due-6"`) {
				t.Error("the dashboard shows more than the next five")
			}
			for _, name := range []string{"index.html", "gaps.html", "registers/staff.html"} {
				if !strings.Contains(string(files[name]), fmt.Sprintf(">Coming due (%d)</a>", len(rows))) {
					t.Errorf("%s: no Coming due entry in the navigation", name)
				}
			}
		})
	}
}

// With nothing coming due, the page says so and the calendar is empty.
func TestComingDueEmpty(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	if err := os.Mkdir(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	o := sampleOptions(filepath.Join(dir, "public"))
	o.Evidence = ev
	build(t, o)
	files := tree.Read(t, o.Out)
	if !strings.Contains(string(files["due.html"]), "Nothing falls due in the 90 days after the as-of date.") {
		t.Error("due.html does not say nothing falls due")
	}
	if !strings.Contains(string(files["index.html"]), "Nothing falls due in the 90 days after the as-of date.") {
		t.Error("the dashboard does not say nothing falls due")
	}
	if e := calendarEvents(t, files["deadlines.ics"]); len(e) != 0 {
		t.Errorf("deadlines.ics has %d events", len(e))
	}
}

// Many patches inside their period: the Coming due list is split over
// pages like any long table, no page grows with the evidence, and
// deadlines.ics holds them all.
func TestComingDueSplit(t *testing.T) {
	const extra = model.PageRows + 200
	o := withPatches(t, extra, func(_ int, row map[string]string) {
		row["Patch Released"] = "2026-11-20" // due 2026-12-04, not applied
	})
	build(t, o)
	files := tree.Read(t, o.Out)
	n := len(dueRows(string(files["due.html"])))
	n2 := len(dueRows(string(files["due--page-2.html"])))
	if n != model.PageRows || n2 < 200 {
		t.Errorf("due.html lists %d rows and due--page-2.html %d, want %d and the rest", n, n2, model.PageRows)
	}
	if _, ok := files["due--page-3.html"]; ok {
		t.Error("a third page")
	}
	if !strings.Contains(string(files["due--page-2.html"]), `<tr id="due-1001"`) {
		t.Error("page 2 does not go on from row 1,001")
	}
	if e := calendarEvents(t, files["deadlines.ics"]); len(e) != n+n2 {
		t.Errorf("deadlines.ics has %d events, the pages %d rows", len(e), n+n2)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && len(data) > 2<<20 {
			t.Errorf("%s is %d bytes", name, len(data))
		}
	}
}
