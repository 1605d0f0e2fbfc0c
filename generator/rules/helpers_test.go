package rules

import (
	"cmp"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/diag"
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

// calendar is the England and Wales calendar, with no extra closures.
func calendar(t testing.TB) *workdays.Calendar {
	t.Helper()
	cal, err := workdays.New(workdays.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}
	return cal
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
	periodStart    string // [review] period_start; default the start date, 2025-04-01
	staff          []string
	training       []string // "id\tcourse\tcompleted"
	noTraining     bool     // leave training.xlsx out even if training is nil
	courses        []string
	trainingMonths int // [rules] training_interval_months; 0: the default
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
	f, asOf := cmp.Or(s.form, "B"), cmp.Or(s.asOf, "2026-11-27")
	cfg := &config.Config{
		Contract: config.Contract{
			Name: "Test contract", Client: "the Client", Agency: "the Agency",
			Form: f, StartDate: date(t, "2025-04-01"), ReportsFrom: date(t, "2025-04-01"),
			SecurityPolicy: s.securityPolicy, BespokeISMS: s.bespokeISMS,
		},
		Review:   config.Review{PeriodStart: date(t, cmp.Or(s.periodStart, "2025-04-01")), AsOf: date(t, asOf), AsOfSet: true},
		Calendar: config.Calendar{Region: workdays.EnglandAndWales},
		Rules:    config.Rules{TrainingCourses: s.courses, TrainingIntervalMonths: s.trainingMonths},
	}
	sch, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	return Input{Config: cfg, AsOf: date(t, asOf), Calendar: calendar(t), Paragraphs: form(t, f), Schedule: sch, Evidence: ev}
}

func (s setup) eval(t testing.TB) Result {
	t.Helper()
	return Evaluate(s.input(t))
}

// where returns the elements of xs that keep holds for.
func where[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// findings returns the findings against para about subject.
func findings(r Result, para, subject string) []Finding {
	return where(r.Findings, func(f Finding) bool { return f.Paragraph == para && f.Subject == subject })
}

// checks returns the checks for para about subject.
func checks(r Result, para, subject string) []Check {
	return where(r.Checks, func(c Check) bool { return c.Paragraph == para && c.Subject == subject })
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

// want is what a rule table expects for one paragraph and subject.
type want struct {
	outcome  Outcome  // the one check's outcome; "" for no check
	findings []string // each "kind severity cell", or "kind severity line" in a text file
	// The check's deadline (yyyy-mm-dd) and margin, when deadline is set,
	// and its unit, when unit is set; "-" for a check without a deadline.
	deadline string
	margin   int
	unit     Unit
	part     string // look only at the checks whose detail holds part
	detail   string // part of the check's detail
	message  string // part of the first finding's message
	noRow    bool   // the check is about a row that is not there: it points at the file
}

// gap is a gap check with findings.
func gap(findings ...string) want { return want{outcome: Gap, findings: findings} }

// noCheck is no check, only findings (an unreadable cell's).
func noCheck(findings ...string) want { return want{findings: findings} }

// by is w with the check's deadline, margin and unit.
func (w want) by(deadline string, margin int, unit Unit) want {
	w.deadline, w.margin, w.unit = deadline, margin, unit
	return w
}

func (w want) verify(t *testing.T, r Result, para, subject string) {
	t.Helper()
	w.verifyCheck(t, r, para, subject)
	fs := findings(r, para, subject)
	var got []string
	for _, f := range fs {
		got = append(got, string(f.Kind)+" "+string(f.Severity)+" "+at(f.Pos))
	}
	if !slices.Equal(got, w.findings) {
		t.Errorf("%s %s: findings %q, want %q", para, subject, got, w.findings)
		for _, f := range fs {
			t.Logf("  %s: %s", f.Pos, f.Message)
		}
	}
	if w.message != "" && (len(fs) == 0 || !strings.Contains(fs[0].Message, w.message)) {
		t.Errorf("%s %s: findings %+v, want the first message to hold %q", para, subject, fs, w.message)
	}
}

// verifyCheck verifies the check alone: its outcome, and its deadline,
// margin, unit and detail where w gives them. Every check has a detail
// and points at a cell or a line of its file.
func (w want) verifyCheck(t *testing.T, r Result, para, subject string) {
	t.Helper()
	cs := where(checks(r, para, subject), func(c Check) bool { return strings.Contains(c.Detail, w.part) })
	if w.outcome == "" {
		if len(cs) != 0 {
			t.Errorf("%s %s: checks %+v, want none", para, subject, cs)
		}
		if w.deadline != "" || w.detail != "" {
			t.Errorf("%s %s: the table wants a deadline or a detail of no check", para, subject)
		}
		return
	}
	if len(cs) != 1 {
		t.Errorf("%s %s: %d checks %+v, want one %s", para, subject, len(cs), cs, w.outcome)
		return
	}
	c := cs[0]
	if c.Outcome != w.outcome {
		t.Errorf("%s %s: outcome %s (%s), want %s", para, subject, c.Outcome, c.Detail, w.outcome)
	}
	if c.Detail == "" || c.Pos.File() == "" || w.noRow != (c.Pos.Cell() == "" && c.Pos.Line() == 0) {
		t.Errorf("%s %s: check %+v: want a detail, and a cell or line unless about no row (%v)", para, subject, c, w.noRow)
	}
	d := "-"
	if !c.Deadline.IsZero() {
		d = c.Deadline.Format(time.DateOnly)
	}
	switch {
	case w.deadline == "-" && (d != "-" || c.Margin != 0 || c.Unit != ""):
		t.Errorf("%s %s: deadline %s margin %d %s, want none (%s)", para, subject, d, c.Margin, c.Unit, c.Detail)
	case w.deadline != "" && w.deadline != "-" && (d != w.deadline || c.Margin != w.margin || w.unit != "" && c.Unit != w.unit):
		t.Errorf("%s %s: deadline %s margin %d %s, want %s margin %d %s (%s)", para, subject, d, c.Margin, c.Unit, w.deadline, w.margin, w.unit, c.Detail)
	}
	if !strings.Contains(c.Detail, w.detail) {
		t.Errorf("%s %s: detail %q, want %q in it", para, subject, c.Detail, w.detail)
	}
}

// at is where a finding or check points: its cell, or its line in a text
// file.
func at(p diag.Pos) string {
	if !p.HasCell() && p.Line() > 0 {
		return strconv.Itoa(p.Line())
	}
	return p.Cell()
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

// unjudged is a check that cannot be judged, for a row whose cell the rule
// needs is unreadable, with that cell's findings.
func unjudged(findings ...string) want { return want{outcome: Unjudged, findings: findings} }
