package rules

import (
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// TestSamplePatchingAndReports: the vulnerability and monthly report
// registers of the sample.
func TestSamplePatchingAndReports(t *testing.T) {
	const d, wd = "days", "working days"
	sampleCase{
		keep: from("evidence/vulnerabilities.xlsx", "evidence/vulnerability-reports.xlsx"),
		findings: []string{
			"B.9.3 violation critical VUL-0011 E12", // vulnerabilities 1: Critical applied 4 days late
			"B.9.3 violation critical VUL-0022 E23", // vulnerabilities 2: Important unpatched past due
			"B.9.7 violation critical VUL-0011 E12", // the Defaults
			"B.9.7 violation critical VUL-0022 E23",
			"B.9.5.5 violation high 2025-12 B10",    // reports 1: December 2025 late
			"B.9.5.5 violation high 2026-02 ",       // reports 2: no report for February 2026
			"B.9.3.2 violation medium VUL-0020 F21", // vulnerabilities 6: extension for Other
		},
		pins: []pin{
			{evidence.ParaPatching, "VUL-0011", want{outcome: Gap, deadline: "2025-11-27", margin: -4, unit: d}},                     // 1
			{evidence.ParaPatchDefault, "VUL-0011", want{outcome: Gap, deadline: "2025-11-27", margin: -4, unit: d}},                 // 1
			{evidence.ParaPatching, "VUL-0022", want{outcome: Gap, deadline: "2026-10-15", margin: -43, unit: d}},                    // 2
			{evidence.ParaPatching, "VUL-0024", want{outcome: Due, deadline: "2027-01-15", margin: 32, unit: wd}},                    // 3
			{evidence.ParaPatching, "VUL-0023", want{outcome: Exception, deadline: "-"}},                                             // 4
			{evidence.ParaNotExploitable, "VUL-0023", want{outcome: Exception, deadline: "-"}},                                       // 4
			{evidence.ParaPatching, "VUL-0019", want{outcome: Exception, deadline: "2026-08-02", margin: 2, unit: d}},                // 5
			{evidence.ParaExtension, "VUL-0019", want{outcome: OK, deadline: "-"}},                                                   // 5
			{evidence.ParaExtension, "VUL-0020", want{outcome: Gap, deadline: "-"}},                                                  // 6
			{evidence.ParaPatching, "VUL-0020", want{outcome: OK, deadline: "2026-10-28", margin: 34, unit: wd}},                     // 6
			{evidence.ParaPatching, "VUL-0021", want{outcome: Exception, deadline: "2026-10-04", margin: 3, unit: d}},                // 7
			{evidence.ParaClientAgreed, "VUL-0021", want{outcome: OK, deadline: "-"}},                                                // 7
			{evidence.ParaPatching, "VUL-0018", want{outcome: OK, deadline: "2026-06-29", margin: 5, unit: d}},                       // 8
			{evidence.ParaNotExploitable, "VUL-0018", want{outcome: OK, deadline: "-"}},                                              // 8
			{evidence.ParaPatching, "VUL-0006", want{outcome: OK, deadline: "2025-07-15", margin: 0, unit: d}},                       // boundaries
			{evidence.ParaPatching, "VUL-0015", want{outcome: OK, deadline: "2026-03-16", margin: 0, unit: d}},                       //
			{evidence.ParaPatching, "VUL-0008", want{outcome: OK, deadline: "2025-09-28", margin: 2, unit: d}},                       //
			{evidence.ParaPatching, "VUL-0012", want{outcome: OK, deadline: "2026-02-13", margin: 0, unit: wd}},                      //
			{evidence.ParaPatching, "VUL-0016", want{outcome: OK, deadline: "2026-06-08", margin: 0, unit: wd}},                      //
			{evidence.ParaMonthlyReport, "2025-12", want{outcome: Gap, deadline: "2026-01-08", margin: -2, unit: wd}},                // reports 1
			{evidence.ParaMonthlyReport, "2026-02", want{outcome: Gap, deadline: "2026-03-06", margin: -185, unit: wd, noRow: true}}, // reports 2
			{evidence.ParaMonthlyReport, "2026-04", want{outcome: OK, deadline: "2026-05-08", margin: 0, unit: wd}},                  // boundaries
			{evidence.ParaMonthlyReport, "2026-05", want{outcome: OK, deadline: "2026-06-05", margin: 0, unit: wd}},                  //
			{evidence.ParaMonthlyReport, "2026-03", want{outcome: OK, deadline: "2026-04-09", margin: 1, unit: wd}},                  //
			{evidence.ParaMonthlyReport, "2026-10", want{outcome: OK, deadline: "2026-11-06", margin: 2, unit: wd}},                  // the last full month
		},
		// One check a row under B.9.2 and B.9.3; one a month from April
		// 2025 to October 2026 under B.9.5.5; one an exception claimed
		// (4, 8; 5, 6; 7) and one a Default (1, 2).
		sources: []string{"vulnerabilities", "vulnerability-reports"},
		checks: map[string]int{
			evidence.ParaSeverity: 25, evidence.ParaPatching: 25, evidence.ParaMonthlyReport: 19,
			evidence.ParaNotExploitable: 2, evidence.ParaExtension: 2, evidence.ParaClientAgreed: 1, evidence.ParaPatchDefault: 2,
		},
		status: map[string]Status{
			evidence.ParaSeverity: Covered, evidence.ParaPatching: GapStatus, evidence.ParaNotExploitable: Covered,
			evidence.ParaExtension: GapStatus, evidence.ParaClientAgreed: Covered, evidence.ParaPatchDefault: GapStatus,
			evidence.ParaMonthlyReport: GapStatus,
		},
	}.run(t)
}
