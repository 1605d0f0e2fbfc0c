package rules

import "slices"

// outside keeps the findings that concern this contract. A finding against
// a paragraph outside the form, or not applicable under the contract
// (applies is false for it), is dropped, except an invalid one in the
// governance evidence: a problem in a TOML file (a bad value in an
// [[evidence]] item, or in a section, about paragraphs of the other form
// only) is still a problem in a file written for this contract. It is
// kept once with no paragraph, as a TOML file that does not parse is, with
// its file, line and subject; unless the same problem is already a finding
// against a paragraph that applies. A register about the other form's
// paragraphs says nothing about this contract: its problems are dropped.
func (e *eval) outside(applies map[string]bool) []Finding {
	concerns := func(f Finding) bool { return f.Paragraph == "" || applies[f.Paragraph] }
	toml := func(f Finding) bool { return slices.Contains(e.in.Evidence.Documents.Files, f.Pos.File()) }
	// filed: the problems already kept, each without its paragraph.
	filed := map[Finding]bool{}
	for _, f := range e.findings {
		if concerns(f) {
			f.Paragraph = ""
			filed[f] = true
		}
	}
	var out []Finding
	for _, f := range e.findings {
		switch {
		case concerns(f):
			out = append(out, f)
		case f.Kind == Invalid && toml(f):
			f.Paragraph = ""
			if !filed[f] {
				filed[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}
