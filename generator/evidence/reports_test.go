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
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2026-04", "2026-4", "2026-13", "2026-04-30", "30/04/2026", "46142", "April 2026", "Apr 2026", "", "tbc", "9999-12", "0001-01"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		m, err := ParseMonth(s, date1904)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseMonth(%q): empty error", s)
			}
			return
		}
		if m.Day() != 1 || m.Location() != time.UTC || m.Hour() != 0 || m.Year() < minYear || m.Year() > maxYear {
			t.Fatalf("ParseMonth(%q) = %v, want the first of a plausible month at 00:00 UTC", s, m)
		}
		// The key re-reads as the same month.
		if again, err := ParseMonth(m.Format(MonthLayout), false); err != nil || !again.Equal(m) {
			t.Fatalf("ParseMonth(%q) = %s, which re-reads as %v, %v", s, m.Format(MonthLayout), again, err)
		}
	})
}

func reportSheet(rows ...string) workbook.Sheet {
	return workbook.Sheet{Name: "Reports", TSV: tsv(append([]string{"Month\tIssued"}, rows...)...)}
}

func TestLoadReports(t *testing.T) {
	const file = `evidence/vulnerability-reports.xlsx: sheet "Reports" `
	tests := []struct {
		name     string
		sheet    workbook.Sheet
		problems []wantProblem
		months   []string // Month of each report read, in order
		issued   []string
		cells    []string // Data row keys and Month cells shown
	}{
		{
			name: "every spelling of a month",
			sheet: reportSheet(
				"2026-01\t2026-02-04",     // text
				"2026-02-28\t2026-03-04",  // a date cell
				"'31/03/2026\t2026-04-08", // UK date text
				"'2026-04-30\t'08/05/2026",
				"May 2026\t",
				"2026-6\t2026-07-03",
			),
			months: []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
			issued: []string{"2026-02-04", "2026-03-04", "2026-04-08", "2026-05-08", "", "2026-07-03"},
			cells:  []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"},
		},
		{
			name: "a month given twice in any spelling is a problem; the first row is used",
			sheet: reportSheet(
				"2026-04\t2026-05-08",
				"2026-04-30\t2026-05-11",  // April again, as a date cell
				"'30/04/2026\t2026-05-12", // and as UK text
				"2026-04\t2026-05-13",     // the same text: found by the shared reader
				"April 2026\t2026-05-14",  // and by name
				"2026-05\t2026-06-05",
			),
			problems: []wantProblem{
				{file + "A3", `Month: April 2026 again (first at row 2): this row is not used`},
				{file + "A4", `Month: April 2026 again (first at row 2): this row is not used`},
				{file + "A5", `duplicate Month "2026-04" (first at row 2): this row is not used`},
				{file + "A6", `Month: April 2026 again (first at row 2): this row is not used`},
			},
			months: []string{"2026-04", "2026-05"},
			issued: []string{"2026-05-08", "2026-06-05"},
			cells:  []string{"2026-04", "2026-05"},
		},
		{
			name: "bad cells",
			sheet: reportSheet(
				"tbc\t2026-05-08",
				"2026-13\t2026-05-08",
				"2026-05\tsoon",
				"\t2026-07-03",
				"2026-06\t2026-07-03",
			),
			problems: []wantProblem{
				{file + "A2", `Month: want a month (yyyy-mm or a date in the month), got "tbc": this row is not used`},
				{file + "A3", `Month: want a month (yyyy-mm or a date in the month), got "2026-13": this row is not used`},
				{file + "B4", "Issued: " + dateWant + `, got "soon"`},
				{file + "A5", "Month is empty: this row is not used"},
			},
			months: []string{"2026-05", "2026-06"},
			issued: []string{"", "2026-07-03"},
			cells:  []string{"2026-05", "2026-06"},
		},
		{
			name:     "no Issued column",
			sheet:    workbook.Sheet{Name: "Reports", TSV: tsv("Month", "2026-04")},
			problems: []wantProblem{{file + "A1", `missing required column "Issued" in the header row 1`}},
			months:   []string{"2026-04"},
			issued:   []string{""},
			cells:    []string{"2026-04"},
		},
		{
			name:     "no Month column",
			sheet:    workbook.Sheet{Name: "Reports", TSV: tsv("Issued", "2026-05-08")},
			problems: []wantProblem{{file + "A1", `no header row: want a row naming the column "Month"`}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Load(files{"vulnerability-reports.xlsx": xlsx(t, tt.sheet)}.fs(), "evidence")
			reg := e.Register("vulnerability-reports")
			got := problems(reg)
			if len(got) != len(tt.problems) {
				t.Errorf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.problems))
			}
			for i, w := range tt.problems {
				if i < len(got) && (!strings.HasPrefix(got[i], w.pos+": ") || !strings.Contains(got[i], w.msg)) {
					t.Errorf("problem %d = %q, want %s: ...%s...", i, got[i], w.pos, w.msg)
				}
			}
			for _, p := range reg.Problems {
				if !slices.Equal(p.Paragraphs, []string{ParaMonthlyReport}) {
					t.Errorf("%s: paragraphs %q", p.Pos, p.Paragraphs)
				}
			}
			var months, issued, cells []string
			for _, r := range e.Reports {
				months = append(months, r.Month)
				issued = append(issued, r.Issued.String())
				if r.Row.Value != r.Month || r.Start.Format(MonthLayout) != r.Month || r.Start.Day() != 1 || r.Row.Pos.Cell[0] != 'A' {
					t.Errorf("report %+v: Row, Start and Month disagree", r)
				}
			}
			for _, d := range reg.Data {
				if len(d.Cells) == 0 || d.Cells[0] != d.Key {
					t.Errorf("shown row %+v: want the month as key and first cell", d)
				}
				cells = append(cells, d.Key)
			}
			if !slices.Equal(months, tt.months) || !slices.Equal(issued, tt.issued) || !slices.Equal(cells, tt.cells) {
				t.Errorf("months %q issued %q shown %q, want %q %q %q", months, issued, cells, tt.months, tt.issued, tt.cells)
			}
			if reg.Rows != len(e.Reports) || len(reg.Data) != reg.Rows {
				t.Errorf("Rows %d, Data %d, reports %d", reg.Rows, len(reg.Data), len(e.Reports))
			}
		})
	}
}

// FuzzLoadReports fuzzes the text of the Reports sheet: no panic, every
// problem positioned, and the months read are distinct keys in one
// spelling, shown as read.
func FuzzLoadReports(f *testing.F) {
	f.Add(reportSheet("2026-04\t2026-05-08", "2026-04-30\t2026-05-11", "tbc\t", "\t2026-01-01").TSV)
	f.Add(reportSheet("'30/04/2026\t45000", "April 2026\t=TODAY()", "46142.25\t2026-02-30").TSV)
	f.Add("title\n\nmonth\tISSUED\tMonth\n2026-4\t2026-05-08\t2026-05\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, text string) {
		b, err := workbook.Build(workbook.Sheet{Name: "Reports", TSV: text})
		if err != nil {
			t.Skip(err)
		}
		e := Load(files{"vulnerability-reports.xlsx": b}.fs(), "evidence")
		reg := e.Register("vulnerability-reports")
		if reg.Rows != len(reg.Data) || reg.Rows != len(e.Reports) {
			t.Fatalf("Rows %d, Data %d, reports %d", reg.Rows, len(reg.Data), len(e.Reports))
		}
		seen := map[string]bool{}
		for i, r := range e.Reports {
			if seen[r.Month] || r.Start.Format(MonthLayout) != r.Month || reg.Data[i].Key != r.Month {
				t.Fatalf("report %d: %+v (shown as %q) repeated or not in one spelling", i, r, reg.Data[i].Key)
			}
			seen[r.Month] = true
		}
		checkProblems(t, reg)
	})
}
