package model

import (
	"strconv"
	"strings"
)

// PageRows is the most rows one page of a table shows. A longer table
// continues on numbered pages (registers/vulnerabilities-2.html, ...), so
// that no page grows with the evidence: a register of 200,000 rows is 200
// pages a browser opens at once, not one it cannot.
const PageRows = 1000

// PageCount is the number of pages that n rows take: at least one.
func PageCount(n int) int { return max(1, (n+PageRows-1)/PageRows) }

// PageOf is the page, counted from 1, that row i (counted from 0) is on.
func PageOf(i int) int { return i/PageRows + 1 }

// PageHref is the path of page n of the table whose first page is href:
// href itself for page 1, then href with "-n" before ".html".
func PageHref(href string, n int) string {
	if n <= 1 {
		return href
	}
	return strings.TrimSuffix(href, ".html") + "--page-" + strconv.Itoa(n) + ".html"
}

// Page returns the part of rows shown on page n.
func Page[T any](rows []T, n int) []T {
	from := min(len(rows), (n-1)*PageRows)
	return rows[from:min(len(rows), from+PageRows)]
}

// Pager is the navigation of one page of a table split over several.
type Pager struct {
	N, Of    int // this page, of how many
	From, To int // the rows shown, counted from 1
	Total    int
	Links    []PageLink
}

// PageLink is one entry of a pager: a page, or a gap ("…") with no Href.
type PageLink struct {
	Label, Href string
	Current     bool
}

// NewPager describes page n of total rows split over pages from href. It is
// nil when the rows fit on one page.
func NewPager(href string, n, total int) *Pager {
	of := PageCount(total)
	if of == 1 {
		return nil
	}
	p := &Pager{N: n, Of: of, From: (n-1)*PageRows + 1, To: min(total, n*PageRows), Total: total}
	// The first and last pages, and three either side of this one.
	last := 0
	for i := 1; i <= of; i++ {
		if i != 1 && i != of && (i < n-3 || i > n+3) {
			continue
		}
		if i > last+1 {
			p.Links = append(p.Links, PageLink{Label: "…"})
		}
		p.Links = append(p.Links, PageLink{Label: strconv.Itoa(i), Href: PageHref(href, i), Current: i == n})
		last = i
	}
	return p
}

// Prev and Next are the neighbouring pages' paths, "" at either end.
func (p *Pager) Prev() string { return p.link(p.N - 1) }
func (p *Pager) Next() string { return p.link(p.N + 1) }

func (p *Pager) link(n int) string {
	for _, l := range p.Links {
		if l.Label == strconv.Itoa(n) {
			return l.Href
		}
	}
	return ""
}
