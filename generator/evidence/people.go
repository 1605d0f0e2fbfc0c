package evidence

// Paragraph ids of Part B Annex 1 section 6 (Security of Agency Staff).
const (
	ParaPreEmployment = "B.Annex1.6.1"
	ParaClearanceRole = "B.Annex1.6.2"
	ParaClearanceHeld = "B.Annex1.6.3"
	ParaTraining      = "B.Annex1.6.4"
	ParaRevocation    = "B.Annex1.6.5"
)

// Staff is one row of the staff register.
type Staff struct {
	ID                  string        `col:"Staff ID"`
	Row                 Text          `col:"Staff ID"` // the key cell
	Name                Text          `col:"Name"`
	Role                Text          `col:"Role"`
	Employer            Text          `col:"Employer"`
	Start               Date          `col:"Start Date"`
	End                 Date          `col:"End Date"`
	GovDataAccess       Bool          `col:"Government Data Access"`
	PrivilegedAccess    Bool          `col:"Privileged Access"`
	IdentityCheck       Date          `col:"Identity Check"`
	CriminalRecordCheck Date          `col:"Criminal Record Check"`
	RightToWorkCheck    Date          `col:"Right To Work Check"`
	ClearanceRequired   ClearanceCell `col:"Clearance Required"`
	ClearanceHeld       ClearanceCell `col:"Clearance Held"`
	ClearanceExpiry     Date          `col:"Clearance Expiry"`
	AccessRevoked       Date          `col:"Access Revoked"`
	ExceptionRef        Text          `col:"Exception Reference"`
}

// Training is one completed course.
type Training struct {
	StaffID   string `col:"Staff ID"`
	Row       Text   `col:"Staff ID"` // the key cell
	Course    Text   `col:"Course"`
	Completed Date   `col:"Completed"`
}
