package workdays

import (
	"strings"
	"testing"
	"time"
)

// mustNew returns a Calendar or stops the test.
func mustNew(t testing.TB, r Region, extra ...Holiday) *Calendar {
	t.Helper()
	c, err := New(r, extra)
	if err != nil {
		t.Fatalf("New(%q): %v", r, err)
	}
	return c
}

const dayFmt = "Mon 2 Jan 2006"

func TestAddWorkingDays(t *testing.T) {
	london := londonZone(t)
	closure := Holiday{Date: Date(2025, time.May, 27), Name: "Office move"}
	tests := []struct {
		name   string
		region Region
		extra  []Holiday
		d      time.Time
		n      int
		want   time.Time
	}{
		{"weekend and Spring bank holiday", EnglandAndWales, nil, Date(2025, time.May, 23), 1, Date(2025, time.May, 27)},
		{"Christmas 2025", EnglandAndWales, nil, Date(2025, time.December, 24), 2, Date(2025, time.December, 30)},
		{"60 Working Days from 1 Aug 2025", EnglandAndWales, nil, Date(2025, time.August, 1), 60, Date(2025, time.October, 27)},
		{"Thursday before Good Friday 2026", EnglandAndWales, nil, Date(2026, time.April, 2), 1, Date(2026, time.April, 7)},
		{"Friday a week before Easter 2026", EnglandAndWales, nil, Date(2026, time.March, 27), 5, Date(2026, time.April, 7)},
		{"from Good Friday 2025", EnglandAndWales, nil, Date(2025, time.April, 18), 1, Date(2025, time.April, 22)},
		{"Christmas 2026, Boxing Day on Saturday -> Mon 28 Dec", EnglandAndWales, nil, Date(2026, time.December, 24), 1, Date(2026, time.December, 29)},
		{"Christmas 2027, both substitute days", EnglandAndWales, nil, Date(2027, time.December, 24), 1, Date(2027, time.December, 29)},
		{"New Year 2028 on a Saturday", EnglandAndWales, nil, Date(2027, time.December, 31), 1, Date(2028, time.January, 4)},
		{"start on a Saturday", EnglandAndWales, nil, Date(2025, time.May, 24), 1, Date(2025, time.May, 27)},
		{"start on a bank holiday", EnglandAndWales, nil, Date(2025, time.August, 25), 1, Date(2025, time.August, 26)},
		{"zero from a working day", EnglandAndWales, nil, Date(2025, time.May, 23), 0, Date(2025, time.May, 23)},
		{"zero from a Saturday stays", EnglandAndWales, nil, Date(2025, time.May, 24), 0, Date(2025, time.May, 24)},
		{"time of day and zone ignored", EnglandAndWales, nil, time.Date(2025, time.May, 23, 23, 30, 0, 0, london), 1, Date(2025, time.May, 27)},
		{"extra holiday from config", EnglandAndWales, []Holiday{closure}, Date(2025, time.May, 23), 1, Date(2025, time.May, 28)},
		{"extra holiday from config, later", EnglandAndWales, []Holiday{closure}, Date(2025, time.May, 23), 3, Date(2025, time.May, 30)},
		{"one back", EnglandAndWales, nil, Date(2025, time.May, 27), -1, Date(2025, time.May, 23)},
		{"back over Christmas", EnglandAndWales, nil, Date(2025, time.December, 30), -2, Date(2025, time.December, 24)},

		// Scotland against England and Wales.
		{"England: 2 Jan 2025 is a Working Day", EnglandAndWales, nil, Date(2024, time.December, 31), 1, Date(2025, time.January, 2)},
		{"Scotland: 2 Jan 2025 is a holiday", Scotland, nil, Date(2024, time.December, 31), 1, Date(2025, time.January, 3)},
		{"England: Easter Monday 2025", EnglandAndWales, nil, Date(2025, time.April, 17), 1, Date(2025, time.April, 22)},
		{"Scotland: no Easter Monday", Scotland, nil, Date(2025, time.April, 17), 1, Date(2025, time.April, 21)},
		{"England: New Year 2027", EnglandAndWales, nil, Date(2026, time.December, 31), 1, Date(2027, time.January, 4)},
		{"Scotland: 2nd January 2027 on Saturday -> Mon 4 Jan", Scotland, nil, Date(2026, time.December, 31), 1, Date(2027, time.January, 5)},
		{"Scotland: New Year 2028, 1st Sat and 2nd Sun", Scotland, nil, Date(2027, time.December, 31), 1, Date(2028, time.January, 5)},
		{"Scotland: St Andrew's Day 2025 on Sunday -> Mon 1 Dec", Scotland, nil, Date(2025, time.November, 28), 1, Date(2025, time.December, 2)},
		{"England: no St Andrew's Day", EnglandAndWales, nil, Date(2025, time.November, 28), 1, Date(2025, time.December, 1)},
		{"Scotland: summer bank holiday first Monday of August", Scotland, nil, Date(2025, time.August, 1), 1, Date(2025, time.August, 5)},
		{"Scotland: no summer bank holiday at the end of August", Scotland, nil, Date(2025, time.August, 22), 1, Date(2025, time.August, 25)},

		// Northern Ireland.
		{"NI: Boyne 2025 on Saturday -> Mon 14 Jul", NorthernIreland, nil, Date(2025, time.July, 11), 1, Date(2025, time.July, 15)},
		{"England: no Boyne holiday", EnglandAndWales, nil, Date(2025, time.July, 11), 1, Date(2025, time.July, 14)},
		{"NI: St Patrick's Day 2025", NorthernIreland, nil, Date(2025, time.March, 14), 1, Date(2025, time.March, 18)},
		{"NI: St Patrick's Day 2024 on Sunday -> Mon 18 Mar", NorthernIreland, nil, Date(2024, time.March, 15), 1, Date(2024, time.March, 19)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.region, tt.extra...)
			got := c.AddWorkingDays(tt.d, tt.n)
			if got != tt.want {
				t.Errorf("AddWorkingDays(%s, %d) = %s, want %s", tt.d.Format(dayFmt), tt.n, got.Format(dayFmt+" 15:04 MST"), tt.want.Format(dayFmt))
			}
			if tt.n >= 0 {
				if back := c.WorkingDaysBetween(tt.d, got); back != tt.n {
					t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tt.d.Format(dayFmt), got.Format(dayFmt), back, tt.n)
				}
			}
		})
	}
}

func TestWorkingDaysBetween(t *testing.T) {
	tests := []struct {
		name     string
		region   Region
		from, to time.Time
		want     int
	}{
		{"same day", EnglandAndWales, Date(2025, time.May, 23), Date(2025, time.May, 23), 0},
		{"Friday to Monday", EnglandAndWales, Date(2025, time.May, 16), Date(2025, time.May, 19), 1},
		{"Friday to Tuesday over a bank holiday", EnglandAndWales, Date(2025, time.May, 23), Date(2025, time.May, 27), 1},
		{"to a bank holiday", EnglandAndWales, Date(2025, time.May, 23), Date(2025, time.May, 26), 0},
		{"Saturday to Sunday", EnglandAndWales, Date(2025, time.May, 24), Date(2025, time.May, 25), 0},
		{"backwards", EnglandAndWales, Date(2025, time.May, 27), Date(2025, time.May, 23), -1},
		{"backwards from a weekend", EnglandAndWales, Date(2025, time.May, 25), Date(2025, time.May, 22), -1},
		{"1 Aug to 27 Oct 2025", EnglandAndWales, Date(2025, time.August, 1), Date(2025, time.October, 27), 60},
		{"whole of 2025, England", EnglandAndWales, Date(2024, time.December, 31), Date(2025, time.December, 31), 261 - 8},
		{"whole of 2025, Scotland", Scotland, Date(2024, time.December, 31), Date(2025, time.December, 31), 261 - 9},
		{"whole of 2025, Northern Ireland", NorthernIreland, Date(2024, time.December, 31), Date(2025, time.December, 31), 261 - 10},
		{"whole of 2022, England", EnglandAndWales, Date(2021, time.December, 31), Date(2022, time.December, 31), 260 - 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.region)
			if got := c.WorkingDaysBetween(tt.from, tt.to); got != tt.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tt.from.Format(dayFmt), tt.to.Format(dayFmt), got, tt.want)
			}
			if got := c.WorkingDaysBetween(tt.to, tt.from); got != -tt.want {
				t.Errorf("WorkingDaysBetween(%s, %s) = %d, want %d", tt.to.Format(dayFmt), tt.from.Format(dayFmt), got, -tt.want)
			}
		})
	}
}

// TestWorkingDaysRoundTrip checks AddWorkingDays and WorkingDaysBetween
// against each other, and WorkingDaysBetween against counting day by day,
// from every day of 2017 to 2028 in every region, with an extra holiday.
func TestWorkingDaysRoundTrip(t *testing.T) {
	extra := []Holiday{{Date: Date(2024, time.July, 3), Name: "Extra"}}
	for _, r := range Regions() {
		t.Run(string(r), func(t *testing.T) {
			c := mustNew(t, r, extra...)
			for d := Date(2017, time.December, 1); d.Before(Date(2028, time.February, 1)); d = AddDays(d, 1) {
				for _, n := range []int{0, 1, 2, 5, 10, 20, 60, 250} {
					got := c.AddWorkingDays(d, n)
					if n > 0 && (!got.After(d) || !c.IsWorkingDay(got)) {
						t.Fatalf("AddWorkingDays(%s, %d) = %s: not a Working Day after the start", d.Format(dayFmt), n, got.Format(dayFmt))
					}
					if back := c.WorkingDaysBetween(d, got); back != n {
						t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(.., %d) = %s) = %d", d.Format(dayFmt), n, got.Format(dayFmt), back)
					}
					// Nothing earlier would do: the day before has one fewer.
					if n > 0 && c.WorkingDaysBetween(d, AddDays(got, -1)) != n-1 {
						t.Fatalf("AddWorkingDays(%s, %d) = %s overshoots", d.Format(dayFmt), n, got.Format(dayFmt))
					}
					// Counting back: the n-th Working Day strictly before d.
					if n > 0 {
						prev := c.AddWorkingDays(d, -n)
						if !prev.Before(d) || !c.IsWorkingDay(prev) || c.WorkingDaysBetween(AddDays(prev, -1), AddDays(d, -1)) != n {
							t.Fatalf("AddWorkingDays(%s, %d) = %s is wrong", d.Format(dayFmt), -n, prev.Format(dayFmt))
						}
					}
				}
			}
			// Against counting, over ranges of up to two months.
			for d := Date(2019, time.November, 1); d.Before(Date(2023, time.March, 1)); d = AddDays(d, 3) {
				want := 0
				for k := 0; k <= 60; k++ {
					to := AddDays(d, k)
					if k > 0 && c.IsWorkingDay(to) {
						want++
					}
					if got := c.WorkingDaysBetween(d, to); got != want {
						t.Fatalf("WorkingDaysBetween(%s, %s) = %d, counted %d", d.Format(dayFmt), to.Format(dayFmt), got, want)
					}
				}
			}
		})
	}
}

func TestHolidayLookup(t *testing.T) {
	tests := []struct {
		name     string
		region   Region
		d        time.Time
		wantName string
		wantOK   bool
		wantWD   bool
	}{
		{"Boxing Day substitute 2026", EnglandAndWales, Date(2026, time.December, 28), "Boxing Day (substitute day)", true, false},
		{"Christmas Day 2026", EnglandAndWales, Date(2026, time.December, 25), "Christmas Day", true, false},
		{"Boxing Day itself on a Saturday is not listed", EnglandAndWales, Date(2026, time.December, 26), "", false, false},
		{"ordinary Tuesday", EnglandAndWales, Date(2026, time.December, 29), "", false, true},
		{"2 Jan, England", EnglandAndWales, Date(2025, time.January, 2), "", false, true},
		{"2 Jan, Scotland", Scotland, Date(2025, time.January, 2), "2nd January", true, false},
		{"Easter Monday, England", EnglandAndWales, Date(2025, time.April, 21), "Easter Monday", true, false},
		{"Easter Monday, Scotland", Scotland, Date(2025, time.April, 21), "", false, true},
		{"Easter Monday, Northern Ireland", NorthernIreland, Date(2025, time.April, 21), "Easter Monday", true, false},
		{"State funeral, Northern Ireland", NorthernIreland, Date(2022, time.September, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II", true, false},
		{"late on a holiday in another zone", EnglandAndWales, time.Date(2025, time.August, 25, 23, 0, 0, 0, time.FixedZone("", -8*3600)), "Summer bank holiday", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := mustNew(t, tt.region)
			name, ok := c.Holiday(tt.d)
			if name != tt.wantName || ok != tt.wantOK {
				t.Errorf("Holiday(%s) = %q, %v; want %q, %v", tt.d.Format(dayFmt), name, ok, tt.wantName, tt.wantOK)
			}
			if got := c.IsWorkingDay(tt.d); got != tt.wantWD {
				t.Errorf("IsWorkingDay(%s) = %v, want %v", tt.d.Format(dayFmt), got, tt.wantWD)
			}
		})
	}
}

func TestHolidaysRange(t *testing.T) {
	c := mustNew(t, EnglandAndWales,
		Holiday{Date: Date(2025, time.December, 24), Name: "Christmas Eve closure"},
		Holiday{Date: Date(2025, time.December, 25), Name: "Already a bank holiday"},
		Holiday{Date: time.Date(2025, time.December, 31, 15, 0, 0, 0, time.UTC), Name: " New Year's Eve closure "},
	)
	tests := []struct {
		name     string
		from, to time.Time
		want     []string
	}{
		{"inclusive at both ends, extras merged and sorted", Date(2025, time.December, 24), Date(2026, time.January, 1), []string{
			"Wed 24 Dec 2025 Christmas Eve closure",
			"Thu 25 Dec 2025 Christmas Day",
			"Fri 26 Dec 2025 Boxing Day",
			"Wed 31 Dec 2025 New Year's Eve closure",
			"Thu 1 Jan 2026 New Year’s Day",
		}},
		{"one day", Date(2025, time.December, 26), Date(2025, time.December, 26), []string{"Fri 26 Dec 2025 Boxing Day"}},
		{"none", Date(2025, time.September, 1), Date(2025, time.November, 30), nil},
		{"to before from", Date(2025, time.December, 26), Date(2025, time.December, 25), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range c.Holidays(tt.from, tt.to) {
				got = append(got, h.Date.Format(dayFmt)+" "+h.Name)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("Holidays(%s, %s):\n%s\nwant:\n%s", tt.from.Format(dayFmt), tt.to.Format(dayFmt), strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// After Tue 23 Dec 2025, up to Fri 2 Jan 2026, only Mon 29, Tue 30 Dec
	// and Fri 2 Jan are Working Days: 24 and 31 Dec are closures.
	if got := c.WorkingDaysBetween(Date(2025, time.December, 23), Date(2026, time.January, 2)); got != 3 {
		t.Errorf("WorkingDaysBetween over the closures = %d, want 3", got)
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		region  Region
		extra   []Holiday
		want    Region
		wantErr []string // one line each, in order
	}{
		{"default region", "", nil, EnglandAndWales, nil},
		{"scotland", Scotland, nil, Scotland, nil},
		{"unknown region", "wales", nil, "", []string{`unknown region "wales": want "england-and-wales", "scotland" or "northern-ireland"`}},
		{"regions are not parsed again", "Scotland", nil, "", []string{`unknown region "Scotland": want "england-and-wales", "scotland" or "northern-ireland"`}},
		{"unknown region and a bad extra", "wales", []Holiday{{Name: "x"}}, "", []string{`unknown region "wales": want "england-and-wales", "scotland" or "northern-ireland"`, `extra holiday 1 ("x"): no date`}},
		{"extras ok", NorthernIreland, []Holiday{{Date: Date(2026, time.June, 15), Name: "One-off"}}, NorthernIreland, nil},
		{"every problem reported", EnglandAndWales, []Holiday{
			{Date: Date(2026, time.June, 15), Name: "One-off"},
			{Name: "No date"},
			{Date: Date(2026, time.June, 16), Name: "  "},
			{Date: Date(2026, time.June, 13), Name: "Saturday"},
			{Date: time.Date(2026, time.June, 15, 9, 0, 0, 0, time.UTC), Name: "Again"},
		}, "", []string{
			`extra holiday 2 ("No date"): no date`,
			`extra holiday 3 ("", 2026-06-16): no name`,
			`extra holiday 4 ("Saturday", 2026-06-13): falls on a Saturday, which is not a Working Day anyway`,
			`extra holiday 5 ("Again", 2026-06-15): same day as extra holiday 1`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.region, tt.extra)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatalf("New: no error, want %q", tt.wantErr)
				}
				if got := strings.Split(err.Error(), "\n"); strings.Join(got, "\n") != strings.Join(tt.wantErr, "\n") {
					t.Fatalf("New error:\n%s\nwant:\n%s", err, strings.Join(tt.wantErr, "\n"))
				}
				if c != nil {
					t.Errorf("New returned a Calendar with an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("New: %v", err)
			}
			if c.Region() != tt.want {
				t.Errorf("Region() = %q, want %q", c.Region(), tt.want)
			}
		})
	}
}

// TestNewCopiesExtra checks that changing the caller's slice after New does
// not change the Calendar.
func TestNewCopiesExtra(t *testing.T) {
	extra := []Holiday{{Date: Date(2026, time.June, 15), Name: "One-off"}}
	c := mustNew(t, EnglandAndWales, extra...)
	extra[0].Date = Date(2026, time.June, 16)
	if c.IsWorkingDay(Date(2026, time.June, 15)) || !c.IsWorkingDay(Date(2026, time.June, 16)) {
		t.Error("Calendar changed with the caller's slice")
	}
}

// TestConcurrentUse runs lookups that fill the year cache from many
// goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	c := mustNew(t, Scotland)
	done := make(chan int)
	for g := range 8 {
		go func() {
			d := Date(2000+g, time.January, 1)
			done <- c.WorkingDaysBetween(d, AddMonths(d, 120))
		}()
	}
	for range 8 {
		if n := <-done; n < 2400 || n > 2600 {
			t.Errorf("ten years of Working Days = %d", n)
		}
	}
}

func BenchmarkAddWorkingDays(b *testing.B) {
	c := mustNew(b, EnglandAndWales)
	starts := make([]time.Time, 0, 10*366)
	for d := Date(2018, time.January, 1); d.Year() < 2028; d = AddDays(d, 1) {
		starts = append(starts, d)
	}
	for i := 0; b.Loop(); i++ {
		c.AddWorkingDays(starts[i%len(starts)], 60)
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := mustNew(b, EnglandAndWales)
	from := Date(2025, time.August, 1)
	for i := 0; b.Loop(); i++ {
		c.WorkingDaysBetween(from, AddDays(from, 30+i%365))
	}
}
