package model

import (
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/internal/workbook"
	"github.com/agency/evidence-site/generator/rules"
)

func TestDueLeft(t *testing.T) {
	for _, tt := range []struct {
		days, wdays int
		unit        rules.Unit
		want        string
	}{
		{0, 0, rules.Days, "today"},
		{0, 0, rules.WorkingDays, "today"},
		{1, 0, rules.Days, "1 day"},
		{3, 1, rules.WorkingDays, "3 days (1 Working Day)"},
		{49, 32, rules.WorkingDays, "49 days (32 Working Days)"},
		{90, 0, rules.Days, "90 days"},
	} {
		d := Due{Obligation: rules.Obligation{Days: tt.days, WorkingDays: tt.wdays, Unit: tt.unit}}
		if got := d.Left(); got != tt.want {
			t.Errorf("%d days, %d %s: Left() = %q, want %q", tt.days, tt.wdays, tt.unit, got, tt.want)
		}
	}
}

// The obligations coming due link to their paragraph, their subject's
// register row, their source's page, and their own row of the Coming due
// page.
func TestComingLinks(t *testing.T) {
	s := build(t, map[string]workbook.Sheet{
		"staff.xlsx": {Name: "Staff", TSV: staffTSV +
			"S2\tBo\tDev\t2025-04-01\t2026-11-27\tNo\tNo\t2025-03-01\t2025-03-01\t2025-03-01\tNone\t\t\n"},
		"training.xlsx": {Name: "Training", TSV: "Staff ID\tCourse\tCompleted\nS1\tSIM\t2026-01-10\n"},
	})
	c := s.Coming
	if c.HorizonDays != 90 || c.Until != "2027-02-25" {
		t.Errorf("horizon %d days, until %s; want 90, 2027-02-25", c.HorizonDays, c.Until)
	}
	type row struct{ date, left, para, what, subject, subjectHref, source, href string }
	var got []row
	for i := range c.Items {
		d := &c.Items[i]
		got = append(got, row{d.Date(), d.Left(), d.ParagraphHref, d.What, d.Subject, d.SubjectHref(), d.SourcePage.Href, d.Href})
	}
	want := []row{
		{"2026-11-30", "3 days (1 Working Day)", "paragraphs/B-Annex1-6-5.html", "revoke the leaver's access rights", "S2", "registers/staff.html#row-S2", "registers/staff.html", "due.html#due-1"},
		{"2027-01-10", "44 days", "paragraphs/B-Annex1-6-4.html", "training on secure information management", "S1", "registers/staff.html#row-S1", "registers/staff.html", "due.html#due-2"},
	}
	if len(got) != len(want) {
		t.Fatalf("coming due %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d: %+v, want %+v", i, got[i], want[i])
		}
	}
	if next := c.Next(5); len(next) != 2 || c.Items[1].Due.Format(time.DateOnly) != "2027-01-10" {
		t.Errorf("Next(5) = %d items", len(next))
	}
	if DueRowHref(PageRows) != "due--page-2.html#due-1001" {
		t.Errorf("DueRowHref(%d) = %q", PageRows, DueRowHref(PageRows))
	}
}
