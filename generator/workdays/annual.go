package workdays

import (
	"slices"
	"time"
)

// AnnualMonths is the longest gap "at least annually" allows: 12 Months.
const AnnualMonths = 12

// Overdue is one breach of an "at least annually" duty: the event was due by
// Due and happened on Done, or had still not happened by the as-of date.
// The days late are the days after Due up to and including Done, so
// DaysBetween(Due, Done) is the number of days late (at least 1).
type Overdue struct {
	Due     time.Time // the last day on time: 12 Months after the previous event (or the start)
	Done    time.Time // the day the event happened, or the as-of date if Pending
	Pending bool      // the event had not happened by the as-of date
}

// Annual checks a duty to do something "at least annually" from the day of
// from (e.g. the contract start) up to the day of asOf, and returns every
// breach, in date order, or nil if there is none.
//
// Each event must happen no later than 12 Months after the previous one, the
// first no later than 12 Months after from, where 12 Months after a day is
// AddMonths(day, 12): an event exactly 12 Months after the previous one is on
// time, one a day later is a breach. So from 31 Aug 2025 the next event is
// due by 31 Aug 2026, and from 29 Feb 2024 by 28 Feb 2025.
//
// A gap of more than 12 Months is one breach, from the day after Due to Done,
// however long it is. After the latest event (or from, if there is none),
// the next one is due 12 Months later: if asOf is later than that, the result
// ends with a Pending breach whose Done is asOf. On the due day itself
// nothing is overdue yet.
//
// Events may be in any order and may repeat. Only the day of each counts.
// Events after asOf are ignored (they have not happened yet as of asOf), and
// so are events on or before from (the duty starts at from, and an earlier
// event does not make the first one due sooner). If asOf is before from,
// nothing is due and the result is nil.
func Annual(from time.Time, events []time.Time, asOf time.Time) []Overdue {
	start, end := dayNum(from), dayNum(asOf)
	if end < start {
		return nil
	}
	days := make([]int64, 0, len(events))
	for _, e := range events {
		if n := dayNum(e); start < n && n <= end {
			days = append(days, n)
		}
	}
	slices.Sort(days)
	days = slices.Compact(days)

	var out []Overdue
	prev := fromDayNum(start)
	for _, n := range days {
		due := AddMonths(prev, AnnualMonths)
		done := fromDayNum(n)
		if n > dayNum(due) {
			out = append(out, Overdue{Due: due, Done: done})
		}
		prev = done
	}
	if due := AddMonths(prev, AnnualMonths); end > dayNum(due) {
		out = append(out, Overdue{Due: due, Done: fromDayNum(end), Pending: true})
	}
	return out
}
