package synth

import (
	"fmt"
	"time"
)

// The shares of the vulnerability register.
const (
	sharePatchLate        = 0.025 // applied (or still outstanding) past its period
	sharePatchNone        = 0.005 // no patch released yet
	sharePatchFuture      = 0.003 // released after the as-of date: listed, not judged
	shareNotExploitable   = 0.005 // not-exploitable, with its reference
	shareExtension        = 0.003 // extension, with its test plan
	shareClientAgreed     = 0.002 // client-agreed, with its reference and days
	sharePatchFormula     = 0.10  // Patch Applied saved as =D7+9
	shareExceptionWritten = 0.3   // "none" written rather than left empty
)

// severities are the ways a register spells each of the schedule's
// categories (B.9.2), with the category's patching period.
var severities = []struct {
	spellings []string
	share     float64
	category  string
}{
	{[]string{"Critical", "Critical", "High", "NVD High", "CVSS 9.8", "CVSS 7.5", "Microsoft Critical", "High (NVD)"}, 0.15, "Critical"},
	{[]string{"Important", "Medium", "Medium", "CVSS 5.3", "CVSS 6.1", "Microsoft Important", "NVD Medium"}, 0.35, "Important"},
	{[]string{"Low", "Low", "Other", "Moderate", "CVSS 3.1", "Microsoft Moderate", "NVD Low"}, 0.50, "Other"},
}

var components = []string{"OpenSSL 3.0", "OpenSSL 3.5", "Linux kernel 6.8", "Linux kernel 6.12", "Windows Server 2022",
	"Windows Server 2025", "Windows 11 23H2", "Microsoft Edge", "Google Chrome", "Mozilla Firefox ESR", "PostgreSQL 17",
	"nginx 1.28", "Apache Tomcat 10.1", "OpenSSH 9.6", "glibc 2.39", "curl 8.5", "Python 3.12", "Node.js 22",
	"Eclipse Temurin JDK 21", "log4j-core 2.17", "Spring Framework 6.1", "Elasticsearch 8.15", "Grafana 11.6",
	"GitLab 17.11", "Kubernetes 1.33", "containerd 1.7", "Cisco ASA 9.18", "Fortinet FortiOS 7.4", "VMware ESXi 8.0",
	"Microsoft Exchange Server 2019", "Microsoft SQL Server 2022", "Adobe Acrobat Reader", "Zoom Workplace", "7-Zip 24"}

// period returns the last day a patch of the category released on
// released may be applied (B.9.3).
func (s *set) period(category string, released time.Time) time.Time {
	switch category {
	case "Critical":
		return days(released, 14)
	case "Important":
		return days(released, 30)
	}
	return s.cal.AddWorkingDays(released, 60)
}

func (s *set) writeVulnerabilities(path string) error {
	r := s.rand("vulnerabilities")
	sh, err := newSheet("vulnerabilities")
	if err != nil {
		return err
	}
	var (
		cID, cComponent, cSeverity = sh.col("Vulnerability ID"), sh.col("Component"), sh.col("Severity")
		cReleased, cApplied        = sh.col("Patch Released"), sh.col("Patch Applied")
		cException, cReference     = sh.col("Exception"), sh.col("Exception Reference")
		cAgreed, cTestPlan         = sh.col("Agreed Days"), sh.col("Test Plan Reference")
	)
	n := s.o.Size.Vulnerabilities
	span := s.asOf.Sub(s.start).Hours() / 24
	for i := 0; i < n; i++ {
		// Released in order through the contract, as a scanner's export
		// lists them.
		released := days(s.start, int(span*float64(i)/float64(n))+r.between(0, 2))
		if released.After(s.asOf) {
			released = s.asOf
		}
		sev := severities[2]
		switch x := r.Float64(); {
		case x < severities[0].share:
			sev = severities[0]
		case x < severities[0].share+severities[1].share:
			sev = severities[1]
		}
		sh.text(cID, fmt.Sprintf("VUL-%d-%06d", released.Year(), i+1))
		sh.text(cComponent, pick(r, components))
		sh.text(cSeverity, pick(r, sev.spellings))
		due := s.period(sev.category, released)
		applied := r.dayIn(released, due)
		exception := "none"
		switch x := r.Float64(); {
		case x < sharePatchNone:
			released, applied = time.Time{}, time.Time{}
		case x < sharePatchNone+sharePatchFuture:
			released = days(s.asOf, r.between(1, 20))
			applied = time.Time{}
		case x < sharePatchNone+sharePatchFuture+sharePatchLate:
			applied = days(due, r.between(1, 30))
		case x < sharePatchNone+sharePatchFuture+sharePatchLate+shareNotExploitable:
			exception = pick(r, []string{"not-exploitable", "Not exploitable", "NOT_EXPLOITABLE"})
			sh.text(cReference, fmt.Sprintf("RISK-%d-%04d", released.Year(), r.between(1, 9999)))
			applied = time.Time{}
		case x < sharePatchNone+sharePatchFuture+sharePatchLate+shareNotExploitable+shareExtension && sev.category != "Other":
			exception = "extension"
			sh.text(cTestPlan, fmt.Sprintf("PTP-%d-%03d", released.Year(), r.between(1, 999)))
			applied = days(due, r.between(0, 5))
		case x < sharePatchNone+sharePatchFuture+sharePatchLate+shareNotExploitable+shareExtension+shareClientAgreed:
			exception = "client-agreed"
			agreed := pick(r, []int{45, 60, 90})
			sh.text(cReference, fmt.Sprintf("CLIENT-AGREE-%d-%03d", released.Year(), r.between(1, 999)))
			sh.set(cAgreed, agreed)
			applied = days(released, r.between(1, agreed))
		}
		if applied.After(s.asOf) {
			applied = time.Time{} // outstanding at the as-of date
		}
		sh.date(cReleased, released)
		switch {
		case !applied.IsZero() && !released.IsZero() && r.chance(sharePatchFormula):
			sh.dateFormula(cApplied, fmt.Sprintf("%s+%d", sh.ref(cReleased), int(applied.Sub(released).Hours()/24)), applied)
		case r.chance(shareUKText):
			sh.ukDate(cApplied, applied)
		default:
			sh.date(cApplied, applied)
		}
		if exception != "none" || r.chance(shareExceptionWritten) {
			sh.text(cException, exception)
		}
		sh.next()
	}
	return sh.close(path)
}

// The shares of the monthly reports.
const shareMonthlyLate = 0.04

func (s *set) writeReports(path string) error {
	r := s.rand("reports")
	sh, err := newSheet("vulnerability-reports")
	if err != nil {
		return err
	}
	cMonth, cIssued := sh.col("Month"), sh.col("Issued")
	first := time.Date(s.start.Year(), s.start.Month(), 1, 0, 0, 0, 0, time.UTC)
	for m := 0; m < s.o.Size.Reports; m++ {
		month := first.AddDate(0, m, 0)
		last := month.AddDate(0, 1, -1)
		issued := s.cal.AddWorkingDays(last, r.between(1, 5))
		if r.chance(shareMonthlyLate) {
			issued = s.cal.AddWorkingDays(last, r.between(6, 12))
		}
		switch x := r.Float64(); {
		case x < 0.1:
			sh.text(cMonth, month.Format("January 2006"))
		case x < 0.2:
			sh.date(cMonth, last)
		default:
			sh.text(cMonth, month.Format("2006-01"))
		}
		if !issued.After(s.asOf) {
			sh.date(cIssued, issued)
		}
		sh.next()
	}
	return sh.close(path)
}
