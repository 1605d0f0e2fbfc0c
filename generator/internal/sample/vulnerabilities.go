package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Vulnerabilities returns the vulnerability register, sheet
// "Vulnerabilities": 25 vulnerabilities in the data platform's COTS
// components over the contract period, one row each (row n+1 is VUL-000n).
//
// Severities are given in all four notations of B.9.2: the schedule's
// categories (Critical, Important, Other), NVD ratings (High, Medium, Low,
// "NVD Low", "High (NVD)"), Microsoft ratings ("Microsoft Moderate") and
// CVSS base scores (real number cells such as 8.1, and the text "CVSS
// 8.8"). Microsoft patches are released on Patch Tuesday. Periods
// (B.9.3): Critical 14 days, Important 30 days, Other 60 Working Days,
// from the release.
//
// Everything is patched in time except these, which the tests pin down
// (cells are those of the written workbook):
//
//  1. VUL-0011 (row 12): PostgreSQL, CVSS 8.8 (Critical), released Thursday
//     2025-11-13, due Thursday 2025-11-27, applied Monday 2025-12-01: 4 days
//     late. Critical violations of B.9.3 and B.9.7 (a Default) at E12.
//  2. VUL-0022 (row 23): nginx, Medium (NVD: Important), released Tuesday
//     2026-09-15, due Thursday 2026-10-15, not applied by AsOf: 43 days
//     overdue. Critical violations of B.9.3 and B.9.7 at E23.
//  3. VUL-0024 (row 25): Google Chrome, Low (Other), released Tuesday
//     2026-10-20, not yet applied: due by Friday 2027-01-15 (60 Working
//     Days, across Christmas). A due check under B.9.3, not a gap.
//  4. VUL-0023 (row 24): Windows Server 2022, Microsoft Critical, Print
//     Spooler disabled on every server: not-exploitable with reference
//     NE-2026-005 and no Exploitable Since, unpatched. An exception under
//     B.9.3 and B.9.3.1, not a gap.
//  5. VUL-0019 (row 20): SQL Server 2022, Microsoft Critical, released
//     Tuesday 2026-07-14: the cumulative update broke replication, so
//     extension with test plan TP-PATCH-2026-03: due 14 + 5 days, Sunday
//     2026-08-02; applied Friday 2026-07-31, after the normal deadline
//     (2026-07-28). An exception under B.9.3, ok under B.9.3.2.
//  6. VUL-0020 (row 21): OpenSSH, NVD Low (Other), claims an extension:
//     B.9.3.2 grants none to Other. A medium violation of B.9.3.2 at F21;
//     applied 2026-09-10, well within the 60 Working Days (2026-10-28), so
//     B.9.3 is met.
//  7. VUL-0021 (row 22): Apache Kafka, 6.5 (Important), client-agreed 45
//     days (CLIENT-AGREE-2026-021): released Thursday 2026-08-20, due
//     Sunday 2026-10-04, applied Thursday 2026-10-01, after the normal 30
//     days (2026-09-19). An exception under B.9.3, ok under B.9.3.3.
//  8. VUL-0018 (row 19): Windows Server 2022, not-exploitable (NE-2026-002)
//     until the RD Gateway role was enabled on Monday 2026-06-15 (I19): the
//     14 days run from then, due Monday 2026-06-29; applied 2026-06-24. Ok.
//
// Boundary rows, all compliant: VUL-0006 (row 7) and VUL-0015 (row 16)
// are Critical, applied on the 14th day (VUL-0015: released Monday
// 2026-03-02, applied Monday 2026-03-16); VUL-0008 (row 9) is Important,
// released Friday 2025-08-29, due Sunday 2025-09-28 across the month end
// (no roll-forward); VUL-0012 (row 13) is Other, released Tuesday
// 2025-11-18 and applied on the 60th Working Day after, Friday 2026-02-13,
// across Christmas; VUL-0016 (row 17) is Other, released Tuesday
// 2026-03-10 and applied on the 60th Working Day after, Monday 2026-06-08,
// across Easter and both May bank holidays.
func Vulnerabilities() workbook.Sheet {
	return sheet("vulnerabilities", vulnerabilityRows())
}

func vulnerabilityRows() [][]string {
	const none = "none"
	return [][]string{
		// ID, Component, Severity, Released, Applied, Exception, Exception Reference, Agreed Days, Exploitable Since, Test Plan Reference
		{"VUL-0001", "OpenSSL 3.0 (ingest gateways)", "High", "2025-04-08", "2025-04-15", none, "", "", "", ""},
		{"VUL-0002", "Windows Server 2022", "Microsoft Important", "2025-05-13", "2025-06-05", none, "", "", "", ""},
		{"VUL-0003", "PostgreSQL 16", "8.1", "2025-05-08", "2025-05-19", "", "", "", "", ""},
		{"VUL-0004", "nginx 1.26", "Medium", "2025-06-10", "2025-07-01", none, "", "", "", ""},
		{"VUL-0005", "Google Chrome (admin workstations)", "NVD Low", "2025-06-24", "2025-07-29", none, "", "", "", ""},
		// Boundary: Critical, applied on the 14th day.
		{"VUL-0006", "OpenSSH 9.9", "Critical", "2025-07-01", "2025-07-15", none, "", "", "", ""},
		{"VUL-0007", "Microsoft SQL Server 2022", "Microsoft Critical", "2025-08-12", "2025-08-20", none, "", "", "", ""},
		// Boundary: Important across the month end, due Sunday 2025-09-28.
		{"VUL-0008", "Apache Kafka 3.7", "5.9", "2025-08-29", "2025-09-26", "", "", "", "", ""},
		{"VUL-0009", "Linux kernel (Ubuntu 22.04 LTS)", "Important", "2025-09-16", "2025-10-09", none, "", "", "", ""},
		{"VUL-0010", "Redis 7.2", "Other", "2025-10-07", "2025-11-20", none, "", "", "", ""},
		// Finding 1: Critical applied 4 days late: a Default.
		{"VUL-0011", "PostgreSQL 16", "CVSS 8.8", "2025-11-13", "2025-12-01", none, "", "", "", ""},
		// Boundary: Other, applied on the 60th Working Day, across Christmas.
		{"VUL-0012", "Python 3.12 (pipeline workers)", "Low", "2025-11-18", "2026-02-13", none, "", "", "", ""},
		{"VUL-0013", "Windows Server 2022", "Microsoft Moderate", "2026-01-13", "2026-02-10", none, "", "", "", ""},
		{"VUL-0014", "Apache Spark 3.5", "7.5", "2026-02-17", "2026-02-27", none, "", "", "", ""},
		// Boundary: Critical released Monday 2026-03-02, applied on the last day.
		{"VUL-0015", "OpenSSL 3.0 (ingest gateways)", "High (NVD)", "2026-03-02", "2026-03-16", none, "", "", "", ""},
		// Boundary: Other, applied on the 60th Working Day, across Easter.
		{"VUL-0016", "Grafana 11", "3.7", "2026-03-10", "2026-06-08", none, "", "", "", ""},
		{"VUL-0017", "Microsoft Edge (admin workstations)", "Microsoft Important", "2026-04-14", "2026-04-28", none, "", "", "", ""},
		// Finding 8: not exploitable until 2026-06-15, then 14 days from then.
		{"VUL-0018", "Windows Server 2022 (Remote Desktop Gateway)", "Microsoft Critical", "2026-05-12", "2026-06-24", "not-exploitable", "NE-2026-002", "", "2026-06-15", ""},
		// Finding 5: extension, evidenced by the agreed test plan.
		{"VUL-0019", "Microsoft SQL Server 2022", "Microsoft Critical", "2026-07-14", "2026-07-31", "extension", "", "", "", "TP-PATCH-2026-03"},
		// Finding 6: an extension claimed for an Other vulnerability.
		{"VUL-0020", "OpenSSH 9.9", "NVD Low", "2026-08-04", "2026-09-10", "extension", "", "", "", "TP-PATCH-2026-04"},
		// Finding 7: the Client agreed 45 days.
		{"VUL-0021", "Apache Kafka 3.7", "6.5", "2026-08-20", "2026-10-01", "client-agreed", "CLIENT-AGREE-2026-021", "45", "", ""},
		// Finding 2: Important, still unpatched past its deadline: a Default.
		{"VUL-0022", "nginx 1.26", "Medium", "2026-09-15", "", none, "", "", "", ""},
		// Finding 4: not exploitable (Print Spooler disabled), unpatched.
		{"VUL-0023", "Windows Server 2022 (Print Spooler)", "Microsoft Critical", "2026-10-13", "", "not-exploitable", "NE-2026-005", "", "", ""},
		// Finding 3: Other, still within its 60 Working Days.
		{"VUL-0024", "Google Chrome (admin workstations)", "Low", "2026-10-20", "", none, "", "", "", ""},
		{"VUL-0025", "PostgreSQL 17", "9.8", "2026-11-13", "2026-11-19", none, "", "", "", ""},
	}
}
