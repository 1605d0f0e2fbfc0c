package rules

import (
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// ruleCase is one row of a rule's boundary table: NS-1's register row (and
// perhaps training), the as-of date and what the rule must find for NS-1.
type ruleCase struct {
	name     string
	asOf     string // default 2026-11-27
	row      map[string]string
	training []string
	courses  []string
	interval int // [rules] training_interval_months; 0: the default
	want     want
	// more checks on the single check, when there is one.
	check func(t *testing.T, c Check, fs []Finding)
}

func runRule(t *testing.T, para string, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup{asOf: tt.asOf, staff: []string{person(t, "NS-1", tt.row)}, training: tt.training, courses: tt.courses, trainingMonths: tt.interval}
			r := s.eval(t)
			tt.want.verify(t, r, para, "NS-1")
			if tt.check != nil {
				cs := checks(r, para, "NS-1")
				if len(cs) != 1 {
					t.Fatalf("%d checks, want 1", len(cs))
				}
				tt.check(t, cs[0], findings(r, para, "NS-1"))
			}
		})
	}
}

func TestPreEmployment(t *testing.T) {
	const start, d = "2025-04-01", "days"
	ok := want{outcome: OK}
	runRule(t, evidence.ParaPreEmployment, []ruleCase{
		{name: "all checks on the start date", row: map[string]string{"Identity Check": start, "Criminal Record Check": start, "Right To Work Check": start},
			want: ok.by(start, 0, d)},
		{name: "checks before the start date, margin is the least", row: map[string]string{"Identity Check": "2025-03-01", "Criminal Record Check": "2025-03-22", "Right To Work Check": "2025-03-11"},
			want: ok.by(start, 10, d)},
		{name: "identity check one day after", row: map[string]string{"Identity Check": "2025-04-02"},
			want: want{outcome: Gap, findings: []string{"violation high I2"}, deadline: start, margin: -1, unit: d,
				message: "Identity Check on Wed 2 Apr 2025 is 1 day after the Start Date (Tue 1 Apr 2025)"}},
		{name: "criminal record check one day after", row: map[string]string{"Criminal Record Check": "2025-04-02"},
			want: gap("violation high J2")},
		// Started before the contract began: the checks were due by its
		// first day, not by the person's own Start Date.
		{name: "started before the contract, checked after starting, before the contract", row: map[string]string{"Start Date": "2025-03-03", "Identity Check": "2025-03-20", "Criminal Record Check": "2025-03-03", "Right To Work Check": "2025-03-03"},
			want: ok.by(start, 12, d)},
		{name: "started before the contract, checked the day after it began", row: map[string]string{"Start Date": "2025-03-03", "Identity Check": "2025-04-02"},
			want: want{outcome: Gap, findings: []string{"violation high I2"}, deadline: start, margin: -1, unit: d,
				message: "Identity Check on Wed 2 Apr 2025 is 1 day after the contract's Start Date (Tue 1 Apr 2025; the person started on Mon 3 Mar 2025, before the contract began)"}},
		{name: "right to work check a month after", row: map[string]string{"Right To Work Check": "2025-05-01"},
			want: gap("violation high K2").by(start, -30, d)},
		{name: "every check late", row: map[string]string{"Identity Check": "2025-04-02", "Criminal Record Check": "2025-04-03", "Right To Work Check": "2025-04-04"},
			want: gap("violation high I2", "violation high J2", "violation high K2").by(start, -3, d)},
		{name: "no criminal record check", row: map[string]string{"Criminal Record Check": ""},
			want: gap("violation high J2"), check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.HasPrefix(fs[0].Message, "No Criminal Record Check date") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "no identity check: overdue since the Start Date, the row's worst", row: map[string]string{"Identity Check": "", "Criminal Record Check": "2025-03-22", "Right To Work Check": "2025-03-11"},
			want: gap("violation high I2").by(start, -605, d)},
		{name: "no checks at all", row: map[string]string{"Identity Check": "", "Criminal Record Check": "", "Right To Work Check": ""},
			want: gap("violation high I2", "violation high J2", "violation high K2")},
		// An unreadable check date counts as not done: the breach beside
		// the invalid finding.
		{name: "unreadable identity check: not done", row: map[string]string{"Identity Check": "tbc"},
			want: gap("violation high I2", "invalid medium I2").by(start, -605, d), check: func(t *testing.T, c Check, fs []Finding) {
				if c.Detail != "Identity Check unreadable" || !strings.HasPrefix(fs[0].Message, "The Identity Check date cannot be read (an invalid finding at the cell), so the check counts as not done") {
					t.Errorf("detail %q, message %q", c.Detail, fs[0].Message)
				}
			}},
		{name: "unreadable identity check and a late one", row: map[string]string{"Identity Check": "tbc", "Right To Work Check": "2025-04-02"},
			want: gap("violation high I2", "violation high K2", "invalid medium I2")}, // most severe first
		{name: "UK text date read day first", row: map[string]string{"Identity Check": "'01/04/2025", "Criminal Record Check": "'2/4/2025"},
			want: gap("violation high J2")},
		{name: "a leaver is checked too", row: map[string]string{"End Date": "2025-06-30", "Access Revoked": "2025-06-30", "Right To Work Check": "2025-04-02"},
			want: gap("violation high K2")},
		{name: "unreadable start date", row: map[string]string{"Start Date": "soon", "Identity Check": "2030-01-01"},
			want: unjudged("invalid medium E2")},
	})
}

func TestClearanceRole(t *testing.T) {
	runRule(t, evidence.ParaClearanceRole, []ruleCase{
		{name: "privileged, government data, none required", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "None", "Clearance Held": ""},
			want: gap("violation medium L2")},
		{name: "privileged, no government data, none required", row: map[string]string{"Privileged Access": "Yes", "Government Data Access": "No", "Clearance Required": "None"},
			want: want{outcome: OK}},
		{name: "government data, not privileged, none required", row: map[string]string{"Clearance Required": "None"},
			want: want{outcome: OK}},
		{name: "privileged, government data, BPSS required", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "BPSS"},
			want: want{outcome: OK}},
		{name: "privileged, government data, SC required", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "SC", "Clearance Held": "SC"},
			want: want{outcome: OK}},
		{name: "leaver ignored", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "None", "End Date": "2026-11-26", "Access Revoked": "2026-11-26"},
			want: want{}},
		{name: "leaving on the as-of date is still in post", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "None", "End Date": "2026-11-27"},
			want: gap("violation medium L2")},
		{name: "unreadable clearance required", row: map[string]string{"Privileged Access": "Yes", "Clearance Required": "Secret"},
			want: unjudged("invalid medium L2")},
	})
}

func TestClearanceHeld(t *testing.T) {
	const asOf = "2026-11-27"
	runRule(t, evidence.ParaClearanceHeld, []ruleCase{
		{name: "held equals required", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC"}, want: want{outcome: OK}},
		{name: "held above required", row: map[string]string{"Clearance Required": "CTC", "Clearance Held": "eDV"}, want: want{outcome: OK}},
		{name: "held one level below", row: map[string]string{"Clearance Required": "CTC", "Clearance Held": "BPSS"},
			want: gap("violation high M2"), check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.HasPrefix(fs[0].Message, "Holds BPSS; the role requires CTC:") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "eDV required, DV held", row: map[string]string{"Clearance Required": "eDV", "Clearance Held": "DV"}, want: gap("violation high M2")},
		{name: "none held", row: map[string]string{"Clearance Required": "BPSS", "Clearance Held": ""},
			want: gap("violation high M2"), check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.HasPrefix(fs[0].Message, "Holds no clearance; the role requires BPSS") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "held below, with an exception", row: map[string]string{"Clearance Required": "DV", "Clearance Held": "SC", "Exception Reference": "CLIENT-AGREE-1"},
			want: want{outcome: Exception, detail: "CLIENT-AGREE-1"}},
		{name: "expires on the as-of date", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": asOf},
			want: want{outcome: OK}.by(asOf, 0, "days")},
		{name: "expired the day before", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": "2026-11-26"},
			want: gap("violation high N2").by("2026-11-26", -1, "days")},
		{name: "expired, with an exception", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": "2026-11-26", "Exception Reference": "CLIENT-AGREE-2"},
			want: want{outcome: Exception}},
		{name: "none required", row: map[string]string{"Clearance Required": "None", "Clearance Held": ""}, want: want{}},
		{name: "leaver holding less is ignored", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "BPSS", "End Date": "2026-11-26", "Access Revoked": "2026-11-26"},
			want: want{}},
		{name: "leaver with an expired clearance is ignored", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": "2026-01-01", "End Date": "2025-12-31", "Access Revoked": "2025-12-31"},
			want: want{}},
		{name: "leaving on the as-of date is still in post", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "BPSS", "End Date": asOf},
			want: gap("violation high M2")},
		// An unreadable Clearance Held is none; an unreadable expiry cannot
		// show a clearance current, but does not hide one too low.
		{name: "unreadable clearance held: none", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "Secret"},
			want: gap("violation high M2", "invalid medium M2"), check: func(t *testing.T, c Check, fs []Finding) {
				if c.Detail != "holds no clearance; the role requires SC" {
					t.Errorf("detail %q", c.Detail)
				}
			}},
		{name: "unreadable clearance held, agreed by the Client", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "Secret", "Exception Reference": "EX-1"},
			want: want{outcome: Exception, findings: []string{"invalid medium M2"}}},
		{name: "starting after the as-of date: listed, not judged", row: map[string]string{"Start Date": "2026-11-28", "Clearance Required": "SC", "Clearance Held": ""},
			want: want{outcome: Later, deadline: "-", detail: "starts 2026-11-28, after the as-of date (2026-11-27): not judged"}},
		{name: "starting on the as-of date: judged", row: map[string]string{"Start Date": "2026-11-27", "Clearance Required": "SC", "Clearance Held": ""},
			want: gap("violation high M2")},
		{name: "unreadable expiry of a clearance high enough: not judged", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": "never"},
			want: unjudged("invalid medium N2")},
		{name: "unreadable expiry of a clearance too low: still a breach", row: map[string]string{"Clearance Required": "SC", "Clearance Held": "BPSS", "Clearance Expiry": "never"},
			want: gap("violation high M2", "invalid medium N2")},
	})
}

// Annex 1 6.4 at the agreed interval (default 12 Months). NS-1 starts on
// Tue 1 Apr 2025, the contract's first day, unless a case says otherwise:
// the first course is due by Wed 1 Apr 2026. As of Fri 27 Nov 2026.
func TestTraining(t *testing.T) {
	const sim, d = "Secure Information Management", "days"
	tr := func(completed ...string) []string {
		var rows []string
		for _, c := range completed {
			rows = append(rows, "NS-1\t"+sim+"\t"+c)
		}
		return rows
	}
	starts := func(day string) map[string]string { return map[string]string{"Start Date": day} }
	overdue := gap("violation high C2")
	none := gap("violation high G2")
	runRule(t, evidence.ParaTraining, []ruleCase{
		// A starter: the first course is due within 12 Months after the
		// Start Date, and only overdue after it.
		{name: "a starter four weeks in, no training: due, not a breach", row: starts("2026-10-30"),
			want: want{outcome: Due, detail: "started 2026-10-30; no training yet, the first due by 2027-10-30"}.by("2027-10-30", 337, d)},
		{name: "a starter on the last day of the first interval: due", row: starts("2025-11-27"), want: want{outcome: Due}.by("2026-11-27", 0, d)},
		{name: "a starter the first day after it: overdue", row: starts("2025-11-26"), want: none.by("2026-11-26", -1, d),
			check: func(t *testing.T, c Check, fs []Finding) {
				want := "Has access to Government Data but no training on secure information management on record by Fri 27 Nov 2026: the first was due within 12 Months after the Start Date (Wed 26 Nov 2025), by Thu 26 Nov 2026 (1 day overdue)."
				if fs[0].Message != want || fs[0].Pos.File() != "evidence/staff.xlsx" {
					t.Errorf("finding at %s: %q\nwant the Government Data Access cell: %q", fs[0].Pos, fs[0].Message, want)
				}
			}},
		{name: "the first course on the last day", training: tr("2026-04-01"), want: want{outcome: OK}.by("2027-04-01", 125, d)},
		{name: "the first course the day after: late", training: tr("2026-04-02"), want: gap("violation low C2").by("2026-04-01", -1, d),
			check: func(t *testing.T, c Check, fs []Finding) {
				want := "Training (Secure Information Management) on Thu 2 Apr 2026 was 1 day late: it was due within 12 Months after the Start Date (Tue 1 Apr 2025), by Wed 1 Apr 2026."
				if fs[0].Message != want || c.Detail != "trained 2026-04-02, 1 day late (due by 2026-04-01)" {
					t.Errorf("message %q, detail %q\nwant %q", fs[0].Message, c.Detail, want)
				}
			}},
		{name: "a course before the start counts", training: tr("2025-03-20"), asOf: "2026-03-20", want: want{outcome: OK}.by("2026-03-20", 0, d)},

		// Then no gap longer than the interval, and the latest current.
		{name: "exactly 12 Months before", training: tr("2025-11-27"), want: want{outcome: OK}.by("2026-11-27", 0, d)},
		{name: "12 Months and a day before: overdue", training: tr("2025-11-26"),
			want: overdue.by("2026-11-26", -1, d), check: func(t *testing.T, c Check, fs []Finding) {
				want := "Latest training (Secure Information Management) was on Wed 26 Nov 2025, more than 12 Months before Fri 27 Nov 2026: it was due again by Thu 26 Nov 2026 (1 day overdue)."
				if fs[0].Message != want || fs[0].Pos.File() != "evidence/training.xlsx" {
					t.Errorf("finding at %s: %q\nwant the training register's Completed cell: %q", fs[0].Pos, fs[0].Message, want)
				}
			}},
		{name: "a gap of exactly 12 Months", training: tr("2025-05-01", "2026-05-01"), want: want{outcome: OK}.by("2027-05-01", 155, d)},
		{name: "a gap of 12 Months and a day: late", training: tr("2025-05-01", "2026-05-02"),
			want: gap("violation low C3").by("2026-05-01", -1, d), check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.HasSuffix(fs[0].Message, "it was due within 12 Months after the course before (Thu 1 May 2025), by Fri 1 May 2026.") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "late, then overdue: both", training: tr("2026-04-02"), asOf: "2027-04-03", want: gap("violation high C2", "violation low C2").by("2026-04-01", -1, d)},
		{name: "on the as-of date", row: starts("2026-06-01"), training: tr("2026-11-27"), want: want{outcome: OK}.by("2027-11-27", 365, d)},
		{name: "28 Feb to 28 Feb", asOf: "2026-02-28", training: tr("2025-02-28"), want: want{outcome: OK}},
		{name: "28 Feb to 1 Mar", asOf: "2026-03-01", training: tr("2025-02-28"), want: overdue},
		{name: "leap day clamps to 28 Feb", row: starts("2027-06-01"), asOf: "2029-02-28", training: tr("2028-02-29"), want: want{outcome: OK}.by("2029-02-28", 0, d)},
		{name: "leap day, a day later", row: starts("2027-06-01"), asOf: "2029-03-01", training: tr("2028-02-29"), want: overdue},
		{name: "across 29 Feb 2028: a year, not 365 days", row: starts("2026-06-01"), asOf: "2028-03-01", training: tr("2027-03-01"), want: want{outcome: OK}},
		{name: "across 29 Feb 2028, a day later", row: starts("2026-06-01"), asOf: "2028-03-02", training: tr("2027-03-01"), want: overdue},
		{name: "31 Aug to 31 Aug", asOf: "2026-08-31", training: tr("2025-08-31"), want: want{outcome: OK}},
		{name: "the latest counts", training: tr("2024-01-01", "2026-01-01", "2025-01-01"), want: want{outcome: OK}.by("2027-01-01", 35, d)},
		{name: "the latest is overdue, at its own cell", training: tr("2024-01-01", "2025-10-01", "2025-01-01"), want: gap("violation high C3")},

		// Long-serving staff: nothing is late before the contract began.
		{name: "long-serving, last trained long before the contract: overdue since its start", row: starts("2015-01-05"), training: tr("2023-01-10"),
			want: overdue.by("2025-04-01", -605, d), check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.Contains(fs[0].Message, "it was due again by Tue 1 Apr 2025, the contract's Start Date (the period ended on Wed 10 Jan 2024, before the contract began) (605 days overdue)") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "long-serving, trained on the contract's first day and within a year since", row: starts("2015-01-05"), training: tr("2023-01-10", "2025-04-01", "2026-03-30"),
			want: want{outcome: OK}.by("2027-03-30", 123, d)},
		{name: "long-serving, the last day of the interval", row: starts("2015-01-05"), asOf: "2026-06-10", training: tr("2024-06-10", "2025-06-10"), want: want{outcome: OK}.by("2026-06-10", 0, d)},
		{name: "long-serving, the first day out", row: starts("2015-01-05"), asOf: "2026-06-11", training: tr("2024-06-10", "2025-06-10"), want: gap("violation high C3").by("2026-06-10", -1, d)},

		// The agreed interval.
		{name: "every 24 Months", interval: 24, training: tr("2025-01-01"), want: want{outcome: OK}.by("2027-01-01", 35, d)},
		{name: "every 24 Months: a starter's first course", interval: 24, row: starts("2025-11-26"), want: want{outcome: Due}.by("2027-11-26", 364, d)},
		{name: "every 6 Months", interval: 6, training: tr("2025-09-30", "2026-03-30", "2026-09-29"), want: want{outcome: OK}.by("2027-03-29", 122, d)},
		{name: "every 6 Months, two days late", interval: 6, training: tr("2025-09-30", "2026-04-01", "2026-09-30"), want: gap("violation low C3").by("2026-03-30", -2, d)},

		{name: "Staff ID in another case", training: []string{"ns-1\t" + sim + "\t2026-01-01"}, want: want{outcome: OK}},
		{name: "no training", want: none.by("2026-04-01", -240, d), check: func(t *testing.T, c Check, fs []Finding) {
			if fs[0].Pos.File() != "evidence/staff.xlsx" {
				t.Errorf("finding at %s, want the staff register's Government Data Access cell", fs[0].Pos)
			}
		}},
		{name: "training after the as-of date does not count", training: tr("2026-11-28"),
			want: none, check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.Contains(c.Detail, "a course dated 2026-11-28 is after the as-of date and not counted") {
					t.Errorf("detail %q", c.Detail)
				}
			}},
		{name: "starting after the as-of date: listed, not judged", row: starts("2026-11-28"),
			want: want{outcome: Later, deadline: "-", detail: "starts 2026-11-28, after the as-of date (2026-11-27): not judged"}},
		{name: "unreadable completion date", training: tr("tbc"), want: want{outcome: Gap, part: "no training", findings: []string{"violation high G2", "invalid medium C2"}}},
		{name: "no government data access", row: map[string]string{"Government Data Access": "No"}, want: want{}},
		{name: "leaver ignored", row: map[string]string{"End Date": "2026-11-26", "Access Revoked": "2026-11-26"}, want: want{}},
		{name: "leaving on the as-of date is still in post", row: map[string]string{"End Date": "2026-11-27"}, want: none},
		{name: "course filter: another course does not count", courses: []string{sim},
			training: []string{"NS-1\tPhishing Awareness\t2026-01-01"}, want: none},
		{name: "course filter: any case and spacing", courses: []string{" secure information management "},
			// Due by 2027-01-01 from the SIM course, not the later phishing one.
			training: []string{"NS-1\tPhishing Awareness\t2026-11-01", "NS-1\tSECURE INFORMATION MANAGEMENT\t2026-01-01"}, want: want{outcome: OK}.by("2027-01-01", 35, d)},
		{name: "no course filter: every course counts", training: []string{"NS-1\tPhishing Awareness\t2026-01-01"}, want: want{outcome: OK}},
	})
}

func TestRevocation(t *testing.T) {
	leaver := func(end, revoked string) map[string]string {
		return map[string]string{"End Date": end, "Access Revoked": revoked}
	}
	const wd = "working days"
	ok, due, late := want{outcome: OK}, want{outcome: Due}, gap("violation high O2")
	runRule(t, evidence.ParaRevocation, []ruleCase{
		// Friday 13 March 2026: the deadline is Monday 16th.
		{name: "weekend: revoked on the end date", row: leaver("2026-03-13", "2026-03-13"), want: ok.by("2026-03-16", 1, wd)},
		{name: "weekend: revoked on Saturday", row: leaver("2026-03-13", "2026-03-14"), want: ok.by("2026-03-16", 1, wd)},
		{name: "weekend: revoked on Monday", row: leaver("2026-03-13", "2026-03-16"), want: ok.by("2026-03-16", 0, wd)},
		{name: "weekend: revoked on Tuesday", row: leaver("2026-03-13", "2026-03-17"), want: late.by("2026-03-16", -1, wd)},
		// Thursday 12 March 2026: the deadline is Friday 13th.
		{name: "revoked the Saturday after a Friday deadline is 1 Working Day late", row: leaver("2026-03-12", "2026-03-14"), want: late.by("2026-03-13", -1, wd),
			check: func(t *testing.T, c Check, fs []Finding) {
				if c.MarginText() != "1 Working Day late" || !strings.HasPrefix(fs[0].Message, "Access revoked on Sat 14 Mar 2026, 1 Working Day late") {
					t.Errorf("margin %q, message %q", c.MarginText(), fs[0].Message)
				}
			}},
		// Friday 22 May 2026; Monday 25th is the Spring bank holiday.
		{name: "bank holiday: revoked Tuesday", row: leaver("2026-05-22", "2026-05-26"), want: ok.by("2026-05-26", 0, wd)},
		{name: "bank holiday: revoked Wednesday", row: leaver("2026-05-22", "2026-05-27"), want: late.by("2026-05-26", -1, wd), check: func(t *testing.T, c Check, fs []Finding) {
			if !strings.Contains(fs[0].Message, "Access revoked on Wed 27 May 2026, 1 Working Day late") || !strings.Contains(fs[0].Message, "due by Tue 26 May 2026") {
				t.Errorf("message %q", fs[0].Message)
			}
		}},
		// Wednesday 24 December 2025; Christmas, Boxing Day, the weekend.
		{name: "Christmas: revoked Monday 29th", row: leaver("2025-12-24", "2025-12-29"), want: ok.by("2025-12-29", 0, wd)},
		{name: "Christmas: revoked Tuesday 30th", row: leaver("2025-12-24", "2025-12-30"), want: late.by("2025-12-29", -1, wd)},
		{name: "Christmas: revoked on Boxing Day", row: leaver("2025-12-24", "2025-12-26"), want: ok},
		{name: "UK text dates", row: leaver("'22/05/2026", "'26/05/2026"), want: ok},
		// As of Friday 27 November 2026.
		{name: "not revoked, left on the as-of date", row: leaver("2026-11-27", ""), want: due.by("2026-11-30", 1, wd)},
		{name: "not revoked, deadline is the as-of date", row: leaver("2026-11-26", ""), want: due.by("2026-11-27", 0, wd)},
		{name: "not revoked, deadline passed", row: leaver("2026-11-25", ""), want: late.by("2026-11-26", -1, wd), check: func(t *testing.T, c Check, fs []Finding) {
			if !strings.HasPrefix(fs[0].Message, "Left on Wed 25 Nov 2026 but no Access Revoked date") {
				t.Errorf("message %q", fs[0].Message)
			}
		}},
		{name: "not revoked, deadline passed over the weekend", asOf: "2026-11-30", row: leaver("2026-11-26", ""), want: late.by("2026-11-27", -1, wd)},
		{name: "not revoked, Friday leaver seen on Sunday", asOf: "2026-11-29", row: leaver("2026-11-27", ""), want: due},
		{name: "end date after the as-of date: listed, not judged", row: leaver("2026-11-28", ""),
			want: want{outcome: Later, deadline: "-", detail: "leaves 2026-11-28, after the as-of date (2026-11-27): not judged"}},
		{name: "end date on the as-of date: judged", row: leaver("2026-11-27", ""), want: want{outcome: Due}.by("2026-11-30", 1, wd)},
		{name: "in post", row: nil, want: want{}},
		{name: "unreadable revocation date: not revoked", row: leaver("2026-03-13", "asap"), want: gap("violation high O2", "invalid medium O2").by("2026-03-16", -179, wd),
			check: func(t *testing.T, c Check, fs []Finding) {
				if !strings.HasSuffix(fs[0].Message, "The date recorded cannot be read (an invalid finding at the cell), so it counts as not done.") {
					t.Errorf("message %q", fs[0].Message)
				}
			}},
		{name: "unreadable revocation date, not yet due", asOf: "2026-03-16", row: leaver("2026-03-13", "asap"), want: want{outcome: Due, findings: []string{"invalid medium O2"}}.by("2026-03-16", 0, wd)},
		{name: "unreadable end date", row: leaver("last week", ""), want: unjudged("invalid medium F2")},
	})
}

// TestPeopleIsolated checks that one person's findings do not leak onto
// another: a compliant colleague has only OK checks.
func TestPeopleIsolated(t *testing.T) {
	s := setup{
		staff: []string{
			person(t, "NS-1", map[string]string{"Identity Check": "2025-05-01", "Clearance Held": "", "End Date": "2026-11-20"}),
			person(t, "NS-2", map[string]string{"Privileged Access": "Yes", "Clearance Required": "SC", "Clearance Held": "SC", "Clearance Expiry": "2030-01-01"}),
		},
		training: []string{"NS-2\tSIM\t2026-03-31"},
	}
	r := s.eval(t)
	if got := findings(r, evidence.ParaPreEmployment, "NS-1"); len(got) != 1 {
		t.Errorf("NS-1 6.1 findings %v, want 1", got)
	}
	for _, f := range r.Findings {
		if f.Subject == "NS-2" {
			t.Errorf("NS-2 finding: %+v", f)
		}
	}
	n := 0
	for _, c := range r.Checks {
		if c.Subject != "NS-2" {
			continue
		}
		n++
		if c.Outcome != OK {
			t.Errorf("NS-2 check %+v, want ok", c)
		}
	}
	if n != 4 { // 6.1, 6.2, 6.3, 6.4; not a leaver
		t.Errorf("NS-2 has %d checks, want 4", n)
	}
}
