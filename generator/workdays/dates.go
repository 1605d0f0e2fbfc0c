package workdays

import "time"

const secondsPerDay = 24 * 60 * 60

// Date returns the day y-m-d at 00:00 UTC. Out-of-range values normalise as
// in [time.Date]: Date(2025, time.February, 29) is 1 March 2025.
func Date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Day returns the calendar day of t as 00:00 UTC. The day is read in t's own
// location, so 00:30 on 1 June in Europe/London (23:30 UTC on 31 May) is
// 1 June.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return Date(y, m, d)
}

// AddDays returns the day n calendar days after the day of d (before it if n
// is negative). It does not move off weekends or holidays.
func AddDays(d time.Time, n int) time.Time {
	return fromDayNum(dayNum(d) + int64(n))
}

// DaysBetween returns the number of calendar days from the day of from to the
// day of to: 0 for the same day, 1 for the next day, negative if to is before
// from. The time of day is ignored, so it is exact across clock changes.
func DaysBetween(from, to time.Time) int {
	return int(dayNum(to) - dayNum(from))
}

// AddMonths returns the same day of the month n months after the day of d
// (before it if n is negative). When that month is too short, it returns the
// month's last day instead:
//
//	AddMonths(31 Aug 2025, 6)  = 28 Feb 2026
//	AddMonths(29 Feb 2024, 12) = 28 Feb 2025
//	AddMonths(31 Jan 2024, 1)  = 29 Feb 2024
//	AddMonths(31 Mar 2025, -1) = 28 Feb 2025
//
// The clamp does not carry over: AddMonths(AddMonths(d, 1), 1) can be earlier
// than AddMonths(d, 2), so add the total number of months to the original day.
func AddMonths(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	months := y*12 + int(m-1) + n
	ny, nm := floorDiv(months, 12), time.Month(floorMod(months, 12)+1)
	if last := daysIn(ny, nm); day > last {
		day = last
	}
	return Date(ny, nm, day)
}

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	return Date(y, m+1, 0).Day()
}

// dayNum returns the day of t as a count of days since 1 January 1970.
func dayNum(t time.Time) int64 {
	// Midnight UTC is a whole number of days from the epoch, so the
	// division is exact, also before 1970.
	return Day(t).Unix() / secondsPerDay
}

// fromDayNum is the inverse of dayNum.
func fromDayNum(n int64) time.Time {
	return time.Unix(n*secondsPerDay, 0).UTC()
}

// weekdayOf returns the day of the week of day number n (day 0, 1 January
// 1970, was a Thursday).
func weekdayOf(n int64) time.Weekday {
	return time.Weekday(floorMod(n+int64(time.Thursday), 7))
}

// isWeekend reports whether day number n is a Saturday or a Sunday.
func isWeekend(n int64) bool {
	wd := weekdayOf(n)
	return wd == time.Saturday || wd == time.Sunday
}

// weekdaysThrough returns the number of Mondays to Fridays from an arbitrary
// fixed origin through day n, so that weekdaysThrough(b)-weekdaysThrough(a)
// counts the weekdays d with a < d <= b.
func weekdaysThrough(n int64) int64 {
	// Day 4 (5 January 1970) was a Monday.
	k := n - 4
	weeks := floorDiv(k, 7)
	rest := k - weeks*7 // 0 = Monday ... 6 = Sunday
	return weeks*5 + min(rest+1, 5)
}

// floorDiv is a / b rounded towards minus infinity; floorMod the
// matching remainder, from 0 to |b|-1.
func floorDiv[T int | int64](a, b T) T {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod[T int | int64](a, b T) T { return a - floorDiv(a, b)*b }
