package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// Upgrade windows of B.9.4 and B.9.4.1, in Months after the release of the
// latest major version.
const (
	upgradeMonths           = 6
	upgradeMitigationMonths = 12
)

// upgradeWhat names the upgrade as an obligation.
const upgradeWhat = "upgrade to no more than one major version behind (n-1)"

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
	if !e.has(evidence.ParaSoftware) {
		return // the form has no paragraph 9.4
	}
	for _, s := range e.in.Evidence.Software {
		e.softwareRow(s)
	}
}

func (e *eval) softwareRow(s evidence.Software) {
	in, latest := s.Installed, s.Latest
	if !in.Set || in.Invalid || !latest.Set || latest.Invalid {
		return // reported as invalid already
	}
	// An unreadable optional cell (an invalid finding already) is read the
	// stricter way, as if empty: the Previous Major Version as the latest
	// less one, the Exception as none. notes say so in the check.
	var notes []string
	if s.Previous.Invalid {
		if evidence.YearStyle(latest.Major) && in.Major < latest.Major {
			return // year-numbered majors need it: n-1 cannot be told
		}
		notes = append(notes, fmt.Sprintf("the Previous Major Version cannot be read, so n-1 is major %d", s.N1Major()))
	}
	if s.Exception.Invalid {
		notes = append(notes, "the Exception cannot be read, so none is relied on")
	}
	noted := func(detail string) string {
		if len(notes) > 0 {
			detail += "; " + strings.Join(notes, "; ")
		}
		return detail
	}
	exc := s.ExceptionName()
	claimed := exc != evidence.UpgradeExceptionNone
	para := map[string]string{
		evidence.UpgradeMitigationReduction: evidence.ParaSoftwareMitigation,
		evidence.UpgradeClientAgreed:        evidence.ParaSoftwareAgreed,
	}[exc]
	judgeSub := claimed && e.has(para)
	if claimed && !s.ExceptionRef.Set {
		if judgeSub {
			src := s.ExceptionRef.Pos
			if !src.HasCell() { // no Exception Reference column
				src = s.Exception.Pos
			}
			e.check(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: src, Outcome: Gap,
				Detail: exc + " claimed with no Exception Reference"})
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: Medium, Subject: s.ID, Pos: src,
				Message: fmt.Sprintf("Exception %s has no Exception Reference: the exception is not evidenced, so the %d-Month window of B.9.4 applies.", exc, upgradeMonths)})
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
		e.check(Check{Paragraph: evidence.ParaSoftware, Source: "software", Subject: s.ID, Pos: in.Pos, Outcome: OK, Detail: noted(detail)})
		if judgeSub {
			e.check(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: s.Exception.Pos, Outcome: OK,
				Detail: fmt.Sprintf("%s recorded (%s) but not needed: the installed major is no more than one behind", exc, s.ExceptionRef.Value)})
		}
		return
	}
	// Two or more major versions behind: within the window it is due.
	if !s.LatestRelease.Set {
		return // reported as invalid already
	}
	if e.later(Check{Paragraph: evidence.ParaSoftware, Source: "software", Subject: s.ID}, versions+": latest major released", s.LatestRelease) {
		return // as of the as-of date the latest release had not happened
	}
	rel := s.LatestRelease.Value
	asOf := e.in.AsOf
	// Nothing is done: the product is still behind at the as-of date. Due
	// until the window ends, a gap from the day after.
	upgrade := e.after(months(upgradeMonths), rel).Judge(time.Time{}, asOf)
	behind := "two or more major versions behind"
	if !s.Previous.Set {
		behind = fmt.Sprintf("%d major versions behind", latest.Major-in.Major)
	}
	what := fmt.Sprintf("%s, released %s: %s", versions, s.LatestRelease, behind)
	target := fmt.Sprintf("the upgrade to major %d or later", n1)

	if !claimed {
		c := upgrade.stamp(Check{Paragraph: evidence.ParaSoftware, Source: "software", Subject: s.ID, Pos: in.Pos})
		if c.Outcome == Due {
			c.Detail = fmt.Sprintf("%s; %s is due within %s of the release, by %s", what, target, months(upgradeMonths), upgrade.Date())
			e.owe(c, upgradeWhat, upgrade.Deadline)
		} else {
			c.Detail = fmt.Sprintf("%s; %s was due within %s of the release, by %s", what, target, months(upgradeMonths), upgrade.Date())
			msg := fmt.Sprintf("Installed Version %s is more than one major version below the latest (%s, major %d, released %s): %s was due within %s of that release, by %s (%s overdue).",
				in.Value, latest.Value, latest.Major, day(rel), target, months(upgradeMonths), upgrade.On(), upgrade.Over())
			if len(notes) > 0 {
				msg += " " + capitalise(strings.Join(notes, "; ")) + "."
			}
			e.finding(Finding{Paragraph: evidence.ParaSoftware, Kind: Violation, Severity: High, Subject: s.ID, Pos: in.Pos, Message: msg})
		}
		c.Detail = noted(c.Detail)
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
			Detail: fmt.Sprintf("%s; the Client agreed in writing (%s), which lifts the %d-Month window", what, ref, upgradeMonths)})
	case evidence.UpgradeMitigationReduction:
		mitigated := e.after(months(upgradeMitigationMonths), rel).Judge(time.Time{}, asOf)
		c := mitigated.stamp(Check{Paragraph: para, Source: "software", Subject: s.ID, Pos: s.Exception.Pos})
		if mitigated.Outcome == Due {
			e.owe(c, upgradeWhat, mitigated.Deadline)
		}
		switch {
		case upgrade.Outcome == Due:
			c.Detail = fmt.Sprintf("%s; %s is due within %s of the release, by %s, as upgrading reduces mitigations (%s); %s would end %s",
				what, target, months(upgradeMitigationMonths), mitigated.Date(), ref, months(upgradeMonths), upgrade.Date())
		case mitigated.Outcome == Due:
			c.Outcome = Exception
			c.Detail = fmt.Sprintf("%s; past the %d-Month window (%s), but upgrading reduces mitigations (%s), so %s is due within %s of the release, by %s",
				what, upgradeMonths, upgrade.Date(), ref, target, months(upgradeMitigationMonths), mitigated.Date())
		default:
			c.Pos = in.Pos
			c.Detail = fmt.Sprintf("%s; %s was due within %s of the release, by %s, even though upgrading reduces mitigations (%s)", what, target, months(upgradeMitigationMonths), mitigated.Date(), ref)
			e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: s.ID, Pos: in.Pos,
				Message: fmt.Sprintf("Installed Version %s is more than one major version below the latest (%s, major %d, released %s): where upgrading reduces mitigations (%s) %s is still due within %s of the release, by %s (%s overdue).",
					in.Value, latest.Value, latest.Major, day(rel), ref, target, months(upgradeMitigationMonths), mitigated.On(), mitigated.Over())})
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
				fmt.Sprintf("and its %[1]s are the time allowed to get back to n-1 after a new major release. ", months(upgradeMonths)) +
				fmt.Sprintf("Two or more majors behind, the upgrade is due until %[1]s after the Latest Release Date (the same day %[1]s later, clamped to the month's end: 31 Aug gives 28 Feb) and a violation the day after. ", months(upgradeMonths)) +
				"Where the product was already n-2 before the latest release, only that release's date is on record, so the window is counted from it. " +
				"A product two or more majors behind a release dated after the as-of date is listed as after the as-of date (outcome later), not judged: as of then that release had not happened. " +
				"An unreadable cell is an invalid finding and is read as if empty, the stricter reading: an unreadable Exception is none (the window of 9.4 applies), " +
				"an unreadable Previous Major Version makes n-1 the latest major less one (for a year-numbered latest major, which needs it, the product is not judged)."},
		{[]string{evidence.ParaSoftwareMitigation}, "software",
			fmt.Sprintf("Exception mitigation-reduction with an Exception Reference: two or more majors behind, the upgrade is due until %s after the Latest Release Date (clamped likewise); ", months(upgradeMitigationMonths)) +
				fmt.Sprintf("past the %d-Month window it is shown as an exception, past %s it is a violation of this paragraph's proviso. ", upgradeMonths, months(upgradeMitigationMonths)) +
				fmt.Sprintf("Without an Exception Reference the exception is a finding here and the %d-Month window of 9.4 applies.", upgradeMonths)},
		{[]string{evidence.ParaSoftwareAgreed}, "software",
			"Exception client-agreed with an Exception Reference recording the Client's written agreement: a product two or more majors behind is shown as an exception, with no deadline. " +
				fmt.Sprintf("Without an Exception Reference the exception is a finding here and the %d-Month window of 9.4 applies.", upgradeMonths)},
	}
}
