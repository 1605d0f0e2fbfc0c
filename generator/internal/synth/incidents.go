package synth

import (
	"fmt"
	"time"
)

// The shares of the incident register.
const (
	shareNotifiedLate   = 0.03  // notified 2 to 5 Working Days after becoming aware
	shareDataRequested  = 0.15  // the Client asked for data
	shareDataLate       = 0.03  // ... supplied after 2 Working Days
	shareReportLate     = 0.03  // full details after 10 Working Days
	shareRecurring      = 0.015 // the root cause of an earlier incident
	shareIncidentFuture = 0.003 // became aware after the as-of date: listed, not judged
	shareNotifyFormula  = 0.2   // notified the same day, saved as =C7
)

var incidentCauses = []string{
	"Phishing email impersonating %s: credentials entered",
	"Laptop left on a train by %s",
	"Email sent to the wrong recipient by %s",
	"Misconfigured storage bucket policy set by %s",
	"Malicious attachment opened from a %s email",
	"Volumetric DDoS against %s",
	"Credential stuffing against %s",
	"Unauthorised USB device connected by %s",
	"Printout of Government Data left in %s",
	"Password shared over chat by %s",
}

var incidentWho = []string{"a supplier", "the payroll team", "a contractor", "the service desk", "a data analyst",
	"a developer", "the public portal", "the Leeds office", "the VPN gateway", "a delivery manager", "the finance team"}

func (s *set) writeIncidents(path string) error {
	r := s.rand("incidents")
	sh, err := newSheet("incidents")
	if err != nil {
		return err
	}
	var (
		cID, cType, cAware         = sh.col("Incident ID"), sh.col("Type"), sh.col("Aware On")
		cNotified, cRequested      = sh.col("Notified On"), sh.col("Data Requested On")
		cSupplied, cReport, cCause = sh.col("Data Supplied On"), sh.col("Report Delivered On"), sh.col("Root Cause")
		perYear                    = map[int]int{}
		causes                     []string
		n                          = s.o.Size.Incidents
		span                       = s.asOf.Sub(s.start).Hours() / 24
		orNone                     = func(d time.Time) time.Time { return notAfter(d, s.asOf) }
	)
	for i := 0; i < n; i++ {
		aware := days(s.start, int(span*float64(i)/float64(n)))
		future := r.chance(shareIncidentFuture)
		if future {
			aware = days(s.asOf, r.between(1, 14))
		}
		perYear[aware.Year()]++
		kind := "attempted"
		switch x := r.Float64(); {
		case x < 0.2:
			kind = "actual"
		case x < 0.5:
			kind = "potential"
		}
		notified := aware
		if r.chance(0.27) {
			notified = s.cal.AddWorkingDays(aware, 1)
		}
		if r.chance(shareNotifiedLate) {
			notified = s.cal.AddWorkingDays(aware, r.between(2, 5))
		}
		var requested, supplied time.Time
		if r.chance(shareDataRequested) {
			requested = days(aware, r.between(0, 5))
			supplied = s.cal.AddWorkingDays(requested, r.between(0, 2))
			if r.chance(shareDataLate) {
				supplied = s.cal.AddWorkingDays(requested, r.between(3, 6))
			}
		}
		report := s.cal.AddWorkingDays(aware, r.between(2, 10))
		if r.chance(shareReportLate) {
			report = s.cal.AddWorkingDays(aware, r.between(11, 25))
		}
		cause := fmt.Sprintf(pick(r, incidentCauses), pick(r, incidentWho)) + fmt.Sprintf(" (case %d-%05d)", aware.Year(), i+1)
		if len(causes) > 0 && r.chance(shareRecurring) {
			cause = causes[r.IntN(len(causes))]
		}
		if !future {
			causes = append(causes, cause)
		}
		if report.After(s.asOf) {
			cause = "" // the root cause analysis is not finished yet
		}
		sh.text(cID, fmt.Sprintf("INC-%d-%04d", aware.Year(), perYear[aware.Year()]))
		sh.text(cType, kind)
		sh.date(cAware, aware)
		switch {
		case notified.After(s.asOf):
		case notified.Equal(aware) && r.chance(shareNotifyFormula):
			sh.dateFormula(cNotified, sh.ref(cAware), notified)
		default:
			sh.date(cNotified, notified)
		}
		sh.date(cRequested, orNone(requested))
		sh.date(cSupplied, orNone(supplied))
		sh.date(cReport, orNone(report))
		sh.text(cCause, cause)
		sh.next()
	}
	return sh.close(path)
}

// notAfter returns d, or no date if d is after asOf: what has not happened
// yet is not in the register.
func notAfter(d, asOf time.Time) time.Time {
	if d.After(asOf) {
		return time.Time{}
	}
	return d
}
