package rules

import (
	"fmt"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// items checks the general evidence items ([[evidence]]): each paragraph
// id names a paragraph of the schedule; each item is current at the as-of
// date (up to and including its expires date, or its date plus
// review_months Months), and is dated on or before the as-of date.
func (e *eval) items() {
	for _, it := range e.in.Evidence.Documents.Items {
		e.item(it)
	}
}

func (e *eval) item(it evidence.Item) {
	asOf := e.in.AsOf
	var inForm []string
	for _, ref := range it.Paragraphs {
		if !e.known(ref.ID) {
			e.finding(Finding{Kind: Invalid, Severity: Medium, Subject: it.ID, Pos: ref.Pos,
				Message: fmt.Sprintf("paragraphs: no paragraph %q in the schedule (ids are written like B.2.6, A.4.2.1(c) or B.Annex1.5.1).", ref.ID)})
			continue
		}
		if e.has(ref.ID) {
			inForm = append(inForm, ref.ID)
		}
	}
	if !it.Date.Set {
		return // no date (reported)
	}
	if len(inForm) == 0 {
		// No paragraph of this form: nothing to judge, but an item dated
		// after the as-of date is still wrong, and said with no paragraph.
		if it.Date.Value.After(asOf) {
			e.finding(Finding{Kind: Invalid, Severity: Medium, Subject: it.ID, Pos: it.Date.Pos, Message: itemLater(it, asOf)})
		}
		return
	}

	c := Check{Source: evidence.DocumentSource, Subject: it.ID, Pos: it.Date.Pos, Outcome: OK, Named: true}
	var current Deadline
	var basis string
	switch {
	case it.Expires.Set:
		current, basis = by(it.Expires.Value), "expires"
		c.Pos = it.Expires.Pos
	case it.ReviewMonths > 0:
		current = e.after(months(it.ReviewMonths), it.Date.Value)
		basis = "review every " + months(it.ReviewMonths).String()
	}
	var f *Finding
	switch {
	case it.Date.Value.After(asOf):
		c.Outcome, c.Detail = Gap, fmt.Sprintf("dated %s, after the as-of date", it.Date)
		f = &Finding{Kind: Invalid, Severity: Medium, Subject: it.ID, Pos: it.Date.Pos, Message: itemLater(it, asOf)}
	case current.Due.IsZero():
		c.Detail = fmt.Sprintf("dated %s, no expiry", it.Date)
	default:
		j := current.Current(asOf)
		c = j.stamp(c)
		if j.Outcome == OK {
			c.Detail = fmt.Sprintf("dated %s, current until %s (%s)", it.Date, j.Due.Format(time.DateOnly), basis)
			what := "renew the evidence item before it expires"
			if !it.Expires.Set {
				what = "review the evidence item"
			}
			for _, p := range inForm {
				c.Paragraph = p
				e.owe(c, what, current)
			}
			break
		}
		c.Detail = fmt.Sprintf("dated %s, stale since %s (%s)", it.Date, workdays.AddDays(j.Due, 1).Format(time.DateOnly), basis)
		msg := fmt.Sprintf("%q expired on %s", it.Title, day(j.Due))
		if !it.Expires.Set {
			msg = fmt.Sprintf("%q is dated %s and was due for review every %s, by %s", it.Title, day(it.Date.Value), months(it.ReviewMonths), day(j.Due))
		}
		f = &Finding{Kind: Stale, Severity: Medium, Subject: it.ID, Pos: c.Pos,
			Message: fmt.Sprintf("%s: at %s it is %s out of date.", msg, day(asOf), j.Over())}
	}
	for _, p := range inForm {
		c.Paragraph = p
		e.check(c)
		if f != nil {
			g := *f
			g.Paragraph = p
			e.finding(g)
		}
	}
}

func itemLater(it evidence.Item, asOf time.Time) string {
	return fmt.Sprintf("%q is dated %s, after the as-of date (%s): it is not evidence at that date.", it.Title, day(it.Date.Value), day(asOf))
}

func itemsDocs() []Doc {
	return []Doc{
		{nil, "", "[[evidence]] items: each item is evidence for every paragraph it names. A paragraph id that is not in the schedule is an invalid finding at its line. An item is current up to and including its expires date, or its date plus review_months Months; from the day after it is stale against each paragraph it names. An item dated after the as-of date is invalid; when it names no paragraph of this form, the finding is filed with no paragraph. A reading problem in an item, or in a section, whose paragraphs are all outside this contract's form or not applicable is an invalid finding with no paragraph, at its line."},
	}
}
