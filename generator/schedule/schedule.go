// Package schedule reads the Security Schedule: the Markdown pages under
// content/ (one page per numbered paragraph or lettered item, with TOML front
// matter) and the shared plain-text source they were made from.
//
// Load turns content/ into a Schedule whose paragraphs are in document order:
// Part A, then Part B, then Part B's Annex 1. ParseSource reads the source text
// so that tests can check the content against it word for word.
//
// Layout of content/ (every directory has an _index.md):
//
//	_index.md                     title; body: the opening guidance note
//	part-a/_index.md              title, part = "A", weight
//	part-b-annex-1/_index.md      title, part = "B", id_prefix = "B.Annex1",
//	                              number = "Annex 1", short_title, weight
//	<part>/04-.../_index.md       a section: title, number = "4", weight
//	<part>/04-.../4.1-.../        a nested section: number = "4.1"
//	<section>/9.3.md, 9.3-a.md    a paragraph: id, title, number, weight,
//	                              parent, obligation, party, evidence,
//	                              applies_if, applies_note, drafting_note
//
// Front matter is TOML between "+++" lines. Unknown keys are errors.
package schedule

import (
	"strings"
)

// Paragraph is one numbered paragraph or lettered item of the schedule.
type Paragraph struct {
	ID     string // "A.4.2.1(c)", "B.9.3.2", "B.Annex1.6.4"
	Part   string // "A" or "B" (Annex 1 belongs to Part B)
	Title  string // short heading written for the site
	Number string // as displayed: "9.3.2", "(c)"
	Parent string // ID of the enclosing paragraph; "" at the top level
	Weight int    // 1-based position within the Part, in document order

	// Section lists the enclosing headings, outermost first, not counting the
	// Part itself. Annex paragraphs start with the Annex heading.
	Section []Heading
	// Depth is 0 for a top-level paragraph, 1 for its items (9.3.2, 1.1(a))
	// and 2 for theirs (5.2.1(a)).
	Depth int

	Obligation   bool     // the paragraph creates an obligation
	Party        string   // on whom: PartyAgency, PartyClient, PartyBoth, PartyNone
	Evidence     []string // evidence kinds that can satisfy it; empty when none is expected
	AppliesIf    string   // "", AppliesSecurityPolicy, AppliesBespokeISMS, AppliesNotBespokeISMS
	AppliesNote  string   // why it is conditional (or why not)
	DraftingNote string   // a drafting slip a reviewer should see

	Body     string // Markdown; a definitions paragraph holds ItemsMarker where its items go
	File     string // slash path relative to the content root
	BodyLine int    // 1-based line of the first body line in File
}

// Heading is a section heading enclosing paragraphs.
type Heading struct {
	Number string // "4.3", or "Annex 1" for the Annex heading
	Title  string // "Development of the Security Management Plan"
	ID     string // "A.4.3", "B.Annex1.6", "B.Annex1"
}

// PartInfo describes one top-level division of the content: Part A, Part B,
// or Part B's Annex 1. ID is the Part the paragraphs belong to ("A" or "B");
// Prefix starts every paragraph ID in it ("A", "B" or "B.Annex1").
type PartInfo struct {
	ID     string
	Title  string
	Prefix string
	Dir    string // content directory, e.g. "part-b-annex-1"
}

// Schedule is the whole schedule as loaded from content/.
type Schedule struct {
	Intro      string      // Markdown of the opening guidance note
	Parts      []PartInfo  // in document order
	Paragraphs []Paragraph // in document order: Part A, Part B, Annex 1

	index map[string]int
}

// Parties.
const (
	PartyAgency = "agency"
	PartyClient = "client"
	PartyBoth   = "both"
	PartyNone   = "none" // definitions, acknowledgements, interpretation
)

// Conditions under which a paragraph applies.
const (
	AppliesSecurityPolicy = "security_policy" // the Client required the Security Policy after a Further Competition
	AppliesBespokeISMS    = "bespoke_isms"    // the Client stipulated a bespoke ISMS
	AppliesNotBespokeISMS = "!bespoke_isms"   // the Client did not
)

// ItemsMarker stands, on a line of its own, where a definitions paragraph's
// lettered items belong in its body.
const ItemsMarker = "<!--items-->"

var (
	parties   = []string{PartyAgency, PartyClient, PartyBoth, PartyNone}
	appliesIf = []string{"", AppliesSecurityPolicy, AppliesBespokeISMS, AppliesNotBespokeISMS}
)

// Form returns the paragraphs of one form of the schedule, in document order:
// "A" gives Part A, "B" gives Part B with its Annex. Any other form gives nil.
func (s *Schedule) Form(form string) []Paragraph {
	var out []Paragraph
	for _, p := range s.Paragraphs {
		if p.Part == form {
			out = append(out, p)
		}
	}
	return out
}

// Lookup finds a paragraph by ID.
func (s *Schedule) Lookup(id string) (Paragraph, bool) {
	if s.index == nil {
		s.buildIndex()
	}
	i, ok := s.index[id]
	if !ok {
		return Paragraph{}, false
	}
	return s.Paragraphs[i], true
}

func (s *Schedule) buildIndex() {
	s.index = make(map[string]int, len(s.Paragraphs))
	for i, p := range s.Paragraphs {
		s.index[p.ID] = i
	}
}

// Slug turns an ID into a name fit for a file or an HTML anchor: letters and
// digits are kept and every other run of characters becomes one hyphen.
// "B.Annex1.6.4" gives "B-Annex1-6-4"; "A.4.2.1(c)" gives "A-4-2-1-c".
func Slug(id string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range id {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}
