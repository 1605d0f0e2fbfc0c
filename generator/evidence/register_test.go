package evidence

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestLoad(t *testing.T) {
	one := row(t, "staff", "NS-1")
	runLoad(t, "staff", []loadCase{
		{
			name: "headers any case and spacing, after a title row, in any order",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: tsv(
				"Northgate Data Services: staff register\t\tas at 2026-11-27",
				"",
				// Reversed order, odd case and spacing, and an extra column.
				"exception reference\tACCESS REVOKED\tclearance_expiry\t Clearance Held \tClearanceRequired\tright to work check\tCriminal  Record Check\tidentity check\tPRIVILEGED ACCESS\tGovernment Data Access\tend date\tStart Date\tEmployer\tRole\tname\tNotes\tSTAFF ID",
				"\t\t\tSC\tSC\t2025-03-12\t2025-03-11\t2025-03-10\tno\tyes\t\t2025-04-01\tKestrel\tEngineer\tAda\tignored\tNS-1",
				"",
				"\t\t\tBPSS\tBPSS\t2025-03-12\t2025-03-11\t2025-03-10\tno\tno\t\t2025-04-02\tKestrel\tAnalyst\tBob\t\tNS-2",
			)})},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				s := byKey(t, e.Staff, "NS-1")
				if got := s.Row.Pos.String(); got != `evidence/staff.xlsx: sheet "Staff" Q4` {
					t.Errorf("NS-1 key position = %s, want Q4", got)
				}
				if got := byKey(t, e.Staff, "NS-2").Row.Pos.Cell(); got != "Q6" {
					t.Errorf("NS-2 key cell = %s, want Q6 (blank row 5 counted)", got)
				}
				if s.Name.Value != "Ada" || s.Role.Value != "Engineer" || s.Employer.Value != "Kestrel" {
					t.Errorf("text = %q %q %q", s.Name.Value, s.Role.Value, s.Employer.Value)
				}
				if !s.Start.Value.Equal(date("2025-04-01")) || !s.IdentityCheck.Value.Equal(date("2025-03-10")) ||
					!s.CriminalRecordCheck.Value.Equal(date("2025-03-11")) || !s.RightToWorkCheck.Value.Equal(date("2025-03-12")) {
					t.Errorf("dates = %s %s %s %s", s.Start, s.IdentityCheck, s.CriminalRecordCheck, s.RightToWorkCheck)
				}
				if !s.GovDataAccess.Value || s.PrivilegedAccess.Value || s.ClearanceHeld.Value != ClearanceSC {
					t.Errorf("gov %v priv %v held %v", s.GovDataAccess, s.PrivilegedAccess, s.ClearanceHeld)
				}
				if got := s.ClearanceHeld.Pos.Cell(); got != "D4" {
					t.Errorf("Clearance Held cell = %s, want D4", got)
				}
				reg := e.Register("staff")
				if len(reg.Header) != len(schema(t, "staff").Header()) || reg.Header[0] != "Staff ID" {
					t.Errorf("Header = %q, want the schema's columns in schema order", reg.Header)
				}
			},
		},
		{
			name: "real, ISO text and UK text dates",
			files: file(t, "staff",
				row(t, "staff", "NS-1", map[string]string{
					"Start Date":            "2025-04-01",           // a real Excel date
					"Identity Check":        "'2025-03-10",          // ISO text
					"Criminal Record Check": "'11/03/2025",          // UK text, not 3 November
					"Right To Work Check":   "'9/3/2025",            // UK text without zeros
					"Clearance Expiry":      "'31/01/2029",          // UK text, day > 12
					"End Date":              "'2026-05-22 17:30:00", // ISO text with a time
					"Access Revoked":        "46165",                // a bare serial number
				}),
			),
			keys: []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				s := byKey(t, e.Staff, "NS-1")
				for _, c := range []struct {
					name string
					got  Date
					want string
				}{
					{"Start Date", s.Start, "2025-04-01"},
					{"Identity Check", s.IdentityCheck, "2025-03-10"},
					{"Criminal Record Check", s.CriminalRecordCheck, "2025-03-11"},
					{"Right To Work Check", s.RightToWorkCheck, "2025-03-09"},
					{"Clearance Expiry", s.ClearanceExpiry, "2029-01-31"},
					{"End Date", s.End, "2026-05-22"},
					{"Access Revoked", s.AccessRevoked, "2026-05-23"},
				} {
					if !c.got.Set || c.got.Invalid || c.got.String() != c.want {
						t.Errorf("%s = %+v, want %s", c.name, c.got, c.want)
					}
					if c.got.Value.Location() != time.UTC || c.got.Value.Hour() != 0 {
						t.Errorf("%s = %v, want midnight UTC", c.name, c.got.Value)
					}
				}
				// The display copy prints every date as yyyy-mm-dd.
				row := e.Register("staff").Data[0].Cells()
				if got := row[slices.Index(schema(t, "staff").Header(), "Criminal Record Check")]; got != "2025-03-11" {
					t.Errorf("displayed Criminal Record Check = %q, want 2025-03-11", got)
				}
			},
		},
		{
			name: "yes and no variants",
			files: file(t, "staff",
				row(t, "staff", "NS-1", map[string]string{"Government Data Access": "Yes", "Privileged Access": "no"}),
				row(t, "staff", "NS-2", map[string]string{"Government Data Access": "y", "Privileged Access": "N"}),
				row(t, "staff", "NS-3", map[string]string{"Government Data Access": "TRUE", "Privileged Access": "false"}),
				row(t, "staff", "NS-4", map[string]string{"Government Data Access": "1", "Privileged Access": "0"}),
				row(t, "staff", "NS-5", map[string]string{"Government Data Access": "' YES ", "Privileged Access": "' No"}),
			),
			keys: []string{"NS-1", "NS-2", "NS-3", "NS-4", "NS-5"},
			check: func(t *testing.T, e *Evidence) {
				for _, s := range e.Staff {
					if !s.GovDataAccess.Set || !s.GovDataAccess.Value || !s.PrivilegedAccess.Set || s.PrivilegedAccess.Value {
						t.Errorf("%s: gov %+v priv %+v, want yes and no", s.ID, s.GovDataAccess, s.PrivilegedAccess)
					}
				}
			},
		},
		{
			name: "text cells trimmed, non-breaking spaces too",
			files: file(t, "staff",
				row(t, "staff", "' NS-1\u00a0", map[string]string{"Exception Reference": "'\u00a0CLIENT-AGREE-1 ", "Employer": "' "}),
			),
			keys: []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				s := byKey(t, e.Staff, "NS-1")
				if s.ExceptionRef.Value != "CLIENT-AGREE-1" || !s.ExceptionRef.Set {
					t.Errorf("Exception Reference = %+v, want CLIENT-AGREE-1", s.ExceptionRef)
				}
				if s.Employer.Set {
					t.Errorf("blank Employer = %+v, want unset", s.Employer)
				}
			},
		},
		{
			name: "clearance levels any case",
			files: file(t, "staff",
				row(t, "staff", "NS-1", map[string]string{"Clearance Required": "none", "Clearance Held": ""}),
				row(t, "staff", "NS-2", map[string]string{"Clearance Required": "bpss", "Clearance Held": "Ctc"}),
				row(t, "staff", "NS-3", map[string]string{"Clearance Required": "sc", "Clearance Held": "dv"}),
				row(t, "staff", "NS-4", map[string]string{"Clearance Required": "EDV", "Clearance Held": "' eDV "}),
			),
			keys: []string{"NS-1", "NS-2", "NS-3", "NS-4"},
			check: func(t *testing.T, e *Evidence) {
				want := [][2]Clearance{{ClearanceNone, 0}, {ClearanceBPSS, ClearanceCTC}, {ClearanceSC, ClearanceDV}, {ClearanceEDV, ClearanceEDV}}
				for i, s := range e.Staff {
					if s.ClearanceRequired.Value != want[i][0] || !s.ClearanceRequired.Set {
						t.Errorf("%s required = %+v, want %v", s.ID, s.ClearanceRequired, want[i][0])
					}
					if i == 0 {
						if s.ClearanceHeld.Set || s.ClearanceHeld.Invalid {
							t.Errorf("%s held = %+v, want unset (empty means none)", s.ID, s.ClearanceHeld)
						}
						continue
					}
					if s.ClearanceHeld.Value != want[i][1] || !s.ClearanceHeld.Set {
						t.Errorf("%s held = %+v, want %v", s.ID, s.ClearanceHeld, want[i][1])
					}
				}
			},
		},
		{
			name: "missing required column",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: tsv(
				dropColumn(header(t, "staff"), "Criminal Record Check"),
				dropColumn(row(t, "staff", "NS-1"), "2025-03-10", 1),
				dropColumn(row(t, "staff", "NS-2", map[string]string{"Identity Check": "2025-03-01"}), "2025-03-10", 0),
			)})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A1`, `missing required column "Criminal Record Check" in the header row 1`},
			},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				s := byKey(t, e.Staff, "NS-2")
				if s.CriminalRecordCheck.Set || !s.CriminalRecordCheck.Invalid {
					t.Errorf("Criminal Record Check = %+v, want unusable (Invalid), so rules do not report it again", s.CriminalRecordCheck)
				}
				// The columns after the missing one are read from their
				// own, shifted, positions.
				if got := s.IdentityCheck.String(); got != "2025-03-01" {
					t.Errorf("Identity Check = %q, want 2025-03-01", got)
				}
				if got := s.RightToWorkCheck; got.String() != "2025-03-10" || got.Pos.Cell() != "J3" {
					t.Errorf("Right To Work Check = %s at %s, want 2025-03-10 at J3", got, got.Pos.Cell())
				}
				if s.ClearanceRequired.Value != ClearanceBPSS || s.ClearanceRequired.Pos.Cell() != "K3" {
					t.Errorf("Clearance Required = %+v, want BPSS at K3", s.ClearanceRequired)
				}
			},
		},
		{
			name: "missing required columns without paragraphs of their own",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: tsv(
				dropColumn(dropColumn(header(t, "staff"), "Name"), "Role"),
				dropColumn(dropColumn(row(t, "staff", "NS-1"), "Ada Lovelace"), "Developer"),
			)})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A1`, `missing required column "Name"`},
				{`evidence/staff.xlsx: sheet "Staff" A1`, `missing required column "Role"`},
			},
			keys: []string{"NS-1"},
		},
		{
			name: "unreadable date",
			files: file(t, "staff",
				row(t, "staff", "NS-1"),
				row(t, "staff", "NS-2", map[string]string{"Identity Check": "tbc", "Right To Work Check": "2025-02-30"}),
				row(t, "staff", "NS-3", map[string]string{"Start Date": "'13/13/2025"}),
			),
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" I3`, `Identity Check: ` + dateWant + `, got "tbc"`},
				{`evidence/staff.xlsx: sheet "Staff" K3`, `Right To Work Check: ` + dateWant + `, got "2025-02-30"`},
				{`evidence/staff.xlsx: sheet "Staff" E4`, `Start Date: ` + dateWant + `, got "13/13/2025"`},
			},
			keys: []string{"NS-1", "NS-2", "NS-3"},
			check: func(t *testing.T, e *Evidence) {
				s := byKey(t, e.Staff, "NS-2")
				if s.IdentityCheck.Set || !s.IdentityCheck.Invalid || s.IdentityCheck.Pos.Cell() != "I3" {
					t.Errorf("Identity Check = %+v, want invalid at I3", s.IdentityCheck)
				}
				// The rest of the row is still read.
				if s.CriminalRecordCheck.String() != "2025-03-10" || s.Start.String() != "2025-04-01" || !s.GovDataAccess.Value {
					t.Errorf("rest of the row not read: %+v", s)
				}
				if p := e.Register("staff").Problems[0]; p.Subject != "NS-2" || !slices.Equal(p.Paragraphs, []string{ParaPreEmployment}) {
					t.Errorf("problem subject %q paragraphs %q, want NS-2 and [%s]", p.Subject, p.Paragraphs, ParaPreEmployment)
				}
				if got := e.Register("staff").Rows; got != 3 {
					t.Errorf("Rows = %d, want 3: rows with a bad cell are still used", got)
				}
			},
		},
		{
			name: "bad yes/no, clearance and empty filled cells",
			files: file(t, "staff",
				row(t, "staff", "NS-1", map[string]string{"Government Data Access": "maybe", "Clearance Held": "Top Secret"}),
				row(t, "staff", "NS-2", map[string]string{"Privileged Access": "", "Clearance Required": ""}),
			),
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" G2`, `Government Data Access: want Yes or No, got "maybe"`},
				{`evidence/staff.xlsx: sheet "Staff" M2`, `Clearance Held: want one of None, BPSS, CTC, SC, DV, eDV, got "Top Secret"`},
				{`evidence/staff.xlsx: sheet "Staff" H3`, `Privileged Access: empty; a value is required`},
				{`evidence/staff.xlsx: sheet "Staff" L3`, `Clearance Required: empty; a value is required`},
			},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				if s := byKey(t, e.Staff, "NS-1"); !s.GovDataAccess.Invalid || !s.ClearanceHeld.Invalid {
					t.Errorf("NS-1: %+v %+v, want both invalid", s.GovDataAccess, s.ClearanceHeld)
				}
				if s := byKey(t, e.Staff, "NS-2"); !s.PrivilegedAccess.Invalid || !s.ClearanceRequired.Invalid {
					t.Errorf("NS-2: %+v %+v, want both invalid", s.PrivilegedAccess, s.ClearanceRequired)
				}
			},
		},
		{
			name: "duplicate Staff ID",
			files: file(t, "staff",
				row(t, "staff", "NS-1"),
				row(t, "staff", "NS-2"),
				row(t, "staff", "ns-1", map[string]string{"Name": "Someone else"}),
				row(t, "staff", "NS-2"),
			),
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A4`, `duplicate Staff ID "ns-1" (first at row 2): this row is not used`},
				{`evidence/staff.xlsx: sheet "Staff" A5`, `duplicate Staff ID "NS-2" (first at row 3): this row is not used`},
			},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				if got := byKey(t, e.Staff, "NS-1").Name.Value; got != "Ada Lovelace" {
					t.Errorf("NS-1 Name = %q, want the first row's", got)
				}
				reg := e.Register("staff")
				if reg.Rows != 2 || len(reg.Data) != 2 {
					t.Errorf("Rows %d, Data %d, want 2 and 2", reg.Rows, len(reg.Data))
				}
				if p := reg.Problems[0]; p.Subject != "ns-1" || len(p.Paragraphs) != 5 {
					t.Errorf("problem subject %q paragraphs %q, want ns-1 and all five", p.Subject, p.Paragraphs)
				}
			},
		},
		{
			name: "empty Staff ID",
			files: file(t, "staff",
				row(t, "staff", "NS-1"),
				row(t, "staff", ""),
				row(t, "staff", "'   "),
				row(t, "staff", "NS-2"),
			),
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A3`, `Staff ID is empty: this row is not used`},
				{`evidence/staff.xlsx: sheet "Staff" A4`, `Staff ID is empty: this row is not used`},
			},
			keys: []string{"NS-1", "NS-2"},
		},
		{
			name: "training row for an unknown Staff ID",
			files: files{
				"staff.xlsx": xlsx(t, sheet(t, "staff", one)),
				"training.xlsx": xlsx(t, sheet(t, "training",
					"NS-1\tSecure Information Management\t2025-06-01",
					"NS-9\tSecure Information Management\t2025-06-01",
					"ns-1\tPhishing\t'02/07/2025",
					"NS-1\tSecure Information Management\t2026-06-01",
				)),
			},
			problems: []wantProblem{
				{`evidence/training.xlsx: sheet "Training" A3`, `Staff ID: "NS-9" is not in the staff register evidence/staff.xlsx: this row is not used`},
			},
			keys: []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				var got []string
				for _, tr := range e.Training {
					got = append(got, tr.StaffID+" "+tr.Course.Value+" "+tr.Completed.String()+" "+tr.Completed.Pos.Cell())
				}
				want := []string{
					"NS-1 Secure Information Management 2025-06-01 C2",
					"ns-1 Phishing 2025-07-02 C4",
					"NS-1 Secure Information Management 2026-06-01 C5",
				}
				if !slices.Equal(got, want) {
					t.Errorf("training = %q, want %q", got, want)
				}
				reg := e.Register("training")
				if reg.Rows != 3 || len(reg.Data) != 3 {
					t.Errorf("Rows %d, Data %d, want 3 and 3", reg.Rows, len(reg.Data))
				}
				for _, d := range reg.Data {
					if d.Key == "NS-9" {
						t.Errorf("the unknown row is still displayed: %+v", d)
					}
				}
			},
		},
		{
			name:  "training without a staff register is not linked",
			files: file(t, "training", "NS-9\tSIM\t2025-06-01"),
			check: func(t *testing.T, e *Evidence) {
				if e.Register("staff").Present || len(e.Training) != 1 {
					t.Errorf("staff present %v, %d training rows; want false and 1", e.Register("staff").Present, len(e.Training))
				}
			},
		},
		{
			name:  "wrong sheet name",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "People", TSV: sheet(t, "staff", one).TSV}, workbook.Sheet{Name: "Notes", TSV: "x\n"})},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `no sheet named "Staff", and the workbook has 2 sheets ("People", "Notes"): name the register's sheet "Staff"`},
			},
			check: func(t *testing.T, e *Evidence) {
				if !e.Register("staff").Present {
					t.Error("Present = false, want true: the file exists")
				}
			},
		},
		{
			name:  "sheet name any case, not first",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Notes", TSV: "x\n"}, workbook.Sheet{Name: "STAFF", TSV: sheet(t, "staff", one).TSV})},
			keys:  []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				if got := byKey(t, e.Staff, "NS-1").Row.Pos.String(); got != `evidence/staff.xlsx: sheet "STAFF" A2` {
					t.Errorf("position = %s, want the sheet as the workbook spells it", got)
				}
			},
		},
		{
			name:  "not an xlsx",
			files: files{"staff.xlsx": []byte("Staff ID,Name\nNS-1,Ada\n")},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `not a readable .xlsx workbook: `},
			},
		},
		{
			name:  "empty file",
			files: files{"staff.xlsx": {}},
			problems: []wantProblem{
				{`evidence/staff.xlsx`, `not a readable .xlsx workbook: `},
			},
		},
		{
			name:  "no files",
			files: files{},
			check: func(t *testing.T, e *Evidence) {
				for _, r := range e.Registers {
					if r.Present || r.Rows != 0 {
						t.Errorf("%s: Present %v Rows %d, want false and 0", r.Schema.Name, r.Present, r.Rows)
					}
				}
			},
		},
		{
			name: "formula cells are not evaluated: one with no saved value is a problem at its cell",
			files: file(t, "staff",
				row(t, "staff", "NS-1", map[string]string{"Identity Check": "=DATE(2025,3,10)"}),
				row(t, "staff", "NS-2", map[string]string{"Start Date": "=TODAY()"}),
			),
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" I2`, `Identity Check: the formula =DATE(2025,3,10) has no saved value`},
				{`evidence/staff.xlsx: sheet "Staff" E3`, `Start Date: the formula =TODAY() has no saved value`},
			},
			keys: []string{"NS-1", "NS-2"},
			check: func(t *testing.T, e *Evidence) {
				// No cached value was saved: nothing to read, and the rules
				// must not report the check as missing as well.
				if d := byKey(t, e.Staff, "NS-1").IdentityCheck; d.Set || !d.Invalid {
					t.Errorf("Identity Check = %+v, want invalid", d)
				}
			},
		},
		{
			name:  "header row on row 20 is found",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: strings.Repeat("title\n", 19) + sheet(t, "staff", one).TSV})},
			keys:  []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				if got := byKey(t, e.Staff, "NS-1").Row.Pos.Cell(); got != "A21" {
					t.Errorf("key cell = %s, want A21", got)
				}
			},
		},
		{
			name:  "header row on row 21 is not",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: strings.Repeat("title\n", 20) + sheet(t, "staff", one).TSV})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A1`, `no header row: want a row naming the column "Staff ID" in the first 20 rows`},
			},
		},
		{
			name:  "empty sheet",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: ""})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" A1`, `no header row`},
			},
		},
		{
			name:  "header only",
			files: file(t, "staff"),
			check: func(t *testing.T, e *Evidence) {
				if r := e.Register("staff"); !r.Present || r.Rows != 0 || len(r.Header) != len(schema(t, "staff").Header()) {
					t.Errorf("Present %v Rows %d Header %q", r.Present, r.Rows, r.Header)
				}
			},
		},
		{
			name: "column twice",
			files: files{"staff.xlsx": xlsx(t, workbook.Sheet{Name: "Staff", TSV: tsv(
				header(t, "staff")+"\tstart date",
				row(t, "staff", "NS-1")+"\t2030-01-01",
			)})},
			problems: []wantProblem{
				{`evidence/staff.xlsx: sheet "Staff" Q1`, `column "Start Date" appears twice (first in column E); the first is used`},
			},
			keys: []string{"NS-1"},
			check: func(t *testing.T, e *Evidence) {
				if got := byKey(t, e.Staff, "NS-1").Start.String(); got != "2025-04-01" {
					t.Errorf("Start Date = %s, want the first column's 2025-04-01", got)
				}
			},
		},
	})
}

// dropColumn removes from a tab-separated row the cell equal to value, or its
// n-th occurrence (0-based) when n is given.
func dropColumn(row, value string, n ...int) string {
	cells := strings.Split(row, "\t")
	want := 0
	if len(n) > 0 {
		want = n[0]
	}
	for i, c := range cells {
		if c != value {
			continue
		}
		if want == 0 {
			return strings.Join(slices.Delete(cells, i, i+1), "\t")
		}
		want--
	}
	panic("dropColumn: no " + value + " in " + row)
}

// TestLoad1904 reads a workbook saved in the 1904 date system, where serial
// 0 is 1 January 1904 and every serial is 1462 days less than in the 1900
// system.
func TestLoad1904(t *testing.T) {
	// 44338 is 2025-05-23 in the 1904 system and 2021-05-22 in the 1900 one.
	b := xlsx(t, sheet(t, "staff", row(t, "staff", "NS-1", map[string]string{"Start Date": "44338", "Identity Check": "'2025-03-10"})))
	tests := []struct {
		name     string
		date1904 bool
		want     string
	}{
		{"1900 system", false, "2021-05-22"},
		{"1904 system", true, "2025-05-23"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := excelize.OpenReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &tt.date1904}); err != nil {
				t.Skipf("excelize cannot set the 1904 date system: %v", err)
			}
			buf, err := f.WriteToBuffer()
			if err != nil {
				t.Fatal(err)
			}
			e := Load(files{"staff.xlsx": buf.Bytes()}.fs(), "evidence")
			if p := allProblems(e); len(p) != 0 {
				t.Fatalf("problems: %q", p)
			}
			s := byKey(t, e.Staff, "NS-1")
			if got := s.Start.String(); got != tt.want {
				t.Errorf("Start Date = %s, want %s", got, tt.want)
			}
			if got := s.IdentityCheck.String(); got != "2025-03-10" {
				t.Errorf("text Identity Check = %s, want 2025-03-10 whatever the date system", got)
			}
			if got := e.Register("staff").Data[0].Cells()[slices.Index(schema(t, "staff").Header(), "Start Date")]; got != tt.want {
				t.Errorf("displayed Start Date = %s, want %s", got, tt.want)
			}
		})
	}
}

// TestLoadTooLarge checks the size bound on a workbook file.
func TestLoadTooLarge(t *testing.T) {
	big := make([]byte, MaxWorkbookSize+1)
	e := Load(files{"staff.xlsx": big}.fs(), "evidence")
	got := allProblems(e)
	if len(got) != 1 || !strings.HasPrefix(got[0], "evidence/staff.xlsx: cannot read the workbook: larger than 64 MiB") {
		t.Errorf("problems = %q, want one saying the file is too large", got)
	}
	if !e.Register("staff").Present {
		t.Error("Present = false, want true")
	}
}
