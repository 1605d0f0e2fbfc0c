package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// The periods this tool reads into the schedule's words for security
// tests, where the schedule gives no number of days.
const (
	// resultsWorkingDays: B.6.2 "as soon as practicable after completion".
	resultsWorkingDays = 10
	// remedyWorkingDays: B.6.4 "in accordance with the timetable agreed
	// with the Client or, otherwise, as soon as reasonably possible"; no
	// timetable is on record, so the longest period the schedule itself
	// allows for fixing a vulnerability (B.9.3, Other: 60 Working Days).
	remedyWorkingDays = 60
	// changeTestWorkingDays: B.6.1 "additionally after any change", read
	// in the same way.
	changeTestWorkingDays = 60
	// annualTestMonths: B.6.1 "at least annually": no more than 12 Months
	// between the ends of two full-scope tests (workdays.Annual).
	annualTestMonths = workdays.AnnualMonths
)

// secTest is one Security Test: its rows (one per finding) and the
// test-level cells, each the first readable one among its rows (the
// register reports any row that disagrees).
type secTest struct {
	id                            string
	rows                          []evidence.SecurityTest
	start, end, agreed, delivered evidence.Date
	full                          evidence.Bool
}

// groupTests groups the register's rows by Test ID, in the order each test
// first appears.
func groupTests(rows []evidence.SecurityTest) []*secTest {
	var out []*secTest
	byID := map[string]*secTest{}
	for _, r := range rows {
		k := strings.ToUpper(r.ID)
		t := byID[k]
		if t == nil {
			t = &secTest{id: r.ID, start: r.Start, end: r.End, agreed: r.ClientAgreed, delivered: r.ResultsDelivered, full: r.FullScope}
			byID[k] = t
			out = append(out, t)
		} else {
			firstReadableDate(&t.start, r.Start)
			firstReadableDate(&t.end, r.End)
			firstReadableDate(&t.agreed, r.ClientAgreed)
			firstReadableDate(&t.delivered, r.ResultsDelivered)
			if t.full.Invalid && !r.FullScope.Invalid {
				t.full = r.FullScope
			}
		}
		t.rows = append(t.rows, r)
	}
	return out
}

func firstReadableDate(have *evidence.Date, d evidence.Date) {
	if have.Invalid && !d.Invalid {
		*have = d
	}
}

// securityTests checks Part B paragraph 6 (Security Testing) against the
// security tests register.
func (e *eval) securityTests() {
	tests := groupTests(e.in.Evidence.SecurityTests)
	e.annualTests(e.in.Evidence.Register("security-tests"), tests)
	e.testsAfterChanges(tests, e.governanceChanges())
	for _, t := range tests {
		e.testAgreed(t)
		e.testResults(t)
	}
	e.testRemedies(tests)
	e.repeatFailures(tests)
}

// annualTests: B.6.1. A Security Test across the scope of the ISMS at
// least annually: each full-scope test ends no later than 12 Months after
// the previous one ended (the first, 12 Months after the contract start).
func (e *eval) annualTests(reg *evidence.Register, tests []*secTest) {
	const para = evidence.ParaTestAnnual
	if !e.has(para) || reg == nil || !reg.Present || reg.Rows == 0 && len(reg.Problems) > 0 {
		return // no register (the paragraph is missing) or an unreadable one
	}
	from, asOf := workdays.Day(e.in.Config.Contract.StartDate), e.in.AsOf
	var events []time.Time
	ended := map[string][]string{} // End day -> full-scope tests
	for _, t := range tests {
		if t.full.Set && t.full.Value && t.end.Set {
			events = append(events, t.end.Value)
			ended[t.end.String()] = append(ended[t.end.String()], t.id)
		}
	}
	// The events Annual counts, in order, each with the previous one.
	var days []time.Time
	for _, d := range events {
		if d.After(from) && !d.After(asOf) {
			days = append(days, d)
		}
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	days = slices.CompactFunc(days, func(a, b time.Time) bool { return a.Equal(b) })
	previous := func(d time.Time) time.Time { // the last event before d, or from
		p := from
		for _, x := range days {
			if x.Before(d) {
				p = x
			}
		}
		return p
	}
	since := func(p time.Time) string {
		if p.Equal(from) {
			return "the contract start (" + day(from) + ")"
		}
		return "the full-scope test " + strings.Join(ended[p.Format(time.DateOnly)], ", ") + " ended on " + day(p)
	}
	src := diag.At(reg.Path, 0, 0)
	e.nextAnnualTest(tests, days, from, src)
	for _, o := range workdays.Annual(from, events, asOf) {
		late := workdays.DaysBetween(o.Due, o.Done)
		prev := previous(o.Done)
		if o.Pending { // counting an event on the as-of date itself
			prev = previous(workdays.AddDays(o.Done, 1))
		}
		msg := fmt.Sprintf("No full-scope Security Test since %s: Security Tests across the scope of the ISMS are due at least annually, so one was due by %s (%s overdue at %s).",
			since(prev), day(o.Due), count(late, Days), day(asOf))
		if !o.Pending {
			msg = fmt.Sprintf("Full-scope Security Test %s ended on %s, %s late: Security Tests across the scope of the ISMS are due at least annually, and after %s the next was due by %s.",
				strings.Join(ended[o.Done.Format(time.DateOnly)], ", "), day(o.Done), count(late, Days), since(prev), day(o.Due))
		}
		f := Finding{Paragraph: para, Kind: Violation, Severity: High, Pos: src, Message: msg}
		if !o.Pending {
			f.Done = o.Done
		}
		e.finding(f)
	}
	for _, t := range tests {
		if !t.full.Set || !t.full.Value || !t.end.Set || !t.end.Value.After(from) {
			continue
		}
		if e.later(Check{Paragraph: para, Source: "security-tests", Subject: t.id}, "full-scope test ends", t.end) {
			continue // it does not count yet
		}
		prev := previous(t.end.Value)
		j := e.after(months(annualTestMonths), prev).Judge(t.end.Value, asOf)
		// A gap is the paragraph-level finding above.
		e.check(j.stamp(Check{Paragraph: para, Source: "security-tests", Subject: t.id, Pos: t.end.Pos,
			Detail: fmt.Sprintf("full-scope test ended %s; due by %s, %s after %s", t.end, j.Date(), months(annualTestMonths), since(prev))}))
	}
}

// nextAnnualTest records the next full-scope Security Test as an
// obligation: due no later than 12 Months after the last full-scope test
// that ended by the as-of date (days, in order), or after the contract
// start with none. It points at that test's End Date, or with none at the
// register. Overdue, it is the finding of annualTests instead.
func (e *eval) nextAnnualTest(tests []*secTest, days []time.Time, from time.Time, src diag.Pos) {
	last := from
	c := Check{Paragraph: evidence.ParaTestAnnual, Source: "security-tests", Pos: src}
	if len(days) > 0 {
		last = days[len(days)-1]
		for _, t := range tests {
			if t.full.Set && t.full.Value && t.end.Set && t.end.Value.Equal(last) {
				c.Pos = t.end.Pos
				break
			}
		}
	}
	e.owe(c, "full-scope Security Test across the ISMS", e.after(months(annualTestMonths), last))
}

// testAgreed: B.6.1. The date, timing, content and conduct of each test
// are agreed in advance with the Client: this tool reads "in advance" as a
// Client Agreed On date on or before the Start Date (the register holds
// days, not times, and agreement on the morning of the first day is still
// before the test).
func (e *eval) testAgreed(t *secTest) {
	const para = evidence.ParaTestAnnual
	if !e.has(para) || !t.start.Set || e.later(Check{Paragraph: para, Source: "security-tests", Subject: t.id}, "agreement in advance: the test starts", t.start) {
		return
	}
	start, agreed := t.start.Value, t.agreed
	d := e.by(start)
	// by names the deadline: the Start Date, or for a test that started
	// before the contract began, the contract's first day.
	by, after := fmt.Sprintf("by the Start Date (%s)", day(start)), fmt.Sprintf("after it started on %s", day(start))
	if !d.Ended.IsZero() {
		by = "by " + d.On()
		after = fmt.Sprintf("late: it started on %s, so the agreement was due %s", day(start), by)
	}
	e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: "security-tests", Subject: t.id, Pos: agreed.Pos},
		what:     "the Client's agreement to the test, in advance",
		deadline: d, done: agreed, severity: High,
		pending: fmt.Sprintf("starts %s; the Client's agreement is due by then", t.start),
		missing: fmt.Sprintf("started %s; no Client agreement recorded", t.start),
		met:     fmt.Sprintf("agreed %s, started %s", agreed, t.start),
		missed:  fmt.Sprintf("No Client Agreed On date: the date, timing, content and conduct of Security Tests must be agreed in advance with the Client, %s.", by),
		late: func(over string) string {
			return fmt.Sprintf("The Client agreed the test on %s, %s %s: the date, timing, content and conduct of Security Tests must be agreed in advance.",
				day(agreed.Value), over, after)
		},
	})
}

// testResults: B.6.2. The results go to the Client "as soon as practicable
// after completion of each Security Test": this tool reads that as within
// 10 Working Days after the End Date.
func (e *eval) testResults(t *secTest) {
	const para = evidence.ParaTestResults
	if !e.has(para) || !t.end.Set {
		return
	}
	c := Check{Paragraph: para, Source: "security-tests", Subject: t.id}
	if e.later(c, "starts", t.start) || e.later(c, "ends", t.end) {
		return
	}
	end, got := t.end.Value, t.delivered
	d := e.after(workingDays(resultsWorkingDays), end)
	reading := fmt.Sprintf("%s after completion, this tool's reading of \"as soon as practicable\"", d.Period)
	e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: "security-tests", Subject: t.id, Pos: got.Pos},
		what:     "deliver the test results",
		deadline: d, done: got, severity: High, lateSeverity: Low,
		pending: fmt.Sprintf("ends %s; results due by %s", t.end, d.Date()),
		missing: fmt.Sprintf("ended %s; no results delivered", t.end),
		met:     fmt.Sprintf("ended %s, results delivered %s", t.end, got),
		missed:  fmt.Sprintf("No Results Delivered On date: the test ended on %s and its results were due to the Client by %s (%s).", day(end), d.On(), reading),
		late: func(over string) string {
			return fmt.Sprintf("Results delivered on %s, %s late: the test ended on %s, so they were due by %s (%s).", day(got.Value), over, day(end), d.On(), reading)
		},
	})
}

// testRemedies: B.6.4. Each finding (breach, potential-breach, weakness)
// is remediated and re-tested by a later test whose Retest Of names it and
// which started on or after the remediation. With no timetable agreed with
// the Client on record, both are due within remedyWorkingDays after the
// End Date of the test that found it.
func (e *eval) testRemedies(tests []*secTest) {
	const para = evidence.ParaTestRemedy
	if !e.has(para) {
		return
	}
	retesters := map[string][]*secTest{} // Finding ID -> tests re-testing it
	for _, t := range tests {
		for _, r := range t.rows {
			for _, f := range r.Retests {
				k := strings.ToUpper(f)
				if !slices.Contains(retesters[k], t) {
					retesters[k] = append(retesters[k], t)
				}
			}
		}
	}
	for _, t := range tests {
		for _, r := range t.rows {
			if !r.IsFinding() || !r.FindingID.Set || !t.end.Set || r.Remediated.Absent {
				continue
			}
			c := Check{Paragraph: para, Source: "security-tests", Subject: t.id}
			if e.later(c, r.FindingID.Value+": test starts", t.start) || e.later(c, r.FindingID.Value+": test ends", t.end) {
				continue
			}
			e.remedy(t, r, retesters[strings.ToUpper(r.FindingID.Value)])
		}
	}
}

func (e *eval) remedy(t *secTest, r evidence.SecurityTest, retesters []*secTest) {
	const para = evidence.ParaTestRemedy
	asOf := e.in.AsOf
	d := e.after(workingDays(remedyWorkingDays), t.end.Value)
	rem := e.judge(d, r.Remediated)
	// The re-test: the earliest-ending test naming this finding that
	// started on or after the remediation and had ended by the as-of date.
	ended := func(rt *secTest) bool { return rt.start.Set && rt.end.Set && !rt.end.Value.After(asOf) }
	retest, retestEnd := earliest(retesters, func(rt *secTest) evidence.Date { return rt.end }, func(rt *secTest) bool {
		return ended(rt) && !rem.Done.IsZero() && !rt.start.Value.Before(rem.Done)
	})
	early := "" // a test naming it that started before it was remediated
	for _, rt := range retesters {
		if ended(rt) && (rem.Done.IsZero() || rt.start.Value.Before(rem.Done)) {
			early = rt.id
		}
	}
	re := d.Judge(retestEnd, asOf)

	var states []string
	unread := "" // an unreadable Remediated On is not done, the stricter reading
	if r.Remediated.Invalid {
		unread = " (Remediated On cannot be read, so it counts as not done)"
	}
	switch {
	case rem.Missed():
		states = append(states, "not remediated"+unread)
	case rem.Outcome == Due:
		states = append(states, "not remediated yet"+unread)
	case rem.Late():
		states = append(states, fmt.Sprintf("remediated on %s, %s late", day(rem.Done), rem.Over()))
	default:
		states = append(states, "remediated on "+day(rem.Done))
	}
	switch {
	case re.Missed() && early != "":
		states = append(states, "not re-tested ("+early+" named it before it was remediated)")
	case re.Missed():
		states = append(states, "not re-tested")
	case re.Outcome == Due:
		states = append(states, "not re-tested yet")
	case re.Late():
		states = append(states, fmt.Sprintf("re-tested by %s (ended %s), %s late", retest.id, day(re.Done), re.Over()))
	default:
		states = append(states, fmt.Sprintf("re-tested by %s (ended %s)", retest.id, day(re.Done)))
	}
	// Met once both are done: judged on the later of the two.
	var both time.Time
	if !rem.Done.IsZero() && !re.Done.IsZero() {
		both = rem.Done
		if re.Done.After(both) {
			both = re.Done
		}
	}
	j := d.Judge(both, asOf)
	fid := r.FindingID.Value
	c := j.stamp(Check{Paragraph: para, Source: "security-tests", Subject: t.id, Pos: r.FindingID.Pos,
		Detail: fmt.Sprintf("%s %s: %s; due by %s", r.FindingType.Value, fid, strings.Join(states, ", "), d.Date())})
	if j.Outcome == Due {
		e.owe(c, "remediate and re-test finding "+fid, d)
	}
	if j.Outcome == Gap {
		sev, src := Low, r.FindingID.Pos
		if j.Missed() {
			sev = High
		}
		if rem.Outcome != OK {
			src = r.Remediated.Pos
		}
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: sev, Subject: t.id, Pos: src, Done: j.Done,
			Message: fmt.Sprintf("%s %s, found by test %s (ended %s): %s. Remediation and a repeat test were due by %s, %s after the test: this tool's reading of \"as soon as reasonably possible\", as no timetable agreed with the Client is on record.",
				capitalise(r.FindingType.Value), fid, t.id, day(t.end.Value), strings.Join(states, "; "), d.On(), d.Period)})
	}
	e.check(c)
}

// repeatFailures: B.6.5. A repeat test that again reveals an actual or
// potential Breach of Security with the same root cause (ignoring case and
// spaces) as a finding it re-tests is a material Default.
func (e *eval) repeatFailures(tests []*secTest) {
	const para = evidence.ParaTestRepeat
	if !e.has(para) {
		return
	}
	findings := map[string]evidence.SecurityTest{} // Finding ID -> its row
	for _, t := range tests {
		for _, r := range t.rows {
			if r.IsFinding() && r.FindingID.Set {
				findings[strings.ToUpper(r.FindingID.Value)] = r
			}
		}
	}
	for _, t := range tests {
		var retested []evidence.SecurityTest
		var src diag.Pos
		for _, r := range t.rows {
			for _, f := range r.Retests {
				if o, ok := findings[strings.ToUpper(f)]; ok && !slices.ContainsFunc(retested, func(x evidence.SecurityTest) bool { return x.FindingID == o.FindingID }) {
					retested = append(retested, o)
				}
			}
			if len(r.Retests) > 0 && !src.HasCell() {
				src = r.RetestOf.Pos
			}
		}
		if len(retested) == 0 {
			continue
		}
		var names []string
		for _, o := range retested {
			names = append(names, o.FindingID.Value)
		}
		c := Check{Paragraph: para, Source: "security-tests", Subject: t.id, Pos: src, Outcome: OK,
			Detail: "re-tests " + strings.Join(names, ", ") + "; no breach or potential breach with the same root cause"}
		var repeats []string
		for _, r := range t.rows {
			if !r.FindingType.Set || (r.FindingType.Value != evidence.FindingBreach && r.FindingType.Value != evidence.FindingPotential) || !r.RootCause.Set {
				continue
			}
			for _, o := range retested {
				if !o.RootCause.Set || evidence.Fold(o.RootCause.Value) != evidence.Fold(r.RootCause.Value) {
					continue
				}
				id := r.FindingID.Value
				if id == "" {
					id = "a finding in " + r.FindingID.Pos.Cell()
				}
				repeats = append(repeats, fmt.Sprintf("%s %s, same root cause as %s", r.FindingType.Value, id, o.FindingID.Value))
				e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Critical, Subject: t.id, Pos: r.RootCause.Pos,
					Message: fmt.Sprintf("Repeat test %s found %s (%s) with the same root cause as %s, which it re-tests (%q, found by test %s): a repeat Security Test revealing an actual or potential Breach of Security exploiting the same root cause failure is a material Default.",
						t.id, findingArticle(r.FindingType.Value), id, o.FindingID.Value, o.RootCause.Value, o.ID)})
				break
			}
		}
		if len(repeats) > 0 {
			c.Outcome, c.Pos = Gap, src
			c.Detail = "re-tests " + strings.Join(names, ", ") + "; found " + strings.Join(repeats, "; ")
		}
		e.check(c)
	}
}

func findingArticle(findingType string) string {
	switch findingType {
	case evidence.FindingBreach:
		return "an actual Breach of Security"
	case evidence.FindingPotential:
		return "a potential Breach of Security"
	}
	return "a " + findingType
}

// earliest is the test whose day (one of its date cells) is the earliest
// among those keep accepts, and that day; nil and the zero time when there
// is none.
func earliest(tests []*secTest, day func(*secTest) evidence.Date, keep func(*secTest) bool) (*secTest, time.Time) {
	var best *secTest
	for _, t := range tests {
		if d := day(t); d.Set && keep(t) && (best == nil || d.Value.Before(day(best).Value)) {
			best = t
		}
	}
	if best == nil {
		return nil, time.Time{}
	}
	return best, day(best).Value
}

// ismsChange is a change to the ISMS (including the security incident
// management process and incident response plans) or to the Security
// Management Plan, as recorded in the governance evidence.
type ismsChange struct {
	On     time.Time
	What   string
	Source diag.Pos
}

// governanceChanges returns the ISMS and Security Management Plan changes
// recorded in the governance evidence ([[isms.change]], [[smp.change]]).
func (e *eval) governanceChanges() []ismsChange {
	var out []ismsChange
	for _, c := range e.in.Evidence.Documents.Changes() {
		if !c.Date.Set {
			continue
		}
		what := strings.ToUpper(c.Document) + " change"
		if c.What.Set {
			what += ": " + c.What.Value
		}
		out = append(out, ismsChange{On: c.Date.Value, What: what, Source: c.Date.Pos})
	}
	return out
}

// testsAfterChanges: B.6.1. Security Tests "additionally after any change
// or amendment to the ISMS ... or the Security Management Plan": for each
// change on or before the as-of date, a test (of any scope) that starts on
// or after the day of the change, within changeTestWorkingDays after it
// (this tool's reading: the schedule sets no period).
func (e *eval) testsAfterChanges(tests []*secTest, changes []ismsChange) {
	const para = evidence.ParaTestAnnual
	if !e.has(para) {
		return
	}
	asOf := e.in.AsOf
	for _, ch := range changes {
		if ch.On.After(asOf) {
			continue
		}
		d := e.after(workingDays(changeTestWorkingDays), ch.On)
		next, started := earliest(tests, func(t *secTest) evidence.Date { return t.start }, func(t *secTest) bool {
			return !t.start.Value.Before(ch.On) && !t.start.Value.After(asOf)
		})
		j := d.Judge(started, asOf)
		what := fmt.Sprintf("the change on %s (%s)", day(ch.On), ch.What)
		reading := fmt.Sprintf("%s after it (this tool's reading of \"additionally after any change\")", d.Period)
		switch {
		case j.Outcome == Due:
			// Still due; there is no test row to show it on, but it is
			// coming due.
			e.owe(Check{Paragraph: para, Source: "security-tests", Pos: ch.Source}, "Security Test after the "+ch.What, d)
		case j.Missed():
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Pos: ch.Source,
				Message: fmt.Sprintf("No Security Test after %s: one was due by %s, %s.", what, d.On(), reading)})
		default:
			e.check(j.stamp(Check{Paragraph: para, Source: "security-tests", Subject: next.id, Pos: next.start.Pos,
				Detail: "first test after " + what + ", started " + next.start.String()}))
			if j.Late() {
				e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: next.id, Pos: next.start.Pos, Done: j.Done,
					Message: fmt.Sprintf("The first Security Test after %s started on %s, %s late: it was due by %s, %s.",
						what, day(next.start.Value), j.Over(), d.On(), reading)})
			}
		}
	}
}

func securityTestsDocs() []Doc {
	const reg = "security-tests"
	return []Doc{
		{[]string{evidence.ParaTestAnnual}, reg, fmt.Sprintf("A Security Test across the full scope of the ISMS at least annually: each test with Full ISMS Scope Yes must end no later than %[1]s after the previous one ended, the first no later than %[1]s after the contract start date (%[1]s after a day is the same day %[2]d months later, clamped to the month's end; a test exactly %[1]s later is on time, a day later is not).", months(annualTestMonths), annualTestMonths) + " A year with none is one paragraph-level finding saying when the test was due; when the as-of date is past the next due day it is overdue. Tests ending after the as-of date do not count yet: each is listed as after the as-of date (outcome later)."},
		{[]string{evidence.ParaTestAnnual}, reg, "The Client agreed each test in advance: this tool reads \"in advance\" as a Client Agreed On date on or before the Start Date (the register holds days, and agreement on the first morning is still before the test); a later date, or none after the Start Date has passed, is a finding (on the Start Date itself it is still due); one that cannot be read is invalid and counts as none. A test starting after the as-of date is listed as after it (outcome later), not judged. Tests after each change to the ISMS or the Security Management Plan (each [[isms.change]] and [[smp.change]] in the governance evidence): a test of any scope starting on or after the day of the change and within " + workingDays(changeTestWorkingDays).String() + " after it (this tool's reading: the schedule sets no period)."},
		{[]string{evidence.ParaTestResults}, reg, "Results delivered to the Client after each test: Results Delivered On on or after the End Date. The schedule says \"as soon as practicable after completion\" and sets no period; this tool reads it as within " + workingDays(resultsWorkingDays).String() + " after the End Date (counted strictly after it)." + " Undelivered within that period is due; undelivered after it is a finding (high), delivered after it a low-severity finding. A Results Delivered On date that cannot be read, or is before the End Date, is invalid and counts as not delivered. A test starting, or ending, after the as-of date is listed as after it (outcome later), not judged."},
		{[]string{evidence.ParaTestRemedy}, reg, "Each finding (breach, potential-breach or weakness) remediated (Remediated On) and re-tested: a later test whose Retest Of names the Finding ID (or the Test ID that found it), which started on or after the remediation and ended by the as-of date. The schedule wants both \"in accordance with the timetable agreed with the Client or, otherwise, as soon as reasonably possible\"; no timetable is on record, so this tool reads it as within " + workingDays(remedyWorkingDays).String() + " after the End Date of the test that found it, the longest period the schedule sets for fixing a vulnerability (B.9.3). Within that period an open finding is due; past it, a finding not remediated or not re-tested is a high-severity finding, and one done late a low-severity one. A Remediated On date that cannot be read, or is before the test started, is invalid and counts as not remediated. The findings of a test starting or ending after the as-of date are listed as after it (outcome later), not judged."},
		{[]string{evidence.ParaTestRepeat}, reg, "A repeat test that again reveals a breach or potential-breach whose Root Cause is the same (ignoring case and spaces) as that of a finding it re-tests (its Retest Of) is a material Default: a critical finding, first in the gaps list."},
	}
}
