package site

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/ical"
	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
)

// comingSite is a site with three obligations coming due, one of whose
// subject is hostile to an iCalendar file.
func comingSite(subject string) *model.Site {
	day := func(d int) time.Time { return time.Date(2026, time.November, 27+d, 0, 0, 0, 0, time.UTC) }
	s := &model.Site{Title: "Agency; evidence, site", Contract: model.Contract{Name: "Contract", Client: "Client", Agency: "Agency", FormTitle: "Part B"},
		Review: model.Review{AsOf: "2026-11-27"}}
	for i, o := range []rules.Obligation{
		{Paragraph: "B.Annex1.2.1", Source: "devices", Subject: "NG-MB-005", What: "renew the device's attestation", Due: day(0), Unit: rules.Days, Pos: diag.CellPos("devices.xlsx", "Devices", 18, 10)},
		{Paragraph: "B.9.3", Source: "vulnerabilities", Subject: subject, What: "apply the patch", Due: day(3), Days: 3, Unit: rules.WorkingDays, WorkingDays: 1, Pos: diag.CellPos("vulnerabilities.xlsx", "Vulnerabilities", 25, 5)},
		{Paragraph: "B.6.1", Source: "security-tests", What: "full-scope Security Test across the ISMS", Due: day(40), Days: 40, Unit: rules.Days, Pos: diag.At("security-tests.xlsx", 0, 0)},
	} {
		s.Coming.Items = append(s.Coming.Items, model.Due{Obligation: o, Anchor: model.DueAnchor(i), SourcePage: model.Link{Label: o.Source}})
	}
	return s
}

func calendar(t *testing.T, s *model.Site) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := writeCalendar(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deadlines.ics parses back to one calendar with the same events, even
// when the evidence's text tries to end it; its UIDs are stable and
// unique; two builds give the same bytes.
func TestCalendarParsesBack(t *testing.T) {
	hostileICS := "VUL-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\nX, y; z\\"
	s := comingSite(hostileICS)
	data := calendar(t, s)
	if again := calendar(t, comingSite(hostileICS)); !bytes.Equal(again, data) {
		t.Error("two builds of deadlines.ics differ")
	}
	lines := "\r\n" + string(ical.Unfold(data))
	for l, n := range map[string]int{"BEGIN:VCALENDAR": 1, "END:VCALENDAR": 1, "BEGIN:VEVENT": 3, "END:VEVENT": 3, "DTSTAMP:20261127T000000Z": 3} {
		if got := strings.Count(lines, "\r\n"+l+"\r\n"); got != n {
			t.Errorf("%d lines %q, want %d", got, l, n)
		}
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	events := cal.Events()
	if len(events) != 3 {
		t.Fatalf("%d events, want 3:\n%s", len(events), data)
	}
	uids := map[string]bool{}
	for i, e := range events {
		d := &s.Coming.Items[i]
		get := func(p ics.ComponentProperty) string {
			if v := e.GetProperty(p); v != nil {
				return v.Value
			}
			return ""
		}
		summary := strings.NewReplacer("\r\n", "\n").Replace(d.Summary())
		if got := get(ics.ComponentPropertySummary); got != summary {
			t.Errorf("event %d: SUMMARY %q, want %q", i, got, summary)
		}
		if day, err := e.GetAllDayStartAt(); err != nil || day.Format(time.DateOnly) != d.Date() {
			t.Errorf("event %d: DTSTART %v %v, want %s", i, day, err, d.Date())
		}
		desc := get(ics.ComponentPropertyDescription)
		if !strings.Contains(desc, "Where: "+d.Pos.String()+"\n") || !strings.Contains(desc, "Source: "+d.SourcePage.Label+"\n") {
			t.Errorf("event %d: DESCRIPTION %q", i, desc)
		}
		uid := get(ics.ComponentPropertyUniqueId)
		if !strings.HasSuffix(uid, uidDomain) || uids[uid] {
			t.Errorf("event %d: UID %q not unique or without the domain", i, uid)
		}
		uids[uid] = true
	}
	if got := cal.CalendarProperties; len(got) == 0 {
		t.Error("no calendar properties")
	}
	for _, want := range []string{"PRODID:" + calendarProdID + "\r\n", "DTSTART;VALUE=DATE:20261130\r\nDTEND;VALUE=DATE:20261201\r\n",
		"due by 2026-11-30: 3 days (1 Working Day) after the as-of date\\, 2026-11-27.", "Due by 2026-11-27\\, the as-of date."} {
		if !strings.Contains(strings.ToLower(lines), strings.ToLower(want)) {
			t.Errorf("no %q in\n%s", want, data)
		}
	}
}

// An event's UID depends on the contract and the obligation's paragraph,
// source, subject and what: not on its date, its row or its place in the
// list, so that importing a later build's file updates the event.
func TestEventUID(t *testing.T) {
	s := comingSite("VUL-1")
	uid := func(c model.Contract, d model.Due) string { return eventUID(c, &d, map[string]int{}) }
	base := s.Coming.Items[1]
	want := uid(s.Contract, base)
	moved := base
	moved.Due, moved.Days, moved.Pos, moved.Anchor = moved.Due.AddDate(0, 1, 0), 33, diag.CellPos("vulnerabilities.xlsx", "Vulnerabilities", 99, 5), "due-7"
	if got := uid(s.Contract, moved); got != want {
		t.Errorf("UID changed with the date, row or place: %s, want %s", got, want)
	}
	for name, change := range map[string]func(d *model.Due, c *model.Contract){
		"paragraph": func(d *model.Due, _ *model.Contract) { d.Paragraph = "B.9.7" },
		"source":    func(d *model.Due, _ *model.Contract) { d.SourcePage.Label, d.Obligation.Source = "x", "x" },
		"subject":   func(d *model.Due, _ *model.Contract) { d.Subject = "VUL-2" },
		"what":      func(d *model.Due, _ *model.Contract) { d.What = "something else" },
		"contract":  func(_ *model.Due, c *model.Contract) { c.Name = "Another contract" },
	} {
		d, c := base, s.Contract
		change(&d, &c)
		if uid(c, d) == want {
			t.Errorf("UID unchanged by another %s", name)
		}
	}
	// The same key twice in one file: two UIDs, each stable.
	seen := map[string]int{}
	a, b := eventUID(s.Contract, &base, seen), eventUID(s.Contract, &base, seen)
	if a != want || b == a {
		t.Errorf("repeated key: UIDs %s and %s, want %s then another", a, b, want)
	}
}

// With nothing coming due, deadlines.ics is an empty calendar, still valid.
func TestCalendarEmpty(t *testing.T) {
	s := comingSite("x")
	s.Coming.Items = nil
	cal, err := ics.ParseCalendar(bytes.NewReader(calendar(t, s)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cal.Events()); n != 0 {
		t.Errorf("empty calendar: %d events", n)
	}
}
