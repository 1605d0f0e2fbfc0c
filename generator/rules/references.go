package rules

import (
	"fmt"
)

// references checks the optional Paragraphs column of every register: a
// row naming a paragraph is evidence for it; naming one that does not
// exist is an invalid finding at the cell.
func (e *eval) references() {
	for _, r := range e.in.Evidence.Registers {
		for _, row := range r.Data {
			for _, ref := range row.Paragraphs {
				if !e.known(ref.ID) {
					e.finding(Finding{Kind: Invalid, Severity: Medium, Subject: row.Key, Pos: ref.Pos,
						Message: fmt.Sprintf("Paragraphs: no paragraph %q in the schedule (ids are written like B.9.3.2, A.4.2.1(c) or B.Annex1.6.4).", ref.ID)})
					continue
				}
				if !e.has(ref.ID) {
					continue // a paragraph of the other form
				}
				e.extra[ref.ID] = appendOnce(e.extra[ref.ID], r.Schema.Name)
				e.check(Check{Paragraph: ref.ID, Source: r.Schema.Name, Subject: row.Key, Outcome: OK, Pos: ref.Pos, Named: true,
					Detail: "the row names this paragraph as one it evidences"})
			}
		}
	}
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func referencesDocs() []Doc {
	return []Doc{{Text: "Any register row may name further paragraphs in an optional Paragraphs column (ids separated by commas): the row is then evidence for them. An id that is not in the schedule is an invalid finding at the cell."}}
}

// known reports whether id is a paragraph of the schedule (either form).
func (e *eval) known(id string) bool {
	if e.in.Schedule == nil {
		return e.has(id)
	}
	_, ok := e.in.Schedule.Lookup(id)
	return ok
}
