package model

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
	"github.com/agency/evidence-site/generator/workdays"
)

func build(t *testing.T, files map[string]workbook.Sheet) *Site {
	t.Helper()
	sch, err := schedule.Load(os.DirFS("../../content"), evidence.SourceNames())
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, sh := range files {
		b, err := workbook.Build(sh)
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	ev := evidence.Load(fsys, "evidence")
	asOf := workdays.Date(2026, time.November, 27)
	cfg := &config.Config{Contract: config.Contract{Form: "B", StartDate: workdays.Date(2025, 4, 1)}, Review: config.Review{PeriodStart: workdays.Date(2025, 4, 1)}}
	cal, err := workdays.New(workdays.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := rules.Evaluate(rules.Input{Config: cfg, AsOf: asOf, Calendar: cal, Paragraphs: sch.Form("B"), Schedule: sch, Evidence: ev})
	return Build(Input{Config: cfg, AsOf: asOf, AsOfSource: "test", Schedule: sch, Evidence: ev, Result: res, Calendar: cal})
}

const staffTSV = "Staff ID\tName\tRole\tStart Date\tEnd Date\tGovernment Data Access\tPrivileged Access\tIdentity Check\tCriminal Record Check\tRight To Work Check\tClearance Required\tClearance Held\tAccess Revoked\n" +
	"S1\tAnn\tDev\t2025-04-01\t\tYes\tNo\t2025-03-01\t2025-03-01\t2025-03-01\tNone\t\t\n"

// Findings link to the row that shows them: by key in a register with one
// row a key, by sheet row in one with many; rows not shown get no link.
func TestFindingLinksAndRowChecks(t *testing.T) {
	s := build(t, map[string]workbook.Sheet{
		"staff.xlsx":    {Name: "Staff", TSV: staffTSV},
		"training.xlsx": {Name: "Training", TSV: "Staff ID\tCourse\tCompleted\nS1\tSIM\t2025-01-10\nS1\tSIM\t2025-10-20\nS9\tSIM\t2026-01-01\n"},
	})
	hrefs := map[string]string{}
	for _, f := range s.Findings {
		if f.Subject != "" {
			hrefs[f.Subject+" "+string(f.Kind)] = f.SubjectHref
		}
	}
	if got := hrefs["S1 violation"]; got != "registers/training.html#row-3" {
		t.Errorf("overdue training finding links to %q, want the training row 3", got)
	}
	if got, ok := hrefs["S9 invalid"]; !ok || got != "" {
		t.Errorf("unknown-staff finding links to %q (found %v), want no link: its row is not shown", got, ok)
	}
	var training *Register
	for _, r := range s.Registers {
		if r.Name == "training" {
			training = r
		}
	}
	if training == nil || len(training.Data) != 2 {
		t.Fatalf("training register rows: %+v", training)
	}
	if r := training.Data[1]; r.Anchor() != "row-3" || r.Status != rules.Gap || len(r.Checks) == 0 {
		t.Errorf("training row 3: anchor %q status %q checks %d, want row-3, gap, its 6.4 check", r.Anchor(), r.Status, len(r.Checks))
	}
	c := s.Counts
	if c.Total != 133 || c.Covered+c.Gap+c.Missing+c.Info+c.NA != c.Total || c.Assessable != c.Covered+c.Gap+c.Missing {
		t.Errorf("counts do not add up: %+v", c)
	}
}

func TestCountsRounding(t *testing.T) {
	ps := []*Paragraph{{Status: rules.Covered}, {Status: rules.GapStatus}, {Status: rules.MissingStat}, {Status: rules.Info}, {Status: rules.NA}, {Status: rules.Covered}}
	c := counts(ps)
	if c.Assessable != 4 || c.CoveredPct != 50 {
		t.Errorf("%+v", c)
	}
	c = counts([]*Paragraph{{Status: rules.Covered}, {Status: rules.GapStatus}, {Status: rules.GapStatus}})
	if c.CoveredPct != 33 {
		t.Errorf("1 of 3 = %d%%, want 33", c.CoveredPct)
	}
	c = counts([]*Paragraph{{Status: rules.Covered}, {Status: rules.Covered}, {Status: rules.GapStatus}})
	if c.CoveredPct != 67 {
		t.Errorf("2 of 3 = %d%%, want 67 (rounded)", c.CoveredPct)
	}
}

func TestHumanSize(t *testing.T) {
	for _, tt := range []struct {
		n    int64
		want string
	}{{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1.0 KiB"}, {1536, "1.5 KiB"}, {5 << 20, "5.0 MiB"}} {
		if got := humanSize(tt.n); got != tt.want {
			t.Errorf("humanSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if !strings.HasPrefix(ItemHref("EV-001"), DocumentsHref+"#item-EV-001") {
		t.Errorf("ItemHref = %q", ItemHref("EV-001"))
	}
}

// The method page lists every year judged, from the contract's start (or
// the review period's, if earlier) to the year after the as-of date, with
// where its bank holidays came from.
func TestCalendarYears(t *testing.T) {
	file, err := workdays.ParseGovUK("bank-holidays.json", []byte(`{"england-and-wales":{"division":"england-and-wales","events":[
{"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
{"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true}]}}`))
	if err != nil {
		t.Fatal(err)
	}
	d := workdays.Date
	const gov, builtIn = "GOV.UK file bank-holidays.json", workdays.BuiltIn
	tests := []struct {
		name                string
		start, period, asOf time.Time
		file                *workdays.HolidayFile
		want                []CalendarYear
	}{
		{"built-in table", d(2025, 4, 1), d(2025, 4, 1), d(2026, 11, 27), nil,
			[]CalendarYear{{2025, builtIn, 8}, {2026, builtIn, 8}, {2027, builtIn, 8}}},
		{"file for 2026", d(2025, 4, 1), d(2025, 10, 1), d(2026, 11, 27), file,
			[]CalendarYear{{2025, builtIn, 8}, {2026, gov, 2}, {2027, builtIn, 8}}},
		{"review period from before the contract", d(2025, 4, 1), d(2024, 10, 1), d(2025, 5, 1), file,
			[]CalendarYear{{2024, builtIn, 8}, {2025, builtIn, 8}, {2026, gov, 2}}},
		{"no dates but the as-of date", time.Time{}, time.Time{}, d(2026, 1, 5), nil,
			[]CalendarYear{{2026, builtIn, 8}, {2027, builtIn, 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := workdays.NewWithFile(workdays.EnglandAndWales, tt.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			cfg := &config.Config{Contract: config.Contract{StartDate: tt.start}, Review: config.Review{PeriodStart: tt.period}}
			got := buildCalendar(Input{Config: cfg, AsOf: tt.asOf, Calendar: cal}).Years
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("year %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
