package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// The patching periods of B.9.3 and the extension of B.9.3.2.
const (
	criticalPatchDays     = 14 // 'Critical' within 14 days of release
	importantPatchDays    = 30 // 'Important' within 30 days of release
	otherPatchWorkingDays = 60 // all 'Other' within 60 Working Days of release
	patchExtensionDays    = 5  // 9.3.2: a further 5 days
)

// patching checks Part B paragraphs 9.2 and 9.3, with the exceptions of
// 9.3.1-9.3.3, against the vulnerability register. Every miss of 9.3 is
// also a Default under 9.7: one critical finding against 9.3 says what was
// missed, and one against 9.7 names the same vulnerability as a Default,
// so that both paragraphs show it and the gaps list has it at the top.
func (e *eval) patching() {
	for _, v := range e.in.Evidence.Vulnerabilities {
		e.patchSeverity(v)
		adj := e.patchException(v)
		e.patchPeriod(v, adj)
	}
}

// normalPeriod is the normal period of B.9.3 for category c.
func normalPeriod(c evidence.Category) Period {
	switch c {
	case evidence.CategoryCritical:
		return days(criticalPatchDays)
	case evidence.CategoryImportant:
		return days(importantPatchDays)
	}
	return workingDays(otherPatchWorkingDays)
}

// patchPeriodText describes the normal period of a category, counted from
// "release" or another start.
func patchPeriodText(c evidence.Category, from string) string {
	p := normalPeriod(c)
	if p.Unit == WorkingDays {
		return "due within " + p.String() + " after " + from
	}
	return "due " + p.String() + " after " + from
}

// patchSeverity: B.9.2. The severity is categorised Critical, Important or
// Other; the check shows how the rating given maps to the category. An
// unreadable severity is an invalid finding already.
func (e *eval) patchSeverity(v evidence.Vulnerability) {
	if !e.has(evidence.ParaSeverity) || !v.Severity.Set {
		return
	}
	r := v.Severity.Value
	e.check(Check{Paragraph: evidence.ParaSeverity, Source: "vulnerabilities", Subject: v.ID, Pos: v.Severity.Pos, Outcome: OK,
		Detail: "severity " + r.String() + ": " + patchPeriodText(r.Category, "release")})
}

// patchAdjust is what a row's exception does to its patching period.
type patchAdjust struct {
	// notes say which unreadable cells (each an invalid finding already)
	// the row was judged without, and how: the stricter reading, so that a
	// bad cell never hides a miss.
	notes []string
	// notExploitable: a demonstrated not-exploitable exception (9.3.1);
	// exploitable is the day it became exploitable, when it did.
	notExploitable bool
	exploitable    evidence.Date
	ref            string
	// extension: a valid 5-day extension (9.3.2), with its test plan.
	extension bool
	testPlan  string
	// agreedDays: a valid Client-agreed period (9.3.3), in days.
	agreedDays int
}

// patchException checks the exception a row claims (9.3.1-9.3.3) and
// returns what it does to the period. An exception whose conditions are
// not met is a finding against its paragraph, and the normal period
// applies. So does one that cannot be read: an unreadable Exception is
// none, an unreadable Exploitable Since or Agreed Days leaves the normal
// period from the release.
func (e *eval) patchException(v evidence.Vulnerability) patchAdjust {
	adj := patchAdjust{ref: v.ExceptionRef.Value}
	if v.Exception.Invalid {
		adj.notes = append(adj.notes, "the Exception cannot be read, so none is relied on")
	}
	cat := v.Severity.Value.Category
	base := Check{Source: "vulnerabilities", Subject: v.ID, Pos: v.Exception.Pos}
	gap := func(c Check, para string, src Finding, detail string) Check {
		c.Paragraph, c.Outcome, c.Detail = para, Gap, detail
		src.Paragraph, src.Kind, src.Severity, src.Subject = para, Violation, Medium, v.ID
		e.finding(src)
		return c
	}
	switch v.Exception.Value {
	case evidence.PatchNotExploitable:
		const para = evidence.ParaNotExploitable
		c := base
		c.Paragraph = para
		since := v.ExploitableSince
		switch {
		case !v.ExceptionRef.Set:
			c = gap(c, para, Finding{Pos: v.ExceptionRef.Pos,
				Message: "Exception not-exploitable with no Exception Reference: the Agency must be able to demonstrate that the vulnerability is not exploitable in the Services (9.3.1); without it the normal period from the patch's release applies."},
				"not-exploitable claimed with no reference; the normal period applies")
		case since.Invalid:
			adj.notes = append(adj.notes, "Exploitable Since cannot be read, so the normal period runs from the release")
			return adj
		default:
			adj.notExploitable, adj.exploitable = true, since
			switch {
			case since.Set && !since.Value.After(e.in.AsOf):
				c.Outcome = OK
				c.Detail = fmt.Sprintf("not exploitable (%s) until %s: the normal period runs from then", adj.ref, since)
				c.Pos = since.Pos
			case since.Set:
				c.Outcome = Exception
				c.Detail = fmt.Sprintf("not exploitable in the Services (%s); exploitable from %s, after the as-of date", adj.ref, since)
			default:
				c.Outcome = Exception
				c.Detail = fmt.Sprintf("not exploitable in the Services (%s): no patching deadline runs while it stays so", adj.ref)
			}
		}
		e.check(c)
	case evidence.PatchExtension:
		const para = evidence.ParaExtension
		c := base
		c.Paragraph = para
		switch {
		case v.Severity.Set && cat == evidence.CategoryOther:
			c = gap(c, para, Finding{Pos: v.Exception.Pos,
				Message: fmt.Sprintf("Extension claimed for an Other vulnerability (severity %s): 9.3.2 grants %d more days only to Critical and Important patches, so the normal %s apply.", v.Severity.Value, patchExtensionDays, workingDays(otherPatchWorkingDays))},
				"extension claimed for an Other vulnerability; the normal period applies")
		case !v.TestPlanRef.Set:
			c.Pos = v.TestPlanRef.Pos
			c = gap(c, para, Finding{Pos: v.TestPlanRef.Pos,
				Message: fmt.Sprintf("Extension claimed with no Test Plan Reference: the %d-day extension of 9.3.2 needs the security patch test plan agreed with the Client to have been followed; the normal period applies.", patchExtensionDays)},
				"extension claimed with no test plan reference; the normal period applies")
		case !v.Severity.Set:
			return adj // the category is unknown: nothing to judge
		default:
			adj.extension, adj.testPlan = true, v.TestPlanRef.Value
			c.Outcome, c.Pos = OK, v.TestPlanRef.Pos
			c.Detail = fmt.Sprintf("%d-day extension for a %s patch, following test plan %s", patchExtensionDays, cat, adj.testPlan)
		}
		e.check(c)
	case evidence.PatchClientAgreed:
		const para = evidence.ParaClientAgreed
		c := base
		c.Paragraph = para
		days := v.AgreedDays
		if days.Invalid {
			adj.notes = append(adj.notes, "Agreed Days cannot be read, so the normal period applies")
		}
		var missing []string
		if !days.Set && !days.Invalid {
			missing = append(missing, "no Agreed Days")
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: v.ID, Pos: days.Pos,
				Message: "Exception client-agreed with no Agreed Days: record the maximum period the Client agreed (9.3.3), in days after release; until then the normal period applies."})
		}
		if !v.ExceptionRef.Set {
			missing = append(missing, "no reference")
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: v.ID, Pos: v.ExceptionRef.Pos,
				Message: "Exception client-agreed with no Exception Reference: a different maximum period needs the Client's agreement (9.3.3), to be referenced; until then the normal period applies."})
		}
		switch {
		case len(missing) > 0:
			c.Outcome, c.Detail = Gap, "client-agreed claimed with "+patchJoin(missing)+"; the normal period applies"
		case days.Invalid:
			return adj
		default:
			adj.agreedDays = days.Value
			c.Outcome, c.Pos = OK, days.Pos
			c.Detail = fmt.Sprintf("the Client agreed %d day%s after release (%s)", adj.agreedDays, plural(adj.agreedDays), adj.ref)
		}
		e.check(c)
	}
	return adj
}

// patchPeriod: B.9.3, and B.9.7 for a miss. The patch is applied on or
// before the last day of its period, counted from its public release (or
// from the day a not-exploitable vulnerability became exploitable).
func (e *eval) patchPeriod(v evidence.Vulnerability, adj patchAdjust) {
	const para = evidence.ParaPatching
	if !e.has(para) || !v.Severity.Set || v.Released.Invalid || v.Applied.Absent {
		return // the category, the release or the Patch Applied column, which the period needs, cannot be read
	}
	if v.Applied.Invalid {
		adj.notes = append(adj.notes, "Patch Applied cannot be read, so the patch counts as not applied")
	}
	asOf, rel, app := e.in.AsOf, v.Released, v.Applied
	rating := v.Severity.Value
	cat := rating.Category
	c := Check{Paragraph: para, Source: "vulnerabilities", Subject: v.ID, Pos: app.Pos}
	head := "severity " + rating.String() + ": "
	// record records the check, saying which unreadable cells it was
	// judged without; noted adds the same to a finding's message.
	record := func(c Check) {
		if len(adj.notes) > 0 {
			c.Detail += "; " + strings.Join(adj.notes, "; ")
		}
		e.check(c)
	}
	noted := func(msg string) string {
		if len(adj.notes) > 0 {
			msg += " " + capitalise(strings.Join(adj.notes, "; ")) + "."
		}
		return msg
	}

	if rel.Set && app.Set && app.Value.Before(rel.Value) {
		e.finding(Finding{Paragraph: para, Kind: Invalid, Severity: Medium, Subject: v.ID, Pos: app.Pos,
			Message: fmt.Sprintf("Patch Applied %s is before Patch Released %s: a patch cannot be applied before its release; check both dates.", day(app.Value), day(rel.Value))})
		return
	}
	if e.later(c, head+"patch released", rel) {
		return // as of the as-of date no patch had been released
	}
	if !rel.Set {
		c.Outcome, c.Pos = Due, rel.Pos
		c.Detail = head + patchPeriodText(cat, "release") + "; no patch released yet"
		record(c)
		return
	}
	applied := app.Set && !app.Value.After(asOf)
	appliedText := func() string {
		if app.Set && !applied {
			return "; applied " + app.String() + ", after the as-of date"
		}
		return ""
	}

	// The period's start and its deadline. from names the start in a
	// check's detail, fromMsg in a finding's message.
	start := rel.Value
	from, fromMsg := "release ("+rel.String()+")", "its release on "+day(rel.Value)
	if adj.notExploitable {
		since := adj.exploitable
		if !since.Set || since.Value.After(asOf) {
			c.Outcome = Exception
			c.Detail = fmt.Sprintf("%snot exploitable in the Services (%s): no deadline runs while it stays so", head, adj.ref)
			if applied {
				c.Outcome = OK
				c.Detail += "; applied " + app.String()
			}
			record(c)
			return
		}
		if since.Value.After(rel.Value) {
			start = since.Value
			from, fromMsg = "becoming exploitable ("+since.String()+")", "it became exploitable on "+day(since.Value)
		} else {
			from = "release (" + rel.String() + "; exploitable since " + since.String() + ")"
		}
	}
	normal := e.after(normalPeriod(cat), start)
	d := normal
	rule := func(from string) string { return patchPeriodText(cat, from) }
	switch {
	case adj.extension:
		d = e.after(days(patchExtensionDays), normal.end())
		rule = func(from string) string {
			return fmt.Sprintf("due %d + %d days after %s with the extension (test plan %s)", normalPeriod(cat).N, patchExtensionDays, from, adj.testPlan)
		}
	case adj.agreedDays > 0:
		d = e.after(days(adj.agreedDays), start)
		rule = func(from string) string {
			return fmt.Sprintf("due %s after %s as agreed with the Client (%s)", days(adj.agreedDays), from, adj.ref)
		}
	}
	j := e.judge(d, app)
	c = j.stamp(c)
	detail := head + rule(from) + ", by " + d.Date()
	switch {
	case j.Outcome == OK:
		c.Detail = detail + "; applied " + app.String()
		if app.Value.After(normal.Due) && !d.Due.Equal(normal.Due) {
			c.Outcome = Exception
			c.Detail += ", after the normal deadline " + normal.Date()
		}
		record(c)
	case j.Late():
		c.Detail = detail + "; applied " + app.String()
		e.patchMiss(v, c, j.Done, "applied "+day(app.Value), noted(fmt.Sprintf("%s vulnerability (severity %s) patched on %s, %s late: it was %s, by %s.",
			cat, rating, day(app.Value), j.Over(), patchRuleWords(rule(fromMsg)), d.On())), d, record)
	case j.Outcome == Due:
		c.Detail = detail + "; not yet applied" + appliedText()
		record(c)
		e.owe(c, "apply the patch", d)
	default:
		c.Detail = detail + "; not applied by " + asOf.Format(time.DateOnly) + appliedText()
		e.patchMiss(v, c, time.Time{}, "still not applied on "+day(asOf), noted(fmt.Sprintf("%s vulnerability (severity %s) not patched by %s: it was %s, by %s (%s overdue).",
			cat, rating, day(asOf), patchRuleWords(rule(fromMsg)), d.On(), j.Over())), d, record)
	}
}

// patchMiss records a miss of 9.3: the gap check and critical finding
// against 9.3, and the Default under 9.7 for the same vulnerability; done
// is the day it was patched, late, or zero while it is not.
func (e *eval) patchMiss(v evidence.Vulnerability, c Check, done time.Time, what, msg string, d Deadline, record func(Check)) {
	record(c)
	e.finding(Finding{Paragraph: evidence.ParaPatching, Kind: Violation, Severity: Critical, Subject: v.ID, Pos: c.Pos, Message: msg, Done: done})
	def := c
	def.Paragraph = evidence.ParaPatchDefault
	def.Detail = "Default (9.3 missed): " + c.Detail
	record(def)
	e.finding(Finding{Paragraph: evidence.ParaPatchDefault, Kind: Violation, Severity: Critical, Subject: v.ID, Pos: c.Pos,
		Message: fmt.Sprintf("Default under 9.7: %s missed its patching period under 9.3 (due by %s; %s). A failure to comply with 9.3 is a Default: the Agency must follow the Rectification Plan Process.", v.ID, d.On(), what), Done: done})
}

// patchRuleWords turns a rule ("due 14 days after release (...)") into message
// words ("due within 14 days after release (...)").
func patchRuleWords(rule string) string {
	if rest, ok := strings.CutPrefix(rule, "due "); ok && !strings.HasPrefix(rest, "within ") {
		return "due within " + rest
	}
	return rule
}

// patchJoin joins words with "and".
func patchJoin(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	s := words[0]
	for _, w := range words[1 : len(words)-1] {
		s += ", " + w
	}
	return s + " and " + words[len(words)-1]
}

func patchingDocs() []Doc {
	const reg = "vulnerabilities"
	return []Doc{
		{[]string{evidence.ParaSeverity}, reg, "Each vulnerability's Severity is read as the schedule's category or mapped to it, and every check shows the mapping: " +
			"the categories Critical, Important and Other as they are; NVD ratings Critical (CVSS v3) and High -> Critical, Medium -> Important, Low -> Other; " +
			"Microsoft ratings Critical -> Critical, Important -> Important, Moderate and Low -> Other; CVSS base scores 7.0-10.0 -> Critical, 4.0-6.9 -> Important, 0.0-3.9 -> Other. " +
			"A scheme may be named (NVD High, Microsoft Moderate, CVSS 9.8, High (NVD)); a bare High or Medium is NVD's, Moderate is Microsoft's, Low is Other in both. " +
			"Anything else, or a score outside 0-10 or with more than one decimal place, is an invalid finding."},
		{[]string{evidence.ParaPatching}, reg, "Each patch is applied on or before the last day of its period, counted from the day of its public release: " +
			fmt.Sprintf("Critical, release + %d calendar days; Important, release + %d calendar days (no roll-forward off weekends or bank holidays); ", criticalPatchDays, importantPatchDays) +
			fmt.Sprintf("Other, the %dth Working Day strictly after the release.", otherPatchWorkingDays) + " Applied after that day is a violation; not applied at the as-of date is a violation once the day has passed, " +
			"and due (with the days left) before. A miss is severity critical: a Default under 9.7. Dates after the as-of date have not happened yet: a patch released later is listed as after the as-of date (outcome later), not judged; one applied later is outstanding. " +
			"A patch applied before its release is an invalid finding. An unreadable cell is an invalid finding and is read the stricter way, so that it never hides a miss: " +
			"an unreadable Patch Applied counts as not applied, an unreadable Exception as none, and an unreadable Exploitable Since or Agreed Days leaves the normal period from the release; " +
			"the check says which. An unreadable Severity or Patch Released leaves no period to count: the row is not judged."},
		{[]string{evidence.ParaNotExploitable}, reg, "Exception not-exploitable with an Exception Reference: no deadline runs while Exploitable Since is empty (shown as an exception, not a gap); " +
			"once it is set, the normal period runs from that day (or from the release, if later). Without a reference the exception is a finding and the normal period runs from the release."},
		{[]string{evidence.ParaExtension}, reg, fmt.Sprintf("Exception extension: a Critical or Important patch gets %d more calendar days (release + %d or + %d days) when", patchExtensionDays, criticalPatchDays+patchExtensionDays, importantPatchDays+patchExtensionDays) + " a Test Plan Reference shows the security patch test plan agreed with the Client was followed. " +
			"An extension claimed for an Other vulnerability, or without a test plan reference, is a finding and the normal period applies. A patch applied after the normal deadline but within the extension shows as an exception."},
		{[]string{evidence.ParaClientAgreed}, reg, "Exception client-agreed: the period becomes Agreed Days calendar days after release (a positive whole number) when an Exception Reference records the Client's agreement. " +
			"Missing Agreed Days or reference is a finding and the normal period applies. A patch applied after the normal deadline but within the agreed period shows as an exception."},
		{[]string{evidence.ParaPatchDefault}, reg, "Every miss of 9.3 (a patch applied late, or still outstanding past its deadline) is a Default: a critical finding against 9.7 naming the vulnerability, beside the critical finding against 9.3."},
	}
}
