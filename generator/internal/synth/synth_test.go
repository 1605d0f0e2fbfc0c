package synth

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

const content = "../../../content"

func sizeS(t testing.TB) Size {
	s, ok := LookupSize("s")
	if !ok {
		t.Fatal("no size S")
	}
	return s
}

// write writes a set of size sz into a fresh folder.
func write(t testing.TB, sz Size, seed uint64) string {
	t.Helper()
	docs, err := Documents(os.DirFS(content))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "set")
	if _, err := Write(dir, Options{Size: sz, Seed: seed, Documents: docs}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// loadConfig reads the set's config.toml.
func loadConfig(t testing.TB, dir string) *config.Config {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("config.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// evaluate loads the set in dir and judges it, as the generator does.
func evaluate(t testing.TB, dir string) (*evidence.Evidence, rules.Result) {
	t.Helper()
	cfg := loadConfig(t, dir)
	sch, err := schedule.Load(os.DirFS(content), evidence.SourceNames())
	if err != nil {
		t.Fatal(err)
	}
	cal, err := workdays.New(cfg.Calendar.Region, cfg.Calendar.ExtraHolidays)
	if err != nil {
		t.Fatal(err)
	}
	ev := evidence.Load(os.DirFS(filepath.Join(dir, "evidence")), "evidence")
	res := rules.Evaluate(rules.Input{Config: cfg, AsOf: cfg.Review.AsOf, Calendar: cal,
		Paragraphs: sch.Form(cfg.Contract.Form), Schedule: sch, Evidence: ev})
	return ev, res
}

// Two runs with the same size and seed give byte-identical files; another
// seed gives other registers.
func TestDeterministic(t *testing.T) {
	sz := sizeS(t)
	a, b, c := write(t, sz, 1), write(t, sz, 1), write(t, sz, 2)
	ta, tb, tc := tree.Read(t, a), tree.Read(t, b), tree.Read(t, c)
	if len(ta) < 15 {
		t.Fatalf("only %d files", len(ta))
	}
	if d := tree.Diff(ta, tb); len(d) > 0 {
		t.Errorf("two runs differ in %q", d)
	}
	if bytes.Equal(ta["evidence/vulnerabilities.xlsx"], tc["evidence/vulnerabilities.xlsx"]) {
		t.Error("seed 2 gives the same vulnerability register as seed 1")
	}
}

// Write refuses a folder that holds anything.
func TestWriteRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, Options{Size: sizeS(t), Seed: 1}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("Write into a non-empty folder: got %v, want an error saying so", err)
	}
}

// Every register holds the rows its size says, and loads with no problem:
// every finding in the set comes from a rule, none from an unreadable cell
// or a formula with no saved value.
func TestLoadsWithNoProblem(t *testing.T) {
	sz := sizeS(t)
	ev, res := evaluate(t, write(t, sz, 1))
	want := map[string]int{
		"staff": sz.Staff, "training": sz.Training, "vulnerabilities": sz.Vulnerabilities,
		"vulnerability-reports": sz.Reports, "software": sz.Software, "devices": sz.Devices,
		"security-tests": sz.SecurityTests, "incidents": sz.Incidents, "privileges": sz.Privileges,
	}
	for _, s := range evidence.Schemas() {
		reg := ev.Register(s.Name)
		if !reg.Present {
			t.Errorf("%s: not written", s.File)
			continue
		}
		n, ok := want[s.Name]
		if !ok {
			t.Errorf("%s: a register this test does not know: add its size", s.Name)
		}
		if reg.Rows != n {
			t.Errorf("%s: %d rows, want %d", s.Name, reg.Rows, n)
		}
		for _, p := range reg.Problems {
			t.Errorf("%s: %s", p.Pos, p.Msg)
		}
	}
	for _, p := range ev.Documents.Problems {
		t.Errorf("%s: %s", p.Pos, p.Msg)
	}
	for _, f := range res.Findings {
		if f.Kind == rules.Invalid || f.Kind == rules.Missing {
			t.Errorf("%s finding: %s %s: %s", f.Kind, f.Paragraph, f.Pos, f.Message)
		}
	}
}

// The deliberate findings are a few percent of each register's checks:
// not none, and not most.
func TestShareOfFindings(t *testing.T) {
	m, ok := LookupSize("M")
	if !ok {
		t.Fatal("no size M")
	}
	if testing.Short() {
		m = sizeS(t)
	}
	_, res := evaluate(t, write(t, m, 1))
	type tally struct{ checks, gaps int }
	by := map[string]*tally{}
	for _, c := range res.Checks {
		if c.Named {
			continue
		}
		tl := by[c.Source]
		if tl == nil {
			tl = &tally{}
			by[c.Source] = tl
		}
		tl.checks++
		if c.Outcome == rules.Gap {
			tl.gaps++
		}
	}
	// The training records are judged as the staff register's checks.
	for _, name := range []string{"staff", "vulnerabilities", "devices", "incidents", "privileges", "security-tests"} {
		tl := by[name]
		if tl == nil {
			t.Errorf("%s: no checks", name)
			continue
		}
		share := float64(tl.gaps) / float64(tl.checks)
		t.Logf("%-16s %7d checks, %5d gaps (%.1f%%)", name, tl.checks, tl.gaps, 100*share)
		if tl.gaps == 0 || share > 0.15 {
			t.Errorf("%s: %d gaps in %d checks: want a few percent", name, tl.gaps, tl.checks)
		}
	}
	kinds := map[string]int{}
	for _, f := range res.Findings {
		kinds[fmt.Sprintf("%s %s %s", f.Paragraph, f.Kind, f.Severity)]++
	}
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		t.Logf("%6d %s", kinds[k], k)
	}
}

// The set's dates are those its config.toml is judged at.
func TestConfigDates(t *testing.T) {
	dir := write(t, sizeS(t), 1)
	cfg := loadConfig(t, dir)
	if got := cfg.Contract.StartDate.Format(time.DateOnly); got != ContractStart {
		t.Errorf("start_date %s, want %s", got, ContractStart)
	}
	if got := cfg.Review.AsOf.Format(time.DateOnly); got != AsOf {
		t.Errorf("as_of %s, want %s", got, AsOf)
	}
}

// A whole build of S succeeds, prints no problem in the evidence, and
// writes the site.
func TestBuild(t *testing.T) {
	dir := write(t, sizeS(t), 1)
	var stdout, stderr bytes.Buffer
	out := filepath.Join(t.TempDir(), "public")
	o := cli.Options{Project: "../../..", Config: filepath.Join(dir, "config.toml"), Evidence: filepath.Join(dir, "evidence"), Out: out}
	if err := cli.Build(o, &stdout, &stderr); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr.String())
	}
	if stderr.Len() > 0 {
		t.Errorf("build printed problems:\n%s", stderr.String())
	}
	if !strings.Contains(stdout.String(), "Built "+out) {
		t.Errorf("stdout %q", stdout.String())
	}
	for _, name := range []string{"index.html", "gaps.json", "registers/vulnerabilities.html", "registers/vulnerabilities--page-2.html"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}
	// Read on every core and written on every core, a second build is
	// byte for byte the first.
	again := filepath.Join(t.TempDir(), "public")
	o.Out = again
	if err := cli.Build(o, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	first := tree.Read(t, out)
	if len(first) < 150 {
		t.Errorf("only %d files built", len(first))
	}
	if d := tree.Diff(first, tree.Read(t, again)); len(d) > 0 {
		t.Errorf("two builds differ in %q", d)
	}
}
