package site

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
)

// hostile is evidence text that must come out as text, never as markup.
const hostile = `<script>alert("x")</script> & 'q' <img src=x onerror=1> +ADw-`

// cellTexts parses a table's HTML and returns the text of every cell, and
// the names of every element in it.
func cellTexts(t *testing.T, h template.HTML) (cells []string, elements map[string]bool) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<!DOCTYPE html><body>" + string(h)))
	if err != nil {
		t.Fatal(err)
	}
	elements = map[string]bool{}
	var text func(n *html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			elements[n.Data] = true
			if n.Data == "td" {
				// A cell's end tag is left out: the row's line break is
				// the last cell's trailing white space, which shows as nothing.
				cells = append(cells, strings.TrimRight(text(n), "\n"))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return cells, elements
}

func TestTablesEscapeEvidence(t *testing.T) {
	rc := &rules.Check{Paragraph: "B.9.3", Source: "vulnerabilities", Subject: hostile, Outcome: rules.Gap, Detail: hostile,
		Deadline: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Margin: -2, Unit: rules.Days,
		Pos: diag.CellPos("evidence/vulnerabilities.xlsx", hostile, 7, 5)}
	ok := &rules.Check{Paragraph: "B.9.2", Source: "vulnerabilities", Subject: "V1", Outcome: rules.OK, Detail: hostile}
	reg := &model.Register{Href: "registers/v.html", Header: []string{hostile, "Name"}}
	data := []evidence.DataRow{{Pos: rc.Pos}}
	data[0].SetCells([]string{hostile, hostile})
	reg.SetRows(data)
	row := &reg.Data[0]
	c := &model.Check{Check: rc, ParagraphHref: "paragraphs/B-9-3.html", Row: row}
	f := &model.Finding{Paragraph: "B.9.3", ParagraphHref: "paragraphs/B-9-3.html", Kind: rules.Violation, Severity: rules.High,
		Subject: hostile, Message: hostile, Pos: rc.Pos}
	row.Status, row.Checks = rules.Gap, []*model.Check{c, {Check: ok, ParagraphHref: "paragraphs/B-9-2.html"}}
	rows := reg.Data
	where := rc.Pos.String()
	due := model.Due{Obligation: rules.Obligation{Paragraph: "B.9.3", Source: "vulnerabilities", Subject: hostile, What: hostile,
		Due: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Days: 3, Unit: rules.Days, Pos: rc.Pos},
		ParagraphHref: "paragraphs/B-9-3.html", Anchor: "due-1", Row: row, SourcePage: model.Link{Label: hostile, Href: "registers/v.html"}}
	for _, tt := range []struct {
		name string
		h    template.HTML
		want []string // cell texts
	}{
		{"checks", checkTable("../", []*model.Check{c}, true, true), []string{"B.9.3", hostile, "Gap", hostile, "2026-01-05", rc.MarginText(), where}},
		{"findings", findingTable("", []*model.Finding{f}, true), []string{"high", "violation", "B.9.3", hostile, hostile, where, ""}},
		{"due", dueTable("../", []model.Due{due}), []string{"2026-01-05", "3 days", "B.9.3", hostile, hostile, where, hostile}},
		{"register", registerTable("../", reg, rows), []string{"Gap", "B.9.2 ✓ B.9.3 Gap: " + hostile + " (deadline 2026-01-05, " + rc.MarginText() + ")", hostile, hostile}},
	} {
		cells, elements := cellTexts(t, tt.h)
		if strings.Join(cells, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: cells\n%q\nwant\n%q", tt.name, cells, tt.want)
		}
		for _, e := range []string{"script", "img"} {
			if elements[e] {
				t.Errorf("%s: evidence text made a <%s> element", tt.name, e)
			}
		}
	}
}

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 200000: "200,000", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := number(n); got != want {
			t.Errorf("number(%d) = %q, want %q", n, got, want)
		}
	}
}

// The gaps list's rows are anchored by their findings' IDs; every other
// findings table links each ID to its row there.
func TestFindingIDsInTables(t *testing.T) {
	fs := []*model.Finding{{ID: "F-aaaaaaaaaaaa", Subject: "a", Href: model.FindingHref(model.PageRows, "F-aaaaaaaaaaaa")}, {ID: "F-bbbbbbbbbbbb-2", Subject: "b", Href: "gaps.html#F-bbbbbbbbbbbb-2"}}
	h := string(gapsTable("", fs))
	for _, f := range fs {
		if !strings.Contains(h, `<tr id="`+f.ID+`"`) || !strings.Contains(h, `<td class="fid">`+f.ID) {
			t.Errorf("the gaps list's row of %s has no anchor or ID cell:\n%s", f.ID, h)
		}
	}
	other := string(findingTable("../", fs, true))
	if strings.Contains(other, "<tr id=") {
		t.Error("a findings table other than the gaps list has anchors")
	}
	for _, want := range []string{`<a href="../gaps--page-2.html#F-aaaaaaaaaaaa">F-aaaaaaaaaaaa</a>`, `<a href="../gaps.html#F-bbbbbbbbbbbb-2">F-bbbbbbbbbbbb-2</a>`} {
		if !strings.Contains(other, want) {
			t.Errorf("no link %s in:\n%s", want, other)
		}
	}
}
