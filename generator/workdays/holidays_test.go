package workdays

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The bank holidays GOV.UK lists for 2018 to 2027, written out by hand from
// https://www.gov.uk/bank-holidays (titles as in bank-holidays.json; "(substitute
// day)" marks an event whose notes say "Substitute day"). Every day of every
// year is here, so a missing, extra or misplaced day fails the test.
const (
	govukEnglandAndWales = `
2018-01-01 New Year’s Day
2018-03-30 Good Friday
2018-04-02 Easter Monday
2018-05-07 Early May bank holiday
2018-05-28 Spring bank holiday
2018-08-27 Summer bank holiday
2018-12-25 Christmas Day
2018-12-26 Boxing Day

2019-01-01 New Year’s Day
2019-04-19 Good Friday
2019-04-22 Easter Monday
2019-05-06 Early May bank holiday
2019-05-27 Spring bank holiday
2019-08-26 Summer bank holiday
2019-12-25 Christmas Day
2019-12-26 Boxing Day

2020-01-01 New Year’s Day
2020-04-10 Good Friday
2020-04-13 Easter Monday
2020-05-08 Early May bank holiday (VE day)
2020-05-25 Spring bank holiday
2020-08-31 Summer bank holiday
2020-12-25 Christmas Day
2020-12-28 Boxing Day (substitute day)

2021-01-01 New Year’s Day
2021-04-02 Good Friday
2021-04-05 Easter Monday
2021-05-03 Early May bank holiday
2021-05-31 Spring bank holiday
2021-08-30 Summer bank holiday
2021-12-27 Christmas Day (substitute day)
2021-12-28 Boxing Day (substitute day)

2022-01-03 New Year’s Day (substitute day)
2022-04-15 Good Friday
2022-04-18 Easter Monday
2022-05-02 Early May bank holiday
2022-06-02 Spring bank holiday
2022-06-03 Platinum Jubilee bank holiday
2022-08-29 Summer bank holiday
2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
2022-12-26 Boxing Day
2022-12-27 Christmas Day (substitute day)

2023-01-02 New Year’s Day (substitute day)
2023-04-07 Good Friday
2023-04-10 Easter Monday
2023-05-01 Early May bank holiday
2023-05-08 Bank holiday for the coronation of King Charles III
2023-05-29 Spring bank holiday
2023-08-28 Summer bank holiday
2023-12-25 Christmas Day
2023-12-26 Boxing Day

2024-01-01 New Year’s Day
2024-03-29 Good Friday
2024-04-01 Easter Monday
2024-05-06 Early May bank holiday
2024-05-27 Spring bank holiday
2024-08-26 Summer bank holiday
2024-12-25 Christmas Day
2024-12-26 Boxing Day

2025-01-01 New Year’s Day
2025-04-18 Good Friday
2025-04-21 Easter Monday
2025-05-05 Early May bank holiday
2025-05-26 Spring bank holiday
2025-08-25 Summer bank holiday
2025-12-25 Christmas Day
2025-12-26 Boxing Day

2026-01-01 New Year’s Day
2026-04-03 Good Friday
2026-04-06 Easter Monday
2026-05-04 Early May bank holiday
2026-05-25 Spring bank holiday
2026-08-31 Summer bank holiday
2026-12-25 Christmas Day
2026-12-28 Boxing Day (substitute day)

2027-01-01 New Year’s Day
2027-03-26 Good Friday
2027-03-29 Easter Monday
2027-05-03 Early May bank holiday
2027-05-31 Spring bank holiday
2027-08-30 Summer bank holiday
2027-12-27 Christmas Day (substitute day)
2027-12-28 Boxing Day (substitute day)
`

	govukScotland = `
2018-01-01 New Year’s Day
2018-01-02 2nd January
2018-03-30 Good Friday
2018-05-07 Early May bank holiday
2018-05-28 Spring bank holiday
2018-08-06 Summer bank holiday
2018-11-30 St Andrew’s Day
2018-12-25 Christmas Day
2018-12-26 Boxing Day

2019-01-01 New Year’s Day
2019-01-02 2nd January
2019-04-19 Good Friday
2019-05-06 Early May bank holiday
2019-05-27 Spring bank holiday
2019-08-05 Summer bank holiday
2019-12-02 St Andrew’s Day (substitute day)
2019-12-25 Christmas Day
2019-12-26 Boxing Day

2020-01-01 New Year’s Day
2020-01-02 2nd January
2020-04-10 Good Friday
2020-05-08 Early May bank holiday (VE day)
2020-05-25 Spring bank holiday
2020-08-03 Summer bank holiday
2020-11-30 St Andrew’s Day
2020-12-25 Christmas Day
2020-12-28 Boxing Day (substitute day)

2021-01-01 New Year’s Day
2021-01-04 2nd January (substitute day)
2021-04-02 Good Friday
2021-05-03 Early May bank holiday
2021-05-31 Spring bank holiday
2021-08-02 Summer bank holiday
2021-11-30 St Andrew’s Day
2021-12-27 Christmas Day (substitute day)
2021-12-28 Boxing Day (substitute day)

2022-01-03 New Year’s Day (substitute day)
2022-01-04 2nd January (substitute day)
2022-04-15 Good Friday
2022-05-02 Early May bank holiday
2022-06-02 Spring bank holiday
2022-06-03 Platinum Jubilee bank holiday
2022-08-01 Summer bank holiday
2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
2022-11-30 St Andrew’s Day
2022-12-26 Boxing Day
2022-12-27 Christmas Day (substitute day)

2023-01-02 New Year’s Day (substitute day)
2023-01-03 2nd January (substitute day)
2023-04-07 Good Friday
2023-05-01 Early May bank holiday
2023-05-08 Bank holiday for the coronation of King Charles III
2023-05-29 Spring bank holiday
2023-08-07 Summer bank holiday
2023-11-30 St Andrew’s Day
2023-12-25 Christmas Day
2023-12-26 Boxing Day

2024-01-01 New Year’s Day
2024-01-02 2nd January
2024-03-29 Good Friday
2024-05-06 Early May bank holiday
2024-05-27 Spring bank holiday
2024-08-05 Summer bank holiday
2024-12-02 St Andrew’s Day (substitute day)
2024-12-25 Christmas Day
2024-12-26 Boxing Day

2025-01-01 New Year’s Day
2025-01-02 2nd January
2025-04-18 Good Friday
2025-05-05 Early May bank holiday
2025-05-26 Spring bank holiday
2025-08-04 Summer bank holiday
2025-12-01 St Andrew’s Day (substitute day)
2025-12-25 Christmas Day
2025-12-26 Boxing Day

2026-01-01 New Year’s Day
2026-01-02 2nd January
2026-04-03 Good Friday
2026-05-04 Early May bank holiday
2026-05-25 Spring bank holiday
2026-06-15 World Cup bank holiday
2026-08-03 Summer bank holiday
2026-11-30 St Andrew’s Day
2026-12-25 Christmas Day
2026-12-28 Boxing Day (substitute day)

2027-01-01 New Year’s Day
2027-01-04 2nd January (substitute day)
2027-03-26 Good Friday
2027-05-03 Early May bank holiday
2027-05-31 Spring bank holiday
2027-08-02 Summer bank holiday
2027-11-30 St Andrew’s Day
2027-12-27 Christmas Day (substitute day)
2027-12-28 Boxing Day (substitute day)
`

	govukNorthernIreland = `
2018-01-01 New Year’s Day
2018-03-19 St Patrick’s Day (substitute day)
2018-03-30 Good Friday
2018-04-02 Easter Monday
2018-05-07 Early May bank holiday
2018-05-28 Spring bank holiday
2018-07-12 Battle of the Boyne (Orangemen’s Day)
2018-08-27 Summer bank holiday
2018-12-25 Christmas Day
2018-12-26 Boxing Day

2019-01-01 New Year’s Day
2019-03-18 St Patrick’s Day (substitute day)
2019-04-19 Good Friday
2019-04-22 Easter Monday
2019-05-06 Early May bank holiday
2019-05-27 Spring bank holiday
2019-07-12 Battle of the Boyne (Orangemen’s Day)
2019-08-26 Summer bank holiday
2019-12-25 Christmas Day
2019-12-26 Boxing Day

2020-01-01 New Year’s Day
2020-03-17 St Patrick’s Day
2020-04-10 Good Friday
2020-04-13 Easter Monday
2020-05-08 Early May bank holiday (VE day)
2020-05-25 Spring bank holiday
2020-07-13 Battle of the Boyne (Orangemen’s Day) (substitute day)
2020-08-31 Summer bank holiday
2020-12-25 Christmas Day
2020-12-28 Boxing Day (substitute day)

2021-01-01 New Year’s Day
2021-03-17 St Patrick’s Day
2021-04-02 Good Friday
2021-04-05 Easter Monday
2021-05-03 Early May bank holiday
2021-05-31 Spring bank holiday
2021-07-12 Battle of the Boyne (Orangemen’s Day)
2021-08-30 Summer bank holiday
2021-12-27 Christmas Day (substitute day)
2021-12-28 Boxing Day (substitute day)

2022-01-03 New Year’s Day (substitute day)
2022-03-17 St Patrick’s Day
2022-04-15 Good Friday
2022-04-18 Easter Monday
2022-05-02 Early May bank holiday
2022-06-02 Spring bank holiday
2022-06-03 Platinum Jubilee bank holiday
2022-07-12 Battle of the Boyne (Orangemen’s Day)
2022-08-29 Summer bank holiday
2022-09-19 Bank Holiday for the State Funeral of Queen Elizabeth II
2022-12-26 Boxing Day
2022-12-27 Christmas Day (substitute day)

2023-01-02 New Year’s Day (substitute day)
2023-03-17 St Patrick’s Day
2023-04-07 Good Friday
2023-04-10 Easter Monday
2023-05-01 Early May bank holiday
2023-05-08 Bank holiday for the coronation of King Charles III
2023-05-29 Spring bank holiday
2023-07-12 Battle of the Boyne (Orangemen’s Day)
2023-08-28 Summer bank holiday
2023-12-25 Christmas Day
2023-12-26 Boxing Day

2024-01-01 New Year’s Day
2024-03-18 St Patrick’s Day (substitute day)
2024-03-29 Good Friday
2024-04-01 Easter Monday
2024-05-06 Early May bank holiday
2024-05-27 Spring bank holiday
2024-07-12 Battle of the Boyne (Orangemen’s Day)
2024-08-26 Summer bank holiday
2024-12-25 Christmas Day
2024-12-26 Boxing Day

2025-01-01 New Year’s Day
2025-03-17 St Patrick’s Day
2025-04-18 Good Friday
2025-04-21 Easter Monday
2025-05-05 Early May bank holiday
2025-05-26 Spring bank holiday
2025-07-14 Battle of the Boyne (Orangemen’s Day) (substitute day)
2025-08-25 Summer bank holiday
2025-12-25 Christmas Day
2025-12-26 Boxing Day

2026-01-01 New Year’s Day
2026-03-17 St Patrick’s Day
2026-04-03 Good Friday
2026-04-06 Easter Monday
2026-05-04 Early May bank holiday
2026-05-25 Spring bank holiday
2026-07-13 Battle of the Boyne (Orangemen’s Day) (substitute day)
2026-08-31 Summer bank holiday
2026-12-25 Christmas Day
2026-12-28 Boxing Day (substitute day)

2027-01-01 New Year’s Day
2027-03-17 St Patrick’s Day
2027-03-26 Good Friday
2027-03-29 Easter Monday
2027-05-03 Early May bank holiday
2027-05-31 Spring bank holiday
2027-07-12 Battle of the Boyne (Orangemen’s Day)
2027-08-30 Summer bank holiday
2027-12-27 Christmas Day (substitute day)
2027-12-28 Boxing Day (substitute day)
`
)

// parseHolidayList reads "YYYY-MM-DD name" lines, skipping blank ones.
func parseHolidayList(t *testing.T, text string) []Holiday {
	t.Helper()
	var out []Holiday
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		date, name, ok := strings.Cut(line, " ")
		d, err := time.Parse(time.DateOnly, date)
		if !ok || err != nil || name == "" {
			t.Fatalf("expected list, line %d: cannot read %q", i+1, line)
		}
		out = append(out, Holiday{Date: d, Name: name})
	}
	return out
}

func TestHolidaysGOVUK(t *testing.T) {
	tests := []struct {
		region Region
		list   string
		counts map[int]int // holidays per year, a check on the list itself
	}{
		{EnglandAndWales, govukEnglandAndWales, map[int]int{2018: 8, 2019: 8, 2020: 8, 2021: 8, 2022: 10, 2023: 9, 2024: 8, 2025: 8, 2026: 8, 2027: 8}},
		{Scotland, govukScotland, map[int]int{2018: 9, 2019: 9, 2020: 9, 2021: 9, 2022: 11, 2023: 10, 2024: 9, 2025: 9, 2026: 10, 2027: 9}},
		{NorthernIreland, govukNorthernIreland, map[int]int{2018: 10, 2019: 10, 2020: 10, 2021: 10, 2022: 12, 2023: 11, 2024: 10, 2025: 10, 2026: 10, 2027: 10}},
	}
	for _, tt := range tests {
		t.Run(string(tt.region), func(t *testing.T) {
			want := parseHolidayList(t, tt.list)

			// The expected list itself: weekdays only, in order, the
			// right number each year.
			perYear := map[int]int{}
			for i, h := range want {
				if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("expected list: %s %s is a %s", h.Date.Format(time.DateOnly), h.Name, wd)
				}
				if i > 0 && !want[i-1].Date.Before(h.Date) {
					t.Errorf("expected list: %s is out of order", h.Date.Format(time.DateOnly))
				}
				perYear[h.Date.Year()]++
			}
			if fmt.Sprint(perYear) != fmt.Sprint(tt.counts) {
				t.Errorf("expected list: per year %v, want %v", perYear, tt.counts)
			}

			c, err := New(tt.region, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := c.Holidays(Date(2018, time.January, 1), Date(2027, time.December, 31))
			diffHolidays(t, got, want)

			// Every day of the ten years agrees with the list.
			hol := map[time.Time]string{}
			for _, h := range want {
				hol[h.Date] = h.Name
			}
			for d := Date(2018, time.January, 1); d.Year() < 2028; d = AddDays(d, 1) {
				wantName, wantHol := hol[d]
				name, ok := c.Holiday(d)
				if ok != wantHol || name != wantName {
					t.Errorf("Holiday(%s) = %q, %v; want %q, %v", d.Format("Mon 2006-01-02"), name, ok, wantName, wantHol)
				}
				wantWD := !wantHol && d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
				if got := c.IsWorkingDay(d); got != wantWD {
					t.Errorf("IsWorkingDay(%s) = %v, want %v", d.Format("Mon 2006-01-02"), got, wantWD)
				}
			}
		})
	}
}

// diffHolidays reports every difference between two sorted holiday lists.
func diffHolidays(t *testing.T, got, want []Holiday) {
	t.Helper()
	key := func(h Holiday) string { return h.Date.Format("Mon 2006-01-02") + " " + h.Name }
	g, w := map[string]bool{}, map[string]bool{}
	for _, h := range got {
		g[key(h)] = true
	}
	for _, h := range want {
		w[key(h)] = true
		if !g[key(h)] {
			t.Errorf("missing: %s", key(h))
		}
	}
	for _, h := range got {
		if !w[key(h)] {
			t.Errorf("unexpected: %s", key(h))
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d holidays, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Date.Location() != time.UTC || got[i].Date != Day(got[i].Date) {
			t.Errorf("holiday %s: date is not 00:00 UTC", key(got[i]))
		}
		if i > 0 && !got[i-1].Date.Before(got[i].Date) {
			t.Errorf("holidays out of order at %s", key(got[i]))
		}
	}
}

// TestHolidaysWellFormed checks the rules over three centuries: every bank
// holiday is on a weekday, no two land on the same day (which would lose a
// substitute day), and only the expected names occur.
func TestHolidaysWellFormed(t *testing.T) {
	for _, r := range Regions() {
		t.Run(string(r), func(t *testing.T) {
			c, err := New(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			hs := c.Holidays(Date(1900, time.January, 1), Date(2199, time.December, 31))
			if len(hs) < 300*8 {
				t.Errorf("only %d holidays in 300 years", len(hs))
			}
			for i, h := range hs {
				if wd := h.Date.Weekday(); wd == time.Saturday || wd == time.Sunday {
					t.Errorf("%s %s is a %s", h.Date.Format(time.DateOnly), h.Name, wd)
				}
				if strings.Contains(h.Name, " and ") {
					t.Errorf("%s: two holidays on one day: %s", h.Date.Format(time.DateOnly), h.Name)
				}
				if i > 0 && !hs[i-1].Date.Before(h.Date) {
					t.Errorf("%s: out of order or repeated", h.Date.Format(time.DateOnly))
				}
			}
		})
	}
}
