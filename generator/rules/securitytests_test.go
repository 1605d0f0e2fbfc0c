package rules

import (
	"cmp"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
)

// stRow returns a clean row of a full-scope test with no findings, run
// Mon 9 to Fri 13 June 2025 (the register's example row), with the named
// columns replaced by set.
func stRow(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "security-tests", id, set)
}

// stDay is a row of test id, across the scope of the ISMS or not, agreed,
// run and delivered all on day.
func stDay(t testing.TB, id, day string, fullScope bool) string {
	t.Helper()
	set := map[string]string{"Start Date": day, "End Date": day, "Client Agreed On": day, "Results Delivered On": day}
	if !fullScope {
		set["Full ISMS Scope"] = "No"
	}
	return stRow(t, id, set)
}

// stFinding is a row of test id (as stRow) recording a weakness.
func stFinding(t testing.TB, id, finding string, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "security-tests", id, map[string]string{"Finding ID": finding, "Finding Type": "weakness", "Root Cause": "Cause of " + finding}, set)
}

// stIncInput builds an Input with the security tests and incident registers
// given as TSV rows (nil: no file) and nothing else.
func stIncInput(t testing.TB, form, asOf string, tests, incidents []string) Input {
	t.Helper()
	return registersInput(t, form, asOf, map[string][]string{"security-tests": tests, "incidents": incidents})
}

// paragraphFindings returns the findings against para with no subject.
func paragraphFindings(r Result, para string) []Finding {
	return findings(r, para, "")
}

func TestAnnualFullScopeTest(t *testing.T) {
	const asOf = "2026-11-27"
	full := func(id, end string) string { return stDay(t, id, end, true) }
	partial := func(id, end string) string { return stDay(t, id, end, false) }
	tests := []struct {
		name   string
		asOf   string
		rows   []string
		checks map[string]want // by Test ID
		// paragraph-level findings: parts of each one's message, "|"-separated
		late []string
	}{
		{
			name:   "first test exactly 12 Months after the contract start",
			asOf:   "2027-03-31",
			rows:   []string{full("PT-1", "2026-04-01")},
			checks: map[string]want{"PT-1": {part: "full-scope", outcome: OK, deadline: "2026-04-01", margin: 0}},
		},
		{
			name:   "first test a day later",
			asOf:   "2027-03-31",
			rows:   []string{full("PT-1", "2026-04-02")},
			checks: map[string]want{"PT-1": {part: "full-scope", outcome: Gap, deadline: "2026-04-01", margin: -1}},
			late:   []string{"Full-scope Security Test PT-1 ended on Thu 2 Apr 2026, 1 day late|after the contract start (Tue 1 Apr 2025) the next was due by Wed 1 Apr 2026"},
		},
		{
			name: "tests exactly 12 Months apart",
			rows: []string{full("PT-1", "2025-06-20"), full("PT-2", "2026-06-20")},
			checks: map[string]want{
				"PT-1": {part: "full-scope", outcome: OK, deadline: "2026-04-01", margin: 285},
				"PT-2": {part: "full-scope", outcome: OK, deadline: "2026-06-20", margin: 0},
			},
		},
		{
			name: "12 Months and a day apart",
			rows: []string{full("PT-2", "2026-06-21"), full("PT-1", "2025-06-20")},
			checks: map[string]want{
				"PT-1": {part: "full-scope", outcome: OK},
				"PT-2": {part: "full-scope", outcome: Gap, deadline: "2026-06-20", margin: -1},
			},
			late: []string{"PT-2 ended on Sun 21 Jun 2026, 1 day late|after the full-scope test PT-1 ended on Fri 20 Jun 2025 the next was due by Sat 20 Jun 2026"},
		},
		{
			name: "a partial-scope test does not count",
			rows: []string{full("PT-1", "2025-06-20"), partial("CT-1", "2026-06-01")},
			checks: map[string]want{
				"PT-1": {part: "full-scope", outcome: OK},
				"CT-1": {part: "full-scope"},
			},
			late: []string{"No full-scope Security Test since the full-scope test PT-1 ended on Fri 20 Jun 2025|due by Sat 20 Jun 2026 (160 days overdue at Fri 27 Nov 2026)"},
		},
		{
			name: "none at all, as of the due day",
			asOf: "2026-04-01",
			rows: []string{partial("CT-1", "2025-06-01")},
		},
		{
			name: "none at all, as of the day after",
			asOf: "2026-04-02",
			rows: []string{partial("CT-1", "2025-06-01")},
			late: []string{"No full-scope Security Test since the contract start (Tue 1 Apr 2025): Security Tests across the scope of the ISMS are due at least annually, so one was due by Wed 1 Apr 2026 (1 day overdue at Thu 2 Apr 2026)."},
		},
		{
			name:   "a test ending after the as-of date does not count yet",
			asOf:   "2026-04-02",
			rows:   []string{full("PT-1", "2026-04-03")},
			checks: map[string]want{"PT-1": {part: "full-scope", outcome: Later, deadline: "-", detail: "full-scope test ends 2026-04-03, after the as-of date (2026-04-02): not judged"}},
			late:   []string{"since the contract start"},
		},
		{
			name:   "a test ending on the contract start does not count",
			asOf:   "2026-04-02",
			rows:   []string{full("PT-0", "2025-04-01")},
			checks: map[string]want{"PT-0": {part: "full-scope"}},
			late:   []string{"since the contract start"},
		},
		{
			name: "late, then overdue again",
			rows: []string{full("PT-1", "2026-05-01"), full("PT-1b", "2026-05-01")},
			checks: map[string]want{
				"PT-1":  {part: "full-scope", outcome: Gap, deadline: "2026-04-01", margin: -30},
				"PT-1b": {part: "full-scope", outcome: Gap, deadline: "2026-04-01", margin: -30},
			},
			late: []string{"Full-scope Security Test PT-1, PT-1b ended on Fri 1 May 2026, 30 days late"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as := tt.asOf
			if as == "" {
				as = asOf
			}
			r := Evaluate(stIncInput(t, "B", as, tt.rows, nil))
			for id, w := range tt.checks {
				w.verify(t, r, evidence.ParaTestAnnual, id)
			}
			var got []string
			for _, f := range paragraphFindings(r, evidence.ParaTestAnnual) {
				got = append(got, f.Message)
				if f.Kind != Violation || f.Severity != High || f.Pos != (diag.At("evidence/security-tests.xlsx", 0, 0)) {
					t.Errorf("finding %+v", f)
				}
			}
			if len(got) != len(tt.late) {
				t.Fatalf("paragraph findings:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.late))
			}
			for i, parts := range tt.late {
				for _, part := range strings.Split(parts, "|") {
					if !strings.Contains(got[i], part) {
						t.Errorf("finding %d: %q\nwant %q in it", i, got[i], part)
					}
				}
			}
		})
	}
}

func TestAnnualNeedsARegister(t *testing.T) {
	for _, c := range []struct {
		name  string
		in    Input
		count int
	}{
		{"no register: the paragraph is missing", stIncInput(t, "B", "2027-01-01", nil, nil), 0},
		{"an empty register: a full-scope test is overdue", stIncInput(t, "B", "2027-01-01", []string{}, nil), 1},
		{"form A has no paragraph 6", stIncInput(t, "A", "2027-01-01", []string{}, nil), 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(c.in)
			var n int
			for _, f := range r.Findings {
				if f.Paragraph == evidence.ParaTestAnnual && f.Kind == Violation {
					n++
				}
			}
			if n != c.count {
				t.Errorf("%d violations of B.6.1, want %d", n, c.count)
			}
		})
	}
	// An unreadable register is invalid, not overdue.
	ev := evidence.Load(mapFS{"security-tests.xlsx": "not a zip"}.fs(), "evidence")
	r := Evaluate(setup{noTraining: true}.inputWith(t, ev))
	for _, f := range r.Findings {
		if f.Paragraph == evidence.ParaTestAnnual && f.Kind != Invalid {
			t.Errorf("unreadable register: finding %+v", f)
		}
	}
}

func TestTestAgreedInAdvance(t *testing.T) {
	const start = "2025-06-09"
	tests := []struct {
		name   string
		asOf   string
		agreed string
		start  string
		want   want
	}{
		{name: "agreed on the start date", agreed: start,
			want: want{outcome: OK, deadline: start, margin: 0}},
		{name: "agreed the day before", agreed: "2025-06-08",
			want: want{outcome: OK, deadline: start, margin: 1}},
		{name: "agreed the day after", agreed: "2025-06-10",
			want: want{outcome: Gap, deadline: start, margin: -1, findings: []string{"violation high F2"},
				message: "The Client agreed the test on Tue 10 Jun 2025, 1 day after it started on Mon 9 Jun 2025"}},
		{name: "no agreement, started", agreed: "",
			want: want{outcome: Gap, findings: []string{"violation high F2"}, message: "No Client Agreed On date"}},
		{name: "no agreement, as of the start day: still due that day", agreed: "", asOf: start,
			want: want{outcome: Due, deadline: start, margin: 0}},
		{name: "no agreement, as of the day after the start", agreed: "", asOf: "2025-06-10",
			want: want{outcome: Gap, deadline: start, margin: -1, findings: []string{"violation high F2"}}},
		// A test that starts after the as-of date had not happened yet.
		{name: "no agreement, starting the day after the as-of date: listed, not judged", agreed: "", asOf: "2025-06-08", start: start,
			want: want{outcome: Later, deadline: "-", detail: "agreement in advance: the test starts 2025-06-09, after the as-of date (2025-06-08): not judged"}},
		{name: "agreed, starting the day after the as-of date: listed, not judged", agreed: "2025-06-01", asOf: "2025-06-08", start: start,
			want: want{outcome: Later, deadline: "-"}},
		// An unreadable date is not agreed: the breach beside the invalid
		// finding.
		// A test that started before the contract began (Tue 1 Apr 2025)
		// was due to be agreed by its first day.
		{name: "started before the contract, agreed before its start", agreed: "2025-03-20", start: "2025-03-10",
			want: want{outcome: OK, deadline: "2025-04-01", margin: 12}},
		{name: "started before the contract, agreed after its start", agreed: "2025-04-03", start: "2025-03-10",
			want: want{outcome: Gap, deadline: "2025-04-01", margin: -2, findings: []string{"violation high F2"},
				message: "The Client agreed the test on Thu 3 Apr 2025, 2 days late: it started on Mon 10 Mar 2025, so the agreement was due by Tue 1 Apr 2025, the contract's Start Date (Mon 10 Mar 2025 was before the contract began)"}},
		{name: "unreadable agreement date: not agreed", agreed: "soon",
			want: want{outcome: Gap, deadline: start, margin: -536, findings: []string{"violation high F2", "invalid medium F2"},
				message: "The date recorded cannot be read (an invalid finding at the cell), so it counts as not done."}},
		{name: "unreadable agreement date, as of the start day", agreed: "soon", asOf: start,
			want: want{outcome: Due, deadline: start, margin: 0, findings: []string{"invalid medium F2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			row := stRow(t, "PT-1", map[string]string{"Client Agreed On": tt.agreed, "Start Date": cmp.Or(tt.start, start)})
			r := Evaluate(stIncInput(t, "B", tt.asOf, []string{row}, nil))
			tt.want.part = "agree"
			tt.want.verify(t, r, evidence.ParaTestAnnual, "PT-1")
		})
	}
}

// B.6.2: results within 10 Working Days after the End Date.
func TestTestResults(t *testing.T) {
	const wd = "working days"
	// Ended Fri 16 Oct 2026: due Fri 30 Oct 2026.
	ended := func(delivered string) map[string]string {
		return map[string]string{"Start Date": "2026-10-12", "Client Agreed On": "2026-10-01", "End Date": "2026-10-16", "Results Delivered On": delivered}
	}
	// Ended Fri 7 Mar 2025, before the contract began (Tue 1 Apr 2025): 10
	// Working Days end Fri 21 Mar, moved to the contract's first day.
	before := func(delivered string) map[string]string {
		return map[string]string{"Start Date": "2025-03-03", "Client Agreed On": "2025-02-20", "End Date": "2025-03-07", "Results Delivered On": delivered}
	}
	tests := []struct {
		name string
		asOf string
		row  map[string]string
		want want
	}{
		{name: "on the last day", row: ended("2026-10-30"), want: want{outcome: OK}.by("2026-10-30", 0, wd)},
		{name: "the Saturday after a Friday deadline: 1 Working Day late", row: ended("2026-10-31"),
			want: want{outcome: Gap, findings: []string{"violation low G2"}, message: "Results delivered on Sat 31 Oct 2026, 1 Working Day late"}.by("2026-10-30", -1, wd)},
		{name: "not delivered, as of the last day", asOf: "2026-10-30", row: ended(""), want: want{outcome: Due}.by("2026-10-30", 0, wd)},
		{name: "not delivered, as of the Saturday after", asOf: "2026-10-31", row: ended(""),
			want: want{outcome: Gap, findings: []string{"violation high G2"}}.by("2026-10-30", -1, wd)},
		{name: "before the contract: delivered after the period, before its start", row: before("2025-03-28"), want: want{outcome: OK}.by("2025-04-01", 2, wd)},
		// A test that starts, or ends, after the as-of date had not
		// happened, or finished, as of then.
		{name: "starting after the as-of date: listed, not judged", asOf: "2026-10-11", row: ended(""),
			want: want{outcome: Later, deadline: "-", detail: "starts 2026-10-12, after the as-of date (2026-10-11): not judged"}},
		{name: "running at the as-of date: listed, not judged", asOf: "2026-10-15", row: ended(""),
			want: want{outcome: Later, deadline: "-", detail: "ends 2026-10-16, after the as-of date (2026-10-15): not judged"}},
		{name: "ending on the as-of date: judged", asOf: "2026-10-16", row: ended(""), want: want{outcome: Due}.by("2026-10-30", 10, wd)},
		{name: "before the contract: delivered the day after its start", row: before("2025-04-02"),
			want: want{outcome: Gap, findings: []string{"violation low G2"},
				message: "so they were due by Tue 1 Apr 2025, the contract's Start Date (the period ended on Fri 21 Mar 2025, before the contract began)"}.by("2025-04-01", -1, wd)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(stIncInput(t, "B", tt.asOf, []string{stRow(t, "PT-1", tt.row)}, nil))
			tt.want.verify(t, r, evidence.ParaTestResults, "PT-1")
		})
	}
}

func TestFindingsRemediedAndRetested(t *testing.T) {
	// PT-1 ends Fri 13 Jun 2025: 60 Working Days later, across the Summer
	// bank holiday (Mon 25 Aug), is Mon 8 Sep 2025.
	const due = "2025-09-08"
	retest := func(id, start, end, of string) string {
		return stRow(t, id, map[string]string{"Start Date": start, "End Date": end, "Client Agreed On": start, "Results Delivered On": end,
			"Full ISMS Scope": "No", "Retest Of": of})
	}
	tests := []struct {
		name       string
		asOf       string
		remediated string
		findType   string
		more       []string
		want       want
	}{
		{name: "remediated and re-tested on the last day", remediated: "2025-09-08", more: []string{retest("RT-1", due, due, "F-1")},
			want: want{outcome: OK, deadline: due, margin: 0}},
		{name: "remediated and re-tested early", remediated: "2025-07-01", more: []string{retest("RT-1", "2025-07-07", "2025-07-08", "PT-1")},
			want: want{outcome: OK, deadline: due, margin: 43}},
		{name: "a breach is a finding too", findType: "breach", remediated: "2025-07-01", more: []string{retest("RT-1", "2025-07-07", "2025-07-08", "f-1")},
			want: want{outcome: OK, deadline: due, margin: 43}},
		{name: "re-tested the Working Day after", remediated: "2025-09-08", more: []string{retest("RT-1", "2025-09-09", "2025-09-09", "F-1")},
			want: want{outcome: Gap, deadline: due, margin: -1, findings: []string{"violation low H2"},
				message: "Weakness F-1, found by test PT-1 (ended Fri 13 Jun 2025): remediated on Mon 8 Sep 2025; re-tested by RT-1 (ended Tue 9 Sep 2025), 1 Working Day late. Remediation and a repeat test were due by Mon 8 Sep 2025, 60 Working Days after the test"}},
		{name: "remediated the Working Day after", remediated: "2025-09-09", more: []string{retest("RT-1", "2025-09-09", "2025-09-09", "F-1")},
			want: want{outcome: Gap, deadline: due, margin: -1, findings: []string{"violation low L2"}}},
		{name: "neither, as of the last day", asOf: due,
			want: want{outcome: Due, deadline: due, margin: 0}},
		{name: "remediated, not re-tested, as of the last day", asOf: due, remediated: "2025-07-01",
			want: want{outcome: Due, deadline: due, margin: 0}},
		{name: "neither, as of the day after", asOf: "2025-09-09",
			want: want{outcome: Gap, deadline: due, margin: -1, findings: []string{"violation high L2"}, message: "not remediated; not re-tested"}},
		{name: "remediated, never re-tested", remediated: "2025-07-01", asOf: "2025-09-09",
			want: want{outcome: Gap, deadline: due, margin: -1, findings: []string{"violation high H2"}, message: "remediated on Tue 1 Jul 2025; not re-tested."}},
		{name: "re-tested before the remediation does not count", remediated: "2025-07-10", more: []string{retest("RT-1", "2025-07-07", "2025-07-08", "F-1")},
			want: want{outcome: Gap, findings: []string{"violation high H2"}, message: "not re-tested (RT-1 named it before it was remediated)"}},
		{name: "a re-test still running does not count", asOf: "2025-09-09", remediated: "2025-07-01", more: []string{retest("RT-1", "2025-09-08", "2025-09-10", "F-1")},
			want: want{outcome: Gap, findings: []string{"violation high H2"}}},
		{name: "a later re-test counts too", remediated: "2025-07-10",
			more: []string{retest("RT-1", "2025-07-07", "2025-07-08", "F-1"), retest("RT-2", "2025-07-14", "2025-07-14", "F-1")},
			want: want{outcome: OK, deadline: due, margin: 39}},
		// A finding of a test still running at the as-of date is listed,
		// not judged.
		{name: "found by a test ending after the as-of date", asOf: "2025-06-12",
			want: want{outcome: Later, deadline: "-", detail: "F-1: test ends 2025-06-13, after the as-of date (2025-06-12): not judged"}},
		{name: "unreadable remediation date: not remediated", remediated: "tbc", more: []string{retest("RT-1", "2025-07-07", "2025-07-08", "F-1")},
			want: want{outcome: Gap, deadline: due, margin: -311, findings: []string{"violation high L2", "invalid medium L2"},
				message: "not remediated (Remediated On cannot be read, so it counts as not done); not re-tested (RT-1 named it before it was remediated)"}},
		{name: "unreadable remediation date, within the period", asOf: due, remediated: "tbc",
			want: want{outcome: Due, deadline: due, margin: 0, findings: []string{"invalid medium L2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([]string{stFinding(t, "PT-1", "F-1", map[string]string{"Remediated On": tt.remediated, "Finding Type": cmp.Or(tt.findType, "weakness")})}, tt.more...)
			r := Evaluate(stIncInput(t, "B", tt.asOf, rows, nil))
			tt.want.verify(t, r, evidence.ParaTestRemedy, "PT-1")
			// A test with no findings has nothing to remedy (a check of
			// the whole register may say so, when no row is judged).
			for _, c := range r.Checks {
				if c.Paragraph == evidence.ParaTestRemedy && c.Subject != "PT-1" && c.Subject != "security-tests.xlsx" {
					t.Errorf("check %+v", c)
				}
			}
		})
	}
}

// B.6.4's margin on a Friday deadline: PT-1 ends Thu 12 Jun 2025, and 60
// Working Days later (the Summer bank holiday on 25 Aug aside) is Fri 5
// Sep 2025.
func TestRemedyMargin(t *testing.T) {
	const wd = "working days"
	for _, tt := range []struct {
		name, done string
		want       want
	}{
		{"remediated and re-tested on the Friday deadline", "2025-09-05", want{outcome: OK}.by("2025-09-05", 0, wd)},
		{"remediated and re-tested the Saturday after: 1 Working Day late", "2025-09-06",
			want{outcome: Gap, findings: []string{"violation low L2"}, message: "remediated on Sat 6 Sep 2025, 1 Working Day late; re-tested by RT-1 (ended Sat 6 Sep 2025), 1 Working Day late"}.by("2025-09-05", -1, wd)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows := []string{
				stFinding(t, "PT-1", "F-1", map[string]string{"End Date": "2025-06-12", "Results Delivered On": "2025-06-12", "Remediated On": tt.done}),
				stRow(t, "RT-1", map[string]string{"Start Date": tt.done, "End Date": tt.done, "Client Agreed On": tt.done, "Results Delivered On": tt.done, "Full ISMS Scope": "No", "Retest Of": "F-1"}),
			}
			tt.want.verify(t, Evaluate(stIncInput(t, "B", "", rows, nil)), evidence.ParaTestRemedy, "PT-1")
		})
	}
}

func TestRepeatFailureIsAMaterialDefault(t *testing.T) {
	original := stFinding(t, "PT-1", "F-1", map[string]string{"Finding Type": "potential-breach", "Root Cause": "Default credentials on the console", "Remediated On": "2025-06-20"})
	other := stFinding(t, "PT-1", "F-2", map[string]string{"Root Cause": "Old TLS", "Remediated On": "2025-06-20"})
	retest := func(set map[string]string) string {
		v := map[string]string{"Start Date": "2025-07-07", "End Date": "2025-07-08", "Client Agreed On": "2025-07-01", "Results Delivered On": "2025-07-10",
			"Full ISMS Scope": "No", "Retest Of": "F-1", "Finding ID": "F-9", "Finding Type": "potential-breach", "Root Cause": "default  CREDENTIALS on the console", "Remediated On": "2025-07-09"}
		for k, x := range set {
			v[k] = x
		}
		return stRow(t, "RT-1", v)
	}
	tests := []struct {
		name string
		rows []string
		want want
	}{
		{name: "potential breach, same root cause ignoring case and spaces", rows: []string{retest(nil)},
			want: want{outcome: Gap, findings: []string{"violation critical J4"},
				message: "Repeat test RT-1 found a potential Breach of Security (F-9) with the same root cause as F-1, which it re-tests (\"Default credentials on the console\", found by test PT-1): a repeat Security Test revealing an actual or potential Breach of Security exploiting the same root cause failure is a material Default."}},
		{name: "actual breach, same root cause", rows: []string{retest(map[string]string{"Finding Type": "breach"})},
			want: want{outcome: Gap, findings: []string{"violation critical J4"}, message: "found an actual Breach of Security (F-9)"}},
		{name: "re-testing the whole test", rows: []string{retest(map[string]string{"Retest Of": "PT-1"})},
			want: want{outcome: Gap, findings: []string{"violation critical J4"}}},
		{name: "a weakness with the same root cause is not a Default", rows: []string{retest(map[string]string{"Finding Type": "weakness"})},
			want: want{outcome: OK}},
		{name: "a potential breach with another root cause", rows: []string{retest(map[string]string{"Root Cause": "Old TLS"})},
			want: want{outcome: OK}},
		{name: "the same root cause as a finding it does not re-test", rows: []string{retest(map[string]string{"Retest Of": "F-2"})},
			want: want{outcome: OK}},
		{name: "a later test that re-tests nothing", rows: []string{retest(map[string]string{"Retest Of": ""})},
			want: want{}},
		{name: "Retest Of on another row of the repeat test", rows: []string{
			retest(map[string]string{"Retest Of": "", "Finding ID": "F-9"}),
			retest(map[string]string{"Retest Of": "F-1", "Finding ID": "", "Finding Type": "none", "Root Cause": "", "Remediated On": ""}),
		}, want: want{outcome: Gap, findings: []string{"violation critical J4"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := append([]string{original, other}, tt.rows...)
			r := Evaluate(stIncInput(t, "B", "2025-08-01", rows, nil))
			tt.want.verify(t, r, evidence.ParaTestRepeat, "RT-1")
			if tt.want.outcome == Gap {
				// Critical findings lead the gaps list.
				if f := r.Findings[0]; f.Severity != Critical || f.Paragraph != evidence.ParaTestRepeat {
					t.Errorf("first finding %+v, want the critical B.6.5 one", f)
				}
				if s := status(t, r, evidence.ParaTestRepeat); s.Status != GapStatus {
					t.Errorf("B.6.5 status %s", s.Status)
				}
			}
		})
	}
}

// TestTestsAfterChanges exercises the rule for tests after ISMS and
// Security Management Plan changes with a synthetic list of changes (the
// sample's recorded changes are checked with the sample).
func TestTestsAfterChanges(t *testing.T) {
	if got := (&eval{in: Input{Evidence: &evidence.Evidence{}}}).governanceChanges(); got != nil {
		t.Errorf("governanceChanges() = %v with no governance evidence, want none", got)
	}
	// A change on Mon 5 Jan 2026: 60 Working Days later is Mon 30 Mar 2026.
	change := ismsChange{On: date(t, "2026-01-05"), What: "new incident response plan", Source: diag.At("evidence/governance.toml", 7, 0)}
	test := func(id, start string) string { return stDay(t, id, start, false) }
	tests := []struct {
		name    string
		asOf    string
		rows    []string
		subject string
		want    want
		para    []string // paragraph-level finding messages, in part
	}{
		{name: "a test on the day of the change", rows: []string{test("CT-1", "2026-01-05")}, subject: "CT-1",
			want: want{outcome: OK, deadline: "2026-03-30", margin: 60}},
		{name: "a test on the last day", rows: []string{test("CT-1", "2026-03-30"), test("CT-0", "2026-01-02")}, subject: "CT-1",
			want: want{outcome: OK, deadline: "2026-03-30", margin: 0}},
		{name: "a test the Working Day after", rows: []string{test("CT-1", "2026-03-31")}, subject: "CT-1",
			want: want{outcome: Gap, deadline: "2026-03-30", margin: -1, findings: []string{"violation high B2"},
				message: "The first Security Test after the change on Mon 5 Jan 2026 (new incident response plan) started on Tue 31 Mar 2026, 1 Working Day late"}},
		{name: "none yet, as of the last day", asOf: "2026-03-30", rows: []string{test("CT-0", "2026-01-02")}},
		{name: "none, as of the day after", asOf: "2026-03-31", rows: []string{test("CT-0", "2026-01-02")},
			para: []string{"No Security Test after the change on Mon 5 Jan 2026 (new incident response plan): one was due by Mon 30 Mar 2026"}},
		{name: "a change after the as-of date", asOf: "2026-01-04", rows: []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := stIncInput(t, "B", tt.asOf, tt.rows, nil)
			e := &eval{in: in, order: map[string]int{}}
			for i, p := range in.Paragraphs {
				e.order[p.ID] = i + 1
			}
			e.testsAfterChanges(groupTests(in.Evidence.SecurityTests), []ismsChange{change})
			r := Result{Findings: e.findings, Checks: e.checks}
			if tt.subject != "" {
				tt.want.part = "after the change"
				tt.want.verify(t, r, evidence.ParaTestAnnual, tt.subject)
			}
			var got []Finding
			for _, f := range e.findings {
				if f.Subject == "" {
					got = append(got, f)
				}
			}
			if len(got) != len(tt.para) {
				t.Fatalf("paragraph findings %+v, want %d", got, len(tt.para))
			}
			for i, part := range tt.para {
				if !strings.Contains(got[i].Message, part) || got[i].Pos != change.Source || got[i].Paragraph != evidence.ParaTestAnnual {
					t.Errorf("finding %+v, want %q from %s", got[i], part, change.Source)
				}
			}
		})
	}
}
