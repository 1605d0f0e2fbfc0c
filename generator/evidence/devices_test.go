package evidence

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// deviceHeader is the device register's header row: A Asset ID ... K
// Attested By.
var deviceHeader = []string{
	"Asset ID", "Device Type", "Holds Government Data", "Encrypted",
	"Encryption Product", "Assurance", "Management Authority",
	"Known Good State", "Provisioned", "Attested On", "Attested By",
}

// deviceRow returns a compliant laptop row holding Government Data in
// deviceHeader's order, with the named columns replaced by set.
func deviceRow(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	v := map[string]string{
		"Asset ID": id, "Device Type": "laptop", "Holds Government Data": "Yes", "Encrypted": "Yes",
		"Encryption Product": "BitLocker", "Assurance": "CPA Foundation Grade", "Management Authority": "Agency",
		"Known Good State": "2025-03-24", "Provisioned": "2025-03-25", "Attested On": "2026-06-15", "Attested By": "G. Lloyd",
	}
	for k, x := range set {
		if !slices.Contains(deviceHeader, k) {
			t.Fatalf("deviceRow: no column %q", k)
		}
		v[k] = x
	}
	cells := make([]string, len(deviceHeader))
	for i, h := range deviceHeader {
		cells[i] = v[h]
	}
	return strings.Join(cells, "\t")
}

func deviceSheet(header []string, rows ...string) workbook.Sheet {
	return workbook.Sheet{Name: "Devices", TSV: tsv(append([]string{strings.Join(header, "\t")}, rows...)...)}
}

func deviceByID(t *testing.T, e *Evidence, id string) Device {
	t.Helper()
	for _, d := range e.Devices {
		if d.ID == id {
			return d
		}
	}
	t.Fatalf("no device %s among %d", id, len(e.Devices))
	return Device{}
}

func TestLoadDevices(t *testing.T) {
	tests := []struct {
		name     string
		sheet    workbook.Sheet
		problems []wantProblem
		rows     []string
		check    func(t *testing.T, e *Evidence)
	}{
		{
			name: "every column kind, choices in any case",
			sheet: deviceSheet(deviceHeader,
				deviceRow(t, "LT-1", nil),
				deviceRow(t, "USB-1", map[string]string{"Device Type": "REMOVABLE", "Holds Government Data": "n", "Encrypted": "", "Encryption Product": "", "Assurance": "", "Management Authority": " client ", "Known Good State": "'01/04/2025", "Attested On": ""}),
				deviceRow(t, "SV-1", map[string]string{"Device Type": "Server", "Management Authority": ""}),
			),
			rows: []string{"LT-1", "USB-1", "SV-1"},
			check: func(t *testing.T, e *Evidence) {
				lt := deviceByID(t, e, "LT-1")
				if lt.Type.Value != DeviceLaptop || !lt.Portable() || !lt.HoldsGovData.Value || !lt.Encrypted.Value || lt.EncryptionProduct.Value != "BitLocker" ||
					lt.Assurance.Value != "CPA Foundation Grade" || lt.Authority.Value != AuthorityAgency || lt.KnownGoodState.String() != "2025-03-24" ||
					lt.Provisioned.String() != "2025-03-25" || lt.AttestedOn.String() != "2026-06-15" || lt.AttestedBy.Value != "G. Lloyd" {
					t.Errorf("LT-1 = %+v", lt)
				}
				if lt.Encrypted.Pos.Cell != "D2" || lt.Authority.Pos.Cell != "G2" || lt.AttestedOn.Pos.Cell != "J2" {
					t.Errorf("cells %s %s %s", lt.Encrypted.Pos.Cell, lt.Authority.Pos.Cell, lt.AttestedOn.Pos.Cell)
				}
				usb := deviceByID(t, e, "USB-1")
				if usb.Type.Value != DeviceRemovable || !usb.Portable() || usb.HoldsGovData.Value || usb.Encrypted.Set || usb.Encrypted.Invalid ||
					usb.Authority.Value != AuthorityClient || usb.KnownGoodState.String() != "2025-04-01" || usb.AttestedOn.Set || usb.AttestedOn.Invalid {
					t.Errorf("USB-1 = %+v", usb)
				}
				sv := deviceByID(t, e, "SV-1")
				if sv.Type.Value != DeviceServer || sv.Portable() || sv.Authority.Set || sv.Authority.Invalid || sv.Authority.Pos.Cell != "G4" {
					t.Errorf("SV-1 = %+v", sv)
				}
			},
		},
		{
			name: "bad cells and choices are problems at their cells; the rest is used",
			sheet: deviceSheet(deviceHeader,
				deviceRow(t, "A", map[string]string{"Device Type": "phone", "Management Authority": "Kestrel Cloud"}),
				deviceRow(t, "B", map[string]string{"Holds Government Data": "maybe", "Encrypted": "partly", "Known Good State": "tbc", "Provisioned": "2025-02-30", "Attested On": "45800x"}),
				deviceRow(t, "C", map[string]string{"Device Type": "", "Holds Government Data": ""}),
				deviceRow(t, "D", nil),
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
			rows: []string{"A", "B", "C", "D"},
			check: func(t *testing.T, e *Evidence) {
				a := deviceByID(t, e, "A")
				if !a.Type.Invalid || a.Portable() || !a.Authority.Invalid || a.Authority.Set {
					t.Errorf("A = %+v", a)
				}
				b := deviceByID(t, e, "B")
				if !b.HoldsGovData.Invalid || !b.Encrypted.Invalid || !b.KnownGoodState.Invalid || !b.Provisioned.Invalid || !b.AttestedOn.Invalid {
					t.Errorf("B = %+v", b)
				}
				if c := deviceByID(t, e, "C"); c.Type.Set || !c.HoldsGovData.Invalid {
					t.Errorf("C = %+v", c)
				}
				for _, p := range e.Register("devices").Problems {
					want := []string{ParaDeviceEncryption}
					if strings.Contains("GHI", p.Pos.Cell[:1]) {
						want = []string{ParaDeviceManagement}
					}
					if p.Pos.Cell[:1] == "J" {
						want = []string{ParaDeviceEncryption, ParaDeviceManagement}
					}
					if !slices.Equal(p.Paragraphs, want) {
						t.Errorf("%s: paragraphs %q, want %q", p.Pos, p.Paragraphs, want)
					}
				}
			},
		},
		{
			name: "missing required columns are reported once, and their cells are not judged",
			sheet: deviceSheet([]string{"Asset ID", "Device Type", "Holds Government Data", "Encrypted", "Known Good State", "Provisioned", "Attested On"},
				"LT-1\tlaptop\tYes\tYes\t2025-03-24\t2025-03-25\t2026-06-15",
				"lt-1\tlaptop\tYes\tYes\t2025-03-24\t2025-03-25\t2026-06-15",
			),
			problems: []wantProblem{
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Encryption Product" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Assurance" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A1`, `missing required column "Management Authority" in the header row 1`},
				{`evidence/devices.xlsx: sheet "Devices" A3`, `duplicate Asset ID "lt-1" (first at row 2): this row is not used`},
			},
			rows: []string{"LT-1"},
			check: func(t *testing.T, e *Evidence) {
				d := deviceByID(t, e, "LT-1")
				if !d.EncryptionProduct.Invalid || !d.Assurance.Invalid || !d.Authority.Invalid || d.AttestedBy.Invalid {
					t.Errorf("LT-1 = %+v", d)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Load(files{"devices.xlsx": xlsx(t, tt.sheet)}.fs(), "evidence")
			var rows []string
			for _, d := range e.Devices {
				rows = append(rows, d.ID)
			}
			verifyRead(t, e.Register("devices"), tt.problems, rows, tt.rows)
			if tt.check != nil {
				tt.check(t, e)
			}
		})
	}
}

// FuzzLoadDevices fuzzes the Devices sheet's text, builds a real workbook
// and reads it: no panic, every problem positioned in the file, every
// choice read in its documented spelling.
func FuzzLoadDevices(f *testing.F) {
	f.Add(deviceSheet(deviceHeader, deviceRow(f, "LT-1", nil)).TSV)
	f.Add(deviceSheet(deviceHeader,
		deviceRow(f, "A", map[string]string{"Device Type": "phone", "Management Authority": "Kestrel Cloud"}),
		deviceRow(f, "B", map[string]string{"Holds Government Data": "maybe", "Known Good State": "tbc", "Attested On": "'31/02/2026"}),
		deviceRow(f, "a", nil),
	).TSV)
	f.Add("asset id\tdevice type\nX\tLaptop\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		b, err := workbook.Build(workbook.Sheet{Name: "Devices", TSV: text})
		if err != nil {
			t.Skip(err)
		}
		e := Load(files{"devices.xlsx": b}.fs(), "evidence")
		reg := e.Register("devices")
		if reg.Rows != len(e.Devices) || reg.Rows != len(reg.Data) {
			t.Fatalf("Rows %d, records %d, shown %d", reg.Rows, len(e.Devices), len(reg.Data))
		}
		schema := DeviceSchema()
		for _, d := range e.Devices {
			for col, v := range map[string]Text{"Device Type": d.Type, "Management Authority": d.Authority} {
				c, _ := schema.Column(col)
				if v.Set && !slices.Contains(c.Choices, v.Value) {
					t.Fatalf("%s: %s %q is not a documented choice", d.ID, col, v.Value)
				}
			}
		}
		for _, p := range reg.Problems {
			line := p.Pos.String() + ": " + p.Msg
			t.Log(line)
			if p.Msg == "" || p.Pos.File != reg.Path || len(p.Paragraphs) == 0 {
				t.Fatalf("problem %q: want a message, the file %s and paragraphs", line, reg.Path)
			}
			if p.Pos.Cell != "" {
				if _, _, err := excelize.CellNameToCoordinates(p.Pos.Cell); err != nil || p.Pos.Sheet == "" {
					t.Fatalf("problem %q: bad cell: %v", line, err)
				}
			}
		}
	})
}

// TestSampleDevices reads the checked-in sample register, documented in
// package sample: one invalid cell (finding 6).
func TestSampleDevices(t *testing.T) {
	e := Load(os.DirFS("../../evidence"), "evidence")
	reg := e.Register("devices")
	want := []string{`evidence/devices.xlsx: sheet "Devices" G31: Management Authority: want one of Agency, Client, got "Kestrel Cloud"`}
	if got := problems(reg); !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}
	if !reg.Present || reg.Rows != 31 {
		t.Errorf("present %v, %d rows; want 31", reg.Present, reg.Rows)
	}
	if d := deviceByID(t, e, "NG-LT-006"); d.AttestedOn.String() != "2026-06-16" {
		t.Errorf("NG-LT-006 Attested On %s, want the UK text date 16/06/2026", d.AttestedOn)
	}
	if d := deviceByID(t, e, "NG-LT-012"); d.Authority.Value != AuthorityClient {
		t.Errorf("NG-LT-012 Management Authority %q, want Client", d.Authority.Value)
	}
}
