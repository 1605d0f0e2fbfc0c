package schedule

import (
	"strings"
	"testing"
)

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a  b\t c ", "a b c"},
		{"Paragraph\u00a03.4", "Paragraph 3.4"},
		{"3.1 [bookmark: _heading=h.3tbugp1]The Agency", "3.1 The Agency"},
		{"8. [bookmark: _heading=h.1664s55]Audit ", "8. Audit"},
		{"[insert name]", "[insert name]"},
		{"\u00a0\u00a0", ""},
	}
	for _, tc := range tests {
		if got := Normalise(tc.in); got != tc.want {
			t.Errorf("Normalise(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReadSource(t *testing.T) {
	const doc = ` [Guidance Note: choose a Part.] 
 Part A: Short Form
1. Definitions
1.1 In this Schedule:
	"Term"
	the occurrence of:
a) one thing; and/or
b)    another,
in either case as set out;

	"Other"
	something else.
2. Plans
2.1 Introduction
2.1.1 The Agency shall plan.
2.2 Content
2.2.1 The plan shall:
a) do this;
b) do that.
Part B: Long Form
1. Things
1.1 [bookmark: _heading=h.x]The Agency shall:
1.1.1 do\u00a0one; and
1.1.2 do two.
 Part B – Annex 1: 
Baseline
     
1. Staff
1.1 Staff shall be checked.
`
	src, err := ReadSource("doc.txt", strings.NewReader(strings.ReplaceAll(doc, `\u00a0`, "\u00a0")))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		id, parent    string
		depth         int
		section, text string
	}
	var got []row
	for _, p := range src.Paragraphs {
		var hs []string
		for _, h := range p.Section {
			hs = append(hs, h.ID+"="+h.Number+" "+h.Title)
		}
		got = append(got, row{p.ID, p.Parent, p.Depth, strings.Join(hs, "; "), p.Text})
	}
	want := []row{
		{"A.1.1", "", 0, "A.1=1 Definitions", "In this Schedule:\n\n\"Term\"\n\nthe occurrence of:\n\n" + ItemsMarker + "\n\nin either case as set out;\n\n\"Other\"\n\nsomething else."},
		{"A.1.1(a)", "A.1.1", 1, "A.1=1 Definitions", "one thing; and/or"},
		{"A.1.1(b)", "A.1.1", 1, "A.1=1 Definitions", "another,"},
		{"A.2.1.1", "", 0, "A.2=2 Plans; A.2.1=2.1 Introduction", "The Agency shall plan."},
		{"A.2.2.1", "", 0, "A.2=2 Plans; A.2.2=2.2 Content", "The plan shall:"},
		{"A.2.2.1(a)", "A.2.2.1", 1, "A.2=2 Plans; A.2.2=2.2 Content", "do this;"},
		{"A.2.2.1(b)", "A.2.2.1", 1, "A.2=2 Plans; A.2.2=2.2 Content", "do that."},
		{"B.1.1", "", 0, "B.1=1 Things", "The Agency shall:"},
		{"B.1.1.1", "B.1.1", 1, "B.1=1 Things", "do one; and"},
		{"B.1.1.2", "B.1.1", 1, "B.1=1 Things", "do two."},
		{"B.Annex1.1.1", "", 0, "B.Annex1=Annex 1 Baseline; B.Annex1.1=1 Staff", "Staff shall be checked."},
	}
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("missing %+v", want[i])
		case i >= len(want):
			t.Errorf("unexpected %+v", got[i])
		case got[i] != want[i]:
			t.Errorf("paragraph %d:\n got %#v\nwant %#v", i, got[i], want[i])
		}
	}
	if src.Intro != "[Guidance Note: choose a Part.]" {
		t.Errorf("intro %q", src.Intro)
	}
	var titles []string
	for _, p := range src.Parts {
		titles = append(titles, p.Prefix+"="+p.Title)
	}
	if w := "A=Part A: Short Form|B=Part B: Long Form|B.Annex1=Part B – Annex 1: Baseline"; strings.Join(titles, "|") != w {
		t.Errorf("parts %q, want %q", strings.Join(titles, "|"), w)
	}
}

func TestReadSourceErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", "doc.txt: no paragraphs found"},
		{"paragraph before any section", "Part A: X\n1.1 The Agency shall.\n", "doc.txt:2: paragraph 1.1 is outside any numbered section"},
		{"paragraph in the wrong section", "Part A: X\n1. One\n2.1 The Agency shall.\n", "doc.txt:3: paragraph 2.1 does not belong in section 1 (One)"},
		{"repeated number", "Part A: X\n1. One\n1.1 A.\n1.1 B.\n", "doc.txt:4: paragraph 1.1 appears twice"},
		{"orphan subparagraph", "Part A: X\n1. One\n1.1.1 A.\n", "doc.txt:3: paragraph 1.1.1 has neither a paragraph nor a heading 1.1 above it"},
		{"item out of sequence", "Part A: X\n1. One\n1.1 A:\na) x;\nc) y.\n", "doc.txt:5: item c) out of sequence: want b)"},
		{"item without paragraph", "Part A: X\n1. One\na) x;\n", "doc.txt:3: item a) follows no numbered paragraph"},
		{"item after closing text", "Part A: X\n1. One\n1.1 A:\na) x;\nclosing\nb) y.\n", "doc.txt:6: item b) follows the text that closes the items of A.1.1"},
		{"stray line", "Part A: X\n1. One\nstray words\n1.1 A.\n", "doc.txt:3: cannot place this line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadSource("doc.txt", strings.NewReader(tc.in))
			if err == nil {
				t.Fatalf("no error; want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error:\n%v\nwant it to contain %q", err, tc.want)
			}
		})
	}
}
