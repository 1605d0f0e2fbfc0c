package evidence

import (
	"slices"
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestLoadDevices(t *testing.T) {
	runLoad(t, "devices", []loadCase{
		{
			name: "every column kind, choices in any case",
			files: file(t, "devices",
				row(t, "devices", "LT-1"),
				row(t, "devices", "USB-1", map[string]string{"Device Type": "REMOVABLE", "Holds Government Data": "n", "Encrypted": "", "Encryption Product": "", "Assurance": "", "Management Authority": " client ", "Known Good State": "'01/04/2025", "Attested On": ""}),
				row(t, "devices", "SV-1", map[string]string{"Device Type": "Server", "Management Authority": ""}),
			),
			keys: []string{"LT-1", "USB-1", "SV-1"},
			check: func(t *testing.T, e *Evidence) {
				lt := byKey(t, e.Devices, "LT-1")
				if lt.Type.Value != DeviceLaptop || !lt.Portable() || !lt.HoldsGovData.Value || !lt.Encrypted.Value || lt.EncryptionProduct.Value != "BitLocker" ||
					lt.Assurance.Value != "CPA Foundation Grade" || lt.Authority.Value != AuthorityAgency || lt.KnownGoodState.String() != "2025-03-24" ||
					lt.Provisioned.String() != "2025-03-25" || lt.AttestedOn.String() != "2026-03-16" || lt.AttestedBy.Value != "G. Lloyd" {
					t.Errorf("LT-1 = %+v", lt)
				}
				if lt.Encrypted.Pos.Cell() != "D2" || lt.Authority.Pos.Cell() != "G2" || lt.AttestedOn.Pos.Cell() != "J2" {
					t.Errorf("cells %s %s %s", lt.Encrypted.Pos.Cell(), lt.Authority.Pos.Cell(), lt.AttestedOn.Pos.Cell())
				}
				usb := byKey(t, e.Devices, "USB-1")
				if usb.Type.Value != DeviceRemovable || !usb.Portable() || usb.HoldsGovData.Value || usb.Encrypted.Set || usb.Encrypted.Invalid ||
					usb.Authority.Value != AuthorityClient || usb.KnownGoodState.String() != "2025-04-01" || usb.AttestedOn.Set || usb.AttestedOn.Invalid {
					t.Errorf("USB-1 = %+v", usb)
				}
				sv := byKey(t, e.Devices, "SV-1")
				if sv.Type.Value != DeviceServer || sv.Portable() || sv.Authority.Set || sv.Authority.Invalid || sv.Authority.Pos.Cell() != "G4" {
					t.Errorf("SV-1 = %+v", sv)
				}
			},
		},
		{
			name: "bad cells and choices are problems at their cells; the rest is used",
			files: file(t, "devices",
				row(t, "devices", "A", map[string]string{"Device Type": "phone", "Management Authority": "Kestrel Cloud"}),
				row(t, "devices", "B", map[string]string{"Holds Government Data": "maybe", "Encrypted": "partly", "Known Good State": "tbc", "Provisioned": "2025-02-30", "Attested On": "45800x"}),
				row(t, "devices", "C", map[string]string{"Device Type": "", "Holds Government Data": ""}),
				row(t, "devices", "D"),
			),
			problems: []wantProblem{
				{`evidence/devices.xlsx: sheet "Devices" B2`, `Device Type: want one of laptop, mobile, tablet, removable, desktop, server, got "phone"`},
				{`evidence/devices.xlsx: sheet "Devices" G2`, `Management Authority: want one of Agency, Client, got "Kestrel Cloud"`},
				{`evidence/devices.xlsx: sheet "Devices" C3`, `Holds Government Data: want Yes or No, got "maybe"`},
				{`evidence/devices.xlsx: sheet "Devices" D3`, `Encrypted: want Yes or No, got "partly"`},
				{`evidence/devices.xlsx: sheet "Devices" H3`, `Known Good State: ` + dateWant + `, got "tbc"`},
				{`evidence/devices.xlsx: sheet "Devices" I3`, `Provisioned: ` + dateWant + `, got "2025-02-30"`},
				{`evidence/devices.xlsx: sheet "Devices" J3`, `Attested On: ` + dateWant + `, got "45800x"`},
				{`evidence/devices.xlsx: sheet "Devices" B4`, `Device Type: empty; a value is required`},
				{`evidence/devices.xlsx: sheet "Devices" C4`, `Holds Government Data: empty; a value is required`},
			},
			paragraphs: map[string][]string{
				"B": {ParaDeviceEncryption}, "C": {ParaDeviceEncryption}, "D": {ParaDeviceEncryption},
				"G": {ParaDeviceManagement}, "H": {ParaDeviceManagement}, "I": {ParaDeviceManagement},
				"J": {ParaDeviceEncryption, ParaDeviceManagement},
				"*": {ParaDeviceEncryption},
			},
			keys: []string{"A", "B", "C", "D"},
			check: func(t *testing.T, e *Evidence) {
				a := byKey(t, e.Devices, "A")
				if !a.Type.Invalid || a.Portable() || !a.Authority.Invalid || a.Authority.Set {
					t.Errorf("A = %+v", a)
				}
				b := byKey(t, e.Devices, "B")
				if !b.HoldsGovData.Invalid || !b.Encrypted.Invalid || !b.KnownGoodState.Invalid || !b.Provisioned.Invalid || !b.AttestedOn.Invalid {
					t.Errorf("B = %+v", b)
				}
				if c := byKey(t, e.Devices, "C"); c.Type.Set || !c.HoldsGovData.Invalid {
					t.Errorf("C = %+v", c)
				}
			},
		},
		{
			name: "missing required columns are reported once, and their cells are not judged",
			files: files{"devices.xlsx": xlsx(t, workbook.Sheet{Name: "Devices", TSV: tsv(
				"Asset ID\tDevice Type\tHolds Government Data\tEncrypted\tKnown Good State\tProvisioned\tAttested On",
				"LT-1\tlaptop\tYes\tYes\t2025-03-24\t2025-03-25\t2026-03-16",
				"lt-1\tlaptop\tYes\tYes\t2025-03-24\t2025-03-25\t2026-03-16",
			)})},
			problems: []wantProblem{
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Encryption Product" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Assurance" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Management Authority" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A3`, `duplicate Asset ID "lt-1" (first at row 2): this row is not used`},
			},
			keys: []string{"LT-1"},
			check: func(t *testing.T, e *Evidence) {
				d := byKey(t, e.Devices, "LT-1")
				if !d.EncryptionProduct.Invalid || !d.Assurance.Invalid || !d.Authority.Invalid || d.AttestedBy.Invalid {
					t.Errorf("LT-1 = %+v", d)
				}
			},
		},
	})
}

// FuzzLoadDevices fuzzes the Devices sheet (see fuzzRegister): every
// choice is read in its documented spelling.
func FuzzLoadDevices(f *testing.F) {
	f.Add(sheet(f, "devices", row(f, "devices", "LT-1")).TSV)
	f.Add(sheet(f, "devices",
		row(f, "devices", "A", map[string]string{"Device Type": "phone", "Management Authority": "Kestrel Cloud"}),
		row(f, "devices", "B", map[string]string{"Holds Government Data": "maybe", "Known Good State": "tbc", "Attested On": "'31/02/2026"}),
		row(f, "devices", "a"),
	).TSV)
	f.Add("asset id\tdevice type\nX\tLaptop\n")
	f.Add("")
	s := schema(f, "devices")
	fuzzRegister(f, "devices", nil, func(t *testing.T, e *Evidence) {
		for _, d := range e.Devices {
			for col, v := range map[string]Text{"Device Type": d.Type, "Management Authority": d.Authority} {
				if c, _ := s.Column(col); v.Set && !slices.Contains(c.Choices, v.Value) {
					t.Fatalf("%s: %s %q is not a documented choice", d.ID, col, v.Value)
				}
			}
		}
	})
}
