package schedule

import (
	"errors"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/diag"
)

// para is the front matter of a valid paragraph page; line numbers in the
// file are: 1 "+++", 2 id, 3 title, 4 number, 5 weight, 6 obligation,
// 7 party, 8 evidence, 9 "+++", 10 the body.
func para(id, number string, weight int, extra ...string) string {
	lines := []string{
		"+++",
		`id = "` + id + `"`,
		`title = "A title"`,
		`number = "` + number + `"`,
		"weight = " + itoa(weight),
		"obligation = true",
		`party = "agency"`,
		`evidence = ["document"]`,
	}
	lines = append(lines, extra...)
	lines = append(lines, "+++", "The Agency shall do something.", "")
	return strings.Join(lines, "\n")
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

// baseFS is a small valid content tree: Part A with two sections, and an
// Annex of Part B.
func baseFS() fstest.MapFS {
	return fstest.MapFS{
		"_index.md":                     file("+++\ntitle = \"Schedule\"\n+++\nGuidance.\n"),
		"part-a/_index.md":              file("+++\ntitle = \"Part A: Short\"\npart = \"A\"\nweight = 1\n+++\n"),
		"part-a/01-defs/_index.md":      file("+++\ntitle = \"Definitions\"\nnumber = \"1\"\nweight = 1\n+++\n"),
		"part-a/01-defs/1.1.md":         file(strings.Replace(para("A.1.1", "1.1", 1), "obligation = true\nparty = \"agency\"\nevidence = [\"document\"]", "obligation = false\nparty = \"none\"\nevidence = []", 1)),
		"part-a/01-defs/1.1-a.md":       file(para("A.1.1(a)", "(a)", 2, `parent = "A.1.1"`)),
		"part-a/02-x/_index.md":         file("+++\ntitle = \"X\"\nnumber = \"2\"\nweight = 2\n+++\n"),
		"part-a/02-x/2.1/_index.md":     file("+++\ntitle = \"Sub\"\nnumber = \"2.1\"\nweight = 1\n+++\n"),
		"part-a/02-x/2.1/2.1.1.md":      file(para("A.2.1.1", "2.1.1", 3)),
		"part-a/02-x/2.1/2.1.2.md":      file(para("A.2.1.2", "2.1.2", 4)),
		"part-b/_index.md":              file("+++\ntitle = \"Part B: Long\"\npart = \"B\"\nweight = 2\n+++\n"),
		"part-b/01-y/_index.md":         file("+++\ntitle = \"Y\"\nnumber = \"1\"\nweight = 1\n+++\n"),
		"part-b/01-y/1.1.md":            file(para("B.1.1", "1.1", 1)),
		"part-b-annex-1/_index.md":      file("+++\ntitle = \"Part B – Annex 1: Z\"\npart = \"B\"\nid_prefix = \"B.Annex1\"\nnumber = \"Annex 1\"\nshort_title = \"Z\"\nweight = 3\n+++\n"),
		"part-b-annex-1/01-z/_index.md": file("+++\ntitle = \"Z\"\nnumber = \"1\"\nweight = 1\n+++\n"),
		"part-b-annex-1/01-z/1.1.md":    file(para("B.Annex1.1.1", "1.1", 2)),
	}
}

func TestLoadBase(t *testing.T) {
	s, err := Load(baseFS(), sources)
	if err != nil {
		t.Fatalf("base tree does not load:\n%v", err)
	}
	var ids []string
	for _, p := range s.Paragraphs {
		ids = append(ids, p.ID)
	}
	want := "A.1.1 A.1.1(a) A.2.1.1 A.2.1.2 B.1.1 B.Annex1.1.1"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
	p, _ := s.Lookup("B.Annex1.1.1")
	if len(p.Section) != 2 || p.Section[0].ID != "B.Annex1" || p.Section[1].ID != "B.Annex1.1" || p.BodyLine != 10 {
		t.Errorf("annex paragraph: section %v, body line %d", p.Section, p.BodyLine)
	}
	if p, _ := s.Lookup("A.2.1.1"); len(p.Section) != 2 || p.Section[1].ID != "A.2.1" {
		t.Errorf("A.2.1.1: section %v", p.Section)
	}
	if s.Intro != "Guidance." {
		t.Errorf("intro %q", s.Intro)
	}
}

var errLineRE = regexp.MustCompile(`^[^:\s]+\.md:\d+(:\d+)?: \S`)

func TestLoadErrors(t *testing.T) {
	const p21 = "part-a/02-x/2.1/2.1.1.md"
	set := func(name, content string) func(fstest.MapFS) {
		return func(m fstest.MapFS) { m[name] = file(content) }
	}
	edit := func(name, old, new string) func(fstest.MapFS) {
		return func(m fstest.MapFS) {
			s := string(m[name].Data)
			if !strings.Contains(s, old) {
				panic("test edit: " + old + " not in " + name)
			}
			m[name] = file(strings.Replace(s, old, new, 1))
		}
	}
	tests := []struct {
		name  string
		edits []func(fstest.MapFS)
		want  []string // each must appear in the error text
	}{
		{"toml syntax", []func(fstest.MapFS){edit(p21, "weight = 3", "weight = = 3")},
			[]string{p21 + ":5:"}},
		{"unterminated string", []func(fstest.MapFS){edit(p21, `title = "A title"`, `title = "A title`)},
			[]string{p21 + ":3:"}},
		{"unknown key", []func(fstest.MapFS){edit(p21, "weight = 3", "weight = 3\ncolour = \"red\"")},
			[]string{p21 + `:6: unknown front-matter key "colour"`}},
		{"unknown table", []func(fstest.MapFS){edit(p21, "+++\nThe", "[extra]\nx = 1\n+++\nThe")},
			[]string{p21 + `:9: unknown front-matter key "extra`}},
		{"key in the wrong case", []func(fstest.MapFS){edit(p21, `title = "A title"`, `Title = "A title"`)},
			[]string{p21 + `:3: unknown front-matter key "Title"`, p21 + ":1: missing title"}},
		{"paragraph key in a section", []func(fstest.MapFS){edit("part-a/02-x/_index.md", "weight = 2", "weight = 2\nparty = \"agency\"")},
			[]string{`part-a/02-x/_index.md:5: unknown front-matter key "party"`}},
		{"wrong type", []func(fstest.MapFS){edit(p21, "weight = 3", `weight = "three"`)},
			[]string{p21 + ":5: weight: want an integer, got string"}},
		{"missing title", []func(fstest.MapFS){edit(p21, "title = \"A title\"\n", "")},
			[]string{p21 + ":1: missing title"}},
		{"missing id", []func(fstest.MapFS){edit(p21, "id = \"A.2.1.1\"\n", "")},
			[]string{p21 + ":1: missing id"}},
		{"missing evidence", []func(fstest.MapFS){edit(p21, "evidence = [\"document\"]\n", "")},
			[]string{p21 + ":1: missing evidence"}},
		{"long title", []func(fstest.MapFS){edit(p21, "A title", strings.Repeat("x", 61))},
			[]string{p21 + ":3: title is 61 characters long"}},
		{"duplicate id", []func(fstest.MapFS){edit("part-a/02-x/2.1/2.1.2.md", "A.2.1.2", "A.2.1.1"), edit("part-a/02-x/2.1/2.1.2.md", `"2.1.2"`, `"2.1.1"`)},
			[]string{`part-a/02-x/2.1/2.1.2.md:1: duplicate id "A.2.1.1": also in ` + p21}},
		{"bad party", []func(fstest.MapFS){edit(p21, `party = "agency"`, `party = "supplier"`)},
			[]string{p21 + `:7: party: want one of agency, client, both, none, got "supplier"`}},
		{"bad evidence source", []func(fstest.MapFS){edit(p21, `["document"]`, `["document", "receipts"]`)},
			[]string{p21 + `:8: evidence: unknown source "receipts"`}},
		{"repeated evidence kind", []func(fstest.MapFS){edit(p21, `["document"]`, `["document", "document"]`)},
			[]string{p21 + `:8: evidence: "document" is listed twice`}},
		{"bad applies_if", []func(fstest.MapFS){edit(p21, "+++\nThe", "applies_if = \"sometimes\"\n+++\nThe")},
			[]string{p21 + `:9: applies_if: want one of`}},
		{"applies_if without note", []func(fstest.MapFS){edit(p21, "+++\nThe", "applies_if = \"bespoke_isms\"\n+++\nThe")},
			[]string{p21 + `:9: applies_if is set: say why in applies_note`}},
		{"no obligation but a party", []func(fstest.MapFS){edit(p21, "obligation = true", "obligation = false")},
			[]string{p21 + `:7: party is "agency" but obligation is false`, p21 + ":8: evidence is listed but obligation is false"}},
		{"obligation on nobody", []func(fstest.MapFS){edit(p21, `party = "agency"`, `party = "none"`)},
			[]string{p21 + `:7: party "none" but obligation is true`}},
		{"parent missing", []func(fstest.MapFS){set("part-a/02-x/2.1/2.1.2.md", para("A.2.1.2", "2.1.2", 4, `parent = "A.2.1"`))},
			[]string{`part-a/02-x/2.1/2.1.2.md:1: parent "A.2.1" does not exist`}},
		{"parent does not enclose", []func(fstest.MapFS){set("part-a/02-x/2.1/2.1.2.md", para("A.2.1.2", "2.1.2", 4, `parent = "A.2.1.1"`))},
			[]string{`part-a/02-x/2.1/2.1.2.md:9: parent "A.2.1.1" does not enclose id "A.2.1.2"`}},
		{"item without parent", []func(fstest.MapFS){edit("part-a/01-defs/1.1-a.md", "parent = \"A.1.1\"\n", "")},
			[]string{"part-a/01-defs/1.1-a.md:4: lettered item (a) needs a parent paragraph"}},
		{"id does not match number", []func(fstest.MapFS){edit(p21, `id = "A.2.1.1"`, `id = "A.2.1.9"`)},
			[]string{p21 + `:2: id "A.2.1.9" does not match the part and number: want "A.2.1.1"`}},
		{"paragraph in the wrong section", []func(fstest.MapFS){edit(p21, `"A.2.1.1"`, `"A.3.1.1"`), edit(p21, `"2.1.1"`, `"3.1.1"`)},
			[]string{p21 + `:4: paragraph 3.1.1 does not belong in section 2.1 (Sub)`}},
		{"weight gap", []func(fstest.MapFS){edit("part-a/02-x/2.1/2.1.2.md", "weight = 4", "weight = 5")},
			[]string{`part-a/02-x/2.1/2.1.2.md:1: weight 5: Part A's weights must run 1, 2, 3... with no gap; want 4`}},
		{"weight repeated", []func(fstest.MapFS){edit("part-a/02-x/2.1/2.1.2.md", "weight = 4", "weight = 3")},
			[]string{`weight 3 is also the weight of`}},
		{"annex before its part", []func(fstest.MapFS){edit("part-b-annex-1/01-z/1.1.md", "weight = 2", "weight = 1"), edit("part-b/01-y/1.1.md", "weight = 1", "weight = 2")},
			[]string{`part-b-annex-1/_index.md:1: paragraphs of part-b-annex-1 start at weight 1`}},
		{"no front matter", []func(fstest.MapFS){set(p21, "The Agency shall.\n")},
			[]string{p21 + `:1: missing front matter`}},
		{"front matter not closed", []func(fstest.MapFS){set(p21, "+++\nid = \"A.2.1.1\"\nThe Agency shall.\n")},
			[]string{p21 + `:1: front matter opened here is never closed`}},
		{"empty body", []func(fstest.MapFS){edit(p21, "The Agency shall do something.", "")},
			[]string{p21 + `:10: missing body`}},
		{"two item markers", []func(fstest.MapFS){edit(p21, "The Agency shall do something.", "A\n\n"+ItemsMarker+"\n\nB\n\n"+ItemsMarker)},
			[]string{p21 + `:10: <!--items--> appears 2 times`}},
		{"paragraph outside a part", []func(fstest.MapFS){set("stray.md", para("A.9.9", "9.9", 9))},
			[]string{`stray.md:1: paragraph is not inside a part or section`}},
		{"section without index", []func(fstest.MapFS){set("part-a/03-z/3.1.md", para("A.3.1", "3.1", 5))},
			[]string{`part-a/03-z/3.1.md:1: paragraph is not inside a part or section`}},
		{"bad section number", []func(fstest.MapFS){edit("part-a/02-x/2.1/_index.md", `number = "2.1"`, `number = "3.1"`)},
			[]string{`part-a/02-x/2.1/_index.md:3: number: want a number that extends the enclosing section's 2, got "3.1"`}},
		{"bad part", []func(fstest.MapFS){edit("part-b/_index.md", `part = "B"`, `part = "b"`)},
			[]string{`part-b/_index.md:3: part: want a capital letter`}},
		{"part index syntax", []func(fstest.MapFS){edit("part-a/_index.md", `weight = 1`, `weight = [1`)},
			[]string{`part-a/_index.md:4:`}},
		{"no root index", []func(fstest.MapFS){func(m fstest.MapFS) { delete(m, "_index.md") }},
			[]string{`_index.md: missing`}},
		{"problems in two files", []func(fstest.MapFS){edit(p21, `party = "agency"`, `party = "x"`), edit("part-b/01-y/1.1.md", `title = "A title"`, `title = ""`)},
			[]string{p21 + ":7: party", "part-b/01-y/1.1.md:3: title: want one line of text"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := baseFS()
			for _, e := range tc.edits {
				e(m)
			}
			s, err := Load(m, sources)
			if err == nil {
				t.Fatalf("Load succeeded with %d paragraphs; want errors %q", len(s.Paragraphs), tc.want)
			}
			if s != nil {
				t.Errorf("Load returned a schedule with its error")
			}
			var list diag.List
			if !errors.As(err, &list) {
				t.Fatalf("error is %T, want diag.List", err)
			}
			msg := err.Error()
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error does not contain %q:\n%s", w, msg)
				}
			}
			for _, l := range strings.Split(msg, "\n") {
				if !errLineRE.MatchString(l) && !strings.HasPrefix(l, "_index.md: ") {
					t.Errorf("error line does not start with file:line: %q", l)
				}
			}
		})
	}
}
