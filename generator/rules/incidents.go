package rules

import (
	"fmt"
	"slices"

	"github.com/agency/evidence-site/generator/evidence"
)

// The periods this tool reads into the schedule's words for incidents.
const (
	// notifyWorkingDays: A.5.1 / B.8.1 "upon becoming aware": on the day
	// of awareness or the next Working Day.
	notifyWorkingDays = 1
	// dataWorkingDays: B.8.2.1(e) "within two (2) Working Days".
	dataWorkingDays = 2
	// reportWorkingDays: B.8.2.1(f) "as soon as reasonably practicable",
	// read as B.6.2's "as soon as practicable" is.
	reportWorkingDays = resultsWorkingDays
)

// incidents checks the Security Breach paragraphs against the incident
// register: Part A paragraph 5 or Part B paragraph 8, whichever the form
// has.
func (e *eval) incidents() {
	notify := e.firstInForm(evidence.ParaNotifyB, evidence.ParaNotifyA)
	report := e.firstInForm(evidence.ParaReportB, evidence.ParaReportA)
	recur := e.firstInForm(evidence.ParaRecurB, evidence.ParaRecurA)
	for _, in := range e.in.Evidence.Incidents {
		if e.incidentLater(in, notify, report, recur) {
			continue
		}
		if notify != "" {
			e.incidentNotified(notify, in)
		}
		if e.has(evidence.ParaDataB) {
			e.incidentData(in)
		}
		switch report {
		case evidence.ParaReportB:
			e.incidentReportB(in)
		case evidence.ParaReportA:
			e.incidentReportA(in)
		}
	}
	if recur != "" {
		e.recurringCauses(recur)
	}
}

// incidentLater lists an incident the Agency became aware of after the
// as-of date under each paragraph that would judge it, and reports whether
// it did: as of then it had not happened, so it is not judged (nor
// compared for a recurring root cause).
func (e *eval) incidentLater(in evidence.Incident, notify, report, recur string) bool {
	if !in.Aware.Set || !in.Aware.Value.After(e.in.AsOf) {
		return false
	}
	paras := []string{notify}
	if report == evidence.ParaReportB && in.Type.Value != evidence.IncidentPotential {
		paras = append(paras, report)
	}
	if in.DataRequested.Set && e.has(evidence.ParaDataB) {
		paras = append(paras, evidence.ParaDataB)
	}
	if in.RootCause.Set {
		paras = append(paras, recur)
	}
	for _, para := range paras {
		if para != "" {
			e.later(Check{Paragraph: para, Source: "incidents", Subject: in.ID}, "aware", in.Aware)
		}
	}
	return true
}

// firstInForm returns the first of ids that the form has, or "".
func (e *eval) firstInForm(ids ...string) string {
	for _, id := range ids {
		if e.has(id) {
			return id
		}
	}
	return ""
}

// incidentNotified: A.5.1 / B.8.1. Every actual, potential or attempted
// Breach of Security is notified to the Client "upon becoming aware": this
// tool reads that as on the Aware On day or the first Working Day after
// it (a notification dated before Aware On is invalid evidence).
func (e *eval) incidentNotified(para string, in evidence.Incident) {
	if !in.Aware.Set {
		return
	}
	aware, got := in.Aware.Value, in.Notified
	d := e.after(workingDays(notifyWorkingDays), aware)
	rule := fmt.Sprintf("incidents are notified upon becoming aware: this tool reads that as on the day or by the next Working Day, here %s", d.On())
	e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: "incidents", Subject: in.ID, Pos: got.Pos},
		what:     "notify the Client of the incident",
		deadline: d, done: got, severity: High,
		pending: fmt.Sprintf("aware %s; notification due by %s", in.Aware, d.Date()),
		missing: fmt.Sprintf("aware %s; no notification recorded", in.Aware),
		met:     fmt.Sprintf("aware %s, notified %s", in.Aware, got),
		missed:  fmt.Sprintf("No Notified On date: the Agency became aware of this %s incident on %s, and %s.", in.Type.Value, day(aware), rule),
		late: func(over string) string {
			return fmt.Sprintf("Notified on %s, %s late: the Agency became aware on %s, and %s.", day(got.Value), over, day(aware), rule)
		},
	})
}

// incidentData: B.8.2.1(e). Data the Client requests is supplied within 2
// Working Days: on or before the 2nd Working Day strictly after the day of
// the request.
func (e *eval) incidentData(in evidence.Incident) {
	req, got := in.DataRequested, in.DataSupplied
	if !req.Set {
		return // no request, or one that cannot be read: no deadline to judge by
	}
	if e.later(Check{Paragraph: evidence.ParaDataB, Source: "incidents", Subject: in.ID}, "data requested", req) {
		return
	}
	d := e.after(workingDays(dataWorkingDays), req.Value)
	e.judgeDuty(duty{
		check:    Check{Paragraph: evidence.ParaDataB, Source: "incidents", Subject: in.ID, Pos: got.Pos},
		what:     "supply the data the Client requested",
		deadline: d, done: got, severity: High,
		pending: fmt.Sprintf("data requested %s; due by %s", req, d.Date()),
		missing: fmt.Sprintf("data requested %s; not supplied", req),
		met:     fmt.Sprintf("data requested %s, supplied %s", req, got),
		missed:  fmt.Sprintf("No Data Supplied On date: the Client requested data on %s, due within %s, by %s.", day(req.Value), d.Period, d.On()),
		late: func(over string) string {
			return fmt.Sprintf("Data supplied on %s, %s late: the Client requested it on %s, so it was due within %s, by %s.", day(got.Value), over, day(req.Value), d.Period, d.On())
		},
	})
}

// incidentReportB: B.8.2.1(f). Full details of an actual or attempted
// Breach of Security (the paragraph does not name potential ones) "as soon
// as reasonably practicable": this tool reads that as within 10 Working
// Days after Aware On. A report on a potential breach is shown, not
// required.
func (e *eval) incidentReportB(in evidence.Incident) {
	const para = evidence.ParaReportB
	got := in.ReportDelivered
	if !in.Aware.Set || !in.Type.Set {
		return
	}
	if in.Type.Value == evidence.IncidentPotential {
		if got.Set {
			e.check(Check{Paragraph: para, Source: "incidents", Subject: in.ID, Pos: got.Pos, Outcome: OK,
				Detail: fmt.Sprintf("potential breach (no report required); report delivered %s", got)})
		}
		return
	}
	aware := in.Aware.Value
	d := e.after(workingDays(reportWorkingDays), aware)
	rule := fmt.Sprintf("due by %s, %s after the Agency became aware on %s (this tool's reading of \"as soon as reasonably practicable\")", d.On(), d.Period, day(aware))
	e.judgeDuty(duty{
		check:    Check{Paragraph: para, Source: "incidents", Subject: in.ID, Pos: got.Pos},
		what:     "deliver the full incident report",
		deadline: d, done: got, severity: High, lateSeverity: Low,
		pending: fmt.Sprintf("aware %s; full report due by %s", in.Aware, d.Date()),
		missing: fmt.Sprintf("aware %s; no full report delivered", in.Aware),
		met:     fmt.Sprintf("aware %s, report delivered %s", in.Aware, got),
		missed:  fmt.Sprintf("No Report Delivered On date: full details of this %s Breach of Security, with a root cause analysis where the Client requires one, were %s.", in.Type.Value, rule),
		late: func(over string) string {
			return fmt.Sprintf("Full report delivered on %s, %s late: it was %s.", day(got.Value), over, rule)
		},
	})
}

// incidentReportA: A.5.2.1(d). Full details only "where the Client so
// requests", and the register does not record that request: a delivered
// report is shown as evidence; a missing one is not a gap.
func (e *eval) incidentReportA(in evidence.Incident) {
	const para = evidence.ParaReportA
	if got := in.ReportDelivered; got.Set {
		e.check(Check{Paragraph: para, Source: "incidents", Subject: in.ID, Pos: got.Pos, Outcome: OK,
			Detail: fmt.Sprintf("full report delivered %s", got)})
	}
}

// recurringCauses: A.5.2.1(c) / B.8.2.1(d). An incident whose Root Cause
// is that of an incident the Agency became aware of on an earlier day
// (ignoring case and spaces) shows the earlier root cause was not
// prevented: flagged against the later incident, naming the earlier.
func (e *eval) recurringCauses(para string) {
	var list []evidence.Incident
	for _, in := range e.in.Evidence.Incidents {
		if in.Aware.Set && in.RootCause.Set && !in.Aware.Value.After(e.in.AsOf) {
			list = append(list, in)
		}
	}
	slices.SortStableFunc(list, func(a, b evidence.Incident) int { return a.Aware.Value.Compare(b.Aware.Value) })
	causes := make([]string, len(list))
	for i := range list {
		causes[i] = evidence.Fold(list[i].RootCause.Value)
	}
	// latest holds, by root cause, the latest incident of the days before
	// the one being judged: one pass, however many incidents.
	latest := map[string]*evidence.Incident{}
	first := 0 // the first incident of the day being judged
	for i, in := range list {
		if !in.Aware.Value.Equal(list[first].Aware.Value) {
			for k := first; k < i; k++ {
				latest[causes[k]] = &list[k]
			}
			first = i
		}
		earlier := latest[causes[i]]
		c := Check{Paragraph: para, Source: "incidents", Subject: in.ID, Pos: in.RootCause.Pos, Outcome: OK,
			Detail: fmt.Sprintf("root cause %q not seen in an earlier incident", in.RootCause.Value)}
		if earlier != nil {
			c.Outcome = Gap
			c.Detail = fmt.Sprintf("root cause %q, as in %s (aware %s)", in.RootCause.Value, earlier.ID, earlier.Aware)
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: in.ID, Pos: in.RootCause.Pos,
				Message: fmt.Sprintf("Same root cause as %s (aware on %s): %q. The Agency must prevent a further breach, potential or attempted breach exploiting the same root cause failure; this incident (aware on %s) shows it recurred.",
					earlier.ID, day(earlier.Aware.Value), earlier.RootCause.Value, day(in.Aware.Value))})
		}
		e.check(c)
	}
}

func incidentsDocs() []Doc {
	const reg = "incidents"
	return []Doc{
		{[]string{evidence.ParaNotifyA, evidence.ParaNotifyB}, reg, "Every actual, potential or attempted Breach of Security notified to the Client \"upon becoming aware\": this tool reads that as a Notified On date on the Aware On day or the first Working Day after it (a weekend or bank holiday in between does not count). Not yet notified by then is due; no notification after it, or a later one, is a finding. A Notified On date before Aware On, or one that cannot be read, is invalid and counts as not notified. " +
			"An incident the Agency became aware of after the as-of date had not happened as of then: it is listed as after the as-of date (outcome later) under this paragraph and the other incident paragraphs, judged under none, and not compared for a recurring root cause."},
		{[]string{evidence.ParaDataB}, reg, "Data the Client (or GovCertUK) requests supplied within " + workingDays(dataWorkingDays).String() + ": Data Supplied On on or before the last of them, counted strictly after Data Requested On (a Thursday request is due by Monday, across a weekend; one on Friday 22 May 2026 by Wednesday 27 May, across the Spring bank holiday). A Data Supplied On date that cannot be read, or is before the request, is invalid and counts as not supplied; an unreadable Data Requested On leaves no deadline, and one after the as-of date is listed as after it (outcome later), not judged. Part A has no such paragraph."},
		{[]string{evidence.ParaReportB}, reg, "Full details (with a root cause analysis where the Client requires one) of every actual or attempted Breach of Security (the paragraph does not name potential ones) \"as soon as reasonably practicable\": this tool reads that as a Report Delivered On date within " + workingDays(reportWorkingDays).String() + " after Aware On. Within that period a missing report is due; past it, a finding (high); delivered after it, a low-severity finding. A Report Delivered On date that cannot be read, or is before Aware On, is invalid and counts as not delivered."},
		{[]string{evidence.ParaReportA}, reg, "Part A asks for full details only \"where the Client so requests\", and the register does not record requests: a delivered report is shown as evidence, a missing one is not a gap."},
		{[]string{evidence.ParaRecurA, evidence.ParaRecurB}, reg, "An incident whose Root Cause (ignoring case and spaces) is that of an incident the Agency became aware of on an earlier day is flagged against the later incident, naming the earlier one: the same root cause was not prevented from recurring. Incidents with the same Aware On day are not compared (they are usually one event)."},
	}
}
