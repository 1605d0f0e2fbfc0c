package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
)

// The governance rules: the sections of the TOML evidence other than the
// Security Management Plan and the ISMS (plans.go), and the general
// evidence items (items.go).

const (
	// reviewMonths: a governance document not reviewed for longer than
	// this, at the as-of date, is stale.
	reviewMonths = 12
	// policySupplyWorkingDays: B.2.7 "on request shall supply this
	// document as soon as practicable": this tool reads that as on or
	// before the 5th Working Day after the request, as the policy already
	// exists and only needs sending.
	policySupplyWorkingDays = 5
)

// governance runs every rule on the governance sections and the items.
func (e *eval) governance() {
	docs := &e.in.Evidence.Documents
	if docs.Representatives != nil {
		e.representatives(docs.Representatives)
	}
	if docs.SecurityPolicy != nil {
		e.securityPolicy(docs.SecurityPolicy)
	}
	if docs.IncidentProcess != nil {
		e.incidentProcess(docs.IncidentProcess)
	}
	if docs.VulnerabilityPolicy != nil {
		e.vulnerabilityPolicy(docs.VulnerabilityPolicy)
	}
	if docs.AuditLogging != nil {
		e.auditLogging(docs.AuditLogging)
	}
	if len(docs.DataLocations) > 0 {
		e.dataLocations(docs.DataLocations)
	}
	if docs.CeasingToTrade != nil {
		e.ceasingToTrade(docs.CeasingToTrade)
	}
}

// review is what a document's last review shows at the as-of date.
type review struct {
	ok      bool       // reviewed, and not more than reviewMonths before the as-of date
	current *Judgement // its currency; nil when not judged
	detail  string
}

// govReview judges a document's last review: current up to and including
// reviewMonths Months after it; stale from the day after. A review dated
// after the as-of date is invalid. It raises the findings against each
// paragraph in paras, or, for a current document, records its next review
// as an obligation of each.
func (e *eval) govReview(paras []string, source, subject, what string, d evidence.Date) review {
	if !d.Set {
		return review{ok: true, detail: "last review unreadable"} // reported as invalid already
	}
	asOf := e.in.AsOf
	if d.Value.After(asOf) {
		for _, p := range paras {
			e.finding(Finding{Paragraph: p, Kind: Invalid, Severity: Medium, Subject: subject, Pos: d.Pos,
				Message: fmt.Sprintf("last_reviewed (%s) is after the as-of date (%s): a review cannot be dated in the future.", day(d.Value), day(asOf))})
		}
		return review{detail: fmt.Sprintf("last reviewed %s, after the as-of date", d)}
	}
	j := e.after(months(reviewMonths), d.Value).Current(asOf)
	r := review{ok: j.Outcome == OK, current: &j}
	if r.ok {
		r.detail = fmt.Sprintf("last reviewed %s, next review due by %s", d, j.Due.Format(time.DateOnly))
		for _, p := range paras {
			e.owe(Check{Paragraph: p, Source: source, Subject: subject, Pos: d.Pos}, "review "+what, j.Deadline)
		}
		return r
	}
	r.detail = fmt.Sprintf("last reviewed %s, review was due by %s", d, j.Due.Format(time.DateOnly))
	for _, p := range paras {
		e.finding(Finding{Paragraph: p, Kind: Stale, Severity: Medium, Subject: subject, Pos: d.Pos,
			Message: fmt.Sprintf("%s was last reviewed on %s, more than %s before %s: it was due for review by %s (%s overdue).",
				capitalise(what), day(d.Value), months(reviewMonths), day(asOf), day(j.Due), j.Over())})
	}
	return r
}

// checkEach records the check once for each paragraph.
func (e *eval) checkEach(paras []string, c Check) {
	for _, p := range paras {
		c.Paragraph = p
		e.check(c)
	}
}

// reviewCheck is the check of a document whose last review is r, with
// further problems (gaps) and notes (details).
func reviewCheck(kind, subject string, src diag.Pos, r review, gaps []string, notes ...string) Check {
	c := Check{Source: kind, Subject: subject, Pos: src, Outcome: OK}
	if r.current != nil {
		c = r.current.stamp(c)
	}
	if !r.ok || len(gaps) > 0 {
		c.Outcome = Gap
	}
	c.Detail = strings.Join(append(append([]string{r.detail}, gaps...), notes...), "; ")
	return c
}

// representatives: B.2.3. The Parties each appoint a security
// representative; the schedule's placeholders (B.2.3.1, B.2.3.2) must name
// them.
func (e *eval) representatives(r *evidence.Representatives) {
	const subject = "representatives"
	var gaps []string
	for _, side := range []struct {
		rep   *evidence.Representative
		para  string
		party string
		table string
		sev   Severity
	}{
		{r.Client, evidence.ParaClientRep, "the Client", "[representatives.client]", Medium},
		{r.Agency, evidence.ParaAgencyRep, "the Agency", "[representatives.agency]", High},
	} {
		src, problem := r.Pos, ""
		switch rep := side.rep; {
		case rep == nil:
			problem = fmt.Sprintf("no %s table: the security representative of %s is not recorded", side.table, side.party)
		case rep.Name.Invalid:
			continue // reported as invalid already
		case !rep.Name.Set:
			src, problem = rep.Name.Pos, fmt.Sprintf("the security representative of %s has no name", side.party)
		case rep.Placeholder:
			src, problem = rep.Name.Pos, fmt.Sprintf("the security representative of %s is still the placeholder %q", side.party, rep.Name.Value)
		case rep.Appointed.Set && rep.Appointed.Value.After(e.in.AsOf):
			src, problem = rep.Appointed.Pos, fmt.Sprintf("the security representative of %s, %s, is appointed only from %s", side.party, rep.Name.Value, day(rep.Appointed.Value))
		}
		c := Check{Source: "representatives", Subject: subject, Pos: src, Outcome: OK}
		if problem == "" {
			c.Detail = side.rep.Name.Value
			if side.rep.Role.Set {
				c.Detail += ", " + side.rep.Role.Value
			}
			if side.rep.Appointed.Set {
				c.Detail += ", appointed " + side.rep.Appointed.String()
			}
			e.checkEach([]string{side.para}, c)
			continue
		}
		gaps = append(gaps, problem)
		c.Outcome, c.Detail = Gap, problem
		e.checkEach([]string{side.para}, c)
		for _, p := range []string{side.para, evidence.ParaRepresentatives} {
			e.finding(Finding{Paragraph: p, Kind: Violation, Severity: side.sev, Subject: subject, Pos: src,
				Message: capitalise(problem) + ": the Parties shall each appoint a security representative responsible for Security (B.2.3), named in Paragraphs 2.3.1 and 2.3.2."})
		}
	}
	c := Check{Source: "representatives", Subject: subject, Pos: r.Pos, Outcome: OK, Detail: "both Parties' security representatives named"}
	if len(gaps) > 0 {
		c.Outcome, c.Detail = Gap, strings.Join(gaps, "; ")
	}
	e.checkEach([]string{evidence.ParaRepresentatives}, c)
}

// securityPolicy: B.2.7. The Agency's security policy is maintained up to
// date (reviewed at least every 12 Months) and supplied to the Client on
// request within policySupplyWorkingDays.
func (e *eval) securityPolicy(s *evidence.SecurityPolicy) {
	const subject = "security_policy"
	paras := []string{evidence.ParaSecurityPolicy}
	r := e.govReview(paras, "security-policy", subject, "the security policy", s.LastReviewed)
	var notes []string
	if s.Version.Set {
		notes = append(notes, "version "+s.Version.Value)
	}
	e.checkEach(paras, reviewCheck("security-policy", subject, s.LastReviewed.Pos, r, nil, notes...))
	for i, q := range s.Requests {
		e.policyRequest(fmt.Sprintf("%s.request[%d]", subject, i+1), q)
	}
}

// policyRequest: B.2.7 "on request shall supply this document as soon as
// practicable to the Client".
func (e *eval) policyRequest(subject string, q evidence.PolicyRequest) {
	if !e.has(evidence.ParaSecurityPolicy) || !q.Requested.Set || q.Supplied.Invalid || q.Requested.Value.After(e.in.AsOf) {
		return
	}
	d := e.after(workingDays(policySupplyWorkingDays), q.Requested.Value)
	got := q.Supplied
	pos := got.Pos
	if _, ok := e.happened(got); !ok {
		pos = q.Requested.Pos // no supplied line to point at
	}
	reading := fmt.Sprintf("%s after the request, this tool's reading of \"as soon as practicable\"", d.Period)
	e.judgeDuty(duty{
		check:    Check{Paragraph: evidence.ParaSecurityPolicy, Source: "security-policy", Subject: subject, Pos: pos},
		what:     "supply the security policy on request",
		deadline: d, done: got, severity: High, lateSeverity: Low,
		pending: fmt.Sprintf("requested %s; due by %s", q.Requested, d.Due.Format(time.DateOnly)),
		missing: fmt.Sprintf("requested %s; not supplied", q.Requested),
		met:     fmt.Sprintf("requested %s, supplied %s", q.Requested, got),
		missed:  fmt.Sprintf("The Client requested the security policy on %s and it has not been supplied: it was due by %s (%s).", day(q.Requested.Value), day(d.Due), reading),
		late: func(over string) string {
			return fmt.Sprintf("The security policy was supplied on %s, %s late: the Client requested it on %s, so it was due by %s (%s).", day(got.Value), over, day(q.Requested.Value), day(d.Due), reading)
		},
	})
}

// incidentProcess: B.3.4.4 (and, in Part A, evidence for A.5.1). The
// process and response plans are documented and reviewed at least every
// 12 Months; Part B asks for at least one response plan.
func (e *eval) incidentProcess(ip *evidence.IncidentProcess) {
	const subject = "incident_process"
	paras := []string{evidence.ParaIncidentProcess, evidence.ParaNotifyA}
	r := e.govReview(paras, "incident-process", subject, "the incident management process", ip.LastReviewed)
	var gaps []string
	if len(ip.ResponsePlans) == 0 && e.has(evidence.ParaIncidentProcess) {
		gaps = append(gaps, "no incident response plans")
		e.finding(Finding{Paragraph: evidence.ParaIncidentProcess, Kind: Violation, Severity: High, Subject: subject, Pos: ip.ResponsePlansPos,
			Message: "No incident response plans listed (response_plans): the ISMS shall document the security incident management processes and incident response plans."})
	}
	var notes []string
	if len(ip.ResponsePlans) > 0 {
		notes = append(notes, fmt.Sprintf("%d response plan%s: %s", len(ip.ResponsePlans), plural(len(ip.ResponsePlans)), strings.Join(ip.ResponsePlans, ", ")))
	}
	e.checkEach([]string{evidence.ParaIncidentProcess}, reviewCheck("incident-process", subject, ip.LastReviewed.Pos, r, gaps, notes...))
	e.checkEach([]string{evidence.ParaNotifyA}, reviewCheck("incident-process", subject, ip.LastReviewed.Pos, r, nil))
}

// vulnerabilityPolicy: B.3.4.5. The policy documents the seven things the
// paragraph lists, and is reviewed at least every 12 Months (it is part of
// the ISMS, which B.5.1 has reviewed at least annually).
func (e *eval) vulnerabilityPolicy(v *evidence.VulnerabilityPolicy) {
	const subject = "vulnerability_policy"
	paras := []string{evidence.ParaVulnPolicy}
	if !e.has(evidence.ParaVulnPolicy) {
		return
	}
	r := e.govReview(paras, "vulnerability-policy", subject, "the vulnerability management policy", v.LastReviewed)
	var gaps []string
	if v.CoversSet {
		for _, p := range evidence.VulnerabilityProcesses() {
			if v.Covered(p.Name) {
				continue
			}
			gaps = append(gaps, "does not cover "+p.Name)
			e.finding(Finding{Paragraph: evidence.ParaVulnPolicy, Kind: Violation, Severity: High, Subject: subject, Pos: v.CoversPos,
				Message: fmt.Sprintf("The vulnerability management policy does not document %s (%q is not in covers).", p.Text, p.Name)})
		}
	}
	var notes []string
	if v.CoversSet {
		notes = append(notes, fmt.Sprintf("covers %d of %d", len(v.Covers), len(evidence.VulnerabilityProcesses())))
	}
	e.checkEach(paras, reviewCheck("vulnerability-policy", subject, v.CoversPos, r, gaps, notes...))
}

// auditLogging: Annex 1 7.1, 8.1.1, 8.1.2 and 8.3.
func (e *eval) auditLogging(a *evidence.AuditLogging) {
	const subject, kind = "audit_logging", "audit-logging"

	if a.RetentionSet && e.has(evidence.ParaAuditRetention) {
		c := Check{Paragraph: evidence.ParaAuditRetention, Source: kind, Subject: subject, Pos: a.RetentionPos, Outcome: OK,
			Detail: fmt.Sprintf("audit records kept %d Month%s (at least %d required)", a.RetentionMonths, plural(a.RetentionMonths), evidence.MinRetentionMonths)}
		if a.RetentionMonths < evidence.MinRetentionMonths {
			c.Outcome = Gap
			e.finding(Finding{Paragraph: evidence.ParaAuditRetention, Kind: Violation, Severity: High, Subject: subject, Pos: a.RetentionPos,
				Message: fmt.Sprintf("Audit records are kept for %d Month%s: they must be kept for at least %d Months.", a.RetentionMonths, plural(a.RetentionMonths), evidence.MinRetentionMonths)})
		}
		e.check(c)
	}

	if a.SourcesSet && e.has(evidence.ParaAuditSources) {
		src := a.SourcesPos
		var have, na, gaps []string
		for _, s := range evidence.LogSources() {
			reason, listed := a.NotApplicableReason(s.Name)
			switch {
			case a.Collects(s.Name):
				have = append(have, s.Text)
			case listed && reason.Set:
				na = append(na, s.Text+" not applicable ("+reason.Value+")")
			case listed:
				// The reason is missing: reported as invalid already.
			default:
				gaps = append(gaps, "no logs from "+s.Text)
				e.finding(Finding{Paragraph: evidence.ParaAuditSources, Kind: Violation, Severity: Medium, Subject: subject, Pos: src,
					Message: fmt.Sprintf("No logs from %s (%q is not in sources): to the extent the design allows, they must be collected; if the design does not allow it, list it in not_applicable_sources with the reason.", s.Text, s.Name)})
			}
		}
		c := Check{Paragraph: evidence.ParaAuditSources, Source: kind, Subject: subject, Pos: src, Outcome: OK}
		var parts []string
		if len(have) > 0 {
			parts = append(parts, "logs from "+strings.Join(have, ", "))
		}
		parts = append(parts, na...)
		parts = append(parts, gaps...)
		if len(gaps) > 0 {
			c.Outcome = Gap
		}
		c.Detail = strings.Join(parts, "; ")
		e.check(c)
	}

	if a.EventsSet && e.has(evidence.ParaAuditEvents) {
		var gaps []string
		for _, ev := range evidence.SecurityEvents() {
			if a.Records(ev.Name) {
				continue
			}
			gaps = append(gaps, "no "+ev.Text)
			e.finding(Finding{Paragraph: evidence.ParaAuditEvents, Kind: Violation, Severity: High, Subject: subject, Pos: a.EventsPos,
				Message: fmt.Sprintf("The audit records do not include %s (%q is not in events).", ev.Text, ev.Name)})
		}
		c := Check{Paragraph: evidence.ParaAuditEvents, Source: kind, Subject: subject, Pos: a.EventsPos, Outcome: OK,
			Detail: fmt.Sprintf("%d of %d security events recorded", len(a.Events), len(evidence.SecurityEvents()))}
		if len(gaps) > 0 {
			c.Outcome, c.Detail = Gap, c.Detail+"; "+strings.Join(gaps, "; ")
		}
		e.check(c)
	}

	if k := a.AccessRecordsKept; k.Set && e.has(evidence.ParaAccessControl) {
		c := Check{Paragraph: evidence.ParaAccessControl, Source: kind, Subject: subject, Pos: k.Pos, Outcome: OK, Detail: "an audit record of accesses is kept"}
		if !k.Value {
			c.Outcome, c.Detail = Gap, "no audit record of accesses"
			e.finding(Finding{Paragraph: evidence.ParaAccessControl, Kind: Violation, Severity: High, Subject: subject, Pos: k.Pos,
				Message: "access_records_kept is false: the Agency shall retain an audit record of accesses to the ICT Environment."})
		}
		e.check(c)
	}
}

// dataLocations: Annex 1 3.1. Each location states its legal and
// regulatory regime, and together they say where data is stored,
// processed and managed from.
func (e *eval) dataLocations(locs []evidence.DataLocation) {
	const para = evidence.ParaDataLocations
	if !e.has(para) {
		return
	}
	seen := map[string]bool{}
	for i, d := range locs {
		subject := d.Place.Value
		if subject == "" {
			subject = fmt.Sprintf("data_location[%d]", i+1)
		}
		for _, a := range d.Activities {
			seen[a] = true
		}
		c := Check{Paragraph: para, Source: "data-locations", Subject: subject, Pos: d.Regime.Pos, Outcome: OK}
		acts := strings.Join(d.Activities, ", ")
		switch {
		case d.Regime.Invalid:
			continue
		case !d.Regime.Set:
			c.Outcome, c.Detail = Gap, acts+"; no legal and regulatory regime stated"
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: subject, Pos: d.Regime.Pos,
				Message: "No legal and regulatory regime (regime) for this location: the Agency must be able to state what legal and regulatory regimes Government Data is subject to at all times."})
		default:
			c.Detail = acts + "; under " + d.Regime.Value
		}
		e.check(c)
	}
	for _, a := range evidence.DataActivities() {
		if !seen[a.Name] {
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: "data_location", Pos: locs[0].Pos,
				Message: fmt.Sprintf("No data location where Government Data is %s (no [[data_location]] lists %q): the Agency must be able to state where data may be stored, processed and managed from.", a.Text, a.Name)})
		}
	}
}

// ceasingToTrade: Annex 1 3.3.2. A documented process, reviewed at least
// every 12 Months.
func (e *eval) ceasingToTrade(c *evidence.CeasingToTrade) {
	const subject = "ceasing_to_trade"
	paras := []string{evidence.ParaCeasingToTrade}
	if !e.has(evidence.ParaCeasingToTrade) {
		return
	}
	r := e.govReview(paras, "ceasing-to-trade", subject, "the ceasing-to-trade process", c.LastReviewed)
	var notes []string
	if c.Summary.Set {
		notes = append(notes, c.Summary.Value)
	}
	e.checkEach(paras, reviewCheck("ceasing-to-trade", subject, c.LastReviewed.Pos, r, nil, notes...))
}

func governanceDocs() []Doc {
	return []Doc{
		{[]string{"B.2.3", "B.2.3.1", "B.2.3.2"}, "", "[representatives]: each Party's security representative is named (not the schedule's \"[insert ...]\" placeholder, not empty, not TBC) and, where an appointed date is given, appointed on or before the as-of date. A missing Agency representative is a high finding, a missing Client representative a medium one (the appointment is the Client's), each against B.2.3 and the placeholder's paragraph."},
		{[]string{"B.2.7"}, "", fmt.Sprintf("[security_policy]: the policy is current up to and including %d Months after last_reviewed, and stale from the day after (\"up-to-date maintenance\"). Each [[security_policy.request]] is supplied on or before the %dth Working Day strictly after the request (this tool's reading of \"as soon as practicable\"): not supplied after that day is a high finding, supplied late a low one, not supplied before it is due.", reviewMonths, policySupplyWorkingDays)},
		{[]string{"B.3.4.4", "A.5.1"}, "", fmt.Sprintf("[incident_process]: the incident management process and response plans are current up to and including %d Months after last_reviewed, stale from the day after; Part B needs at least one response plan named in response_plans.", reviewMonths)},
		{[]string{"B.3.4.5"}, "", fmt.Sprintf("[vulnerability_policy]: covers names all seven things the paragraph lists (identification, impact-assessment, patch-prioritisation, patch-testing, patch-application, exception-approval, efficacy-reporting); each one missing is a high finding. The policy is current up to and including %d Months after last_reviewed (it is part of the ISMS, reviewed at least annually under B.5.1), stale from the day after.", reviewMonths)},
		{[]string{"B.Annex1.8.3"}, "", fmt.Sprintf("[audit_logging] retention_months is at least %d; fewer is a high finding (%d exactly is compliant).", evidence.MinRetentionMonths, evidence.MinRetentionMonths)},
		{[]string{"B.Annex1.8.1.1"}, "", "[audit_logging] sources includes DHCP servers, HTTP/HTTPS proxy servers, firewalls and routers, \"to the extent the design allows\": a source neither collected nor listed in not_applicable_sources with a reason is a medium finding."},
		{[]string{"B.Annex1.8.1.2"}, "", "[audit_logging] events includes privileged account log-on and log-off, the start and termination of remote access sessions, security alerts from desktop and from server operating systems, and security alerts from third party security software; each one missing is a high finding."},
		{[]string{"B.Annex1.7.1"}, "", "[audit_logging] access_records_kept is true: an audit record of accesses is retained; false is a high finding."},
		{[]string{"B.Annex1.3.1"}, "", "[[data_location]]: each location states its legal and regulatory regime (none is a high finding), and together the locations say where Government Data is stored, processed and managed from (an activity no location lists is a high finding)."},
		{[]string{"B.Annex1.3.3.2"}, "", fmt.Sprintf("[ceasing_to_trade]: the documented process is current up to and including %d Months after last_reviewed, stale from the day after.", reviewMonths)},
	}
}
