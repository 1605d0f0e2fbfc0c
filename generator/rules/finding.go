// Package rules checks the evidence against the schedule's paragraphs at an
// as-of date. Each rule family lives in its own file; Evaluate runs them all
// and returns findings (what is wrong) and checks (what each register row
// shows for each paragraph, right or wrong).
package rules

import (
	"cmp"
	"time"

	"github.com/agency/evidence-site/generator/diag"
)

// Kind is the kind of a finding.
type Kind string

// Finding kinds.
const (
	// Missing: evidence is expected and none was given.
	Missing Kind = "missing"
	// Violation: the evidence shows the paragraph was not met.
	Violation Kind = "violation"
	// Stale: the evidence is older than the paragraph allows.
	Stale Kind = "stale"
	// Invalid: the evidence itself is unreadable or inconsistent.
	Invalid Kind = "invalid"
	// Note: an observation, not a gap: a joint target missed, such as
	// approval within 15 Working Days. It is listed with the findings but
	// does not count against the paragraph's status.
	Note Kind = "note"
)

// Severity ranks findings; the gaps list shows the most severe first.
type Severity string

// Severities, most severe first.
const (
	Critical Severity = "critical" // a Default under the contract
	High     Severity = "high"     // a breach of an obligation
	Medium   Severity = "medium"   // evidence missing, stale or unreadable
	Low      Severity = "low"
	Warning  Severity = "warning" // worth a look, not a breach
)

// Rank orders severities, most severe first.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 0
	case High:
		return 1
	case Medium:
		return 2
	case Low:
		return 3
	}
	return 4
}

// Finding is one thing wrong, against one paragraph.
type Finding struct {
	// ID names the finding across builds and as-of dates while it
	// concerns the same thing (ids.go): "F-" and 12 hex digits.
	ID        string
	Paragraph string
	Kind      Kind
	Severity  Severity
	// Subject is the register key (a Staff ID...), empty for
	// paragraph-level findings.
	Subject string
	Message string
	Pos     diag.Pos
	// Done is the day a late duty was done at last: set for a finding of
	// something done, but late, and zero for one still open. A finding
	// done before the review period began is set aside (Before).
	Done time.Time
	// Before: the finding was settled (Done) before the review period
	// began: listed apart, it counts in no paragraph's status.
	Before bool
}

// Outcome is what a check found for one subject.
type Outcome string

// Check outcomes.
const (
	OK        Outcome = "ok"        // meets the paragraph
	Gap       Outcome = "gap"       // a finding was raised
	Exception Outcome = "exception" // does not meet it, but the Client agreed in writing
	Due       Outcome = "due"       // not done yet, still within its deadline
	// Unjudged: a cell the rule needs is unreadable (an invalid finding
	// says which), so the row cannot be judged: never shown as meeting
	// the paragraph.
	Unjudged Outcome = "unjudged"
	// Later: the row is dated after the as-of date (an incident the Agency
	// became aware of later, a test starting later): as of then it had not
	// happened, so it is listed, not judged.
	Later Outcome = "later"
	// Earlier: the row's duty was done, late, before the review period
	// began: every finding of its gap was set aside (Finding.Before).
	Earlier Outcome = "earlier"
)

// Check is what one register row shows for one paragraph.
type Check struct {
	Paragraph string
	Source    string // the evidence source: a register's name, a governance section's source name, or "document"
	Subject   string
	Outcome   Outcome
	Detail    string
	// Deadline is the last compliant day, when the rule has one.
	Deadline time.Time
	// Margin is how many Units were left to spare at the event (or, when
	// nothing was done, at the as-of date), negative when late or overdue
	// (see Deadline.Judge). Only meaningful when Deadline is set.
	Margin int
	Unit   Unit // Days or WorkingDays
	Pos    diag.Pos
	// Named is true when the check only records that the evidence names
	// the paragraph (an [[evidence]] item, a register row's Paragraphs
	// cell): an attestation, not a rule's judgement of the duty.
	Named bool
}

func compareFinding(order map[string]int) func(a, b Finding) int {
	return func(a, b Finding) int {
		if c := cmp.Compare(a.Severity.Rank(), b.Severity.Rank()); c != 0 {
			return c
		}
		if c := cmp.Compare(order[a.Paragraph], order[b.Paragraph]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return cmp.Compare(a.Message, b.Message)
	}
}

func compareCheck(order map[string]int) func(a, b Check) int {
	return func(a, b Check) int {
		if c := cmp.Compare(order[a.Paragraph], order[b.Paragraph]); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Source, b.Source); c != 0 {
			return c
		}
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		return cmp.Compare(a.Detail, b.Detail)
	}
}
