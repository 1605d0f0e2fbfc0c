package rules

import (
	"fmt"
	"strings"

	"github.com/agency/evidence-site/generator/evidence"
)

// privileges: Annex 1 6.5, for elevated privileges. "When staff no longer
// need elevated privileges or leave the organisation, their access rights
// shall be revoked within one (1) Working Day": each grant in the
// privileged access register is revoked by the Working Day after the day
// its holder stopped needing it (No Longer Needed On) or left (the staff
// register's End Date), whichever came first.
func (e *eval) privileges() {
	if !e.has(evidence.ParaRevocation) {
		return
	}
	staff := map[string]evidence.Staff{}
	for _, s := range e.in.Evidence.Staff {
		staff[strings.ToUpper(s.ID)] = s
	}
	reg := e.in.Evidence.Register("staff")
	known := reg != nil && reg.Present && reg.Rows > 0
	for _, g := range e.in.Evidence.Privileges {
		s, ok := staff[strings.ToUpper(g.StaffID.Value)]
		if known && g.StaffID.Set && !ok {
			e.finding(Finding{Paragraph: evidence.ParaRevocation, Kind: Invalid, Severity: Medium, Subject: g.ID, Pos: g.StaffID.Pos,
				Message: fmt.Sprintf("Staff ID %q is not in the staff register (%s): whether the holder has left cannot be told; the grant is judged by its No Longer Needed On date alone.", g.StaffID.Value, reg.Path)})
		}
		e.privilege(g, s)
	}
}

// privilege judges one grant. An unreadable Revoked On (an invalid finding
// already) is not revoked, the stricter reading. An unreadable No Longer
// Needed On or End Date leaves the day the need ended unknown: the grant
// is judged by the other date, and only a breach that this shows is
// recorded, never an "ok" or "due" that an earlier day could undo.
func (e *eval) privilege(g evidence.Privilege, s evidence.Staff) {
	if g.NotNeeded.Absent || g.Revoked.Absent {
		return // a column missing from the register: nothing to judge by
	}
	if e.later(Check{Paragraph: evidence.ParaRevocation, Source: "privileges", Subject: g.ID}, g.Privilege.Value+" granted", g.Granted) {
		return // not yet granted as of the as-of date
	}
	unsure := g.NotNeeded.Invalid || s.End.Invalid
	// The day the need ended: no longer needed, or left, whichever first.
	end, why := g.NotNeeded, "no longer needed"
	if s.End.Set && (!end.Set || s.End.Value.Before(end.Value)) {
		end, why = s.End, "the holder left"
	}
	c := Check{Paragraph: evidence.ParaRevocation, Source: "privileges", Subject: g.ID, Pos: g.Revoked.Pos}
	if _, ended := e.happened(end); !ended {
		if unsure {
			return
		}
		c.Outcome, c.Detail = OK, fmt.Sprintf("%s granted %s; still needed", g.Privilege.Value, g.Granted)
		if g.Revoked.Set {
			c.Detail = fmt.Sprintf("%s granted %s, revoked %s", g.Privilege.Value, g.Granted, g.Revoked)
		}
		e.check(c)
		return
	}
	d := e.after(workingDays(revokeWorkingDays), end.Value)
	if unsure && e.judge(d, g.Revoked).Outcome != Gap {
		return
	}
	what := fmt.Sprintf("%s (%s, granted %s)", g.Privilege.Value, g.StaffID.Value, g.Granted)
	e.judgeDuty(duty{
		check: c, what: "revoke the elevated privilege", deadline: d, done: g.Revoked, severity: High,
		pending: fmt.Sprintf("%s; %s %s, revocation due by %s", what, why, end, d.Date()),
		missing: fmt.Sprintf("%s; %s %s, not revoked", what, why, end),
		met:     fmt.Sprintf("%s; %s %s, revoked %s", what, why, end, g.Revoked),
		missed: fmt.Sprintf("%s was not revoked: %s on %s, so it was due to be revoked within %s, by %s.",
			capitalise(what), why, day(end.Value), d.Period, d.On()),
		late: func(over string) string {
			return fmt.Sprintf("%s was revoked on %s, %s late: %s on %s, so it was due to be revoked within %s, by %s.",
				capitalise(what), day(g.Revoked.Value), over, why, day(end.Value), d.Period, d.On())
		},
	})
}

func privilegesDocs() []Doc {
	return []Doc{{[]string{evidence.ParaRevocation}, "privileges",
		fmt.Sprintf("Each grant of an elevated privilege is revoked within %s after its holder stopped needing it (No Longer Needed On) or left (the staff register's End Date), whichever came first: ", workingDays(revokeWorkingDays)) +
			"not revoked by then is a violation (before it, the revocation is due); revoked later is a violation. A grant still needed is shown with no deadline. " +
			"Every grant records a Justification (staff are granted only the permissions they need); a Staff ID not in the staff register is an invalid finding, and the grant is judged by its own date. " +
			"A grant made (Granted On) after the as-of date is listed as after the as-of date (outcome later), not judged. An unreadable Revoked On is an invalid finding and counts as not revoked; with an unreadable No Longer Needed On (or holder's End Date) the day the need ended is not known, so only a breach the other date shows is recorded."}}
}
