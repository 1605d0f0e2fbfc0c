// Package workdays holds the calendar arithmetic behind contract deadlines:
// UK bank holidays by region, Working Days, calendar days, Months and the
// "at least annually" test.
//
// Every function is pure: nothing reads the clock, the environment or package
// state, and the same arguments always give the same result (a [Calendar]
// keeps the holidays it has worked out, which changes no result). A date is a
// [time.Time] at 00:00 UTC (see [Date] and [Day]); every function takes the
// calendar day of its time arguments with [Day] first, so the time of day and
// the location of an argument never change a result beyond naming its day.
//
// Bank holidays come from a built-in table (rules.go) or, for the years it
// covers, from GOV.UK's published file (https://www.gov.uk/bank-holidays.json),
// read by [ParseGovUK] and given to [NewWithFile]; [Calendar.Source] says
// which a year used. testdata/bank-holidays.json is a copy of GOV.UK's file
// that the tests hold the built-in table to, region by region.
//
// Terms follow the usual UK contract definitions:
//
//   - a Working Day is a day that is not a Saturday or a Sunday, not a bank
//     holiday in the Calendar's region (substitute and one-off days included)
//     and not an extra holiday given to [New];
//   - a Month is a calendar month, counted from a day to the same day of the
//     month (see [AddMonths]).
package workdays
