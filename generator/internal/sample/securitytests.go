package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// SecurityTests returns the security tests register, sheet "Tests": one row
// per finding, a test with no findings on one row with Finding Type none.
//
// Northgate runs an IT Health Check across the full scope of the ISMS each
// year (PT-2025-01 ending Fri 20 Jun 2025, PT-2026-01 ending Fri 22 May
// 2026: each within 12 Months of the last), targeted tests after changes,
// and retests of the findings. Everything is compliant except these
// findings (cells of the written workbook, sheet "Tests"):
//
//  1. B.6.5, critical: RT-2026-01 (row 11) re-tests F-2026-01, a
//     potential breach with root cause "Unpatched VPN appliance firmware",
//     and finds F-2026-04, again a potential breach, with root cause
//     "unpatched VPN  appliance firmware" (J11): the same cause, ignoring
//     case and spaces, so a material Default.
//  2. B.6.1, high: CT-2026-01 (row 13) started Mon 14 Sep 2026 but the
//     Client agreed it on Tue 15 Sep (F13), a day after.
//  3. B.6.4, high: F-2026-03 (row 10), a weakness found by PT-2026-01, has
//     no Remediated On date (L10) and no retest; 60 Working Days after the
//     End Date ran out on Mon 17 Aug 2026.
//  4. B.6.2, high: CT-2026-02 (row 14) ended Fri 30 Oct 2026 and its
//     results are not delivered (G14); 10 Working Days ran out on Fri 13
//     Nov 2026.
//
// Boundary rows, compliant: CT-2025-01 (row 6) was agreed on its Start Date
// and its results delivered on the 10th Working Day after its End Date (Wed
// 29 Oct 2025); PT-2026-01's results were delivered on Mon 8 Jun 2026, the
// 10th Working Day after Fri 22 May 2026 across the Spring bank holiday.
// Still due, not a gap: F-2026-05 (row 13), remediated, awaiting its
// retest, which is due by Fri 11 Dec 2026. RT-2025-01 names a whole test
// (PT-2025-01) in Retest Of; its Results Delivered On is a UK text date.
func SecurityTests() workbook.Sheet {
	return sheet("security-tests", securityTestRows())
}

func securityTestRows() [][]string {
	const (
		ithc   = "IT Health Check (full ISMS scope)"
		retest = "Retest"
		y, n   = "Yes", "No"
	)
	return [][]string{
		// ID, Start, End, Type, Full scope, Agreed, Results, Finding ID, Finding Type, Root Cause, Retest Of, Remediated
		{"PT-2025-01", "2025-06-09", "2025-06-20", ithc, y, "2025-05-19", "2025-07-03", "F-2025-01", "potential-breach", "Default credentials on the monitoring console", "", "2025-06-24"},
		{"PT-2025-01", "2025-06-09", "2025-06-20", ithc, y, "2025-05-19", "2025-07-03", "F-2025-02", "weakness", "TLS 1.0 enabled on the public load balancer", "", "2025-07-15"},
		{"PT-2025-01", "2025-06-09", "2025-06-20", ithc, y, "2025-05-19", "2025-07-03", "F-2025-03", "weakness", "Missing HTTP security headers on the portal", "", "2025-07-22"},
		{"RT-2025-01", "2025-08-04", "2025-08-05", retest, n, "2025-07-28", "'08/08/2025", "", "none", "", "PT-2025-01", ""},
		// Boundary: agreed on the Start Date; results on the 10th Working Day.
		{"CT-2025-01", "2025-10-13", "2025-10-15", "Penetration test after the VPN gateway replacement", n, "2025-10-13", "2025-10-29", "F-2025-04", "weakness", "Overly permissive firewall rule for the management VLAN", "", "2025-10-22"},
		{"RT-2025-02", "2025-11-10", "2025-11-10", retest, n, "2025-11-03", "2025-11-12", "", "none", "", "F-2025-04", ""},
		// Boundary: results on the 10th Working Day across the Spring bank holiday.
		{"PT-2026-01", "2026-05-11", "2026-05-22", ithc, y, "2026-04-20", "2026-06-08", "F-2026-01", "potential-breach", "Unpatched VPN appliance firmware", "", "2026-06-05"},
		{"PT-2026-01", "2026-05-11", "2026-05-22", ithc, y, "2026-04-20", "2026-06-08", "F-2026-02", "weakness", "Weak password policy on the admin portal", "", "2026-06-12"},
		// Finding 3: never remediated or re-tested.
		{"PT-2026-01", "2026-05-11", "2026-05-22", ithc, y, "2026-04-20", "2026-06-08", "F-2026-03", "weakness", "Verbose error messages on the reporting API", "", ""},
		// Finding 1: the same root cause again: a material Default.
		{"RT-2026-01", "2026-07-06", "2026-07-07", retest, n, "2026-06-29", "2026-07-10", "F-2026-04", "potential-breach", "unpatched VPN  appliance firmware", "F-2026-01, F-2026-02", "2026-07-14"},
		{"RT-2026-02", "2026-07-27", "2026-07-27", retest, n, "2026-07-20", "2026-07-31", "", "none", "", "F-2026-04", ""},
		// Finding 2: agreed the day after the start. F-2026-05's retest is still due.
		{"CT-2026-01", "2026-09-14", "2026-09-18", "Web application test after the portal release", n, "2026-09-15", "2026-09-25", "F-2026-05", "weakness", "Stored cross-site scripting in the feedback form", "", "2026-10-05"},
		// Finding 4: no results delivered.
		{"CT-2026-02", "2026-10-26", "2026-10-30", "Cloud configuration review after the storage migration", n, "2026-10-19", "", "", "none", "", "", ""},
	}
}
