package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// TestSamplePatchingAndReports evaluates the checked-in sample evidence:
// the findings of the vulnerability and monthly report registers are
// exactly those documented in package internal/sample.
func TestSamplePatchingAndReports(t *testing.T) {
	r := Evaluate(sampleInput(t))
	var got []string
	for _, f := range r.Findings {
		if f.Pos.File == "evidence/vulnerabilities.xlsx" || f.Pos.File == "evidence/vulnerability-reports.xlsx" {
			got = append(got, fmt.Sprintf("%s %s %s %s %s", f.Paragraph, f.Kind, f.Severity, f.Subject, f.Pos.Cell))
		}
	}
	want := []string{
		"B.9.3 violation critical VUL-0011 E12", // vulnerabilities 1: Critical applied 4 days late
		"B.9.3 violation critical VUL-0022 E23", // vulnerabilities 2: Important unpatched past due
		"B.9.7 violation critical VUL-0011 E12", // the Defaults
		"B.9.7 violation critical VUL-0022 E23",
		"B.9.5.5 violation high 2025-12 B10",    // reports 1: December 2025 late
		"B.9.5.5 violation high 2026-02 ",       // reports 2: no report for February 2026
		"B.9.3.2 violation medium VUL-0020 F21", // vulnerabilities 6: extension for Other
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	type outcome struct {
		para, subject string
		outcome       Outcome
		deadline      string
		margin        int
		unit          Unit
	}
	for _, w := range []outcome{
		{evidence.ParaPatching, "VUL-0011", Gap, "2025-11-27", -4, "days"},               // 1
		{evidence.ParaPatchDefault, "VUL-0011", Gap, "2025-11-27", -4, "days"},           // 1
		{evidence.ParaPatching, "VUL-0022", Gap, "2026-10-15", -43, "days"},              // 2
		{evidence.ParaPatching, "VUL-0024", Due, "2027-01-15", 32, "working days"},       // 3
		{evidence.ParaPatching, "VUL-0023", Exception, "", 0, ""},                        // 4
		{evidence.ParaNotExploitable, "VUL-0023", Exception, "", 0, ""},                  // 4
		{evidence.ParaPatching, "VUL-0019", Exception, "2026-08-02", 2, "days"},          // 5
		{evidence.ParaExtension, "VUL-0019", OK, "", 0, ""},                              // 5
		{evidence.ParaExtension, "VUL-0020", Gap, "", 0, ""},                             // 6
		{evidence.ParaPatching, "VUL-0020", OK, "2026-10-28", 34, "working days"},        // 6
		{evidence.ParaPatching, "VUL-0021", Exception, "2026-10-04", 3, "days"},          // 7
		{evidence.ParaClientAgreed, "VUL-0021", OK, "", 0, ""},                           // 7
		{evidence.ParaPatching, "VUL-0018", OK, "2026-06-29", 5, "days"},                 // 8
		{evidence.ParaNotExploitable, "VUL-0018", OK, "", 0, ""},                         // 8
		{evidence.ParaPatching, "VUL-0006", OK, "2025-07-15", 0, "days"},                 // boundaries
		{evidence.ParaPatching, "VUL-0015", OK, "2026-03-16", 0, "days"},                 //
		{evidence.ParaPatching, "VUL-0008", OK, "2025-09-28", 2, "days"},                 //
		{evidence.ParaPatching, "VUL-0012", OK, "2026-02-13", 0, "working days"},         //
		{evidence.ParaPatching, "VUL-0016", OK, "2026-06-08", 0, "working days"},         //
		{evidence.ParaMonthlyReport, "2025-12", Gap, "2026-01-08", -2, "working days"},   // reports 1
		{evidence.ParaMonthlyReport, "2026-02", Gap, "2026-03-06", -185, "working days"}, // reports 2
		{evidence.ParaMonthlyReport, "2026-04", OK, "2026-05-08", 0, "working days"},     // boundaries
		{evidence.ParaMonthlyReport, "2026-05", OK, "2026-06-05", 0, "working days"},     //
		{evidence.ParaMonthlyReport, "2026-03", OK, "2026-04-09", 1, "working days"},     //
		{evidence.ParaMonthlyReport, "2026-10", OK, "2026-11-06", 2, "working days"},     // the last full month
	} {
		cs := checks(r, w.para, w.subject)
		if len(cs) != 1 {
			t.Errorf("%s %s: %d checks, want 1", w.para, w.subject, len(cs))
			continue
		}
		c, d := cs[0], ""
		if !c.Deadline.IsZero() {
			d = c.Deadline.Format(time.DateOnly)
		}
		if c.Outcome != w.outcome || d != w.deadline || c.Margin != w.margin || c.Unit != w.unit {
			t.Errorf("%s %s: %s, deadline %q, margin %d %s; want %s, %q, %d %s (%s)", w.para, w.subject, c.Outcome, d, c.Margin, c.Unit, w.outcome, w.deadline, w.margin, w.unit, c.Detail)
		}
	}

	// One check a row under B.9.2 and B.9.3; one a month from April 2025
	// to October 2026 under B.9.5.5.
	count := map[string]int{}
	for _, c := range r.Checks {
		count[c.Paragraph]++
	}
	if count[evidence.ParaSeverity] != 25 || count[evidence.ParaPatching] != 25 || count[evidence.ParaMonthlyReport] != 19 {
		t.Errorf("checks: %d under B.9.2, %d under B.9.3, %d under B.9.5.5; want 25, 25, 19",
			count[evidence.ParaSeverity], count[evidence.ParaPatching], count[evidence.ParaMonthlyReport])
	}
	for p, want := range map[string]Status{
		evidence.ParaSeverity: Covered, evidence.ParaPatching: GapStatus, evidence.ParaNotExploitable: Covered,
		evidence.ParaExtension: GapStatus, evidence.ParaClientAgreed: Covered, evidence.ParaPatchDefault: GapStatus,
		evidence.ParaMonthlyReport: GapStatus,
	} {
		if s := status(t, r, p); s.Status != want {
			t.Errorf("%s: %s, want %s", p, s.Status, want)
		}
	}
}
