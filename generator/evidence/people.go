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
	ID                  string
	Row                 Text // the Staff ID cell
	Name, Role          Text
	Employer            Text
	Start, End          Date
	GovDataAccess       Bool
	PrivilegedAccess    Bool
	IdentityCheck       Date
	CriminalRecordCheck Date
	RightToWorkCheck    Date
	ClearanceRequired   ClearanceCell
	ClearanceHeld       ClearanceCell
	ClearanceExpiry     Date
	AccessRevoked       Date
	ExceptionRef        Text
}

func readStaff(t *table) []Staff {
	var out []Staff
	t.each(func(r rowReader) {
		out = append(out, Staff{
			ID:                  r.Key(),
			Row:                 r.Text("Staff ID"),
			Name:                r.Text("Name"),
			Role:                r.Text("Role"),
			Employer:            r.Text("Employer"),
			Start:               r.Date("Start Date"),
			End:                 r.Date("End Date"),
			GovDataAccess:       r.YesNo("Government Data Access"),
			PrivilegedAccess:    r.YesNo("Privileged Access"),
			IdentityCheck:       r.Date("Identity Check"),
			CriminalRecordCheck: r.Date("Criminal Record Check"),
			RightToWorkCheck:    r.Date("Right To Work Check"),
			ClearanceRequired:   r.Clearance("Clearance Required"),
			ClearanceHeld:       r.Clearance("Clearance Held"),
			ClearanceExpiry:     r.Date("Clearance Expiry"),
			AccessRevoked:       r.Date("Access Revoked"),
			ExceptionRef:        r.Text("Exception Reference"),
		})
	})
	return out
}

// Training is one completed course.
type Training struct {
	StaffID   string
	Row       Text
	Course    Text
	Completed Date
}

func readTraining(t *table) []Training {
	var out []Training
	t.each(func(r rowReader) {
		out = append(out, Training{
			StaffID:   r.Key(),
			Row:       r.Text("Staff ID"),
			Course:    r.Text("Course"),
			Completed: r.Date("Completed"),
		})
	})
	return out
}
