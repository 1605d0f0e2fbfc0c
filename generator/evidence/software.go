package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// SoftwareSchema is the register evidence/software.xlsx.
func SoftwareSchema() Schema {
	return Schema{
		Name: "software", Title: "Software versions", File: "software.xlsx", Sheet: "Software",
		Key: "Product", UniqueKey: true,
		Columns: []Column{
			{Name: "Product", Required: true, Filled: true},
		},
	}
}

// Software is one row of the register.
type Software struct {
	ID  string
	Row Text // the key cell
}

func readSoftware(t *table) []Software {
	var out []Software
	t.each(func(r rowReader) {
		out = append(out, Software{ID: r.Key(), Row: r.Text("Product")})
	})
	return out
}
