package model

import (
	"time"

	"github.com/agency/evidence-site/generator/previous"
	"github.com/agency/evidence-site/generator/rules"
)

// ChangesHref is the Changes page: what changed since a previous build.
const ChangesHref = "changes.html"

// ChangesShown is the most findings of each list that the Changes page
// shows itself; a longer list continues on pages of its own
// (changes-open.html, changes-open--page-2.html, ...), and changes.json
// holds every one.
const ChangesShown = 100

// Changes is what changed since a previous review's build, for the
// Changes page, the dashboard and changes.json.
type Changes struct {
	Previous, Current ChangesSide
	// SharedOnly: the builds are of different forms, compared on the
	// paragraph ids they share (Compared of them), and on the findings
	// of those paragraphs and of none.
	SharedOnly bool
	// Compared counts the paragraphs both builds judged; OnlyPrevious and
	// OnlyCurrent those one of them alone did.
	Compared, OnlyPrevious, OnlyCurrent int
	// Days is the number of days from the previous as-of date to this one.
	Days int
	// Paragraphs are those whose status changed, in document order;
	// Better, Worse and Other count them by direction.
	Paragraphs           []ParagraphChange
	Better, Worse, Other int
	New, Resolved, Open  ChangeList
	SourcesAdded         []SourceChange
	SourcesGone          []SourceChange
}

// AddedShown and GoneShown are the sources added and gone that the
// Changes page shows: the first ChangesShown of each; changes.json holds
// them all.
func (c *Changes) AddedShown() []SourceChange {
	return c.SourcesAdded[:min(len(c.SourcesAdded), ChangesShown)]
}
func (c *Changes) GoneShown() []SourceChange {
	return c.SourcesGone[:min(len(c.SourcesGone), ChangesShown)]
}

// Lists are the lists of findings: new, resolved, still open.
func (c *Changes) Lists() []*ChangeList { return []*ChangeList{&c.New, &c.Resolved, &c.Open} }

// ChangesSide is one of the two builds compared.
type ChangesSide struct {
	AsOf, Form string
	// Counts are the statuses of the paragraphs compared (all of a
	// build's, or, when SharedOnly, those both builds judged); their
	// split into checked and attested is not compared.
	Counts Counts
	// Findings counts the findings compared.
	Findings int
}

// ParagraphChange is a paragraph whose status changed.
type ParagraphChange struct {
	ID, Title, Href string
	From, To        rules.Status
	// Direction is "better" (covered now, a gap or missing before),
	// "worse" (the reverse) or "other".
	Direction string
}

// ChangeList is one list of findings of the Changes page: new, resolved
// or still open.
type ChangeList struct {
	Name  string // "new", "resolved" or "open": its anchor on the Changes page
	Title string
	// Href is the first of the list's own pages when it is longer than
	// ChangesShown, else "".
	Href string
	Rows []ChangedFinding
}

// Shown is the part of the list that the Changes page shows.
func (l *ChangeList) Shown() []ChangedFinding { return l.Rows[:min(len(l.Rows), ChangesShown)] }

// ChangedFinding is a finding new, resolved or still open.
type ChangedFinding struct {
	// ID names the finding; Href is it on the gaps list, "" for a
	// finding resolved, which this build does not have.
	ID, Href                 string
	Paragraph, ParagraphHref string
	Kind                     rules.Kind
	Severity                 rules.Severity
	// PreviousSeverity is a finding still open's severity in the
	// previous build, when it was another.
	PreviousSeverity rules.Severity
	// Subject and Message are this build's, or for a finding resolved,
	// the previous build's.
	Subject, Message string
	// Since is, for a finding still open, the previous as-of date: it
	// has been open at least since then, Days days.
	Since string
	Days  int
}

// SourceChange is an evidence source that a paragraph gained or lost.
type SourceChange struct {
	Paragraph, ParagraphHref string
	Source, Title            string
	Href                     string // the source's page, for a source added
}

// ChangeListHref is the first page of a list of the Changes page.
func ChangeListHref(name string) string { return "changes-" + name + ".html" }

// snapshot is this build as a previous.Build, to compare.
func snapshot(s *Site, asOf time.Time) *previous.Build {
	b := &previous.Build{AsOf: asOf, Form: s.Contract.Form, Paragraphs: make([]previous.Paragraph, len(s.Paragraphs)), Findings: make([]previous.Finding, len(s.Findings))}
	for i, p := range s.Paragraphs {
		bp := previous.Paragraph{ID: p.ID, Heading: p.Title, Status: p.Status}
		for _, src := range p.Sources {
			bp.Sources = append(bp.Sources, previous.Source{Name: src.Name, Title: src.Title})
		}
		b.Paragraphs[i] = bp
	}
	for i, f := range s.Findings {
		b.Findings[i] = previous.Finding{ID: f.ID, Paragraph: f.Paragraph, Kind: f.Kind, Severity: f.Severity, Subject: f.Subject, Message: f.Message}
	}
	return b
}

// buildChanges compares the previous build with this one.
func buildChanges(prev *previous.Build, s *Site, asOf time.Time) *Changes {
	c := previous.Compare(prev, snapshot(s, asOf))
	byID := map[string]*Paragraph{}
	for _, p := range s.Paragraphs {
		byID[p.ID] = p
	}
	paraHref := func(id string) string {
		if byID[id] == nil {
			return ""
		}
		return ParagraphHref(id)
	}
	findings := make(map[string]*Finding, len(s.Findings))
	for i := range s.Findings {
		findings[s.Findings[i].ID] = &s.Findings[i]
	}
	side := func(sd previous.Side) ChangesSide {
		var n Counts
		n.Covered, n.Gap, n.Missing = sd.Statuses[rules.Covered], sd.Statuses[rules.GapStatus], sd.Statuses[rules.MissingStat]
		n.Info, n.NA = sd.Statuses[rules.Info], sd.Statuses[rules.NA]
		n.Total = n.Covered + n.Gap + n.Missing + n.Info + n.NA
		n.finish()
		return ChangesSide{AsOf: dateString(sd.AsOf), Form: sd.Form, Counts: n, Findings: sd.Findings}
	}
	m := &Changes{
		Previous: side(c.Previous), Current: side(c.Current),
		SharedOnly: c.SharedOnly, Compared: c.Compared, OnlyPrevious: c.OnlyPrevious, OnlyCurrent: c.OnlyCurrent, Days: c.Days,
	}
	for _, p := range c.Paragraphs {
		m.Paragraphs = append(m.Paragraphs, ParagraphChange{ID: p.ID, Title: p.Heading, Href: paraHref(p.ID), From: p.From, To: p.To, Direction: string(p.Direction)})
		switch p.Direction {
		case previous.Better:
			m.Better++
		case previous.Worse:
			m.Worse++
		default:
			m.Other++
		}
	}
	row := func(f previous.Finding) ChangedFinding {
		r := ChangedFinding{ID: f.ID, Paragraph: f.Paragraph, ParagraphHref: paraHref(f.Paragraph), Kind: f.Kind, Severity: f.Severity, Subject: f.Subject, Message: f.Message}
		if cf := findings[f.ID]; cf != nil {
			r.Href = cf.Href
		}
		return r
	}
	list := func(name, title string, n int) ChangeList {
		l := ChangeList{Name: name, Title: title, Rows: make([]ChangedFinding, 0, n)}
		if n > ChangesShown {
			l.Href = ChangeListHref(name)
		}
		return l
	}
	m.New = list("new", "New findings", len(c.New))
	for _, f := range c.New {
		m.New.Rows = append(m.New.Rows, row(f))
	}
	m.Resolved = list("resolved", "Findings resolved", len(c.Resolved))
	for _, f := range c.Resolved {
		m.Resolved.Rows = append(m.Resolved.Rows, row(f)) // no Href: not a finding of this build
	}
	m.Open = list("open", "Findings still open", len(c.Open))
	for _, o := range c.Open {
		r := row(o.Finding)
		if o.PreviousSeverity != o.Severity {
			r.PreviousSeverity = o.PreviousSeverity
		}
		r.Since, r.Days = dateString(o.Since), c.Days
		m.Open.Rows = append(m.Open.Rows, r)
	}
	source := func(sc previous.SourceChange, added bool) SourceChange {
		ch := SourceChange{Paragraph: sc.Paragraph, ParagraphHref: paraHref(sc.Paragraph), Source: sc.Source.Name, Title: sc.Source.Title}
		if p := byID[sc.Paragraph]; added && p != nil {
			for _, ref := range p.Sources {
				if ref.Name == sc.Source.Name {
					ch.Href = ref.Href
				}
			}
		}
		return ch
	}
	for _, sc := range c.SourcesAdded {
		m.SourcesAdded = append(m.SourcesAdded, source(sc, true))
	}
	for _, sc := range c.SourcesGone {
		m.SourcesGone = append(m.SourcesGone, source(sc, false))
	}
	return m
}
