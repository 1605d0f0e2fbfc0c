package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Incidents returns the incident register, sheet "Incidents": nine
// incidents in 2025 and 2026. Everything is compliant except these
// findings (cells of the written workbook, sheet "Incidents"; paragraphs
// of Part B, with the Part A equivalent where there is one):
//
//  1. B.8.1 / A.5.1, high: INC-2025-004 (row 5), a misdirected email: aware
//     Tue 4 Nov 2025, notified Thu 6 Nov (D5), a Working Day after the
//     next Working Day.
//  2. B.8.2.1(e), high: INC-2026-001 (row 6): data requested Thu 22 Jan
//     2026, supplied Tue 27 Jan (F6); the 2nd Working Day was Mon 26 Jan.
//  3. B.8.2.1(f), high: INC-2026-004 (row 9), cloud storage exposed: aware
//     Tue 18 Aug 2026, no full report (G9); due by Wed 2 Sep 2026, 10
//     Working Days later across the Summer bank holiday.
//  4. B.8.2.1(d) / A.5.2.1(c), high: INC-2026-002 (row 7), a phishing
//     compromise with root cause "phishing email:  No MFA on webmail"
//     (H7), the same (ignoring case and spaces) as INC-2025-001's.
//
// Boundary rows, compliant: INC-2025-003 (row 4), aware Fri 12 Sep 2025,
// notified on the next Working Day (Mon 15 Sep) and data requested that day
// supplied on the 2nd Working Day after (Wed 17 Sep, a UK text date);
// INC-2026-003 (row 8): data requested Fri 22 May 2026 supplied Wed 27 May,
// the 2nd Working Day after across the Spring bank holiday. Not gaps:
// INC-2026-001 is a potential breach, for which B.8.2.1(f) asks no report;
// INC-2026-005 (row 10), a lost phone on Tue 24 Nov 2026, has its report
// still due (by Tue 8 Dec 2026) and its root cause not yet known.
func Incidents() workbook.Sheet {
	return sheet("incidents", incidentRows())
}

func incidentRows() [][]string {
	return [][]string{
		// ID, Type, Aware, Notified, Data Requested, Data Supplied, Report, Root Cause
		{"INC-2025-001", "actual", "2025-05-13", "2025-05-13", "", "", "2025-05-23", "Phishing email: no MFA on webmail"},
		{"INC-2025-002", "attempted", "2025-07-02", "2025-07-02", "", "", "2025-07-10", "Volumetric DDoS against the public portal"},
		// Boundary: notified the next Working Day; data on the 2nd Working Day.
		{"INC-2025-003", "actual", "2025-09-12", "2025-09-15", "2025-09-15", "'17/09/2025", "2025-09-24", "Encrypted laptop left on a train"},
		// Finding 1: notified late.
		{"INC-2025-004", "actual", "2025-11-04", "2025-11-06", "", "", "2025-11-14", "Email autocomplete selected the wrong recipient"},
		// Finding 2: data supplied late.
		{"INC-2026-001", "potential", "2026-01-20", "2026-01-20", "2026-01-22", "2026-01-27", "", "Malicious attachment opened from a supplier email"},
		// Finding 4: the root cause of INC-2025-001 again.
		{"INC-2026-002", "actual", "2026-03-10", "2026-03-10", "", "", "2026-03-20", "phishing email:  No MFA on webmail"},
		// Boundary: data on the 2nd Working Day across the Spring bank holiday.
		{"INC-2026-003", "attempted", "2026-05-21", "2026-05-21", "2026-05-22", "2026-05-27", "2026-06-03", "Password spraying against the VPN"},
		// Finding 3: no full report.
		{"INC-2026-004", "actual", "2026-08-18", "2026-08-18", "", "", "", "Storage bucket made public during the migration"},
		{"INC-2026-005", "actual", "2026-11-24", "2026-11-24", "", "", "", ""},
	}
}
