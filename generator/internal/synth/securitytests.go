package synth

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// annualTests is the number of full-scope IT Health Checks: one a year of
// the contract, each ending 11 Months after the one before.
const annualTests = 10

// The shares of the security tests register.
const (
	shareAgreedLate     = 0.02 // the Client agreed the test after it started
	shareResultsLate    = 0.03 // results delivered after 10 Working Days
	shareRemedyLate     = 0.03 // a finding fixed too late for its retest
	shareTestRowFormula = 0.3  // a test whose later rows repeat its dates as =B2
	findingsPerTest     = 25   // rows of findings a test has, at most sizes
)

var rootCauses = []string{"Default credentials on %s", "TLS 1.0 enabled on %s", "Missing HTTP security headers on %s",
	"Overly permissive firewall rule for %s", "Unpatched appliance firmware on %s", "Weak password policy on %s",
	"Verbose error messages on %s", "SMB signing not required on %s", "Outdated JavaScript library on %s",
	"Excessive IAM permissions for %s", "Cross-site scripting in %s", "Unrestricted file upload on %s",
	"Session timeout too long on %s", "Service account with interactive logon on %s", "Unencrypted backup of %s"}

var testSystems = []string{"the public portal", "the admin portal", "the management VLAN", "the VPN gateway",
	"the data warehouse", "the reporting API", "the ingest service", "the build servers", "the identity provider",
	"the case management system", "the monitoring console", "the backup vault", "the file transfer service"}

// secTest is one Security Test and its findings.
type secTest struct {
	id, kind          string
	full              bool
	start, end        time.Time
	agreed, delivered time.Time
	findings          []finding
	retestOf          string // for a retest: the Test or Finding IDs
	formulaRows       bool
}

type finding struct {
	id, kind, cause string
	remediated      time.Time
}

func (s *set) writeSecurityTests(path string) error {
	r := s.rand("security tests")
	rows := s.o.Size.SecurityTests
	n := max(annualTests, rows/findingsPerTest)
	extra := rows - n // rows of findings and retests beyond one row a test
	var tests []*secTest
	for i := 0; i < n; i++ {
		t := &secTest{}
		if i < len(s.annualTestEnds) {
			t.kind, t.full = "IT Health Check", true
			t.end = s.annualTestEnds[i]
			t.start = days(t.end, -r.between(4, 11))
			t.id = "ITHC-" + t.start.Format("2006-01")
		} else {
			t.kind = pick(r, []string{"Penetration test", "Web application test", "Cloud configuration review", "Red team exercise"})
			t.start = r.dayIn(days(s.start, 30), days(s.asOf, -20))
			t.end = days(t.start, r.between(2, 10))
		}
		tests = append(tests, t)
	}
	slices.SortStableFunc(tests, func(a, b *secTest) int { return a.start.Compare(b.start) })
	perYear := map[int]int{}
	for _, t := range tests {
		if t.id == "" {
			perYear[t.start.Year()]++
			t.id = fmt.Sprintf("PT-%d-%02d", t.start.Year(), perYear[t.start.Year()])
		}
	}
	var retests []*secTest
	for i, t := range tests {
		t.agreed = days(t.start, -r.between(7, 30))
		if r.chance(shareAgreedLate) {
			t.agreed = days(t.start, r.between(1, 3))
		}
		t.delivered = s.results(r, t.end)
		t.formulaRows = r.chance(shareTestRowFormula)
		f := extra / n
		if i < extra%n {
			f++
		}
		if f == 0 {
			continue
		}
		fixed := t.end
		for k := 0; k < f; k++ {
			fd := finding{id: fmt.Sprintf("F-%s-%02d", t.id, k+1), kind: "weakness",
				cause: fmt.Sprintf(pick(r, rootCauses), pick(r, testSystems))}
			switch x := r.Float64(); {
			case x < 0.03:
				fd.kind = "breach"
			case x < 0.20:
				fd.kind = "potential-breach"
			}
			fd.remediated = days(t.end, r.between(5, 45))
			if fd.remediated.After(fixed) {
				fixed = fd.remediated
			}
			t.findings = append(t.findings, fd)
		}
		// The retest follows the last fix, well within the 60 Working Days
		// after the test; a few findings are fixed after it.
		rt := &secTest{id: "RT-" + t.id, kind: "Retest"}
		rt.start = days(fixed, r.between(1, 5))
		rt.end = days(rt.start, r.between(0, 2))
		rt.agreed = days(rt.start, -r.between(3, 10))
		rt.delivered = s.results(r, rt.end)
		rt.findings = []finding{{kind: "none"}}
		if r.chance(0.7) {
			rt.retestOf = t.id
		} else {
			ids := make([]string, len(t.findings))
			for k, fd := range t.findings {
				ids[k] = fd.id
			}
			rt.retestOf = strings.Join(ids, ", ")
		}
		for k := range t.findings {
			if r.chance(shareRemedyLate) {
				t.findings[k].remediated = days(rt.end, r.between(10, 60))
			}
			if t.findings[k].remediated.After(s.asOf) {
				t.findings[k].remediated = time.Time{}
			}
		}
		retests = append(retests, rt)
	}
	tests = append(tests, retests...)
	slices.SortStableFunc(tests, func(a, b *secTest) int { return a.start.Compare(b.start) })

	sh, err := newSheet("security-tests")
	if err != nil {
		return err
	}
	var (
		cID, cStart, cEnd, cType = sh.col("Test ID"), sh.col("Start Date"), sh.col("End Date"), sh.col("Type")
		cFull, cAgreed, cResults = sh.col("Full ISMS Scope"), sh.col("Client Agreed On"), sh.col("Results Delivered On")
		cFinding, cKind, cCause  = sh.col("Finding ID"), sh.col("Finding Type"), sh.col("Root Cause")
		cRetest, cRemediated     = sh.col("Retest Of"), sh.col("Remediated On")
	)
	for _, t := range tests {
		findings := t.findings
		if len(findings) == 0 {
			findings = []finding{{kind: "none"}}
		}
		first := sh.row
		for k, fd := range findings {
			sh.text(cID, t.id)
			if k > 0 && t.formulaRows {
				sh.dateFormula(cStart, fmt.Sprintf("$%s$%d", colLetter(sh, cStart), first), t.start)
				sh.dateFormula(cEnd, fmt.Sprintf("$%s$%d", colLetter(sh, cEnd), first), t.end)
			} else {
				sh.date(cStart, t.start)
				sh.date(cEnd, t.end)
			}
			sh.text(cType, t.kind)
			sh.yesNo(cFull, t.full)
			sh.date(cAgreed, t.agreed)
			sh.date(cResults, t.delivered)
			sh.text(cFinding, fd.id)
			sh.text(cKind, fd.kind)
			sh.text(cCause, fd.cause)
			sh.text(cRetest, t.retestOf)
			sh.date(cRemediated, fd.remediated)
			sh.next()
		}
	}
	return sh.close(path)
}

// results dates a test's results: within 10 Working Days after its end,
// a few later; none yet if that is after the as-of date.
func (s *set) results(r rng, end time.Time) time.Time {
	d := s.cal.AddWorkingDays(end, r.between(2, 8))
	if r.chance(shareResultsLate) {
		d = s.cal.AddWorkingDays(end, r.between(11, 20))
	}
	if d.After(s.asOf) {
		return time.Time{}
	}
	return d
}

// colLetter is the letter of column c, such as "B".
func colLetter(sh *sheet, c int) string {
	return strings.TrimRight(sh.ref(c), "0123456789")
}
