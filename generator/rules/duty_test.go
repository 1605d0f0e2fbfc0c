package rules

import (
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
)

// judgeDuty says the right thing for each judgement: the detail, and a
// finding only for a gap, with the severity of a miss or of late work.
func TestJudgeDuty(t *testing.T) {
	cal := calendar(t)
	due := after(cal, workingDays(10), date(t, "2026-10-16")) // Fri 30 Oct 2026
	pos := diag.CellPos("evidence/x.xlsx", "X", 2, 2)
	dated := func(s string) evidence.Date { return evidence.Date{Value: date(t, s), Set: true, Pos: pos} }
	for _, tt := range []struct {
		name    string
		asOf    string
		done    evidence.Date
		outcome Outcome
		detail  string
		finding string // "severity: message", "" for none
		margin  int
	}{
		{"not done, not yet due", "2026-10-29", evidence.Date{Pos: pos}, Due, "pending", "", 1},
		{"not done, past the deadline", "2026-11-02", evidence.Date{Pos: pos}, Gap, "missing", "high: missed", -1},
		{"done on time", "2026-11-02", dated("2026-10-30"), OK, "met", "", 0},
		{"done late, on the Saturday after", "2026-11-02", dated("2026-10-31"), Gap, "met", "low: late by 1 Working Day", -1},
		{"unreadable, not yet due", "2026-10-29", evidence.Date{Invalid: true, Pos: pos}, Due, "pending; the date recorded cannot be read, so it counts as not done", "", 1},
		{"unreadable, past the deadline: still a breach", "2026-11-02", evidence.Date{Invalid: true, Pos: pos}, Gap, "missing; the date recorded cannot be read, so it counts as not done",
			"high: missed The date recorded cannot be read (an invalid finding at the cell), so it counts as not done.", -1},
		{"dated after the as-of date, not yet due", "2026-10-29", dated("2026-11-03"), Due, "pending; dated 2026-11-03, after the as-of date", "", 1},
		{"dated after the as-of date, past the deadline", "2026-11-02", dated("2026-11-03"), Gap, "missing; dated 2026-11-03, after the as-of date",
			"high: missed The date recorded, Tue 3 Nov 2026, is after the as-of date (Mon 2 Nov 2026): as of then it had not happened.", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := &eval{in: Input{AsOf: date(t, tt.asOf), Calendar: cal}}
			j := e.judgeDuty(duty{
				check:    Check{Paragraph: "B.6.2", Source: "security-tests", Subject: "PT-1", Pos: pos},
				deadline: due, done: tt.done, severity: High, lateSeverity: Low,
				pending: "pending", missing: "missing", met: "met", missed: "missed",
				late: func(over string) string { return "late by " + over },
			})
			if len(e.checks) != 1 {
				t.Fatalf("%d checks", len(e.checks))
			}
			c := e.checks[0]
			if c.Outcome != tt.outcome || j.Outcome != tt.outcome || c.Detail != tt.detail || c.Margin != tt.margin || !c.Deadline.Equal(due.Due) || c.Unit != WorkingDays || c.Pos != pos {
				t.Errorf("check %+v, want %s %q margin %d", c, tt.outcome, tt.detail, tt.margin)
			}
			var got []string
			for _, f := range e.findings {
				if f.Kind != Violation || f.Paragraph != "B.6.2" || f.Subject != "PT-1" || f.Pos != pos {
					t.Errorf("finding %+v", f)
				}
				got = append(got, string(f.Severity)+": "+f.Message)
			}
			if strings.Join(got, "\n") != tt.finding {
				t.Errorf("findings %q, want %q", got, tt.finding)
			}
		})
	}
}
