package rules

import (
	"cmp"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// reportCase is one row of the monthly reports table: the register's rows
// (nil for no file), the settings, and what one month must show.
type reportCase struct {
	name  string
	asOf  string
	from  string // reports_from; default 2026-04-01
	rows  []string
	month string // the subject looked at, yyyy-mm
	want  want
	// The check's deadline, margin and unit, and part of the first
	// finding's message, added to want.
	due     string
	margin  int
	unit    Unit
	message string
	// others: further months that must have no check at all.
	others []string
}

func runReports(t *testing.T, tests []reportCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := vulnSetup{asOf: tt.asOf, reports: tt.rows, reportsFrom: cmp.Or(tt.from, "2026-04-01")}.eval(t)
			w := tt.want
			w.deadline, w.margin, w.unit, w.message = tt.due, tt.margin, tt.unit, tt.message
			w.verify(t, r, evidence.ParaMonthlyReport, tt.month)
			for _, m := range tt.others {
				want{}.verify(t, r, evidence.ParaMonthlyReport, m)
			}
		})
	}
}

func TestMonthlyReports(t *testing.T) {
	const wd, d = "working days", "days"
	// April 2026 ends Thursday 30 April. The 5 Working Days after are Fri
	// 1, Tue 5 (Monday 4 May is the Early May bank holiday), Wed 6, Thu 7
	// and Fri 8 May: due Friday 8 May.
	april := func(issued string) []string { return []string{"2026-04\t" + issued} }
	const asOf = "2026-05-20" // the last full month is April
	// A month with no report row: its check and finding point at the file.
	dueNoRow := want{outcome: Due, noRow: true}
	missing := want{outcome: Gap, findings: []string{"violation high "}, noRow: true}
	runReports(t, []reportCase{
		{name: "april: issued on the 5th Working Day", asOf: asOf, rows: april("2026-05-08"), month: "2026-04",
			want: want{outcome: OK}, due: "2026-05-08", margin: 0, unit: wd},
		{name: "april: issued the next Working Day", asOf: asOf, rows: april("2026-05-11"), month: "2026-04",
			want: gap("violation high B2"), due: "2026-05-08", margin: -1, unit: wd,
			message: "The report for April 2026 was issued on Mon 11 May 2026, 1 Working Day late: the month ended on Thu 30 Apr 2026, so it was due within 5 Working Days, by Fri 8 May 2026."},
		{name: "april: issued the Saturday after", asOf: asOf, rows: april("2026-05-09"), month: "2026-04",
			want: gap("violation high B2"), due: "2026-05-08", margin: -1, unit: wd, message: "1 Working Day late"},
		{name: "april: issued on the bank holiday", asOf: asOf, rows: april("2026-05-04"), month: "2026-04",
			want: want{outcome: OK}, due: "2026-05-08", margin: 4, unit: wd},
		{name: "april: issued the day after the month", asOf: asOf, rows: april("2026-05-01"), month: "2026-04",
			want: want{outcome: OK}, due: "2026-05-08", margin: 4, unit: wd},
		{name: "april: issued on the month's last day", asOf: asOf, rows: april("2026-04-30"), month: "2026-04",
			want: gap("violation high B2"), message: "before the month ended on Thu 30 Apr 2026"},
		{name: "april: issued mid-month", asOf: asOf, rows: april("2026-04-15"), month: "2026-04",
			want: gap("violation high B2")},
		{name: "april: no report, the as-of date is the deadline", asOf: "2026-05-08", rows: []string{}, month: "2026-04",
			want: dueNoRow, due: "2026-05-08", margin: 0, unit: wd},
		{name: "april: no report, a Working Day before the deadline", asOf: "2026-05-07", rows: []string{}, month: "2026-04",
			want: dueNoRow, due: "2026-05-08", margin: 1, unit: wd},
		{name: "april: no report the Working Day after", asOf: "2026-05-11", rows: []string{}, month: "2026-04",
			want: missing, due: "2026-05-08", margin: -1, unit: wd,
			message: "No report for April 2026: the month ended on Thu 30 Apr 2026, so its vulnerability report was due within 5 Working Days, by Fri 8 May 2026."},
		{name: "april: no report, the Saturday after", asOf: "2026-05-09", rows: []string{}, month: "2026-04",
			want: missing, due: "2026-05-08", margin: -1, unit: wd},
		{name: "april: a row with no Issued date", asOf: "2026-05-11", rows: april(""), month: "2026-04",
			want: gap("violation high B2"), message: "The report for April 2026 has no Issued date on or before Mon 11 May 2026"},
		{name: "april: issued after the as-of date, past the deadline", asOf: "2026-05-11", rows: april("2026-05-12"), month: "2026-04",
			want: gap("violation high B2"), due: "2026-05-08", margin: -1, unit: wd},
		{name: "april: issued after the as-of date, before the deadline", asOf: "2026-05-07", rows: april("2026-05-08"), month: "2026-04",
			want: want{outcome: Due}, due: "2026-05-08", margin: 1, unit: wd},
		{name: "april: unreadable Issued: not issued", asOf: asOf, rows: april("soon"), month: "2026-04",
			want: gap("violation high B2", "invalid medium B2"), due: "2026-05-08", margin: -8, unit: wd,
			message: "The date recorded cannot be read (an invalid finding at the cell), so it counts as not done."},
		{name: "april: unreadable Issued, not yet due", asOf: "2026-05-08", rows: april("soon"), month: "2026-04",
			want: want{outcome: Due, findings: []string{"invalid medium B2"}}, due: "2026-05-08", margin: 0, unit: wd},
		{name: "april as a date cell", asOf: asOf, rows: []string{"2026-04-30\t2026-05-08"}, month: "2026-04", want: want{outcome: OK}},
		{name: "april as UK date text", asOf: asOf, rows: []string{"'01/04/2026\t2026-05-08"}, month: "2026-04", want: want{outcome: OK}},
		{name: "april twice: the second is invalid, the first judged", asOf: asOf, rows: []string{"2026-04\t2026-05-08", "2026-04-17\t2026-05-11"}, month: "2026-04",
			want: want{outcome: OK, findings: []string{"invalid medium A3"}}},

		// May 2026 ends on Sunday 31 May: due Friday 5 June.
		{name: "may: issued on the 5th Working Day", asOf: "2026-06-10", from: "2026-05-15", rows: []string{"2026-05\t2026-06-05"}, month: "2026-05",
			want: want{outcome: OK}, due: "2026-06-05", margin: 0, unit: wd},
		{name: "may: issued the next Monday", asOf: "2026-06-10", from: "2026-05-15", rows: []string{"2026-05\t2026-06-08"}, month: "2026-05",
			want: gap("violation high B2"), due: "2026-06-05", margin: -1, unit: wd},
		{name: "may: a report for a month before reports_from is not judged", asOf: "2026-06-10", from: "2026-05-15",
			rows: []string{"2026-04\t2026-05-20", "2026-05\t2026-06-05"}, month: "2026-05", want: want{outcome: OK}, others: []string{"2026-04"}},
		// The last full month.
		{name: "as of the first of June, May is due", asOf: "2026-06-01", rows: []string{"2026-04\t2026-05-08"}, month: "2026-05",
			want: dueNoRow, due: "2026-06-05", margin: 4, unit: wd},
		{name: "as of the last day of May, May is not yet judged", asOf: "2026-05-31", rows: []string{"2026-04\t2026-05-08"}, month: "2026-04",
			want: want{outcome: OK}, others: []string{"2026-05"}},
		{name: "a report for the current month issued before it ended", asOf: asOf, rows: []string{"2026-04\t2026-05-08", "2026-05\t2026-05-15"}, month: "2026-05",
			want: gap("violation high B3")},
		{name: "a report for the current month issued after the as-of date: listed, not judged", asOf: asOf, rows: []string{"2026-04\t2026-05-08", "2026-05\t2026-06-05"}, month: "2026-05",
			want: want{outcome: Later, detail: "month ends 2026-05-31, after the as-of date (2026-05-20): not judged"}},
		{name: "a report for the month ending on the as-of date: listed, not judged", asOf: "2026-05-31", rows: []string{"2026-04\t2026-05-08", "2026-05\t"}, month: "2026-05",
			want: want{outcome: Later, detail: "month ends 2026-05-31, on the as-of date: not judged"}},

		// December 2025 ends Wednesday 31 December; New Year's Day is a
		// bank holiday: Fri 2, Mon 5, Tue 6, Wed 7, Thu 8 January.
		{name: "december: issued Thursday 8 January", asOf: "2026-01-20", from: "2025-12-01", rows: []string{"2025-12\t2026-01-08"}, month: "2025-12",
			want: want{outcome: OK}, due: "2026-01-08", margin: 0, unit: wd},
		{name: "december: issued Friday 9 January", asOf: "2026-01-20", from: "2025-12-01", rows: []string{"2025-12\t2026-01-09"}, month: "2025-12",
			want: gap("violation high B2"), due: "2026-01-08", margin: -1, unit: wd},
		// March 2026 ends Tuesday 31 March; Good Friday and Easter Monday:
		// Wed 1, Thu 2, Tue 7, Wed 8, Thu 9 April.
		{name: "march: issued Thursday 9 April, after Easter", asOf: asOf, from: "2026-03-01", rows: []string{"2026-03\t2026-04-09", "2026-04\t2026-05-08"}, month: "2026-03",
			want: want{outcome: OK}, due: "2026-04-09", margin: 0, unit: wd},
		{name: "march: issued Friday 10 April", asOf: asOf, from: "2026-03-01", rows: []string{"2026-03\t2026-04-10", "2026-04\t2026-05-08"}, month: "2026-03",
			want: gap("violation high B2"), due: "2026-04-09", margin: -1, unit: wd},
		// reports_from mid-month: its month is the first.
		{name: "reports_from mid-month: its month is due", asOf: asOf, from: "2026-04-29", rows: []string{}, month: "2026-04",
			want: missing},
		{name: "reports_from after the last full month: nothing due", asOf: asOf, from: "2026-05-01", rows: []string{}, month: "2026-04",
			want: want{}},
		{name: "reports_from unset: the contract start date", asOf: "2025-05-20", from: "none", rows: []string{}, month: "2025-04",
			want: missing, due: "2025-05-08", margin: -8, unit: wd},
		{name: "no register: nothing judged", asOf: asOf, rows: nil, month: "2026-04", want: want{}},
	})
}

// TestMonthlyReportsRegister: every month from reports_from is judged,
// a missing month points at the register file, and the paragraph's status
// follows.
func TestMonthlyReportsRegister(t *testing.T) {
	rows := []string{"2026-01\t2026-02-04", "2026-02-28\t2026-03-04", "2026-04\t2026-05-08"}
	r := vulnSetup{asOf: "2026-05-20", reports: rows, reportsFrom: "2026-01-01"}.eval(t)
	var got []string
	for _, c := range r.Checks {
		if c.Paragraph == evidence.ParaMonthlyReport {
			got = append(got, c.Subject+" "+string(c.Outcome)+" "+c.Pos.String())
		}
	}
	const file = "evidence/vulnerability-reports.xlsx"
	want := []string{
		"2026-03 gap " + file, // positions sort the file before its cells
		"2026-01 ok " + file + `: sheet "Reports" B2`,
		"2026-02 ok " + file + `: sheet "Reports" B3`,
		"2026-04 ok " + file + `: sheet "Reports" B4`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("checks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	fs := findings(r, evidence.ParaMonthlyReport, "2026-03")
	if len(fs) != 1 || fs[0].Pos.File() != file || fs[0].Pos.Cell() != "" || fs[0].Kind != Violation || fs[0].Severity != High {
		t.Errorf("missing month findings %+v, want one violation at the register file", fs)
	}
	if s := status(t, r, evidence.ParaMonthlyReport); s.Status != GapStatus {
		t.Errorf("B.9.5.5: %s", s.Status)
	}

	r = vulnSetup{asOf: "2026-05-20", reports: []string{"2026-04\t2026-05-08"}, reportsFrom: "2026-04-01"}.eval(t)
	if s := status(t, r, evidence.ParaMonthlyReport); s.Status != Covered {
		t.Errorf("B.9.5.5 with every report on time: %s (%s)", s.Status, s.Reason)
	}
	r = vulnSetup{asOf: "2026-05-20"}.eval(t)
	if s := status(t, r, evidence.ParaMonthlyReport); s.Status != MissingStat {
		t.Errorf("B.9.5.5 with no register: %s", s.Status)
	}
	// A register with no Month column: its problem, not a missing month
	// for every month.
	in := vulnSetup{asOf: "2026-05-20", reportsFrom: "2026-01-01"}.input(t)
	in.Evidence = evidence.Load(mapFS{"vulnerability-reports.xlsx": "not a workbook"}.fs(), "evidence")
	r = Evaluate(in)
	fs = nil
	for _, f := range r.Findings {
		if f.Paragraph == evidence.ParaMonthlyReport {
			fs = append(fs, f)
		}
	}
	if len(fs) != 1 || fs[0].Kind != Invalid {
		t.Errorf("unreadable register: findings %+v, want one invalid", fs)
	}
}
