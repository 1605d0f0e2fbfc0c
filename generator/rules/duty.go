package rules

import (
	"fmt"

	"github.com/agency/evidence-site/generator/evidence"
)

// duty is the shape of a deadline rule: one subject must do something by
// a deadline, under one paragraph. judgeDuty decides the outcome and the
// margin (deadline.go) and records the check and any finding; the rule
// only says what is due by when, and what to say in each case.
type duty struct {
	// check names the paragraph, source, subject and position; its
	// outcome, deadline, margin and detail are filled in.
	check Check
	// what names the duty while it is due (Obligation.What): "revoke
	// access rights", "deliver the test results".
	what     string
	deadline Deadline
	// done is when it was done: an unset or unreadable date, or one after
	// the as-of date, is not done (yet). An unreadable date is the stricter
	// reading of the cell (it is an invalid finding already): a breach is
	// still found, never hidden behind the bad cell.
	done evidence.Date
	// severity is that of a finding when the deadline passed with nothing
	// done; lateSeverity that of a finding when it was done late ("": the
	// same).
	severity, lateSeverity Severity
	// The check's detail while not done and not yet due (pending), when
	// not done and the deadline passed (missing), and once done (met, on
	// time or late).
	pending, missing, met string
	// The finding's message when the deadline passed with nothing done
	// (missed), and when it was done late, given by how much ("3 Working
	// Days", Judgement.Over).
	missed string
	late   func(over string) string
}

// judgeDuty judges d, records its check and, for a gap, its finding (a
// violation), and for a duty still due, its obligation; it returns the
// judgement. When the done column is missing
// from the register (Absent: one invalid finding for the header row)
// nothing can be judged, and nothing is recorded.
func (e *eval) judgeDuty(d duty) Judgement {
	if d.done.Absent {
		return Judgement{Deadline: d.deadline}
	}
	j := e.judge(d.deadline, d.done)
	c := j.stamp(d.check)
	// A date after the as-of date has not happened yet as of then: said
	// beside the pending or missing detail, so that a reader of the row
	// sees why the date in it does not count.
	later, laterMsg := "", ""
	switch {
	case d.done.Invalid:
		later = "; the date recorded cannot be read, so it counts as not done"
		laterMsg = " The date recorded cannot be read (an invalid finding at the cell), so it counts as not done."
	case d.done.Set && j.Done.IsZero():
		later = fmt.Sprintf("; dated %s, after the as-of date", d.done)
		laterMsg = fmt.Sprintf(" The date recorded, %s, is after the as-of date (%s): as of then it had not happened.", day(d.done.Value), day(e.in.AsOf))
	}
	switch {
	case j.Outcome == Due:
		c.Detail = d.pending + later
		e.owe(c, d.what, d.deadline)
	case j.Missed():
		c.Detail = d.missing + later
	default:
		c.Detail = d.met
	}
	switch {
	case j.Missed():
		e.finding(Finding{Paragraph: c.Paragraph, Kind: Violation, Severity: d.severity, Subject: c.Subject, Pos: c.Pos, Message: d.missed + laterMsg})
	case j.Late():
		sev := d.lateSeverity
		if sev == "" {
			sev = d.severity
		}
		e.finding(Finding{Paragraph: c.Paragraph, Kind: Violation, Severity: sev, Subject: c.Subject, Pos: c.Pos, Message: d.late(j.Over()), Done: j.Done})
	}
	e.check(c)
	return j
}
