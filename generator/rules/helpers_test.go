package rules

import (
	"os"
	"slices"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

// The real schedule, loaded once for every test.
var loadSchedule = sync.OnceValues(func() (*schedule.Schedule, error) {
	return schedule.Load(os.DirFS("../../content"), evidence.SourceNames())
})

func form(t testing.TB, f string) []schedule.Paragraph {
	t.Helper()
	s, err := loadSchedule()
	if err != nil {
		t.Fatalf("loading ../../content: %v", err)
	}
	paras := s.Form(f)
	if len(paras) == 0 {
		t.Fatalf("form %q has no paragraphs", f)
	}
	return paras
}

func date(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// person returns a compliant, in-post staff row with Government Data
// Access, starting 2025-04-01 and needing and holding BPSS (the staff
// register's example row), with the named columns replaced by set.
func person(t testing.TB, id string, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "staff", id, set)
}

// setup is one evaluation: registers as TSV rows (nil: no file) and the
// contract settings.
type setup struct {
	form           string // default "B"
	asOf           string // default "2026-11-27"
	staff          []string
	training       []string // "id\tcourse\tcompleted"
	noTraining     bool     // leave training.xlsx out even if training is nil
	courses        []string
	securityPolicy bool
	bespokeISMS    bool
}

func (s setup) input(t testing.TB) Input {
	t.Helper()
	rows := map[string][]string{"staff": s.staff}
	if !s.noTraining {
		rows["training"] = append([]string{}, s.training...) // a file even with no rows
	}
	return s.inputWith(t, loadRegisters(t, rows))
}

func (s setup) inputWith(t testing.TB, ev *evidence.Evidence) Input {
	t.Helper()
	f := s.form
	if f == "" {
		f = "B"
	}
	asOf := s.asOf
	if asOf == "" {
		asOf = "2026-11-27"
	}
	cal, err := workdays.New("england-and-wales", nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{
		Contract: config.Contract{
			Name: "Test contract", Client: "the Client", Agency: "the Agency",
			Form: f, StartDate: date(t, "2025-04-01"), ReportsFrom: date(t, "2025-04-01"),
			SecurityPolicy: s.securityPolicy, BespokeISMS: s.bespokeISMS,
		},
		Review:   config.Review{PeriodStart: date(t, "2025-04-01"), AsOf: date(t, asOf), AsOfSet: true},
		Calendar: config.Calendar{Region: workdays.EnglandAndWales},
		Rules:    config.Rules{TrainingCourses: s.courses},
	}
	sch, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Config: cfg, AsOf: date(t, asOf), Calendar: cal, Paragraphs: form(t, f), Schedule: sch, Evidence: ev}
}

func (s setup) eval(t testing.TB) Result {
	t.Helper()
	return Evaluate(s.input(t))
}

// findings returns the findings against para about subject.
func findings(r Result, para, subject string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Paragraph == para && f.Subject == subject {
			out = append(out, f)
		}
	}
	return out
}

// checks returns the checks for para about subject.
func checks(r Result, para, subject string) []Check {
	var out []Check
	for _, c := range r.Checks {
		if c.Paragraph == para && c.Subject == subject {
			out = append(out, c)
		}
	}
	return out
}

func status(t testing.TB, r Result, id string) ParagraphResult {
	t.Helper()
	for _, p := range r.Paragraphs {
		if p.ID == id {
			return p
		}
	}
	t.Fatalf("no paragraph %s in the result", id)
	return ParagraphResult{}
}

// want is what a rule table expects for one subject and paragraph: the
// check's outcome ("" for no check) and the findings, each as
// "kind severity cell".
type want struct {
	outcome  Outcome
	findings []string
}

func (w want) verify(t *testing.T, r Result, para, subject string) {
	t.Helper()
	cs := checks(r, para, subject)
	switch {
	case w.outcome == "" && len(cs) != 0:
		t.Errorf("%s %s: checks %+v, want none", para, subject, cs)
	case w.outcome != "" && len(cs) != 1:
		t.Errorf("%s %s: %d checks %+v, want one %s", para, subject, len(cs), cs, w.outcome)
	case w.outcome != "" && cs[0].Outcome != w.outcome:
		t.Errorf("%s %s: outcome %s (%s), want %s", para, subject, cs[0].Outcome, cs[0].Detail, w.outcome)
	}
	var got []string
	for _, f := range findings(r, para, subject) {
		got = append(got, string(f.Kind)+" "+string(f.Severity)+" "+f.Pos.Cell)
	}
	if !slices.Equal(got, w.findings) {
		t.Errorf("%s %s: findings %q, want %q", para, subject, got, w.findings)
		for _, f := range findings(r, para, subject) {
			t.Logf("  %s: %s", f.Pos, f.Message)
		}
	}
}

// mapFS is a folder of text files.
type mapFS map[string]string

func (m mapFS) fs() fstest.MapFS {
	out := fstest.MapFS{}
	for k, v := range m {
		out[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return out
}
