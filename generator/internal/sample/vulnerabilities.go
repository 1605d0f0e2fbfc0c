package sample

import "github.com/agency/evidence-site/generator/internal/workbook"

// STUB: to be replaced by the register's sample rows.

// Vulnerabilities returns the sample register sheet.
func Vulnerabilities() workbook.Sheet { return workbook.Sheet{} }
