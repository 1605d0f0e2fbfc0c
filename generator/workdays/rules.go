package workdays

import (
	"slices"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
)

// This file is the one place that says which bank holidays each region has.
// The rules come from github.com/rickar/cal/v2/gb; rows marked ADDED or FIXED
// are where that package (v2.1.13) lacks a day or disagrees with GOV.UK's
// bank holiday data, https://www.gov.uk/bank-holidays.json, which is the
// reference for the tests in holidays_test.go.

// rule is one bank holiday rule and the regions that observe it.
type rule struct {
	holiday *cal.Holiday
	regions []Region // nil means all three
}

// The UK weekend substitution: a holiday on a Saturday or a Sunday moves to
// the following Monday.
func nextMonday() []cal.AltDay {
	return []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 1}}
}

// The substitution for the second of two consecutive fixed holidays (Boxing
// Day, 2nd January): the first one's substitute takes the Monday, so this one
// moves two days on from a weekend, and off a Monday that the first one's
// substitute has taken.
func afterNextMonday() []cal.AltDay {
	return []cal.AltDay{{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 2}, {Day: time.Monday, Offset: 1}}
}

// named returns a copy of a gb rule under GOV.UK's title, so that nothing
// here shares (or could change) the gb package's variables.
func named(h *cal.Holiday, title string) *cal.Holiday {
	return h.Clone(&cal.Holiday{Name: title})
}

// rules returns a fresh copy of the full rule table, in the order GOV.UK
// lists a year's holidays. Names are GOV.UK's titles, with its typographic
// apostrophe.
func rules() []rule {
	ew, sc, ni := EnglandAndWales, Scotland, NorthernIreland
	return []rule{
		{holiday: named(gb.NewYear, "New Year’s Day")},

		// ADDED: 2nd January, Scotland only (Banking and Financial Dealings
		// Act 1971, Sch. 1 para. 2). gb has no Scottish list at all.
		// GOV.UK: 4 Jan 2021 (2nd on a Saturday), 4 Jan 2022 (1st on a
		// Saturday, 2nd on a Sunday), 3 Jan 2023 (1st on a Sunday).
		{holiday: &cal.Holiday{
			Name: "2nd January", Type: cal.ObservanceBank,
			Month: time.January, Day: 2, Func: cal.CalcDayOfMonth,
			Observed: afterNextMonday(),
		}, regions: []Region{sc}},

		// ADDED: St Patrick's Day, Northern Ireland only (Banking and
		// Financial Dealings Act 1971, Sch. 1 para. 3). GOV.UK: Mon 18 Mar
		// 2019 and Mon 18 Mar 2024 (17th on a Sunday).
		{holiday: &cal.Holiday{
			Name: "St Patrick’s Day", Type: cal.ObservanceBank,
			Month: time.March, Day: 17, Func: cal.CalcDayOfMonth,
			Observed: nextMonday(),
		}, regions: []Region{ni}},

		{holiday: named(gb.GoodFriday, "Good Friday")},
		{holiday: named(gb.EasterMonday, "Easter Monday"), regions: []Region{ew, ni}},
		{holiday: named(gb.EarlyMay, "Early May bank holiday")},                                   // not in 2020
		{holiday: named(gb.VEDay, "Early May bank holiday (VE day)")},                             // Fri 8 May 2020 only
		{holiday: named(gb.CoronationDay, "Bank holiday for the coronation of King Charles III")}, // Mon 8 May 2023 only
		{holiday: named(gb.SpringHoliday, "Spring bank holiday")},                                 // not in 2022
		{holiday: named(gb.SpringHoliday2022, "Spring bank holiday")},                             // Thu 2 Jun 2022 only
		{holiday: named(gb.PlatinumJubilee, "Platinum Jubilee bank holiday")},                     // Fri 3 Jun 2022 only

		// ADDED: the World Cup bank holiday, Mon 15 Jun 2026, Scotland only
		// (appointed by Royal Proclamation of 4 Feb 2026 under s. 1(3) of
		// the Banking and Financial Dealings Act 1971, the day after
		// Scotland's first match of the 2026 FIFA World Cup; listed by
		// GOV.UK for Scotland only). gb v2.1.13 does not have it.
		{holiday: &cal.Holiday{
			Name: "World Cup bank holiday", Type: cal.ObservanceBank,
			Month: time.June, Day: 15, Func: cal.CalcDayOfMonth,
			StartYear: 2026, EndYear: 2026,
		}, regions: []Region{sc}},

		// ADDED: Battle of the Boyne, 12 July, Northern Ireland only (a
		// bank holiday by annual proclamation). GOV.UK: Mon 13 Jul 2020,
		// Mon 14 Jul 2025, Mon 13 Jul 2026 (12th on a weekend).
		{holiday: &cal.Holiday{
			Name: "Battle of the Boyne (Orangemen’s Day)", Type: cal.ObservanceBank,
			Month: time.July, Day: 12, Func: cal.CalcDayOfMonth,
			Observed: nextMonday(),
		}, regions: []Region{ni}},

		{holiday: named(gb.SummerHoliday, "Summer bank holiday"), regions: []Region{ew, ni}},     // last Monday of August
		{holiday: named(gb.SummerHolidayScotland, "Summer bank holiday"), regions: []Region{sc}}, // first Monday of August

		// ADDED: the State Funeral of Queen Elizabeth II, Mon 19 Sep 2022,
		// all regions (proclaimed 12 Sep 2022; listed by GOV.UK for all
		// three divisions). gb v2.1.13 does not have it.
		{holiday: &cal.Holiday{
			Name: "Bank Holiday for the State Funeral of Queen Elizabeth II", Type: cal.ObservanceBank,
			Month: time.September, Day: 19, Func: cal.CalcDayOfMonth,
			StartYear: 2022, EndYear: 2022,
		}},

		// ADDED: St Andrew's Day, 30 November, Scotland only (St Andrew's
		// Day Bank Holiday (Scotland) Act 2007). GOV.UK: Mon 2 Dec 2019 and
		// Mon 2 Dec 2024 (30th on a Saturday), Mon 1 Dec 2025 (Sunday).
		{holiday: &cal.Holiday{
			Name: "St Andrew’s Day", Type: cal.ObservanceBank,
			Month: time.November, Day: 30, Func: cal.CalcDayOfMonth,
			Observed: nextMonday(),
		}, regions: []Region{sc}},

		// FIXED: which name goes on which day when Christmas falls on a
		// Sunday. gb moves Christmas Day to Monday 26th and Boxing Day to
		// Tuesday 27th; GOV.UK keeps Boxing Day on Monday 26th and makes
		// Tuesday 27th "Christmas Day (substitute day)" (26/27 Dec 2022).
		// The set of days off is the same either way, and so are all other
		// years (2021 and 2027: Christmas on Mon 27th, Boxing Day on Tue 28th;
		// 2020 and 2026: Boxing Day on Mon 28th). So both move two days from
		// a weekend, and Boxing Day no longer moves off a Monday.
		{holiday: gb.ChristmasDay.Clone(&cal.Holiday{Name: "Christmas Day", Observed: []cal.AltDay{
			{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 2},
		}})},
		{holiday: gb.BoxingDay.Clone(&cal.Holiday{Name: "Boxing Day", Observed: []cal.AltDay{
			{Day: time.Saturday, Offset: 2}, {Day: time.Sunday, Offset: 2},
		}})},
	}
}

// regionRules returns the rules observed in region r, in table order.
func regionRules(r Region) []*cal.Holiday {
	var out []*cal.Holiday
	for _, ru := range rules() {
		if ru.regions == nil || slices.Contains(ru.regions, r) {
			out = append(out, ru.holiday)
		}
	}
	return out
}
