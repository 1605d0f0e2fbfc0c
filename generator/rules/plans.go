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

// The periods of the Security Management Plan and ISMS lifecycle.
const (
	// planSubmitWorkingDays: the SMP (A.4.3.1, B.4.1) and the ISMS (B.3.1)
	// are submitted within 20 Working Days after the Start Date.
	planSubmitWorkingDays = 20
	// planResubmitWorkingDays: after a notice of non-approval, the plan is
	// amended and re-submitted within 10 Working Days (A.4.3.2, B.3.7,
	// B.4.3).
	planResubmitWorkingDays = 10
	// planApprovalWorkingDays: the Parties use all reasonable endeavours
	// to complete approval within 15 Working Days of the first submission:
	// a joint target, largely in the Client's hands, so a miss is a note,
	// not a gap.
	planApprovalWorkingDays = 15
	// planResultsWorkingDays: the results of a review go to the Client "as
	// soon as reasonably practicable after their completion" (A.4.4.2,
	// B.5.2). The schedule sets no number: this tool reads it as on or
	// before the 20th Working Day after completion, and a later delivery
	// is a warning, not a breach.
	planResultsWorkingDays = 20
	// planReviewMonths: reviewed "at least annually" (A.4.4.1, B.5.1).
	planReviewMonths = workdays.AnnualMonths
)

// planDoc is the lifecycle the SMP and the ISMS share, with the paragraphs
// of the form that each rule judges it under ("" where the form has none).
type planDoc struct {
	subject string // the kind and subject: "smp" or "isms"
	name    string // in sentences: "the Security Management Plan"
	pos     diag.Pos

	submitted, approved evidence.Date
	nonApprovals        []evidence.NonApproval
	reviews             []evidence.Review

	submitPara, resubmitPara, approvalPara, reviewPara, resultsPara string
	// partA: the review topics and results are Part A's items, else
	// Part B's.
	partA bool
}

// plans checks the Security Management Plan (Part A 4, Part B 4 and 5) and
// the ISMS (Part B 3 and 5) against their lifecycle: submission, approval,
// re-submission after a notice of non-approval, annual review and its
// results, and, for the ISMS, its type and certification.
func (e *eval) plans() {
	docs := &e.in.Evidence.Documents
	partA := e.has(evidence.ParaSMPSubmitA)
	partB := e.has(evidence.ParaSMPSubmitB)
	if s := docs.SMP; s != nil && (partA || partB) {
		d := planDoc{subject: "smp", name: "the Security Management Plan", pos: s.Pos,
			submitted: s.Submitted, approved: s.Approved, nonApprovals: s.NonApprovals, reviews: s.Reviews,
			partA: partA}
		if partA {
			d.submitPara, d.resubmitPara, d.approvalPara = evidence.ParaSMPSubmitA, evidence.ParaSMPApprovalA, evidence.ParaSMPApprovalA
			d.reviewPara, d.resultsPara = evidence.ParaSMPReviewA, evidence.ParaSMPResultsA
		} else {
			d.submitPara, d.resubmitPara, d.approvalPara = evidence.ParaSMPSubmitB, evidence.ParaSMPApprovalB, evidence.ParaSMPApprovalB
			d.reviewPara, d.resultsPara = evidence.ParaReviewB, evidence.ParaResultsB
		}
		e.planLifecycle(d)
	}
	if i := docs.ISMS; i != nil && e.has(evidence.ParaISMSSubmit) {
		e.planLifecycle(planDoc{subject: "isms", name: "the ISMS", pos: i.Pos,
			submitted: i.Submitted, approved: i.Approved, nonApprovals: i.NonApprovals, reviews: i.Reviews,
			submitPara: evidence.ParaISMSSubmit, resubmitPara: evidence.ParaISMSApproval, approvalPara: evidence.ParaISMSApproval,
			reviewPara: evidence.ParaReviewB, resultsPara: evidence.ParaResultsB})
		e.ismsType(i)
		e.ismsCertification(i, docs.SMP)
	}
}

// partItem picks Part A's item or Part B's.
func partItem[T any](partA bool, a, b T) T {
	if partA {
		return a
	}
	return b
}

func (e *eval) planLifecycle(d planDoc) {
	e.planSubmit(d)
	for _, n := range d.nonApprovals {
		e.planResubmit(d, n)
	}
	e.planApproval(d)
	e.planReview(d)
	e.planCoverage(d)
	for _, r := range d.reviews {
		e.planResults(d, r)
	}
}

// planSubmit: A.4.3.1, B.3.1, B.4.1. Submitted to the Client on or before
// the 20th Working Day after the Start Date.
func (e *eval) planSubmit(d planDoc) {
	s := d.submitted
	if !e.has(d.submitPara) || s.Invalid {
		return
	}
	start := e.in.Config.Contract.StartDate
	dl := e.after(workingDays(planSubmitWorkingDays), start)
	rule := fmt.Sprintf("within %s after the Start Date (%s), by %s", dl.Period, day(start), day(dl.Due))
	e.judgeDuty(duty{
		check:    Check{Paragraph: d.submitPara, Source: d.subject, Subject: d.subject, Pos: s.Pos},
		what:     "submit " + d.name,
		deadline: dl, done: s, severity: High,
		pending: "not yet submitted; due by " + dl.Due.Format(time.DateOnly),
		missing: "not submitted; was due by " + dl.Due.Format(time.DateOnly),
		met:     fmt.Sprintf("submitted %s, due by %s", s, dl.Due.Format(time.DateOnly)),
		missed:  fmt.Sprintf("No submission of %s recorded by %s: it was due %s.", d.name, day(e.in.AsOf), rule),
		late: func(over string) string {
			return fmt.Sprintf("%s was submitted on %s, %s late: it was due %s.", capitalise(d.name), day(s.Value), over, rule)
		},
	})
}

// planResubmit: A.4.3.2, B.3.7, B.4.3. After a notice of non-approval,
// amended and re-submitted on or before the 10th Working Day after the
// notice.
func (e *eval) planResubmit(d planDoc, n evidence.NonApproval) {
	notice, ok := e.happened(n.Notice)
	if !e.has(d.resubmitPara) || !ok || n.Resubmitted.Invalid {
		return
	}
	dl := e.after(workingDays(planResubmitWorkingDays), notice)
	rule := fmt.Sprintf("within %s of the notice of non-approval of %s, by %s", dl.Period, day(notice), day(dl.Due))
	r := n.Resubmitted
	e.judgeDuty(duty{
		check:    Check{Paragraph: d.resubmitPara, Source: d.subject, Subject: d.subject, Pos: r.Pos},
		what:     "re-submit " + d.name + " after the notice of non-approval",
		deadline: dl, done: r, severity: High,
		pending: fmt.Sprintf("not approved (notice %s); re-submission due by %s", n.Notice, dl.Due.Format(time.DateOnly)),
		missing: fmt.Sprintf("not approved (notice %s); not re-submitted", n.Notice),
		met:     fmt.Sprintf("notice %s, re-submitted %s", n.Notice, r),
		missed:  fmt.Sprintf("No re-submission of %s recorded by %s: after a notice of non-approval it must be amended and re-submitted %s.", d.name, day(e.in.AsOf), rule),
		late: func(over string) string {
			return fmt.Sprintf("%s was re-submitted on %s, %s late: it was due %s.", capitalise(d.name), day(r.Value), over, rule)
		},
	})
}

// planApproval: A.4.3.2, B.3.7, B.4.3. "The Parties will use all
// reasonable endeavours to ensure that the approval process takes ... no
// longer than fifteen (15) Working Days from the date of its first
// submission": a joint target, and approval is the Client's act, so a miss
// (approved after the 15th Working Day after the first submission, or
// still not approved after it) is a note, not a gap (judgeTarget).
func (e *eval) planApproval(d planDoc) {
	first, ok := e.happened(d.submitted)
	if !e.has(d.approvalPara) || !ok || d.approved.Invalid {
		return
	}
	dl := e.after(workingDays(planApprovalWorkingDays), first)
	rule := fmt.Sprintf("the Parties use all reasonable endeavours to complete approval within %s of the first submission (%s), by %s: a joint target, largely in the Client's hands, so this is a note, not a breach",
		dl.Period, day(first), day(dl.Due))
	a := d.approved
	e.judgeTarget(duty{
		check:    Check{Paragraph: d.approvalPara, Source: d.subject, Subject: d.subject, Pos: a.Pos},
		what:     "approval of " + d.name + " (a joint target)",
		deadline: dl, done: a, severity: Warning,
		pending: fmt.Sprintf("submitted %s; approval aimed for by %s", d.submitted, dl.Due.Format(time.DateOnly)),
		missing: fmt.Sprintf("submitted %s; not approved", d.submitted),
		met:     fmt.Sprintf("submitted %s, approved %s", d.submitted, a),
		missed:  fmt.Sprintf("%s is not approved by %s: %s.", capitalise(d.name), day(e.in.AsOf), rule),
		late: func(over string) string {
			return fmt.Sprintf("%s was approved on %s, %s after the target: %s.", capitalise(d.name), day(a.Value), over, rule)
		},
	})
}

// judgeTarget judges a target the Parties aim for together, rather than a
// duty of the Agency's: as judgeDuty does, but a miss is a note (listed,
// not counted against the paragraph) and the check stays OK, its negative
// margin saying how late, its detail that the target was missed.
func (e *eval) judgeTarget(d duty) Judgement {
	from := len(e.findings)
	j := e.judgeDuty(d)
	for i := from; i < len(e.findings); i++ {
		e.findings[i].Kind = Note
	}
	if j.Outcome == Gap {
		c := &e.checks[len(e.checks)-1]
		c.Outcome = OK
		c.Detail += fmt.Sprintf("; target day %s missed: a note, not a gap", d.deadline.Due.Format(time.DateOnly))
	}
	return j
}

// planEvent is a dated event of the review duty.
type planEvent struct {
	day   time.Time
	pos   diag.Pos
	label string
}

// planReview: A.4.4.1, B.5.1. Fully reviewed at least annually: the first
// review no later than 12 Months after the approval (or, if never
// approved, the first submission), each later one no later than 12 Months
// after the one before (workdays.Annual). A review that came late is a
// violation; a review overdue at the as-of date is stale.
func (e *eval) planReview(d planDoc) {
	para := d.reviewPara
	if !e.has(para) {
		return
	}
	from := planEvent{label: "approval"}
	if t, ok := e.happened(d.approved); ok {
		from.day, from.pos = t, d.approved.Pos
	} else if t, ok := e.happened(d.submitted); ok {
		from.day, from.pos, from.label = t, d.submitted.Pos, "first submission"
	} else {
		return // nothing to review yet; the submission rule says why
	}
	asOf := e.in.AsOf
	events := []planEvent{from}
	var days []time.Time
	for _, r := range d.reviews {
		if t, ok := e.happened(r.Completed); ok && t.After(from.day) {
			events = append(events, planEvent{t, r.Completed.Pos, "review"})
			days = append(days, t)
		}
	}
	slices.SortStableFunc(events, func(a, b planEvent) int { return a.day.Compare(b.day) })
	latest := events[len(events)-1]
	j := e.after(months(planReviewMonths), latest.day).Current(asOf)
	due := j.Due
	c := j.stamp(Check{Paragraph: para, Source: d.subject, Subject: d.subject, Pos: latest.pos})
	if latest.label == "review" {
		c.Detail = fmt.Sprintf("last reviewed %s; next full review due by %s", latest.day.Format(time.DateOnly), due.Format(time.DateOnly))
	} else {
		c.Detail = fmt.Sprintf("%s %s; first full review due by %s", latest.label, latest.day.Format(time.DateOnly), due.Format(time.DateOnly))
	}
	if j.Outcome == OK {
		e.owe(c, "full review of "+d.name, j.Deadline)
	}
	for _, o := range workdays.Annual(from.day, days, asOf) {
		c.Outcome = Gap
		n := workdays.DaysBetween(o.Due, o.Done)
		if o.Pending {
			e.finding(Finding{Paragraph: para, Kind: Stale, Severity: Medium, Subject: d.subject, Pos: latest.pos,
				Message: fmt.Sprintf("No full review of %s since the %s on %s: it must be reviewed at least annually, so a review was due by %s (%s overdue at %s).",
					d.name, latest.label, day(latest.day), day(o.Due), count(n, Days), day(asOf))})
			continue
		}
		i := slices.IndexFunc(events, func(ev planEvent) bool { return ev.day.Equal(o.Done) })
		prev := events[max(i-1, 0)]
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: d.subject, Pos: events[i].pos, Done: o.Done,
			Message: fmt.Sprintf("The full review of %s completed on %s was %s late: after the %s on %s it was due by %s (at least annually).",
				d.name, day(o.Done), count(n, Days), prev.label, day(prev.day), day(o.Due))})
	}
	e.check(c)
}

// planCoverage: A.4.4.1(a)-(e), B.5.1.1-B.5.1.6. Each full review
// completed in the review period ([review] period_start up to and
// including the as-of date) lists every topic in covers: a review that
// omits one is a finding against that topic's item, naming the review.
// B.5.1.3 and B.5.1.5 are the same topic ("threats"). A.4.4.1(c) and
// B.5.1.4 apply only where the Security Policy does (the rules drop
// findings on paragraphs that do not apply).
func (e *eval) planCoverage(d planDoc) {
	from := e.in.Config.Review.PeriodStart
	for _, r := range d.reviews {
		done, ok := e.happened(r.Completed)
		if !ok || done.Before(from) || !r.CoversSet {
			continue // not in the period (planReview judges when), or covers unreadable
		}
		for _, t := range evidence.Topics() {
			for _, para := range partItem(d.partA, t.PartA, t.PartB) {
				c := Check{Paragraph: para, Source: d.subject, Subject: d.subject, Pos: r.CoversPos, Outcome: OK,
					Detail: fmt.Sprintf("the review completed %s covered %s", r.Completed, t.Topic)}
				if !r.Covered(t.Topic) {
					c.Outcome = Gap
					c.Detail = fmt.Sprintf("the review completed %s does not list %s", r.Completed, t.Topic)
					e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: d.subject, Pos: r.CoversPos,
						Message: fmt.Sprintf("The full review of %s completed on %s does not list %q in covers: each full review must reflect %s.",
							d.name, day(done), string(t.Topic), t.Text)})
				}
				e.check(c)
			}
		}
	}
}

// planResults: A.4.4.2, B.5.2. The results of each review completed by the
// as-of date go to the Client as soon as reasonably practicable: on or
// before the 20th Working Day after completion is this tool's reading (a
// later delivery is a warning; none after that day is a violation). The
// results delivered record each thing the results must include
// (A.4.4.2(a)-(c), B.5.2.1-B.5.2.4).
func (e *eval) planResults(d planDoc, r evidence.Review) {
	para := d.resultsPara
	completed, ok := e.happened(r.Completed)
	if !e.has(para) || !ok || r.ResultsDelivered.Invalid {
		return
	}
	dl := e.after(workingDays(planResultsWorkingDays), completed)
	reading := fmt.Sprintf("this tool reads \"as soon as reasonably practicable after their completion\" as within %s, by %s", dl.Period, day(dl.Due))
	got := r.ResultsDelivered
	j := e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: d.subject, Subject: d.subject, Pos: got.Pos},
		what:     "deliver the results of the review of " + d.name,
		deadline: dl, done: got, severity: Medium, lateSeverity: Warning,
		pending: fmt.Sprintf("review completed %s; results due by %s", r.Completed, dl.Due.Format(time.DateOnly)),
		missing: fmt.Sprintf("review completed %s; results not delivered", r.Completed),
		met:     fmt.Sprintf("review completed %s, results delivered %s", r.Completed, got),
		missed:  fmt.Sprintf("The results of the review of %s completed on %s are not recorded as delivered to the Client by %s: %s.", d.name, day(completed), day(e.in.AsOf), reading),
		late: func(over string) string {
			return fmt.Sprintf("The results of the review of %s completed on %s were delivered on %s, %s late: %s (a yardstick, not a day count in the schedule).", d.name, day(completed), day(got.Value), over, reading)
		},
	})
	if j.Done.IsZero() {
		return
	}
	for _, res := range evidence.ReviewResults() {
		item := partItem(d.partA, res.PartA, res.PartB)
		t := r.Items[res.Key]
		if !e.has(item) || t.Invalid {
			continue
		}
		c := Check{Paragraph: item, Source: d.subject, Subject: d.subject, Pos: t.Pos, Outcome: OK,
			Detail: fmt.Sprintf("results of the review completed %s: %s", r.Completed, planShort(t.Value))}
		if !t.Set {
			c.Outcome = Gap
			c.Detail = fmt.Sprintf("results of the review completed %s: no %s", r.Completed, res.Key)
			e.finding(Finding{Paragraph: item, Kind: Violation, Severity: Medium, Subject: d.subject, Pos: t.Pos,
				Message: fmt.Sprintf("The results of the review of %s completed on %s do not record %s (%s): the results must include them.", d.name, day(completed), res.Text, res.Key)})
		}
		e.check(c)
	}
}

// planShort shortens a text for a check's detail.
func planShort(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		return string(r[:119]) + "…"
	}
	return s
}

// ismsType: B.3.3.1, B.3.3.2. Where the Client stipulated a bespoke ISMS,
// an extant one is a violation. Where it did not, the ISMS "may be an
// extant ISMS" (B.3.3.1): an extant one or a bespoke one is allowed. The
// rules follow config.toml's bespoke_isms either way (B.3.3.2, B.3.4.1
// and B.3.7 apply only where it is true). Presenting a bespoke ISMS for
// Approval is its submission (B.3.1).
func (e *eval) ismsType(i *evidence.ISMS) {
	if i.Type.Invalid {
		return
	}
	stipulated := e.in.Config.Contract.BespokeISMS
	para := evidence.ParaISMSExtant
	if stipulated {
		para = evidence.ParaISMSBespoke
	}
	c := Check{Paragraph: para, Source: "isms", Subject: "isms", Pos: i.Type.Pos, Outcome: OK}
	switch {
	case !i.Type.Set:
		sev := Low
		if stipulated {
			sev = Medium
		}
		c.Outcome, c.Detail = Gap, "type not recorded"
		e.finding(Finding{Paragraph: para, Kind: Missing, Severity: sev, Subject: "isms", Pos: i.Type.Pos,
			Message: "The ISMS's type is not recorded: set type = \"extant\" (the Agency's existing ISMS, allowed where no bespoke ISMS was stipulated) or \"bespoke\" in [isms]."})
	case stipulated && !i.Bespoke():
		c.Outcome, c.Detail = Gap, "extant ISMS; a bespoke one was stipulated"
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: "isms", Pos: i.Type.Pos,
			Message: "[isms] records an extant ISMS, but the Client stipulated a bespoke ISMS (config.toml [contract] bespoke_isms = true): a bespoke ISMS must be developed and presented for the Client's Approval."})
	case !stipulated && i.Bespoke():
		c.Detail = "bespoke ISMS, where none was stipulated: allowed, as B.3.3.1 permits but does not require an extant ISMS"
	case stipulated:
		c.Detail = "bespoke ISMS, as stipulated"
		if t, ok := e.happened(i.Submitted); ok {
			c.Detail += "; presented for Approval " + t.Format(time.DateOnly)
		}
		if t, ok := e.happened(i.Approved); ok {
			c.Detail += "; approved " + t.Format(time.DateOnly)
		}
	default:
		c.Detail = "extant ISMS; no bespoke ISMS was stipulated"
	}
	e.check(c)
}

// ismsCertification: B.3.4.6. Certified by a main board representative,
// the Chief Security, Information, Technical or Financial Officer (common
// spellings and CSO, CIO, CTO, CFO accepted), or by a person with the
// direct delegated authority of one (delegated_by names the officer), or
// by an equivalent the Client agreed in writing (equivalent_reference), in
// advance of issue of the SMP when equivalent_agreed is given.
func (e *eval) ismsCertification(i *evidence.ISMS, smp *evidence.SMP) {
	const para = evidence.ParaISMSCertified
	listed := "the Chief Security Officer, Chief Information Officer, Chief Technical Officer or Chief Financial Officer"
	cert := i.Certification
	if cert == nil {
		e.check(Check{Paragraph: para, Source: "isms", Subject: "isms", Pos: i.Pos, Outcome: Gap, Detail: "no certification recorded"})
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: "isms", Pos: i.Pos,
			Message: "No certification of the ISMS is recorded ([isms.certification]): it must be certified by a main board representative, " + listed + ", or by a person with the direct delegated authority of one of them."})
		return
	}
	if cert.Role.Invalid {
		return // reported as invalid already
	}
	who := cert.Name.Value
	if who == "" {
		who = "the signer"
	}
	signed := ""
	if cert.Signed.Set {
		signed = ", signed " + cert.Signed.String()
	}
	c := Check{Paragraph: para, Source: "isms", Subject: "isms", Pos: cert.Role.Pos, Outcome: OK}
	gap := func(src diag.Pos, detail, msg string) {
		c.Outcome, c.Detail, c.Pos = Gap, detail, src
		e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: "isms", Pos: src, Message: msg})
	}
	switch {
	case cert.Officer != "":
		c.Detail = fmt.Sprintf("certified by %s, %s%s", who, cert.Officer, signed)
	case cert.DelegatedBy.Set && cert.DelegatedOfficer != "":
		c.Detail = fmt.Sprintf("certified by %s (%s) with the direct delegated authority of the %s%s", who, cert.Role.Value, cert.DelegatedOfficer, signed)
	case cert.DelegatedBy.Set:
		gap(cert.DelegatedBy.Pos, fmt.Sprintf("certified by %s (%s), delegated by %s", who, cert.Role.Value, cert.DelegatedBy.Value),
			fmt.Sprintf("The ISMS was certified by %s (%s) with authority delegated by %q, who is not one of the main board representatives B.3.4.6 names: %s.", who, cert.Role.Value, cert.DelegatedBy.Value, listed))
	case cert.EquivalentRef.Set:
		first := evidence.Date{}
		if smp != nil {
			first = smp.Submitted
		}
		if a := cert.EquivalentAgreed; a.Set && first.Set && a.Value.After(first.Value) {
			gap(a.Pos, fmt.Sprintf("certified by %s (%s); equivalent agreed %s, after the SMP was issued %s", who, cert.Role.Value, a, first),
				fmt.Sprintf("The Client agreed %q as an equivalent of the listed officers on %s (%s), after the Security Management Plan was first submitted on %s: an equivalent must be agreed in writing in advance of issue of the relevant Security Management Plan.",
					cert.Role.Value, day(a.Value), cert.EquivalentRef.Value, day(first.Value)))
			break
		}
		c.Outcome = Exception
		c.Detail = fmt.Sprintf("certified by %s (%s), agreed in writing by the Client as equivalent (%s)%s", who, cert.Role.Value, cert.EquivalentRef.Value, signed)
	default:
		gap(cert.Role.Pos, fmt.Sprintf("certified by %s (%s), not a listed officer", who, cert.Role.Value),
			fmt.Sprintf("The ISMS was certified by %s as %q, which is not one of the main board representatives B.3.4.6 names: %s (a Chief Information Security Officer is not among them). Record delegated_by if the signer holds the direct delegated authority of one of them, or equivalent_reference for the Client's written agreement to an equivalent.",
				who, cert.Role.Value, listed))
	}
	e.check(c)
}

func plansDocs() []Doc {
	return []Doc{
		{[]string{evidence.ParaSMPSubmitA, evidence.ParaSMPSubmitB, evidence.ParaISMSSubmit}, "",
			fmt.Sprintf("[smp] submitted (and, in Part B, [isms] submitted) on or before the %dth Working Day strictly after the Start Date. None recorded by the as-of date is due up to that day and a high finding after it; submitted later is a high finding.", planSubmitWorkingDays)},
		{[]string{evidence.ParaSMPApprovalA, evidence.ParaSMPApprovalB, evidence.ParaISMSApproval}, "",
			fmt.Sprintf("Each [[smp.non_approval]] (and, for a bespoke ISMS, [[isms.non_approval]]) is re-submitted on or before the %dth Working Day strictly after its notice date. Not re-submitted by the as-of date is due up to that day and a high finding after it; re-submitted later is a high finding.", planResubmitWorkingDays)},
		{[]string{evidence.ParaSMPApprovalA, evidence.ParaSMPApprovalB, evidence.ParaISMSApproval}, "",
			fmt.Sprintf("Approval by the %dth Working Day strictly after the first submission: the Parties use all reasonable endeavours to meet it, a joint target largely in the Client's hands. Approved later, or still not approved at the as-of date after that day, is a note (severity warning): listed with the findings, with how late, but it does not make the paragraph a gap, and the check stays \"meets\". For the ISMS, only a bespoke ISMS needs Approval (B.3.7).", planApprovalWorkingDays)},
		{[]string{evidence.ParaSMPReviewA, evidence.ParaReviewB}, "",
			fmt.Sprintf("Each document is fully reviewed at least annually: the first [[smp.review]] / [[isms.review]] completed no later than %d Months after the approval date (or the first submission, if never approved), each later one no later than %d Months after the one before (the same day %d months later, clamped to the month's end). A review that came later is a high finding; none since the last due day at the as-of date is stale.", planReviewMonths, planReviewMonths, planReviewMonths)},
		{[]string{"A.4.4.1(a)", "A.4.4.1(b)", "A.4.4.1(c)", "A.4.4.1(d)", "A.4.4.1(e)", "B.5.1.1", "B.5.1.2", "B.5.1.3", "B.5.1.4", "B.5.1.5", "B.5.1.6"}, "",
			"Each full review completed in the review period ([review] period_start up to and including the as-of date), not only the latest, lists in covers each topic the review must reflect: good-practice (A.4.4.1(a), B.5.1.1), service-changes (A.4.4.1(b), B.5.1.2), security-policy (A.4.4.1(c), B.5.1.4; only where the Security Policy applies), threats (A.4.4.1(d); B.5.1.3 and B.5.1.5, which repeat the same words) and client-requests (A.4.4.1(e), B.5.1.6). A topic a review does not list is a medium finding against its item, naming that review; a review completed before period_start is not judged."},
		{[]string{evidence.ParaSMPResultsA, evidence.ParaResultsB}, "",
			fmt.Sprintf("The results of each review go to the Client \"as soon as reasonably practicable after their completion\". The schedule sets no number of days: this tool's reading is on or before the %dth Working Day strictly after the review's completed date. Delivered later is a warning; none recorded by the as-of date is due up to that day and a medium finding after it.", planResultsWorkingDays)},
		{[]string{"A.4.4.2(a)", "A.4.4.2(b)", "A.4.4.2(c)", "B.5.2.1", "B.5.2.2", "B.5.2.3", "B.5.2.4"}, "",
			"The results of each review delivered by the as-of date record improvements (A.4.4.2(a), B.5.2.1), risk_assessment_updates (A.4.4.2(b), B.5.2.2), proposed_modifications (B.5.2.3, Part B only) and measurement_improvements (A.4.4.2(c), B.5.2.4). Each one missing is a medium finding against its item."},
		{[]string{evidence.ParaISMSExtant, evidence.ParaISMSBespoke}, "",
			"[isms] type against config.toml's bespoke_isms: an extant ISMS where the Client stipulated a bespoke one is a high finding (B.3.3.2). Where none was stipulated, an extant ISMS \"may\" be used (B.3.3.1), so an extant or a bespoke ISMS is allowed (a check that says which); the rules follow config.toml, under which B.3.3.2, B.3.4.1 and B.3.7 do not apply. No type recorded is a missing finding."},
		{[]string{evidence.ParaISMSCertified}, "",
			"[isms.certification] role is the Chief Security Officer, Chief Information Officer, Chief Technical Officer or Chief Financial Officer (CSO, CIO, CTO, CFO and \"Chief Technology Officer\" accepted; a CISO is not listed); or delegated_by names one of them (a person with their direct delegated authority); or equivalent_reference records the Client's written agreement to an equivalent (shown as an exception), made before the SMP's first submission when equivalent_agreed is given. No certification, or any other role, is a high finding."},
	}
}
