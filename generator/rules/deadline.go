package rules

import (
	"fmt"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// Unit is how the days of a period, or of a margin, are counted.
type Unit string

// Units.
const (
	// Days are calendar days, with no roll-forward off weekends or bank
	// holidays: "within 14 days".
	Days Unit = "days"
	// WorkingDays are the days of the configured calendar that are not a
	// Saturday, a Sunday or a bank holiday: "within 5 Working Days after
	// X" ends on the 5th Working Day strictly after the day of X.
	WorkingDays Unit = "working days"
	// Months: N Months after a day is the same day N months later,
	// clamped to the month's end (31 Aug + 6 Months = 28 Feb). A margin
	// against a Months deadline is told in days.
	Months Unit = "months"
)

// Period is a length of time the schedule allows, or this tool's reading
// of words that set none. Messages print it (Period.String), so that the
// number a message states is the number the rule counts.
type Period struct {
	N    int
	Unit Unit
}

func workingDays(n int) Period { return Period{n, WorkingDays} }
func days(n int) Period        { return Period{n, Days} }
func months(n int) Period      { return Period{n, Months} }

// String prints the period as the schedule's defined terms have it: "1
// Working Day", "5 Working Days", "14 days", "12 Months".
func (p Period) String() string { return count(p.N, p.Unit) }

// count prints n of a unit: "1 Working Day", "3 days", "12 Months".
func count(n int, u Unit) string {
	word := "day"
	switch u {
	case WorkingDays:
		word = "Working Day"
	case Months:
		word = "Month"
	}
	if n != 1 && n != -1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

// Deadline is the last day on which a duty is met, and how the margin
// around it is counted. Make one with after (a period after a day) or by
// (a fixed day), in a rule with e.after or e.by; judge it with Judge or
// Current.
type Deadline struct {
	Due time.Time
	// Period is the period Due was counted with; zero for a fixed day.
	Period Period
	// Ended is the day the period ended (or the fixed day) when that was
	// before the contract's Start Date, and Due is then the Start Date;
	// zero otherwise (see eval.fromStart).
	Ended time.Time
	cal   *workdays.Calendar
}

// end is the day the period ended, or the fixed day, before any move to
// the Start Date: what a further period counts from (an extension).
func (d Deadline) end() time.Time {
	if !d.Ended.IsZero() {
		return d.Ended
	}
	return d.Due
}

// On says the deadline's day in a message: "Tue 1 Apr 2025", or for a
// deadline moved to the Start Date, "Tue 1 Apr 2025, the contract's Start
// Date (the period ended on Mon 10 Mar 2025, before the contract began)".
func (d Deadline) On() string {
	if d.Ended.IsZero() {
		return day(d.Due)
	}
	if d.Period.N == 0 {
		return fmt.Sprintf("%s, the contract's Start Date (%s was before the contract began)", day(d.Due), day(d.Ended))
	}
	return fmt.Sprintf("%s, the contract's Start Date (the period ended on %s, before the contract began)", day(d.Due), day(d.Ended))
}

// Date says the deadline's day in a check's detail: "2025-04-01", or
// "2025-04-01 (the contract's Start Date; the period ended 2025-03-10)".
func (d Deadline) Date() string {
	if d.Ended.IsZero() {
		return d.Due.Format(time.DateOnly)
	}
	if d.Period.N == 0 {
		return fmt.Sprintf("%s (the contract's Start Date; %s was before it)", d.Due.Format(time.DateOnly), d.Ended.Format(time.DateOnly))
	}
	return fmt.Sprintf("%s (the contract's Start Date; the period ended %s)", d.Due.Format(time.DateOnly), d.Ended.Format(time.DateOnly))
}

// after is the deadline p after the day of from: the p.N-th Working Day
// strictly after it, the day p.N days after it, or the same day p.N
// months later (clamped).
func after(cal *workdays.Calendar, p Period, from time.Time) Deadline {
	d := Deadline{Period: p, cal: cal}
	switch p.Unit {
	case WorkingDays:
		d.Due = cal.AddWorkingDays(from, p.N)
	case Months:
		d.Due = workdays.AddMonths(from, p.N)
	default:
		d.Due = workdays.AddDays(from, p.N)
	}
	return d
}

// by is a deadline on a fixed day, such as a Start Date by which the
// pre-employment checks are done; its margin is told in days.
func by(day time.Time) Deadline { return Deadline{Due: workdays.Day(day)} }

// Unit is the unit of a margin against d: Working Days for a deadline
// counted in Working Days, days for any other.
func (d Deadline) Unit() Unit {
	if d.Period.Unit == WorkingDays {
		return WorkingDays
	}
	return Days
}

// margin is the number of units from the day of t to Due: positive, the
// units to spare; 0, t is the last day; negative, how late t is.
//
// In Working Days, to spare is the number of Working Days after the day
// of t up to and including Due (done on Saturday with a Monday deadline: 1
// to spare). Late is the number of Working Days after Due up to and
// including the day of t, and at least 1: work done on the Saturday after
// a Friday deadline is 1 Working Day late, never "on the last day".
func (d Deadline) margin(t time.Time) int {
	if d.Unit() == Days {
		return workdays.DaysBetween(t, d.Due)
	}
	if !workdays.Day(t).After(d.Due) {
		return d.cal.WorkingDaysBetween(t, d.Due)
	}
	return -max(1, d.cal.WorkingDaysBetween(d.Due, t))
}

// Judgement is a deadline judged at the as-of date.
type Judgement struct {
	Deadline
	// Outcome is OK (done by the deadline, or current), Due (not done, the
	// deadline not yet passed) or Gap (done late, or not done and the
	// deadline passed).
	Outcome Outcome
	// Done is the day the duty was done; zero when it was not done by the
	// as-of date.
	Done time.Time
	// Margin is in Unit(): at Done when done, else at the as-of date. It is
	// negative exactly when the Outcome is Gap.
	Margin int
}

// Judge judges the deadline at asOf against the day the duty was done (the
// zero time: not done). A day after asOf has not happened yet as of asOf,
// so it counts as not done.
func (d Deadline) Judge(done, asOf time.Time) Judgement {
	j := Judgement{Deadline: d}
	if !done.IsZero() && !done.After(asOf) {
		j.Done = workdays.Day(done)
	}
	at := j.Done
	if at.IsZero() {
		at = workdays.Day(asOf)
	}
	j.Margin = d.margin(at)
	switch {
	case at.After(d.Due):
		j.Outcome = Gap
	case j.Done.IsZero():
		j.Outcome = Due
	default:
		j.Outcome = OK
	}
	return j
}

// Current judges something that is current up to and including Due and
// stale from the day after (training, an attestation, a review): OK with
// the days left at asOf, or Gap with the days it is overdue.
func (d Deadline) Current(asOf time.Time) Judgement {
	j := d.Judge(time.Time{}, asOf)
	if j.Outcome == Due {
		j.Outcome = OK
	}
	return j
}

// Late reports whether the duty was done after the deadline.
func (j Judgement) Late() bool { return j.Outcome == Gap && !j.Done.IsZero() }

// Missed reports whether the duty was not done and the deadline has
// passed.
func (j Judgement) Missed() bool { return j.Outcome == Gap && j.Done.IsZero() }

// Over says by how much a Gap is late or overdue: "3 Working Days",
// "1 day".
func (j Judgement) Over() string { return count(-j.Margin, j.Unit()) }

// stamp fills a check's outcome, deadline and margin from the judgement.
func (j Judgement) stamp(c Check) Check {
	c.Outcome, c.Deadline, c.Margin, c.Unit = j.Outcome, j.Due, j.Margin, j.Unit()
	return c
}

// after is the deadline p after the day of from, in this evaluation's
// calendar, and no earlier than the contract's Start Date.
func (e *eval) after(p Period, from time.Time) Deadline {
	return e.fromStart(after(e.in.Calendar, p, from))
}

// by is a deadline on a fixed day, and no earlier than the contract's Start
// Date.
func (e *eval) by(day time.Time) Deadline { return e.fromStart(by(day)) }

// fromStart moves a deadline that falls before the contract's Start Date
// to the Start Date: nothing can be late before the contract began, and on
// its first day every obligation already due must be met. Every rule makes
// its deadlines with e.after or e.by, so every family reads it the same
// way; On and Date say so in messages and details.
func (e *eval) fromStart(d Deadline) Deadline {
	if e.in.Config == nil {
		return d
	}
	start := workdays.Day(e.in.Config.Contract.StartDate)
	if start.IsZero() || !d.Due.Before(start) {
		return d
	}
	d.Ended, d.Due = d.Due, start
	return d
}

// judge judges d against a recorded date: unset or unreadable is not done.
func (e *eval) judge(d Deadline, done evidence.Date) Judgement {
	var t time.Time
	if done.Set && !done.Invalid {
		t = done.Value
	}
	return d.Judge(t, e.in.AsOf)
}

// happened is the day of a recorded event as of the as-of date; false when
// the date is unset, unreadable, or after the as-of date (as of then it
// has not happened yet).
func (e *eval) happened(d evidence.Date) (time.Time, bool) {
	if !d.Set || d.Invalid || d.Value.After(e.in.AsOf) {
		return time.Time{}, false
	}
	return d.Value, true
}

// later records, for a row dated after the as-of date, a check with the
// outcome Later under c's paragraph and reports true: as of the as-of date
// the row had not happened, so it is listed, not judged. what names the
// date ("aware", "starts"); the check points at its cell. It reports false,
// recording nothing, for a date that is unset, unreadable or not after the
// as-of date.
func (e *eval) later(c Check, what string, d evidence.Date) bool {
	if !d.Set || d.Invalid || !d.Value.After(e.in.AsOf) {
		return false
	}
	c.Outcome, c.Pos = Later, d.Pos
	c.Detail = fmt.Sprintf("%s %s, after the as-of date (%s): not judged", what, d, e.in.AsOf.Format(time.DateOnly))
	e.check(c)
	return true
}

// MarginText says a check's margin in words: "3 Working Days to spare",
// "on the last day", "2 days late", "5 days left"; "" when the check has
// no deadline.
func (c Check) MarginText() string {
	switch {
	case c.Deadline.IsZero():
		return ""
	case c.Outcome == Due:
		return count(c.Margin, c.Unit) + " left"
	case c.Margin > 0:
		return count(c.Margin, c.Unit) + " to spare"
	case c.Margin == 0:
		return "on the last day"
	}
	return count(-c.Margin, c.Unit) + " late"
}
