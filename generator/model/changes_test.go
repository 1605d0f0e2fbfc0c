package model

import (
	"fmt"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/previous"
	"github.com/agency/evidence-site/generator/rules"
)

// The Changes page links each entry to its paragraph, when this build
// has it, and to the finding on the gaps list, when this build has it; a
// list longer than ChangesShown gets pages of its own.
func TestBuildChanges(t *testing.T) {
	last, now := time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	s := &Site{Contract: Contract{Form: "B"}}
	for _, p := range []struct {
		id string
		st rules.Status
	}{{"B.1", rules.Covered}, {"B.2", rules.GapStatus}, {"B.3", rules.Info}} {
		mp := &Paragraph{ID: p.id, Title: "Title " + p.id, Status: p.st}
		if p.st != rules.Info {
			mp.Sources = []SourceRef{{Name: "staff", Title: "Staff", Href: "registers/staff.html"}}
		}
		s.Paragraphs = append(s.Paragraphs, mp)
	}
	prev := &previous.Build{AsOf: last, Form: "B", Paragraphs: []previous.Paragraph{
		{ID: "B.1", Status: rules.GapStatus, Sources: []previous.Source{{Name: "smp", Title: "SMP"}}},
		{ID: "B.2", Status: rules.GapStatus, Sources: []previous.Source{{Name: "staff"}}},
		{ID: "B.3", Status: rules.Info},
		{ID: "B.9", Status: rules.GapStatus},
	}}
	// ChangesShown+1 findings open, one new, one resolved on a
	// paragraph this build has, one on a paragraph it has not.
	for i := range ChangesShown + 1 {
		id := fmt.Sprintf("F-%012x", i)
		s.Findings = append(s.Findings, Finding{ID: id, Href: FindingHref(i, id), Paragraph: "B.2", Severity: rules.High})
		prev.Findings = append(prev.Findings, previous.Finding{ID: id, Paragraph: "B.2", Severity: rules.Medium})
	}
	s.Findings = append(s.Findings, Finding{ID: "F-new000000000", Href: FindingHref(ChangesShown+1, "F-new000000000"), Paragraph: "B.2", Severity: rules.Low})
	prev.Findings = append(prev.Findings, previous.Finding{ID: "F-old000000001", Paragraph: "B.1"}, previous.Finding{ID: "F-old000000002", Paragraph: "B.9"})

	c := buildChanges(prev, s, now)
	if c.Previous.AsOf != "2025-11-27" || c.Current.AsOf != "2026-11-27" || c.Days != 365 {
		t.Errorf("dates %s, %s, %d days", c.Previous.AsOf, c.Current.AsOf, c.Days)
	}
	if p, n := c.Previous.Counts, c.Current.Counts; p.Gap != 3 || p.Info != 1 || p.Total != 4 || n.Covered != 1 || n.Gap != 1 || n.CoveredPct != 50 {
		t.Errorf("counts: previous %+v, current %+v", p, n)
	}
	if want := (ParagraphChange{ID: "B.1", Title: "Title B.1", Href: "paragraphs/B-1.html", From: rules.GapStatus, To: rules.Covered, Direction: "better"}); len(c.Paragraphs) != 1 || c.Paragraphs[0] != want || c.Better != 1 {
		t.Errorf("paragraphs %+v", c.Paragraphs)
	}
	if len(c.New.Rows) != 1 || c.New.Rows[0].Href != "gaps.html#F-new000000000" || c.New.Rows[0].ParagraphHref != "paragraphs/B-2.html" || c.New.Href != "" {
		t.Errorf("new %+v", c.New)
	}
	if r := c.Resolved.Rows; len(r) != 2 || r[0].Href != "" || r[0].ParagraphHref != "paragraphs/B-1.html" || r[1].ParagraphHref != "" {
		t.Errorf("resolved %+v", r)
	}
	open := c.Open
	if len(open.Rows) != ChangesShown+1 || open.Href != "changes-open.html" || len(open.Shown()) != ChangesShown {
		t.Fatalf("open: %d rows, href %q, %d shown", len(open.Rows), open.Href, len(open.Shown()))
	}
	if r := open.Rows[ChangesShown]; r.Href != FindingHref(ChangesShown, r.ID) || r.PreviousSeverity != rules.Medium || r.Since != "2025-11-27" || r.Days != 365 {
		t.Errorf("open row %+v", r)
	}
	if a := c.SourcesAdded; len(a) != 1 || a[0] != (SourceChange{Paragraph: "B.1", ParagraphHref: "paragraphs/B-1.html", Source: "staff", Title: "Staff", Href: "registers/staff.html"}) {
		t.Errorf("added %+v", a)
	}
	if g := c.SourcesGone; len(g) != 1 || g[0] != (SourceChange{Paragraph: "B.1", ParagraphHref: "paragraphs/B-1.html", Source: "smp", Title: "SMP"}) {
		t.Errorf("gone %+v", g)
	}
}
