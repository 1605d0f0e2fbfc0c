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

// DeviceSchema is the device register, evidence/devices.xlsx.
func DeviceSchema() Schema {
	p := func(ids ...string) []string { return ids }
	both := p(ParaDeviceEncryption, ParaDeviceManagement)
	enc, mgmt := p(ParaDeviceEncryption), p(ParaDeviceManagement)
	return Schema{
		Name: "devices", Title: "Device register", Short: "Devices", File: "devices.xlsx", Sheet: "Devices",
		Key: "Asset ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Asset ID", Required: true, Filled: true, Paragraphs: both, Doc: "Unique asset tag of the device, e.g. NG-LT-001."},
			{Name: "Device Type", Type: TypeChoice, Required: true, Filled: true, Paragraphs: enc,
				Choices: []string{DeviceLaptop, DeviceMobile, DeviceTablet, DeviceRemovable, DeviceDesktop, DeviceServer},
				Doc:     "laptop, mobile, tablet or removable (in scope of Annex 1 2.1 when holding Government Data), desktop or server."},
			{Name: "Holds Government Data", Type: TypeYesNo, Required: true, Filled: true, Paragraphs: enc, Doc: "Yes if Government Data resides on the device."},
			{Name: "Encrypted", Type: TypeYesNo, Required: true, Paragraphs: enc, Doc: "Yes if the device's storage is encrypted; empty counts as No."},
			{Name: "Encryption Product", Required: true, Paragraphs: enc, Doc: "The encryption product or system component, e.g. BitLocker or iStorage datAshur PRO."},
			{Name: "Assurance", Required: true, Paragraphs: enc, Doc: "The product's NCSC assurance, e.g. CPA Foundation Grade; must be one of [rules] accepted_assurance."},
			{Name: "Management Authority", Type: TypeChoice, Required: true, Paragraphs: mgmt,
				Choices: []string{AuthorityAgency, AuthorityClient},
				Doc:     "Agency or Client: whose management authority the device is under."},
			{Name: "Known Good State", Type: TypeDate, Required: true, Paragraphs: mgmt, Doc: "Date the device was placed into a known good state (built from the approved image)."},
			{Name: "Provisioned", Type: TypeDate, Required: true, Paragraphs: mgmt, Doc: "Date the device was provisioned into the management authority."},
			{Name: "Attested On", Type: TypeDate, Required: true, Paragraphs: both, Doc: "Date the device's state (encryption, management, configuration) was last attested."},
			{Name: "Attested By", Paragraphs: both, Doc: "Who attested it."},
		},
	}
}

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
		d := Device{
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
		}
		// A required column missing from the sheet is reported once, as a
		// problem with the header: its empty cells are not also findings.
		for col, cell := range map[string]*Text{"Encryption Product": &d.EncryptionProduct, "Assurance": &d.Assurance, "Management Authority": &d.Authority} {
			if _, ok := t.colIndex[col]; !ok {
				cell.Invalid = true
			}
		}
		out = append(out, d)
	})
	return out
}
