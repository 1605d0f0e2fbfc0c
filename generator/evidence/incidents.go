package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// IncidentSchema is the register evidence/incidents.xlsx.
func IncidentSchema() Schema {
	return Schema{
		Name: "incidents", Title: "Incident register", File: "incidents.xlsx", Sheet: "Incidents",
		Key: "Incident ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Incident ID", Required: true, Filled: true},
		},
	}
}

// Incident is one row of the register.
type Incident struct {
	ID  string
	Row Text // the key cell
}

func readIncidents(t *table) []Incident {
	var out []Incident
	t.each(func(r rowReader) {
		out = append(out, Incident{ID: r.Key(), Row: r.Text("Incident ID")})
	})
	return out
}
