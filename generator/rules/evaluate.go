package rules

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

// Status is a paragraph's coverage status.
type Status string

// Paragraph statuses.
const (
	Covered     Status = "covered" // evidence present, no finding
	GapStatus   Status = "gap"     // at least one finding
	MissingStat Status = "missing" // evidence expected, none given
	Info        Status = "info"    // no evidence expected
	NA          Status = "na"      // not applicable under this contract
)

// Input is everything a rule may look at. Rules read no clock and no files.
type Input struct {
	Config *config.Config
	// AsOf is the date every rule is judged at.
	AsOf     time.Time
	Calendar *workdays.Calendar
	// Paragraphs are the selected form's paragraphs, in document order.
	Paragraphs []schedule.Paragraph
	// Schedule is the whole schedule, both forms: evidence may name any
	// paragraph of it, and naming one that does not exist is an error.
	Schedule *schedule.Schedule
	Evidence *evidence.Evidence
}

// ParagraphResult is the outcome for one paragraph.
type ParagraphResult struct {
	ID     string
	Status Status
	Reason string
	// Sources are the registers (schema names) whose rows evidence it.
	Sources []string
}

// Result is the evaluation of every paragraph of the form.
type Result struct {
	Paragraphs []ParagraphResult // document order
	Findings   []Finding         // most severe first, then document order
	Checks     []Check           // document order, then register and row
}

type eval struct {
	in       Input
	order    map[string]int
	findings []Finding
	checks   []Check
	// extra lists, by paragraph, the registers whose rows name it in
	// their Paragraphs column.
	extra map[string][]string
}

// Evaluate runs every rule and derives each paragraph's status.
func Evaluate(in Input) Result {
	e := &eval{in: in, order: make(map[string]int, len(in.Paragraphs)), extra: map[string][]string{}}
	for i, p := range in.Paragraphs {
		e.order[p.ID] = i + 1
	}
	e.invalid()
	for _, f := range families() {
		f.run(e)
	}

	applies := make(map[string]bool, len(in.Paragraphs))
	for _, p := range in.Paragraphs {
		applies[p.ID] = Applies(p, in.Config.Contract)
	}
	// Findings against paragraphs outside the form or not applicable are
	// dropped, but an invalid one in a TOML file is kept with no paragraph
	// (outside.go); checks likewise dropped.
	e.findings = e.outside(applies)
	e.checks = slices.DeleteFunc(e.checks, func(c Check) bool { return !applies[c.Paragraph] })

	res := Result{}
	count := map[string]int{}
	for _, f := range e.findings {
		if f.Kind != Note { // a note is listed, but makes no paragraph a gap
			count[f.Paragraph]++
		}
	}
	for _, p := range in.Paragraphs {
		pr := ParagraphResult{ID: p.ID, Sources: e.sources(p)}
		switch {
		case !applies[p.ID]:
			pr.Status, pr.Reason = NA, naReason(p)
		case count[p.ID] > 0:
			pr.Status = GapStatus
			pr.Reason = fmt.Sprintf("%d finding%s against the evidence.", count[p.ID], plural(count[p.ID]))
		case len(p.Evidence) == 0:
			pr.Status, pr.Reason = Info, infoReason(p)
		case len(pr.Sources) > 0:
			pr.Status = Covered
			pr.Reason = "Evidenced by " + e.sourceTitles(pr.Sources) + ", with no findings."
		default:
			pr.Status = MissingStat
			pr.Reason = "Evidence expected (" + kindList(p.Evidence) + "); none given."
			e.findings = append(e.findings, Finding{
				Paragraph: p.ID, Kind: Missing, Severity: Medium,
				Message: "No evidence for this paragraph: expected " + kindList(p.Evidence) + ".",
				Pos:     diag.Pos{File: "content/" + p.File},
			})
		}
		res.Paragraphs = append(res.Paragraphs, pr)
	}
	slices.SortFunc(e.findings, compareFinding(e.order))
	slices.SortFunc(e.checks, compareCheck(e.order))
	res.Findings, res.Checks = e.findings, e.checks
	return res
}

// Applies reports whether a paragraph applies under the contract settings.
func Applies(p schedule.Paragraph, c config.Contract) bool {
	switch p.AppliesIf {
	case schedule.AppliesSecurityPolicy:
		return c.SecurityPolicy
	case schedule.AppliesBespokeISMS:
		return c.BespokeISMS
	case schedule.AppliesNotBespokeISMS:
		return !c.BespokeISMS
	}
	return true
}

func naReason(p schedule.Paragraph) string {
	var why string
	switch p.AppliesIf {
	case schedule.AppliesSecurityPolicy:
		why = "it applies only where the Client required the Security Policy after a Further Competition, and config.toml has [contract] security_policy = false"
	case schedule.AppliesBespokeISMS:
		why = "it applies only where the Client stipulated a bespoke ISMS, and config.toml has [contract] bespoke_isms = false"
	case schedule.AppliesNotBespokeISMS:
		why = "it applies only where no bespoke ISMS was stipulated, and config.toml has [contract] bespoke_isms = true"
	}
	s := "Not applicable: " + why + "."
	if p.AppliesNote != "" {
		s += " " + p.AppliesNote
	}
	return s
}

func infoReason(p schedule.Paragraph) string {
	switch {
	case p.Party == "client":
		return "No evidence expected: a duty or right of the Client."
	case !p.Obligation:
		return "No evidence expected: a definition, acknowledgement or statement that creates no obligation to evidence."
	}
	return "No evidence expected from the Agency for this paragraph."
}

// sources lists what evidences p: the registers present with rows that
// declare p in their schema, are of a kind p expects, or have rows naming
// p; then the governance documents of a kind p expects.
func (e *eval) sources(p schedule.Paragraph) []string {
	var out []string
	for _, r := range e.in.Evidence.Registers {
		if !r.Present || r.Rows == 0 {
			continue
		}
		if slices.Contains(r.Schema.Paragraphs(), p.ID) || slices.Contains(p.Evidence, r.Schema.Name) || slices.Contains(e.extra[p.ID], r.Schema.Name) {
			out = append(out, r.Schema.Name)
		}
	}
	for _, k := range e.in.Evidence.Documents.Sources() {
		if slices.Contains(p.Evidence, k) {
			out = append(out, k)
		}
	}
	for _, it := range e.in.Evidence.Documents.ItemsFor(p.ID) {
		out = append(out, ItemSource+it.ID)
	}
	return out
}

// ItemSource prefixes the id of an evidence item in ParagraphResult.Sources.
const ItemSource = "item:"

func (e *eval) sourceTitles(names []string) string {
	var parts []string
	for _, n := range names {
		if id, ok := strings.CutPrefix(n, ItemSource); ok {
			parts = append(parts, "evidence item "+id)
		} else if r := e.in.Evidence.Register(n); r != nil {
			parts = append(parts, fmt.Sprintf("the %s (%s)", strings.ToLower(r.Schema.Title), r.Path))
		} else {
			parts = append(parts, evidence.SourceTitle(n))
		}
	}
	return strings.Join(parts, " and ")
}

func kindList(kinds []string) string {
	titles := make([]string, len(kinds))
	for i, k := range kinds {
		titles[i] = evidence.SourceTitle(k)
	}
	return strings.Join(titles, ", or ")
}

// invalid turns every problem in the evidence into an invalid finding
// against each paragraph the offending column or key evidences; a problem
// with no paragraph (a TOML file that does not parse) is one finding with
// no paragraph.
func (e *eval) invalid() {
	problems := slices.Clone(e.in.Evidence.Documents.Problems)
	for _, r := range e.in.Evidence.Registers {
		problems = append(problems, r.Problems...)
	}
	for _, p := range problems {
		paras := p.Paragraphs
		if len(paras) == 0 {
			paras = []string{""}
		}
		for _, para := range paras {
			e.findings = append(e.findings, Finding{
				Paragraph: para, Kind: Invalid, Severity: Medium,
				Subject: p.Subject, Message: p.Msg, Pos: p.Pos,
			})
		}
	}
}

func (e *eval) finding(f Finding) { e.findings = append(e.findings, f) }
func (e *eval) check(c Check)     { e.checks = append(e.checks, c) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// day formats a date for messages: "Tue 27 May 2025".
func day(t time.Time) string { return t.Format("Mon 2 Jan 2006") }
