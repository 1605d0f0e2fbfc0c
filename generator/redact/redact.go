// Package redact replaces people's names in a built site by stable
// pseudonyms, for a site published beyond those entitled to see them.
// The names are those of the evidence's name fields; a person in the
// staff register becomes their Staff ID, anyone else a label derived from
// the name ("person-1a2b3c4d"), the same on every page and in every
// rebuild. The judgement is made before, on the evidence as it is, so
// redaction changes no status and no finding.
package redact

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/ical"
)

// Fields names the fields whose values are people's names.
var Fields = []string{
	"the staff register's Name",
	"the device register's Attested By",
	"the owner of each [[evidence]] item (the part before a comma)",
	"the security representatives' names",
	"the ISMS certification's name and delegated_by",
}

// Names maps each person's name to their label.
type Names struct {
	labels map[string]string // name as written -> label
	// byStart holds every form of every name (as written, as HTML, JSON
	// and iCalendar escape it) by its first three bytes, longest first.
	byStart map[[3]byte][]form
}

type form struct{ text, label []byte }

// Collect finds the names in the evidence's name fields. Call it before
// the typed rows are dropped (rules.Input.Consume).
func Collect(ev *evidence.Evidence) *Names {
	n := &Names{labels: map[string]string{}, byStart: map[[3]byte][]form{}}
	ids := map[string]string{} // folded name -> Staff ID
	for _, s := range ev.Staff {
		if name := strings.TrimSpace(s.Name.Value); name != "" {
			ids[fold(name)] = s.ID
			n.add(name, s.ID)
		}
	}
	other := func(name string) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		if id, ok := ids[fold(name)]; ok {
			n.add(name, id)
			return
		}
		sum := sha256.Sum256([]byte(fold(name)))
		n.add(name, "person-"+hex.EncodeToString(sum[:4]))
	}
	for _, d := range ev.Devices {
		other(d.AttestedBy.Value)
	}
	docs := ev.Documents
	for _, it := range docs.Items {
		name, _, _ := strings.Cut(it.Owner, ",")
		other(name)
	}
	if r := docs.Representatives; r != nil {
		for _, rep := range []*evidence.Representative{r.Client, r.Agency} {
			if rep != nil && !rep.Placeholder {
				other(rep.Name.Value)
			}
		}
	}
	if docs.ISMS != nil && docs.ISMS.Certification != nil {
		other(docs.ISMS.Certification.Name.Value)
		other(docs.ISMS.Certification.DelegatedBy.Value)
	}
	n.sort()
	return n
}

// sort puts the longer forms first, so "Jane Doe-Smith" is found before
// "Jane Doe".
func (n *Names) sort() {
	for k := range n.byStart {
		slices.SortFunc(n.byStart[k], func(a, b form) int { return len(b.text) - len(a.text) })
	}
}

// fold compares names ignoring case and runs of white space.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (n *Names) add(name, label string) {
	if _, ok := n.labels[name]; ok || len(name) < 3 {
		return // too short to find safely: a label of its own would match words
	}
	n.labels[name] = label
	js, _ := json.Marshal(name)
	for _, text := range []string{name, template.HTMLEscapeString(name), string(js[1 : len(js)-1]), ical.Text(name)} {
		k := [3]byte{text[0], text[1], text[2]}
		if !slices.ContainsFunc(n.byStart[k], func(f form) bool { return string(f.text) == text }) {
			n.byStart[k] = append(n.byStart[k], form{[]byte(text), []byte(label)})
		}
	}
}

// Len is the number of names.
func (n *Names) Len() int { return len(n.labels) }

// word reports whether b is part of a word: a letter or digit, or any
// byte of a non-ASCII character.
func word(b byte) bool {
	return b >= utf8.RuneSelf || b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z'
}

// Apply replaces every name in text, as a whole word, by its label.
func (n *Names) Apply(text []byte) []byte {
	var out []byte
	last := 0
	for i := 0; i+3 <= len(text); i++ {
		if i > 0 && word(text[i-1]) {
			continue
		}
		for _, f := range n.byStart[[3]byte{text[i], text[i+1], text[i+2]}] {
			end := i + len(f.text)
			if end <= len(text) && bytes.Equal(text[i:end], f.text) && (end == len(text) || !word(text[end])) {
				out = append(append(out, text[last:i]...), f.label...)
				last = end
				i = end - 1
				break
			}
		}
	}
	if out == nil {
		return text
	}
	return append(out, text[last:]...)
}

// SearchDir is the folder of the site's search index (site.SearchDir):
// scripts whose data is the evidence's words, JSON-escaped.
const SearchDir = "search"

// Rewrite replaces the names in every page and export of the site being
// written in dir: its .html, .json, .csv and .ics files, and the scripts
// of its search index (SearchDir/*.js). The other scripts, static/'s, are
// the project's own and hold no evidence. An iCalendar file is unfolded
// first, so that a name its folding split is found, and folded again.

func (n *Names) Rewrite(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		apply := n.Apply
		switch filepath.Ext(p) {
		case ".html", ".json", ".csv":
		case ".ics":
			apply = func(data []byte) []byte { return ical.Rewrite(data, n.Apply) }
		case ".js":
			if rel, err := filepath.Rel(dir, p); err != nil || filepath.Dir(rel) != SearchDir {
				return err
			}
		default:
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if out := apply(data); !bytes.Equal(out, data) {
			return os.WriteFile(p, out, 0o644)
		}
		return nil
	})
}
