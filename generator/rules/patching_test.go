package rules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// patchRow returns a vulnerability row: a Critical patch released on
// Monday 2026-03-02, not applied, no exception (the register's example
// row, unapplied), with the named columns replaced by set.
func patchRow(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "vulnerabilities", id, map[string]string{"Patch Applied": ""}, set)
}

// vulnSetup is an evaluation of the vulnerability and report registers:
// each as TSV rows under its standard header (nil: no file).
type vulnSetup struct {
	form        string
	asOf        string
	vulns       []string
	reports     []string // "month\tissued"
	reportsFrom string   // default the contract start, 2025-04-01; "none" for unset
}

func (s vulnSetup) input(t testing.TB) Input {
	t.Helper()
	in := setup{form: s.form, asOf: s.asOf}.inputWith(t, loadRegisters(t, map[string][]string{"vulnerabilities": s.vulns, "vulnerability-reports": s.reports}))
	switch s.reportsFrom {
	case "":
	case "none":
		in.Config.Contract.ReportsFrom = time.Time{}
	default:
		in.Config.Contract.ReportsFrom = date(t, s.reportsFrom)
	}
	return in
}

func (s vulnSetup) eval(t testing.TB) Result {
	t.Helper()
	return Evaluate(s.input(t))
}

// patchParas are the paragraphs the vulnerability register is judged
// against.
var patchParas = []string{
	evidence.ParaSeverity, evidence.ParaPatching, evidence.ParaNotExploitable,
	evidence.ParaExtension, evidence.ParaClientAgreed, evidence.ParaPatchDefault,
}

// patchCase is one row of a patching table: VUL-1's row and what each
// paragraph must show for it. Paragraphs not named in want must show
// nothing, except B.9.2, which is then not looked at.
type patchCase struct {
	name string
	asOf string
	row  map[string]string
	want map[string]want
	// The B.9.3 check's deadline (yyyy-mm-dd), margin and unit, when due
	// is set; "-" for a check with no deadline.
	due    string
	margin int
	unit   Unit
	// Parts of the B.9.3 check's detail and of its finding's message.
	detail, message string
}

func runPatching(t *testing.T, tests []patchCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := vulnSetup{asOf: tt.asOf, vulns: []string{patchRow(t, "VUL-1", tt.row)}}.eval(t)
			for _, para := range patchParas {
				w, ok := tt.want[para]
				if !ok && para == evidence.ParaSeverity {
					continue
				}
				if para == evidence.ParaPatching {
					w.deadline, w.margin, w.unit, w.detail, w.message = tt.due, tt.margin, tt.unit, tt.detail, tt.message
				}
				w.verify(t, r, para, "VUL-1")
			}
		})
	}
}

// invalid93 is w with B.9.3's unreadable cell: its invalid finding after
// the critical one.
func invalid93(w map[string]want, cell string) map[string]want {
	b93 := w[evidence.ParaPatching]
	b93.findings = append(slices.Clone(b93.findings), "invalid medium "+cell)
	return withWant(w, evidence.ParaPatching, b93)
}

// Expected results, by paragraph.
func ok93(o Outcome) map[string]want { return map[string]want{evidence.ParaPatching: {outcome: o}} }

// missed93 is a miss of B.9.3 at cell: critical findings against B.9.3 and
// B.9.7 (the Default), each with a gap check.
func missed93(cell string) map[string]want {
	w := gap("violation critical " + cell)
	return map[string]want{evidence.ParaPatching: w, evidence.ParaPatchDefault: w}
}

func TestPatchingCritical(t *testing.T) {
	const d = "days"
	runPatching(t, []patchCase{
		// Released Monday 2 March 2026: due Monday 16 March.
		{name: "applied on the 14th day", row: map[string]string{"Patch Applied": "2026-03-16"}, want: ok93(OK), due: "2026-03-16", margin: 0, unit: d,
			detail: "severity Critical (schedule category): due 14 days after release (2026-03-02), by 2026-03-16; applied 2026-03-16"},
		{name: "applied on the 15th day", row: map[string]string{"Patch Applied": "2026-03-17"}, want: missed93("E2"), due: "2026-03-16", margin: -1, unit: d,
			message: "Critical vulnerability (severity Critical (schedule category)) patched on Tue 17 Mar 2026, 1 day late: it was due within 14 days after its release on Mon 2 Mar 2026, by Mon 16 Mar 2026."},
		{name: "applied on the day of release", row: map[string]string{"Patch Applied": "2026-03-02"}, want: ok93(OK), due: "2026-03-16", margin: 14, unit: d},
		{name: "NVD High is Critical", row: map[string]string{"Severity": "High", "Patch Applied": "2026-03-17"}, want: missed93("E2"),
			detail: "severity High (NVD) = Critical: due 14 days after release"},
		{name: "CVSS 7.0 is Critical", row: map[string]string{"Severity": "7.0", "Patch Applied": "2026-03-17"}, want: missed93("E2")},
		{name: "CVSS 6.9 is Important", row: map[string]string{"Severity": "6.9", "Patch Applied": "2026-03-17"}, want: ok93(OK), due: "2026-04-01", margin: 15, unit: d},
		// Released Sunday 1 March 2026: due Sunday 15 March, no roll-forward.
		{name: "a Sunday deadline does not roll forward: applied Sunday", row: map[string]string{"Patch Released": "2026-03-01", "Patch Applied": "2026-03-15"},
			want: ok93(OK), due: "2026-03-15", margin: 0, unit: d},
		{name: "a Sunday deadline does not roll forward: applied Monday", row: map[string]string{"Patch Released": "2026-03-01", "Patch Applied": "2026-03-16"},
			want: missed93("E2"), due: "2026-03-15", margin: -1, unit: d},
		{name: "UK text dates", row: map[string]string{"Patch Released": "'02/03/2026", "Patch Applied": "'16/03/2026"}, want: ok93(OK), due: "2026-03-16", margin: 0, unit: d},
		// Not applied: released Friday 13 November 2026, due Friday 27th.
		{name: "unpatched, the as-of date is the deadline", asOf: "2026-11-27", row: map[string]string{"Patch Released": "2026-11-13"},
			want: ok93(Due), due: "2026-11-27", margin: 0, unit: d, detail: "; not yet applied"},
		{name: "unpatched a week before the deadline", asOf: "2026-11-20", row: map[string]string{"Patch Released": "2026-11-13"},
			want: ok93(Due), due: "2026-11-27", margin: 7, unit: d},
		{name: "unpatched the day after the deadline", asOf: "2026-11-28", row: map[string]string{"Patch Released": "2026-11-13"},
			want: missed93("E2"), due: "2026-11-27", margin: -1, unit: d,
			message: "Critical vulnerability (severity Critical (schedule category)) not patched by Sat 28 Nov 2026: it was due within 14 days after its release on Fri 13 Nov 2026, by Fri 27 Nov 2026 (1 day overdue)."},
		// Dates after the as-of date have not happened yet.
		{name: "applied after the as-of date, past the deadline", asOf: "2026-11-27", row: map[string]string{"Patch Released": "2026-11-01", "Patch Applied": "2026-12-01"},
			want: missed93("E2"), due: "2026-11-15", margin: -12, unit: d, detail: "applied 2026-12-01, after the as-of date"},
		{name: "applied after the as-of date, within the deadline", asOf: "2026-11-27", row: map[string]string{"Patch Released": "2026-11-20", "Patch Applied": "2026-11-30"},
			want: ok93(Due), due: "2026-12-04", margin: 7, unit: d},
		{name: "released after the as-of date: listed, not judged", asOf: "2026-11-27", row: map[string]string{"Patch Released": "2026-12-01", "Patch Applied": "2026-12-02"},
			want: withWant(ok93(Later), evidence.ParaSeverity, want{outcome: OK}), due: "-",
			detail: "severity Critical (schedule category): patch released 2026-12-01, after the as-of date (2026-11-27): not judged"},
		{name: "released on the as-of date: judged", asOf: "2026-11-27", row: map[string]string{"Patch Released": "2026-11-27"},
			want: ok93(Due), due: "2026-12-11", margin: 14, unit: d},
		{name: "no patch released yet", row: map[string]string{"Patch Released": ""}, want: ok93(Due), due: "-", detail: "no patch released yet"},
	})
}

func TestPatchingImportantAndOther(t *testing.T) {
	const d, wd = "days", "working days"
	runPatching(t, []patchCase{
		// Important, released Friday 29 August 2025: due Sunday 28
		// September, across the month end, no roll-forward.
		{name: "important: applied on the 30th day, a Sunday", row: map[string]string{"Severity": "Medium", "Patch Released": "2025-08-29", "Patch Applied": "2025-09-28"},
			want: ok93(OK), due: "2025-09-28", margin: 0, unit: d, detail: "severity Medium (NVD) = Important: due 30 days after release (2025-08-29), by 2025-09-28"},
		{name: "important: applied on the 31st day, a Monday", row: map[string]string{"Severity": "Medium", "Patch Released": "2025-08-29", "Patch Applied": "2025-09-29"},
			want: missed93("E2"), due: "2025-09-28", margin: -1, unit: d},
		// Released Friday 30 January 2026: 30 days across February.
		{name: "important: across February", row: map[string]string{"Severity": "Microsoft Important", "Patch Released": "2026-01-30", "Patch Applied": "2026-03-01"},
			want: ok93(OK), due: "2026-03-01", margin: 0, unit: d},
		{name: "important: across February, a day late", row: map[string]string{"Severity": "Microsoft Important", "Patch Released": "2026-01-30", "Patch Applied": "2026-03-02"},
			want: missed93("E2")},
		{name: "important: CVSS 4.0", row: map[string]string{"Severity": "4.0", "Patch Released": "2026-01-30", "Patch Applied": "2026-03-02"},
			want: missed93("E2"), due: "2026-03-01", margin: -1, unit: d},
		{name: "important: unpatched past the deadline", row: map[string]string{"Severity": "Important", "Patch Released": "2026-09-15"},
			want: missed93("E2"), due: "2026-10-15", margin: -43, unit: d,
			message: "Important vulnerability (severity Important (schedule category)) not patched by Fri 27 Nov 2026: it was due within 30 days after its release on Tue 15 Sep 2026, by Thu 15 Oct 2026 (43 days overdue)."},

		// Other, released Tuesday 13 January 2026: the 60th Working Day
		// after is Thursday 9 April, two days later than 60 weekdays
		// because of Good Friday (3 April) and Easter Monday (6 April).
		{name: "other: applied on the 60th Working Day, after Easter", row: map[string]string{"Severity": "Low", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-09"},
			want: ok93(OK), due: "2026-04-09", margin: 0, unit: wd,
			detail: "severity Low (NVD or Microsoft) = Other: due within 60 Working Days after release (2026-01-13), by 2026-04-09"},
		{name: "other: applied the next Working Day", row: map[string]string{"Severity": "Low", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-10"},
			want: missed93("E2"), due: "2026-04-09", margin: -1, unit: wd,
			message: "Other vulnerability (severity Low (NVD or Microsoft) = Other) patched on Fri 10 Apr 2026, 1 Working Day late: it was due within 60 Working Days after its release on Tue 13 Jan 2026, by Thu 9 Apr 2026."},
		{name: "other: applied on the 60th weekday, Easter not counted", row: map[string]string{"Severity": "Microsoft Moderate", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-07"},
			want: ok93(OK), due: "2026-04-09", margin: 2, unit: wd},
		{name: "other: applied on Good Friday", row: map[string]string{"Severity": "3.9", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-03"},
			want: ok93(OK), due: "2026-04-09", margin: 3, unit: wd},
		// Released Tuesday 18 November 2025: across Christmas, Boxing Day
		// and New Year's Day the 60th Working Day is Friday 13 February.
		{name: "other: applied on the 60th Working Day, after Christmas", row: map[string]string{"Severity": "Other", "Patch Released": "2025-11-18", "Patch Applied": "2026-02-13"},
			want: ok93(OK), due: "2026-02-13", margin: 0, unit: wd},
		{name: "other: applied the Saturday after", row: map[string]string{"Severity": "Other", "Patch Released": "2025-11-18", "Patch Applied": "2026-02-14"},
			want: missed93("E2"), due: "2026-02-13", margin: -1, unit: wd, message: "patched on Sat 14 Feb 2026, 1 Working Day late"},
		{name: "other: applied the Monday after", row: map[string]string{"Severity": "Other", "Patch Released": "2025-11-18", "Patch Applied": "2026-02-16"},
			want: missed93("E2"), due: "2026-02-13", margin: -1, unit: wd},
		{name: "other: unpatched, the as-of date is the deadline", asOf: "2026-04-09", row: map[string]string{"Severity": "Low", "Patch Released": "2026-01-13"},
			want: ok93(Due), due: "2026-04-09", margin: 0, unit: wd},
		{name: "other: unpatched on the Saturday after the deadline", asOf: "2026-02-14", row: map[string]string{"Severity": "Low", "Patch Released": "2025-11-18"},
			want: missed93("E2"), due: "2026-02-13", margin: -1, unit: wd},
		{name: "other: unpatched the Working Day after", asOf: "2026-04-10", row: map[string]string{"Severity": "Low", "Patch Released": "2026-01-13"},
			want: missed93("E2"), due: "2026-04-09", margin: -1, unit: wd},
		// Released Tuesday 20 October 2026: due Friday 15 January 2027,
		// 32 Working Days after the as-of date (Christmas Day, the Boxing
		// Day substitute on 28 December and New Year's Day excluded).
		{name: "other: unpatched within its period, across Christmas", row: map[string]string{"Severity": "Low", "Patch Released": "2026-10-20"},
			want: ok93(Due), due: "2027-01-15", margin: 32, unit: wd},
	})
}

// Nothing can be late before the contract began (Tue 1 Apr 2025): a patch
// released and due before it was due by its first day.
func TestPatchingBeforeTheContract(t *testing.T) {
	const d, wd = "days", "working days"
	const start = "Tue 1 Apr 2025, the contract's Start Date (the period ended on Sat 15 Mar 2025, before the contract began)"
	// Critical, released Sat 1 Mar 2025: 14 days end Sat 15 Mar.
	pre := func(set map[string]string) map[string]string {
		return withCells(map[string]string{"Patch Released": "2025-03-01"}, set)
	}
	runPatching(t, []patchCase{
		{name: "applied after the period, before the contract", row: pre(map[string]string{"Patch Applied": "2025-03-20"}),
			want: ok93(OK), due: "2025-04-01", margin: 12, unit: d, detail: "by 2025-04-01 (the contract's Start Date; the period ended 2025-03-15); applied 2025-03-20"},
		{name: "applied on the contract's first day", row: pre(map[string]string{"Patch Applied": "2025-04-01"}), want: ok93(OK), due: "2025-04-01", margin: 0, unit: d},
		{name: "applied the day after", row: pre(map[string]string{"Patch Applied": "2025-04-02"}), want: missed93("E2"), due: "2025-04-01", margin: -1, unit: d,
			message: "patched on Wed 2 Apr 2025, 1 day late: it was due within 14 days after its release on Sat 1 Mar 2025, by " + start + "."},
		{name: "never applied", row: pre(nil), want: missed93("E2"), due: "2025-04-01", margin: -605, unit: d,
			message: "by " + start + " (605 days overdue)."},
		// The extension counts from the end of the normal period (Sat 15
		// Mar + 5 days = Thu 20 Mar), not from the Start Date.
		{name: "an extension ending before the contract", row: pre(map[string]string{"Exception": "extension", "Test Plan Reference": "TP-1", "Patch Applied": "2025-04-02"}),
			want: withWant(missed93("E2"), evidence.ParaExtension, want{outcome: OK}), due: "2025-04-01", margin: -1, unit: d},
		// Important, released Mon 10 Mar 2025: 30 days end Wed 9 Apr, in
		// the contract: not moved.
		{name: "a period ending in the contract is not moved", row: pre(map[string]string{"Severity": "Important", "Patch Released": "2025-03-10", "Patch Applied": "2025-04-10"}),
			want: missed93("E2"), due: "2025-04-09", margin: -1, unit: d},
		// Other, released Mon 2 Dec 2024: 60 Working Days end in February.
		{name: "Working Days ending before the contract: late from its start", row: pre(map[string]string{"Severity": "Low", "Patch Released": "2024-12-02", "Patch Applied": "2025-04-02"}),
			want: missed93("E2"), due: "2025-04-01", margin: -1, unit: wd, message: "1 Working Day late"},
	})
	// The Default names the moved deadline too.
	r := vulnSetup{vulns: []string{patchRow(t, "VUL-1", pre(map[string]string{"Patch Applied": "2025-04-02"}))}}.eval(t)
	if fs := findings(r, evidence.ParaPatchDefault, "VUL-1"); len(fs) != 1 || !strings.Contains(fs[0].Message, "(due by "+start+"; applied Wed 2 Apr 2025)") {
		t.Errorf("B.9.7 findings %+v", fs)
	}
}

func TestPatchingOddRows(t *testing.T) {
	runPatching(t, []patchCase{
		{name: "applied before release", row: map[string]string{"Patch Applied": "2026-03-01"},
			want:    map[string]want{evidence.ParaPatching: noCheck("invalid medium E2"), evidence.ParaSeverity: {outcome: OK}},
			message: "Patch Applied Sun 1 Mar 2026 is before Patch Released Mon 2 Mar 2026"},
		{name: "unreadable severity", row: map[string]string{"Severity": "Severe", "Patch Applied": "2026-12-01"},
			want: map[string]want{evidence.ParaPatching: unjudged("invalid medium C2"), evidence.ParaSeverity: unjudged("invalid medium C2")}},
		{name: "unreadable release", row: map[string]string{"Patch Released": "tbc"},
			want: map[string]want{evidence.ParaPatching: unjudged("invalid medium D2"), evidence.ParaSeverity: {outcome: OK}}},
		// An unreadable optional cell is read the stricter way, and the
		// miss is still found beside the invalid finding.
		{name: "unreadable applied: not applied, a miss", row: map[string]string{"Patch Applied": "soon"},
			want: invalid93(missed93("E2"), "E2"), due: "2026-03-16", margin: -256, unit: "days",
			detail:  "not applied by 2026-11-27; Patch Applied cannot be read, so the patch counts as not applied",
			message: "Patch Applied cannot be read, so the patch counts as not applied."},
		{name: "unreadable exception: none, a miss", row: map[string]string{"Exception": "waiver", "Patch Applied": "2026-05-01"},
			want: invalid93(missed93("E2"), "F2"), due: "2026-03-16", margin: -46, unit: "days",
			detail: "applied 2026-05-01; the Exception cannot be read, so none is relied on", message: "The Exception cannot be read, so none is relied on."},
		{name: "CVSS 9.1 left unpatched, an unreadable exception: a miss", row: map[string]string{"Severity": "9.1", "Exception": "waived (see email)"},
			want: invalid93(missed93("E2"), "F2"), due: "2026-03-16", margin: -256, unit: "days"},
		{name: "unreadable exception, patched in time: ok", row: map[string]string{"Exception": "waiver", "Patch Applied": "2026-03-16"},
			want: map[string]want{evidence.ParaPatching: {outcome: OK, findings: []string{"invalid medium F2"}}}, due: "2026-03-16", margin: 0, unit: "days"},
		{name: "an empty exception is none", row: map[string]string{"Exception": "", "Patch Applied": "2026-03-17"}, want: missed93("E2")},
		{name: "exception columns without their exception are ignored",
			row:  map[string]string{"Patch Applied": "2026-03-17", "Exception Reference": "REF", "Agreed Days": "60", "Exploitable Since": "2026-03-10", "Test Plan Reference": "TP"},
			want: missed93("E2"), due: "2026-03-16", margin: -1, unit: "days"},
		{name: "unreadable agreed days without the exception: still judged", row: map[string]string{"Agreed Days": "0", "Patch Applied": "2026-03-16"},
			want: map[string]want{evidence.ParaPatching: {outcome: OK, findings: []string{"invalid medium H2"}}, evidence.ParaClientAgreed: unjudged("invalid medium H2")}},
	})
}

func TestPatchingNotExploitable(t *testing.T) {
	const d = "days"
	ne := func(set map[string]string) map[string]string {
		return withCells(map[string]string{"Exception": "not-exploitable", "Exception Reference": "NE-1"}, set)
	}
	exc := want{outcome: Exception}
	runPatching(t, []patchCase{
		{name: "with a reference, unpatched: an exception, no deadline", row: ne(nil),
			want: map[string]want{evidence.ParaPatching: exc, evidence.ParaNotExploitable: exc}, due: "-",
			detail: "severity Critical (schedule category): not exploitable in the Services (NE-1): no deadline runs while it stays so"},
		{name: "spelt Not exploitable", row: ne(map[string]string{"Exception": "Not exploitable"}),
			want: map[string]want{evidence.ParaPatching: exc, evidence.ParaNotExploitable: exc}, due: "-"},
		{name: "spelt not_exploitable", row: ne(map[string]string{"Exception": "not_exploitable"}),
			want: map[string]want{evidence.ParaPatching: exc, evidence.ParaNotExploitable: exc}, due: "-"},
		{name: "with a reference, patched months later", row: ne(map[string]string{"Patch Applied": "2026-06-01"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaNotExploitable: exc}, due: "-"},
		{name: "exploitable after the as-of date", asOf: "2026-11-27", row: ne(map[string]string{"Exploitable Since": "2026-12-01"}),
			want: map[string]want{evidence.ParaPatching: exc, evidence.ParaNotExploitable: exc}, due: "-"},
		// Released Tuesday 12 May 2026, exploitable from Monday 15 June: due
		// Monday 29 June.
		{name: "exploitable: applied on the 14th day after", row: ne(map[string]string{"Patch Released": "2026-05-12", "Exploitable Since": "2026-06-15", "Patch Applied": "2026-06-29"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaNotExploitable: {outcome: OK}}, due: "2026-06-29", margin: 0, unit: d,
			detail: "due 14 days after becoming exploitable (2026-06-15), by 2026-06-29"},
		{name: "exploitable: applied on the 15th day after", row: ne(map[string]string{"Patch Released": "2026-05-12", "Exploitable Since": "2026-06-15", "Patch Applied": "2026-06-30"}),
			want: withWant(missed93("E2"), evidence.ParaNotExploitable, want{outcome: OK}), due: "2026-06-29", margin: -1, unit: d,
			message: "it was due within 14 days after it became exploitable on Mon 15 Jun 2026, by Mon 29 Jun 2026"},
		{name: "exploitable: unpatched within the period", asOf: "2026-11-27", row: ne(map[string]string{"Patch Released": "2026-05-12", "Exploitable Since": "2026-11-20"}),
			want: map[string]want{evidence.ParaPatching: {outcome: Due}, evidence.ParaNotExploitable: {outcome: OK}}, due: "2026-12-04", margin: 7, unit: d},
		{name: "exploitable before the release: the period runs from the release", row: ne(map[string]string{"Exploitable Since": "2026-02-01", "Patch Applied": "2026-03-16"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaNotExploitable: {outcome: OK}}, due: "2026-03-16", margin: 0, unit: d,
			detail: "after release (2026-03-02; exploitable since 2026-02-01)"},
		{name: "Other, exploitable: 60 Working Days from then", row: ne(map[string]string{"Severity": "Low", "Patch Released": "2025-11-01", "Exploitable Since": "2026-01-13", "Patch Applied": "2026-04-10"}),
			want: withWant(missed93("E2"), evidence.ParaNotExploitable, want{outcome: OK}), due: "2026-04-09", margin: -1, unit: "working days"},
		{name: "no reference: a finding, and the normal period runs", row: ne(map[string]string{"Exception Reference": ""}),
			want: withWant(missed93("E2"), evidence.ParaNotExploitable, gap("violation medium G2")), due: "2026-03-16", margin: -256, unit: d},
		{name: "no reference, patched in the normal period", row: ne(map[string]string{"Exception Reference": "", "Patch Applied": "2026-03-16"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaNotExploitable: gap("violation medium G2")}},
		{name: "no reference: Exploitable Since does not move the start", row: ne(map[string]string{"Exception Reference": "", "Exploitable Since": "2026-06-15", "Patch Applied": "2026-06-20"}),
			want: withWant(missed93("E2"), evidence.ParaNotExploitable, gap("violation medium G2")), due: "2026-03-16", margin: -96, unit: d},
		{name: "unreadable Exploitable Since: the normal period from the release", row: ne(map[string]string{"Exploitable Since": "soon"}),
			want: withWant(invalid93(missed93("E2"), "I2"), evidence.ParaNotExploitable, unjudged("invalid medium I2")), due: "2026-03-16", margin: -256, unit: d,
			detail: "Exploitable Since cannot be read, so the normal period runs from the release"},
	})
}

func TestPatchingExtension(t *testing.T) {
	const d = "days"
	ext := func(set map[string]string) map[string]string {
		return withCells(map[string]string{"Exception": "extension", "Test Plan Reference": "TP-7"}, set)
	}
	okExt := map[string]want{evidence.ParaExtension: {outcome: OK}}
	runPatching(t, []patchCase{
		// Critical released Monday 2 March 2026: normally due Monday 16
		// March, with the extension Saturday 21 March.
		{name: "critical: applied on the 5th extra day", row: ext(map[string]string{"Patch Applied": "2026-03-21"}),
			want: withWant(okExt, evidence.ParaPatching, want{outcome: Exception}), due: "2026-03-21", margin: 0, unit: d,
			detail: "due 14 + 5 days after release (2026-03-02) with the extension (test plan TP-7), by 2026-03-21; applied 2026-03-21, after the normal deadline 2026-03-16"},
		{name: "critical: applied on the 6th extra day", row: ext(map[string]string{"Patch Applied": "2026-03-22"}),
			want: withWant(missed93("E2"), evidence.ParaExtension, want{outcome: OK}), due: "2026-03-21", margin: -1, unit: d},
		{name: "critical: applied within the normal period", row: ext(map[string]string{"Patch Applied": "2026-03-16"}),
			want: withWant(okExt, evidence.ParaPatching, want{outcome: OK}), due: "2026-03-21", margin: 5, unit: d},
		{name: "critical: unpatched within the extension", asOf: "2026-03-18", row: ext(nil),
			want: withWant(okExt, evidence.ParaPatching, want{outcome: Due}), due: "2026-03-21", margin: 3, unit: d},
		// Important released Tuesday 14 April 2026: normally due Thursday 14
		// May, with the extension Tuesday 19 May.
		{name: "important: applied on the 5th extra day", row: ext(map[string]string{"Severity": "Microsoft Important", "Patch Released": "2026-04-14", "Patch Applied": "2026-05-19"}),
			want: withWant(okExt, evidence.ParaPatching, want{outcome: Exception}), due: "2026-05-19", margin: 0, unit: d, detail: "due 30 + 5 days"},
		{name: "important: applied on the 6th extra day", row: ext(map[string]string{"Severity": "Microsoft Important", "Patch Released": "2026-04-14", "Patch Applied": "2026-05-20"}),
			want: withWant(missed93("E2"), evidence.ParaExtension, want{outcome: OK})},
		// Other: no extension; the normal 60 Working Days apply.
		{name: "other: a finding; applied on the 60th Working Day", row: ext(map[string]string{"Severity": "Low", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-09"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaExtension: gap("violation medium F2")}, due: "2026-04-09", margin: 0, unit: "working days"},
		{name: "other: a finding; applied the next Working Day", row: ext(map[string]string{"Severity": "3.9", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-10"}),
			want: withWant(missed93("E2"), evidence.ParaExtension, gap("violation medium F2"))},
		{name: "other, no test plan: one finding", row: ext(map[string]string{"Severity": "Other", "Test Plan Reference": "", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-09"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaExtension: gap("violation medium F2")}},
		{name: "no test plan: a finding, and the normal period applies", row: ext(map[string]string{"Test Plan Reference": "", "Patch Applied": "2026-03-19"}),
			want: withWant(missed93("E2"), evidence.ParaExtension, gap("violation medium J2")), due: "2026-03-16", margin: -3, unit: d},
		{name: "no test plan, applied in the normal period", row: ext(map[string]string{"Test Plan Reference": "", "Patch Applied": "2026-03-16"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaExtension: gap("violation medium J2")}},
		{name: "unreadable severity: the extension is not judged", row: ext(map[string]string{"Severity": "Severe", "Patch Applied": "2026-03-19"}),
			want: map[string]want{evidence.ParaPatching: unjudged("invalid medium C2")}},
	})
}

func TestPatchingClientAgreed(t *testing.T) {
	const d = "days"
	ca := func(set map[string]string) map[string]string {
		return withCells(map[string]string{"Exception": "client-agreed", "Exception Reference": "CA-1", "Agreed Days": "45",
			"Severity": "Important", "Patch Released": "2026-08-20"}, set)
	}
	okCA := map[string]want{evidence.ParaClientAgreed: {outcome: OK}}
	runPatching(t, []patchCase{
		{name: "spelt Client agreed", row: ca(map[string]string{"Exception": "Client agreed", "Patch Applied": "2026-10-04"}),
			want: withWant(okCA, evidence.ParaPatching, want{outcome: Exception}), due: "2026-10-04", margin: 0, unit: d},
		// Released Thursday 20 August 2026: 45 days is Sunday 4 October
		// (normally 30 days, Saturday 19 September).
		{name: "applied on the last agreed day", row: ca(map[string]string{"Patch Applied": "2026-10-04"}),
			want: withWant(okCA, evidence.ParaPatching, want{outcome: Exception}), due: "2026-10-04", margin: 0, unit: d,
			detail: "due 45 days after release (2026-08-20) as agreed with the Client (CA-1), by 2026-10-04; applied 2026-10-04, after the normal deadline 2026-09-19"},
		{name: "applied the day after", row: ca(map[string]string{"Patch Applied": "2026-10-05"}),
			want: withWant(missed93("E2"), evidence.ParaClientAgreed, want{outcome: OK}), due: "2026-10-04", margin: -1, unit: d},
		{name: "applied within the normal period", row: ca(map[string]string{"Patch Applied": "2026-09-19"}),
			want: withWant(okCA, evidence.ParaPatching, want{outcome: OK}), due: "2026-10-04", margin: 15, unit: d},
		{name: "a shorter agreed period binds", row: ca(map[string]string{"Severity": "Critical", "Agreed Days": "10", "Patch Released": "2026-03-02", "Patch Applied": "2026-03-13"}),
			want: withWant(missed93("E2"), evidence.ParaClientAgreed, want{outcome: OK}), due: "2026-03-12", margin: -1, unit: d},
		{name: "other: agreed days are calendar days", row: ca(map[string]string{"Severity": "Low", "Agreed Days": "100", "Patch Released": "2026-01-13", "Patch Applied": "2026-04-23"}),
			want: withWant(okCA, evidence.ParaPatching, want{outcome: Exception}), due: "2026-04-23", margin: 0, unit: d},
		{name: "one day agreed", row: ca(map[string]string{"Agreed Days": "1", "Patch Applied": "2026-08-21"}),
			want: withWant(okCA, evidence.ParaPatching, want{outcome: OK}), due: "2026-08-21", margin: 0, unit: d, detail: "due 1 day after release"},
		{name: "no agreed days: a finding, and the normal period applies", row: ca(map[string]string{"Agreed Days": "", "Patch Applied": "2026-09-20"}),
			want: withWant(missed93("E2"), evidence.ParaClientAgreed, gap("violation medium H2")), due: "2026-09-19", margin: -1, unit: d},
		{name: "no reference: a finding, and the normal period applies", row: ca(map[string]string{"Exception Reference": "", "Patch Applied": "2026-09-19"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaClientAgreed: gap("violation medium G2")}, due: "2026-09-19", margin: 0, unit: d},
		{name: "neither: two findings", row: ca(map[string]string{"Exception Reference": "", "Agreed Days": "", "Patch Applied": "2026-09-19"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK}, evidence.ParaClientAgreed: gap("violation medium G2", "violation medium H2")}},
		// Unreadable Agreed Days: the normal period applies.
		{name: "agreed days not a whole number: the normal period, a miss", row: ca(map[string]string{"Agreed Days": "12.5", "Patch Applied": "2026-10-04"}),
			want: withWant(invalid93(missed93("E2"), "H2"), evidence.ParaClientAgreed, unjudged("invalid medium H2")), due: "2026-09-19", margin: -15, unit: d,
			message: "Agreed Days cannot be read, so the normal period applies."},
		{name: "agreed days not a number, patched in the normal period", row: ca(map[string]string{"Agreed Days": "'six weeks", "Patch Applied": "2026-09-19"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK, findings: []string{"invalid medium H2"}}, evidence.ParaClientAgreed: unjudged("invalid medium H2")}, due: "2026-09-19", margin: 0, unit: d},
		{name: "agreed days unreadable, no reference: both said", row: ca(map[string]string{"Agreed Days": "'six weeks", "Exception Reference": "", "Patch Applied": "2026-09-19"}),
			want: map[string]want{evidence.ParaPatching: {outcome: OK, findings: []string{"invalid medium H2"}}, evidence.ParaClientAgreed: gap("violation medium G2", "invalid medium H2")}},
	})
}

// TestSeverityDetails: the B.9.2 check of every row shows how its rating
// maps to the category, and the period that follows.
func TestSeverityDetails(t *testing.T) {
	for _, tt := range []struct{ severity, detail string }{
		{"Critical", "severity Critical (schedule category): due 14 days after release"},
		{"Other", "severity Other (schedule category): due within 60 Working Days after release"},
		{"High", "severity High (NVD) = Critical: due 14 days after release"},
		{"NVD Medium", "severity Medium (NVD) = Important: due 30 days after release"},
		{"Low", "severity Low (NVD or Microsoft) = Other: due within 60 Working Days after release"},
		{"Microsoft Important", "severity Important (Microsoft) = Important: due 30 days after release"},
		{"Microsoft Moderate", "severity Moderate (Microsoft) = Other: due within 60 Working Days after release"},
		{"9.8", "severity 9.8 (CVSS base score) = Critical: due 14 days after release"},
		{"CVSS 5.3", "severity 5.3 (CVSS base score) = Important: due 30 days after release"},
		{"3.9", "severity 3.9 (CVSS base score) = Other: due within 60 Working Days after release"},
	} {
		r := vulnSetup{vulns: []string{patchRow(t, "VUL-1", map[string]string{"Severity": tt.severity, "Patch Applied": "2026-03-05"})}}.eval(t)
		cs := checks(r, evidence.ParaSeverity, "VUL-1")
		if len(cs) != 1 || cs[0].Outcome != OK || cs[0].Detail != tt.detail || cs[0].Pos.Cell() != "C2" {
			t.Errorf("%s: checks %+v, want one ok at C2: %q", tt.severity, cs, tt.detail)
		}
		if c := checks(r, evidence.ParaPatching, "VUL-1"); len(c) != 1 || !strings.HasPrefix(c[0].Detail, tt.detail) {
			t.Errorf("%s: B.9.3 checks %+v, want the mapping first", tt.severity, c)
		}
	}
}

// TestPatchingDefault: a miss raises exactly one critical finding against
// B.9.3 and one against B.9.7, for the same vulnerability at the same
// cell, and they lead the gaps list.
func TestPatchingDefault(t *testing.T) {
	r := vulnSetup{
		vulns: []string{
			patchRow(t, "VUL-1", map[string]string{"Patch Applied": "2026-03-17"}),
			patchRow(t, "VUL-2", map[string]string{"Patch Applied": "2026-03-16"}),
			patchRow(t, "VUL-3", map[string]string{"Severity": "Medium"}),
		},
	}.eval(t)
	var got []string
	for _, f := range r.Findings[:4] {
		got = append(got, f.Paragraph+" "+string(f.Severity)+" "+f.Subject+" "+f.Pos.Cell())
	}
	want := []string{"B.9.3 critical VUL-1 E2", "B.9.3 critical VUL-3 E4", "B.9.7 critical VUL-1 E2", "B.9.7 critical VUL-3 E4"}
	if !slices.Equal(got, want) {
		t.Errorf("first findings %q, want %q", got, want)
	}
	if s := status(t, r, evidence.ParaPatchDefault); s.Status != GapStatus {
		t.Errorf("B.9.7: %s, want gap", s.Status)
	}
	cs := checks(r, evidence.ParaPatchDefault, "VUL-1")
	if len(cs) != 1 || cs[0].Outcome != Gap || !strings.HasPrefix(cs[0].Detail, "Default (9.3 missed): severity Critical") || cs[0].Deadline.Format(time.DateOnly) != "2026-03-16" || cs[0].Margin != -1 {
		t.Errorf("B.9.7 checks %+v", cs)
	}
	fs := findings(r, evidence.ParaPatchDefault, "VUL-3")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Default under 9.7: VUL-3 missed its patching period under 9.3 (due by Wed 1 Apr 2026; still not applied on Fri 27 Nov 2026)") {
		t.Errorf("B.9.7 findings %+v", fs)
	}
	// Without a miss, B.9.7 has nothing to show: no evidence is expected.
	r = vulnSetup{vulns: []string{patchRow(t, "VUL-2", map[string]string{"Patch Applied": "2026-03-16"})}}.eval(t)
	if s := status(t, r, evidence.ParaPatchDefault); s.Status != Info || len(checks(r, evidence.ParaPatchDefault, "VUL-2")) != 0 {
		t.Errorf("B.9.7 with no miss: %s", s.Status)
	}
}

// TestPatchingStatuses: the register makes its paragraphs covered, and
// without it they are missing.
func TestPatchingStatuses(t *testing.T) {
	clean := []string{patchRow(t, "VUL-1", map[string]string{"Patch Applied": "2026-03-16"})}
	r := vulnSetup{vulns: clean}.eval(t)
	for _, p := range patchParas[:5] {
		if s := status(t, r, p); s.Status != Covered {
			t.Errorf("%s: %s (%s), want covered", p, s.Status, s.Reason)
		}
	}
	r = vulnSetup{}.eval(t)
	for _, p := range patchParas[:5] {
		if s := status(t, r, p); s.Status != MissingStat {
			t.Errorf("no register: %s: %s, want missing", p, s.Status)
		}
	}
}
