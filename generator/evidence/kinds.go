package evidence

// SourceInfo describes an evidence source that the content's front matter may
// name (`evidence = [...]`): a register, a governance section, or a document.
type SourceInfo struct {
	Name  string // as written in front matter
	Short string // a column heading
	Title string // in sentences: "the staff register (staff.xlsx)"
}

// Sources lists every evidence source, registers first, in display order. It
// must name exactly the kinds that schedule.EvidenceKinds allows (a test
// checks it).
func Sources() []SourceInfo {
	return []SourceInfo{
		{"staff", "Staff", "the staff register (staff.xlsx)"},
		{"training", "Training", "the training records (training.xlsx)"},
		{"vulnerabilities", "Vulnerabilities", "the vulnerability register (vulnerabilities.xlsx)"},
		{"vulnerability-reports", "Monthly reports", "the monthly vulnerability reports register (vulnerability-reports.xlsx)"},
		{"software", "Software", "the software versions register (software.xlsx)"},
		{"devices", "Devices", "the device register (devices.xlsx)"},
		{"security-tests", "Security tests", "the security tests register (security-tests.xlsx)"},
		{"incidents", "Incidents", "the incident register (incidents.xlsx)"},
		{"smp", "SMP", "Security Management Plan records"},
		{"isms", "ISMS", "ISMS records"},
		{"representatives", "Representatives", "the security representatives"},
		{"security-policy", "Security policy", "the Agency's security policy"},
		{"incident-process", "Incident process", "the incident management process and response plans"},
		{"vulnerability-policy", "Vulnerability policy", "the vulnerability management policy"},
		{"audit-logging", "Audit logging", "the audit logging sources and retention"},
		{"data-locations", "Data locations", "the data locations and legal regimes"},
		{"ceasing-to-trade", "Ceasing to trade", "the ceasing-to-trade process"},
		{"document", "Documents", "a supporting document"},
	}
}

// LookupSource returns the named source; an unknown name is described by itself.
func LookupSource(name string) SourceInfo {
	for _, k := range Sources() {
		if k.Name == name {
			return k
		}
	}
	return SourceInfo{Name: name, Short: name, Title: name}
}

// SourceTitle describes an evidence source in a sentence.
func SourceTitle(name string) string { return LookupSource(name).Title }
