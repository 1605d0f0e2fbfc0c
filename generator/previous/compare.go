package previous

import (
	"math"
	"slices"
	"time"

	"github.com/agency/evidence-site/generator/rules"
)

// Changes is what changed from a previous build to this one.
type Changes struct {
	Previous, Current Side
	// SharedOnly: the builds judged different forms, so they are compared
	// on the paragraph ids they share, and on the findings of those
	// paragraphs and of none; the other paragraphs, and their findings,
	// are left out. Builds of one form compare every paragraph and every
	// finding.
	SharedOnly bool
	// Compared counts the paragraphs both builds judged; OnlyPrevious and
	// OnlyCurrent those that one alone did.
	Compared, OnlyPrevious, OnlyCurrent int
	// Days is the number of days from the previous as-of date to this one.
	Days int
	// Paragraphs are the paragraphs whose status changed, in this build's
	// order.
	Paragraphs []ParagraphChange
	// New are this build's findings that the previous build did not have,
	// in this build's order (most severe first).
	New []Finding
	// Resolved are the previous build's findings that this build does not
	// have, in the previous build's order.
	Resolved []Finding
	// Open are the findings both builds have, in this build's order.
	Open []Open
	// SourcesAdded are the evidence sources of a paragraph in this build
	// and not in the previous, in this build's order of paragraphs and
	// sources; SourcesGone those in the previous and not in this one.
	SourcesAdded, SourcesGone []SourceChange
}

// Side is one build of a comparison.
type Side struct {
	AsOf time.Time
	Form string
	// Statuses counts the paragraphs compared by status: when SharedOnly
	// those both builds judged, else all the build's.
	Statuses map[rules.Status]int
	// Findings counts the findings compared.
	Findings int
}

// Direction says whether a paragraph's change of status is for the better.
type Direction string

// Directions of a change of status.
const (
	// Better: covered now, a gap or missing before.
	Better Direction = "better"
	// Worse: a gap or missing now, covered before.
	Worse Direction = "worse"
	// Other: any other change: between gap and missing, or into or out
	// of "no evidence expected" or "not applicable", which follow the
	// configuration and the schedule, not the evidence.
	Other Direction = "other"
)

// ParagraphChange is a paragraph whose status changed.
type ParagraphChange struct {
	ID, Heading string // this build's
	From, To    rules.Status
	Direction   Direction
}

// Open is a finding both builds have: this build's, with the previous
// build's severity.
type Open struct {
	Finding
	PreviousSeverity rules.Severity
	// Since is the previous build's as-of date: the finding has been open
	// at least since then.
	Since time.Time
}

// SourceChange is an evidence source that a paragraph gained or lost.
type SourceChange struct {
	Paragraph string
	Source    Source
}

// Compare compares the previous build prev with this build cur, finding
// by finding by ID, paragraph by paragraph by ID.
func Compare(prev, cur *Build) *Changes {
	c := &Changes{
		Previous:   Side{AsOf: prev.AsOf, Form: prev.Form, Statuses: map[rules.Status]int{}},
		Current:    Side{AsOf: cur.AsOf, Form: cur.Form, Statuses: map[rules.Status]int{}},
		SharedOnly: prev.Form != cur.Form,
		Days:       int(math.Round(cur.AsOf.Sub(prev.AsOf).Hours() / 24)),
	}
	before := make(map[string]*Paragraph, len(prev.Paragraphs))
	for i := range prev.Paragraphs {
		before[prev.Paragraphs[i].ID] = &prev.Paragraphs[i]
	}
	shared := map[string]bool{}
	for i := range cur.Paragraphs {
		now := &cur.Paragraphs[i]
		was := before[now.ID]
		if was == nil {
			c.OnlyCurrent++
			if !c.SharedOnly {
				c.Current.Statuses[now.Status]++
			}
			continue
		}
		shared[now.ID] = true
		c.Compared++
		c.Current.Statuses[now.Status]++
		if was.Status != now.Status {
			c.Paragraphs = append(c.Paragraphs, ParagraphChange{ID: now.ID, Heading: now.Heading, From: was.Status, To: now.Status, Direction: direction(was.Status, now.Status)})
		}
		for _, s := range now.Sources {
			if !hasSource(was.Sources, s.Name) {
				c.SourcesAdded = append(c.SourcesAdded, SourceChange{now.ID, s})
			}
		}
		for _, s := range was.Sources {
			if !hasSource(now.Sources, s.Name) {
				c.SourcesGone = append(c.SourcesGone, SourceChange{now.ID, s})
			}
		}
	}
	for _, p := range prev.Paragraphs {
		switch {
		case shared[p.ID]:
			c.Previous.Statuses[p.Status]++
		case !c.SharedOnly:
			c.Previous.Statuses[p.Status]++
			c.OnlyPrevious++
		default:
			c.OnlyPrevious++
		}
	}
	compared := func(f *Finding) bool { return !c.SharedOnly || f.Paragraph == "" || shared[f.Paragraph] }
	was := make(map[string]*Finding, len(prev.Findings))
	for i := range prev.Findings {
		if f := &prev.Findings[i]; compared(f) {
			was[f.ID] = f
			c.Previous.Findings++
		}
	}
	still := make(map[string]bool, len(cur.Findings))
	for _, f := range cur.Findings {
		if !compared(&f) {
			continue
		}
		c.Current.Findings++
		if w := was[f.ID]; w != nil {
			still[f.ID] = true
			c.Open = append(c.Open, Open{Finding: f, PreviousSeverity: w.Severity, Since: prev.AsOf})
		} else {
			c.New = append(c.New, f)
		}
	}
	for _, f := range prev.Findings {
		if compared(&f) && !still[f.ID] {
			c.Resolved = append(c.Resolved, f)
		}
	}
	return c
}

func hasSource(ss []Source, name string) bool {
	return slices.ContainsFunc(ss, func(s Source) bool { return s.Name == name })
}

// direction says whether a change of status from one to another is for
// the better.
func direction(from, to rules.Status) Direction {
	assessed := func(s rules.Status) bool { return s == rules.GapStatus || s == rules.MissingStat }
	switch {
	case to == rules.Covered && assessed(from):
		return Better
	case from == rules.Covered && assessed(to):
		return Worse
	}
	return Other
}
