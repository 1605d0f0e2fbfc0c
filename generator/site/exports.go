package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

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
	// Findings are the IDs of its findings, as gaps.json lists them.
	Findings []string `json:"findings"`
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
	ID        string    `json:"id"`
	Paragraph string    `json:"paragraph"`
	Kind      string    `json:"kind"`
	Severity  string    `json:"severity"`
	Subject   string    `json:"subject"`
	Message   string    `json:"message"`
	Source    GapSource `json:"source"`
	// BeforePeriod: set aside, as done (late) before the review period
	// began; such findings come last and count in no paragraph's status.
	BeforePeriod bool `json:"before_period,omitempty"`
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
		cp := CoverageParagraph{ID: p.ID, Heading: p.Title, Status: string(p.Status), Basis: string(p.Basis), Checks: p.Checked, Reason: p.Reason, Evidence: []EvidenceEntry{}, Gaps: gapCount(p.Findings), Findings: []string{}}
		for _, f := range p.Findings {
			cp.Findings = append(cp.Findings, f.ID)
		}
		for _, src := range p.Sources {
			cp.Evidence = append(cp.Evidence, EvidenceEntry{Source: src.Name, Title: src.Title, File: src.File})
		}
		c.Paragraphs = append(c.Paragraphs, cp)
	}
	return c
}

func gap(f *model.Finding) Gap {
	return Gap{
		ID:        f.ID,
		Paragraph: f.Paragraph, Kind: string(f.Kind), Severity: string(f.Severity),
		Subject: f.Subject, Message: f.Message, BeforePeriod: f.Before,
		Source: GapSource{File: f.Pos.File(), Sheet: f.Pos.Sheet(), Cell: f.Pos.Cell(), Line: f.Pos.TextLine()},
	}
}

// writeJSON writes v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeGaps writes gaps.json one finding at a time: byte for byte what
// writeJSON writes for the whole Gaps, without holding a second copy of
// every finding, and then a third indented.
func writeGaps(w io.Writer, s *model.Site) error {
	asOf, err := json.Marshal(s.Review.AsOf)
	if err != nil {
		return err
	}
	form, err := json.Marshal(s.Contract.Form)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "{\n  \"as_of\": %s,\n  \"form\": %s,\n  \"gaps\": ", asOf, form); err != nil {
		return err
	}
	if len(s.Findings)+len(s.Earlier) == 0 {
		_, err := io.WriteString(w, "[]\n}\n")
		return err
	}
	for i := range len(s.Findings) + len(s.Earlier) {
		sep := ",\n    "
		if i == 0 {
			sep = "[\n    "
		}
		f := listed(s, i)
		data, err := json.MarshalIndent(gap(f), "    ", "  ")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	_, err = io.WriteString(w, "\n  ]\n}\n")
	return err
}

// listed is the i-th finding of gaps.json and gaps.csv: the site's, then
// those set aside as before the review period.
func listed(s *model.Site, i int) *model.Finding {
	if i < len(s.Findings) {
		return &s.Findings[i]
	}
	return &s.Earlier[i-len(s.Findings)]
}

// GapsPagesScript maps the findings on the gaps list's later pages to
// their page, so that gaps.html#F-… finds a finding wherever it is: a
// script, as a page opened from file:// can load no JSON.
const GapsPagesScript = "gaps-pages.js"

// writeGapsPages writes GapsPagesScript: siteGapsPages({"F-…": 2, …}).
func writeGapsPages(w io.Writer, s *model.Site) error {
	var b bytes.Buffer
	b.WriteString("siteGapsPages({")
	for i := model.PageRows; i < len(s.Findings); i++ {
		if i > model.PageRows {
			b.WriteByte(',')
		}
		id, _ := json.Marshal(s.Findings[i].ID)
		b.Write(id)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(model.PageOf(i)))
		if b.Len() > 64<<10 {
			if _, err := w.Write(b.Bytes()); err != nil {
				return err
			}
			b.Reset()
		}
	}
	b.WriteString("});\n")
	_, err := w.Write(b.Bytes())
	return err
}

// gapCount counts the findings that make a paragraph a gap: all but notes.
func gapCount(fs []*model.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Kind != rules.Note {
			n++
		}
	}
	return n
}
