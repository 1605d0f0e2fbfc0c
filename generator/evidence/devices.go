package evidence

// STUB: to be replaced by the register's real schema, record and reader.

// DeviceSchema is the register evidence/devices.xlsx.
func DeviceSchema() Schema {
	return Schema{
		Name: "devices", Title: "Device register", File: "devices.xlsx", Sheet: "Devices",
		Key: "Asset ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Asset ID", Required: true, Filled: true},
		},
	}
}

// Device is one row of the register.
type Device struct {
	ID  string
	Row Text // the key cell
}

func readDevices(t *table) []Device {
	var out []Device
	t.each(func(r rowReader) {
		out = append(out, Device{ID: r.Key(), Row: r.Text("Asset ID")})
	})
	return out
}
