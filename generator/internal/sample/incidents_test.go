package sample

import "testing"

// TestIncidentsSheet checks the Incidents sheet's shape and pins the cells
// of each documented finding and boundary row.
func TestIncidentsSheet(t *testing.T) {
	reg := read(t, Incidents())
	for _, c := range []struct{ cell, want string }{
		{"A5", "INC-2025-004"}, {"C5", "2025-11-04"}, {"D5", "2025-11-06"},
		{"A6", "INC-2026-001"}, {"B6", "potential"}, {"E6", "2026-01-22"}, {"F6", "2026-01-27"}, {"G6", ""},
		{"A9", "INC-2026-004"}, {"C9", "2026-08-18"}, {"G9", ""},
		{"A7", "INC-2026-002"}, {"H7", "phishing email:  No MFA on webmail"}, {"H2", "Phishing email: no MFA on webmail"},
		{"C4", "2025-09-12"}, {"D4", "2025-09-15"}, {"E4", "2025-09-15"},
		{"E8", "2026-05-22"}, {"F8", "2026-05-27"},
		{"A10", "INC-2026-005"}, {"C10", "2026-11-24"}, {"G10", ""}, {"H10", ""},
	} {
		if got := cellAt(t, reg, c.cell); got != c.want {
			t.Errorf("%s = %q, want %q", c.cell, got, c.want)
		}
	}
	ids := map[string]bool{}
	for i, row := range reg.formatted {
		if ids[row[0]] {
			t.Errorf("duplicate Incident ID %s", row[0])
		}
		ids[row[0]] = true
		if ty := row[1]; ty != "actual" && ty != "potential" && ty != "attempted" {
			t.Errorf("%s Type %q", row[0], ty)
		}
		for _, col := range []string{"Aware On", "Notified On", "Data Requested On", "Data Supplied On", "Report Delivered On"} {
			checkSampleDate(t, reg, i, col, row[0])
		}
	}
	if got := reg.cell(t, reg.row(t, "INC-2025-003"), "Data Supplied On", true); got != "17/09/2025" {
		t.Errorf("INC-2025-003 Data Supplied On raw %q, want the UK text date", got)
	}
}
