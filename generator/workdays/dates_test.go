package workdays

import (
	"testing"
	"time"
)

// londonZone is the Europe/London zone, or skips the test without zone data.
func londonZone(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	return loc
}

func TestDay(t *testing.T) {
	london := londonZone(t)
	tests := []struct {
		name string
		in   time.Time
		want time.Time
	}{
		{"midnight UTC", Date(2025, time.May, 23), Date(2025, time.May, 23)},
		{"end of day UTC", time.Date(2025, time.May, 23, 23, 59, 59, 999, time.UTC), Date(2025, time.May, 23)},
		{"London BST just after midnight is that London day", time.Date(2025, time.June, 1, 0, 30, 0, 0, london), Date(2025, time.June, 1)},
		{"London GMT", time.Date(2025, time.December, 31, 23, 30, 0, 0, london), Date(2025, time.December, 31)},
		{"fixed zone west of UTC", time.Date(2025, time.January, 1, 22, 0, 0, 0, time.FixedZone("", -5*3600)), Date(2025, time.January, 1)},
		{"before 1970", time.Date(1969, time.July, 20, 20, 17, 0, 0, time.UTC), Date(1969, time.July, 20)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Day(tt.in)
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("Day(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if n := dayNum(tt.in); !fromDayNum(n).Equal(tt.want) {
				t.Errorf("fromDayNum(dayNum(%v)) = %v, want %v", tt.in, fromDayNum(n), tt.want)
			}
			if wd := weekdayOf(dayNum(tt.in)); wd != tt.want.Weekday() {
				t.Errorf("weekdayOf(%v) = %v, want %v", tt.in, wd, tt.want.Weekday())
			}
		})
	}
}

func TestDate(t *testing.T) {
	if got, want := Date(2025, time.February, 29), time.Date(2025, time.March, 1, 0, 0, 0, 0, time.UTC); got != want {
		t.Errorf("Date(2025, February, 29) = %v, want %v", got, want)
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		name string
		d    time.Time
		n    int
		want time.Time
	}{
		{"31 Aug + 6 clamps to end of February", Date(2025, time.August, 31), 6, Date(2026, time.February, 28)},
		{"29 Feb + 12 clamps to 28 Feb", Date(2024, time.February, 29), 12, Date(2025, time.February, 28)},
		{"29 Feb + 48 is 29 Feb", Date(2024, time.February, 29), 48, Date(2028, time.February, 29)},
		{"31 Jan + 1 in a leap year", Date(2024, time.January, 31), 1, Date(2024, time.February, 29)},
		{"31 Jan + 1 in a common year", Date(2025, time.January, 31), 1, Date(2025, time.February, 28)},
		{"31 Mar + 1 clamps to 30 Apr", Date(2025, time.March, 31), 1, Date(2025, time.April, 30)},
		{"30 Apr + 1 does not grow to 31 May", Date(2025, time.April, 30), 1, Date(2025, time.May, 30)},
		{"same day next year", Date(2025, time.August, 1), 12, Date(2026, time.August, 1)},
		{"over the year end", Date(2025, time.November, 15), 3, Date(2026, time.February, 15)},
		{"zero", Date(2025, time.August, 31), 0, Date(2025, time.August, 31)},
		{"back one month clamps", Date(2025, time.March, 31), -1, Date(2025, time.February, 28)},
		{"back over the year start", Date(2025, time.January, 31), -2, Date(2024, time.November, 30)},
		{"back twelve from 29 Feb", Date(2024, time.February, 29), -12, Date(2023, time.February, 28)},
		{"time of day dropped", time.Date(2025, time.August, 31, 18, 0, 0, 0, time.UTC), 6, Date(2026, time.February, 28)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AddMonths(tt.d, tt.n); got != tt.want {
				t.Errorf("AddMonths(%s, %d) = %s, want %s", tt.d.Format(time.DateOnly), tt.n, got.Format(time.DateTime), tt.want.Format(time.DateOnly))
			}
		})
	}
}

func TestAddDaysAndDaysBetween(t *testing.T) {
	london := londonZone(t)
	tests := []struct {
		name     string
		from, to time.Time
		days     int
	}{
		{"same day", Date(2025, time.May, 23), Date(2025, time.May, 23), 0},
		{"next day", Date(2025, time.May, 23), Date(2025, time.May, 24), 1},
		{"backwards", Date(2025, time.May, 24), Date(2025, time.May, 23), -1},
		{"leap year", Date(2024, time.January, 1), Date(2025, time.January, 1), 366},
		{"common year", Date(2025, time.January, 1), Date(2026, time.January, 1), 365},
		{"over the clocks going forward, in London", time.Date(2025, time.March, 29, 12, 0, 0, 0, london), time.Date(2025, time.March, 31, 9, 0, 0, 0, london), 2},
		{"late in the day to early next day", time.Date(2025, time.May, 23, 23, 0, 0, 0, time.UTC), time.Date(2025, time.May, 24, 1, 0, 0, 0, time.UTC), 1},
		{"across 1970", Date(1969, time.December, 31), Date(1970, time.January, 2), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DaysBetween(tt.from, tt.to); got != tt.days {
				t.Errorf("DaysBetween(%v, %v) = %d, want %d", tt.from, tt.to, got, tt.days)
			}
			if got, want := AddDays(tt.from, tt.days), Day(tt.to); got != want {
				t.Errorf("AddDays(%v, %d) = %v, want %v", tt.from, tt.days, got, want)
			}
		})
	}
}

func TestWeekdaysThrough(t *testing.T) {
	// Compare the closed form with counting, over ranges either side of 1970.
	for a := int64(-30); a < 30; a++ {
		want := int64(0)
		for b := a; b < a+30; b++ {
			if b > a && !isWeekend(b) {
				want++
			}
			if got := weekdaysThrough(b) - weekdaysThrough(a); got != want {
				t.Fatalf("weekdays in (%d, %d] = %d, want %d", a, b, got, want)
			}
		}
	}
}
