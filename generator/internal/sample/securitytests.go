package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// SecurityTests returns the sample register sheet.
func SecurityTests() workbook.Sheet { return workbook.Sheet{} }
