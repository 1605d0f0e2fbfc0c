package previous

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/rules"
)

func para(id string, st rules.Status, sources ...string) Paragraph {
	p := Paragraph{ID: id, Heading: "heading " + id, Status: st}
	for _, s := range sources {
		p.Sources = append(p.Sources, Source{Name: s, Title: "title " + s})
	}
	return p
}

func finding(id, paragraph string, sev rules.Severity) Finding {
	return Finding{ID: id, Paragraph: paragraph, Kind: rules.Violation, Severity: sev, Subject: "subject " + id, Message: "message " + id}
}

func TestCompare(t *testing.T) {
	last := time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC)
	now := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	const (
		cov, gap, miss = rules.Covered, rules.GapStatus, rules.MissingStat
		info, na       = rules.Info, rules.NA
	)
	for _, tt := range []struct {
		name      string
		prev, cur *Build
		want      *Changes
	}{
		{
			name: "one form, every kind of change",
			prev: &Build{AsOf: last, Form: "B",
				Paragraphs: []Paragraph{para("B.1", cov, "staff"), para("B.2", gap, "staff", "training"), para("B.3", miss), para("B.4", cov, "smp"),
					para("B.5", info), para("B.6", gap, "vulnerabilities"), para("B.7", gap)},
				Findings: []Finding{finding("F-a", "B.2", rules.High), finding("F-b", "B.3", rules.Medium), finding("F-c", "B.6", rules.High),
					finding("F-d", "", rules.Medium), finding("F-e", "B.7", rules.Low)}},
			cur: &Build{AsOf: now, Form: "B",
				Paragraphs: []Paragraph{para("B.1", gap, "staff", "devices"), para("B.2", cov, "staff"), para("B.3", gap, "incidents"), para("B.4", cov, "smp"),
					para("B.5", na), para("B.6", gap, "vulnerabilities"), para("B.8", gap)},
				Findings: []Finding{finding("F-f", "B.1", rules.Critical), finding("F-b", "B.3", rules.High), finding("F-c", "B.6", rules.High), finding("F-g", "B.8", rules.Medium)}},
			want: &Changes{
				Previous: Side{AsOf: last, Form: "B", Statuses: map[rules.Status]int{cov: 2, gap: 3, miss: 1, info: 1}, Findings: 5},
				Current:  Side{AsOf: now, Form: "B", Statuses: map[rules.Status]int{cov: 2, gap: 4, na: 1}, Findings: 4},
				Compared: 6, OnlyPrevious: 1, OnlyCurrent: 1, Days: 365,
				Paragraphs: []ParagraphChange{
					{"B.1", "heading B.1", cov, gap, Worse},
					{"B.2", "heading B.2", gap, cov, Better},
					{"B.3", "heading B.3", miss, gap, Other},
					{"B.5", "heading B.5", info, na, Other},
				},
				New:      []Finding{finding("F-f", "B.1", rules.Critical), finding("F-g", "B.8", rules.Medium)},
				Resolved: []Finding{finding("F-a", "B.2", rules.High), finding("F-d", "", rules.Medium), finding("F-e", "B.7", rules.Low)},
				Open: []Open{
					{Finding: finding("F-b", "B.3", rules.High), PreviousSeverity: rules.Medium, Since: last},
					{Finding: finding("F-c", "B.6", rules.High), PreviousSeverity: rules.High, Since: last},
				},
				SourcesAdded: []SourceChange{{"B.1", Source{"devices", "title devices"}}, {"B.3", Source{"incidents", "title incidents"}}},
				SourcesGone:  []SourceChange{{"B.2", Source{"training", "title training"}}},
			},
		},
		{
			name: "other forms: the paragraphs they share, and findings of no paragraph",
			prev: &Build{AsOf: last, Form: "A",
				Paragraphs: []Paragraph{para("A.1", gap), para("X.2", gap, "smp")},
				Findings:   []Finding{finding("F-a", "A.1", rules.High), finding("F-b", "X.2", rules.High), finding("F-d", "", rules.Medium), finding("F-k", "", rules.Medium)}},
			cur: &Build{AsOf: now, Form: "B",
				Paragraphs: []Paragraph{para("X.2", cov, "smp", "isms"), para("B.3", gap)},
				Findings:   []Finding{finding("F-x", "B.3", rules.High), finding("F-y", "", rules.Low), finding("F-k", "", rules.Medium)}},
			want: &Changes{
				Previous:   Side{AsOf: last, Form: "A", Statuses: map[rules.Status]int{gap: 1}, Findings: 3},
				Current:    Side{AsOf: now, Form: "B", Statuses: map[rules.Status]int{cov: 1}, Findings: 2},
				SharedOnly: true, Compared: 1, OnlyPrevious: 1, OnlyCurrent: 1, Days: 365,
				Paragraphs:   []ParagraphChange{{"X.2", "heading X.2", gap, cov, Better}},
				New:          []Finding{finding("F-y", "", rules.Low)},
				Resolved:     []Finding{finding("F-b", "X.2", rules.High), finding("F-d", "", rules.Medium)},
				Open:         []Open{{Finding: finding("F-k", "", rules.Medium), PreviousSeverity: rules.Medium, Since: last}},
				SourcesAdded: []SourceChange{{"X.2", Source{"isms", "title isms"}}},
			},
		},
		{
			name: "other forms sharing no paragraph",
			prev: &Build{AsOf: last, Form: "A", Paragraphs: []Paragraph{para("A.1", gap)}, Findings: []Finding{finding("F-a", "A.1", rules.High)}},
			cur:  &Build{AsOf: last, Form: "B", Paragraphs: []Paragraph{para("B.1", cov)}},
			want: &Changes{
				Previous:   Side{AsOf: last, Form: "A", Statuses: map[rules.Status]int{}},
				Current:    Side{AsOf: last, Form: "B", Statuses: map[rules.Status]int{}},
				SharedOnly: true, OnlyPrevious: 1, OnlyCurrent: 1,
			},
		},
		{
			name: "nothing changed",
			prev: &Build{AsOf: last, Form: "B", Paragraphs: []Paragraph{para("B.1", gap, "staff")}, Findings: []Finding{finding("F-a", "B.1", rules.High)}},
			cur:  &Build{AsOf: now, Form: "B", Paragraphs: []Paragraph{para("B.1", gap, "staff")}, Findings: []Finding{finding("F-a", "B.1", rules.High)}},
			want: &Changes{
				Previous: Side{AsOf: last, Form: "B", Statuses: map[rules.Status]int{gap: 1}, Findings: 1},
				Current:  Side{AsOf: now, Form: "B", Statuses: map[rules.Status]int{gap: 1}, Findings: 1},
				Compared: 1, Days: 365,
				Open: []Open{{Finding: finding("F-a", "B.1", rules.High), PreviousSeverity: rules.High, Since: last}},
			},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.prev, tt.cur)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", dump(got), dump(tt.want))
			}
		})
	}
}

func dump(c *Changes) string {
	return fmt.Sprintf("previous %+v\ncurrent %+v\nshared only %v, compared %d, only previous %d, only current %d, days %d\nparagraphs %+v\nnew %+v\nresolved %+v\nopen %+v\nadded %+v\ngone %+v",
		c.Previous, c.Current, c.SharedOnly, c.Compared, c.OnlyPrevious, c.OnlyCurrent, c.Days, c.Paragraphs, c.New, c.Resolved, c.Open, c.SourcesAdded, c.SourcesGone)
}

func TestDirection(t *testing.T) {
	for _, tt := range []struct {
		from, to rules.Status
		want     Direction
	}{
		{rules.GapStatus, rules.Covered, Better},
		{rules.MissingStat, rules.Covered, Better},
		{rules.Covered, rules.GapStatus, Worse},
		{rules.Covered, rules.MissingStat, Worse},
		{rules.GapStatus, rules.MissingStat, Other},
		{rules.MissingStat, rules.GapStatus, Other},
		{rules.NA, rules.Covered, Other},
		{rules.Covered, rules.Info, Other},
		{rules.Info, rules.GapStatus, Other},
	} {
		if got := direction(tt.from, tt.to); got != tt.want {
			t.Errorf("direction(%s, %s) = %s, want %s", tt.from, tt.to, got, tt.want)
		}
	}
}
