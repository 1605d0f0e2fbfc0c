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
	ID                string `col:"Asset ID"`
	Row               Text   `col:"Asset ID"`    // the key cell
	Type              Text   `col:"Device Type"` // canonical choice
	HoldsGovData      Bool   `col:"Holds Government Data"`
	Encrypted         Bool   `col:"Encrypted"`
	EncryptionProduct Text   `col:"Encryption Product"`
	Assurance         Text   `col:"Assurance"`
	Authority         Text   `col:"Management Authority"` // canonical choice
	KnownGoodState    Date   `col:"Known Good State"`
	Provisioned       Date   `col:"Provisioned"`
	AttestedOn        Date   `col:"Attested On"`
	AttestedBy        Text   `col:"Attested By"`
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
