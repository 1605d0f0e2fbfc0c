package rules

import (
	"fmt"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// monthlyReportWorkingDays is the number of Working Days after the end of a Month
// within which its vulnerability report is due (B.9.5.5).
const monthlyReportWorkingDays = 5

// monthlyReportWhat names a month's report as an obligation.
const monthlyReportWhat = "monthly vulnerability report"

// monthlyReports: B.9.5.5. From the month containing [contract]
// reports_from to the last full month before the as-of date, each month
// has a report issued within 5 Working Days after its last day, and not
// before the month has ended.
func (e *eval) monthlyReports() {
	const para = evidence.ParaMonthlyReport
	reg := e.in.Evidence.Register("vulnerability-reports")
	if !e.has(para) || reg == nil || !reg.Present || !reportMonthColumn(reg) {
		// No register, or no Month column to read: the paragraph is
		// missing, or its problems say why.
		return
	}
	asOf := e.in.AsOf
	from := e.in.Config.Contract.ReportsFrom
	if from.IsZero() {
		from = e.in.Config.Contract.StartDate
	}
	first := workdays.Date(from.Year(), from.Month(), 1)
	last := workdays.AddMonths(workdays.Date(asOf.Year(), asOf.Month(), 1), -1) // the last full month

	byMonth := map[string]evidence.Report{}
	for _, r := range e.in.Evidence.Reports {
		byMonth[r.Month] = r // one row a month: the reader drops repeats
	}
	for m := first; !m.After(last); m = workdays.AddMonths(m, 1) {
		key := m.Format(evidence.MonthLayout)
		r, ok := byMonth[key]
		e.monthReport(key, m, r, ok, reg)
	}
	e.nextReports(first, last, byMonth, reg)
	// Reports for months that had not ended by the as-of date can only
	// have been issued before their month ended; one not issued by then is
	// listed as after the as-of date, not judged.
	for _, r := range e.in.Evidence.Reports {
		if !r.Start.After(last) {
			continue
		}
		end := workdays.AddDays(workdays.AddMonths(r.Start, 1), -1)
		if r.Issued.Set && !r.Issued.Value.After(asOf) {
			e.reportEarly(r, end, e.after(workingDays(monthlyReportWorkingDays), end))
			continue
		}
		when := "after the as-of date (" + asOf.Format(time.DateOnly) + ")"
		if end.Equal(workdays.Day(asOf)) {
			when = "on the as-of date"
		}
		e.check(Check{Paragraph: para, Source: "vulnerability-reports", Subject: r.Month, Pos: r.Row.Pos, Outcome: Later,
			Detail: fmt.Sprintf("month ends %s, %s: not judged", end.Format(time.DateOnly), when)})
	}
}

// nextReports records the reports of the months not over by the as-of
// date (from the month after last, and not before first) as obligations,
// each due within 5 Working Days after its month, for as long as that day
// is within the horizon. A report already issued for such a month is
// judged as issued early instead (reportEarly).
func (e *eval) nextReports(first, last time.Time, byMonth map[string]evidence.Report, reg *evidence.Register) {
	m := workdays.AddMonths(last, 1)
	if first.After(m) {
		m = first
	}
	limit := workdays.AddDays(workdays.Day(e.in.AsOf), e.horizon())
	for ; ; m = workdays.AddMonths(m, 1) {
		end := workdays.AddDays(workdays.AddMonths(m, 1), -1)
		d := e.after(workingDays(monthlyReportWorkingDays), end)
		if d.Due.After(limit) {
			return
		}
		key := m.Format(evidence.MonthLayout)
		c := Check{Paragraph: evidence.ParaMonthlyReport, Source: "vulnerability-reports", Subject: key, Pos: diag.At(reg.Path, 0, 0)}
		if r, ok := byMonth[key]; ok {
			if _, issued := e.happened(r.Issued); issued {
				continue
			}
			c.Pos = r.Row.Pos
			if r.Issued.Pos.HasCell() {
				c.Pos = r.Issued.Pos
			}
		}
		e.owe(c, monthlyReportWhat, d)
	}
}

// reportMonthColumn reports whether the register's Month column was read.
func reportMonthColumn(reg *evidence.Register) bool {
	for _, h := range reg.Header {
		if h == "Month" {
			return true
		}
	}
	return false
}

// monthReport judges one month: its report r, if the register has one.
func (e *eval) monthReport(key string, start time.Time, r evidence.Report, found bool, reg *evidence.Register) {
	if found && r.Issued.Absent {
		return // no Issued column: reported as invalid already
	}
	end := workdays.AddDays(workdays.AddMonths(start, 1), -1)
	d := e.after(workingDays(monthlyReportWorkingDays), end)
	if j := e.judge(d, r.Issued); !j.Done.IsZero() && !j.Done.After(end) {
		e.reportEarly(r, end, d)
		return
	}
	name := start.Format("January 2006")
	rule := fmt.Sprintf("month ended %s, report due by %s", end.Format(time.DateOnly), d.Date())
	// No report by the as-of date: a row with no Issued date (or one after
	// the as-of date) points at that cell, no row at the file.
	pos, what := diag.At(reg.Path, 0, 0), "No report for "+name
	if found {
		pos = r.Issued.Pos
		what = "The report for " + name + " has no Issued date on or before " + day(e.in.AsOf)
	}
	e.judgeDuty(duty{
		check:    Check{Paragraph: evidence.ParaMonthlyReport, Source: "vulnerability-reports", Subject: key, Pos: pos},
		what:     monthlyReportWhat,
		deadline: d, done: r.Issued, severity: High,
		pending: rule + "; no report yet",
		missing: rule + "; no report by " + e.in.AsOf.Format(time.DateOnly),
		met:     rule + "; issued " + r.Issued.String(),
		missed:  fmt.Sprintf("%s: the month ended on %s, so its vulnerability report was due within %s, by %s.", what, day(end), d.Period, d.On()),
		late: func(over string) string {
			return fmt.Sprintf("The report for %s was issued on %s, %s late: the month ended on %s, so it was due within %s, by %s.",
				name, day(r.Issued.Value), over, day(end), d.Period, d.On())
		},
	})
}

// reportEarly: a report issued on or before the last day of its month
// cannot cover the whole month.
func (e *eval) reportEarly(r evidence.Report, end time.Time, due Deadline) {
	const para = evidence.ParaMonthlyReport
	name := r.Start.Format("January 2006")
	e.check(Check{Paragraph: para, Source: "vulnerability-reports", Subject: r.Month, Pos: r.Issued.Pos, Outcome: Gap,
		Detail: fmt.Sprintf("month ends %s; issued %s, before the month ended (due after it, by %s)", end.Format(time.DateOnly), r.Issued.String(), due.Date())})
	e.finding(Finding{Paragraph: para, Kind: Violation, Severity: High, Subject: r.Month, Pos: r.Issued.Pos,
		Message: fmt.Sprintf("The report for %s was issued on %s, before the month ended on %s: a monthly report cannot cover the whole month before it ends; issue it after the month, by %s.",
			name, day(r.Issued.Value), day(end), due.On())})
}

func reportsDocs() []Doc {
	return []Doc{
		{[]string{evidence.ParaMonthlyReport}, "vulnerability-reports", "For each month from the one containing [contract] reports_from (default the contract start date) " +
			"to the last full month before the as-of date, a report is issued within " + workingDays(monthlyReportWorkingDays).String() + " after the month's last day: on or before the last of them, counted strictly after it " +
			"(April 2026 ends Thursday 30 April; Monday 4 May is a bank holiday, so the report is due by Friday 8 May). " +
			"A month with no report once that day has passed is a violation (before it, the report is due); one issued later is a violation; " +
			"one issued on or before the month's last day cannot cover the whole month and is a violation too; a row for a month not over by the as-of date, with no report issued by then, is listed as after the as-of date (outcome later), not judged. An Issued date that cannot be read is invalid and counts as not issued. Reports for months before reports_from are not judged; " +
			"a Month given twice, in any spelling, is an invalid finding and the later row is not used."},
	}
}
