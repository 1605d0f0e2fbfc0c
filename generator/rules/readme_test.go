package rules

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

var updateREADME = flag.Bool("update", false, "rewrite README.md's register sections from the register table and the rules")

// readme is README.md, from this package's folder.
const readme = "../../README.md"

// registersEnd marks where README.md's register sections end: a register
// with no section yet gets one here.
const registersEnd = "<!-- end of the register sections -->"

func sectionMarkers(name string) (begin, end string) {
	return "<!-- register " + name + ": generated from the register table by go test ./generator/rules -run TestREADME -update -->",
		"<!-- end register " + name + " -->"
}

// registerSection is a register's README.md section: its heading and its
// column table, from its schema, and its rules, from the family list's
// docs.
func registerSection(s evidence.Schema, docs []Doc) string {
	var b strings.Builder
	key := "key `" + s.Key + "`"
	if !s.UniqueKey {
		key += ", repeats"
	}
	fmt.Fprintf(&b, "### `%s`, sheet `%s` (%s; %s)\n\n", s.File, s.Sheet, s.RowDoc, key)
	b.WriteString("| column | required | meaning |\n|---|---|---|\n")
	for _, name := range s.Header() {
		c, _ := s.Column(name)
		required := "no"
		switch {
		case c.Name == s.Key && s.UniqueKey:
			required = "yes, filled, unique"
		case c.Required && c.Filled:
			required = "yes, filled"
		case c.Required:
			required = "yes (column)"
		}
		meaning := c.Doc
		if len(c.Choices) > 0 {
			meaning = "One of `" + strings.Join(c.Choices, "`, `") + "`. " + meaning
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", c.Name, required, meaning)
	}
	var rules []Doc
	for _, d := range docs {
		if d.Register == s.Name {
			rules = append(rules, d)
		}
	}
	if len(rules) > 0 {
		b.WriteString("\n| paragraph | rule |\n|---|---|\n")
		for _, d := range rules {
			fmt.Fprintf(&b, "| %s | %s |\n", strings.Join(d.Paragraphs, ", "), strings.ReplaceAll(d.Text, "|", "\\|"))
		}
	}
	return b.String()
}

// withRegisterSections returns text with each register's section, between
// its markers, generated from schemas; a register with no section yet gets
// one before the next register's section or, for the last, before
// registersEnd.
func withRegisterSections(text string, schemas []evidence.Schema, docs []Doc) (string, error) {
	for i := len(schemas) - 1; i >= 0; i-- {
		s := schemas[i]
		begin, end := sectionMarkers(s.Name)
		section := begin + "\n" + registerSection(s, docs) + "\n" + end
		b, e := strings.Index(text, begin), strings.Index(text, end)
		switch {
		case b >= 0 && e > b:
			text = text[:b] + section + text[e+len(end):]
		case b >= 0 || e >= 0:
			return "", fmt.Errorf("register %s: want the markers %q and then %q", s.Name, begin, end)
		default:
			at := strings.Index(text, registersEnd)
			if i+1 < len(schemas) {
				next, _ := sectionMarkers(schemas[i+1].Name)
				at = strings.Index(text, next)
			}
			if at < 0 {
				return "", fmt.Errorf("register %s: no section, and no %q to add one before", s.Name, registersEnd)
			}
			text = text[:at] + section + "\n\n" + text[at:]
		}
	}
	return text, nil
}

// TestREADME fails when README.md's register sections differ from the
// register table and the rules' docs; -update rewrites them.
func TestREADME(t *testing.T) {
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	want, err := withRegisterSections(string(b), evidence.Schemas(), Docs())
	if err != nil {
		t.Fatal(err)
	}
	if want == string(b) {
		return
	}
	if *updateREADME {
		if err := os.WriteFile(readme, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's register sections are stale: run go test ./generator/rules -run TestREADME -update")
}

func TestWithRegisterSections(t *testing.T) {
	a := evidence.Schema{Name: "a", File: "a.xlsx", Sheet: "A", Key: "ID", UniqueKey: true, RowDoc: "one row per a",
		Columns: []evidence.Column{{Name: "ID", Required: true, Filled: true, Doc: "The id."}, {Name: "Kind", Type: evidence.TypeChoice, Choices: []string{"x", "y"}, Doc: "Its kind."}}}
	b := evidence.Schema{Name: "b", File: "b.xlsx", Sheet: "B", Key: "Ref", RowDoc: "one row per b",
		Columns: []evidence.Column{{Name: "Ref", Required: true, Filled: true, Doc: "A ref."}, {Name: "On", Type: evidence.TypeDate, Required: true, Doc: "A day."}, {Name: evidence.ParagraphsColumn, Doc: "Paragraphs."}}}
	docs := []Doc{{[]string{"B.1", "B.2"}, "a", "Rule one | with a bar."}, {nil, "", "Not a register's."}}
	aBegin, aEnd := sectionMarkers("a")
	bBegin, bEnd := sectionMarkers("b")
	aSection := aBegin + "\n### `a.xlsx`, sheet `A` (one row per a; key `ID`)\n\n| column | required | meaning |\n|---|---|---|\n" +
		"| ID | yes, filled, unique | The id. |\n| Kind | no | One of `x`, `y`. Its kind. |\n" +
		"\n| paragraph | rule |\n|---|---|\n| B.1, B.2 | Rule one \\| with a bar. |\n\n" + aEnd
	bSection := bBegin + "\n### `b.xlsx`, sheet `B` (one row per b; key `Ref`, repeats)\n\n| column | required | meaning |\n|---|---|---|\n" +
		"| Ref | yes, filled | A ref. |\n| On | yes (column) | A day. |\n\n" + bEnd
	tests := []struct {
		name, in, want, wantErr string
	}{
		{"up to date", "# R\n" + aSection + "\nrules of a\n" + bSection + "\n" + registersEnd + "\n",
			"# R\n" + aSection + "\nrules of a\n" + bSection + "\n" + registersEnd + "\n", ""},
		{"stale sections are replaced, the text around them kept", "# R\n" + aBegin + "\nold\n" + aEnd + "\nrules of a\n" + bBegin + bEnd + "\n" + registersEnd + "\n",
			"# R\n" + aSection + "\nrules of a\n" + bSection + "\n" + registersEnd + "\n", ""},
		{"a missing section goes before the next register's", "# R\n" + bSection + "\n" + registersEnd + "\n",
			"# R\n" + aSection + "\n\n" + bSection + "\n" + registersEnd + "\n", ""},
		{"the last goes before the end of the register sections", "# R\n" + aSection + "\nrules of a\n" + registersEnd + "\n",
			"# R\n" + aSection + "\nrules of a\n" + bSection + "\n\n" + registersEnd + "\n", ""},
		{"an end marker without its beginning", "# R\n" + aEnd + "\n" + registersEnd, "", "register a: want the markers"},
		{"nowhere to add a section", "# R\n", "", "no section"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := withRegisterSections(tt.in, []evidence.Schema{a, b}, docs)
			switch {
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want one containing %q", err, tt.wantErr)
			case tt.wantErr == "" && (err != nil || got != tt.want):
				t.Errorf("got %v\n%s\nwant\n%s", err, got, tt.want)
			}
		})
	}
}
