package workdays

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
)

// substituteSuffix ends the name of a day that stands in for a bank holiday
// falling on a weekend, as in "Boxing Day (substitute day)".
const substituteSuffix = " (substitute day)"

// Holiday is a named day off.
type Holiday struct {
	Date time.Time // the day, at 00:00 UTC
	// Name is GOV.UK's title for a bank holiday, e.g. "Spring bank
	// holiday"; a substitute day adds " (substitute day)", e.g. "Boxing Day
	// (substitute day)". For an extra holiday it is the name given to New.
	Name string
}

// Calendar knows the Working Days of one region: the bank holidays of the
// region, including substitute days and one-off days, plus extra holidays
// from configuration. Bank holidays are worked out for a year the first time
// that year is needed and then kept, so lookups are fast.
//
// A year's bank holidays come from one of two sources, which [Calendar.Source]
// names: GOV.UK's published file, for the years it covers when one is given
// to [NewWithFile], or else the built-in table. The built-in table applies
// the rules in force now to every year, with the one-off days known when it
// was written; the tests check it against GOV.UK's list from 2018 and
// against the committed copy of GOV.UK's file, testdata/bank-holidays.json.
//
// A Calendar is safe for concurrent use. Create one with [New] or
// [NewWithFile].
type Calendar struct {
	region Region
	rules  []*cal.Holiday
	extra  []holidayDay // sorted by day, one entry per day
	years  sync.Map     // year (int) -> []holidayDay, sorted by day
	// file names the bank holiday file, "" for none; fileYears are the
	// years whose bank holidays come from it (their entries in years are
	// stored by NewWithFile).
	file      string
	fileYears map[int]bool
}

// BuiltIn is what [Calendar.Source] returns for a year whose bank holidays
// come from the built-in table.
const BuiltIn = "built-in table"

// holidayDay is a Holiday keyed by day number.
type holidayDay struct {
	day  int64
	name string
}

// New returns the Calendar for region (the zero Region means England and
// Wales; any other value must be one of the Region constants, as returned by
// [ParseRegion]) with the given extra holidays, e.g. a one-off bank holiday announced
// after the holiday rules were written. An extra holiday must have a date and
// a name, must not fall on a weekend and must not repeat another extra
// holiday's day; New reports every such problem, one line each. An extra
// holiday on a day that is already a bank holiday of the region changes
// nothing: the bank holiday's name is kept.
func New(region Region, extra []Holiday) (*Calendar, error) {
	return NewWithFile(region, nil, extra)
}

// NewWithFile is [New] with the bank holidays of a GOV.UK file (see
// [ParseGovUK]); a nil file is New. For every year in which the file lists
// at least one event for the region, the file's days are the bank holidays
// of that year and the built-in table is not used for it; every other year
// uses the built-in table. GOV.UK's file lists whole years, so a year with
// one event is taken to be complete: a file cut short in the middle of a
// year would leave the rest of that year with no bank holidays. A year
// between two covered years with no event of its own uses the built-in
// table. Extra holidays apply on top, in every year, as with New.
func NewWithFile(region Region, file *HolidayFile, extra []Holiday) (*Calendar, error) {
	if region == "" {
		region = EnglandAndWales
	}
	var errs []error
	if !region.valid() {
		errs = append(errs, unknownRegion(string(region)))
	}
	c := &Calendar{region: region, rules: regionRules(region)}
	seen := make(map[int64]int) // day -> 1-based index in extra
	for i, h := range extra {
		name := strings.TrimSpace(h.Name)
		where := fmt.Sprintf("extra holiday %d (%q, %s)", i+1, name, h.Date.Format(time.DateOnly))
		switch {
		case h.Date.IsZero():
			errs = append(errs, fmt.Errorf("extra holiday %d (%q): no date", i+1, name))
			continue
		case name == "":
			errs = append(errs, fmt.Errorf("%s: no name", where))
			continue
		}
		n := dayNum(h.Date)
		if isWeekend(n) {
			errs = append(errs, fmt.Errorf("%s: falls on a %s, which is not a Working Day anyway", where, weekdayOf(n)))
			continue
		}
		if j, dup := seen[n]; dup {
			errs = append(errs, fmt.Errorf("%s: same day as extra holiday %d", where, j))
			continue
		}
		seen[n] = i + 1
		c.extra = append(c.extra, holidayDay{day: n, name: name})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(c.extra, func(a, b holidayDay) int { return cmp.Compare(a.day, b.day) })
	if file != nil {
		c.file = file.name
		c.fileYears = map[int]bool{}
		byYear := map[int][]holidayDay{}
		var years []int
		for _, h := range file.events[region] { // sorted, one a day
			y := h.Date.Year()
			if !c.fileYears[y] {
				c.fileYears[y] = true
				years = append(years, y)
			}
			byYear[y] = append(byYear[y], holidayDay{day: dayNum(h.Date), name: h.Name})
		}
		for _, y := range years {
			c.years.Store(y, byYear[y])
		}
	}
	return c, nil
}

// Source names where the bank holidays of year come from: "GOV.UK file "
// and the file's name (e.g. "GOV.UK file bank-holidays.json") for a year the
// file given to [NewWithFile] covers, else [BuiltIn].
func (c *Calendar) Source(year int) string {
	if c.fileYears[year] {
		return "GOV.UK file " + c.file
	}
	return BuiltIn
}

// BankHolidays returns the region's bank holidays in year, from the source
// [Calendar.Source] names, sorted by date; extra holidays are not included.
func (c *Calendar) BankHolidays(year int) []Holiday {
	var out []Holiday
	for _, h := range c.year(year) {
		out = append(out, Holiday{Date: fromDayNum(h.day), Name: h.name})
	}
	return out
}

// Region returns the calendar's region.
func (c *Calendar) Region() Region { return c.region }

// IsWorkingDay reports whether the day of d is a Working Day: not a Saturday
// or a Sunday, not a bank holiday of the region (substitute and one-off days
// included) and not an extra holiday.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	return c.isWorkingDay(dayNum(d))
}

func (c *Calendar) isWorkingDay(n int64) bool {
	if isWeekend(n) {
		return false
	}
	_, hol := c.holiday(n)
	return !hol
}

// Holiday reports whether the day of d is a bank holiday of the region or an
// extra holiday, and its name. Weekends are not holidays.
func (c *Calendar) Holiday(d time.Time) (name string, ok bool) {
	return c.holiday(dayNum(d))
}

func (c *Calendar) holiday(n int64) (string, bool) {
	for _, h := range c.year(fromDayNum(n).Year()) {
		if h.day == n {
			return h.name, true
		}
	}
	if i, ok := slices.BinarySearchFunc(c.extra, n, func(h holidayDay, n int64) int { return cmp.Compare(h.day, n) }); ok {
		return c.extra[i].name, true
	}
	return "", false
}

// Holidays returns the holidays (bank holidays of the region and extra
// holidays) from the day of from to the day of to, both included, sorted by
// date. It returns nil if there are none or to is before from.
func (c *Calendar) Holidays(from, to time.Time) []Holiday {
	var out []Holiday
	for _, h := range c.holidays(dayNum(from), dayNum(to)) {
		out = append(out, Holiday{Date: fromDayNum(h.day), Name: h.name})
	}
	return out
}

// holidays returns the holidays on days a to b inclusive, sorted, one per day.
func (c *Calendar) holidays(a, b int64) []holidayDay {
	if b < a {
		return nil
	}
	var out []holidayDay
	for y := fromDayNum(a).Year(); y <= fromDayNum(b).Year(); y++ {
		for _, h := range c.year(y) {
			if a <= h.day && h.day <= b {
				out = append(out, h)
			}
		}
	}
	bank := len(out)
	for _, h := range c.extra {
		if a <= h.day && h.day <= b {
			if _, dup := slices.BinarySearchFunc(out[:bank], h.day, func(x holidayDay, n int64) int { return cmp.Compare(x.day, n) }); !dup {
				out = append(out, h)
			}
		}
	}
	slices.SortStableFunc(out, func(x, y holidayDay) int { return cmp.Compare(x.day, y.day) })
	return out
}

// AddWorkingDays returns the day that is n Working Days after the day of d,
// as in "within n Working Days after d": the n-th Working Day strictly after
// that day, so d itself never counts, whether or not it is a Working Day.
// For example, from Friday 23 May 2025, one Working Day later is Tuesday
// 27 May 2025 (the weekend and the Spring bank holiday are skipped).
//
// AddWorkingDays(d, 0) returns the day of d. A negative n counts back: the
// |n|-th Working Day strictly before the day of d.
//
// For n >= 0, WorkingDaysBetween(d, AddWorkingDays(d, n)) == n. The time
// taken grows with n (one step per calendar day).
func (c *Calendar) AddWorkingDays(d time.Time, n int) time.Time {
	cur := dayNum(d)
	step := int64(1)
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		cur += step
		if c.isWorkingDay(cur) {
			n--
		}
	}
	return fromDayNum(cur)
}

// WorkingDaysBetween returns the number of Working Days w with
// from < w <= to, counting days (the time of day is ignored). It is 0 for the
// same day, and minus the number of Working Days w with to < w <= from if to
// is before from.
//
// For the margin on a deadline, WorkingDaysBetween(done, deadline) is the
// number of Working Days to spare (positive) or the number of Working Days
// late (negative). It is 0 on the deadline itself but also, for example, on
// the Saturday after a Friday deadline, so decide whether something was late
// by comparing the days, and use this only to say by how much.
func (c *Calendar) WorkingDaysBetween(from, to time.Time) int {
	a, b := dayNum(from), dayNum(to)
	if b < a {
		return -c.workingDaysBetween(b, a)
	}
	return c.workingDaysBetween(a, b)
}

// workingDaysBetween counts the Working Days in (a, b], for a <= b.
func (c *Calendar) workingDaysBetween(a, b int64) int {
	n := weekdaysThrough(b) - weekdaysThrough(a)
	for _, h := range c.holidays(a+1, b) {
		if !isWeekend(h.day) {
			n--
		}
	}
	return int(n)
}

// year returns the region's bank holidays observed in year y, computing them
// from the rules on first use unless NewWithFile stored the file's.
func (c *Calendar) year(y int) []holidayDay {
	if v, ok := c.years.Load(y); ok {
		return v.([]holidayDay)
	}
	v, _ := c.years.LoadOrStore(y, c.computeYear(y))
	return v.([]holidayDay)
}

// computeYear works out the bank holidays observed in year y from the rules.
// A substitute day is named after its holiday with substituteSuffix. Rules
// are evaluated for the years either side too, so that a substitute day that
// crossed into y would be kept. Two holidays on one day (which the rules
// avoid; the tests check it) would share the day under both names.
func (c *Calendar) computeYear(y int) []holidayDay {
	var out []holidayDay
	for ry := y - 1; ry <= y+1; ry++ {
		for _, h := range c.rules {
			actual, observed := h.Calc(ry)
			if observed.IsZero() {
				continue
			}
			// cal returns midnight in cal.DefaultLoc; only the date matters.
			oy, om, od := observed.Date()
			if oy != y {
				continue
			}
			name := h.Name
			if ay, am, ad := actual.Date(); ay != oy || am != om || ad != od {
				name += substituteSuffix
			}
			out = append(out, holidayDay{day: dayNum(Date(oy, om, od)), name: name})
		}
	}
	slices.SortStableFunc(out, func(a, b holidayDay) int { return cmp.Compare(a.day, b.day) })
	merged := out[:0]
	for _, h := range out {
		if k := len(merged) - 1; k >= 0 && merged[k].day == h.day {
			merged[k].name += " and " + h.name
			continue
		}
		merged = append(merged, h)
	}
	return slices.Clip(merged)
}
