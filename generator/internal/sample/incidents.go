package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// Incidents returns the sample register sheet.
func Incidents() workbook.Sheet { return workbook.Sheet{} }
