package model

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
)

func TestPageHrefAndPage(t *testing.T) {
	for _, tt := range []struct {
		href string
		n    int
		want string
	}{
		{"registers/staff.html", 1, "registers/staff.html"},
		{"registers/staff.html", 2, "registers/staff--page-2.html"},
		{"gaps.html", 12, "gaps--page-12.html"},
	} {
		if got := PageHref(tt.href, tt.n); got != tt.want {
			t.Errorf("PageHref(%q, %d) = %q, want %q", tt.href, tt.n, got, tt.want)
		}
	}
	rows := make([]int, 2*PageRows+1)
	for i := range rows {
		rows[i] = i
	}
	for _, tt := range []struct{ n, first, len int }{{1, 0, PageRows}, {2, PageRows, PageRows}, {3, 2 * PageRows, 1}, {4, 0, 0}} {
		p := Page(rows, tt.n)
		if len(p) != tt.len || (len(p) > 0 && p[0] != tt.first) {
			t.Errorf("page %d: %d rows from %v, want %d from %d", tt.n, len(p), p[:min(1, len(p))], tt.len, tt.first)
		}
	}
	for i, want := range map[int]int{0: 1, PageRows - 1: 1, PageRows: 2, 2 * PageRows: 3} {
		if got := PageOf(i); got != want {
			t.Errorf("PageOf(%d) = %d, want %d", i, got, want)
		}
	}
	for n, want := range map[int]int{0: 1, 1: 1, PageRows: 1, PageRows + 1: 2} {
		if got := PageCount(n); got != want {
			t.Errorf("PageCount(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestPager(t *testing.T) {
	if p := NewPager("gaps.html", 1, PageRows); p != nil {
		t.Errorf("one page of rows has a pager: %+v", p)
	}
	labels := func(p *Pager) string {
		var b strings.Builder
		for _, l := range p.Links {
			if l.Current {
				fmt.Fprintf(&b, "[%s]", l.Label)
			} else {
				b.WriteString(l.Label)
			}
			b.WriteString(" ")
		}
		return strings.TrimSpace(b.String())
	}
	for _, tt := range []struct {
		n, total         int
		want, prev, next string
	}{
		{1, 3 * PageRows, "[1] 2 3", "", "gaps--page-2.html"},
		{3, 3*PageRows - 5, "1 2 [3]", "gaps--page-2.html", ""},
		{10, 20 * PageRows, "1 … 7 8 9 [10] 11 12 13 … 20", "gaps--page-9.html", "gaps--page-11.html"},
		{2, 20 * PageRows, "1 [2] 3 4 5 … 20", "gaps.html", "gaps--page-3.html"},
	} {
		p := NewPager("gaps.html", tt.n, tt.total)
		if got := labels(p); got != tt.want {
			t.Errorf("page %d of %d rows: links %q, want %q", tt.n, tt.total, got, tt.want)
		}
		if p.Prev() != tt.prev || p.Next() != tt.next {
			t.Errorf("page %d: prev %q next %q, want %q and %q", tt.n, p.Prev(), p.Next(), tt.prev, tt.next)
		}
		if p.From != (tt.n-1)*PageRows+1 || p.To != min(tt.total, tt.n*PageRows) {
			t.Errorf("page %d of %d rows shows %d–%d", tt.n, tt.total, p.From, p.To)
		}
	}
}

// No page of a paragraph's tables takes another paragraph's file name
// (B.9.3's second page and B.9.3.2, say).
func TestPageHrefsDoNotCollide(t *testing.T) {
	sch, err := schedule.Load(os.DirFS("../../content"), evidence.SourceNames())
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]string{}
	for _, p := range sch.Paragraphs {
		pages[ParagraphHref(p.ID)] = p.ID
	}
	for _, p := range sch.Paragraphs {
		for n := 2; n <= 30; n++ {
			if other, ok := pages[PageHref(ParagraphHref(p.ID), n)]; ok {
				t.Errorf("page %d of %s is %s's page", n, p.ID, other)
			}
		}
	}
}

// The dashboard's link for a severity or kind goes to the page of the gaps
// list that shows its first finding.
func TestFindingCountsLinkToTheirFirstPage(t *testing.T) {
	var fs []Finding
	for range PageRows + 200 {
		fs = append(fs, Finding{Severity: rules.Critical, Kind: rules.Violation})
	}
	for range 10 {
		fs = append(fs, Finding{Severity: rules.Low, Kind: rules.Stale})
	}
	sev, kinds := findingCounts(fs)
	want := map[string]string{"critical": "gaps.html", "low": "gaps--page-2.html", "high": "gaps.html", "violation": "gaps.html", "stale": "gaps--page-2.html"}
	for _, c := range append(sev, kinds...) {
		if w, ok := want[c.Label]; ok && c.Href != w {
			t.Errorf("%s (%d) links to %s, want %s", c.Label, c.N, c.Href, w)
		}
	}
}
