package evidence

import "strings"

// SourceInfo describes an evidence source that the content's front matter
// may name (`evidence = [...]`): a register, a governance section, or a
// supporting document.
type SourceInfo struct {
	Name  string // as written in front matter
	Short string // a column heading
	Title string // in sentences: "the staff register (staff.xlsx)"
}

// DocumentSource is the source of the general evidence items
// ([[evidence]]): a supporting document that names the paragraph.
const DocumentSource = "document"

// Sources lists every evidence source, in display order: the registers of
// the register table, then the governance sections of the section table,
// then supporting documents. It is the whole vocabulary the content may
// use, derived from the two tables so that it cannot drift from them.
func Sources() []SourceInfo {
	var out []SourceInfo
	for _, r := range readers() {
		s := r.schema
		out = append(out, SourceInfo{Name: s.Name, Short: s.Short, Title: "the " + strings.ToLower(s.Title) + " (" + s.File + ")"})
	}
	for _, s := range sections() {
		if s.source.Name != "" {
			out = append(out, s.source)
		}
	}
	return append(out, SourceInfo{DocumentSource, "Documents", "a supporting document"})
}

// SourceNames lists the names of Sources(): the vocabulary the schedule's
// front matter is checked against.
func SourceNames() []string {
	var out []string
	for _, s := range Sources() {
		out = append(out, s.Name)
	}
	return out
}

// LookupSource returns the named source; an unknown name is described by
// itself.
func LookupSource(name string) SourceInfo {
	for _, k := range Sources() {
		if k.Name == name {
			return k
		}
	}
	return SourceInfo{Name: name, Short: name, Title: name}
}

// SourceTitle describes an evidence source in a sentence.
func SourceTitle(name string) string { return LookupSource(name).Title }
