package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Devices returns the device register, sheet "Devices": 31 assets (12
// laptops, 6 mobiles, 2 tablets, 4 removable drives, 3 desktops, 4
// servers). Devices are attested in campaigns (June and September 2026)
// by the system administrators; the accepted assurances are the default
// of [rules] accepted_assurance.
//
// Everything is compliant except these, which the tests pin down (cells
// are those of the written workbook):
//
//  1. NG-LT-007 (row 8): a laptop holding Government Data, Encrypted D8
//     No: a violation of Annex 1 2.1.
//  2. NG-USB-003 (row 24): a removable drive holding Government Data,
//     encrypted with a Kingston IronKey Vault Privacy 50 whose Assurance
//     F24 is "FIPS 197": not an NCSC assurance, a violation of 2.1.
//  3. NG-DT-002 (row 27): a desktop with Management Authority G27 empty:
//     a violation of 2.2.
//  4. NG-LT-009 (row 10): Known Good State H10 Tuesday 2026-03-10, a day
//     after Provisioned I10 Monday 2026-03-09: a violation of 2.2.
//     NG-LT-010 (row 11) has both on 2026-04-13: compliant, the boundary.
//  5. NG-MB-004 (row 17): Attested On J17 Wednesday 2025-11-26, 12 Months
//     and a day before AsOf: stale under 2.1 (a mobile holding Government
//     Data) and 2.2. NG-MB-005 (row 18), attested Thursday 2025-11-27,
//     exactly 12 Months before, is current: the boundary.
//  6. NG-SV-003 (row 31): Management Authority G31 "Kestrel Cloud" (the
//     subcontractor) is not one of Agency, Client: invalid, and read as
//     none, a violation too, against 2.2.
//
// NG-LT-012 (row 13) is managed by the Client, written in lower case
// ("client"), which is accepted. NG-USB-004 holds no Government Data and
// is not encrypted: out of scope of 2.1. Servers and desktops are out of
// scope of 2.1 whatever their encryption.
func Devices() workbook.Sheet {
	return sheet("devices", deviceRows())
}

func deviceRows() [][]string {
	const (
		y, n      = "Yes", "No"
		agency    = "Agency"
		cpa       = "CPA Foundation Grade"
		bitlocker = "BitLocker (Windows 11 Enterprise)"
		knox      = "Samsung Knox (Android 15)"
		ipados    = "Apple iPadOS Data Protection"
		datashur  = "iStorage datAshur PRO2"
		gareth    = "Gareth Lloyd"
		priya     = "Priya Nair"
		daniel    = "Daniel Okafor"
		kwame     = "Kwame Mensah"
	)
	return [][]string{
		// Asset ID, Type, Gov Data, Encrypted, Product, Assurance, Authority, Known Good State, Provisioned, Attested On, Attested By
		{"NG-LT-001", "laptop", y, y, bitlocker, cpa, agency, "2025-03-24", "2025-03-25", "2026-06-15", gareth},
		{"NG-LT-002", "laptop", y, y, bitlocker, cpa, agency, "2025-03-24", "2025-03-25", "2026-06-15", gareth},
		{"NG-LT-003", "laptop", y, y, bitlocker, cpa, agency, "2025-03-24", "2025-03-26", "2026-06-15", gareth},
		{"NG-LT-004", "laptop", y, y, bitlocker, cpa, agency, "2025-05-06", "2025-05-07", "2026-06-16", priya},
		{"NG-LT-005", "laptop", y, y, bitlocker, cpa, agency, "2025-06-02", "2025-06-02", "2026-06-16", priya},
		{"NG-LT-006", "laptop", y, y, bitlocker, cpa, agency, "2025-09-01", "2025-09-01", "'16/06/2026", priya},
		// 1: holds Government Data, not encrypted.
		{"NG-LT-007", "laptop", y, n, "", "", agency, "2025-10-06", "2025-10-06", "2026-09-14", gareth},
		{"NG-LT-008", "laptop", y, y, bitlocker, cpa, agency, "2025-10-06", "2025-10-07", "2026-09-14", gareth},
		// 4: known good state a day after provisioning.
		{"NG-LT-009", "laptop", y, y, bitlocker, cpa, agency, "2026-03-10", "2026-03-09", "2026-09-14", gareth},
		// 4: known good state on the day of provisioning: compliant.
		{"NG-LT-010", "laptop", y, y, bitlocker, cpa, agency, "2026-04-13", "2026-04-13", "2026-09-14", gareth},
		{"NG-LT-011", "laptop", n, y, bitlocker, cpa, agency, "2024-11-04", "2024-11-05", "2026-06-15", gareth},
		{"NG-LT-012", "laptop", y, y, bitlocker, "cpa foundation grade", "client", "2025-04-01", "2025-04-02", "2026-06-17", daniel},
		{"NG-MB-001", "mobile", y, y, knox, cpa, agency, "2025-03-31", "2025-04-01", "2026-06-17", daniel},
		{"NG-MB-002", "mobile", y, y, knox, cpa, agency, "2025-03-31", "2025-04-01", "2026-06-17", daniel},
		{"NG-MB-003", "mobile", y, y, knox, cpa, agency, "2025-07-07", "2025-07-08", "2026-06-17", daniel},
		// 5: attested 12 Months and a day before the as-of date: stale.
		{"NG-MB-004", "mobile", y, y, knox, cpa, agency, "2025-09-01", "2025-09-02", "2025-11-26", daniel},
		// 5: attested exactly 12 Months before: current.
		{"NG-MB-005", "mobile", y, y, knox, cpa, agency, "2025-09-01", "2025-09-02", "2025-11-27", daniel},
		{"NG-MB-006", "mobile", n, y, knox, cpa, agency, "2026-01-12", "2026-01-12", "2026-09-15", daniel},
		{"NG-TB-001", "tablet", y, y, ipados, cpa, agency, "2025-04-07", "2025-04-08", "2026-09-15", daniel},
		{"NG-TB-002", "tablet", y, y, ipados, cpa, agency, "2025-04-07", "2025-04-08", "2026-09-15", daniel},
		{"NG-USB-001", "removable", y, y, datashur, cpa, agency, "2025-04-01", "2025-04-01", "2026-09-16", priya},
		{"NG-USB-002", "removable", y, y, datashur, cpa, agency, "2025-04-01", "2025-04-01", "2026-09-16", priya},
		// 2: an assurance that is not the NCSC's.
		{"NG-USB-003", "removable", y, y, "Kingston IronKey Vault Privacy 50", "FIPS 197", agency, "2026-02-02", "2026-02-02", "2026-09-16", priya},
		{"NG-USB-004", "removable", n, n, "", "", agency, "2025-04-01", "2025-04-01", "2026-09-16", priya},
		{"NG-DT-001", "desktop", y, y, bitlocker, cpa, agency, "2024-06-03", "2024-06-04", "2026-06-18", gareth},
		// 3: no management authority.
		{"NG-DT-002", "desktop", y, y, bitlocker, cpa, "", "2024-06-03", "2024-06-04", "2026-06-18", gareth},
		{"NG-DT-003", "desktop", n, y, bitlocker, cpa, agency, "2024-06-03", "2024-06-05", "2026-06-18", gareth},
		{"NG-SV-001", "server", y, y, "LUKS2 (dm-crypt)", "", agency, "2025-03-17", "2025-03-18", "2026-07-20", kwame},
		{"NG-SV-002", "server", y, y, "LUKS2 (dm-crypt)", "", agency, "2025-03-17", "2025-03-18", "2026-07-20", kwame},
		// 6: not a management authority the schedule knows.
		{"NG-SV-003", "server", y, y, "Azure Storage Service Encryption", "", "Kestrel Cloud", "2025-04-14", "2025-04-15", "2026-07-20", kwame},
		{"NG-SV-004", "server", n, y, "LUKS2 (dm-crypt)", "", agency, "2025-04-14", "2025-04-15", "2026-07-20", kwame},
	}
}
