package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// Software returns the sample register sheet.
func Software() workbook.Sheet { return workbook.Sheet{} }
