package evidence

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

func TestParseMonth(t *testing.T) {
	tests := []struct {
		in       string
		date1904 bool
		want     string // yyyy-mm, or "" for an error
	}{
		{"2026-04", false, "2026-04"},
		{" 2026-4 ", false, "2026-04"},
		{"2025-12", false, "2025-12"},
		{"2026-04-30", false, "2026-04"},
		{"2026-04-01", false, "2026-04"},
		{"30/04/2026", false, "2026-04"},
		{"1/4/2026", false, "2026-04"}, // UK: 1 April
		{"2026-04-30 00:00:00", false, "2026-04"},
		{"46142", false, "2026-04"},   // the serial of 2026-04-30
		{"46142.5", false, "2026-04"}, // noon on that day
		{"44680", true, "2026-04"},    // the same day in the 1904 system
		{"April 2026", false, "2026-04"},
		{"apr 2026", false, "2026-04"},
		{"February 2026", false, "2026-02"},
		{"2026-13", false, ""},
		{"2026-00", false, ""},
		{"2026-02-30", false, ""},
		{"1850-04", false, ""},
		{"2026/04", false, ""},
		{"04/2026", false, ""},
		{"Q2 2026", false, ""},
		{"tbc", false, ""},
		{"", false, ""},
		{"0", false, ""},
		{"-1", false, ""},
	}
	for _, tt := range tests {
		got, err := ParseMonth(tt.in, tt.date1904)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("ParseMonth(%q) = %s, want an error", tt.in, got.Format(MonthLayout))
		case tt.want == "":
			if !strings.HasPrefix(err.Error(), "want a month") && !strings.HasPrefix(err.Error(), "want a date between") {
				t.Errorf("ParseMonth(%q): error %q", tt.in, err)
			}
		case err != nil:
			t.Errorf("ParseMonth(%q): %v", tt.in, err)
		case got.Format(MonthLayout) != tt.want || got.Day() != 1 || got.Location() != time.UTC || got.Hour() != 0:
			t.Errorf("ParseMonth(%q) = %v, want the first of %s", tt.in, got, tt.want)
		}
	}
	// A date typed with a slip in its year says so, not "want a month".
	if _, err := ParseMonth("2205-04-30", false); err == nil || !strings.HasPrefix(err.Error(), "want a date between 1950 and 2199, got 2205-04-30") {
		t.Errorf("ParseMonth(2205-04-30): %v", err)
	}
}

func FuzzParseMonth(f *testing.F) {
	fuzzParse(f, []string{"2026-04", "2026-4", "2026-13", "2026-04-30", "30/04/2026", "46142", "April 2026", "Apr 2026", "", "tbc", "9999-12", "0001-01"},
		ParseMonth, "want a ", func(t *testing.T, s string, _ bool, m time.Time) {
			if m.Day() != 1 || m.Location() != time.UTC || m.Hour() != 0 || m.Year() < minYear || m.Year() > maxYear {
				t.Fatalf("ParseMonth(%q) = %v, want the first of a plausible month at 00:00 UTC", s, m)
			}
			// The key re-reads as the same month.
			if again, err := ParseMonth(m.Format(MonthLayout), false); err != nil || !again.Equal(m) {
				t.Fatalf("ParseMonth(%q) = %s, which re-reads as %v, %v", s, m.Format(MonthLayout), again, err)
			}
		})
}

func TestLoadReports(t *testing.T) {
	const at = `evidence/vulnerability-reports.xlsx: sheet "Reports" `
	// issued checks the Issued date of each report read, in order.
	issued := func(want ...string) func(t *testing.T, e *Evidence) {
		return func(t *testing.T, e *Evidence) {
			var got []string
			for _, r := range e.Reports {
				got = append(got, r.Issued.String())
			}
			if !slices.Equal(got, want) {
				t.Errorf("issued %q, want %q", got, want)
			}
		}
	}
	runLoad(t, "vulnerability-reports", []loadCase{
		{
			name: "every spelling of a month",
			files: file(t, "vulnerability-reports",
				"2026-01\t2026-02-04",     // text
				"2026-02-28\t2026-03-04",  // a date cell
				"'31/03/2026\t2026-04-08", // UK date text
				"'2026-04-30\t'08/05/2026",
				"May 2026\t",
				"2026-6\t2026-07-03",
			),
			keys:  []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
			check: issued("2026-02-04", "2026-03-04", "2026-04-08", "2026-05-08", "", "2026-07-03"),
		},
		{
			name: "a month given twice in any spelling is a problem; the first row is used",
			files: file(t, "vulnerability-reports",
				"2026-04\t2026-05-08",
				"2026-04-30\t2026-05-11",  // April again, as a date cell
				"'30/04/2026\t2026-05-12", // and as UK text
				"2026-04\t2026-05-13",     // the same text: found by the shared reader
				"April 2026\t2026-05-14",  // and by name
				"2026-05\t2026-06-05",
			),
			problems: []wantProblem{
				{at + "A3", `Month: April 2026 again (first at row 2): this row is not used`},
				{at + "A4", `Month: April 2026 again (first at row 2): this row is not used`},
				{at + "A5", `duplicate Month "2026-04" (first at row 2): this row is not used`},
				{at + "A6", `Month: April 2026 again (first at row 2): this row is not used`},
			},
			keys:  []string{"2026-04", "2026-05"},
			check: issued("2026-05-08", "2026-06-05"),
		},
		{
			name: "bad cells",
			files: file(t, "vulnerability-reports",
				"tbc\t2026-05-08",
				"2026-13\t2026-05-08",
				"2026-05\tsoon",
				"\t2026-07-03",
				"2026-06\t2026-07-03",
			),
			problems: []wantProblem{
				{at + "A2", `Month: want a month (yyyy-mm or a date in the month), got "tbc": this row is not used`},
				{at + "A3", `Month: want a month (yyyy-mm or a date in the month), got "2026-13": this row is not used`},
				{at + "B4", "Issued: " + dateWant + `, got "soon"`},
				{at + "A5", "Month is empty: this row is not used"},
			},
			keys:  []string{"2026-05", "2026-06"},
			check: issued("", "2026-07-03"),
		},
		{
			name:     "no Issued column",
			files:    files{"vulnerability-reports.xlsx": xlsx(t, workbook.Sheet{Name: "Reports", TSV: tsv("Month", "2026-04")})},
			problems: []wantProblem{{at + "A1", `missing required column "Issued" in the header row 1`}},
			keys:     []string{"2026-04"},
			check:    issued(""),
		},
		{
			name:     "no Month column",
			files:    files{"vulnerability-reports.xlsx": xlsx(t, workbook.Sheet{Name: "Reports", TSV: tsv("Issued", "2026-05-08")})},
			problems: []wantProblem{{at + "A1", `no header row: want a row naming the column "Month"`}},
		},
	}, func(t *testing.T, e *Evidence) {
		reg := e.Register("vulnerability-reports")
		for _, p := range reg.Problems {
			if !slices.Equal(p.Paragraphs, []string{ParaMonthlyReport}) {
				t.Errorf("%s: paragraphs %q", p.Pos, p.Paragraphs)
			}
		}
		// Each report is shown keyed by its month, in one spelling, which is
		// also its first cell.
		for i, r := range e.Reports {
			if r.Row.Value != r.Month || r.Start.Format(MonthLayout) != r.Month || r.Start.Day() != 1 || r.Row.Pos.Cell()[0] != 'A' {
				t.Errorf("report %+v: Row, Start and Month disagree", r)
			}
			if d := reg.Data[i]; d.Key != r.Month || len(d.Cells()) == 0 || d.Cells()[0] != d.Key {
				t.Errorf("shown row %+v: want the month %s as key and first cell", d, r.Month)
			}
		}
	})
}

// FuzzLoadReports fuzzes the Reports sheet (see fuzzRegister): the
// months read are in one spelling, shown as read.
func FuzzLoadReports(f *testing.F) {
	f.Add(sheet(f, "vulnerability-reports", "2026-04\t2026-05-08", "2026-04-30\t2026-05-11", "tbc\t", "\t2026-01-01").TSV)
	f.Add(sheet(f, "vulnerability-reports", "'30/04/2026\t45000", "April 2026\t=TODAY()", "46142.25\t2026-02-30").TSV)
	f.Add("title\n\nmonth\tISSUED\tMonth\n2026-4\t2026-05-08\t2026-05\n")
	f.Add("")
	fuzzRegister(f, "vulnerability-reports", nil, func(t *testing.T, e *Evidence) {
		reg := e.Register("vulnerability-reports")
		for i, r := range e.Reports {
			if r.Start.Format(MonthLayout) != r.Month || reg.Data[i].Key != r.Month {
				t.Fatalf("report %d: %+v (shown as %q) not in one spelling", i, r, reg.Data[i].Key)
			}
		}
	})
}
