package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// VulnerabilitySchema is the register evidence/vulnerabilities.xlsx.
func VulnerabilitySchema() Schema {
	return Schema{
		Name: "vulnerabilities", Title: "Vulnerability register", File: "vulnerabilities.xlsx", Sheet: "Vulnerabilities",
		Key: "Vulnerability ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Vulnerability ID", Required: true, Filled: true},
		},
	}
}

// Vulnerability is one row of the register.
type Vulnerability struct {
	ID  string
	Row Text // the key cell
}

func readVulnerabilities(t *table) []Vulnerability {
	var out []Vulnerability
	t.each(func(r rowReader) {
		out = append(out, Vulnerability{ID: r.Key(), Row: r.Text("Vulnerability ID")})
	})
	return out
}
