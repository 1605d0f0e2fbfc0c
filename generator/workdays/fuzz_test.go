package workdays

import (
	"strings"
	"testing"
	"time"
)

// fuzzTime turns fuzz input into a time between the years 1696 and 2243, at
// any time of day, in a fixed zone up to 14 hours either side of UTC.
func fuzzTime(sec int64, offsetMin int16) time.Time {
	const span = 200_000 * secondsPerDay
	s := floorMod(sec, span) - span/2
	zone := time.FixedZone("fuzz", int(offsetMin)%(14*60)*60)
	return time.Unix(s, 0).In(zone)
}

func FuzzAddWorkingDays(f *testing.F) {
	f.Add(Date(2025, time.May, 23).Unix(), int16(0), uint16(1), uint8(0))
	f.Add(Date(2025, time.December, 24).Unix(), int16(60), uint16(2), uint8(0))
	f.Add(Date(2025, time.August, 1).Unix(), int16(-300), uint16(60), uint8(1))
	f.Add(Date(2026, time.December, 24).Unix()+86399, int16(840), uint16(250), uint8(2))
	f.Add(int64(-1), int16(-840), uint16(0), uint8(0))

	var cals []*Calendar
	for _, r := range Regions() {
		cals = append(cals, mustNew(f, r, Holiday{Date: Date(2025, time.June, 4), Name: "Extra"}))
	}
	f.Fuzz(func(t *testing.T, sec int64, offsetMin int16, nn uint16, region uint8) {
		c := cals[int(region)%len(cals)]
		d := fuzzTime(sec, offsetMin)
		n := int(nn % 1000)
		day := Day(d)

		got := c.AddWorkingDays(d, n)
		if got != Day(got) {
			t.Fatalf("AddWorkingDays(%v, %d) = %v: not 00:00 UTC", d, n, got)
		}
		if n == 0 {
			if got != day {
				t.Fatalf("AddWorkingDays(%v, 0) = %v, want %v", d, got, day)
			}
			return
		}
		if !got.After(day) || !c.IsWorkingDay(got) {
			t.Fatalf("AddWorkingDays(%v, %d) = %v: not a Working Day after %v", d, n, got, day)
		}
		if back := c.WorkingDaysBetween(d, got); back != n {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", d, got, back, n)
		}
		if back := c.WorkingDaysBetween(got, d); back != -n {
			t.Fatalf("WorkingDaysBetween(%v, %v) = %d, want %d", got, d, back, -n)
		}
		if back := c.WorkingDaysBetween(d, AddDays(got, -1)); back != n-1 {
			t.Fatalf("AddWorkingDays(%v, %d) = %v overshoots: %d Working Days before it", d, n, got, back)
		}
		if c.IsWorkingDay(d) {
			if again := c.AddWorkingDays(got, -n); again != day {
				t.Fatalf("AddWorkingDays(AddWorkingDays(%v, %d), %d) = %v, want %v", d, n, -n, again, day)
			}
		}
	})
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"england-and-wales", "scotland", "northern-ireland", "", " Scotland ", "wales", "\xff", "northern-ireland\n\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRegion(s)
		if err != nil {
			msg := err.Error()
			t.Log(msg)
			if !strings.HasPrefix(msg, "unknown region ") || strings.Contains(msg, "\n") {
				t.Fatalf("ParseRegion(%q): badly formed error %q", s, msg)
			}
			if r != "" {
				t.Fatalf("ParseRegion(%q) = %q with an error", s, r)
			}
			return
		}
		if r.Title() == "" {
			t.Fatalf("ParseRegion(%q) = %q, not a region", s, r)
		}
		if again, err := ParseRegion(string(r)); err != nil || again != r {
			t.Fatalf("ParseRegion(%q) = %q, %v; want %q", r, again, err, r)
		}
		if _, err := New(r, nil); err != nil {
			t.Fatalf("New(%q): %v", r, err)
		}
	})
}

func FuzzAddMonths(f *testing.F) {
	f.Add(Date(2025, time.August, 31).Unix(), int16(0), int16(6))
	f.Add(Date(2024, time.February, 29).Unix(), int16(0), int16(12))
	f.Add(Date(2025, time.March, 31).Unix(), int16(0), int16(-1))
	f.Fuzz(func(t *testing.T, sec int64, offsetMin int16, n int16) {
		d := fuzzTime(sec, offsetMin)
		got := AddMonths(d, int(n))
		if got != Day(got) {
			t.Fatalf("AddMonths(%v, %d) = %v: not 00:00 UTC", d, n, got)
		}
		months := (got.Year()-d.Year())*12 + int(got.Month()-d.Month())
		want := min(d.Day(), daysIn(got.Year(), got.Month()))
		if months != int(n) || got.Day() != want {
			t.Fatalf("AddMonths(%v, %d) = %v", d, n, got)
		}
	})
}

func FuzzAnnual(f *testing.F) {
	f.Add(Date(2020, time.January, 1).Unix(), Date(2023, time.July, 1).Unix(), []byte{200, 10, 90, 255, 3})
	f.Add(Date(2024, time.February, 29).Unix(), Date(2025, time.March, 1).Unix(), []byte{})
	f.Fuzz(func(t *testing.T, fromSec, asOfSec int64, gaps []byte) {
		from, asOf := fuzzTime(fromSec, 0), fuzzTime(asOfSec, 0)
		// Events at gaps of 0 to 510 days from the start, so that some
		// are on time and some are late.
		var events []time.Time
		e := from
		for _, g := range gaps {
			e = AddDays(e, 2*int(g))
			events = append(events, e)
		}
		got := Annual(from, events, asOf)
		for i, o := range got {
			if DaysBetween(o.Due, o.Done) < 1 {
				t.Fatalf("breach %d not late: %+v", i, o)
			}
			if o.Pending && (i != len(got)-1 || o.Done != Day(asOf)) {
				t.Fatalf("breach %d pending but not last or not at asOf: %+v", i, o)
			}
			if i > 0 && !got[i-1].Done.Before(o.Due) {
				t.Fatalf("breaches %d and %d overlap or are out of order", i-1, i)
			}
			if o.Done.After(Day(asOf)) || !o.Due.After(Day(from)) {
				t.Fatalf("breach %d outside [from, asOf]: %+v", i, o)
			}
		}
	})
}
