package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Privileges returns the privileged access register, sheet "Privileges":
// one row per grant of an elevated privilege to the system and database
// administrators, network and cloud engineers, and one release approver.
// Each grant is revoked within 1 Working Day after its holder no longer
// needs it or leaves (Annex 1 6.5). Everything is compliant except these
// findings (cells of the written workbook):
//
//  1. PRV-0005 (row 6): Ben Carter's break-glass firewall administration,
//     no longer needed on Thursday 2026-04-02. Good Friday and Easter
//     Monday follow, so it was due to be revoked on Tuesday 2026-04-07; it
//     was revoked on Wednesday 2026-04-08 (G6): 1 Working Day late.
//  2. PRV-0007 (row 8): Kwame Mensah's Kubernetes cluster-admin, no longer
//     needed from Friday 2026-09-18 when he moved to the platform team's
//     cost work, and never revoked (G8): due Monday 2026-09-21.
//
// Boundary rows, compliant: PRV-0004 (row 5), no longer needed on Friday
// 2025-10-31 and revoked on Monday 2025-11-03, the last day. PRV-0006
// (row 7) is Mark Jennings's, a leaver: his End Date, Monday 2025-06-30,
// ends the need, and the grant was revoked that day. PRV-0009 (row 10),
// Ryan Mitchell's, a leaver on Friday 2026-05-22, was revoked on Tuesday
// 2026-05-26 after the Spring bank holiday, the last day. Not a gap:
// PRV-0008 (row 9), no longer needed on Friday 2026-11-27, the as-of
// date, is due to be revoked by Monday 2026-11-30.
func Privileges() workbook.Sheet {
	return sheet("privileges", privilegeRows())
}

func privilegeRows() [][]string {
	const (
		domainAdmins = "Domain Admins"
		clusterAdmin = "Kubernetes cluster-admin"
	)
	return [][]string{
		// Grant ID, Staff ID, Privilege, Justification, Granted On, No Longer Needed On, Revoked On
		{"PRV-0001", "NS-0003", domainAdmins, "Senior System Administrator: directory and server administration", "2020-01-06", "", ""},
		{"PRV-0002", "NS-0004", domainAdmins, "System Administrator: directory and server administration", "2022-03-07", "", ""},
		{"PRV-0003", "NS-0006", "Production database owner", "Database Administrator for the platform's PostgreSQL clusters", "2021-10-04", "", ""},
		// Boundary: no longer needed on a Friday, revoked on the Monday.
		{"PRV-0004", "NS-0010", "Release approver (production deployments)", "Covering release approvals while the Head of Service Delivery was on leave", "2025-06-02", "2025-10-31", "2025-11-03"},
		// Finding 1: revoked the day after the deadline, across Easter.
		{"PRV-0005", "NS-0022", "Firewall administrator (break-glass)", "Incident response to the March 2026 firewall rule review", "2026-03-02", "2026-04-02", "2026-04-08"},
		// A leaver: the End Date ends the need.
		{"PRV-0006", "NS-0030", domainAdmins, "System Administrator: directory and server administration", "2020-05-04", "", "2025-06-30"},
		// Finding 2: no longer needed, never revoked.
		{"PRV-0007", "NS-0024", clusterAdmin, "Cloud Platform Engineer: cluster operations", "2025-04-01", "2026-09-18", ""},
		// Due: no longer needed on the as-of date.
		{"PRV-0008", "NS-0025", clusterAdmin, "Cloud Platform Engineer: cluster upgrade to 1.33", "2026-11-02", "2026-11-27", ""},
		// Boundary: a leaver revoked after the Spring bank holiday.
		{"PRV-0009", "NS-0034", "AWS organisation administrator", "Cloud Platform Engineer: account and IAM administration", "2025-04-01", "", "2026-05-26"},
		{"PRV-0010", "NS-0007", "Core network administrator", "Network Engineer: switch, router and firewall configuration", "2024-02-05", "", ""},
	}
}
