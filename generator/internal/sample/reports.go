package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// Reports returns the sample register sheet.
func Reports() workbook.Sheet { return workbook.Sheet{} }
