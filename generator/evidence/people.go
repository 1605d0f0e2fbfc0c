package evidence

// Paragraph ids of Part B Annex 1 section 6 (Security of Agency Staff).
const (
	ParaPreEmployment = "B.Annex1.6.1"
	ParaClearanceRole = "B.Annex1.6.2"
	ParaClearanceHeld = "B.Annex1.6.3"
	ParaTraining      = "B.Annex1.6.4"
	ParaRevocation    = "B.Annex1.6.5"
)

// StaffSchema is the staff register, evidence/staff.xlsx.
func StaffSchema() Schema {
	p := func(ids ...string) []string { return ids }
	all := p(ParaPreEmployment, ParaClearanceRole, ParaClearanceHeld, ParaTraining, ParaRevocation)
	return Schema{
		Name: "staff", Title: "Staff register", Short: "Staff", File: "staff.xlsx", Sheet: "Staff",
		Key: "Staff ID", UniqueKey: true,
		Columns: []Column{
			{Name: "Staff ID", Required: true, Filled: true, Paragraphs: all, Doc: "Unique identifier of the person, e.g. NS-0001."},
			{Name: "Name", Required: true, Doc: "Full name."},
			{Name: "Role", Required: true, Doc: "Job title or role."},
			{Name: "Employer", Doc: "The Agency or the Subcontractor employing the person."},
			{Name: "Start Date", Type: TypeDate, Required: true, Filled: true, Paragraphs: p(ParaPreEmployment), Doc: "First day working on the contract."},
			{Name: "End Date", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation), Doc: "Last day, for leavers; empty while in post."},
			{Name: "Government Data Access", Type: TypeYesNo, Required: true, Filled: true, Paragraphs: p(ParaTraining), Doc: "Yes if the person can access Government Data or systems holding it."},
			{Name: "Privileged Access", Type: TypeYesNo, Required: true, Filled: true, Paragraphs: p(ParaClearanceRole), Doc: "Yes for system administrators and other privileged users."},
			{Name: "Identity Check", Type: TypeDate, Required: true, Paragraphs: p(ParaPreEmployment), Doc: "Date the identity check was completed."},
			{Name: "Criminal Record Check", Type: TypeDate, Required: true, Paragraphs: p(ParaPreEmployment), Doc: "Date the unspent-criminal-convictions check was completed."},
			{Name: "Right To Work Check", Type: TypeDate, Required: true, Paragraphs: p(ParaPreEmployment), Doc: "Date the right-to-work check was completed."},
			{Name: "Clearance Required", Type: TypeClearance, Required: true, Filled: true, Paragraphs: p(ParaClearanceRole, ParaClearanceHeld), Doc: "Clearance the role requires, agreed with the Client: None, BPSS, CTC, SC, DV or eDV."},
			{Name: "Clearance Held", Type: TypeClearance, Required: true, Paragraphs: p(ParaClearanceHeld), Doc: "Clearance the person holds; empty means none."},
			{Name: "Clearance Expiry", Type: TypeDate, Paragraphs: p(ParaClearanceHeld), Doc: "Expiry date of the clearance held; empty if it does not expire."},
			{Name: "Access Revoked", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation), Doc: "Date all access rights were revoked, for leavers."},
			{Name: "Exception Reference", Paragraphs: p(ParaClearanceHeld), Doc: "Reference of the Client's written agreement to an exception (Annex 1 6.3)."},
		},
	}
}

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

// TrainingSchema is the training log, evidence/training.xlsx.
func TrainingSchema() Schema {
	paras := []string{ParaTraining}
	return Schema{
		Name: "training", Title: "Training records", Short: "Training", File: "training.xlsx", Sheet: "Training",
		Key: "Staff ID",
		Columns: []Column{
			{Name: "Staff ID", Required: true, Filled: true, Paragraphs: paras, Doc: "Staff ID from the staff register."},
			{Name: "Course", Required: true, Filled: true, Paragraphs: paras, Doc: "Course name."},
			{Name: "Completed", Type: TypeDate, Required: true, Filled: true, Paragraphs: paras, Doc: "Date the course was completed."},
		},
	}
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
