package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// Devices returns the sample register sheet.
func Devices() workbook.Sheet { return workbook.Sheet{} }
