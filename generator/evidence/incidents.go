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
	ID              string
	Row             Text // the Incident ID cell
	Type            Text // one of the Incident* constants when Set
	Aware           Date
	Notified        Date
	DataRequested   Date
	DataSupplied    Date
	ReportDelivered Date
	RootCause       Text
}

func readIncidents(t *table) []Incident {
	var out []Incident
	t.each(func(r rowReader) {
		in := Incident{
			ID:              r.Key(),
			Row:             r.Text("Incident ID"),
			Type:            r.Choice("Type"),
			Aware:           r.Date("Aware On"),
			Notified:        r.Date("Notified On"),
			DataRequested:   r.Date("Data Requested On"),
			DataSupplied:    r.Date("Data Supplied On"),
			ReportDelivered: r.Date("Report Delivered On"),
			RootCause:       r.Text("Root Cause"),
		}
		checkIncident(t.reg, &in)
		out = append(out, in)
	})
	return out
}

// checkIncident reports dates that come before what they follow: they
// cannot be right, so they are invalid rather than early.
func checkIncident(reg *Register, in *Incident) {
	before := func(d *Date, col string, after Date, what string) {
		if !d.Set || !after.Set || !d.Time.Before(after.Time) {
			return
		}
		reg.problem(d.Pos, in.ID, reg.column(col).Paragraphs, "%s: %s is before %s %s", col, d, what, after)
		d.Set, d.Invalid = false, true
	}
	before(&in.Notified, "Notified On", in.Aware, "the Agency became aware of the incident on")
	before(&in.ReportDelivered, "Report Delivered On", in.Aware, "the Agency became aware of the incident on")
	before(&in.DataSupplied, "Data Supplied On", in.DataRequested, "the data was requested on")
}
