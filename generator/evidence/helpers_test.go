package evidence

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// staffHeader is the staff register's header row in the sample's column
// order: A Staff ID ... P Exception Reference.
var staffHeader = []string{
	"Staff ID", "Name", "Role", "Employer", "Start Date", "End Date",
	"Government Data Access", "Privileged Access",
	"Identity Check", "Criminal Record Check", "Right To Work Check",
	"Clearance Required", "Clearance Held", "Clearance Expiry",
	"Access Revoked", "Exception Reference",
}

// staffRow returns a compliant, in-post staff row for id in staffHeader's
// order, with the named columns replaced by set (column name -> TSV cell).
func staffRow(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	v := map[string]string{
		"Staff ID": id, "Name": "Person " + id, "Role": "Developer", "Employer": "Agency Ltd",
		"Start Date": "2025-04-01", "Government Data Access": "Yes", "Privileged Access": "No",
		"Identity Check": "2025-03-10", "Criminal Record Check": "2025-03-10", "Right To Work Check": "2025-03-10",
		"Clearance Required": "BPSS", "Clearance Held": "BPSS",
	}
	for k, x := range set {
		if !slices.Contains(staffHeader, k) {
			t.Fatalf("staffRow: no column %q", k)
		}
		v[k] = x
	}
	cells := make([]string, len(staffHeader))
	for i, h := range staffHeader {
		cells[i] = v[h]
	}
	return strings.Join(cells, "\t")
}

// tsv joins rows (each already tab-separated) into sheet text.
func tsv(rows ...string) string { return strings.Join(rows, "\n") + "\n" }

// staffSheet is a "Staff" sheet with the standard header and rows.
func staffSheet(rows ...string) workbook.Sheet {
	return workbook.Sheet{Name: "Staff", TSV: tsv(append([]string{strings.Join(staffHeader, "\t")}, rows...)...)}
}

// trainingSheet is a "Training" sheet with the standard header; each row is
// "id\tcourse\tcompleted".
func trainingSheet(rows ...string) workbook.Sheet {
	return workbook.Sheet{Name: "Training", TSV: tsv(append([]string{"Staff ID\tCourse\tCompleted"}, rows...)...)}
}

// xlsx builds one workbook.
func xlsx(t testing.TB, sheets ...workbook.Sheet) []byte {
	t.Helper()
	b, err := workbook.Build(sheets...)
	if err != nil {
		t.Fatalf("workbook.Build: %v", err)
	}
	return b
}

// files is an evidence folder: file name -> contents.
type files map[string][]byte

func (f files) fs() fstest.MapFS {
	m := fstest.MapFS{}
	for name, b := range f {
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

// problems prints a register's problems as "pos: msg", in the order found.
func problems(r *Register) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("%s: %s", p.Pos, p.Msg))
	}
	return out
}

// allProblems prints every register's problems.
func allProblems(e *Evidence) []string {
	var out []string
	for _, r := range e.Registers {
		out = append(out, problems(r)...)
	}
	return out
}

// staffByID finds a staff member.
func staffByID(t *testing.T, e *Evidence, id string) Staff {
	t.Helper()
	for _, s := range e.Staff {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no staff %s among %d", id, len(e.Staff))
	return Staff{}
}

func ids(e *Evidence) []string {
	var out []string
	for _, s := range e.Staff {
		out = append(out, s.ID)
	}
	return out
}

// verifyRead checks a register read: its problems, in order, each with its
// exact position and a prefix of its message; and the keys of the rows
// used, in order, against the register's row count.
func verifyRead(t *testing.T, reg *Register, want []wantProblem, keys, wantKeys []string) {
	t.Helper()
	got := problems(reg)
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if i < len(got) && !strings.HasPrefix(got[i], w.pos+": "+w.msg) {
			t.Errorf("problem %d:\n got %s\nwant %s: %s…", i, got[i], w.pos, w.msg)
		}
	}
	if !slices.Equal(keys, wantKeys) || reg.Rows != len(wantKeys) {
		t.Errorf("rows %q (Rows %d), want %q", keys, reg.Rows, wantKeys)
	}
}

// verifyProblems checks a register's problems against want, in order: the
// exact position, a part of the message, and at least one paragraph each.
// No other register may have problems. It returns the problems.
func verifyProblems(t *testing.T, e *Evidence, register string, want []wantProblem) []Problem {
	t.Helper()
	got := e.Register(register).Problems
	if len(got) != len(want) || len(allProblems(e)) != len(got) {
		t.Fatalf("problems:\n%s\nwant %d:\n%v", strings.Join(allProblems(e), "\n"), len(want), want)
	}
	for i, w := range want {
		if got[i].Pos.String() != w.pos || !strings.Contains(got[i].Msg, w.msg) {
			t.Errorf("problem %d = %s: %s\nwant %s: ...%s...", i, got[i].Pos, got[i].Msg, w.pos, w.msg)
		}
		if len(got[i].Paragraphs) == 0 {
			t.Errorf("problem %d: no paragraphs", i)
		}
	}
	return got
}
