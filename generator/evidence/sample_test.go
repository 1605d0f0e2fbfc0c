// The sample tests are an external test package: package sample builds its
// sheets from the register table, so it imports package evidence.
package evidence_test

import (
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/sample"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// loadSample reads the checked-in sample evidence.
func loadSample() *evidence.Evidence { return evidence.Load(os.DirFS("../../evidence"), "evidence") }

// TestSampleRegisters reads the checked-in sample evidence, documented in
// package sample: each register's rows used and its problems, exactly
// (the deliberate invalid rows and cells of the sample's findings); the
// rules tests judge the rest.
func TestSampleRegisters(t *testing.T) {
	e := loadSample()
	for _, tt := range []struct {
		name     string
		rows     int
		problems []string
	}{
		{"staff", 36, nil},
		// 131 rows less NS-0099's; NS-0009's "tbc" row is kept, unset.
		{"training", 130, []string{
			`evidence/training.xlsx: sheet "Training" A131: Staff ID: "NS-0099" is not in the staff register evidence/staff.xlsx: this row is not used`,
			`evidence/training.xlsx: sheet "Training" C132: Completed: want a date (yyyy-mm-dd, dd/mm/yyyy or an Excel date), got "tbc"`,
		}},
		{"vulnerabilities", 25, nil},
		{"vulnerability-reports", 18, nil},
		{"software", 16, nil},
		{"devices", 31, []string{`evidence/devices.xlsx: sheet "Devices" G31: Management Authority: want one of Agency, Client, got "Kestrel Cloud"`}},
		{"security-tests", 13, nil},
		{"incidents", 9, nil},
	} {
		reg := e.Register(tt.name)
		var got []string
		for _, p := range reg.Problems {
			got = append(got, fmt.Sprintf("%s: %s", p.Pos, p.Msg))
		}
		if !slices.Equal(got, tt.problems) {
			t.Errorf("%s problems:\n%q\nwant:\n%q", tt.name, got, tt.problems)
		}
		if !reg.Present || reg.Rows != tt.rows || len(reg.Data) != tt.rows {
			t.Errorf("%s: present %v, %d rows, %d shown; want %d", tt.name, reg.Present, reg.Rows, len(reg.Data), tt.rows)
		}
	}
	for _, p := range e.Register("training").Problems {
		if !slices.Equal(p.Paragraphs, []string{evidence.ParaTraining}) {
			t.Errorf("%s: paragraphs %q, want [%s]", p.Pos, p.Paragraphs, evidence.ParaTraining)
		}
	}
	if len(e.Staff) != 36 || len(e.Training) != 130 {
		t.Errorf("%d staff and %d training records, want 36 and 130", len(e.Staff), len(e.Training))
	}
}

// byKey returns the record whose key is id.
func byKey[T any](t *testing.T, records []T, key func(T) string, id string) T {
	t.Helper()
	i := slices.IndexFunc(records, func(r T) bool { return key(r) == id })
	if i < 0 {
		t.Fatalf("no record %s among %d", id, len(records))
	}
	return records[i]
}

// TestSampleCells checks cells of the sample that readers must get right:
// UK text dates read day first, empty cells, and the values the package
// documents.
func TestSampleCells(t *testing.T) {
	e := loadSample()
	staff := func(id string) evidence.Staff {
		return byKey(t, e.Staff, func(s evidence.Staff) string { return s.ID }, id)
	}
	leavers := 0
	for _, s := range e.Staff {
		if s.End.Set {
			leavers++
		}
	}
	if leavers != 7 {
		t.Errorf("%d leavers, want 7", leavers)
	}
	for _, c := range []struct {
		id, col, want string
		got           func(evidence.Staff) evidence.Date
	}{
		{"NS-0009", "Identity Check", "2025-03-14", func(s evidence.Staff) evidence.Date { return s.IdentityCheck }},
		{"NS-0014", "Right To Work Check", "2025-03-17", func(s evidence.Staff) evidence.Date { return s.RightToWorkCheck }},
		{"NS-0018", "Identity Check", "2025-03-10", func(s evidence.Staff) evidence.Date { return s.IdentityCheck }},
		{"NS-0020", "Clearance Expiry", "2029-01-31", func(s evidence.Staff) evidence.Date { return s.ClearanceExpiry }},
		{"NS-0033", "End Date", "2025-11-28", func(s evidence.Staff) evidence.Date { return s.End }},
		{"NS-0011", "Right To Work Check", "2025-09-03", func(s evidence.Staff) evidence.Date { return s.RightToWorkCheck }},
	} {
		if got := c.got(staff(c.id)); got.String() != c.want {
			t.Errorf("%s %s = %q, want %s", c.id, c.col, got, c.want)
		}
	}
	if s := staff("NS-0015"); s.CriminalRecordCheck.Set || s.CriminalRecordCheck.Invalid || s.CriminalRecordCheck.Pos.Cell() != "J16" {
		t.Errorf("NS-0015 Criminal Record Check = %+v, want empty at J16", s.CriminalRecordCheck)
	}
	if s := staff("NS-0023"); s.ExceptionRef.Value != "CLIENT-AGREE-2025-014" || s.ExceptionRef.Pos.Cell() != "P24" {
		t.Errorf("NS-0023 Exception Reference = %+v", s.ExceptionRef)
	}
	latest := map[string]string{}
	for _, tr := range e.Training {
		latest[tr.StaffID] = max(latest[tr.StaffID], tr.Completed.String())
	}
	for id, want := range map[string]string{"NS-0008": "2026-01-21", "NS-0013": "2026-02-09"} {
		if latest[id] != want {
			t.Errorf("%s latest training %s, want the UK text date %s", id, latest[id], want)
		}
	}

	device := func(id string) evidence.Device {
		return byKey(t, e.Devices, func(d evidence.Device) string { return d.ID }, id)
	}
	if d := device("NG-LT-006"); d.AttestedOn.String() != "2026-06-16" {
		t.Errorf("NG-LT-006 Attested On %s, want the UK text date 16/06/2026", d.AttestedOn)
	}
	if d := device("NG-LT-012"); d.Authority.Value != evidence.AuthorityClient {
		t.Errorf("NG-LT-012 Management Authority %q, want Client", d.Authority.Value)
	}

	software := func(id string) evidence.Software {
		return byKey(t, e.Software, func(s evidence.Software) string { return s.ID }, id)
	}
	if k := software("Apache Kafka"); k.LatestRelease.String() != "2025-03-18" {
		t.Errorf("Apache Kafka Latest Release Date %s, want the UK text date 18/03/2025", k.LatestRelease)
	}
	if u := software("Ubuntu Server LTS"); u.N1Major() != 24 || u.Latest.Major != 26 {
		t.Errorf("Ubuntu: n-1 %d, latest %d", u.N1Major(), u.Latest.Major)
	}
}

// TestSampleWorkbooksUpToDate checks that the checked-in workbooks read the
// same as those package sample builds (go run ./generator/cmd/mksample).
func TestSampleWorkbooksUpToDate(t *testing.T) {
	built := fstest.MapFS{}
	for name, sheet := range sample.Files() {
		b, err := workbook.Build(sheet)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		built[name] = &fstest.MapFile{Data: b}
	}
	want := evidence.Load(built, "evidence")
	got := loadSample()
	// The TOML documents beside the workbooks are not built by package
	// sample: their own tests check them.
	got.Documents = evidence.Documents{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence/*.xlsx differ from package sample: run go run ./generator/cmd/mksample")
	}
}
