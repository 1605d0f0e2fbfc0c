package site

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"io"
	"strconv"
	"time"

	"github.com/agency/evidence-site/generator/ical"
	"github.com/agency/evidence-site/generator/model"
)

// dueTable lists obligations coming due, each row with its anchor
// (Due.Anchor), as the Coming due page and the dashboard show them.
func dueTable(root string, items []model.Due) template.HTML {
	var b table
	b.Grow(400 * len(items))
	b.WriteString(`<table class="sortable due">` + "\n")
	b.head("Due by", "Left", "Paragraph", "What", "Subject", "Where", "Source")
	for i := range items {
		d := &items[i]
		b.WriteString(`<tr id="`)
		b.text(d.Anchor)
		b.WriteString(`" data-id="`)
		b.text(d.Subject)
		b.WriteString(`"><td>`)
		b.text(d.Date())
		b.WriteString(`<td data-sort="`)
		b.WriteString(strconv.Itoa(d.Days))
		b.WriteString(`">`)
		b.text(d.Left())
		b.WriteString("<td>")
		b.link(root, d.ParagraphHref, d.Paragraph)
		b.WriteString("<td>")
		b.text(d.What)
		b.WriteString("<td>")
		b.link(root, d.SubjectHref(), d.Subject)
		b.WriteString(`<td class="where">`)
		b.text(d.Pos.String())
		b.WriteString("<td>")
		b.link(root, d.SourcePage.Href, d.SourcePage.Label)
		b.WriteString("\n")
	}
	b.WriteString("</tbody>\n</table>")
	return b.html()
}

// calendarProdID names this program in deadlines.ics.
const calendarProdID = "-//Evidence site generator//Coming due//EN"

// uidDomain ends every event's UID, as RFC 5545 suggests a domain does; a
// reserved name, as the file is made on no host of its own.
const uidDomain = "@deadlines.evidence-site.invalid"

// writeCalendar writes the obligations coming due as an iCalendar file:
// one all-day event on each obligation's last day. Its DTSTAMP is the
// as-of date at midnight UTC, so that two builds of the same evidence at
// the same as-of date give the same bytes.
func writeCalendar(w io.Writer, s *model.Site) error {
	asOf, err := time.Parse(time.DateOnly, s.Review.AsOf)
	if err != nil {
		return err
	}
	c := ical.Calendar{
		ProdID: calendarProdID,
		Name:   s.Title + ": coming due",
		Stamp:  asOf,
		Events: make([]ical.Event, len(s.Coming.Items)),
	}
	seen := map[string]int{}
	for i := range s.Coming.Items {
		d := &s.Coming.Items[i]
		when := "Due by " + d.Date() + ", the as-of date.\n"
		if d.Days > 0 {
			when = "Due by " + d.Date() + ": " + d.Left() + " after the as-of date, " + s.Review.AsOf + ".\n"
		}
		c.Events[i] = ical.Event{
			UID:     eventUID(s.Contract, d, seen),
			Day:     d.Due,
			Summary: d.Summary(),
			Description: when +
				"Where: " + d.Pos.String() + "\n" +
				"Source: " + d.SourcePage.Label + "\n" +
				s.Contract.Name + ", " + s.Contract.FormTitle + ".",
		}
	}
	return ical.Write(w, c)
}

// eventUID identifies an obligation's event from one build to the next:
// a hash of the contract (so that two contracts' calendars imported side
// by side do not merge) and the obligation's key (paragraph, source,
// subject, what), never its dates, rows or words that change with the
// evidence. An obligation whose key comes again in the same file (two
// notices of non-approval of one plan, both pending) is told apart by
// how many came before it. seen counts the keys so far.
func eventUID(c model.Contract, d *model.Due, seen map[string]int) string {
	key := d.Key()
	n := seen[key]
	seen[key] = n + 1
	h := sha256.New()
	for _, part := range []string{c.Name, c.Agency, c.Client, key} {
		io.WriteString(h, part)
		h.Write([]byte{0})
	}
	if n > 0 {
		io.WriteString(h, strconv.Itoa(n))
	}
	return hex.EncodeToString(h.Sum(nil)[:16]) + uidDomain
}
