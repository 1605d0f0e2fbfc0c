package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// people checks Part B Annex 1 paragraph 6 (Security of Agency Staff)
// against the staff register and the training log.
func (e *eval) people() {
	if _, ok := e.order[evidence.ParaPreEmployment]; !ok {
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
	return !s.End.Set || !s.End.Time.Before(e.in.AsOf)
}

// preEmployment: Annex 1 6.1. Identity, unspent criminal convictions and
// right to work are checked on or before the Start Date.
func (e *eval) preEmployment(s evidence.Staff) {
	const para = evidence.ParaPreEmployment
	if !s.Start.Set {
		return // reported as invalid already
	}
	checks := []struct {
		name string
		d    evidence.Date
	}{
		{"Identity Check", s.IdentityCheck},
		{"Criminal Record Check", s.CriminalRecordCheck},
		{"Right To Work Check", s.RightToWorkCheck},
	}
	var bad []string
	margin, dated, invalid := 0, false, false
	for _, c := range checks {
		switch {
		case c.d.Invalid:
			invalid = true
		case !c.d.Set:
			bad = append(bad, "no "+c.name)
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: c.d.Pos,
				Message: fmt.Sprintf("No %s date: pre-employment checks must be done on or before the Start Date (%s).", c.name, day(s.Start.Time))})
		default:
			m := workdays.DaysBetween(c.d.Time, s.Start.Time)
			if !dated || m < margin {
				margin, dated = m, true
			}
			if m < 0 {
				bad = append(bad, fmt.Sprintf("%s %d day%s after the start", c.name, -m, plural(-m)))
				e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: c.d.Pos,
					Message: fmt.Sprintf("%s on %s is %d day%s after the Start Date (%s): pre-employment checks must be done on or before it.", c.name, day(c.d.Time), -m, plural(-m), day(s.Start.Time))})
			}
		}
	}
	if invalid && len(bad) == 0 {
		return
	}
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: s.Row.Pos, Deadline: s.Start.Time, Margin: margin, Unit: "days"}
	if len(bad) > 0 {
		c.Outcome, c.Detail = Gap, strings.Join(bad, "; ")
	} else {
		c.Outcome, c.Detail = OK, "identity, criminal record and right-to-work checks done by the start date"
	}
	e.check(c)
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
		Detail: "role requires " + req.Level.String()}
	if req.Level == evidence.ClearanceNone && s.PrivilegedAccess.Value && s.GovDataAccess.Value {
		c.Outcome, c.Detail = Gap, "privileged access to Government Data, no clearance required"
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: s.ID, Pos: req.Pos,
			Message: "Privileged Access to Government Data but Clearance Required is None: Annex 1 6.2 names system administrators with privileged access among the roles that need a government clearance (such as SC)."})
	}
	e.check(c)
}

// clearanceHeld: Annex 1 6.3. Staff in post hold at least the clearance
// their role requires, unexpired at the as-of date, unless the Client
// agreed otherwise in writing (an Exception Reference).
func (e *eval) clearanceHeld(s evidence.Staff) {
	const para = evidence.ParaClearanceHeld
	req, held := s.ClearanceRequired, s.ClearanceHeld
	if !req.Set || held.Invalid || s.ClearanceExpiry.Invalid || !e.inPost(s) {
		return
	}
	if req.Level == evidence.ClearanceNone {
		return
	}
	asOf := e.in.AsOf
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: held.Pos}
	var problem string
	switch {
	case !held.Set || held.Level < req.Level:
		level := "no clearance"
		if held.Set {
			level = held.Level.String()
		}
		problem = fmt.Sprintf("holds %s; the role requires %s", level, req.Level)
	case s.ClearanceExpiry.Set && s.ClearanceExpiry.Time.Before(asOf):
		c.Pos = s.ClearanceExpiry.Pos
		problem = fmt.Sprintf("%s clearance expired on %s", held.Level, day(s.ClearanceExpiry.Time))
	}
	if s.ClearanceExpiry.Set {
		c.Deadline = s.ClearanceExpiry.Time
		c.Margin, c.Unit = workdays.DaysBetween(asOf, s.ClearanceExpiry.Time), "days"
	}
	switch {
	case problem == "":
		c.Outcome, c.Detail = OK, fmt.Sprintf("holds %s; the role requires %s", held.Level, req.Level)
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

// training: Annex 1 6.4. Staff in post with access to Government Data
// completed training no more than 12 Months before the as-of date.
func (e *eval) training(s evidence.Staff, done []evidence.Training) {
	const para = evidence.ParaTraining
	if !s.GovDataAccess.Value || !e.inPost(s) {
		return
	}
	asOf := e.in.AsOf
	var latest *evidence.Training
	for i := range done {
		t := &done[i]
		if t.Completed.Time.After(asOf) {
			continue
		}
		if latest == nil || t.Completed.Time.After(latest.Completed.Time) {
			latest = t
		}
	}
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: s.GovDataAccess.Pos, Unit: "days"}
	if latest == nil {
		c.Outcome, c.Detail = Gap, "no training on record"
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: s.GovDataAccess.Pos,
			Message: fmt.Sprintf("Has access to Government Data but no training on secure information management on record by %s: training must be undertaken annually.", day(asOf))})
		e.check(c)
		return
	}
	due := workdays.AddMonths(latest.Completed.Time, 12)
	c.Deadline, c.Margin, c.Pos = due, workdays.DaysBetween(asOf, due), latest.Completed.Pos
	if asOf.After(due) {
		c.Outcome = Gap
		c.Detail = fmt.Sprintf("last trained %s, due again by %s", latest.Completed, due.Format(time.DateOnly))
		e.finding(Finding{Paragraph: para, Kind: Stale, Severity: Medium, Subject: s.ID, Pos: latest.Completed.Pos,
			Message: fmt.Sprintf("Latest training (%s) was on %s, more than 12 Months before %s: it was due again by %s (%d day%s overdue).",
				latest.Course.Value, day(latest.Completed.Time), day(asOf), day(due), -c.Margin, plural(-c.Margin))})
	} else {
		c.Outcome = OK
		c.Detail = fmt.Sprintf("last trained %s (%s)", latest.Completed, latest.Course.Value)
	}
	e.check(c)
}

// revocation: Annex 1 6.5. A leaver's access rights are revoked within one
// Working Day after the End Date.
func (e *eval) revocation(s evidence.Staff) {
	const para = evidence.ParaRevocation
	if !s.End.Set || s.End.Time.After(e.in.AsOf) || s.AccessRevoked.Invalid {
		return
	}
	cal, asOf := e.in.Calendar, e.in.AsOf
	due := cal.AddWorkingDays(s.End.Time, 1)
	c := Check{Paragraph: para, Source: "staff", Subject: s.ID, Pos: s.AccessRevoked.Pos, Deadline: due, Unit: "working days"}
	rev := s.AccessRevoked
	switch {
	case !rev.Set && !asOf.After(due):
		c.Outcome, c.Margin = Due, cal.WorkingDaysBetween(asOf, due)
		c.Detail = "left " + s.End.String() + ", revocation due by " + due.Format(time.DateOnly)
	case !rev.Set:
		c.Outcome, c.Margin = Gap, -cal.WorkingDaysBetween(due, asOf)
		c.Detail = "left " + s.End.String() + ", no revocation recorded"
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: rev.Pos,
			Message: fmt.Sprintf("Left on %s but no Access Revoked date: access rights must be revoked within one Working Day, by %s.", day(s.End.Time), day(due))})
	default:
		c.Margin = cal.WorkingDaysBetween(rev.Time, due)
		if rev.Time.After(due) {
			c.Margin = -cal.WorkingDaysBetween(due, rev.Time)
			c.Outcome = Gap
			c.Detail = fmt.Sprintf("left %s, revoked %s", s.End, rev)
			late := fmt.Sprintf("%d Working Day%s late", -c.Margin, plural(-c.Margin))
			if c.Margin == 0 { // revoked on a non-working day after the deadline
				n := workdays.DaysBetween(due, rev.Time)
				late = fmt.Sprintf("%d day%s late", n, plural(n))
			}
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: rev.Pos,
				Message: fmt.Sprintf("Access revoked on %s, %s: the End Date was %s, so revocation was due by %s.",
					day(rev.Time), late, day(s.End.Time), day(due))})
		} else {
			c.Outcome = OK
			c.Detail = fmt.Sprintf("left %s, revoked %s", s.End, rev)
		}
	}
	e.check(c)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
