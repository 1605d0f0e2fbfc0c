package site

import (
	"bytes"
	"encoding/json"

	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
)

// Coverage is coverage.json: every paragraph of the form with its status.
type Coverage struct {
	AsOf       string              `json:"as_of"`
	Form       string              `json:"form"`
	Paragraphs []CoverageParagraph `json:"paragraphs"`
}

// CoverageParagraph is one paragraph in coverage.json.
type CoverageParagraph struct {
	ID       string          `json:"id"`
	Heading  string          `json:"heading"`
	Status   string          `json:"status"`
	Basis    string          `json:"basis,omitempty"` // a covered paragraph's: "checked" or "attested"
	Checks   int             `json:"checks"`          // the checks behind it, whatever their outcome
	Reason   string          `json:"reason"`
	Evidence []EvidenceEntry `json:"evidence"`
	Gaps     int             `json:"gaps"`
}

// EvidenceEntry names one source of evidence for a paragraph.
type EvidenceEntry struct {
	Source string `json:"source"`
	Title  string `json:"title"`
	File   string `json:"file"`
}

// Gaps is gaps.json: every finding.
type Gaps struct {
	AsOf string `json:"as_of"`
	Form string `json:"form"`
	Gaps []Gap  `json:"gaps"`
}

// Gap is one finding in gaps.json.
type Gap struct {
	Paragraph string    `json:"paragraph"`
	Kind      string    `json:"kind"`
	Severity  string    `json:"severity"`
	Subject   string    `json:"subject"`
	Message   string    `json:"message"`
	Source    GapSource `json:"source"`
}

// GapSource is where a finding comes from: a workbook cell or a file line.
type GapSource struct {
	File  string `json:"file"`
	Sheet string `json:"sheet"`
	Cell  string `json:"cell"`
	Line  int    `json:"line"`
}

func coverage(s *model.Site) Coverage {
	c := Coverage{AsOf: s.Review.AsOf, Form: s.Contract.Form, Paragraphs: []CoverageParagraph{}}
	for _, p := range s.Paragraphs {
		cp := CoverageParagraph{ID: p.ID, Heading: p.Title, Status: string(p.Status), Basis: string(p.Basis), Checks: p.Checked, Reason: p.Reason, Evidence: []EvidenceEntry{}, Gaps: gapCount(p.Findings)}
		for _, src := range p.Sources {
			cp.Evidence = append(cp.Evidence, EvidenceEntry{Source: src.Name, Title: src.Title, File: src.File})
		}
		c.Paragraphs = append(c.Paragraphs, cp)
	}
	return c
}

func gaps(s *model.Site) Gaps {
	g := Gaps{AsOf: s.Review.AsOf, Form: s.Contract.Form, Gaps: []Gap{}}
	for _, f := range s.Findings {
		g.Gaps = append(g.Gaps, Gap{
			Paragraph: f.Paragraph, Kind: string(f.Kind), Severity: string(f.Severity),
			Subject: f.Subject, Message: f.Message,
			Source: GapSource{File: f.Pos.File, Sheet: f.Pos.Sheet, Cell: f.Pos.Cell, Line: f.Pos.Line},
		})
	}
	return g
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// gapCount counts the findings that make a paragraph a gap: all but notes.
func gapCount(fs []model.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Kind != rules.Note {
			n++
		}
	}
	return n
}
