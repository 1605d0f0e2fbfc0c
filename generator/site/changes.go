package site

import "github.com/agency/evidence-site/generator/model"

// ChangesFile is what changed since the previous build, for machines: the
// Changes page's content, every list whole.
const ChangesFile = "changes.json"

// Changes is changes.json.
type Changes struct {
	Previous ChangesBuild `json:"previous"`
	Current  ChangesBuild `json:"current"`
	// Days is the number of days from the previous as-of date to this one.
	Days int `json:"days"`
	// SharedParagraphsOnly: the builds are of different forms, compared on
	// the paragraph ids they share, and on the findings of those
	// paragraphs and of none.
	SharedParagraphsOnly bool          `json:"shared_paragraphs_only"`
	Counts               ChangesCounts `json:"counts"`
	Paragraphs           []ChangedPara `json:"paragraphs_changed"`
	New                  []ChangedGap  `json:"findings_new"`
	Resolved             []ChangedGap  `json:"findings_resolved"`
	Open                 []ChangedGap  `json:"findings_open"`
	SourcesAdded         []ChangedSrc  `json:"sources_added"`
	SourcesGone          []ChangedSrc  `json:"sources_gone"`
}

// ChangesBuild is one of the two builds compared: its as-of date and
// form, its paragraphs compared by status and the findings compared.
type ChangesBuild struct {
	AsOf     string         `json:"as_of"`
	Form     string         `json:"form"`
	Statuses StatusesByName `json:"statuses"`
	Findings int            `json:"findings"`
}

// StatusesByName counts paragraphs by status.
type StatusesByName struct {
	Covered int `json:"covered"`
	Gap     int `json:"gap"`
	Missing int `json:"missing"`
	Info    int `json:"info"`
	NA      int `json:"na"`
}

// ChangesCounts counts every list, and the paragraphs compared.
type ChangesCounts struct {
	ParagraphsCompared     int `json:"paragraphs_compared"`
	ParagraphsOnlyPrevious int `json:"paragraphs_only_previous"`
	ParagraphsOnlyCurrent  int `json:"paragraphs_only_current"`
	ParagraphsBetter       int `json:"paragraphs_better"`
	ParagraphsWorse        int `json:"paragraphs_worse"`
	ParagraphsOther        int `json:"paragraphs_other"`
	FindingsNew            int `json:"findings_new"`
	FindingsResolved       int `json:"findings_resolved"`
	FindingsOpen           int `json:"findings_open"`
	SourcesAdded           int `json:"sources_added"`
	SourcesGone            int `json:"sources_gone"`
}

// ChangedPara is a paragraph whose status changed.
type ChangedPara struct {
	ID        string `json:"id"`
	Heading   string `json:"heading"`
	From      string `json:"from"`
	To        string `json:"to"`
	Direction string `json:"direction"` // "better", "worse" or "other"
}

// ChangedGap is a finding new, resolved or still open: as gaps.json has
// it, without its source; a finding still open also has the date it has
// been open since, at least, and for how many days, and its previous
// severity when that was another.
type ChangedGap struct {
	ID               string `json:"id"`
	Paragraph        string `json:"paragraph"`
	Kind             string `json:"kind"`
	Severity         string `json:"severity"`
	PreviousSeverity string `json:"previous_severity,omitempty"`
	Subject          string `json:"subject"`
	Message          string `json:"message"`
	Since            string `json:"since,omitempty"`
	Days             *int   `json:"days,omitempty"`
}

// ChangedSrc is an evidence source a paragraph gained or lost, named as
// coverage.json's evidence names it.
type ChangedSrc struct {
	Paragraph string `json:"paragraph"`
	Source    string `json:"source"`
	Title     string `json:"title"`
}

func changes(c *model.Changes) Changes {
	build := func(s model.ChangesSide) ChangesBuild {
		n := s.Counts
		return ChangesBuild{AsOf: s.AsOf, Form: s.Form, Findings: s.Findings,
			Statuses: StatusesByName{Covered: n.Covered, Gap: n.Gap, Missing: n.Missing, Info: n.Info, NA: n.NA}}
	}
	out := Changes{
		Previous: build(c.Previous), Current: build(c.Current), Days: c.Days, SharedParagraphsOnly: c.SharedOnly,
		Counts: ChangesCounts{
			ParagraphsCompared: c.Compared, ParagraphsOnlyPrevious: c.OnlyPrevious, ParagraphsOnlyCurrent: c.OnlyCurrent,
			ParagraphsBetter: c.Better, ParagraphsWorse: c.Worse, ParagraphsOther: c.Other,
			FindingsNew: len(c.New.Rows), FindingsResolved: len(c.Resolved.Rows), FindingsOpen: len(c.Open.Rows),
			SourcesAdded: len(c.SourcesAdded), SourcesGone: len(c.SourcesGone),
		},
		Paragraphs: []ChangedPara{}, New: gaps(c.New.Rows), Resolved: gaps(c.Resolved.Rows), Open: gaps(c.Open.Rows),
		SourcesAdded: sources(c.SourcesAdded), SourcesGone: sources(c.SourcesGone),
	}
	for _, p := range c.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, ChangedPara{ID: p.ID, Heading: p.Title, From: string(p.From), To: string(p.To), Direction: p.Direction})
	}
	return out
}

func gaps(rows []model.ChangedFinding) []ChangedGap {
	out := make([]ChangedGap, len(rows))
	for i, r := range rows {
		out[i] = ChangedGap{ID: r.ID, Paragraph: r.Paragraph, Kind: string(r.Kind), Severity: string(r.Severity), PreviousSeverity: string(r.PreviousSeverity),
			Subject: r.Subject, Message: r.Message, Since: r.Since}
		if r.Since != "" {
			out[i].Days = &rows[i].Days
		}
	}
	return out
}

func sources(rows []model.SourceChange) []ChangedSrc {
	out := make([]ChangedSrc, len(rows))
	for i, r := range rows {
		out[i] = ChangedSrc{Paragraph: r.Paragraph, Source: r.Source, Title: r.Title}
	}
	return out
}
