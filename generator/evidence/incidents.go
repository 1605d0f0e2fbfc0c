package evidence

// Paragraph ids of the Security Breach paragraphs: Part A paragraph 5 and
// Part B paragraph 8. The incident register evidences both forms.
const (
	ParaNotifyA = "A.5.1"      // notify upon becoming aware
	ParaRecurA  = "A.5.2.1(c)" // prevent an equivalent breach from the same cause
	ParaReportA = "A.5.2.1(d)" // full details where the Client so requests
	ParaNotifyB = "B.8.1"
	ParaRecurB  = "B.8.2.1(d)"
	ParaDataB   = "B.8.2.1(e)" // requested data within 2 Working Days
	ParaReportB = "B.8.2.1(f)" // full details and root cause analysis
)

// Incident types.
const (
	IncidentActual    = "actual"
	IncidentPotential = "potential"
	IncidentAttempted = "attempted"
)

// Incident is one row of the incident register.
type Incident struct {
	ID              string `col:"Incident ID"`
	Row             Text   `col:"Incident ID"` // the key cell
	Type            Text   `col:"Type"`        // one of the Incident* constants when Set
	Aware           Date   `col:"Aware On"`
	Notified        Date   `col:"Notified On"`
	DataRequested   Date   `col:"Data Requested On"`
	DataSupplied    Date   `col:"Data Supplied On"`
	ReportDelivered Date   `col:"Report Delivered On"`
	RootCause       Text   `col:"Root Cause"`
}

// checkIncident reports dates that come before what they follow.
func checkIncident(r rowReader, in *Incident) {
	r.notBefore(&in.Notified, "Notified On", in.Aware, "the Agency became aware of the incident on")
	r.notBefore(&in.ReportDelivered, "Report Delivered On", in.Aware, "the Agency became aware of the incident on")
	r.notBefore(&in.DataSupplied, "Data Supplied On", in.DataRequested, "the data was requested on")
}
