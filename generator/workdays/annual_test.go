package workdays

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestAnnual(t *testing.T) {
	d := Date
	tests := []struct {
		name   string
		from   time.Time
		events []time.Time
		asOf   time.Time
		want   []Overdue
	}{
		{"exactly 12 Months after the start is on time",
			d(2024, 9, 1), []time.Time{d(2025, 9, 1)}, d(2025, 10, 1), nil},
		{"12 Months and a day after the start is late",
			d(2024, 9, 1), []time.Time{d(2025, 9, 2)}, d(2025, 10, 1),
			[]Overdue{{Due: d(2025, 9, 1), Done: d(2025, 9, 2)}}},
		{"exactly 12 Months between events is on time",
			d(2023, 1, 10), []time.Time{d(2023, 6, 1), d(2024, 6, 1), d(2025, 6, 1)}, d(2026, 6, 1), nil},
		{"12 Months and a day between events is late",
			d(2023, 1, 10), []time.Time{d(2023, 6, 1), d(2024, 6, 2)}, d(2024, 7, 1),
			[]Overdue{{Due: d(2024, 6, 1), Done: d(2024, 6, 2)}}},
		{"nothing after the start, not yet due",
			d(2024, 9, 1), nil, d(2025, 9, 1), nil},
		{"nothing after the start, overdue",
			d(2024, 9, 1), nil, d(2026, 1, 15),
			[]Overdue{{Due: d(2025, 9, 1), Done: d(2026, 1, 15), Pending: true}}},
		{"pending at asOf after an event",
			d(2023, 1, 10), []time.Time{d(2024, 1, 5)}, d(2025, 3, 1),
			[]Overdue{{Due: d(2025, 1, 5), Done: d(2025, 3, 1), Pending: true}}},
		{"pending from the day after the due day",
			d(2023, 1, 10), []time.Time{d(2024, 1, 5)}, d(2025, 1, 6),
			[]Overdue{{Due: d(2025, 1, 5), Done: d(2025, 1, 6), Pending: true}}},
		{"late, then pending",
			d(2020, 1, 1), []time.Time{d(2021, 2, 1)}, d(2022, 3, 1),
			[]Overdue{{Due: d(2021, 1, 1), Done: d(2021, 2, 1)}, {Due: d(2022, 2, 1), Done: d(2022, 3, 1), Pending: true}}},
		{"unsorted and repeated events",
			d(2020, 1, 1), []time.Time{d(2023, 6, 1), d(2021, 3, 1), d(2022, 2, 1), d(2021, 3, 1)}, d(2023, 7, 1),
			[]Overdue{{Due: d(2021, 1, 1), Done: d(2021, 3, 1)}, {Due: d(2023, 2, 1), Done: d(2023, 6, 1)}}},
		{"a long gap is one breach",
			d(2020, 1, 1), []time.Time{d(2023, 1, 1)}, d(2023, 2, 1),
			[]Overdue{{Due: d(2021, 1, 1), Done: d(2023, 1, 1)}}},
		{"events after asOf are ignored",
			d(2023, 6, 1), []time.Time{d(2024, 6, 1), d(2025, 6, 1), d(2026, 8, 1)}, d(2026, 7, 1),
			[]Overdue{{Due: d(2026, 6, 1), Done: d(2026, 7, 1), Pending: true}}},
		{"an event on asOf counts",
			d(2023, 6, 1), []time.Time{d(2024, 6, 1), d(2025, 6, 1), d(2026, 7, 1)}, d(2026, 7, 1),
			[]Overdue{{Due: d(2026, 6, 1), Done: d(2026, 7, 1)}}},
		{"events before the start do not bring the first due date forward",
			d(2024, 6, 1), []time.Time{d(2024, 1, 1)}, d(2025, 6, 1), nil},
		{"an event on the start day is the start",
			d(2024, 1, 1), []time.Time{d(2024, 1, 1)}, d(2025, 1, 2),
			[]Overdue{{Due: d(2025, 1, 1), Done: d(2025, 1, 2), Pending: true}}},
		{"29 Feb: due 28 Feb next year, on time",
			d(2024, 2, 29), []time.Time{d(2025, 2, 28)}, d(2025, 3, 1), nil},
		{"29 Feb: 1 Mar next year is late",
			d(2024, 2, 29), []time.Time{d(2025, 3, 1)}, d(2025, 3, 1),
			[]Overdue{{Due: d(2025, 2, 28), Done: d(2025, 3, 1)}}},
		{"the time of day is ignored",
			time.Date(2024, 9, 1, 17, 0, 0, 0, time.UTC), []time.Time{time.Date(2025, 9, 1, 23, 59, 0, 0, time.UTC)}, time.Date(2025, 9, 2, 1, 0, 0, 0, time.UTC), nil},
		{"asOf before the start",
			d(2024, 9, 1), []time.Time{d(2024, 1, 1)}, d(2024, 8, 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Annual(tt.from, tt.events, tt.asOf)
			if fmtOverdue(got) != fmtOverdue(tt.want) {
				t.Errorf("Annual() =\n%s\nwant\n%s", fmtOverdue(got), fmtOverdue(tt.want))
			}
			for _, o := range got {
				if o.Due != Day(o.Due) || o.Done != Day(o.Done) {
					t.Errorf("%v: not 00:00 UTC", o)
				}
				if DaysBetween(o.Due, o.Done) < 1 {
					t.Errorf("%v: not late", o)
				}
			}
		})
	}
}

func fmtOverdue(os []Overdue) string {
	var b strings.Builder
	for _, o := range os {
		fmt.Fprintf(&b, "due %s done %s pending %v (%s)\n", o.Due.Format(time.DateOnly), o.Done.Format(time.DateOnly), o.Pending, o.Due.Location())
	}
	return b.String()
}

func TestAnnualDoesNotChangeEvents(t *testing.T) {
	events := []time.Time{Date(2025, 6, 1), Date(2024, 6, 1)}
	Annual(Date(2023, 6, 1), events, Date(2026, 1, 1))
	if events[0] != Date(2025, 6, 1) || events[1] != Date(2024, 6, 1) {
		t.Errorf("Annual reordered its argument: %v", events)
	}
}
