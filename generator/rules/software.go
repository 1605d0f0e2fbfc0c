package rules

import (
	"fmt"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// Upgrade windows of B.9.4 and B.9.4.1, in Months after the release of the
// latest major version.
const (
	upgradeMonths           = 6
	upgradeMitigationMonths = 12
)

// software checks Part B 9.4 against the software versions register.
//
// How the two halves of 9.4 combine: "upgraded within 6 Months of the
// release of the latest version, such that it is no more than one major
// version level below the latest release (n-1)". The "such that" clause
// sets the target of the upgrade, so the 6 Months are the time allowed to
// get back to n-1 once a new major release has left the installed major
// two or more behind. Running n-1 is compliant with no clock: the
// schedule itself codifies the rule as "running software no older than
// the n-1 version". (Reading the 6 Months as a deadline to reach n would
// make the n-1 words idle.)
//
// So, with installed major I, latest major L and n-1 major P (the Previous
// Major Version, else L-1): I >= P is compliant; I < P is due until 6
// Months after the Latest Release Date and a violation the day after.
// Where I < P-1 the product was already n-2 before the latest release, but
// only the latest release's date is on record, so the window is counted
// from it: the latest it can have ended.
func (e *eval) software() {
	if _, ok := e.order[evidence.ParaSoftware]; !ok {
		return // the form has no paragraph 9.4
	}
	for _, s := range e.in.Evidence.Software {
		e.softwareRow(s)
	}
}

func (e *eval) softwareRow(s evidence.Software) {
	in, latest := s.Installed, s.Latest
	if !in.Set || in.Invalid || !latest.Set || latest.Invalid || s.Previous.Invalid {
		return // reported as invalid already
	}
	exc := s.ExceptionName()
	claimed := exc != evidence.UpgradeExceptionNone
	para := map[string]string{
		evidence.UpgradeMitigationReduction: evidence.ParaSoftwareMitigation,
		evidence.UpgradeClientAgreed:        evidence.ParaSoftwareAgreed,
	}[exc]
	_, judgeSub := e.order[para]
	judgeSub = judgeSub && claimed
	if claimed && !s.ExceptionRef.Set {
		if judgeSub {
			src := s.ExceptionRef.Pos
			if src.Cell == "" { // no Exception Reference column
				src = s.Exception.Pos
			}
			e.check(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: src, Outcome: Gap,
				Detail: exc + " claimed with no Exception Reference"})
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: s.ID, Pos: src,
				Message: fmt.Sprintf("Exception %s has no Exception Reference: the exception is not evidenced, so the 6-Month window of B.9.4 applies.", exc)})
		}
		claimed, judgeSub = false, false
	}

	n1 := s.N1Major()
	versions := fmt.Sprintf("installed %s (major %d), latest %s (major %d)", in.Value, in.Major, latest.Value, latest.Major)
	if in.Major >= n1 {
		detail := versions + ": on the latest major version"
		if in.Major < latest.Major {
			detail = versions + fmt.Sprintf(": one major version behind (n-1, major %d or later), allowed", n1)
		}
		e.check(Check{Paragraph: evidence.ParaSoftware, Source: "software", Subject: s.ID, Pos: in.Pos, Outcome: OK, Detail: detail})
		if judgeSub {
			e.check(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: s.Exception.Pos, Outcome: OK,
				Detail: fmt.Sprintf("%s recorded (%s) but not needed: the installed major is no more than one behind", exc, s.ExceptionRef.Value)})
		}
		return
	}
	// Two or more major versions behind: within the window it is due.
	if !s.LatestRelease.Set || s.Exception.Invalid {
		return // reported as invalid already
	}
	rel := s.LatestRelease.Time
	asOf := e.in.AsOf
	due6 := workdays.AddMonths(rel, upgradeMonths)
	due12 := workdays.AddMonths(rel, upgradeMitigationMonths)
	behind := "two or more major versions behind"
	if !s.Previous.Set {
		behind = fmt.Sprintf("%d major versions behind", latest.Major-in.Major)
	}
	what := fmt.Sprintf("%s, released %s: %s", versions, s.LatestRelease, behind)
	target := fmt.Sprintf("the upgrade to major %d or later", n1)

	if !claimed {
		c := Check{Paragraph: evidence.ParaSoftware, Source: "software", Subject: s.ID, Pos: in.Pos, Deadline: due6, Unit: "days"}
		if !asOf.After(due6) {
			c.Outcome, c.Margin = Due, workdays.DaysBetween(asOf, due6)
			c.Detail = fmt.Sprintf("%s; %s is due by %s (6 Months after the release)", what, target, due6.Format(time.DateOnly))
		} else {
			c.Outcome, c.Margin = Gap, -workdays.DaysBetween(due6, asOf)
			c.Detail = fmt.Sprintf("%s; %s was due by %s (6 Months after the release)", what, target, due6.Format(time.DateOnly))
			e.finding(Finding{Paragraph: evidence.ParaSoftware, Kind: Violation, Severity: High, Subject: s.ID, Pos: in.Pos,
				Message: fmt.Sprintf("Installed Version %s is more than one major version below the latest (%s, major %d, released %s): %s was due within 6 Months of that release, by %s (%d day%s overdue).",
					in.Value, latest.Value, latest.Major, day(rel), target, day(due6), -c.Margin, plural(-c.Margin))})
		}
		e.check(c)
		return
	}
	if !judgeSub {
		return
	}
	ref := s.ExceptionRef.Value
	switch exc {
	case evidence.UpgradeClientAgreed:
		e.check(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: s.Exception.Pos, Outcome: Exception,
			Detail: fmt.Sprintf("%s; the Client agreed in writing (%s), which lifts the 6-Month window", what, ref)})
	case evidence.UpgradeMitigationReduction:
		c := Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: s.Exception.Pos, Deadline: due12, Unit: "days"}
		switch {
		case !asOf.After(due6):
			c.Outcome, c.Margin = Due, workdays.DaysBetween(asOf, due12)
			c.Detail = fmt.Sprintf("%s; %s is due by %s, 12 Months after the release as upgrading reduces mitigations (%s); 6 Months would end %s",
				what, target, due12.Format(time.DateOnly), ref, due6.Format(time.DateOnly))
		case !asOf.After(due12):
			c.Outcome, c.Margin = Exception, workdays.DaysBetween(asOf, due12)
			c.Detail = fmt.Sprintf("%s; past the 6-Month window (%s), but upgrading reduces mitigations (%s), so %s is due by %s, 12 Months after the release",
				what, due6.Format(time.DateOnly), ref, target, due12.Format(time.DateOnly))
		default:
			c.Pos = in.Pos
			c.Outcome, c.Margin = Gap, -workdays.DaysBetween(due12, asOf)
			c.Detail = fmt.Sprintf("%s; %s was due by %s, 12 Months after the release, even though upgrading reduces mitigations (%s)", what, target, due12.Format(time.DateOnly), ref)
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: in.Pos,
				Message: fmt.Sprintf("Installed Version %s is more than one major version below the latest (%s, major %d, released %s): where upgrading reduces mitigations (%s) %s is still due within 12 Months of the release, by %s (%d day%s overdue).",
					in.Value, latest.Value, latest.Major, day(rel), ref, target, day(due12), -c.Margin, plural(-c.Margin))})
		}
		e.check(c)
	}
}

func softwareDocs() []Doc {
	return []Doc{
		{[]string{evidence.ParaSoftware}, "software",
			"Each product's major version is the first number of its version (16.4 is 16, v2.11.1 is 2, 2022 R2 is 2022). " +
				"The n-1 major is the Previous Major Version where given (needed for year-numbered majors such as Windows Server 2022 before 2025), else the latest major less one. " +
				"An installed major at or above n-1 is compliant, with no clock: 9.4 codifies its rule as running software no older than the n-1 version, " +
				"and its 6 Months are the time allowed to get back to n-1 after a new major release. " +
				"Two or more majors behind, the upgrade is due until 6 Months after the Latest Release Date (the same day 6 Months later, clamped to the month's end: 31 Aug gives 28 Feb) and a violation the day after. " +
				"Where the product was already n-2 before the latest release, only that release's date is on record, so the window is counted from it."},
		{[]string{evidence.ParaSoftwareMitigation}, "software",
			"Exception mitigation-reduction with an Exception Reference: two or more majors behind, the upgrade is due until 12 Months after the Latest Release Date (clamped likewise); " +
				"past the 6-Month window it is shown as an exception, past 12 Months it is a violation of this paragraph's proviso. " +
				"Without an Exception Reference the exception is a finding here and the 6-Month window of 9.4 applies."},
		{[]string{evidence.ParaSoftwareAgreed}, "software",
			"Exception client-agreed with an Exception Reference recording the Client's written agreement: a product two or more majors behind is shown as an exception, with no deadline. " +
				"Without an Exception Reference the exception is a finding here and the 6-Month window of 9.4 applies."},
	}
}
