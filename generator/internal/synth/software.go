package synth

import (
	"fmt"

	"github.com/agency/evidence-site/generator/workdays"
)

// The shares of the software register.
const (
	shareSoftwareBehind    = 0.03 // two majors behind, past the 6 Months: a violation
	shareSoftwareDue       = 0.02 // two majors behind, within the 6 Months
	shareSoftwareMitigated = 0.01 // mitigation-reduction, with its reference
	shareSoftwareAgreed    = 0.01 // client-agreed, with its reference
)

// products are COTS products; a register of more rows names them per
// platform ("PostgreSQL (Reporting)").
var products = []struct {
	name  string
	major int
	minor string // the rest of the latest version
	years bool   // majors are years: Previous Major Version needed
	prev  int    // for years: the major before the latest
}{
	{"PostgreSQL", 19, ".1", false, 0}, {"Ubuntu Server LTS", 26, ".04.1", false, 0}, {"Windows Server", 2025, "", true, 2022},
	{"Eclipse Temurin JDK", 25, ".0.1", false, 0}, {"Python", 3, ".15.0", false, 0}, {"nginx", 1, ".30.0", false, 0},
	{"Google Chrome", 155, ".0.7748.61", false, 0}, {"Elasticsearch", 9, ".2.1", false, 0}, {"GitLab", 19, ".0.2", false, 0},
	{"Microsoft SQL Server", 2025, "", true, 2022}, {"Grafana Enterprise", 13, ".0.1", false, 0}, {"Node.js", 24, ".11.0", false, 0},
	{"Red Hat Enterprise Linux", 10, ".1", false, 0}, {"Apache Tomcat", 11, ".0.14", false, 0}, {"HashiCorp Vault", 1, ".21.1", false, 0},
	{"Redis", 8, ".2.3", false, 0}, {"RabbitMQ", 4, ".2.0", false, 0}, {"Apache Kafka", 4, ".1.0", false, 0},
	{"Jenkins LTS", 2, ".528.1", false, 0}, {"Keycloak", 26, ".4.2", false, 0},
}

var platforms = []string{"Core", "Reporting", "Ingest", "Analytics", "Corporate IT", "Identity", "Backup", "Monitoring",
	"Build", "Public portal", "Data warehouse", "Case management"}

func (s *set) writeSoftware(path string) error {
	r := s.rand("software")
	sh, err := newSheet("software")
	if err != nil {
		return err
	}
	var (
		cProduct, cInstalled, cLatest = sh.col("Product"), sh.col("Installed Version"), sh.col("Latest Version")
		cReleased, cPrevious          = sh.col("Latest Release Date"), sh.col("Previous Major Version")
		cException, cReference        = sh.col("Exception"), sh.col("Exception Reference")
	)
	n := s.o.Size.Software
	for i := 0; i < n; i++ {
		p := products[i%len(products)]
		name := p.name
		if round := i / len(products); round > 0 {
			name = fmt.Sprintf("%s (%s %d)", p.name, platforms[(round-1)%len(platforms)], (round-1)/len(platforms)+1)
		}
		latest := fmt.Sprint(p.major) + p.minor
		released := days(s.asOf, -r.between(200, 1500))
		prev := p.major - 1
		if p.years {
			prev = p.prev
		}
		older := prev - 1 // two majors behind
		if p.years {
			older = prev - 3
		}
		installed := latest
		if prev >= 1 && r.chance(0.4) {
			installed = fmt.Sprintf("%d.%d", prev, r.between(0, 20))
			if p.years {
				installed = fmt.Sprint(prev)
			}
		}
		var exception, reference string
		x := r.Float64()
		if older < 1 {
			x = 1 // no major two behind this one
		}
		switch {
		case x < shareSoftwareBehind:
			installed = version(older, p.years, r)
		case x < shareSoftwareBehind+shareSoftwareDue:
			installed = version(older, p.years, r)
			released = days(s.asOf, -r.between(10, 170))
		case x < shareSoftwareBehind+shareSoftwareDue+shareSoftwareMitigated:
			installed = version(older, p.years, r)
			released = workdays.AddMonths(s.asOf, -r.between(7, 11))
			exception, reference = "mitigation-reduction", fmt.Sprintf("RISK-%d-%03d", s.asOf.Year(), r.between(1, 999))
		case x < shareSoftwareBehind+shareSoftwareDue+shareSoftwareMitigated+shareSoftwareAgreed:
			installed = version(older, p.years, r)
			exception, reference = "client-agreed", fmt.Sprintf("CLIENT-AGREE-%d-%03d", s.asOf.Year(), r.between(1, 999))
		}
		sh.text(cProduct, name)
		// Versions are text cells, as a careful register keeps them; a
		// year-numbered version is a number cell.
		if p.years {
			sh.set(cInstalled, atoi(installed))
			sh.set(cLatest, p.major)
			sh.set(cPrevious, prev)
		} else {
			sh.text(cInstalled, installed)
			sh.text(cLatest, latest)
		}
		sh.date(cReleased, released)
		if exception == "" && r.chance(0.5) {
			exception = "none"
		}
		sh.text(cException, exception)
		sh.text(cReference, reference)
		sh.next()
	}
	return sh.close(path)
}

// version writes major as a version: a year alone, else major.minor.patch.
func version(major int, years bool, r rng) string {
	if years {
		return fmt.Sprint(major)
	}
	return fmt.Sprintf("%d.%d.%d", major, r.between(0, 12), r.between(0, 9))
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}
