package model

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/previous"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

// Input is what Build assembles.
type Input struct {
	Config     *config.Config
	AsOf       time.Time
	AsOfSource string
	Schedule   *schedule.Schedule
	Evidence   *evidence.Evidence
	Result     rules.Result
	Calendar   *workdays.Calendar
	// Fingerprint is the build's fingerprint (package pack).
	Fingerprint string
	// Redaction, if not nil, says what the output will have redacted.
	Redaction *Redaction
	// Previous, if not nil, is the previous review's build, to compare
	// with.
	Previous *previous.Build
}

// ParagraphHref is a paragraph page's path from the site root.
func ParagraphHref(id string) string { return "paragraphs/" + schedule.Slug(id) + ".html" }

// GapsHref is the gaps list's first page.
const GapsHref = "gaps.html"

// RegisterHref is a register page's path from the site root.
func RegisterHref(name string) string { return "registers/" + name + ".html" }

// RowAnchor is the anchor of a register row.
func RowAnchor(key string) string { return "row-" + schedule.Slug(key) }

// FindingHref is the site's finding i (counted from 0), whose ID is id,
// on its page of the gaps list: its row's anchor is its ID.
func FindingHref(i int, id string) string { return PageHref(GapsHref, PageOf(i)) + "#" + id }

// Build assembles the view model.
func Build(in Input) *Site {
	c := in.Config
	form := c.Contract.Form
	s := &Site{
		Title: c.Site.Title,
		Contract: Contract{
			Name: c.Contract.Name, Client: c.Contract.Client, Agency: c.Contract.Agency,
			Form: form, FormTitle: formTitle(in.Schedule, form),
			StartDate:      dateString(c.Contract.StartDate),
			SecurityPolicy: c.Contract.SecurityPolicy, BespokeISMS: c.Contract.BespokeISMS,
		},
		Review:      Review{PeriodStart: dateString(c.Review.PeriodStart), AsOf: dateString(in.AsOf), AsOfSource: in.AsOfSource},
		Intro:       in.Schedule.Intro,
		Fingerprint: in.Fingerprint,
		Marking:     c.Publish.Marking,
		Redaction:   in.Redaction,
		Unread:      in.Evidence.Unread,
	}
	s.Calendar = buildCalendar(in)

	paras := in.Schedule.Form(form)
	results := map[string]rules.ParagraphResult{}
	for _, r := range in.Result.Paragraphs {
		results[r.ID] = r
	}
	byID := map[string]*Paragraph{}
	files := checkedFiles(in)
	for _, p := range paras {
		r := results[p.ID]
		mp := &Paragraph{
			ID: p.ID, Slug: schedule.Slug(p.ID), Number: p.Number, Title: p.Title, Part: p.Part,
			Section: sectionLabel(p.Section), Depth: p.Depth,
			Obligation: p.Obligation, Party: p.Party,
			Status: r.Status, Basis: r.Basis, Checked: r.Checks, Reason: r.Reason,
			AppliesNote: p.AppliesNote, DraftingNote: p.DraftingNote,
			Body: p.Body, Items: strings.Contains(p.Body, schedule.ItemsMarker),
			Source: "content/" + p.File,
		}
		for _, k := range p.Evidence {
			mp.Evidence = append(mp.Evidence, evidence.SourceTitle(k))
		}
		for _, name := range r.Sources {
			if ref, ok := sourceRef(in, files, name); ok {
				mp.Sources = append(mp.Sources, ref)
			}
		}
		for _, it := range in.Evidence.Documents.ItemsFor(p.ID) {
			for _, a := range attachmentLinks(it.Attachments, in.Redaction != nil) {
				if !slices.Contains(mp.Attachments, a) {
					mp.Attachments = append(mp.Attachments, a)
				}
			}
		}
		s.Paragraphs = append(s.Paragraphs, mp)
		byID[p.ID] = mp
	}
	for i, mp := range s.Paragraphs {
		p := paras[i]
		if p.Parent != "" {
			if parent, ok := byID[p.Parent]; ok {
				mp.Parent = paraLink(parent)
				parent.Children = append(parent.Children, *paraLink(mp))
			}
		}
		if i > 0 {
			mp.Prev = paraLink(s.Paragraphs[i-1])
		}
		if i+1 < len(s.Paragraphs) {
			mp.Next = paraLink(s.Paragraphs[i+1])
		}
	}
	s.Parts = buildParts(in.Schedule, form, paras, s.Paragraphs)

	for _, r := range in.Evidence.Registers {
		s.Registers = append(s.Registers, buildRegister(r, byID))
	}
	rows := newRowIndex(in.Evidence, s.Registers)
	s.Findings = make([]Finding, 0, len(in.Result.Findings))
	for _, f := range in.Result.Findings {
		if f.Before {
			mf := finding(f, rows)
			mf.Href = GapsHref + "#" + f.ID // listed apart, on the first page
			s.Earlier = append(s.Earlier, mf)
			continue
		}
		s.Findings = append(s.Findings, finding(f, rows))
		s.Findings[len(s.Findings)-1].Href = FindingHref(len(s.Findings)-1, f.ID)
	}
	for i := range s.Findings {
		f := &s.Findings[i]
		if p := byID[f.Paragraph]; p != nil {
			p.Findings = append(p.Findings, f)
		}
	}
	for _, reg := range s.Registers {
		for i := range s.Findings {
			if f := &s.Findings[i]; f.Kind == rules.Invalid && f.Pos.File() == reg.File {
				reg.Problems = append(reg.Problems, f)
			}
		}
	}
	s.Checks = make([]Check, len(in.Result.Checks))
	hrefs := map[string]string{}
	for i := range in.Result.Checks {
		ch := &in.Result.Checks[i]
		href, ok := hrefs[ch.Paragraph]
		if !ok {
			href = ParagraphHref(ch.Paragraph)
			hrefs[ch.Paragraph] = href
		}
		mc := &s.Checks[i]
		*mc = Check{Check: ch, ParagraphHref: href}
		// A check shows on the row of its subject (a staff member's row
		// for their training) and on the row it was read from, if other.
		byKey, byCell := rows.checked(ch)
		if byKey != nil {
			byKey.Checks = append(byKey.Checks, mc)
		}
		if byCell != nil && byCell != byKey {
			byCell.Checks = append(byCell.Checks, mc)
		}
		mc.Row = byKey
		if mc.Row == nil {
			mc.Row = rows.find(ch.Pos, ch.Subject)
		}
		if p := byID[ch.Paragraph]; p != nil {
			p.Checks = append(p.Checks, mc)
		}
	}
	for _, reg := range s.Registers {
		for i := range reg.Data {
			reg.Data[i].Status = worst(reg.Data[i].Checks)
		}
	}
	for _, p := range s.Paragraphs {
		p.Listed, p.Tally = listed(p.Checks, s.Registers)
	}
	s.Counts = counts(s.Paragraphs)
	for _, r := range in.Result.Unreadable {
		s.Unreadable = append(s.Unreadable, Unreadable{Title: r.Schema.Title, Path: r.Path, Href: RegisterHref(r.Schema.Name), Reason: r.Problems[0].Msg})
	}
	s.Severities, s.Kinds = findingCounts(s.Findings)
	s.Sources = buildSources(in, paras, s.Findings)
	s.Rules = buildRules(byID, s.Registers)
	s.Documents = buildDocuments(in, paras, s.Checks, s.Findings, byID)
	s.Coming = buildComing(in, rows)
	if in.Previous != nil {
		s.Changes = buildChanges(in.Previous, s, in.AsOf)
	}
	return s
}

// buildRules lists the rules that check paragraphs of the form.
func buildRules(byID map[string]*Paragraph, regs []*Register) []Rule {
	var out []Rule
	for _, d := range rules.Docs() {
		r := Rule{Text: d.Text}
		for _, id := range d.Paragraphs {
			if p, ok := byID[id]; ok {
				r.Paragraphs = append(r.Paragraphs, *paraLink(p))
			}
		}
		if len(r.Paragraphs) == 0 {
			continue
		}
		for _, reg := range regs {
			if reg.Name == d.Register {
				r.Register = &Link{Label: reg.Title, Href: reg.Href}
			}
		}
		out = append(out, r)
	}
	return out
}

func formTitle(sch *schedule.Schedule, form string) string {
	for _, p := range sch.Parts {
		if p.ID == form && p.Prefix == form {
			return p.Title
		}
	}
	return "Part " + form
}

func paraLink(p *Paragraph) *Link {
	return &Link{Label: p.ID, Href: ParagraphHref(p.ID), Title: p.Title}
}

func sectionLabel(hs []schedule.Heading) string {
	parts := make([]string, len(hs))
	for i, h := range hs {
		parts[i] = strings.TrimSpace(h.Number + " " + h.Title)
	}
	return strings.Join(parts, " › ")
}

func buildParts(sch *schedule.Schedule, form string, paras []schedule.Paragraph, mps []*Paragraph) []Part {
	part := Part{Title: formTitle(sch, form)}
	var prev []schedule.Heading
	for i, p := range paras {
		if i == 0 || !slices.Equal(p.Section, prev) {
			sec := Section{}
			for level, h := range p.Section {
				if level < len(prev) && prev[level] == h {
					continue
				}
				sec.Headings = append(sec.Headings, Heading{Number: h.Number, Title: h.Title, Anchor: schedule.Slug(h.ID), Level: level})
			}
			part.Sections = append(part.Sections, sec)
			prev = p.Section
		}
		last := &part.Sections[len(part.Sections)-1]
		last.Paragraphs = append(last.Paragraphs, mps[i])
	}
	return []Part{part}
}

// rowIndex finds the register row that shows a check or a finding: by key
// in a register with one row a key (ignoring case), else by sheet row.
// Findings link only to rows that are shown.
type rowIndex struct {
	byKey map[[2]string]*Row // {register name or file, upper-case key}
	byRow map[fileRow]*Row
}

type fileRow struct {
	file string
	row  int
}

// newRowIndex makes each register's rows, regs[i] being ev.Registers[i]'s,
// and indexes them.
func newRowIndex(ev *evidence.Evidence, regs []*Register) *rowIndex {
	idx := &rowIndex{byKey: map[[2]string]*Row{}, byRow: map[fileRow]*Row{}}
	for ri, r := range ev.Registers {
		reg := regs[ri]
		reg.SetRows(r.Data)
		for i := range reg.Data {
			row := &reg.Data[i]
			d := row.DataRow
			if reg.UniqueKey {
				k := strings.ToUpper(d.Key)
				idx.byKey[[2]string{reg.Name, k}] = row
				idx.byKey[[2]string{r.Path, k}] = row
			} else {
				idx.byRow[fileRow{r.Path, d.Pos.Line()}] = row
			}
		}
	}
	return idx
}

// checked finds the rows a check concerns: the row of its subject in the
// register it names, when that register has one row a key, and the row of
// its cell in a register with many rows a key.
func (idx *rowIndex) checked(c *rules.Check) (byKey, byCell *Row) {
	byKey = idx.byKey[[2]string{c.Source, strings.ToUpper(c.Subject)}]
	if c.Pos.HasCell() {
		byCell = idx.byRow[fileRow{c.Pos.File(), c.Pos.Line()}]
	}
	return byKey, byCell
}

// find is the row for a subject in the file of pos, or the row of pos's
// cell.
func (idx *rowIndex) find(pos diag.Pos, subject string) *Row {
	if subject != "" {
		if row := idx.byKey[[2]string{pos.File(), strings.ToUpper(subject)}]; row != nil {
			return row
		}
	}
	if !pos.HasCell() {
		return nil
	}
	return idx.byRow[fileRow{pos.File(), pos.Line()}]
}

func finding(f rules.Finding, rows *rowIndex) Finding {
	mf := Finding{
		Before:    f.Before,
		ID:        f.ID,
		Paragraph: f.Paragraph,
		Kind:      f.Kind, Severity: f.Severity, Subject: f.Subject, Message: f.Message,
		Pos: f.Pos,
	}
	if f.Paragraph != "" {
		mf.ParagraphHref = ParagraphHref(f.Paragraph)
	}
	if row := rows.find(f.Pos, f.Subject); row != nil {
		mf.SubjectHref = row.Href()
	}
	return mf
}

// listed picks the checks a paragraph's table lists and, past PageRows,
// tallies them all by source: at that volume the rows that simply meet it
// are counted, and found on the register's pages, not listed again.
func listed(checks []*Check, regs []*Register) ([]*Check, []Tally) {
	if len(checks) <= PageRows {
		return checks, nil
	}
	var out []*Check
	var tally []Tally
	for _, c := range checks {
		i := slices.IndexFunc(tally, func(t Tally) bool { return t.Source.Label == c.Source })
		if i < 0 {
			t := Tally{Source: Link{Label: c.Source, Title: c.Source}}
			for _, r := range regs {
				if r.Name == c.Source {
					t.Source = Link{Label: r.Name, Title: r.Title, Href: r.Href}
				}
			}
			tally = append(tally, t)
			i = len(tally) - 1
		}
		switch c.Outcome {
		case rules.OK:
			tally[i].OK++
			continue
		case rules.Gap:
			tally[i].Gap++
		default:
			tally[i].Other++
		}
		out = append(out, c)
	}
	return out, tally
}

func buildRegister(r *evidence.Register, byID map[string]*Paragraph) *Register {
	sc := r.Schema
	mr := &Register{
		Name: sc.Name, Title: sc.Title, File: r.Path, Sheet: cmp.Or(r.Sheet, sc.Sheet), Key: sc.Key, UniqueKey: sc.UniqueKey,
		OnlySheet: r.Sheet != "" && !strings.EqualFold(strings.TrimSpace(r.Sheet), sc.Sheet), CSV: strings.HasSuffix(r.Path, ".csv"), SheetWanted: sc.Sheet,
		Href: RegisterHref(sc.Name), Present: r.Present, Rows: r.Rows, Header: r.Header,
	}
	for _, col := range sc.Columns {
		mr.Columns = append(mr.Columns, Column{Name: col.Name, Type: typeName(col.Type, col.Choices), Doc: col.Doc, Required: col.Required, Paragraphs: col.Paragraphs})
	}
	for _, id := range sc.Paragraphs() {
		if p, ok := byID[id]; ok {
			mr.Paragraphs = append(mr.Paragraphs, *paraLink(p))
		}
	}
	return mr
}

func typeName(k evidence.ColumnType, choices []string) string {
	switch k {
	case evidence.TypeDate:
		return "date"
	case evidence.TypeYesNo:
		return "yes/no"
	case evidence.TypeClearance:
		return "clearance level"
	case evidence.TypeNumber:
		return "number"
	case evidence.TypeChoice:
		return "one of: " + strings.Join(choices, ", ")
	}
	return "text"
}

// worst is the most serious outcome of a row's checks, "" for none.
func worst(cs []*Check) rules.Outcome {
	var w rules.Outcome
	for _, c := range cs {
		if outcomeRank(c.Outcome) > outcomeRank(w) {
			w = c.Outcome
		}
	}
	return w
}

func outcomeRank(o rules.Outcome) int {
	switch o {
	case rules.Later:
		return 1
	case rules.OK:
		return 2
	case rules.Earlier:
		return 3
	case rules.Due:
		return 4
	case rules.Exception:
		return 5
	case rules.Unjudged:
		return 6
	case rules.Gap:
		return 7
	}
	return 0
}

func counts(ps []*Paragraph) Counts {
	var c Counts
	for _, p := range ps {
		c.Total++
		switch p.Status {
		case rules.Covered:
			c.Covered++
			if p.Basis == rules.Attested {
				c.Attested++
			} else {
				c.Checked++
			}
		case rules.GapStatus:
			c.Gap++
		case rules.MissingStat:
			c.Missing++
		case rules.Info:
			c.Info++
		case rules.NA:
			c.NA++
		}
	}
	c.finish()
	return c
}

// finish works out Assessable and CoveredPct from the statuses.
func (c *Counts) finish() {
	c.Assessable = c.Covered + c.Gap + c.Missing
	if c.Assessable > 0 {
		c.CoveredPct = (c.Covered*200 + c.Assessable) / (2 * c.Assessable) // rounded to nearest
	}
}

func findingCounts(fs []Finding) (sev, kinds []Count) {
	first := func(match func(f *Finding) bool) string {
		for i := range fs {
			if match(&fs[i]) {
				return PageHref(GapsHref, PageOf(i))
			}
		}
		return GapsHref
	}
	for _, s := range []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low, rules.Warning} {
		n := 0
		for _, f := range fs {
			if f.Severity == s {
				n++
			}
		}
		sev = append(sev, Count{Label: string(s), N: n, Href: first(func(f *Finding) bool { return f.Severity == s })})
	}
	for _, k := range []rules.Kind{rules.Violation, rules.Stale, rules.Missing, rules.Invalid, rules.Note} {
		n := 0
		for _, f := range fs {
			if f.Kind == k {
				n++
			}
		}
		kinds = append(kinds, Count{Label: string(k), N: n, Href: first(func(f *Finding) bool { return f.Kind == k })})
	}
	return percent(sev), percent(kinds)
}

func percent(cs []Count) []Count {
	max := 0
	for _, c := range cs {
		max = maxInt(max, c.N)
	}
	for i := range cs {
		if max > 0 {
			cs[i].Pct = cs[i].N * 100 / max
		}
	}
	return cs
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func buildSources(in Input, paras []schedule.Paragraph, findings []Finding) []Source {
	type key struct{ para, src string }
	cells := map[key]*MatrixCell{}
	cell := func(k key) *MatrixCell {
		c := cells[k]
		if c == nil {
			c = &MatrixCell{}
			cells[k] = c
		}
		return c
	}
	for _, c := range in.Result.Checks {
		mc := cell(key{c.Paragraph, c.Source})
		switch c.Outcome {
		case rules.OK:
			mc.OK++
		case rules.Gap:
			mc.Gap++
		default:
			mc.Other++
		}
	}
	regByPath := map[string]string{}
	for _, r := range in.Evidence.Registers {
		regByPath[r.Path] = r.Schema.Name
	}
	for _, f := range findings {
		if name, ok := regByPath[f.Pos.File()]; ok {
			cell(key{f.Paragraph, name}).Findings++
		}
	}
	var out []Source
	for _, r := range in.Evidence.Registers {
		src := Source{Name: r.Schema.Name, Title: r.Schema.Short, Href: RegisterHref(r.Schema.Name), Present: r.Present && r.Rows > 0}
		declared := r.Schema.Paragraphs()
		for _, p := range paras {
			c := MatrixCell{}
			if mc := cells[key{p.ID, r.Schema.Name}]; mc != nil {
				c = *mc
			}
			c.Expected = slices.Contains(declared, p.ID) || slices.Contains(p.Evidence, r.Schema.Name)
			c.Supplied = src.Present
			src.Cells = append(src.Cells, c)
		}
		out = append(out, src)
	}
	// Other evidence kinds that the form's paragraphs expect.
	seen := map[string]bool{}
	for _, r := range in.Evidence.Registers {
		seen[r.Schema.Name] = true
	}
	for _, k := range evidence.Sources() {
		kind := k.Name
		if seen[kind] {
			continue
		}
		src := Source{Name: kind, Title: k.Short, Href: SourceHref(kind), Present: slices.Contains(in.Evidence.Documents.Sources(), kind)}
		if kind == "document" {
			src.Href = DocumentsHref
		}
		used := false
		for _, p := range paras {
			c := MatrixCell{}
			if mc := cells[key{p.ID, kind}]; mc != nil {
				c = *mc
			}
			c.Expected = slices.Contains(p.Evidence, kind)
			c.Supplied = src.Present
			used = used || c.Expected || c.OK+c.Gap+c.Other > 0
			src.Cells = append(src.Cells, c)
		}
		if used {
			out = append(out, src)
		}
	}
	return out
}

func buildCalendar(in Input) Calendar {
	c := Calendar{Region: in.Calendar.Region().Title()}
	from := in.Config.Review.PeriodStart
	to := workdays.AddMonths(in.AsOf, 12)
	for _, h := range in.Calendar.Holidays(from, to) {
		c.Holidays = append(c.Holidays, Holiday{Date: dateString(h.Date), Weekday: h.Date.Weekday().String(), Name: h.Name})
	}
	first := in.Config.Contract.StartDate
	if p := in.Config.Review.PeriodStart; !p.IsZero() && (first.IsZero() || p.Before(first)) {
		first = p
	}
	if first.IsZero() || first.After(in.AsOf) {
		first = in.AsOf
	}
	for y := first.Year(); y <= to.Year(); y++ {
		c.Years = append(c.Years, CalendarYear{Year: y, Source: in.Calendar.Source(y), BankHolidays: len(in.Calendar.BankHolidays(y))})
	}
	return c
}
