package rules

import (
	"cmp"
	"slices"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/workdays"
)

// Obligation is a deadline ahead: something the Agency must do (or that
// lapses unless renewed) whose last day falls on the as-of date or within
// the horizon after it ([review] horizon_days). It is either a duty not yet
// done whose deadline has not passed (a check that is due: a patch inside
// its period, a revocation, results to deliver), or the next deadline of
// an obligation met for now (training done, so due again; a clearance,
// an attestation or an evidence item that expires; the next annual
// review or security test; the next monthly report). The rule that judges
// the obligation records it, with the deadline it counted.
type Obligation struct {
	Paragraph string
	Source    string // as a check's: a register's name, a section's source name, or "document"
	Subject   string // the register key or section; "" for a paragraph-level obligation
	// What names the obligation in a few words that stay the same while it
	// is met and falls due again ("training on secure information
	// management", "full review"): with the paragraph, source and subject
	// it identifies the obligation from one build to the next.
	What string
	// Due is the last day on which the obligation is met.
	Due time.Time
	// Unit is how the period was counted: WorkingDays, or Days for
	// calendar days, Months and fixed days.
	Unit Unit
	// Days is the number of calendar days from the as-of date to Due: 0
	// when Due is the as-of date.
	Days int
	// WorkingDays, when Unit is WorkingDays, is the number of Working Days
	// after the as-of date up to and including Due (as a due check's
	// margin); 0 otherwise.
	WorkingDays int
	// Pos is the register row's cell or the TOML line it was read from.
	Pos diag.Pos
}

// Key identifies the obligation from one build to the next: its
// paragraph, source, subject and what, never its dates, rows or words
// that change as the evidence does.
func (o Obligation) Key() string {
	return o.Paragraph + "\x00" + o.Source + "\x00" + o.Subject + "\x00" + o.What
}

// horizon is the number of days after the as-of date that obligations are
// listed for.
func (e *eval) horizon() int {
	if e.in.Config != nil && e.in.Config.Review.HorizonDays > 0 {
		return e.in.Config.Review.HorizonDays
	}
	return config.DefaultHorizonDays
}

// owe records the obligation what of c's paragraph, source, subject and
// position, falling due on d, when d falls on the as-of date or within the
// horizon after it. Deadlines already passed are not coming due: their
// rule raised a finding, or judged the duty done.
func (e *eval) owe(c Check, what string, d Deadline) {
	asOf := workdays.Day(e.in.AsOf)
	n := workdays.DaysBetween(asOf, d.Due)
	if d.Due.IsZero() || n < 0 || n > e.horizon() {
		return
	}
	o := Obligation{Paragraph: c.Paragraph, Source: c.Source, Subject: c.Subject, What: what,
		Due: d.Due, Unit: d.Unit(), Days: n, Pos: c.Pos}
	if o.Unit == WorkingDays {
		o.WorkingDays = d.margin(asOf)
	}
	e.obligations = append(e.obligations, o)
}

// comingDue returns the obligations of the paragraphs that apply, sorted
// by date, then document order, subject, what and position. An obligation
// recorded under several paragraphs (a device's attestation vouches for
// 2.1 and 2.2; a policy review evidences two paragraphs) is kept once,
// under the first.
func (e *eval) comingDue(applies map[string]bool) []Obligation {
	out := slices.DeleteFunc(e.obligations, func(o Obligation) bool { return !applies[o.Paragraph] })
	slices.SortFunc(out, func(a, b Obligation) int {
		if c := a.Due.Compare(b.Due); c != 0 {
			return c
		}
		if c := cmp.Compare(e.order[a.Paragraph], e.order[b.Paragraph]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		if c := cmp.Compare(a.What, b.What); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		return a.Pos.Compare(b.Pos)
	})
	type same struct {
		source, subject, what string
		due                   time.Time
	}
	seen := map[same]bool{}
	return slices.DeleteFunc(out, func(o Obligation) bool {
		k := same{o.Source, o.Subject, o.What, o.Due}
		if seen[k] {
			return true
		}
		seen[k] = true
		return false
	})
}
