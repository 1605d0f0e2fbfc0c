package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Software returns the software versions register, sheet "Software":
// the COTS products of the data platform as of AsOf (Friday 2026-11-27).
//
// A product's major version is the first number of its version; the Latest
// Release Date is the first release of the latest major (so 2008-12-03,
// Python 3.0, for Python). Versions are text cells (a leading '), as a
// careful register keeps them: typed as numbers, 1.30 would become 1.3.
// Windows Server and SQL Server are real number cells.
//
// Everything is compliant except these, which the tests pin down (cells
// are those of the written workbook, rule of B.9.4 as documented in
// package rules: n-1 is compliant with no clock; two or more majors behind
// is due until 6 Months after the latest release, then a violation):
//
//  1. Elasticsearch (row 11): 7.17.29 against 9.2.1, released Tuesday
//     2025-04-15: n-2, its 6-Month window ended 2025-10-15. Violation of
//     B.9.4 at B11.
//  2. PostgreSQL (row 2): 17.6 against 19.1, released 2026-09-24: n-2
//     within its window, due by 2027-03-24 (117 days left). A check, not a
//     gap.
//  3. Grafana Enterprise (row 14): 11.6.7 against 13.0.1, released
//     Wednesday 2026-05-27: due by 2026-11-27, the as-of date itself (0
//     days left): the last compliant day.
//  4. Ubuntu Server LTS (row 3): 24.04.3 against 26.04.1, released
//     2026-04-23, Previous Major Version 24.04: n-1 more than 6 Months
//     after the release (2026-10-23) is compliant under this reading; a
//     reading that demanded the latest major within 6 Months would make it
//     a violation.
//  5. GitLab (row 13): 17.11.6 against 19.0.2, released 2026-05-21, with
//     mitigation-reduction RISK-2026-031: past the 6-Month window
//     (2026-11-21), inside the 12 Months of B.9.4.1 (2027-05-21). An
//     exception under B.9.4.1, not a gap.
//  6. Microsoft SQL Server (row 12): 2019 against 2025 (Previous Major
//     Version 2022), client-agreed CLIENT-AGREE-2026-007: an exception
//     under B.9.4.2.
func Software() workbook.Sheet {
	return sheet("software", softwareRows())
}

func softwareRows() [][]string {
	const none = "none"
	return [][]string{
		// Product, Installed, Latest, Latest Release Date, Previous Major, Exception, Reference
		// 2: n-2, inside its window: due by 2027-03-24.
		{"PostgreSQL", "'17.6", "'19.1", "2026-09-24", "", none, ""},
		// 4: n-1 after its 6 Months: compliant.
		{"Ubuntu Server LTS", "'24.04.3", "'26.04.1", "2026-04-23", "'24.04", none, ""},
		{"Windows Server", "2022", "2025", "2024-11-01", "2022", none, ""},
		{"Eclipse Temurin JDK (LTS)", "'21.0.9+10", "'25.0.1+8", "2025-09-16", "21", none, ""},
		{"Python", "'3.13.9", "'3.15.0", "2008-12-03", "", none, ""},
		{"Kubernetes (AKS)", "'v1.35.4", "'v1.37.2", "2015-07-21", "", none, ""},
		{"nginx", "'1.28.1", "'1.30.0", "2011-04-12", "", "", ""},
		{"Microsoft 365 Apps for enterprise", "'16.0.19328.20190", "'16.0.19426.20170", "2015-09-22", "", none, ""},
		{"Google Chrome", "'154.0.7712.88", "'155.0.7748.61", "2026-11-10", "", none, ""},
		// 1: n-2 since 2025-04-15: violation.
		{"Elasticsearch", "'7.17.29", "'9.2.1", "2025-04-15", "", none, ""},
		// 6: n-2, agreed by the Client in writing.
		{"Microsoft SQL Server", "2019", "2025", "2025-11-18", "2022", "client-agreed", "CLIENT-AGREE-2026-007"},
		// 5: n-2, upgrading removes compliance pipelines: 12 Months.
		{"GitLab (self-managed)", "'17.11.6", "'19.0.2", "2026-05-21", "", "mitigation-reduction", "RISK-2026-031"},
		// 3: n-2, due on the as-of date itself.
		{"Grafana Enterprise", "'11.6.7", "'13.0.1", "2026-05-27", "", none, ""},
		{"Redis", "'8.2.3", "'8.4.0", "2025-05-01", "", none, ""},
		{"Apache Kafka", "'3.9.1", "'4.1.0", "'18/03/2025", "", none, ""},
		{"HashiCorp Vault Enterprise", "'1.20.4", "'1.21.1", "2018-12-03", "", none, ""},
	}
}
