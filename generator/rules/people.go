package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/config"

	"github.com/agency/evidence-site/generator/evidence"
)

// people checks Part B Annex 1 paragraph 6 (Security of Agency Staff)
// against the staff register and the training log.
func (e *eval) people() {
	if !e.has(evidence.ParaPreEmployment) {
		return // the form has no Annex 1
	}
	training := map[string][]evidence.Training{}
	for _, t := range e.in.Evidence.Training {
		if t.Completed.Set && e.countsAsTraining(t.Course.Value) {
			id := strings.ToUpper(t.StaffID)
			training[id] = append(training[id], t)
		}
	}
	for _, s := range e.in.Evidence.Staff {
		e.preEmployment(s)
		e.clearanceRole(s)
		e.clearanceHeld(s)
		e.training(s, training[strings.ToUpper(s.ID)])
		e.revocation(s)
	}
}

func (e *eval) countsAsTraining(course string) bool {
	courses := e.in.Config.Rules.TrainingCourses
	if len(courses) == 0 {
		return true
	}
	return slices.ContainsFunc(courses, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), strings.TrimSpace(course)) })
}

// inPost reports whether s is still in post at the as-of date.
func (e *eval) inPost(s evidence.Staff) bool {
	return !s.End.Set || !s.End.Value.Before(e.in.AsOf)
}

// The periods of Annex 1 6.
const (
	// revokeWorkingDays: 6.5 "revoked within one (1) Working Day".
	revokeWorkingDays = 1
)

// preEmployment: Annex 1 6.1. Identity, unspent criminal convictions and
// right to work are checked on or before the Start Date.
func (e *eval) preEmployment(s evidence.Staff) {
	const para = evidence.ParaPreEmployment
	if !s.Start.Set {
		return // reported as invalid already
	}
	due := e.by(s.Start.Value)
	// startDay names the deadline in messages: the person's Start Date, or
	// for someone who started before the contract began, its first day.
	startDay := fmt.Sprintf("the Start Date (%s)", day(s.Start.Value))
	if !due.Ended.IsZero() {
		startDay = fmt.Sprintf("the contract's Start Date (%s; the person started on %s, before the contract began)", day(due.Due), day(s.Start.Value))
	}
	r := e.requirements(Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: s.Row.Pos})
	pending := false
	for _, c := range []struct {
		name string
		d    evidence.Date
	}{
		{"Identity Check", s.IdentityCheck},
		{"Criminal Record Check", s.CriminalRecordCheck},
		{"Right To Work Check", s.RightToWorkCheck},
	} {
		if c.d.Absent {
			r.invalid = true // no such column: nothing to judge by
			continue
		}
		// An unreadable date (an invalid finding already) counts as not
		// done, the stricter reading.
		j := e.judge(due, c.d)
		r.judged(j)
		switch {
		case j.Missed() && c.d.Invalid:
			r.failDated(Violation, High, c.d.Pos, c.name+" unreadable",
				fmt.Sprintf("The %s date cannot be read (an invalid finding at the cell), so the check counts as not done: pre-employment checks must be done on or before %s.", c.name, startDay))
		case j.Missed():
			r.failDated(Violation, High, c.d.Pos, "no "+c.name,
				fmt.Sprintf("No %s date: pre-employment checks must be done on or before %s.", c.name, startDay))
		case j.Late():
			r.failDated(Violation, High, c.d.Pos, fmt.Sprintf("%s %s after the start", c.name, j.Over()),
				fmt.Sprintf("%s on %s is %s after %s: pre-employment checks must be done on or before it.", c.name, day(c.d.Value), j.Over(), startDay))
		case j.Outcome == Due:
			pending = true
		}
	}
	if pending {
		e.owe(r.check, "pre-employment checks (identity, criminal record, right to work)", due)
	}
	r.record(func() string {
		if pending {
			return "starts " + s.Start.String() + "; the checks are due by then"
		}
		return "identity, criminal record and right-to-work checks done by the start date"
	})
}

// clearanceRole: Annex 1 6.2. Roles needing clearance are agreed case by
// case, and include system administrators with privileged access to
// systems holding Government Data: such a role recorded as needing no
// clearance is a finding.
func (e *eval) clearanceRole(s evidence.Staff) {
	const para = evidence.ParaClearanceRole
	req := s.ClearanceRequired
	if !req.Set || !e.inPost(s) {
		return
	}
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: req.Pos, Outcome: OK,
		Detail: "role requires " + req.Value.String()}
	if req.Value == evidence.ClearanceNone && s.PrivilegedAccess.Value && s.GovDataAccess.Value {
		c.Outcome, c.Detail = Gap, "privileged access to Government Data, no clearance required"
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: s.ID, Pos: req.Pos,
			Message: "Privileged Access to Government Data but Clearance Required is None: Annex 1 6.2 names system administrators with privileged access among the roles that need a government clearance (such as SC)."})
	}
	e.check(c)
}

// clearanceHeld: Annex 1 6.3. Staff in post hold at least the clearance
// their role requires, unexpired at the as-of date, unless the Client
// agreed otherwise in writing (an Exception Reference). An unreadable
// Clearance Held is none, the stricter reading; with an unreadable
// Clearance Expiry a clearance too low is still found, but one high
// enough cannot be shown current, so no check is recorded.
func (e *eval) clearanceHeld(s evidence.Staff) {
	const para = evidence.ParaClearanceHeld
	req, held := s.ClearanceRequired, s.ClearanceHeld
	if !req.Set || held.Absent || !e.inPost(s) {
		return
	}
	if e.later(Check{Paragraph: para, Source: "staff", Subject: s.ID}, "starts", s.Start) {
		return // not yet staff as of the as-of date
	}
	if req.Value == evidence.ClearanceNone {
		return
	}
	asOf := e.in.AsOf
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: held.Pos}
	var problem string
	switch {
	case !held.Set || held.Value < req.Value:
		level := "no clearance"
		if held.Set {
			level = held.Value.String()
		}
		problem = fmt.Sprintf("holds %s; the role requires %s", level, req.Value)
	case s.ClearanceExpiry.Set && s.ClearanceExpiry.Value.Before(asOf):
		c.Pos = s.ClearanceExpiry.Pos
		problem = fmt.Sprintf("%s clearance expired on %s", held.Value, day(s.ClearanceExpiry.Value))
	}
	if problem == "" && s.ClearanceExpiry.Invalid {
		return
	}
	if s.ClearanceExpiry.Set {
		c = e.by(s.ClearanceExpiry.Value).Current(asOf).stamp(c)
	}
	switch {
	case problem == "":
		c.Outcome, c.Detail = OK, fmt.Sprintf("holds %s; the role requires %s", held.Value, req.Value)
		if s.ClearanceExpiry.Set {
			e.owe(c, "renew the clearance before it expires", e.by(s.ClearanceExpiry.Value))
		}
	case s.ExceptionRef.Set:
		c.Outcome = Exception
		c.Detail = problem + "; the Client agreed in writing (" + s.ExceptionRef.Value + ")"
	default:
		c.Outcome, c.Detail = Gap, problem
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: c.Pos,
			Message: fmt.Sprintf("%s: Agency Staff without the required clearance must not access systems holding Government Data unless the Client agrees in writing (no Exception Reference).", capitalise(problem))})
	}
	e.check(c)
}

// training: Annex 1 6.4. Agency Staff with access to Government Data
// undertake training "annually", "unless otherwise agreed with the Client
// in writing": [rules] training_interval_months (default 12) is the agreed
// interval. A person's first course is due within it after their Start
// Date; each later one within it after the course before; and the latest
// must be no older than it at the as-of date. Overdue at the as-of date,
// with no course on record or with the latest too old, is one breach
// whichever it is: a violation, high, at the latest course's cell (or, with
// none, the Government Data Access cell). A course done after its due day,
// since made good, is a violation, low, at its cell.
func (e *eval) training(s evidence.Staff, done []evidence.Training) {
	const para = evidence.ParaTraining
	if !s.GovDataAccess.Value || !e.inPost(s) || !s.Start.Set {
		return // no duty, or no Start Date to count from (reported as invalid)
	}
	r := e.requirements(Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: s.GovDataAccess.Pos})
	if e.later(r.check, "starts", s.Start) {
		return // not yet staff as of the as-of date
	}
	asOf, every := e.in.AsOf, months(e.trainingMonths())
	var courses []evidence.Training
	laterCourse := ""
	for _, t := range done {
		if t.Completed.Value.After(asOf) {
			laterCourse = fmt.Sprintf("; a course dated %s is after the as-of date and not counted", t.Completed)
			continue
		}
		courses = append(courses, t)
	}
	slices.SortStableFunc(courses, func(a, b evidence.Training) int { return a.Completed.Value.Compare(b.Completed.Value) })

	// Walk the courses: each deadline is met by the latest course on or
	// before it, which sets the next; a course after it is late.
	due := e.after(every, s.Start.Value)
	first := func() string { return fmt.Sprintf("within %s after the Start Date (%s)", every, day(s.Start.Value)) }
	why := first()
	var last *evidence.Training
	for i := 0; i < len(courses); {
		j := i
		for j < len(courses) && !courses[j].Completed.Value.After(due.Due) {
			j++
		}
		if j == i { // the next course is after the deadline: late
			t := courses[i]
			late := due.Judge(t.Completed.Value, asOf)
			r.judged(late)
			r.failDated(Violation, Low, t.Completed.Pos, fmt.Sprintf("trained %s, %s late (due by %s)", t.Completed, late.Over(), due.Date()),
				fmt.Sprintf("Training (%s) on %s was %s late: it was due %s, by %s.", t.Course.Value, day(t.Completed.Value), late.Over(), why, due.On()))
			j = i + 1
		}
		last = &courses[j-1]
		i = j
		due = e.after(every, last.Completed.Value)
		why = fmt.Sprintf("within %s after the course before (%s)", every, day(last.Completed.Value))
	}
	var j Judgement
	if last == nil {
		j = due.Judge(time.Time{}, asOf) // due within the first interval, a gap after it
	} else {
		r.check.Pos = last.Completed.Pos
		j = due.Current(asOf)
	}
	r.judged(j)
	if j.Outcome != Gap {
		e.owe(r.check, "training on secure information management", due)
	}
	switch {
	case j.Outcome == Gap && last == nil:
		r.failDated(Violation, High, s.GovDataAccess.Pos, "no training on record"+laterCourse+"; the first was due by "+due.Date(),
			fmt.Sprintf("Has access to Government Data but no training on secure information management on record by %s: the first was due %s, by %s (%s overdue).", day(asOf), first(), due.On(), j.Over()))
	case j.Outcome == Gap:
		r.failDated(Violation, High, last.Completed.Pos, fmt.Sprintf("last trained %s, due again by %s", last.Completed, due.Date()),
			fmt.Sprintf("Latest training (%s) was on %s, more than %s before %s: it was due again by %s (%s overdue).",
				last.Course.Value, day(last.Completed.Value), every, day(asOf), due.On(), j.Over()))
	}
	r.record(func() string {
		if last == nil {
			return fmt.Sprintf("started %s; no training yet, the first due by %s%s", s.Start, due.Date(), laterCourse)
		}
		return fmt.Sprintf("last trained %s (%s), due again by %s%s", last.Completed, last.Course.Value, due.Date(), laterCourse)
	})
}

// trainingMonths is the agreed interval of Annex 1 6.4 training.
func (e *eval) trainingMonths() int {
	if n := e.in.Config.Rules.TrainingIntervalMonths; n > 0 {
		return n
	}
	return config.DefaultTrainingIntervalMonths
}

// revocation: Annex 1 6.5. A leaver's access rights are revoked within one
// Working Day after the End Date.
func (e *eval) revocation(s evidence.Staff) {
	const para = evidence.ParaRevocation
	if !s.End.Set || e.later(Check{Paragraph: para, Source: "staff", Subject: s.ID}, "leaves", s.End) {
		return // in post, or leaving after the as-of date
	}
	d := e.after(workingDays(revokeWorkingDays), s.End.Value)
	rev := s.AccessRevoked
	e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: rev.Pos},
		what:     "revoke the leaver's access rights",
		deadline: d, done: rev, severity: High,
		pending: "left " + s.End.String() + ", revocation due by " + d.Date(),
		missing: "left " + s.End.String() + ", no revocation recorded",
		met:     fmt.Sprintf("left %s, revoked %s", s.End, rev),
		missed: fmt.Sprintf("Left on %s but no Access Revoked date: access rights must be revoked within %s, by %s.",
			day(s.End.Value), d.Period, d.On()),
		late: func(over string) string {
			return fmt.Sprintf("Access revoked on %s, %s late: the End Date was %s, so revocation was due by %s.", day(rev.Value), over, day(s.End.Value), d.On())
		},
	})
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func peopleDocs() []Doc {
	return []Doc{
		{[]string{"B.Annex1.6.1"}, "staff", "Every staff member's identity, unspent-criminal-convictions and right-to-work checks are dated on or before their Start Date. A check date that cannot be read is an invalid finding and counts as not done."},
		{[]string{"B.Annex1.6.2"}, "staff", "Staff in post with privileged access to Government Data have a role that requires a clearance."},
		{[]string{"B.Annex1.6.3"}, "staff", "Staff in post hold at least the clearance their role requires, unexpired at the as-of date, unless an Exception Reference records the Client's written agreement (then shown as an exception, not a gap). " +
			"An unreadable Clearance Held is an invalid finding and counts as none; with an unreadable Clearance Expiry a clearance below the role's is still a violation, but one high enough cannot be shown current and is not judged. " +
			"A person whose Start Date is after the as-of date is listed as after the as-of date (outcome later), not judged."},
		{[]string{"B.Annex1.6.4"}, "training", "Staff in post with Government Data Access undertake training on secure information management at the agreed interval, [rules] training_interval_months (default 12 Months: the schedule's \"annually\", unless otherwise agreed with the Client in writing). " +
			"A person's first course is due within the interval after their Start Date: before that day it is due, from the day after it is overdue. " +
			"Then each course is due within the interval after the one before (the same day N Months later, clamped to the month's end), and the latest must be current at the as-of date: current up to and including that day, overdue from the day after. " +
			"Overdue at the as-of date, with no course on record or with the latest too old, is one breach either way: a violation, severity high. A course done after its due day (a gap longer than the interval, since made good) is a violation, severity low. " +
			"Courses after the as-of date do not count yet; a person starting after it is listed as after the as-of date (outcome later), not judged."},
		{[]string{"B.Annex1.6.5"}, "staff", fmt.Sprintf("Every leaver's access was revoked within %s after the End Date; a leaver with no revocation date past that day is a gap, before it the revocation is due. An unreadable Access Revoked is an invalid finding and counts as not revoked; an unreadable End Date leaves no deadline, and the person is not judged here. An End Date after the as-of date is listed as after the as-of date (outcome later), not judged.", workingDays(revokeWorkingDays))},
	}
}
