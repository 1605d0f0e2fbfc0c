package evidence

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadItems(t *testing.T) {
	src := `# items
[[evidence]]
id = " EV-001 "
title = "ISO/IEC 27001 certificate"
paragraphs = [
  "B.2.6",
  # a comment
  'B.3.4.2', "B.2.6",
  "B.NOPE",
]
date = 2025-07-14
expires = "2028-07-13"
owner = "Priya Raman"
summary = """
**Certificate** IS 771234.
"""
attachments = ["documents/policy.pdf"]

[[evidence]]
id = "EV-002"
title = "Scans"
paragraphs = ["B.9.5.4"]
date = 2026-11-23
review_months = 1
owner = "Tom"
attachments = "documents/policy.pdf"
`
	docs := readOne(src)
	if len(docs.Problems) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemLines(docs.Problems), "\n"))
	}
	if len(docs.Items) != 2 {
		t.Fatalf("items = %+v", docs.Items)
	}
	a, b := docs.Items[0], docs.Items[1]
	if a.ID != "EV-001" || a.Title != "ISO/IEC 27001 certificate" || a.Owner != "Priya Raman" || a.Summary != "**Certificate** IS 771234." ||
		a.Date.String() != "2025-07-14" || a.Expires.String() != "2028-07-13" || a.Expires.Pos.Line() != 12 || a.ReviewMonths != 0 || a.Pos.Line() != 2 ||
		len(a.Attachments) != 1 || a.Attachments[0].Path != "documents/policy.pdf" {
		t.Errorf("item 0 = %+v", a)
	}
	var refs []string
	for _, p := range a.Paragraphs {
		refs = append(refs, p.ID+"@"+strconv.Itoa(p.Pos.Line()))
	}
	if want := []string{"B.2.6@6", "B.3.4.2@8", "B.NOPE@9"}; !slices.Equal(refs, want) {
		t.Errorf("paragraphs %q, want %q (each once, at its line)", refs, want)
	}
	if b.ReviewMonths != 1 || b.Expires.Set || b.ReviewMonthsPos.Line() != 24 || len(b.Attachments) != 1 || !slices.Equal(b.ParagraphIDs(), []string{"B.9.5.4"}) {
		t.Errorf("item 1 = %+v", b)
	}
	if got := docs.ItemsFor("B.2.6"); len(got) != 1 || got[0].ID != "EV-001" {
		t.Errorf("ItemsFor(B.2.6) = %+v", got)
	}
	if got := docs.ItemsFor("B.9.5.4"); len(got) != 1 || got[0].ID != "EV-002" {
		t.Errorf("ItemsFor(B.9.5.4) = %+v", got)
	}
	if got := docs.ItemsFor("B.2.5"); got != nil {
		t.Errorf("ItemsFor(B.2.5) = %+v, want none", got)
	}
}

func TestReadItemProblems(t *testing.T) {
	ok := completeItem("EV-1", "B.2.6")
	tests := []struct {
		name  string
		src   string
		want  []string // "line: message prefix"
		items int
		paras []string // of the first problem
	}{
		{"complete", "[[evidence]]\n" + ok, nil, 1, nil},
		{"nothing", "[[evidence]]\n",
			[]string{"1: title: missing", "1: owner: missing", "1: date: missing", "1: paragraphs: missing", "1: id: missing"}, 0, nil},
		{"missing title against its paragraphs", "[[evidence]]\nid = \"EV-1\"\nparagraphs = [\"B.2.6\", \"B.2.5\"]\ndate = 2026-01-01\nowner = \"o\"\n",
			[]string{"1: title: missing"}, 1, []string{"B.2.6", "B.2.5"}},
		{"bad types", "[[evidence]]\nid = 1\ntitle = [\"t\"]\nparagraphs = \"B.2.6\"\ndate = 45000\nowner = true\n",
			[]string{"2: id: want text in quotes, got 1", "3: title: want text in quotes, got a list", "4: paragraphs: want a list of paragraph ids", "5: date: want a date such as 2025-04-01, got the number 45000", "6: owner: want text in quotes, got true"}, 0, nil},
		{"paragraph not text", "[[evidence]]\n" + ok + "[[evidence]]\nid = \"EV-2\"\ntitle = \"t\"\nparagraphs = [\"B.2.6\", 2.6, \"\"]\ndate = 2026-01-01\nowner = \"o\"\n",
			[]string{"10: paragraphs: want paragraph ids in quotes, such as \"B.2.6\", got 2.6", "10: paragraphs: want paragraph ids in quotes, such as \"B.2.6\", got \"\""}, 2, nil},
		{"no paragraphs", "[[evidence]]\nid = \"EV-1\"\ntitle = \"t\"\nparagraphs = []\ndate = 2026-01-01\nowner = \"o\"\n",
			[]string{"4: paragraphs: name at least one paragraph id"}, 1, nil},
		{"duplicate id", "[[evidence]]\n" + ok + "\n[[evidence]]\nid = \"ev-1\"\ntitle = \"t\"\nparagraphs = [\"B.2.5\"]\ndate = 2026-01-01\nowner = \"o\"\n",
			[]string{`9: id: "ev-1" is already used at evidence/g.toml:1`}, 1, []string{"B.2.5"}},
		{"expires before date", "[[evidence]]\n" + ok + "expires = 2025-12-31\n",
			[]string{"7: expires (2025-12-31) is before date (2026-01-01)"}, 1, []string{"B.2.6"}},
		{"expires and review", "[[evidence]]\n" + ok + "expires = 2026-12-31\nreview_months = 12\n",
			[]string{"8: review_months: give expires or review_months, not both"}, 1, nil},
		{"review months out of range", "[[evidence]]\n" + ok + "review_months = 0\n[[evidence]]\nid = \"EV-2\"\nreview_months = 121\n[[evidence]]\nid = \"EV-3\"\nreview_months = \"12\"\n",
			[]string{"7: review_months: want a whole number from 1 to 120, got 0", "8: title: missing", "8: owner: missing", "8: date: missing", "8: paragraphs: missing", "10: review_months: want a whole number from 1 to 120, got 121",
				"11: title: missing", "11: owner: missing", "11: date: missing", "11: paragraphs: missing", "13: review_months: want a whole number, got \"12\""}, 3, nil},
		{"bad dates", "[[evidence]]\nid = \"EV-1\"\ntitle = \"t\"\nparagraphs = [\"B.2.6\"]\ndate = \"2025-02-30\"\nexpires = \"never\"\nowner = \"o\"\n",
			[]string{"5: date: want a date such as 2025-04-01, got \"2025-02-30\"", "6: expires: want a date such as 2025-04-01, got \"never\""}, 1, nil},
		{"attachments", "[[evidence]]\n" + ok + "attachments = [\"/etc/passwd\", \"documents/none.pdf\", \"g.toml\"]\n",
			[]string{"7: attachment \"/etc/passwd\": want a path inside the evidence folder", "7: attachment \"documents/none.pdf\": no such file", "7: attachment \"g.toml\": a TOML evidence file cannot be an attachment"}, 1, []string{"B.2.6"}},
		{"attachments wrong type", "[[evidence]]\n" + ok + "attachments = 3\n",
			[]string{"7: attachments: want a list of paths"}, 1, nil},
		{"unknown key", "[[evidence]]\n" + ok + "paragraph = [\"B.2.5\"]\n",
			[]string{`7: unknown key "evidence.paragraph"`}, 1, nil},
		{"not tables", "evidence = [\"EV-1\"]\n",
			[]string{`1: evidence: want one table per entry, each headed [[evidence]]`}, 0, nil},
		{"not a list", "evidence = \"EV-1\"\n",
			[]string{`1: evidence: want one table per entry, each headed [[evidence]]`}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(tt.src)
			checkTOMLProblems(t, docs, tt.want, tt.paras)
			if len(docs.Items) != tt.items {
				t.Errorf("%d items, want %d", len(docs.Items), tt.items)
			}
		})
	}
}

// Ids are unique across files: the second, in file name order, is the
// problem, and is not used.
func TestItemIDsAcrossFiles(t *testing.T) {
	// Each item starts with a blank line: its header is on line 2, 8, ...
	item := func(id, para string) string { return "\n[[evidence]]\n" + completeItem(id, para) }
	docs := loadDocuments(fstest.MapFS{
		"b.toml": {Data: []byte(item("EV-1", "B.2.5") + item("EV-2", "B.2.5"))},
		"a.toml": {Data: []byte(item("EV-2", "B.2.6"))},
	}, "evidence")
	got := problemLines(docs.Problems)
	if len(got) != 1 || !strings.HasPrefix(got[0], `evidence/b.toml:10: id: "EV-2" is already used at evidence/a.toml:2`) {
		t.Errorf("problems %q", got)
	}
	var ids []string
	for _, it := range docs.Items {
		ids = append(ids, it.ID+" "+it.Pos.String())
	}
	if want := []string{"EV-2 evidence/a.toml:2", "EV-1 evidence/b.toml:2"}; !slices.Equal(ids, want) {
		t.Errorf("items %q, want %q", ids, want)
	}
	if got := docs.ItemsFor("B.2.5"); len(got) != 1 || got[0].ID != "EV-1" {
		t.Errorf("ItemsFor(B.2.5) = %+v", got)
	}
}

// Attachments are read through the evidence folder's os.Root: a symbolic
// link out of it is refused with the item's line.
func TestItemAttachmentsRoot(t *testing.T) {
	fsys := rootWithLinkOut(t, map[string]string{"documents/a.pdf": "%PDF-1.4", "items.toml": `[[evidence]]
id = "EV-1"
title = "t"
paragraphs = ["B.2.6"]
date = 2026-01-01
owner = "o"
attachments = [
  "documents/a.pdf",
  "documents/link.txt",
  "../secret.txt",
]
`})
	docs := loadDocuments(fsys, "evidence")
	got := problemLines(docs.Problems)
	if len(got) != 2 || !strings.HasPrefix(got[0], `evidence/items.toml:7: attachment "documents/link.txt"`) || !strings.HasPrefix(got[1], `evidence/items.toml:7: attachment "../secret.txt": want a path inside`) {
		t.Errorf("problems %q", got)
	}
	if len(docs.Items) != 1 || len(docs.Items[0].Attachments) != 1 || docs.Items[0].Attachments[0].Path != "documents/a.pdf" {
		t.Errorf("items %+v", docs.Items)
	}
}

// The sample attachments are well formed: each PDF's cross-reference
// table points at its objects and its stream lengths are right; the PNG
// decodes; the text is plain UTF-8 text.
func TestSampleAttachmentsWellFormed(t *testing.T) {
	files, err := filepath.Glob("../../evidence/documents/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		if !isMine("documents/" + name) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(name) {
		case ".pdf":
			if err := checkPDF(data, ""); err != "" {
				t.Errorf("%s: %s", name, err)
			}
		case ".png":
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil || img.Bounds().Dx() == 0 {
				t.Errorf("%s: %v", name, err)
			}
		case ".txt":
			if bytes.ContainsAny(data, "\x00\r") || !strings.HasSuffix(string(data), "\n") {
				t.Errorf("%s: not plain text with LF line ends", name)
			}
		default:
			t.Errorf("%s: unexpected sample attachment", name)
		}
	}
}
