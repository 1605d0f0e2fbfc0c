package schedule

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/agency/evidence-site/generator/diag"
)

const indexFile = "_index.md"

// maxTitle is the longest paragraph title allowed, in characters.
const maxTitle = 60

// section is a directory of content/ with its _index.md.
type section struct {
	dir     string
	file    string
	parent  *section // nil for a part
	part    *part
	heading Heading // zero for a part without an Annex heading
}

// part is a top-level directory: Part A, Part B or an Annex of Part B.
type part struct {
	info   PartInfo
	weight int
	file   string
	annex  Heading // set when the part is an Annex
}

// Load reads the schedule from fsys, which is rooted at content/. sources
// is the vocabulary of evidence sources a paragraph may name in its
// front matter (evidence.SourceNames(): the schedule does not know the
// evidence). It reports every problem it finds, each with its file and
// line, as a diag.List.
func Load(fsys fs.FS, sources []string) (*Schedule, error) {
	l := &loader{fsys: fsys, sources: sources, sections: map[string]*section{}}
	s := l.load()
	if err := l.errs.Err(); err != nil {
		return nil, err
	}
	return s, nil
}

type loader struct {
	fsys     fs.FS
	sources  []string // the evidence sources a paragraph may name
	errs     diag.List
	parts    []*part
	sections map[string]*section // by directory
}

func (l *loader) load() *Schedule {
	var indexes, pages []string
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errs.Add(diag.At(p, 0, 0), "%v", err)
			return nil
		}
		if d.IsDir() || path.Ext(p) != ".md" {
			return nil
		}
		if path.Base(p) == indexFile {
			indexes = append(indexes, p)
		} else {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil {
		l.errs.Add(diag.At(".", 0, 0), "%v", err)
	}
	s := &Schedule{}
	// Parents before children: shallower index files first.
	slices.SortFunc(indexes, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), cmp.Compare(a, b))
	})
	haveRoot := false
	for _, f := range indexes {
		switch dir := path.Dir(f); {
		case dir == ".":
			haveRoot = true
			s.Intro = l.loadRoot(f)
		case !strings.Contains(dir, "/"):
			l.loadPart(f)
		default:
			l.loadSection(f)
		}
	}
	if !haveRoot {
		l.errs.Add(diag.At(indexFile, 0, 0), "missing: the content root needs an %s with the schedule's title and guidance note", indexFile)
	}
	l.checkParts()
	for _, pt := range l.parts {
		s.Parts = append(s.Parts, pt.info)
	}
	for _, f := range pages {
		if p, ok := l.loadParagraph(f); ok {
			s.Paragraphs = append(s.Paragraphs, p)
		}
	}
	l.order(s)
	l.check(s)
	s.buildIndex()
	return s
}

func (l *loader) read(file string) (page, bool) {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.errs.Add(diag.At(file, 0, 0), "%v", err)
		return page{}, false
	}
	return splitPage(file, src, &l.errs)
}

func (l *loader) loadRoot(file string) string {
	p, ok := l.read(file)
	if !ok {
		return ""
	}
	var title string
	def := decodeFront(p, []field{{"title", &title}}, &l.errs)
	if def != nil && title == "" {
		l.errs.Add(diag.At(file, 1, 0), "missing title")
	}
	return p.body
}

func (l *loader) loadPart(file string) {
	p, ok := l.read(file)
	if !ok {
		return
	}
	pt := &part{file: file, info: PartInfo{Dir: path.Dir(file)}}
	var number, short string
	def := decodeFront(p, []field{
		{"title", &pt.info.Title},
		{"part", &pt.info.ID},
		{"weight", &pt.weight},
		{"id_prefix", &pt.info.Prefix},
		{"number", &number},
		{"short_title", &short},
	}, &l.errs)
	if def == nil {
		return
	}
	top := diag.At(file, 1, 0)
	if pt.info.Title == "" {
		l.errs.Add(top, "missing title")
	}
	if len(pt.info.ID) != 1 || pt.info.ID[0] < 'A' || pt.info.ID[0] > 'Z' {
		l.errs.Add(p.keyPos("part"), "part: want a capital letter such as \"A\", got %q", pt.info.ID)
		return
	}
	if pt.info.Prefix == "" {
		pt.info.Prefix = pt.info.ID
	} else if !strings.HasPrefix(pt.info.Prefix, pt.info.ID+".") || strings.HasSuffix(pt.info.Prefix, ".") {
		l.errs.Add(p.keyPos("id_prefix"), "id_prefix %q must start with the part, as in %q", pt.info.Prefix, pt.info.ID+".Annex1")
	}
	if !def["weight"] || pt.weight < 1 {
		l.errs.Add(p.keyPos("weight"), "missing weight: want a positive integer")
	}
	if (number == "") != (short == "") {
		l.errs.Add(p.keyPos("number"), "number and short_title go together (the Annex heading)")
	} else if number != "" {
		pt.annex = Heading{Number: number, Title: short, ID: pt.info.Prefix}
	}
	for _, q := range l.parts {
		if q.info.Prefix == pt.info.Prefix {
			l.errs.Add(p.keyPos("part"), "id prefix %q is already used by %s", pt.info.Prefix, q.file)
			return
		}
	}
	l.parts = append(l.parts, pt)
	l.sections[pt.info.Dir] = &section{dir: pt.info.Dir, file: file, part: pt, heading: pt.annex}
}

// checkParts orders the parts by weight.
func (l *loader) checkParts() {
	slices.SortStableFunc(l.parts, func(a, b *part) int { return cmp.Compare(a.weight, b.weight) })
	for i := 1; i < len(l.parts); i++ {
		if l.parts[i].weight == l.parts[i-1].weight {
			l.errs.Add(diag.At(l.parts[i].file, 1, 0), "weight %d is also the weight of %s", l.parts[i].weight, l.parts[i-1].file)
		}
	}
}

func (l *loader) loadSection(file string) {
	dir := path.Dir(file)
	up, ok := l.sections[path.Dir(dir)]
	if !ok {
		l.errs.Add(diag.At(file, 1, 0), "section is not inside a part or section with a valid %s", indexFile)
		return
	}
	p, ok := l.read(file)
	if !ok {
		return
	}
	var h Heading
	var weight int
	def := decodeFront(p, []field{{"title", &h.Title}, {"number", &h.Number}, {"weight", &weight}}, &l.errs)
	if def == nil {
		return
	}
	if h.Title == "" {
		l.errs.Add(diag.At(file, 1, 0), "missing title")
	}
	if !def["weight"] || weight < 1 {
		l.errs.Add(p.keyPos("weight"), "missing weight: want a positive integer")
	}
	want := "a number such as \"4\""
	valid := isNumber(h.Number) && !strings.Contains(h.Number, ".")
	if up.parent != nil {
		want = "a number that extends the enclosing section's " + up.heading.Number
		valid = isNumber(h.Number) && strings.HasPrefix(h.Number, up.heading.Number+".") &&
			!strings.Contains(h.Number[len(up.heading.Number)+1:], ".")
	}
	if !valid {
		l.errs.Add(p.keyPos("number"), "number: want %s, got %q", want, h.Number)
		return
	}
	h.ID = up.part.info.Prefix + "." + h.Number
	l.sections[dir] = &section{dir: dir, file: file, parent: up, part: up.part, heading: h}
}

// isNumber reports whether s is a dotted number such as "4" or "4.3.1".
func isNumber(s string) bool {
	for _, c := range strings.Split(s, ".") {
		if c == "" || strings.Trim(c, "0123456789") != "" || len(c) > 1 && c[0] == '0' {
			return false
		}
	}
	return true
}

// headings lists the headings enclosing sec, outermost first.
func (sec *section) headings() []Heading {
	var hs []Heading
	for s := sec; s != nil; s = s.parent {
		if s.heading.ID != "" {
			hs = append(hs, s.heading)
		}
	}
	slices.Reverse(hs)
	return hs
}

func (l *loader) loadParagraph(file string) (Paragraph, bool) {
	sec, ok := l.sections[path.Dir(file)]
	if !ok {
		l.errs.Add(diag.At(file, 1, 0), "paragraph is not inside a part or section with a valid %s", indexFile)
		return Paragraph{}, false
	}
	pg, ok := l.read(file)
	if !ok {
		return Paragraph{}, false
	}
	p := Paragraph{Part: sec.part.info.ID, Section: sec.headings(), File: file, Body: pg.body, BodyLine: pg.bodyLine}
	def := decodeFront(pg, []field{
		{"id", &p.ID},
		{"title", &p.Title},
		{"number", &p.Number},
		{"weight", &p.Weight},
		{"parent", &p.Parent},
		{"obligation", &p.Obligation},
		{"party", &p.Party},
		{"evidence", &p.Evidence},
		{"applies_if", &p.AppliesIf},
		{"applies_note", &p.AppliesNote},
		{"drafting_note", &p.DraftingNote},
	}, &l.errs)
	if def == nil {
		return Paragraph{}, false
	}
	top := diag.At(file, 1, 0)
	pos := pg.keyPos
	for _, k := range []string{"id", "title", "number", "weight", "obligation", "party", "evidence"} {
		if !def[k] {
			l.errs.Add(top, "missing %s", k)
		}
	}
	if p.ID == "" {
		return Paragraph{}, false
	}
	if def["title"] && (strings.TrimSpace(p.Title) == "" || strings.ContainsAny(p.Title, "\n\r")) {
		l.errs.Add(pos("title"), "title: want one line of text")
	} else if n := len([]rune(p.Title)); n > maxTitle {
		l.errs.Add(pos("title"), "title is %d characters long; the limit is %d", n, maxTitle)
	}
	if def["weight"] && p.Weight < 1 {
		l.errs.Add(pos("weight"), "weight: want a positive integer, got %d", p.Weight)
	}
	l.checkID(&p, sec, pos)
	if def["party"] && !slices.Contains(parties, p.Party) {
		l.errs.Add(pos("party"), "party: want one of %s, got %q", strings.Join(parties, ", "), p.Party)
	}
	for i, k := range p.Evidence {
		if !slices.Contains(l.sources, k) {
			l.errs.Add(pos("evidence"), "evidence: unknown source %q (known: %s)", k, strings.Join(l.sources, ", "))
		} else if slices.Contains(p.Evidence[:i], k) {
			l.errs.Add(pos("evidence"), "evidence: %q is listed twice", k)
		}
	}
	if def["obligation"] && def["party"] {
		switch {
		case !p.Obligation && p.Party != PartyNone:
			l.errs.Add(pos("party"), "party is %q but obligation is false: a paragraph without an obligation has party %q", p.Party, PartyNone)
		case p.Obligation && p.Party == PartyNone:
			l.errs.Add(pos("party"), "party %q but obligation is true: say on whom the obligation falls", PartyNone)
		}
	}
	if !p.Obligation && len(p.Evidence) > 0 {
		l.errs.Add(pos("evidence"), "evidence is listed but obligation is false")
	}
	if !slices.Contains(appliesIf, p.AppliesIf) {
		l.errs.Add(pos("applies_if"), "applies_if: want one of %q, got %q", appliesIf, p.AppliesIf)
	} else if p.AppliesIf != "" && strings.TrimSpace(p.AppliesNote) == "" {
		l.errs.Add(pos("applies_if"), "applies_if is set: say why in applies_note")
	}
	if p.Body == "" {
		l.errs.Add(diag.At(file, pg.bodyLine, 0), "missing body: the paragraph's text")
	} else if n := strings.Count(p.Body, ItemsMarker); n > 1 {
		l.errs.Add(diag.At(file, pg.bodyLine, 0), "%s appears %d times; it marks one place", ItemsMarker, n)
	}
	return p, true
}

// checkID checks that the ID agrees with the part, section, number and parent.
func (l *loader) checkID(p *Paragraph, sec *section, pos func(string) diag.Pos) {
	prefix := sec.part.info.Prefix
	if p.Parent != "" && !(strings.HasPrefix(p.ID, p.Parent) && len(p.ID) > len(p.Parent) && strings.ContainsRune(".(", rune(p.ID[len(p.Parent)]))) {
		l.errs.Add(pos("parent"), "parent %q does not enclose id %q", p.Parent, p.ID)
		return
	}
	if strings.HasPrefix(p.Number, "(") {
		if len(p.Number) != 3 || p.Number[1] < 'a' || p.Number[1] > 'z' || p.Number[2] != ')' {
			l.errs.Add(pos("number"), "number: want a lettered item such as \"(a)\", got %q", p.Number)
			return
		}
		if p.Parent == "" {
			l.errs.Add(pos("number"), "lettered item %s needs a parent paragraph", p.Number)
			return
		}
		if want := p.Parent + p.Number; p.ID != want {
			l.errs.Add(pos("id"), "id %q does not match parent and number: want %q", p.ID, want)
		}
		return
	}
	if !isNumber(p.Number) || !strings.Contains(p.Number, ".") {
		l.errs.Add(pos("number"), "number: want a paragraph number such as \"9.3\" or a letter such as \"(a)\", got %q", p.Number)
		return
	}
	if want := prefix + "." + p.Number; p.ID != want {
		l.errs.Add(pos("id"), "id %q does not match the part and number: want %q", p.ID, want)
		return
	}
	hs := sec.headings()
	if len(hs) == 0 || hs[len(hs)-1].ID == prefix {
		l.errs.Add(pos("number"), "paragraph %s is not inside a numbered section", p.Number)
	} else if h := hs[len(hs)-1]; !strings.HasPrefix(p.Number, h.Number+".") {
		l.errs.Add(pos("number"), "paragraph %s does not belong in section %s (%s)", p.Number, h.Number, h.Title)
	}
}

// order sorts paragraphs into document order: by part (the first part of a
// Part sets its place), then weight.
func (l *loader) order(s *Schedule) {
	rank := map[string]int{}
	for i, pt := range l.parts {
		if _, ok := rank[pt.info.ID]; !ok {
			rank[pt.info.ID] = i
		}
	}
	slices.SortStableFunc(s.Paragraphs, func(a, b Paragraph) int {
		return cmp.Or(cmp.Compare(rank[a.Part], rank[b.Part]), cmp.Compare(a.Weight, b.Weight), cmp.Compare(a.File, b.File))
	})
}

// check runs the checks that need every paragraph: unique ids, parents,
// weights, depths.
func (l *loader) check(s *Schedule) {
	byID := make(map[string]int, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		if j, dup := byID[p.ID]; dup {
			l.errs.Add(diag.At(p.File, 1, 0), "duplicate id %q: also in %s", p.ID, s.Paragraphs[j].File)
			continue
		}
		byID[p.ID] = i
	}
	for i := range s.Paragraphs {
		p := &s.Paragraphs[i]
		if p.Parent == "" {
			continue
		}
		j, ok := byID[p.Parent]
		if !ok {
			l.errs.Add(diag.At(p.File, 1, 0), "parent %q does not exist", p.Parent)
			continue
		}
		if q := s.Paragraphs[j]; q.Part != p.Part || q.Weight >= p.Weight {
			l.errs.Add(diag.At(p.File, 1, 0), "parent %q must come before %q in the same Part (weights %d and %d)", p.Parent, p.ID, q.Weight, p.Weight)
		}
	}
	// Depth: parents come first in document order, so one pass suffices.
	for i := range s.Paragraphs {
		p := &s.Paragraphs[i]
		if j, ok := byID[p.Parent]; ok && j < i {
			p.Depth = s.Paragraphs[j].Depth + 1
		}
	}
	l.checkWeights(s)
}

// checkWeights checks that within each Part the weights run 1, 2, 3... with
// no gap or repeat, and that each part's paragraphs follow the previous
// part's of the same Part.
func (l *loader) checkWeights(s *Schedule) {
	byPart := map[string][]Paragraph{}
	for _, p := range s.Paragraphs {
		byPart[p.Part] = append(byPart[p.Part], p)
	}
	first := map[string]*part{}
	for _, pt := range l.parts {
		if first[pt.info.ID] == nil {
			first[pt.info.ID] = pt
		}
	}
	for _, pt := range l.parts {
		ps := byPart[pt.info.ID]
		if first[pt.info.ID] != pt || len(ps) == 0 {
			continue
		}
		want := 1
		for i, p := range ps {
			if p.Weight < 1 {
				continue
			}
			switch {
			case i > 0 && p.Weight == ps[i-1].Weight:
				l.errs.Add(diag.At(p.File, 1, 0), "weight %d is also the weight of %s", p.Weight, ps[i-1].File)
			case p.Weight != want:
				l.errs.Add(diag.At(p.File, 1, 0), "weight %d: Part %s's weights must run 1, 2, 3... with no gap; want %d", p.Weight, pt.info.ID, want)
			}
			want = p.Weight + 1
		}
	}
	// Part B's Annex follows Part B: every paragraph of a part dir must
	// weigh more than those of the part dirs before it.
	maxWeight := map[string]int{}
	for _, pt := range l.parts {
		lo, hi := 0, 0
		for _, p := range byPart[pt.info.ID] {
			if !strings.HasPrefix(p.File, pt.info.Dir+"/") {
				continue
			}
			if lo == 0 || p.Weight < lo {
				lo = p.Weight
			}
			hi = max(hi, p.Weight)
		}
		if lo != 0 && lo <= maxWeight[pt.info.ID] {
			l.errs.Add(diag.At(pt.file, 1, 0), "paragraphs of %s start at weight %d, but an earlier part of Part %s reaches %d", pt.info.Dir, lo, pt.info.ID, maxWeight[pt.info.ID])
		}
		maxWeight[pt.info.ID] = max(maxWeight[pt.info.ID], hi)
	}
}
