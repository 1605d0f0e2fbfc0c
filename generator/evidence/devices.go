package evidence

// Paragraph ids of Part B Annex 1 section 2 (End user devices).
const (
	ParaDeviceEncryption = "B.Annex1.2.1"
	ParaDeviceManagement = "B.Annex1.2.2"
)

// Device types (the Device Type column's choices). The first four are the
// mobile, removable or physically uncontrolled devices of Annex 1 2.1.
const (
	DeviceLaptop    = "laptop"
	DeviceMobile    = "mobile"
	DeviceTablet    = "tablet"
	DeviceRemovable = "removable"
	DeviceDesktop   = "desktop"
	DeviceServer    = "server"
)

// Management authorities (the Management Authority column's choices).
const (
	AuthorityAgency = "Agency"
	AuthorityClient = "Client"
)

// Device is one row of the device register.
type Device struct {
	ID                string
	Row               Text // the Asset ID cell
	Type              Text // canonical choice
	HoldsGovData      Bool
	Encrypted         Bool
	EncryptionProduct Text
	Assurance         Text
	Authority         Text // canonical choice
	KnownGoodState    Date
	Provisioned       Date
	AttestedOn        Date
	AttestedBy        Text
}

// Portable reports whether the device type is one Annex 1 2.1 covers: a
// mobile, removable or physically uncontrolled device.
func (d Device) Portable() bool {
	switch d.Type.Value {
	case DeviceLaptop, DeviceMobile, DeviceTablet, DeviceRemovable:
		return d.Type.Set
	}
	return false
}

func readDevices(t *table) []Device {
	var out []Device
	t.each(func(r rowReader) {
		out = append(out, Device{
			ID:                r.Key(),
			Row:               r.Text("Asset ID"),
			Type:              r.Choice("Device Type"),
			HoldsGovData:      r.YesNo("Holds Government Data"),
			Encrypted:         r.YesNo("Encrypted"),
			EncryptionProduct: r.Text("Encryption Product"),
			Assurance:         r.Text("Assurance"),
			Authority:         r.Choice("Management Authority"),
			KnownGoodState:    r.Date("Known Good State"),
			Provisioned:       r.Date("Provisioned"),
			AttestedOn:        r.Date("Attested On"),
			AttestedBy:        r.Text("Attested By"),
		})
	})
	return out
}
