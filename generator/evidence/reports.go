package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// ReportSchema is the register evidence/vulnerability-reports.xlsx.
func ReportSchema() Schema {
	return Schema{
		Name: "vulnerability-reports", Title: "Monthly vulnerability reports", File: "vulnerability-reports.xlsx", Sheet: "Reports",
		Key: "Month", UniqueKey: true,
		Columns: []Column{
			{Name: "Month", Required: true, Filled: true},
		},
	}
}

// Report is one row of the register.
type Report struct {
	ID  string
	Row Text // the key cell
}

func readReports(t *table) []Report {
	var out []Report
	t.each(func(r rowReader) {
		out = append(out, Report{ID: r.Key(), Row: r.Text("Month")})
	})
	return out
}
