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
	// Consume lets Evaluate drop each register's typed rows from Evidence
	// (Evidence.DropRecords) as soon as the last rule that reads them has
	// run, so that a large register's rows do not stay in memory beside
	// every check made after them. The registers' display rows stay.
	Consume bool
}

// Basis is what a covered paragraph rests on.
type Basis string

// Bases.
const (
	// Checked: at least one rule checked rows or documents for the
	// paragraph, and none has a finding.
	Checked Basis = "checked"
	// Attested: no rule checks it; documents, evidence items or register
	// rows that name the paragraph support it, and none has a finding.
	Attested Basis = "attested"
)

// ParagraphResult is the outcome for one paragraph.
type ParagraphResult struct {
	ID     string
	Status Status
	// Basis is what a covered paragraph rests on; "" for any other status.
	Basis  Basis
	Reason string
	// Checks counts the checks behind it, whatever their outcome.
	Checks int
	// Sources are what evidences it: the sources whose rules checked it
	// (evidence source names), then the evidence items naming it
	// (ItemSource + id).
	Sources []string
}

// Result is the evaluation of every paragraph of the form.
type Result struct {
	Paragraphs []ParagraphResult // document order
	Findings   []Finding         // most severe first, then document order
	Checks     []Check           // document order, then register and row
	// Unreadable lists the registers supplied but not readable at all
	// (not a workbook, no such sheet, no header row), in table order:
	// every paragraph that depends on them is a gap.
	Unreadable []*evidence.Register
	// Obligations are the deadlines coming due: those falling on the as-of
	// date or within [review] horizon_days after it, by date, then
	// document order (obligations.go).
	Obligations []Obligation
}

type eval struct {
	in       Input
	order    map[string]int
	findings []Finding
	checks   []Check
	// obligations are the deadlines coming due, as the rules record them
	// (owe).
	obligations []Obligation
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
	rows := 0
	for _, r := range in.Evidence.Registers {
		rows += len(r.Data)
	}
	e.checks = make([]Check, 0, 2*rows) // most rows are checked under one or two paragraphs
	e.invalid()
	fs := families()
	last := map[string]int{} // register -> the last family that reads it
	for i, f := range fs {
		for _, r := range f.reads {
			last[r] = i
		}
	}
	for i, f := range fs {
		f.run(e)
		if in.Consume {
			for _, r := range f.reads {
				if last[r] == i {
					in.Evidence.DropRecords(r)
				}
			}
		}
	}

	e.unjudged()
	e.quietChecks()
	unreadable := e.unreadable()

	applies := make(map[string]bool, len(in.Paragraphs))
	for _, p := range in.Paragraphs {
		applies[p.ID] = Applies(p, in.Config.Contract)
	}
	// Findings against paragraphs outside the form or not applicable are
	// dropped, but an invalid one in a TOML file is kept with no paragraph
	// (outside.go); checks likewise dropped.
	e.findings = e.outside(applies)
	e.checks = slices.DeleteFunc(e.checks, func(c Check) bool { return !applies[c.Paragraph] })

	res := Result{Unreadable: unreadable, Obligations: e.comingDue(applies)}
	count, notes, before := map[string]int{}, map[string]int{}, map[string]int{}
	start := in.Config.Review.PeriodStart
	for i := range e.findings {
		f := &e.findings[i]
		// Something done late, but before the review period began, is
		// last period's: listed apart, it makes no paragraph a gap.
		f.Before = !f.Done.IsZero() && !start.IsZero() && f.Done.Before(start)
		switch {
		case f.Before:
			before[f.Paragraph]++
		case f.Kind == Note: // a note is listed, but makes no paragraph a gap
			notes[f.Paragraph]++
		default:
			count[f.Paragraph]++
		}
	}
	// Each paragraph's checks, in the order made, as indices into e.checks:
	// half a million checks are not copied again.
	checks := make(map[string][]int32, len(in.Paragraphs))
	for i := range e.checks {
		checks[e.checks[i].Paragraph] = append(checks[e.checks[i].Paragraph], int32(i))
	}
	for _, p := range in.Paragraphs {
		pr := e.status(p, applies[p.ID], count[p.ID], checks[p.ID])
		if n := notes[p.ID]; n > 0 && pr.Status == Covered {
			pr.Reason += fmt.Sprintf(" %d note%s: an observation, not a gap.", n, plural(n))
		}
		if n := before[p.ID]; n > 0 && applies[p.ID] {
			pr.Reason += fmt.Sprintf(" %d finding%s set aside: done late, but before this review period began on %s.", n, plural(n), start.Format(time.DateOnly))
		}
		res.Paragraphs = append(res.Paragraphs, pr)
	}
	e.settled()
	slices.SortFunc(e.findings, compareFinding(e.order))
	assignIDs(e.findings, in.Evidence)
	slices.SortFunc(e.checks, compareCheck(e.order))
	res.Findings, res.Checks = e.findings, e.checks
	return res
}

// status derives a paragraph's status from its findings and checks. A
// paragraph is covered only on a check: a rule that judged rows or
// documents for it (checked), or evidence that names it (attested). A
// register or section merely present covers nothing.
func (e *eval) status(p schedule.Paragraph, applies bool, findings int, checks []int32) ParagraphResult {
	pr := ParagraphResult{ID: p.ID, Checks: len(checks)}
	judged, named := 0, 0
	for _, i := range checks {
		c := &e.checks[i]
		switch {
		case c.Outcome == Later:
			// Listed, not judged: dated after the as-of date.
		case c.Named:
			named++
		default:
			judged++
		}
		if c.Source != evidence.DocumentSource && !slices.Contains(pr.Sources, c.Source) {
			pr.Sources = append(pr.Sources, c.Source)
		}
	}
	for _, it := range e.in.Evidence.Documents.ItemsFor(p.ID) {
		pr.Sources = append(pr.Sources, ItemSource+it.ID)
	}
	switch {
	case !applies:
		pr.Status, pr.Reason, pr.Checks, pr.Sources = NA, naReason(p), 0, nil
	case findings > 0:
		pr.Status = GapStatus
		pr.Reason = fmt.Sprintf("%d finding%s against the evidence.", findings, plural(findings))
	case len(p.Evidence) == 0:
		pr.Status, pr.Reason = Info, infoReason(p)
	case judged > 0:
		pr.Status, pr.Basis = Covered, Checked
		pr.Reason = fmt.Sprintf("Checked: %d row%s or document%s of %s, with no findings.", judged, plural(judged), plural(judged), e.sourceTitles(pr.Sources))
	case named > 0:
		pr.Status, pr.Basis = Covered, Attested
		pr.Reason = "Attested by " + e.sourceTitles(pr.Sources) + ", which name" + map[bool]string{true: "s", false: ""}[len(pr.Sources) == 1] + " this paragraph; no rule of this tool checks it. Review the evidence itself."
	default:
		pr.Status, pr.Sources = MissingStat, nil
		reason, msg := e.missing(p)
		pr.Reason = reason
		e.findings = append(e.findings, Finding{
			Paragraph: p.ID, Kind: Missing, Severity: Medium,
			Message: msg, Pos: diag.At("content/"+p.File, 0, 0),
		})
	}
	return pr
}

// missing says why a paragraph that expects evidence has none, as its
// reason and as its finding's message: nothing of the sources it expects
// was supplied, or what was supplied holds nothing a rule judges for it.
func (e *eval) missing(p schedule.Paragraph) (reason, msg string) {
	var supplied []string
	for _, k := range p.Evidence {
		if r := e.in.Evidence.Register(k); r != nil && r.Present || slices.Contains(e.in.Evidence.Documents.Sources(), k) {
			supplied = append(supplied, evidence.SourceTitle(k))
		}
	}
	if len(supplied) == 0 {
		return "Evidence expected (" + kindList(p.Evidence) + "); none given.",
			"No evidence for this paragraph: expected " + kindList(p.Evidence) + "."
	}
	nothing := strings.Join(supplied, " and ") + " holds nothing this tool checks for this paragraph; an [[evidence]] item that names it would attest it."
	return "Evidence expected (" + kindList(p.Evidence) + "); " + nothing,
		"No evidence for this paragraph: expected " + kindList(p.Evidence) + "; " + nothing
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

// settled makes Earlier each gap check whose findings (for its paragraph
// and subject) were all set aside as before the review period: the row
// met its duty late, but in the previous period, and shows so.
func (e *eval) settled() {
	type key struct{ para, subject string }
	before, open := map[key]bool{}, map[key]bool{}
	for _, f := range e.findings {
		k := key{f.Paragraph, strings.ToUpper(f.Subject)}
		switch {
		case f.Before:
			before[k] = true
		case f.Kind != Note:
			open[k] = true
		}
	}
	if len(before) == 0 {
		return
	}
	for i := range e.checks {
		c := &e.checks[i]
		if k := (key{c.Paragraph, strings.ToUpper(c.Subject)}); c.Outcome == Gap && before[k] && !open[k] {
			c.Outcome = Earlier
		}
	}
}
func (e *eval) check(c Check) { e.checks = append(e.checks, c) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// day formats a date for messages: "Tue 27 May 2025".
func day(t time.Time) string { return t.Format("Mon 2 Jan 2006") }
