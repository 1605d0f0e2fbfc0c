package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// SecurityTestSchema is the register evidence/security-tests.xlsx.
func SecurityTestSchema() Schema {
	return Schema{
		Name: "security-tests", Title: "Security tests", File: "security-tests.xlsx", Sheet: "Tests",
		Key: "Test ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Test ID", Required: true, Filled: true},
		},
	}
}

// SecurityTest is one row of the register.
type SecurityTest struct {
	ID  string
	Row Text // the key cell
}

func readSecurityTests(t *table) []SecurityTest {
	var out []SecurityTest
	t.each(func(r rowReader) {
		out = append(out, SecurityTest{ID: r.Key(), Row: r.Text("Test ID")})
	})
	return out
}
