package model

import (
	"cmp"
	"strconv"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/workdays"
)

// DueHref is the Coming due page's first page.
const DueHref = "due.html"

// CalendarFile is the deadlines' iCalendar file, from the site root.
const CalendarFile = "deadlines.ics"

// DueAnchor is the anchor of the site's obligation i (counted from 0) on
// its page of the Coming due list.
func DueAnchor(i int) string { return "due-" + strconv.Itoa(i+1) }

// DueRowHref is the site's obligation i on its page of the Coming due
// list.
func DueRowHref(i int) string { return PageHref(DueHref, PageOf(i)) + "#" + DueAnchor(i) }

// Coming is what falls due after the as-of date: the Coming due page,
// the dashboard's next five and deadlines.ics.
type Coming struct {
	// HorizonDays is how far ahead it looks ([review] horizon_days), and
	// Until the last day it lists.
	HorizonDays int
	Until       string
	Items       []Due // by date, then document order
}

// Next is the first n obligations.
func (c Coming) Next(n int) []Due { return c.Items[:min(n, len(c.Items))] }

// Due is one obligation coming due, with the links the site gives it.
type Due struct {
	rules.Obligation
	ParagraphHref string
	// Href is its row of the Coming due list, from the site root.
	Href string
	// Anchor is its row's id on its page.
	Anchor string
	// Row is the register row of its subject, if shown; ItemHref, for an
	// evidence item, the item on the documents page.
	Row      *Row
	ItemHref string
	// SourcePage names the evidence it was read from: a register's page or
	// the documents page's section.
	SourcePage Link
}

// Date is its last day, yyyy-mm-dd.
func (d *Due) Date() string { return d.Due.Format(time.DateOnly) }

// SubjectHref links to the subject's register row or evidence item, ""
// for none.
func (d *Due) SubjectHref() string {
	if d.Row != nil {
		return d.Row.Href()
	}
	return d.ItemHref
}

// Left says how long is left after the as-of date: "today", "1 day",
// "49 days (32 Working Days)" where its period is counted in Working Days.
func (d *Due) Left() string {
	var s string
	switch d.Days {
	case 0:
		s = "today"
	case 1:
		s = "1 day"
	default:
		s = strconv.Itoa(d.Days) + " days"
	}
	if d.Unit == rules.WorkingDays && d.Days > 0 {
		wd := "Working Days"
		if d.WorkingDays == 1 {
			wd = "Working Day"
		}
		s += " (" + strconv.Itoa(d.WorkingDays) + " " + wd + ")"
	}
	return s
}

// Summary is its one line: paragraph, what, and subject, as a calendar
// event's title.
func (d *Due) Summary() string {
	s := d.Paragraph + " " + d.What
	if d.Subject != "" {
		s += ": " + d.Subject
	}
	return s
}

// buildComing lists the obligations coming due with their links: the
// subject's row found as a check's is (rowIndex), the source's page.
func buildComing(in Input, rows *rowIndex) Coming {
	c := Coming{HorizonDays: cmp.Or(in.Config.Review.HorizonDays, config.DefaultHorizonDays), Items: make([]Due, len(in.Result.Obligations))}
	c.Until = workdays.AddDays(workdays.Day(in.AsOf), c.HorizonDays).Format(time.DateOnly)
	sources := map[string]Link{}
	for i, o := range in.Result.Obligations {
		d := &c.Items[i]
		*d = Due{Obligation: o, ParagraphHref: ParagraphHref(o.Paragraph), Href: DueRowHref(i), Anchor: DueAnchor(i)}
		ch := rules.Check{Source: o.Source, Subject: o.Subject, Pos: o.Pos}
		byKey, byCell := rows.checked(&ch)
		switch {
		case byKey != nil:
			d.Row = byKey
		case byCell != nil:
			d.Row = byCell
		case o.Source == evidence.DocumentSource:
			d.ItemHref = ItemHref(o.Subject)
		}
		src, ok := sources[o.Source]
		if !ok {
			src = sourceLink(in, o.Source)
			sources[o.Source] = src
		}
		d.SourcePage = src
	}
	return c
}

// sourceLink names an evidence source and links to its page: a register,
// the documents page's evidence items, or its section there.
func sourceLink(in Input, name string) Link {
	if r := in.Evidence.Register(name); r != nil {
		return Link{Label: r.Schema.Title, Href: RegisterHref(name), Title: r.Path}
	}
	if name == evidence.DocumentSource {
		return Link{Label: "Evidence items", Href: DocumentsHref + "#items"}
	}
	return Link{Label: evidence.LookupSource(name).Short, Href: SourceHref(name)}
}
