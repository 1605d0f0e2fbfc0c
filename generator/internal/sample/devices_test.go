package sample

import "testing"

// TestDevicesSample pins the cells of each documented device finding.
func TestDevicesSample(t *testing.T) {
	pin(t, read(t, Devices()), []pinned{
		{"NG-LT-007", "Encrypted", "D8", "No"}, // 1
		{"NG-LT-007", "Holds Government Data", "C8", "Yes"},
		{"NG-USB-003", "Assurance", "F24", "FIPS 197"}, // 2
		{"NG-USB-003", "Device Type", "B24", "removable"},
		{"NG-DT-002", "Management Authority", "G27", ""},              // 3
		{"NG-LT-009", "Known Good State", "H10", "2026-03-10"},        // 4
		{"NG-LT-009", "Provisioned", "I10", "2026-03-09"},             // 4
		{"NG-LT-010", "Known Good State", "H11", "2026-04-13"},        // 4: the boundary
		{"NG-LT-010", "Provisioned", "I11", "2026-04-13"},             // 4
		{"NG-MB-004", "Attested On", "J17", "2025-11-26"},             // 5
		{"NG-MB-005", "Attested On", "J18", "2025-11-27"},             // 5: the boundary
		{"NG-SV-003", "Management Authority", "G31", "Kestrel Cloud"}, // 6
		{"NG-LT-006", "Attested On", "J7", "16/06/2026"},              // a UK text date
	})
}
