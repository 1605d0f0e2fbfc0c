package evidence

import (
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/agency/evidence-site/generator/internal/sample"
)

// TestSampleWorkbooks reads the checked-in sample evidence, documented in
// package sample: the staff register is clean and the training register has
// exactly two invalid rows (finding 9).
func TestSampleWorkbooks(t *testing.T) {
	e := Load(os.DirFS("../../evidence"), "evidence")
	want := []string{
		`evidence/training.xlsx: sheet "Training" A131: Staff ID: "NS-0099" is not in the staff register evidence/staff.xlsx: this row is not used`,
		`evidence/training.xlsx: sheet "Training" C132: Completed: want a date (yyyy-mm-dd, dd/mm/yyyy or an Excel date), got "tbc"`,
	}
	// The other registers' samples are checked in their own tests.
	if got := append(problems(e.Register("staff")), problems(e.Register("training"))...); !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}
	for _, p := range e.Register("training").Problems {
		if !slices.Equal(p.Paragraphs, []string{ParaTraining}) {
			t.Errorf("%s: paragraphs %q, want [%s]", p.Pos, p.Paragraphs, ParaTraining)
		}
	}
	staff, training := e.Register("staff"), e.Register("training")
	if !staff.Present || staff.Rows != 36 || len(e.Staff) != 36 {
		t.Errorf("staff: present %v, %d rows, %d records; want 36", staff.Present, staff.Rows, len(e.Staff))
	}
	// 131 rows less NS-0099's; NS-0009's "tbc" row is kept, unset.
	if !training.Present || training.Rows != 130 || len(e.Training) != 130 || len(training.Data) != 130 {
		t.Errorf("training: present %v, %d rows, %d records, %d shown; want 130", training.Present, training.Rows, len(e.Training), len(training.Data))
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

	// The UK text dates are read day first.
	for _, c := range []struct {
		id, col, want string
		got           func(Staff) Date
	}{
		{"NS-0009", "Identity Check", "2025-03-14", func(s Staff) Date { return s.IdentityCheck }},
		{"NS-0014", "Right To Work Check", "2025-03-17", func(s Staff) Date { return s.RightToWorkCheck }},
		{"NS-0018", "Identity Check", "2025-03-10", func(s Staff) Date { return s.IdentityCheck }},
		{"NS-0020", "Clearance Expiry", "2029-01-31", func(s Staff) Date { return s.ClearanceExpiry }},
		{"NS-0033", "End Date", "2025-11-28", func(s Staff) Date { return s.End }},
		{"NS-0011", "Right To Work Check", "2025-09-03", func(s Staff) Date { return s.RightToWorkCheck }},
	} {
		if got := c.got(staffByID(t, e, c.id)); got.String() != c.want {
			t.Errorf("%s %s = %q, want %s", c.id, c.col, got, c.want)
		}
	}
	if s := staffByID(t, e, "NS-0015"); s.CriminalRecordCheck.Set || s.CriminalRecordCheck.Invalid || s.CriminalRecordCheck.Pos.Cell != "J16" {
		t.Errorf("NS-0015 Criminal Record Check = %+v, want empty at J16", s.CriminalRecordCheck)
	}
	if s := staffByID(t, e, "NS-0023"); s.ExceptionRef.Value != "CLIENT-AGREE-2025-014" || s.ExceptionRef.Pos.Cell != "P24" {
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
}

// TestSampleWorkbooksUpToDate checks that the checked-in workbooks read the
// same as those package sample builds (go run ./generator/cmd/mksample).
func TestSampleWorkbooksUpToDate(t *testing.T) {
	built := files{}
	for name, sheet := range sample.Files() {
		built[name] = xlsx(t, sheet)
	}
	want := Load(built.fs(), "evidence")
	got := Load(os.DirFS("../../evidence"), "evidence")
	// The TOML documents beside the workbooks are not built by package
	// sample: their own tests check them.
	got.Documents = Documents{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("evidence/*.xlsx differ from package sample: run go run ./generator/cmd/mksample")
	}
}
