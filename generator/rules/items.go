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
func (e *eval) items(items []evidence.Item) {
	for _, it := range items {
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
		if e.govInForm(ref.ID) {
			inForm = append(inForm, ref.ID)
		}
	}
	if len(inForm) == 0 || !it.Date.Set {
		return // no paragraph of this form, or no date (reported)
	}

	c := Check{Source: "document", Subject: it.ID, Pos: it.Date.Pos, Outcome: OK}
	var due time.Time
	var basis string
	switch {
	case it.Expires.Set:
		due, basis = it.Expires.Time, "expires"
		c.Pos = it.Expires.Pos
	case it.ReviewMonths > 0:
		due = workdays.AddMonths(it.Date.Time, it.ReviewMonths)
		basis = fmt.Sprintf("review every %d Month%s", it.ReviewMonths, plural(it.ReviewMonths))
	}
	var f *Finding
	switch {
	case it.Date.Time.After(asOf):
		c.Outcome, c.Detail = Gap, fmt.Sprintf("dated %s, after the as-of date", it.Date)
		f = &Finding{Kind: Invalid, Severity: Medium, Subject: it.ID, Pos: it.Date.Pos,
			Message: fmt.Sprintf("%q is dated %s, after the as-of date (%s): it is not evidence at that date.", it.Title, day(it.Date.Time), day(asOf))}
	case due.IsZero():
		c.Detail = fmt.Sprintf("dated %s, no expiry", it.Date)
	default:
		c.Deadline, c.Margin, c.Unit = due, workdays.DaysBetween(asOf, due), "days"
		if !asOf.After(due) {
			c.Detail = fmt.Sprintf("dated %s, current until %s (%s)", it.Date, due.Format(time.DateOnly), basis)
			break
		}
		c.Outcome = Gap
		c.Detail = fmt.Sprintf("dated %s, stale since %s (%s)", it.Date, workdays.AddDays(due, 1).Format(time.DateOnly), basis)
		msg := fmt.Sprintf("%q expired on %s", it.Title, day(due))
		if !it.Expires.Set {
			msg = fmt.Sprintf("%q is dated %s and was due for review every %d Month%s, by %s", it.Title, day(it.Date.Time), it.ReviewMonths, plural(it.ReviewMonths), day(due))
		}
		f = &Finding{Kind: Stale, Severity: Medium, Subject: it.ID, Pos: c.Pos,
			Message: fmt.Sprintf("%s: at %s it is %d day%s out of date.", msg, day(asOf), -c.Margin, plural(-c.Margin))}
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
