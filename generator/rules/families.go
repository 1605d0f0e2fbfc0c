package rules

// families lists the rule families, one file each, in the order they run.
func (e *eval) families() []func() {
	return []func(){
		e.references,     // references.go: the Paragraphs column of every register
		e.people,         // people.go: Annex 1 6.1-6.5
		e.patching,       // patching.go: B.9.2, B.9.3, B.9.7
		e.monthlyReports, // reports.go: B.9.5.5
		e.software,       // software.go: B.9.4
		e.devices,        // devices.go: Annex 1 2.1, 2.2
		e.securityTests,  // securitytests.go: B.6.1-B.6.5
		e.incidents,      // incidents.go: A.5.1, A.5.2.1, B.8.1, B.8.2.1
		e.plans,          // plans.go: Security Management Plan and ISMS lifecycle
		e.governance,     // governance.go: the other governance sections, evidence items
	}
}

// Doc describes one rule for the method page and README.
type Doc struct {
	Paragraphs []string // the paragraphs it checks
	Register   string   // the register it reads ("" for none)
	Text       string   // what it checks, in a sentence or two
}

// Docs lists every rule, in the order of families.
func Docs() []Doc {
	var out []Doc
	for _, d := range [][]Doc{referencesDocs(), peopleDocs(), patchingDocs(), reportsDocs(), softwareDocs(), devicesDocs(), securityTestsDocs(), incidentsDocs(), plansDocs(), governanceDocs()} {
		out = append(out, d...)
	}
	return out
}

func peopleDocs() []Doc {
	return []Doc{
		{[]string{"B.Annex1.6.1"}, "staff", "Every staff member's identity, unspent-criminal-convictions and right-to-work checks are dated on or before their Start Date."},
		{[]string{"B.Annex1.6.2"}, "staff", "Staff in post with privileged access to Government Data have a role that requires a clearance."},
		{[]string{"B.Annex1.6.3"}, "staff", "Staff in post hold at least the clearance their role requires, unexpired at the as-of date, unless an Exception Reference records the Client's written agreement (then shown as an exception, not a gap)."},
		{[]string{"B.Annex1.6.4"}, "training", "Staff in post with Government Data Access completed training no more than 12 Months before the as-of date."},
		{[]string{"B.Annex1.6.5"}, "staff", "Every leaver's access was revoked within one Working Day after the End Date; a leaver with no revocation date past that day is a gap, before it the revocation is due."},
	}
}
