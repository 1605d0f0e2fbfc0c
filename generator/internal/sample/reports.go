package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// Reports returns the monthly vulnerability reports register, sheet
// "Reports": one row per month from April 2025 (the contract start, which
// is also reports_from) to October 2026, the last full month before AsOf.
// Each report is due within 5 Working Days after the month's last day
// (B.9.5.5).
//
// Months of 2025 are written as yyyy-mm text; months of 2026 as real date
// cells holding the month's last day, except March 2026, the UK text date
// '31/03/2026. All are read as the month they fall in.
//
// Every report is on time except these, which the tests pin down:
//
//  1. December 2025 (row 10): the month ended Wednesday 2025-12-31; with
//     New Year's Day a bank holiday the report was due Thursday
//     2026-01-08, and was issued Monday 2026-01-12 (B10): 2 Working Days
//     late, a violation of B.9.5.5.
//  2. February 2026: no row at all. Due Friday 2026-03-06; a violation of
//     B.9.5.5 against the register file, subject 2026-02.
//
// Boundary rows, on time: April 2026 (row 12) ended Thursday 30 April;
// Monday 4 May was the Early May bank holiday, so the 5th Working Day after
// was Friday 2026-05-08, the day it was issued. May 2026 (row 13) ended on
// Sunday 31 May: due and issued Friday 2026-06-05. March 2026 (row 11) was
// due Thursday 2026-04-09 across Easter and issued the day before.
func Reports() workbook.Sheet {
	return sheet("vulnerability-reports", reportRows())
}

func reportRows() [][]string {
	return [][]string{
		// Month, Issued
		{"2025-04", "2025-05-06"},
		{"2025-05", "2025-06-04"},
		{"2025-06", "2025-07-03"},
		{"2025-07", "2025-08-05"},
		{"2025-08", "2025-09-03"},
		{"2025-09", "2025-10-03"},
		{"2025-10", "2025-11-05"},
		{"2025-11", "2025-12-03"},
		// Finding 1: issued 2 Working Days late.
		{"2025-12", "2026-01-12"},
		{"2026-01-31", "2026-02-04"},
		// Finding 2: no report for February 2026.
		{"'31/03/2026", "2026-04-08"},
		// Boundary: due and issued Friday 8 May, after the Early May bank holiday.
		{"2026-04-30", "2026-05-08"},
		// Boundary: the month ends on a Sunday; due and issued Friday 5 June.
		{"2026-05-31", "2026-06-05"},
		{"2026-06-30", "2026-07-03"},
		{"2026-07-31", "2026-08-05"},
		{"2026-08-31", "2026-09-03"},
		{"2026-09-30", "2026-10-06"},
		{"2026-10-31", "2026-11-04"},
	}
}
