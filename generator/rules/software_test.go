package rules

import (
	"cmp"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// swRow returns a software row for product P: PostgreSQL 19.1 installed
// and latest, released 2026-09-24, no exception (the register's example
// row), with the named columns replaced by set.
func swRow(t testing.TB, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "software", "P", set)
}

// registerSheetsInput evaluates registers given as sheets by file name, with no
// staff or training registers.
func registerSheetsInput(t testing.TB, form, asOf string, sheets map[string]workbook.Sheet) Input {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, s := range sheets {
		b, err := workbook.Build(s)
		if err != nil {
			t.Fatalf("building %s: %v", name, err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return setup{form: form, asOf: asOf, noTraining: true}.inputWith(t, evidence.Load(fsys, "evidence"))
}

// swCase is one row of the B.9.4 boundary table: product P's row, the
// as-of date, and what each of B.9.4, B.9.4.1 and B.9.4.2 must show for P
// (a paragraph left out must have no check and no finding).
type swCase struct {
	name string
	asOf string
	row  map[string]string
	want map[string]want
	// The deadline and margin (in days) and part of the detail of the
	// check under at (default B.9.4), and part of its first finding's
	// message, added to its want; no other check has a deadline.
	at              string
	deadline        string
	margin          int
	detail, message string
}

func runSoftware(t *testing.T, tests []swCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(registerInput(t, "software", "B", tt.asOf, swRow(t, tt.row)))
			for _, p := range []string{evidence.ParaSoftware, evidence.ParaSoftwareMitigation, evidence.ParaSoftwareAgreed} {
				w := tt.want[p]
				if p == cmp.Or(tt.at, evidence.ParaSoftware) {
					w.deadline, w.margin, w.detail, w.message = tt.deadline, tt.margin, tt.detail, tt.message
				}
				switch {
				case w.outcome != "" && w.deadline == "":
					w.deadline = "-"
				case w.deadline != "":
					w.unit = "days"
				}
				w.verify(t, r, p, "P")
			}
		})
	}
}

func TestSoftwareUpgradeWindow(t *testing.T) {
	const b94 = evidence.ParaSoftware
	ok := map[string]want{b94: {outcome: OK}}
	due := map[string]want{b94: {outcome: Due}}
	late := map[string]want{b94: gap("violation high B2")}
	// Released Monday 31 August 2026: 6 Months later clamps to Sunday 28
	// February 2027, the last compliant day.
	n2 := map[string]string{"Installed Version": "'17.6", "Latest Version": "'19.0", "Latest Release Date": "2026-08-31"}
	runSoftware(t, []swCase{
		{name: "on the latest major", row: map[string]string{"Installed Version": "'19.0.1"}, want: ok, detail: "on the latest major version"},
		{name: "n-1 with the release long past: no clock", row: map[string]string{"Installed Version": "'18.3", "Latest Release Date": "2020-01-01"},
			want: ok, detail: "one major version behind (n-1, major 18 or later), allowed"},
		{name: "n-2, just released", asOf: "2026-08-31", row: n2, want: due, deadline: "2027-02-28", margin: 181,
			detail: "the upgrade to major 18 or later is due within 6 Months of the release, by 2027-02-28"},
		{name: "n-2, the last compliant day: 31 Aug + 6 Months = 28 Feb", asOf: "2027-02-28", row: n2, want: due, deadline: "2027-02-28", margin: 0},
		{name: "n-2, the day after", asOf: "2027-03-01", row: n2, want: late, deadline: "2027-02-28", margin: -1,
			message: "was due within 6 Months of that release, by Sun 28 Feb 2027 (1 day overdue)"},
		{name: "n-2, into a leap year: 31 Aug 2027 + 6 Months = 29 Feb 2028", asOf: "2028-02-29",
			row: map[string]string{"Installed Version": "'17.6", "Latest Version": "'19.0", "Latest Release Date": "2027-08-31"}, want: due, deadline: "2028-02-29", margin: 0},
		{name: "n-2, a day past the leap day", asOf: "2028-03-01",
			row: map[string]string{"Installed Version": "'17.6", "Latest Version": "'19.0", "Latest Release Date": "2027-08-31"}, want: late, margin: -1, deadline: "2028-02-29"},
		{name: "n-3 counts from the latest release, the only date on record", asOf: "2027-02-28",
			row: map[string]string{"Installed Version": "'16", "Latest Version": "'19.0", "Latest Release Date": "2026-08-31"}, want: due, deadline: "2027-02-28", margin: 0,
			detail: "3 major versions behind"},
		// A release after the as-of date had not happened as of then.
		{name: "released after the as-of date: listed, not judged", asOf: "2026-08-30", row: n2, want: map[string]want{b94: {outcome: Later}}, deadline: "-",
			detail: "installed 17.6 (major 17), latest 19.0 (major 19): latest major released 2026-08-31, after the as-of date (2026-08-30): not judged"},
		{name: "year-numbered majors with the previous major: n-1", row: map[string]string{"Installed Version": "2022", "Latest Version": "2025", "Latest Release Date": "2024-11-01", "Previous Major Version": "2022"},
			want: ok},
		{name: "year-numbered majors with the previous major: n-2, late", row: map[string]string{"Installed Version": "2019", "Latest Version": "2025", "Latest Release Date": "2024-11-01", "Previous Major Version": "2022"},
			want: late, deadline: "2025-05-01", margin: -575, detail: "two or more major versions behind; the upgrade to major 2022 or later was due within 6 Months of the release, by 2025-05-01"},
		{name: "Ubuntu LTS: the previous major closes the gap of two", row: map[string]string{"Installed Version": "'24.04.3", "Latest Version": "'26.04.1", "Latest Release Date": "2026-04-23", "Previous Major Version": "'24.04"},
			want: ok},
		{name: "Ubuntu LTS without the previous major reads as n-2", row: map[string]string{"Installed Version": "'24.04.3", "Latest Version": "'26.04.1", "Latest Release Date": "2026-04-23"},
			want: late, deadline: "2026-10-23", margin: -35},
		{name: "year-numbered majors without the previous major are invalid, not judged", row: map[string]string{"Installed Version": "2022", "Latest Version": "2025", "Latest Release Date": "2024-11-01"},
			want: map[string]want{b94: unjudged("invalid medium C2")}},
		{name: "installed newer than the latest on record is invalid", row: map[string]string{"Installed Version": "'20.0"},
			want: map[string]want{b94: unjudged("invalid medium C2")}},
		{name: "unreadable installed version", row: map[string]string{"Installed Version": "current"},
			want: map[string]want{b94: unjudged("invalid medium B2")}},
		{name: "n-2 with an unreadable release date: invalid only", row: map[string]string{"Installed Version": "'17.6", "Latest Release Date": "soon"},
			want: map[string]want{b94: unjudged("invalid medium D2"), evidence.ParaSoftwareMitigation: unjudged("invalid medium D2")}},
		{name: "n-1 with an unreadable release date is still ok", row: map[string]string{"Installed Version": "'18.0", "Latest Release Date": "soon"},
			want: map[string]want{b94: {outcome: OK, findings: []string{"invalid medium D2"}}, evidence.ParaSoftwareMitigation: unjudged("invalid medium D2")}},
		// An unreadable Previous Major Version is the latest less one.
		{name: "n-2 by the latest less one, the previous major unreadable", asOf: "2027-03-01", row: withCells(n2, map[string]string{"Previous Major Version": "'x"}),
			want:     map[string]want{b94: gap("violation high B2", "invalid medium E2")},
			deadline: "2027-02-28", margin: -1, detail: "the Previous Major Version cannot be read, so n-1 is major 18"},
		{name: "year-numbered majors with an unreadable previous major are not judged", row: map[string]string{"Installed Version": "2019", "Latest Version": "2025", "Latest Release Date": "2024-11-01", "Previous Major Version": "'x"},
			want: map[string]want{b94: unjudged("invalid medium E2")}},
		{name: "empty exception means none", asOf: "2027-03-01", row: withCells(n2, map[string]string{"Exception": ""}), want: late, deadline: "2027-02-28", margin: -1},
	})
}

func TestSoftwareMitigationReduction(t *testing.T) {
	const b94, b941 = evidence.ParaSoftware, evidence.ParaSoftwareMitigation
	// Released Sunday 31 August 2025: 6 Months end Saturday 28 February
	// 2026, 12 Months Monday 31 August 2026.
	row := map[string]string{"Installed Version": "'17.6", "Latest Version": "'19.0", "Latest Release Date": "2025-08-31",
		"Exception": "mitigation-reduction", "Exception Reference": "RISK-7"}
	noRef := withCells(row, map[string]string{"Exception Reference": ""})
	runSoftware(t, []swCase{
		{name: "inside the 6 Months: due by the 12", asOf: "2026-02-28", row: row, want: map[string]want{b941: {outcome: Due}},
			at: b941, deadline: "2026-08-31", margin: 184, detail: "is due within 12 Months of the release, by 2026-08-31, as upgrading reduces mitigations (RISK-7); 6 Months would end 2026-02-28"},
		{name: "a day past the 6 Months: an exception", asOf: "2026-03-01", row: row, want: map[string]want{b941: {outcome: Exception}},
			at: b941, deadline: "2026-08-31", margin: 183, detail: "past the 6-Month window (2026-02-28)"},
		{name: "the last day of the 12 Months", asOf: "2026-08-31", row: row, want: map[string]want{b941: {outcome: Exception}}, at: b941, deadline: "2026-08-31", margin: 0},
		{name: "the day after the 12 Months", asOf: "2026-09-01", row: row, want: map[string]want{b941: gap("violation high B2")},
			at: b941, deadline: "2026-08-31", margin: -1, message: "still due within 12 Months of the release, by Mon 31 Aug 2026 (1 day overdue)"},
		{name: "not needed at n-1", row: withCells(row, map[string]string{"Installed Version": "'18.2"}),
			want: map[string]want{b94: {outcome: OK}, b941: {outcome: OK, detail: "mitigation-reduction recorded (RISK-7) but not needed"}}},
		{name: "no reference: a finding here, and 9.4's 6 Months apply (last day)", asOf: "2026-02-28", row: noRef,
			want:     map[string]want{b94: {outcome: Due}, b941: {outcome: Gap, findings: []string{"violation medium G2"}, message: "Exception mitigation-reduction has no Exception Reference"}},
			deadline: "2026-02-28", margin: 0},
		{name: "no reference: 9.4's 6 Months apply (the day after)", asOf: "2026-03-01", row: noRef,
			want: map[string]want{b94: gap("violation high B2"), b941: gap("violation medium G2")}, deadline: "2026-02-28", margin: -1},
		{name: "no reference, not needed: still a finding", row: withCells(noRef, map[string]string{"Installed Version": "'19.0"}),
			want: map[string]want{b94: {outcome: OK}, b941: gap("violation medium G2")}},
		// An unreadable exception is none: 9.4's 6 Months apply, and the
		// breach is found beside the invalid finding.
		{name: "an unreadable exception at n-2: none, 9.4 applies (the last day)", asOf: "2026-02-28", row: withCells(row, map[string]string{"Exception": "mitigation"}),
			want:     map[string]want{b94: {outcome: Due}, b941: unjudged("invalid medium F2"), evidence.ParaSoftwareAgreed: unjudged("invalid medium F2")},
			deadline: "2026-02-28", margin: 0, detail: "; the Exception cannot be read, so none is relied on"},
		{name: "an unreadable exception at n-2: none, 9.4 applies (the day after)", asOf: "2026-03-01", row: withCells(row, map[string]string{"Exception": "mitigation"}),
			want:     map[string]want{b94: gap("violation high B2"), b941: unjudged("invalid medium F2"), evidence.ParaSoftwareAgreed: unjudged("invalid medium F2")},
			deadline: "2026-02-28", margin: -1, message: "(1 day overdue). The Exception cannot be read, so none is relied on."},
		{name: "an unreadable exception at n-1 is still ok", row: withCells(row, map[string]string{"Exception": "mitigation", "Installed Version": "'18"}),
			want:   map[string]want{b94: {outcome: OK}, b941: unjudged("invalid medium F2"), evidence.ParaSoftwareAgreed: unjudged("invalid medium F2")},
			detail: "allowed; the Exception cannot be read, so none is relied on"},
	})
}

func TestSoftwareClientAgreed(t *testing.T) {
	const b94, b942 = evidence.ParaSoftware, evidence.ParaSoftwareAgreed
	row := map[string]string{"Installed Version": "'15.2", "Latest Version": "'19.0", "Latest Release Date": "2024-09-26",
		"Exception": "Client-Agreed", "Exception Reference": "CLIENT-AGREE-9"}
	runSoftware(t, []swCase{
		{name: "n-4, agreed in writing: an exception with no deadline", row: row, want: map[string]want{b942: {outcome: Exception}},
			at: b942, detail: "the Client agreed in writing (CLIENT-AGREE-9)"},
		{name: "not needed at n-1", row: withCells(row, map[string]string{"Installed Version": "'18"}), want: map[string]want{b94: {outcome: OK}, b942: {outcome: OK}}},
		{name: "spelt Client agreed", row: withCells(row, map[string]string{"Exception": "Client agreed"}), want: map[string]want{b942: {outcome: Exception}}, at: b942},
		{name: "spelt client_agreed", row: withCells(row, map[string]string{"Exception": "client_agreed"}), want: map[string]want{b942: {outcome: Exception}}, at: b942},
		{name: "n-4 with an exception that cannot be read: none, and 9.4's breach", row: withCells(row, map[string]string{"Exception": "agreed by the client"}),
			want:     map[string]want{b94: gap("violation high B2"), evidence.ParaSoftwareMitigation: unjudged("invalid medium F2"), b942: unjudged("invalid medium F2")},
			deadline: "2025-04-01", margin: -605},
		{name: "no reference: a finding here, and 9.4 applies", row: withCells(row, map[string]string{"Exception Reference": ""}),
			want: map[string]want{b94: gap("violation high B2"), b942: gap("violation medium G2")}, deadline: "2025-04-01", margin: -605,
			detail:  "was due within 6 Months of the release, by 2025-04-01 (the contract's Start Date; the period ended 2025-03-26)",
			message: "by Tue 1 Apr 2025, the contract's Start Date (the period ended on Wed 26 Mar 2025, before the contract began) (605 days overdue)"},
	})
}

// Without the Exception Reference column, a claimed exception's finding
// points at the Exception cell.
func TestSoftwareNoReferenceColumn(t *testing.T) {
	header := "Product\tInstalled Version\tLatest Version\tLatest Release Date\tException"
	text := header + "\nP\t'18\t'19\t2026-01-05\tclient-agreed\n"
	r := Evaluate(registerSheetsInput(t, "B", "", map[string]workbook.Sheet{"software.xlsx": {Name: "Software", TSV: text}}))
	gap("violation medium E2").verify(t, r, evidence.ParaSoftwareAgreed, "P")
	want{outcome: OK}.verify(t, r, evidence.ParaSoftware, "P")
}

// TestSampleSoftware: the software register of the sample.
func TestSampleSoftware(t *testing.T) {
	sampleCase{
		keep:     under("B.9.4"),
		findings: []string{"B.9.4 violation high Elasticsearch B11"}, // 1
		pins: []pin{
			{evidence.ParaSoftware, "Elasticsearch", want{outcome: Gap, deadline: "2025-10-15", margin: -408}},                        // 1
			{evidence.ParaSoftware, "PostgreSQL", want{outcome: Due, deadline: "2027-03-24", margin: 117}},                            // 2
			{evidence.ParaSoftware, "Grafana Enterprise", want{outcome: Due, deadline: "2026-11-27", margin: 0}},                      // 3
			{evidence.ParaSoftware, "Ubuntu Server LTS", want{outcome: OK, deadline: "-"}},                                            // 4
			{evidence.ParaSoftwareMitigation, "GitLab (self-managed)", want{outcome: Exception, deadline: "2027-05-21", margin: 175}}, // 5
			{evidence.ParaSoftwareAgreed, "Microsoft SQL Server", want{outcome: Exception, deadline: "-"}},                            // 6
			{evidence.ParaSoftware, "Windows Server", want{outcome: OK, deadline: "-"}},
		},
		// One check a product: 14 under B.9.4, one under each exception.
		sources: []string{"software"},
		checks:  map[string]int{evidence.ParaSoftware: 14, evidence.ParaSoftwareMitigation: 1, evidence.ParaSoftwareAgreed: 1},
		status:  map[string]Status{evidence.ParaSoftware: GapStatus, evidence.ParaSoftwareMitigation: Covered, evidence.ParaSoftwareAgreed: Covered},
	}.run(t)
}
