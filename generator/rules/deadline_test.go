package rules

import (
	"testing"
	"time"
)

func TestPeriodString(t *testing.T) {
	for _, tt := range []struct {
		p    Period
		want string
	}{
		{workingDays(1), "1 Working Day"},
		{workingDays(5), "5 Working Days"},
		{days(1), "1 day"},
		{days(14), "14 days"},
		{months(1), "1 Month"},
		{months(12), "12 Months"},
	} {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

// Deadlines are counted as the README's Periods section says; dates are
// those of England and Wales.
func TestAfter(t *testing.T) {
	cal := calendar(t)
	for _, tt := range []struct {
		p          Period
		from, want string
	}{
		{workingDays(1), "2025-05-23", "2025-05-27"},  // Fri; the Spring bank holiday on Mon 26
		{workingDays(1), "2026-04-02", "2026-04-07"},  // Thu before Easter: Good Friday, Easter Monday
		{workingDays(1), "2026-12-24", "2026-12-29"},  // Christmas on Fri, Boxing Day substituted on Mon 28
		{workingDays(10), "2026-10-16", "2026-10-30"}, // a Friday ten Working Days on
		{workingDays(1), "2026-05-23", "2026-05-26"},  // from a Saturday: the day itself never counts
		{days(14), "2026-01-01", "2026-01-15"},
		{days(30), "2026-01-31", "2026-03-02"},
		{months(6), "2025-08-31", "2026-02-28"}, // clamped to the month's end
		{months(12), "2024-02-29", "2025-02-28"},
	} {
		if got := after(cal, tt.p, date(t, tt.from)).Due.Format(time.DateOnly); got != tt.want {
			t.Errorf("%s after %s = %s, want %s", tt.p, tt.from, got, tt.want)
		}
	}
}

func TestJudge(t *testing.T) {
	cal := calendar(t)
	fri := after(cal, workingDays(10), date(t, "2026-10-16")) // due Fri 30 Oct 2026
	tue := after(cal, workingDays(1), date(t, "2026-12-24"))  // due Tue 29 Dec 2026, after Christmas
	easter := after(cal, workingDays(1), date(t, "2026-04-02"))
	cal14 := after(cal, days(14), date(t, "2026-01-01")) // due Thu 15 Jan 2026
	start := by(date(t, "2025-04-01"))
	for _, tt := range []struct {
		name       string
		d          Deadline
		done, asOf string // done "": not done
		outcome    Outcome
		margin     int
		unit       Unit
		over       string // Over(), for a gap
	}{
		{"done on the last day", fri, "2026-10-30", "2026-11-27", OK, 0, WorkingDays, ""},
		{"done the day before", fri, "2026-10-29", "2026-11-27", OK, 1, WorkingDays, ""},
		{"done the Saturday after a Friday deadline: late, not on the last day", fri, "2026-10-31", "2026-11-27", Gap, -1, WorkingDays, "1 Working Day"},
		{"done the Sunday after", fri, "2026-11-01", "2026-11-27", Gap, -1, WorkingDays, "1 Working Day"},
		{"done the Monday after", fri, "2026-11-02", "2026-11-27", Gap, -1, WorkingDays, "1 Working Day"},
		{"done the Tuesday after", fri, "2026-11-03", "2026-11-27", Gap, -2, WorkingDays, "2 Working Days"},
		{"not done, as of the day before", fri, "", "2026-10-29", Due, 1, WorkingDays, ""},
		{"not done, as of the last day", fri, "", "2026-10-30", Due, 0, WorkingDays, ""},
		{"not done, as of the Saturday after", fri, "", "2026-10-31", Gap, -1, WorkingDays, "1 Working Day"},
		{"not done, as of the Tuesday after", fri, "", "2026-11-03", Gap, -2, WorkingDays, "2 Working Days"},
		{"done after the as-of date is not done yet", fri, "2026-10-29", "2026-10-28", Due, 2, WorkingDays, ""},
		{"done after the as-of date, deadline passed", fri, "2026-11-02", "2026-10-31", Gap, -1, WorkingDays, "1 Working Day"},
		{"done on Boxing Day's Saturday, before a Tuesday deadline", tue, "2026-12-26", "2027-01-15", OK, 1, WorkingDays, ""},
		{"done on the substitute bank holiday", tue, "2026-12-28", "2027-01-15", OK, 1, WorkingDays, ""},
		{"done two Working Days after Christmas's deadline", tue, "2026-12-31", "2027-01-15", Gap, -2, WorkingDays, "2 Working Days"},
		{"done on Easter Monday", easter, "2026-04-06", "2026-05-01", OK, 1, WorkingDays, ""},
		{"done on Good Friday", easter, "2026-04-03", "2026-05-01", OK, 1, WorkingDays, ""},
		{"done the Wednesday after Easter", easter, "2026-04-08", "2026-05-01", Gap, -1, WorkingDays, "1 Working Day"},
		{"calendar days: the Saturday after a Thursday deadline", cal14, "2026-01-17", "2026-02-01", Gap, -2, Days, "2 days"},
		{"calendar days: a day early", cal14, "2026-01-14", "2026-02-01", OK, 1, Days, ""},
		{"calendar days: not done, overdue", cal14, "", "2026-02-01", Gap, -17, Days, "17 days"},
		{"a fixed day: on it", start, "2025-04-01", "2026-01-01", OK, 0, Days, ""},
		{"a fixed day: ten days before", start, "2025-03-22", "2026-01-01", OK, 10, Days, ""},
		{"a fixed day: two days after", start, "2025-04-03", "2026-01-01", Gap, -2, Days, "2 days"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var done time.Time
			if tt.done != "" {
				done = date(t, tt.done)
			}
			j := tt.d.Judge(done, date(t, tt.asOf))
			if j.Outcome != tt.outcome || j.Margin != tt.margin || j.Unit() != tt.unit {
				t.Errorf("Judge = %s, margin %d %s; want %s, %d %s", j.Outcome, j.Margin, j.Unit(), tt.outcome, tt.margin, tt.unit)
			}
			if j.Outcome == Gap && j.Over() != tt.over {
				t.Errorf("Over() = %q, want %q", j.Over(), tt.over)
			}
			if j.Late() != (j.Outcome == Gap && tt.done != "" && tt.done <= tt.asOf) {
				t.Errorf("Late() = %v", j.Late())
			}
			if j.Missed() != (j.Outcome == Gap && !j.Late()) {
				t.Errorf("Missed() = %v", j.Missed())
			}
		})
	}
}

// Every judgement in 2025-2027, for working-day periods from 1 to 20 and
// calendar-day periods, keeps the margin's promises: negative exactly on
// a gap, never 0 when late, and no better for work done later.
func TestJudgeMarginInvariants(t *testing.T) {
	cal := calendar(t)
	asOf := date(t, "2028-01-01")
	for from := date(t, "2025-01-01"); from.Before(date(t, "2027-06-01")); from = from.AddDate(0, 0, 3) {
		for _, p := range []Period{workingDays(1), workingDays(2), workingDays(5), workingDays(10), workingDays(20), days(14), days(30), months(1)} {
			d := after(cal, p, from)
			prev := 1 << 30
			for done := from; !done.After(d.Due.AddDate(0, 0, 40)); done = done.AddDate(0, 0, 1) {
				j := d.Judge(done, asOf)
				switch {
				case done.After(d.Due) != (j.Outcome == Gap):
					t.Fatalf("%s after %s, done %s: outcome %s", p, from.Format(time.DateOnly), done.Format(time.DateOnly), j.Outcome)
				case (j.Margin < 0) != (j.Outcome == Gap):
					t.Fatalf("%s after %s, done %s: %s with margin %d", p, from.Format(time.DateOnly), done.Format(time.DateOnly), j.Outcome, j.Margin)
				case j.Margin > prev:
					t.Fatalf("%s after %s, done %s: margin %d, better than %d a day earlier", p, from.Format(time.DateOnly), done.Format(time.DateOnly), j.Margin, prev)
				case !done.After(d.Due) && d.Unit() == WorkingDays && j.Margin != cal.WorkingDaysBetween(done, d.Due):
					t.Fatalf("%s after %s, done %s: margin %d, want the Working Days to spare %d", p, from.Format(time.DateOnly), done.Format(time.DateOnly), j.Margin, cal.WorkingDaysBetween(done, d.Due))
				}
				prev = j.Margin
				// Not done, as of that day: due up to the deadline, a gap
				// after it, with the margin work done that day would get.
				if n := d.Judge(time.Time{}, done); n.Margin != j.Margin || (n.Outcome == Due) != (j.Outcome == OK) {
					t.Fatalf("%s after %s, not done as of %s: %s %d; done that day: %s %d", p, from.Format(time.DateOnly), done.Format(time.DateOnly), n.Outcome, n.Margin, j.Outcome, j.Margin)
				}
			}
		}
	}
}

func TestCurrent(t *testing.T) {
	cal := calendar(t)
	d := after(cal, months(12), date(t, "2025-11-27")) // current through 2026-11-27
	for _, tt := range []struct {
		asOf    string
		outcome Outcome
		margin  int
	}{
		{"2026-11-26", OK, 1},
		{"2026-11-27", OK, 0},
		{"2026-11-28", Gap, -1},
		{"2027-01-01", Gap, -35},
	} {
		j := d.Current(date(t, tt.asOf))
		if j.Outcome != tt.outcome || j.Margin != tt.margin || j.Unit() != Days {
			t.Errorf("as of %s: %s %d %s, want %s %d days", tt.asOf, j.Outcome, j.Margin, j.Unit(), tt.outcome, tt.margin)
		}
	}
}

func TestMarginText(t *testing.T) {
	due := date(t, "2026-01-01")
	for _, tt := range []struct {
		c    Check
		want string
	}{
		{Check{Outcome: OK}, ""},
		{Check{Outcome: OK, Deadline: due, Margin: 3, Unit: WorkingDays}, "3 Working Days to spare"},
		{Check{Outcome: OK, Deadline: due, Margin: 1, Unit: Days}, "1 day to spare"},
		{Check{Outcome: OK, Deadline: due, Margin: 0, Unit: Days}, "on the last day"},
		{Check{Outcome: Gap, Deadline: due, Margin: -1, Unit: WorkingDays}, "1 Working Day late"},
		{Check{Outcome: Due, Deadline: due, Margin: 5, Unit: Days}, "5 days left"},
	} {
		if got := tt.c.MarginText(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

// Nothing can be late before the contract began: a deadline before the
// Start Date (Tue 1 Apr 2025) is the Start Date, and says so; one on or
// after it is as counted.
func TestFromStart(t *testing.T) {
	in := setup{}.inputWith(t, nil)
	e := &eval{in: in}
	for _, tt := range []struct {
		name         string
		d            Deadline
		due, ended   string // ended "": not moved
		on, dateText string
		done, asOf   string
		margin       int
	}{
		{name: "14 days ending before the start", d: e.after(days(14), date(t, "2025-03-01")), due: "2025-04-01", ended: "2025-03-15",
			on:       "Tue 1 Apr 2025, the contract's Start Date (the period ended on Sat 15 Mar 2025, before the contract began)",
			dateText: "2025-04-01 (the contract's Start Date; the period ended 2025-03-15)", done: "2025-03-20", asOf: "2026-01-01", margin: 12},
		{name: "14 days ending on the start", d: e.after(days(14), date(t, "2025-03-18")), due: "2025-04-01",
			on: "Tue 1 Apr 2025", dateText: "2025-04-01", done: "2025-04-02", asOf: "2026-01-01", margin: -1},
		{name: "14 days ending the day after the start", d: e.after(days(14), date(t, "2025-03-19")), due: "2025-04-02",
			on: "Wed 2 Apr 2025", dateText: "2025-04-02", done: "2025-04-02", asOf: "2026-01-01", margin: 0},
		// Thu 27 Mar 2025 + 1 Working Day is Fri 28 Mar: moved to Tue 1
		// Apr; done Wed 2 Apr is 1 Working Day late.
		{name: "Working Days ending before the start", d: e.after(workingDays(1), date(t, "2025-03-27")), due: "2025-04-01", ended: "2025-03-28",
			on: "Tue 1 Apr 2025, the contract's Start Date (the period ended on Fri 28 Mar 2025, before the contract began)", done: "2025-04-02", asOf: "2026-01-01", margin: -1},
		{name: "a fixed day before the start", d: e.by(date(t, "2025-03-03")), due: "2025-04-01", ended: "2025-03-03",
			on:       "Tue 1 Apr 2025, the contract's Start Date (Mon 3 Mar 2025 was before the contract began)",
			dateText: "2025-04-01 (the contract's Start Date; 2025-03-03 was before it)", done: "", asOf: "2025-04-03", margin: -2},
		{name: "a fixed day on the start", d: e.by(date(t, "2025-04-01")), due: "2025-04-01", on: "Tue 1 Apr 2025", done: "2025-03-02", asOf: "2026-01-01", margin: 30},
		{name: "Months ending before the start", d: e.after(months(12), date(t, "2023-06-30")), due: "2025-04-01", ended: "2024-06-30", done: "", asOf: "2025-04-01", margin: 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := tt.d
			ended := ""
			if !d.Ended.IsZero() {
				ended = d.Ended.Format(time.DateOnly)
			}
			if d.Due.Format(time.DateOnly) != tt.due || ended != tt.ended {
				t.Errorf("due %s (ended %q), want %s (ended %q)", d.Due.Format(time.DateOnly), ended, tt.due, tt.ended)
			}
			if tt.on != "" && d.On() != tt.on {
				t.Errorf("On() = %q, want %q", d.On(), tt.on)
			}
			if tt.dateText != "" && d.Date() != tt.dateText {
				t.Errorf("Date() = %q, want %q", d.Date(), tt.dateText)
			}
			var done time.Time
			if tt.done != "" {
				done = date(t, tt.done)
			}
			if j := d.Judge(done, date(t, tt.asOf)); j.Margin != tt.margin {
				t.Errorf("margin %d, want %d", j.Margin, tt.margin)
			}
		})
	}
	// The free after and by never move: they know no contract.
	if d := after(calendar(t), days(14), date(t, "2025-03-01")); !d.Ended.IsZero() || d.Due.Format(time.DateOnly) != "2025-03-15" {
		t.Errorf("after = %+v", d)
	}
}
