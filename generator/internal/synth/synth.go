// Package synth writes a complete, realistic, synthetic evidence folder of
// a chosen size, for trying the generator at scale and for its benchmarks.
//
// Write puts a config.toml and an evidence/ folder into a directory: every
// register of the register table (each sheet's header comes from
// evidence.Schemas(), so a new column never drifts), the governance TOML
// files (plans.toml, governance.toml, evidence-items.toml) and the documents
// they attach. The set builds with
//
//	go run ./generator --config DIR/config.toml --evidence DIR/evidence
//
// The fictional Agency, Northgate Data Services Ltd, has run a Part B
// contract for ten years: it started on Tuesday 1 November 2016
// (ContractStart) and is judged as of Friday 27 November 2026 (AsOf), with
// the bank holidays of England and Wales. The estate grows with the size
// (Sizes); the calendar does not, so every size has the same 120 monthly
// reports, ten annual IT Health Checks and ten years of governance.
//
// The output is deterministic: the same Size and Seed give byte-identical
// files (workbooks have fixed document properties, and every random choice
// comes from a generator seeded by Seed and the register's name, so that
// adding a register changes no other). Most rows comply; a few percent of
// each register is a deliberate finding of the kind a real Agency has:
// late patches, lapsed training, stale device attestations, late monthly
// reports, leavers revoked late, incidents notified late, tests whose
// results came late. None of the cells is unreadable: loading the set
// reports no problem, so every finding comes from a rule.
//
// Some cells are formulas with their saved values, as spreadsheets exported
// from other tools have them (a right-to-work check dated =I2, a patch
// applied =D7+9, a test's dates repeated from its first row): the reader
// reads the saved value. A few dates are UK dd/mm/yyyy text.
//
// Large sheets are written with excelize's StreamWriter, in bounded memory.
package synth

import (
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

// The set's fixed dates, as yyyy-mm-dd.
const (
	ContractStart = "2016-11-01"
	AsOf          = "2026-11-27"
)

// Size is how many rows each register holds.
type Size struct {
	Name            string
	Staff           int
	Training        int
	Vulnerabilities int
	Reports         int
	Software        int
	Devices         int
	SecurityTests   int // rows: one per finding, and one per test with none
	Incidents       int
	Privileges      int
}

// Sizes returns the sizes, smallest first. L is a large Agency: 5,000 staff,
// 50,000 training rows, 20,000 devices, 200,000 vulnerability rows, 1,000
// security-test rows, 2,000 incidents and 1,000 grants of privileged access;
// XL is four times L, M a tenth of L and S a hundredth. The monthly reports
// are 120 at every size: the contract's ten years, which do not grow with
// the estate. S keeps at least one row of every register.
func Sizes() []Size {
	l := Size{Name: "L", Staff: 5000, Training: 50000, Vulnerabilities: 200000, Reports: 120, Software: 400,
		Devices: 20000, SecurityTests: 1000, Incidents: 2000, Privileges: 1000}
	scale := func(name string, num, den int) Size {
		f := func(n int) int { return max(n*num/den, 1) }
		return Size{Name: name, Staff: f(l.Staff), Training: f(l.Training), Vulnerabilities: f(l.Vulnerabilities),
			Reports: l.Reports, Software: max(f(l.Software), 10), Devices: f(l.Devices),
			SecurityTests: max(f(l.SecurityTests), annualTests), Incidents: f(l.Incidents), Privileges: f(l.Privileges)}
	}
	return []Size{scale("S", 1, 100), scale("M", 1, 10), l, scale("XL", 4, 1)}
}

// LookupSize returns the size named name (S, M, L or XL, any case).
func LookupSize(name string) (Size, bool) {
	for _, s := range Sizes() {
		if strings.EqualFold(s.Name, name) {
			return s, true
		}
	}
	return Size{}, false
}

// Options say what to write.
type Options struct {
	Size Size
	Seed uint64
	// Documents are the ids of the Part B paragraphs that expect documents
	// as their evidence (front matter evidence = ["document", ...]): the
	// [[evidence]] items cover them. Give them from the schedule, so that
	// no item names a paragraph the schedule does not have; with none, the
	// set has no [[evidence]] items.
	Documents []string
}

// Documents returns the ids of the Part B paragraphs of the schedule in
// content (the project's content/ folder) that expect a supporting
// document, for Options.Documents, in document order.
func Documents(content fs.FS) ([]string, error) {
	sch, err := schedule.Load(content, evidence.SourceNames())
	if err != nil {
		return nil, fmt.Errorf("synth: the schedule: %w", err)
	}
	var ids []string
	for _, p := range sch.Form("B") {
		if slices.Contains(p.Evidence, evidence.DocumentSource) {
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

// Write writes the set into dir: dir/config.toml and dir/evidence/. dir
// must be empty or not exist. It returns the paths of the files written,
// sorted.
func Write(dir string, o Options) ([]string, error) {
	if o.Size.Name == "" {
		return nil, errors.New("synth: no size given")
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("synth: %s is not empty", dir)
	}
	ev := filepath.Join(dir, "evidence")
	if err := os.MkdirAll(filepath.Join(ev, "documents"), 0o755); err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	s, err := newSet(o)
	if err != nil {
		return nil, err
	}
	var paths []string
	// Order matters only where one part reads another's output: staff
	// before training and privileges, governance changes before the tests
	// that follow them. Each part has its own random stream.
	s.planGovernance()
	s.planStaff()
	steps := []struct {
		file  string
		write func(path string) error
	}{
		{"config.toml", s.writeConfig},
		{"evidence/staff.xlsx", s.writeStaff},
		{"evidence/training.xlsx", s.writeTraining},
		{"evidence/vulnerabilities.xlsx", s.writeVulnerabilities},
		{"evidence/vulnerability-reports.xlsx", s.writeReports},
		{"evidence/software.xlsx", s.writeSoftware},
		{"evidence/devices.xlsx", s.writeDevices},
		{"evidence/security-tests.xlsx", s.writeSecurityTests},
		{"evidence/incidents.xlsx", s.writeIncidents},
		{"evidence/privileges.xlsx", s.writePrivileges},
		{"evidence/plans.toml", s.writePlans},
		{"evidence/governance.toml", s.writeGovernance},
		{"evidence/evidence-items.toml", s.writeItems},
	}
	for _, st := range steps {
		p := filepath.Join(dir, filepath.FromSlash(st.file))
		if err := st.write(p); err != nil {
			return paths, fmt.Errorf("synth: %s: %w", st.file, err)
		}
		paths = append(paths, p)
	}
	for _, d := range s.documents {
		p := filepath.Join(ev, "documents", d.name)
		if err := os.WriteFile(p, d.data, 0o644); err != nil {
			return paths, fmt.Errorf("synth: %w", err)
		}
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return paths, nil
}

// set is one synthetic evidence folder being written.
type set struct {
	o              Options
	start, asOf    time.Time
	cal            *workdays.Calendar
	staff          []person
	changes        []change // SMP and ISMS changes, in date order
	annualTestEnds []time.Time
	documents      []document
}

type document struct {
	name string
	data []byte
}

func newSet(o Options) (*set, error) {
	cal, err := workdays.New(workdays.EnglandAndWales, nil)
	if err != nil {
		return nil, err
	}
	return &set{o: o, start: mustDate(ContractStart), asOf: mustDate(AsOf), cal: cal}, nil
}

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err) // the package's own constants
	}
	return t
}

// rng is one part's random stream.
type rng struct{ *rand.Rand }

// rand returns the random stream of the part named name: seeded by the
// set's seed and the name, so that parts do not disturb each other.
func (s *set) rand(name string) rng {
	h := fnv.New64a()
	h.Write([]byte(name))
	return rng{rand.New(rand.NewPCG(s.o.Seed, h.Sum64()))}
}

// between returns a whole number from lo to hi, both included.
func (r rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

// chance is true with probability p.
func (r rng) chance(p float64) bool { return r.Float64() < p }

// pick returns one of xs.
func pick[T any](r rng, xs []T) T { return xs[r.IntN(len(xs))] }

// days returns d plus n calendar days.
func days(d time.Time, n int) time.Time { return workdays.AddDays(d, n) }

// dayIn returns a day from a to b, both included.
func (r rng) dayIn(a, b time.Time) time.Time {
	return days(a, r.between(0, workdays.DaysBetween(a, b)))
}
