package evidence

import (
	"strings"
	"testing"
	"time"
)

// fuzzParse fuzzes parse, a reader of one cell's text (in either date
// system, for those that read dates), from seeds: whatever the text, it
// returns a value, which check checks, or an error whose message starts
// with wantErr; every error is printed.
func fuzzParse[T any](f *testing.F, seeds []string, parse func(s string, date1904 bool) (T, error), wantErr string, check func(t *testing.T, s string, date1904 bool, v T)) {
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		v, err := parse(s, date1904)
		if err != nil {
			if err.Error() == "" || !strings.HasPrefix(err.Error(), wantErr) {
				t.Fatalf("%q: error %q, want one starting %q", s, err, wantErr)
			}
			t.Log(err)
			return
		}
		check(t, s, date1904, v)
	})
}

// anyDateSystem adapts a parser that reads no dates to fuzzParse.
func anyDateSystem[T any](parse func(string) (T, error)) func(string, bool) (T, error) {
	return func(s string, _ bool) (T, error) { return parse(s) }
}

func FuzzParseDate(f *testing.F) {
	fuzzParse(f, []string{"45800", "45800.5", "1", "60", "2958465", "2958466", "0", "-1", "1e300", "NaN",
		"2025-05-23", "2024-02-29", "2025-02-29", "23/05/2025", "3/5/2025", "2025-05-23 10:00:00", "tbc", "", "0x1p4"},
		ParseDate, "", func(t *testing.T, s string, date1904 bool, d time.Time) {
			if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
				t.Fatalf("ParseDate(%q) = %v, want a day at 00:00 UTC", s, d)
			}
			// What the site prints re-reads as the same day.
			if y := d.Year(); y >= 1 && y <= 9999 {
				again, err := ParseDate(d.Format(time.DateOnly), date1904)
				if err != nil || !again.Equal(d) {
					t.Fatalf("ParseDate(%q) = %s, which re-reads as %v, %v", s, d.Format(time.DateOnly), again, err)
				}
			}
		})
}

func FuzzParseYesNo(f *testing.F) {
	fuzzParse(f, []string{"Yes", "no", "Y", "n", "TRUE", "false", "1", "0", "", "maybe", " yes "},
		anyDateSystem(ParseYesNo), "want Yes or No", func(t *testing.T, s string, _ bool, v bool) {
			word := strings.ToLower(strings.TrimSpace(s))
			yes := word == "yes" || word == "y" || word == "true" || word == "1"
			no := word == "no" || word == "n" || word == "false" || word == "0"
			if !yes && !no || v != yes {
				t.Fatalf("ParseYesNo(%q) = %v", s, v)
			}
		})
}

func FuzzParseClearance(f *testing.F) {
	fuzzParse(f, []string{"None", "BPSS", "ctc", "SC", "dv", "eDV", "EDV", "", "Secret", " sc "},
		anyDateSystem(ParseClearance), "want one of None, BPSS, CTC, SC, DV, eDV", func(t *testing.T, s string, _ bool, c Clearance) {
			if c < ClearanceNone || c > ClearanceEDV || !strings.EqualFold(c.String(), strings.TrimSpace(s)) {
				t.Fatalf("ParseClearance(%q) = %v", s, c)
			}
			if again, err := ParseClearance(c.String()); err != nil || again != c {
				t.Fatalf("ParseClearance(%q) = %v, which re-reads as %v, %v", s, c, again, err)
			}
		})
}

// FuzzLoad fuzzes the Staff sheet (see fuzzRegister) with a fixed
// training register beside it.
func FuzzLoad(f *testing.F) {
	f.Add(sheet(f, "staff", row(f, "staff", "NS-1")).TSV)
	f.Add(sheet(f, "staff",
		row(f, "staff", "NS-1", map[string]string{"Identity Check": "tbc", "End Date": "'31/12/2025"}),
		row(f, "staff", "ns-1"),
		row(f, "staff", "", map[string]string{"Government Data Access": "maybe"}),
		row(f, "staff", "NS-3", map[string]string{"Start Date": "=TODAY()", "Clearance Held": "Secret"}),
	).TSV)
	f.Add("title\n\nstaff id\tSTART DATE\n NS-1 \t45800\nNS-2\t-1\n")
	f.Add("Staff ID\tStaff ID\tStart Date\nNS-1\tNS-2\t2025-02-30\n")
	f.Add("")
	f.Add("\t\t\n\n\n")
	fuzzRegister(f, "staff", file(f, "training", "NS-1\tSIM\t2025-06-01", "NS-2\tSIM\ttbc", "\tSIM\t2025-06-01"), nil)
}
