package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// incident returns a clean row of an actual incident the Agency became
// aware of on Tue 10 Mar 2026 (the register's example row), with a root
// cause of its own and the named columns replaced by set.
func incident(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "incidents", id, map[string]string{"Root Cause": "Cause of " + id}, set)
}

// incidentCase is one row of an incident rule's boundary table: INC-1's
// cells, the as-of date and what the rule must find for INC-1 under each
// form (a form left out must have no check and no finding).
type incidentCase struct {
	name string
	asOf string
	row  map[string]string
	want map[string]want // form -> expectation
}

func runIncidents(t *testing.T, paras map[string]string, tests []incidentCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, form := range []string{"A", "B"} {
				r := Evaluate(stIncInput(t, form, tt.asOf, nil, []string{incident(t, "INC-1", tt.row)}))
				para := paras[form]
				if para == "" {
					for _, f := range r.Findings {
						if f.Subject == "INC-1" && f.Kind != Invalid {
							t.Errorf("form %s: finding %+v", form, f)
						}
					}
					continue
				}
				tt.want[form].verify(t, r, para, "INC-1")
				// Nothing against the other form's paragraph.
				for _, f := range r.Findings {
					if !strings.HasPrefix(f.Paragraph, form+".") {
						t.Errorf("form %s: finding against %s", form, f.Paragraph)
					}
				}
			}
		})
	}
}

// both is the same expectation under both forms.
func bothForms(w want) map[string]want { return map[string]want{"A": w, "B": w} }

func TestIncidentNotified(t *testing.T) {
	paras := map[string]string{"A": evidence.ParaNotifyA, "B": evidence.ParaNotifyB}
	runIncidents(t, paras, []incidentCase{
		{name: "the same day", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "2026-10-08"},
			want: bothForms(want{outcome: OK, deadline: "2026-10-09", margin: 1})},
		// Thu 8 Oct 2026: the next Working Day is Fri 9 Oct.
		{name: "the next Working Day", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "2026-10-09"},
			want: bothForms(want{outcome: OK, deadline: "2026-10-09", margin: 0})},
		{name: "the Working Day after that", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "2026-10-12"},
			want: bothForms(want{outcome: Gap, deadline: "2026-10-09", margin: -1, findings: []string{"violation high D2"},
				message: "Notified on Mon 12 Oct 2026, 1 Working Day late: the Agency became aware on Thu 8 Oct 2026"})},
		// Fri 22 May 2026: the weekend and the Spring bank holiday follow.
		{name: "across a weekend and a bank holiday", row: map[string]string{"Aware On": "2026-05-22", "Notified On": "2026-05-26"},
			want: bothForms(want{outcome: OK, deadline: "2026-05-26", margin: 0})},
		{name: "the day after that", row: map[string]string{"Aware On": "2026-05-22", "Notified On": "2026-05-27"},
			want: bothForms(want{outcome: Gap, deadline: "2026-05-26", margin: -1, findings: []string{"violation high D2"}})},
		{name: "the Saturday after a Friday deadline: 1 Working Day late", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "2026-10-10"},
			want: bothForms(want{outcome: Gap, deadline: "2026-10-09", margin: -1, unit: WorkingDays, findings: []string{"violation high D2"},
				message: "Notified on Sat 10 Oct 2026, 1 Working Day late"})},
		{name: "aware on a Saturday", row: map[string]string{"Aware On": "2026-10-10", "Notified On": "2026-10-12"},
			want: bothForms(want{outcome: OK, deadline: "2026-10-12", margin: 0})},
		{name: "not yet, as of the last day", asOf: "2026-10-09", row: map[string]string{"Aware On": "2026-10-08", "Notified On": ""},
			want: bothForms(want{outcome: Due, deadline: "2026-10-09", margin: 0})},
		{name: "not notified, as of the day after", asOf: "2026-10-12", row: map[string]string{"Aware On": "2026-10-08", "Notified On": ""},
			want: bothForms(want{outcome: Gap, deadline: "2026-10-09", margin: -1, findings: []string{"violation high D2"},
				message: "No Notified On date: the Agency became aware of this actual incident on Thu 8 Oct 2026"})},
		// A date that cannot be right is invalid, and not done: the breach
		// beside it.
		{name: "notified before aware is invalid, and not notified", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "2026-10-07"},
			want: bothForms(want{outcome: Gap, deadline: "2026-10-09", margin: -35, findings: []string{"violation high D2", "invalid medium D2"},
				message: "No Notified On date: the Agency became aware of this actual incident on Thu 8 Oct 2026"})},
		{name: "unreadable notification date, not yet due", asOf: "2026-10-09", row: map[string]string{"Aware On": "2026-10-08", "Notified On": "asap"},
			want: bothForms(want{outcome: Due, deadline: "2026-10-09", margin: 0, findings: []string{"invalid medium D2"}})},
		{name: "potential and attempted breaches too", row: map[string]string{"Type": "attempted", "Aware On": "2026-10-08", "Notified On": ""},
			want: bothForms(want{outcome: Gap, findings: []string{"violation high D2"}})},
	})
}

// Nothing can be late before the contract began (Tue 1 Apr 2025): an
// incident the Agency became aware of on Thu 27 Mar 2025 was due to be
// notified by Fri 28 Mar, moved to the contract's first day.
func TestIncidentBeforeTheContract(t *testing.T) {
	paras := map[string]string{"A": evidence.ParaNotifyA, "B": evidence.ParaNotifyB}
	aware := map[string]string{"Aware On": "2025-03-27", "Report Delivered On": "2025-03-28"}
	runIncidents(t, paras, []incidentCase{
		{name: "notified after the period, before the contract", row: withCells(aware, map[string]string{"Notified On": "2025-03-31"}),
			want: bothForms(want{outcome: OK, deadline: "2025-04-01", margin: 1, unit: WorkingDays, detail: "aware 2025-03-27, notified 2025-03-31"})},
		{name: "notified on its first day", row: withCells(aware, map[string]string{"Notified On": "2025-04-01"}),
			want: bothForms(want{outcome: OK, deadline: "2025-04-01", margin: 0})},
		{name: "notified the Working Day after", row: withCells(aware, map[string]string{"Notified On": "2025-04-02"}),
			want: bothForms(want{outcome: Gap, deadline: "2025-04-01", margin: -1, findings: []string{"violation high D2"},
				message: "Notified on Wed 2 Apr 2025, 1 Working Day late: the Agency became aware on Thu 27 Mar 2025, and incidents are notified upon becoming aware: this tool reads that as on the day or by the next Working Day, here Tue 1 Apr 2025, the contract's Start Date (the period ended on Fri 28 Mar 2025, before the contract began)."})},
		{name: "not notified, as of the contract's first day", asOf: "2025-04-01", row: withCells(aware, map[string]string{"Notified On": ""}),
			want: bothForms(want{outcome: Due, deadline: "2025-04-01", margin: 0, detail: "notification due by 2025-04-01 (the contract's Start Date; the period ended 2025-03-28)"})},
	})
}

func TestIncidentDataSupplied(t *testing.T) {
	paras := map[string]string{"B": evidence.ParaDataB} // Part A has no such paragraph
	runIncidents(t, paras, []incidentCase{
		// Thu 8 Oct 2026: the 2nd Working Day strictly after is Mon 12 Oct.
		{name: "Thursday request, Monday supply", row: map[string]string{"Data Requested On": "2026-10-08", "Data Supplied On": "2026-10-12"},
			want: map[string]want{"B": {outcome: OK, deadline: "2026-10-12", margin: 0}}},
		{name: "Thursday request, Tuesday supply", row: map[string]string{"Data Requested On": "2026-10-08", "Data Supplied On": "2026-10-13"},
			want: map[string]want{"B": {outcome: Gap, deadline: "2026-10-12", margin: -1, findings: []string{"violation high F2"},
				message: "Data supplied on Tue 13 Oct 2026, 1 Working Day late: the Client requested it on Thu 8 Oct 2026, so it was due within 2 Working Days, by Mon 12 Oct 2026."}}},
		// Fri 22 May 2026: Tue 26 May is the 1st Working Day after (the
		// Spring bank holiday is Mon 25), Wed 27 the 2nd.
		{name: "across the bank holiday, Wednesday", row: map[string]string{"Data Requested On": "2026-05-22", "Data Supplied On": "2026-05-27"},
			want: map[string]want{"B": {outcome: OK, deadline: "2026-05-27", margin: 0}}},
		{name: "across the bank holiday, Thursday", row: map[string]string{"Data Requested On": "2026-05-22", "Data Supplied On": "2026-05-28"},
			want: map[string]want{"B": {outcome: Gap, deadline: "2026-05-27", margin: -1, findings: []string{"violation high F2"}}}},
		// Wed 7 Oct 2026: due Fri 9 Oct.
		{name: "the Saturday after a Friday deadline: 1 Working Day late", row: map[string]string{"Data Requested On": "2026-10-07", "Data Supplied On": "2026-10-10"},
			want: map[string]want{"B": {outcome: Gap, deadline: "2026-10-09", margin: -1, unit: WorkingDays, findings: []string{"violation high F2"},
				message: "Data supplied on Sat 10 Oct 2026, 1 Working Day late"}}},
		{name: "the same day", row: map[string]string{"Data Requested On": "2026-05-22", "Data Supplied On": "2026-05-22"},
			want: map[string]want{"B": {outcome: OK, deadline: "2026-05-27", margin: 2}}},
		{name: "not yet, as of the last day", asOf: "2026-05-27", row: map[string]string{"Data Requested On": "2026-05-22"},
			want: map[string]want{"B": {outcome: Due, deadline: "2026-05-27", margin: 0}}},
		{name: "not supplied, as of the day after", asOf: "2026-05-28", row: map[string]string{"Data Requested On": "2026-05-22"},
			want: map[string]want{"B": {outcome: Gap, deadline: "2026-05-27", margin: -1, findings: []string{"violation high F2"},
				message: "No Data Supplied On date: the Client requested data on Fri 22 May 2026, due within 2 Working Days, by Wed 27 May 2026."}}},
		{name: "no request", row: map[string]string{"Data Supplied On": "2026-05-22"},
			want: map[string]want{"B": {}}},
		{name: "supplied before the request is invalid, and not supplied", row: map[string]string{"Data Requested On": "2026-05-22", "Data Supplied On": "2026-05-21"},
			want: map[string]want{"B": {outcome: Gap, deadline: "2026-05-27", margin: -131, findings: []string{"violation high F2", "invalid medium F2"}}}},
		{name: "an unreadable request: no deadline to judge by", row: map[string]string{"Data Requested On": "last week", "Data Supplied On": ""},
			want: map[string]want{"B": unjudged("invalid medium E2")}},
	})
}

func TestIncidentReport(t *testing.T) {
	paras := map[string]string{"A": evidence.ParaReportA, "B": evidence.ParaReportB}
	// Aware Fri 15 May 2026: 10 Working Days later, across the Spring bank
	// holiday, is Mon 1 Jun 2026.
	aware := "2026-05-15"
	runIncidents(t, paras, []incidentCase{
		{name: "on the 10th Working Day", row: map[string]string{"Aware On": aware, "Notified On": aware, "Report Delivered On": "2026-06-01"},
			want: map[string]want{"A": {outcome: OK}, "B": {outcome: OK, deadline: "2026-06-01", margin: 0}}},
		{name: "the Working Day after", row: map[string]string{"Aware On": aware, "Notified On": aware, "Report Delivered On": "2026-06-02"},
			want: map[string]want{"A": {outcome: OK}, "B": {outcome: Gap, deadline: "2026-06-01", margin: -1, findings: []string{"violation low G2"},
				message: "Full report delivered on Tue 2 Jun 2026, 1 Working Day late: it was due by Mon 1 Jun 2026, 10 Working Days after the Agency became aware on Fri 15 May 2026"}}},
		// Aware Fri 16 Oct 2026: due Fri 30 Oct.
		{name: "the Saturday after a Friday deadline: 1 Working Day late", row: map[string]string{"Aware On": "2026-10-16", "Notified On": "2026-10-16", "Report Delivered On": "2026-10-31"},
			want: map[string]want{"A": {outcome: OK}, "B": {outcome: Gap, deadline: "2026-10-30", margin: -1, unit: WorkingDays, findings: []string{"violation low G2"},
				message: "Full report delivered on Sat 31 Oct 2026, 1 Working Day late"}}},
		{name: "none yet, as of the last day", asOf: "2026-06-01", row: map[string]string{"Aware On": aware, "Notified On": aware, "Report Delivered On": ""},
			want: map[string]want{"A": {}, "B": {outcome: Due, deadline: "2026-06-01", margin: 0}}},
		{name: "none, as of the day after", asOf: "2026-06-02", row: map[string]string{"Aware On": aware, "Notified On": aware, "Report Delivered On": ""},
			want: map[string]want{"A": {}, "B": {outcome: Gap, deadline: "2026-06-01", margin: -1, findings: []string{"violation high G2"},
				message: "No Report Delivered On date: full details of this actual Breach of Security"}}},
		{name: "attempted breaches need one", asOf: "2026-06-02", row: map[string]string{"Type": "attempted", "Aware On": aware, "Notified On": aware, "Report Delivered On": ""},
			want: map[string]want{"A": {}, "B": {outcome: Gap, findings: []string{"violation high G2"}}}},
		{name: "potential breaches do not", asOf: "2026-06-02", row: map[string]string{"Type": "potential", "Aware On": aware, "Notified On": aware, "Report Delivered On": ""},
			want: map[string]want{"A": {}, "B": {}}},
		{name: "a report on a potential breach is shown", row: map[string]string{"Type": "potential", "Aware On": aware, "Notified On": aware, "Report Delivered On": "2026-07-01"},
			want: map[string]want{"A": {outcome: OK}, "B": {outcome: OK}}},
		{name: "a report before the incident is invalid, and not delivered", row: map[string]string{"Aware On": aware, "Notified On": aware, "Report Delivered On": "2026-05-14"},
			want: map[string]want{"A": unjudged("invalid medium G2"), "B": {outcome: Gap, deadline: "2026-06-01", margin: -128, findings: []string{"violation high G2", "invalid medium G2"}}}},
	})
}

// An incident the Agency became aware of after the as-of date had not
// happened as of then: listed under each paragraph, judged under none. The
// issue's case: this year's register as of last year, with an incident
// from next February.
func TestIncidentAfterTheAsOfDate(t *testing.T) {
	later := want{outcome: Later, deadline: "-", detail: "aware 2027-02-05, after the as-of date (2026-11-27): not judged"}
	row := map[string]string{"Aware On": "2027-02-05", "Notified On": "2027-02-08", "Data Requested On": "2027-02-05", "Report Delivered On": "2027-02-22"}
	for _, tt := range []struct {
		form string
		want map[string]want
	}{
		{"A", map[string]want{evidence.ParaNotifyA: later, evidence.ParaRecurA: later, evidence.ParaReportA: {}}},
		{"B", map[string]want{evidence.ParaNotifyB: later, evidence.ParaReportB: later, evidence.ParaDataB: later, evidence.ParaRecurB: later}},
	} {
		r := Evaluate(stIncInput(t, tt.form, "2026-11-27", nil, []string{incident(t, "INC-1", row)}))
		for para, w := range tt.want {
			w.verify(t, r, para, "INC-1")
		}
	}
	// Aware on the as-of date: judged.
	r := Evaluate(stIncInput(t, "B", "2026-11-27", nil, []string{incident(t, "INC-1", map[string]string{"Aware On": "2026-11-27", "Notified On": ""})}))
	want{outcome: Due}.by("2026-11-30", 1, WorkingDays).verify(t, r, evidence.ParaNotifyB, "INC-1")
	// Data requested after the as-of date, the incident before it.
	r = Evaluate(stIncInput(t, "B", "2026-11-27", nil, []string{incident(t, "INC-1", map[string]string{"Data Requested On": "2026-11-30"})}))
	want{outcome: Later, deadline: "-", detail: "data requested 2026-11-30, after the as-of date (2026-11-27): not judged"}.verify(t, r, evidence.ParaDataB, "INC-1")
}

func TestRecurringRootCause(t *testing.T) {
	rows := []string{
		// Listed first, but the Agency became aware of it last.
		incident(t, "INC-4", map[string]string{"Aware On": "2026-02-02", "Notified On": "2026-02-02", "Report Delivered On": "2026-02-03", "Root Cause": "Phishing email"}),
		incident(t, "INC-1", map[string]string{"Aware On": "2026-01-05", "Notified On": "2026-01-05", "Report Delivered On": "2026-01-06", "Root Cause": "Phishing email"}),
		// The same day as INC-1: not "later".
		incident(t, "INC-2", map[string]string{"Aware On": "2026-01-05", "Notified On": "2026-01-05", "Report Delivered On": "2026-01-06", "Root Cause": " phishing  EMAIL"}),
		// The next day, case and spaces aside the same cause.
		incident(t, "INC-3", map[string]string{"Aware On": "2026-01-06", "Notified On": "2026-01-06", "Report Delivered On": "2026-01-07", "Root Cause": "PhishingEmail"}),
		incident(t, "INC-5", map[string]string{"Aware On": "2026-03-02", "Notified On": "2026-03-02", "Report Delivered On": "2026-03-03", "Root Cause": "Phishing emails"}),
		incident(t, "INC-6", map[string]string{"Aware On": "2026-03-03", "Notified On": "2026-03-03", "Report Delivered On": "", "Root Cause": ""}),
		// After the as-of date: not yet happened, so not a recurrence.
		incident(t, "INC-7", map[string]string{"Aware On": "2027-02-03", "Notified On": "2027-02-03", "Report Delivered On": "", "Root Cause": "Phishing email"}),
	}
	for _, c := range []struct{ form, para string }{{"A", evidence.ParaRecurA}, {"B", evidence.ParaRecurB}} {
		t.Run("form "+c.form, func(t *testing.T) {
			r := Evaluate(stIncInput(t, c.form, "2026-11-27", nil, rows))
			for id, w := range map[string]want{
				"INC-1": {outcome: OK},
				"INC-2": {outcome: OK},
				"INC-3": {outcome: Gap, findings: []string{"violation high H5"}, message: "Same root cause as INC-2 (aware on Mon 5 Jan 2026): \"phishing  EMAIL\""},
				"INC-4": {outcome: Gap, findings: []string{"violation high H2"}, message: "Same root cause as INC-3 (aware on Tue 6 Jan 2026)"},
				"INC-5": {outcome: OK},
				"INC-6": {},
				"INC-7": {outcome: Later, detail: "aware 2027-02-03, after the as-of date (2026-11-27): not judged"},
			} {
				w.verify(t, r, c.para, id)
			}
			for _, f := range r.Findings {
				if !strings.HasPrefix(f.Paragraph, c.form+".") {
					t.Errorf("finding against %s", f.Paragraph)
				}
			}
		})
	}
}

// TestIncidentsBothForms: the same register judged under each form gives
// findings against that form's paragraphs only.
func TestIncidentsBothForms(t *testing.T) {
	rows := []string{
		incident(t, "INC-1", map[string]string{"Notified On": "", "Data Requested On": "2026-03-11", "Report Delivered On": "", "Root Cause": "Lost laptop"}),
		incident(t, "INC-2", map[string]string{"Aware On": "2026-04-01", "Notified On": "2026-04-01", "Root Cause": "lost LAPTOP", "Report Delivered On": "2026-04-02"}),
	}
	want := map[string][]string{
		"A": {"A.5.1 INC-1", "A.5.2.1(c) INC-2"},
		"B": {"B.8.1 INC-1", "B.8.2.1(d) INC-2", "B.8.2.1(e) INC-1", "B.8.2.1(f) INC-1"},
	}
	for form, w := range want {
		r := Evaluate(stIncInput(t, form, "2026-11-27", nil, rows))
		var got []string
		for _, f := range r.Findings {
			if f.Kind == Violation {
				got = append(got, f.Paragraph+" "+f.Subject)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, w) {
			t.Errorf("form %s: violations %q, want %q", form, got, w)
		}
	}
}

// TestSampleIncidentsAndSecurityTests: the incidents and security tests
// registers of the sample, under both forms.
func TestSampleIncidentsAndSecurityTests(t *testing.T) {
	r := sampleCase{
		keep: func(f Finding) bool { return under("B.6.", "B.8.")(f) && f.Kind != Missing },
		findings: []string{
			"B.6.5 violation critical RT-2026-01 J11",   // tests 1: same root cause again
			"B.6.1 violation high CT-2026-01 F13",       // tests 2: agreed after the start
			"B.6.2 violation high CT-2026-02 G14",       // tests 4: no results
			"B.6.4 violation high PT-2026-01 L10",       // tests 3: never remediated
			"B.8.1 violation high INC-2025-004 D5",      // incidents 1: notified late
			"B.8.2.1(d) violation high INC-2026-002 H7", // incidents 4: recurring root cause
			"B.8.2.1(e) violation high INC-2026-001 F6", // incidents 2: data late
			"B.8.2.1(f) violation high INC-2026-004 G9", // incidents 3: no report
		},
		// The boundary rows are on time, on their last day; the open items
		// due; a potential breach needs no report under B.8.2.1(f).
		pins: []pin{
			{evidence.ParaTestAnnual, "CT-2025-01", want{part: "agreed", outcome: OK, deadline: "2025-10-13", margin: 0}},
			{evidence.ParaTestResults, "CT-2025-01", want{outcome: OK, deadline: "2025-10-29", margin: 0}},
			{evidence.ParaTestResults, "PT-2026-01", want{outcome: OK, deadline: "2026-06-08", margin: 0}},
			{evidence.ParaTestAnnual, "PT-2026-01", want{part: "full-scope", outcome: OK, deadline: "2026-06-20", margin: 29}},
			{evidence.ParaTestRemedy, "CT-2026-01", want{outcome: Due, deadline: "2026-12-11", margin: 10}},
			{evidence.ParaNotifyB, "INC-2025-003", want{outcome: OK, deadline: "2025-09-15", margin: 0}},
			{evidence.ParaDataB, "INC-2025-003", want{outcome: OK, deadline: "2025-09-17", margin: 0}},
			{evidence.ParaDataB, "INC-2026-003", want{outcome: OK, deadline: "2026-05-27", margin: 0}},
			{evidence.ParaReportB, "INC-2026-005", want{outcome: Due, deadline: "2026-12-08", margin: 7}},
			{evidence.ParaReportB, "INC-2026-001", want{}},
		},
	}.run(t)
	if f := r.Findings[0]; f.Paragraph != evidence.ParaTestRepeat {
		t.Errorf("first finding %+v, want the material Default", f)
	}
	// Form A: paragraph 5 only; no report is a gap there.
	sampleCase{
		form: "A",
		keep: func(f Finding) bool { return under("A.5.")(f) && f.Kind != Missing },
		findings: []string{
			"A.5.1 violation high INC-2025-004 D5",
			"A.5.2.1(c) violation high INC-2026-002 H7",
		},
		sources: []string{"incidents"},
		// Every incident under A.5.1; every one with a root cause under
		// A.5.2.1(c); the delivered reports under A.5.2.1(d).
		checks: map[string]int{evidence.ParaNotifyA: 9, evidence.ParaRecurA: 8, evidence.ParaReportA: 6},
	}.run(t)
}
