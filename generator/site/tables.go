package site

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
)

// The tables that grow with the evidence (register rows, checks,
// findings) are written by typed code rather than by templates: a
// template runs every value of a 1,000-row page through reflection and
// its escapers, which is most of a large build's time. Every value from
// the evidence is escaped with the standard library's HTML escaper; the
// page frames around the tables stay templates in layouts/. Rows and
// cells leave out the end tags HTML lets them leave out (</td>, </tr>):
// at 200,000 rows they are a tenth of a register's pages.

// table builds one table's HTML.
type table struct{ bytes.Buffer }

// text writes s escaped, for element content and quoted attributes.
func (b *table) text(s string) { b.WriteString(template.HTMLEscapeString(s)) }

// link writes <a href="root+href">label</a>, or the label alone when
// href is empty.
func (b *table) link(root, href, label string) {
	if href == "" {
		b.text(label)
		return
	}
	b.WriteString(`<a href="`)
	b.text(root + href)
	b.WriteString(`">`)
	b.text(label)
	b.WriteString(`</a>`)
}

// status writes an outcome or status as the status.html partial does.
func (b *table) status(s string) {
	b.WriteString(`<span class="status status-`)
	b.text(s)
	b.WriteString(`">`)
	b.text(statusLabel(s))
	b.WriteString(`</span>`)
}

func (b *table) head(cols ...string) {
	b.WriteString("<thead><tr>")
	for _, c := range cols {
		if c != "" {
			b.WriteString(`<th scope="col">`)
			b.text(c)
			b.WriteString(`</th>`)
		}
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
}

func (b *table) html() template.HTML { return template.HTML(b.String()) }

func pick(show bool, col string) string {
	if show {
		return col
	}
	return ""
}

// checkTable lists checks: with a Paragraph column if paragraph, a Subject
// column if subject.
func checkTable(root string, checks []*model.Check, subject, paragraph bool) template.HTML {
	var b table
	b.Grow(300 * len(checks))
	b.WriteString(`<table class="sortable checks">` + "\n")
	b.head(pick(paragraph, "Paragraph"), pick(subject, "Subject"), "Outcome", "Detail", "Deadline", "Margin", "Source")
	for _, c := range checks {
		b.WriteString(`<tr class="outcome-`)
		b.text(string(c.Outcome))
		b.WriteString(`">`)
		if paragraph {
			b.WriteString("<td>")
			b.link(root, c.ParagraphHref, c.Paragraph)
		}
		if subject {
			b.WriteString("<td>")
			b.link(root, c.SubjectHref(), c.Subject)
		}
		b.WriteString(`<td data-sort="`)
		b.text(string(c.Outcome))
		b.WriteString(`">`)
		b.status(string(c.Outcome))
		b.WriteString("<td>")
		b.text(c.Detail)
		b.WriteString("<td>")
		if !c.Deadline.IsZero() {
			b.text(dateText(c))
			b.WriteString("<td>")
			b.text(c.MarginText())
		} else {
			b.WriteString("<td>")
		}
		b.WriteString(`<td class="where">`)
		b.text(c.Pos.String())
		b.WriteString("\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.html()
}

func dateText(c *model.Check) string { return c.Deadline.Format("2006-01-02") }

// findingTable lists findings: with a Paragraph column if paragraph.
func findingTable(root string, findings []*model.Finding, paragraph bool) template.HTML {
	return writeFindings(root, findings, paragraph, false)
}

// gapsTable lists a page of the gaps list, each row anchored by its
// finding's ID: gaps.html#F-… lands on it (on a later page, site.js
// follows gaps-pages.js there).
func gapsTable(root string, findings []*model.Finding) template.HTML {
	return writeFindings(root, findings, true, true)
}

// writeFindings lists findings, each with its ID: the anchor of its row
// when the rows are the gaps list's (anchored), else a link to it there.
func writeFindings(root string, findings []*model.Finding, paragraph, anchored bool) template.HTML {
	var b table
	b.Grow(330 * len(findings))
	b.WriteString(`<table class="sortable findings">` + "\n")
	b.head("Severity", "Kind", pick(paragraph, "Paragraph"), "Subject", "Finding", "Source", "ID")
	for _, f := range findings {
		sev, kind := string(f.Severity), string(f.Kind)
		b.WriteString(`<tr`)
		if anchored {
			b.WriteString(` id="`)
			b.text(f.ID)
			b.WriteString(`"`)
		}
		b.WriteString(` data-severity="`)
		b.text(sev)
		b.WriteString(`" data-kind="`)
		b.text(kind)
		b.WriteString(`"><td data-sort="`)
		b.text(sev)
		b.WriteString(`"><span class="sev sev-`)
		b.text(sev)
		b.WriteString(`">`)
		b.text(sev)
		b.WriteString("</span><td>")
		b.text(kind)
		if paragraph {
			b.WriteString("<td>")
			if f.ParagraphHref != "" {
				b.link(root, f.ParagraphHref, f.Paragraph)
			} else {
				b.WriteString(`<span class="muted">none</span>`)
			}
		}
		b.WriteString("<td>")
		b.link(root, f.SubjectHref, f.Subject)
		b.WriteString("<td>")
		b.text(f.Message)
		b.WriteString(`<td class="where">`)
		b.text(f.Pos.String())
		b.WriteString(`<td class="fid">`)
		if anchored || f.Href == "" {
			b.text(f.ID)
		} else {
			b.link(root, f.Href, f.ID)
		}
		b.WriteString("\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.html()
}

// registerTable lists a page of a register's rows, each with its status
// and its checks: a chip for each paragraph it meets (its deadline and
// margin, or its detail, as the chip's title), a line for each other
// outcome. The rows are what the page's filter filters.
func registerTable(root string, reg *model.Register, rows []model.Row) template.HTML {
	var b table
	b.Grow(400 * len(rows))
	b.WriteString(`<table class="sortable register" id="register-rows">` + "\n")
	b.head(append([]string{"Row status", "Checks"}, reg.Header...)...)
	for i := range rows {
		r := &rows[i]
		b.WriteString(`<tr id="`)
		b.text(r.Anchor())
		b.WriteString(`"`)
		if r.Status != "" {
			b.WriteString(` class="outcome-`)
			b.text(string(r.Status))
			b.WriteString(`"`)
		}
		b.WriteString(`><td>`)
		if r.Status != "" {
			b.status(string(r.Status))
		}
		b.WriteString(`<td class="checks-cell">`)
		for _, c := range r.Checks {
			if c.Outcome != rules.OK {
				continue
			}
			b.WriteString(`<a href="`)
			b.text(root + c.ParagraphHref)
			b.WriteString(`" title="`)
			if !c.Deadline.IsZero() {
				b.WriteString("by ")
				b.text(dateText(c))
				b.WriteString(", ")
				b.text(c.MarginText())
			} else {
				b.text(c.Detail)
			}
			b.WriteString(`">`)
			b.text(c.Paragraph)
			b.WriteString(" ✓</a> ")
		}
		for _, c := range r.Checks {
			if c.Outcome == rules.OK {
				continue
			}
			b.WriteString(`<div class="outcome-`)
			b.text(string(c.Outcome))
			b.WriteString(`">`)
			b.link(root, c.ParagraphHref, c.Paragraph)
			b.WriteString(" ")
			b.text(statusLabel(string(c.Outcome)))
			b.WriteString(": ")
			b.text(c.Detail)
			if !c.Deadline.IsZero() {
				b.WriteString(" (deadline ")
				b.text(dateText(c))
				b.WriteString(", ")
				b.text(c.MarginText())
				b.WriteString(")")
			}
			b.WriteString("</div>")
		}
		for cell := range r.CellSeq() {
			b.WriteString("<td>")
			b.text(cell)
		}
		b.WriteString("\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.html()
}

// number prints n with thousands separators: 200000 gives "200,000".
func number(n int) string {
	if n < 0 {
		return "-" + number(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
