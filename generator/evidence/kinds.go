package evidence

// KindTitle describes an evidence kind named in the content's front matter
// (`evidence = [...]`), for messages and the site.
func KindTitle(kind string) string {
	for _, s := range Schemas() {
		if s.Name == kind {
			return "the " + lower(s.Title) + " (" + s.File + ")"
		}
	}
	switch kind {
	case "vulnerabilities":
		return "the vulnerability register (vulnerabilities.xlsx)"
	case "vulnerability-reports":
		return "the monthly vulnerability reports register (vulnerability-reports.xlsx)"
	case "software":
		return "the software versions register (software.xlsx)"
	case "devices":
		return "the device register (devices.xlsx)"
	case "security-tests":
		return "the security tests register (security-tests.xlsx)"
	case "incidents":
		return "the incident register (incidents.xlsx)"
	case "smp":
		return "Security Management Plan records"
	case "isms":
		return "ISMS records"
	case "representatives":
		return "the security representatives"
	case "security-policy":
		return "the Agency's security policy"
	case "incident-process":
		return "the incident management process and response plans"
	case "vulnerability-policy":
		return "the vulnerability management policy"
	case "audit-logging":
		return "the audit logging sources and retention"
	case "data-locations":
		return "the data locations and legal regimes"
	case "ceasing-to-trade":
		return "the ceasing-to-trade process"
	case "document":
		return "a supporting document"
	}
	return kind
}

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
