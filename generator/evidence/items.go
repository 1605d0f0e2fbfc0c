package evidence

import (
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// Item is a general evidence item ([[evidence]]): a document, record or
// attestation that supports the paragraphs it names.
type Item struct {
	Pos   diag.Pos // the [[evidence]] header
	ID    string   // unique across every file, compared ignoring case
	Title string
	// Paragraphs are the paragraph ids it supports, each once, with the
	// position of each (the line of the id within the list). Whether each
	// exists is for the rules to say: the evidence package does not know
	// the schedule.
	Paragraphs []ParagraphRef
	Date       Date // the date of the evidence
	// Expires is the last day the evidence is current; unset if none.
	Expires Date
	// ReviewMonths, when not 0, makes the evidence current up to and
	// including Date plus that many Months.
	ReviewMonths    int
	ReviewMonthsPos diag.Pos
	Owner           string
	Summary         string // Markdown, rendered by the site
	Attachments     []Attachment
}

// ParagraphIDs lists the ids of the paragraphs the item supports.
func (it Item) ParagraphIDs() []string {
	ids := make([]string, len(it.Paragraphs))
	for i, p := range it.Paragraphs {
		ids[i] = p.ID
	}
	return ids
}

// Supports reports whether the item names the paragraph.
func (it Item) Supports(paragraph string) bool {
	return slices.ContainsFunc(it.Paragraphs, func(p ParagraphRef) bool { return p.ID == paragraph })
}

// ItemsFor lists the evidence items that name the paragraph, in the order
// they were read (file name, then position).
func (d *Documents) ItemsFor(paragraph string) []Item {
	var out []Item
	for _, it := range d.Items {
		if it.Supports(paragraph) {
			out = append(out, it)
		}
	}
	return out
}

// MaxReviewMonths bounds review_months: ten years.
const MaxReviewMonths = 120

type rawItem struct {
	ID           any `toml:"id"`
	Title        any `toml:"title"`
	Paragraphs   any `toml:"paragraphs"`
	Date         any `toml:"date"`
	Expires      any `toml:"expires"`
	ReviewMonths any `toml:"review_months"`
	Owner        any `toml:"owner"`
	Summary      any `toml:"summary"`
	Attachments  any `toml:"attachments"`
}

func readItems(f *docFile, key string, p toml.Primitive) {
	t := &part{f: f, key: []string{key}}
	eachPart(t, &p, "", nil, func(e *part, raw *rawItem) {
		if it, ok := e.item(raw); ok {
			f.docs.Items = append(f.docs.Items, it)
		}
	})
}

// item reads one [[evidence]] item (e), which is about its id.
func (e *part) item(raw *rawItem) (Item, bool) {
	it := Item{Pos: e.pos()}
	// The paragraphs first: every other problem in the item is against
	// them.
	it.Paragraphs = e.itemParagraphs(raw.Paragraphs)
	e.paras = it.ParagraphIDs()

	id := e.text(raw.ID, "id")
	title := e.text(raw.Title, "title")
	owner := e.text(raw.Owner, "owner")
	summary := e.text(raw.Summary, "summary")
	it.ID, it.Title, it.Owner, it.Summary = id.Value, title.Value, owner.Value, summary.Value
	e.requireText(&title, "title", "what the evidence is")
	e.requireText(&owner, "owner", "who holds the evidence and keeps it current")
	it.Date = e.date(raw.Date, "date")
	e.requireDate(&it.Date, "date", "the date of the evidence, such as 2026-03-31")
	it.Expires = e.date(raw.Expires, "expires")
	e.notBefore(&it.Expires, it.Date, "expires", "date")
	it.ReviewMonthsPos = e.pos("review_months")
	it.ReviewMonths, _ = e.whole(raw.ReviewMonths, 1, MaxReviewMonths, "review_months")
	if raw.Expires != nil && raw.ReviewMonths != nil {
		e.problem(it.ReviewMonthsPos, "review_months: give expires or review_months, not both: expires is used")
		it.ReviewMonths = 0
	}
	it.Attachments = e.itemAttachments(raw.Attachments)

	noParas := e.against(nil)
	if raw.Paragraphs == nil {
		noParas.problem(e.pos("paragraphs"), "paragraphs: missing: the ids of the paragraphs the evidence supports, such as [\"B.2.6\", \"B.Annex1.5.1\"]")
	} else if l, ok := raw.Paragraphs.([]any); ok && len(l) == 0 {
		noParas.problem(e.pos("paragraphs"), "paragraphs: name at least one paragraph id, such as \"B.2.6\"")
	}
	switch {
	case id.Invalid:
		return Item{}, false
	case !id.Set:
		e.problem(id.Pos, "id: missing: a unique id such as \"EV-001\": this item is not used")
		return Item{}, false
	}
	e.subject = it.ID
	if e.f.docs.itemIDs == nil {
		e.f.docs.itemIDs = map[string]diag.Pos{}
	}
	upper := strings.ToUpper(it.ID)
	if first, dup := e.f.docs.itemIDs[upper]; dup {
		e.problem(id.Pos, "id: %q is already used at %s: ids must be unique across the evidence files; this item is not used", it.ID, first)
		return Item{}, false
	}
	e.f.docs.itemIDs[upper] = it.Pos
	return it, true
}

// itemParagraphs reads `paragraphs`: a list of paragraph ids, each kept
// once, each with the line it is written on. Its problems are against no
// paragraph.
func (e *part) itemParagraphs(v any) []ParagraphRef {
	if v == nil {
		return nil
	}
	pos := e.pos("paragraphs")
	list, ok := v.([]any)
	if !ok {
		e.problem(pos, "paragraphs: want a list of paragraph ids such as [\"B.2.6\", \"B.Annex1.5.1\"], got %s", show(v))
		return nil
	}
	var ids []string
	for _, x := range list {
		s, ok := x.(string)
		s = strings.TrimSpace(s)
		if !ok || s == "" {
			e.problem(pos, "paragraphs: want paragraph ids in quotes, such as \"B.2.6\", got %s", show(x))
			continue
		}
		if !slices.Contains(ids, s) {
			ids = append(ids, s)
		}
	}
	lines := e.f.valueLines(pos.Line(), ids)
	out := make([]ParagraphRef, len(ids))
	for i, id := range ids {
		out[i] = ParagraphRef{ID: id, Pos: diag.At(e.f.path, lines[i], 0)}
	}
	return out
}

// valueLines finds the line of each quoted value in a list that starts on
// line start and may span several lines; a value it cannot find is given
// the start line. It stops at the next table header.
func (f *docFile) valueLines(start int, values []string) []int {
	out := make([]int, len(values))
	for i := range out {
		out[i] = start
	}
	if start <= 0 {
		return out
	}
	var lines []string
	all := f.lines()
	for n := start; n <= len(all); n++ {
		l := strings.TrimRight(all[n-1], "\r")
		if n > start && strings.HasPrefix(strings.TrimSpace(l), "[") && !strings.HasPrefix(strings.TrimSpace(l), "[\"") && !strings.HasPrefix(strings.TrimSpace(l), "['") {
			break
		}
		lines = append(lines, l)
	}
	from := 0
	for i, v := range values {
		for j := from; j < len(lines); j++ {
			if strings.Contains(lines[j], strconv.Quote(v)) || strings.Contains(lines[j], "'"+v+"'") {
				out[i], from = start+j, j
				break
			}
		}
	}
	return out
}

// itemAttachments reads `attachments`: a list of paths (or one path)
// inside the evidence folder.
func (e *part) itemAttachments(v any) []Attachment {
	if s, ok := v.(string); ok {
		v = []any{s}
	}
	if _, ok := v.([]any); !ok && v != nil {
		e.problem(e.pos("attachments"), "attachments: want a list of paths such as [\"documents/board-minutes.pdf\"], got %s", show(v))
		return nil
	}
	return e.documents(v, "attachments")
}
