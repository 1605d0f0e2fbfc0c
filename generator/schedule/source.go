package schedule

import (
	"bufio"
	"io"
	"regexp"
	"strings"
	"unicode"

	"github.com/agency/evidence-site/generator/diag"
)

// SourceParagraph is a paragraph or lettered item as it appears in the shared
// plain-text source of the schedule.
type SourceParagraph struct {
	ID      string
	Part    string // "A" or "B"
	Number  string // "9.3.2" or "(a)"
	Parent  string // ID of the enclosing paragraph, if any
	Depth   int
	Section []Heading
	// Text is the paragraph's text without its number, bookmarks or
	// non-breaking spaces, with runs of white space collapsed. A paragraph of
	// several blocks (the definitions) has them separated by blank lines, and
	// a block ItemsMarker where its lettered items stand, if text follows them.
	Text string
	Line int // line of the source where the paragraph starts
}

// Source is the whole source text, parsed.
type Source struct {
	Intro      string     // the opening guidance note
	Parts      []PartInfo // Part A, Part B, Part B's Annex (Dir is empty)
	Paragraphs []SourceParagraph
}

// ParseSource parses the shared plain-text source of the schedule and returns
// its paragraphs in document order.
func ParseSource(r io.Reader) ([]SourceParagraph, error) {
	src, err := ReadSource("source", r)
	if err != nil {
		return nil, err
	}
	return src.Paragraphs, nil
}

var (
	partRE     = regexp.MustCompile(`^Part ([A-Z])(?: [–-] Annex (\d+))?:\s*(.*)$`)
	sectionRE  = regexp.MustCompile(`^(\d+)\.\s+(\S.*)$`)
	numberedRE = regexp.MustCompile(`^(\d+(?:\.\d+)+)\s+(.*)$`)
	letteredRE = regexp.MustCompile(`^([a-z])\)\s*(.*)$`)
)

// Normalise removes conversion artefacts from a line of the source: bookmark
// markers ("[bookmark: _heading=h.xxxx]") go, and runs of white space,
// non-breaking spaces included, become one space.
func Normalise(s string) string {
	for {
		i := strings.Index(s, bookmark)
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			break
		}
		s = s[:i] + s[i+j+1:]
	}
	return strings.Join(strings.Fields(s), " ")
}

const bookmark = "[bookmark: "

type srcLine struct {
	n    int
	text string
}

// ReadSource parses the source text, naming it file in errors. It reports
// every line it cannot place.
func ReadSource(file string, r io.Reader) (*Source, error) {
	var lines []srcLine
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4<<20)
	for n := 1; sc.Scan(); n++ {
		if t := Normalise(sc.Text()); t != "" {
			lines = append(lines, srcLine{n, t})
		}
	}
	var errs diag.List
	if err := sc.Err(); err != nil {
		errs.Add(diag.At(file, 0, 0), "%v", err)
		return nil, errs.Err()
	}
	p := &sourceParser{file: file, src: &Source{}}
	for i, l := range lines {
		p.line(l, lines[i+1:], &errs)
	}
	if len(p.src.Paragraphs) == 0 {
		errs.Add(diag.At(file, 0, 0), "no paragraphs found")
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return p.src, nil
}

type sourceParser struct {
	file  string
	src   *Source
	part  *PartInfo
	annex *Heading // the Annex heading; its title may be on the next line
	// sections is the stack of open headings; numbers maps a paragraph
	// number to its index in src.Paragraphs, within the current part.
	sections []Heading
	numbers  map[string]int
	last     int // index of the last numbered paragraph, or -1
	letter   byte
	items    bool // the last numbered paragraph has had lettered items
	marked   bool // ... and its ItemsMarker has been written
	pending  bool // the Annex title is still to come
}

func (p *sourceParser) line(l srcLine, rest []srcLine, errs *diag.List) {
	pos := diag.At(p.file, l.n, 0)
	if m := partRE.FindStringSubmatch(l.text); m != nil {
		p.startPart(m[1], m[2], m[3])
		return
	}
	if p.part == nil {
		p.src.Intro = joinBlock(p.src.Intro, l.text)
		return
	}
	if p.pending {
		p.pending = false
		p.annex.Title = l.text
		p.part.Title += " " + l.text
		p.src.Parts[len(p.src.Parts)-1].Title = p.part.Title
		p.sections = []Heading{*p.annex}
		return
	}
	if m := sectionRE.FindStringSubmatch(l.text); m != nil {
		h := Heading{Number: m[1], Title: m[2], ID: p.part.Prefix + "." + m[1]}
		p.sections = p.sections[:0]
		if p.annex != nil {
			p.sections = append(p.sections, *p.annex)
		}
		p.sections = append(p.sections, h)
		p.last = -1
		return
	}
	if m := numberedRE.FindStringSubmatch(l.text); m != nil {
		num, text := m[1], m[2]
		if isSubheading(num, text, rest) {
			h := Heading{Number: num, Title: text, ID: p.part.Prefix + "." + num}
			p.sections = append(p.popTo(num), h)
			p.last = -1
			return
		}
		p.numbered(pos, num, text, errs)
		return
	}
	if m := letteredRE.FindStringSubmatch(l.text); m != nil {
		p.lettered(pos, m[1][0], m[2], errs)
		return
	}
	if p.last < 0 {
		errs.Add(pos, "cannot place this line: it is not a heading, a numbered paragraph or an item, and follows no paragraph: %q", clip(l.text))
		return
	}
	q := &p.src.Paragraphs[p.last]
	if p.items && !p.marked {
		q.Text = joinBlock(q.Text, ItemsMarker)
		p.marked = true
	}
	q.Text = joinBlock(q.Text, l.text)
}

func (p *sourceParser) startPart(id, annex, title string) {
	info := PartInfo{ID: id, Title: "Part " + id, Prefix: id}
	p.annex, p.pending = nil, false
	if annex != "" {
		info.Prefix = id + ".Annex" + annex
		info.Title += " – Annex " + annex + ":"
		p.annex = &Heading{Number: "Annex " + annex, Title: title, ID: info.Prefix}
		p.pending = title == ""
		if title != "" {
			info.Title += " " + title
		}
	} else {
		info.Title += ": " + title
	}
	p.src.Parts = append(p.src.Parts, info)
	p.part = &p.src.Parts[len(p.src.Parts)-1]
	p.sections = nil
	if p.annex != nil && !p.pending {
		p.sections = []Heading{*p.annex}
	}
	// Annex 1 restarts its numbering: paragraph numbers are per part.
	p.numbers = map[string]int{}
	p.last = -1
}

// isSubheading tells a numbered heading ("4.1 Introduction") from a numbered
// paragraph: it ends without punctuation, and the next line is numbered
// under it.
func isSubheading(num, text string, rest []srcLine) bool {
	r := []rune(text)
	if len(r) == 0 || !unicode.IsLetter(r[len(r)-1]) || len(rest) == 0 {
		return false
	}
	m := numberedRE.FindStringSubmatch(rest[0].text)
	return m != nil && strings.HasPrefix(m[1], num+".")
}

// popTo drops the open subheadings ("4.1") that do not enclose num; the
// section heading ("4") and the Annex heading stay.
func (p *sourceParser) popTo(num string) []Heading {
	s := p.sections
	for len(s) > 0 {
		h := s[len(s)-1]
		if !strings.Contains(h.Number, ".") || strings.HasPrefix(num, h.Number+".") {
			break
		}
		s = s[:len(s)-1]
	}
	return s
}

func (p *sourceParser) numbered(pos diag.Pos, num, text string, errs *diag.List) {
	s := p.popTo(num)
	p.sections = s
	if len(s) == 0 || s[len(s)-1].ID == p.part.Prefix {
		errs.Add(pos, "paragraph %s is outside any numbered section", num)
		return
	}
	if h := s[len(s)-1]; !strings.HasPrefix(num, h.Number+".") {
		errs.Add(pos, "paragraph %s does not belong in section %s (%s)", num, h.Number, h.Title)
		return
	}
	id := p.part.Prefix + "." + num
	if _, dup := p.numbers[num]; dup {
		errs.Add(pos, "paragraph %s appears twice", num)
		return
	}
	sp := SourceParagraph{ID: id, Part: p.part.ID, Number: num, Section: append([]Heading(nil), s...), Text: text, Line: pos.Line()}
	up := num[:strings.LastIndexByte(num, '.')]
	if i, ok := p.numbers[up]; ok {
		sp.Parent = p.src.Paragraphs[i].ID
		sp.Depth = p.src.Paragraphs[i].Depth + 1
	} else if h := s[len(s)-1]; h.Number != up {
		errs.Add(pos, "paragraph %s has neither a paragraph nor a heading %s above it", num, up)
	}
	p.numbers[num] = len(p.src.Paragraphs)
	p.last = len(p.src.Paragraphs)
	p.letter, p.items, p.marked = 'a', false, false
	p.src.Paragraphs = append(p.src.Paragraphs, sp)
}

func (p *sourceParser) lettered(pos diag.Pos, letter byte, text string, errs *diag.List) {
	if p.last < 0 {
		errs.Add(pos, "item %c) follows no numbered paragraph", letter)
		return
	}
	if p.marked {
		errs.Add(pos, "item %c) follows the text that closes the items of %s", letter, p.src.Paragraphs[p.last].ID)
		return
	}
	if letter != p.letter {
		errs.Add(pos, "item %c) out of sequence: want %c)", letter, p.letter)
	}
	p.letter = letter + 1
	p.items = true
	parent := p.src.Paragraphs[p.last]
	number := "(" + string(letter) + ")"
	p.src.Paragraphs = append(p.src.Paragraphs, SourceParagraph{
		ID: parent.ID + number, Part: parent.Part, Number: number, Parent: parent.ID,
		Depth: parent.Depth + 1, Section: parent.Section, Text: text, Line: pos.Line(),
	})
}

func joinBlock(text, block string) string {
	if text == "" {
		return block
	}
	return text + "\n\n" + block
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
