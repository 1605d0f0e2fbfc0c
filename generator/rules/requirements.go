package rules

import (
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
)

// requirements gathers what one row shows for one paragraph when several
// requirements apply to it (a device must be encrypted, name its product,
// have an accepted assurance and a current attestation). Each failed
// requirement is a finding and a problem in the check's detail. The
// check's deadline and margin are those of the tightest dated
// requirement, unless one with no deadline failed (not encrypted: there
// are no days to spare to show).
type requirements struct {
	e     *eval
	check Check // paragraph, source, subject and position
	bad   []string
	// invalid: a cell a requirement depends on was unreadable (reported
	// already as invalid); with nothing else wrong, no check is recorded.
	invalid bool
	undated bool // a requirement with no deadline failed
	dated   []Judgement
}

func (e *eval) requirements(c Check) *requirements { return &requirements{e: e, check: c} }

// fail records a failed requirement with no deadline.
func (r *requirements) fail(kind Kind, sev Severity, pos diag.Pos, problem, msg string) {
	r.undated = true
	r.add(kind, sev, pos, problem, msg, time.Time{})
}

// failDated records a failed requirement whose judgement was just added
// with judged: if it was done, late, the finding says when (Done).
func (r *requirements) failDated(kind Kind, sev Severity, pos diag.Pos, problem, msg string) {
	var done time.Time
	if n := len(r.dated); n > 0 && r.dated[n-1].Late() {
		done = r.dated[n-1].Done
	}
	r.add(kind, sev, pos, problem, msg, done)
}

func (r *requirements) add(kind Kind, sev Severity, pos diag.Pos, problem, msg string, done time.Time) {
	r.bad = append(r.bad, problem)
	r.e.finding(Finding{Paragraph: r.check.Paragraph, Kind: kind, Severity: sev, Subject: r.check.Subject, Pos: pos, Message: msg, Done: done})
}

// judged adds a dated requirement.
func (r *requirements) judged(j Judgement) { r.dated = append(r.dated, j) }

// record records the check: a gap listing every failed requirement; else
// the tightest dated requirement's outcome (OK or due) with met as its
// detail. Nothing is recorded when a cell was unreadable and nothing else
// failed.
func (r *requirements) record(met func() string) {
	if r.invalid && len(r.bad) == 0 {
		return
	}
	c := r.check
	c.Outcome = OK
	if len(r.dated) > 0 && !r.undated {
		c = slices.MinFunc(r.dated, func(x, y Judgement) int { return x.Margin - y.Margin }).stamp(c)
	}
	if len(r.bad) > 0 {
		c.Outcome, c.Detail = Gap, strings.Join(r.bad, "; ")
	} else {
		c.Detail = met()
	}
	r.e.check(c)
}
