package rules

// family is one rule family, one file each: what it checks (run) and how
// the method page and the README describe it (docs), declared together so
// that the two cannot drift apart.
type family struct {
	run  func(e *eval)
	docs func() []Doc
	// reads names the registers whose typed rows run reads: with
	// Input.Consume, they are dropped once the last family that reads
	// them has run.
	reads []string
}

// families lists the rule families in the order they run.
func families() []family {
	return []family{
		{(*eval).references, referencesDocs, nil},                                // references.go: the Paragraphs column of every register
		{(*eval).people, peopleDocs, []string{"staff", "training"}},              // people.go: Annex 1 6.1-6.5
		{(*eval).privileges, privilegesDocs, []string{"staff", "privileges"}},    // privileges.go: Annex 1 6.5, elevated privileges
		{(*eval).needs, needsDocs, nil},                                          // trust.go: rules that need two registers
		{(*eval).patching, patchingDocs, []string{"vulnerabilities"}},            // patching.go: B.9.2, B.9.3, B.9.7
		{(*eval).monthlyReports, reportsDocs, []string{"vulnerability-reports"}}, // reports.go: B.9.5.5
		{(*eval).software, softwareDocs, []string{"software"}},                   // software.go: B.9.4
		{(*eval).devices, devicesDocs, []string{"devices"}},                      // devices.go: Annex 1 2.1, 2.2
		{(*eval).securityTests, securityTestsDocs, []string{"security-tests"}},   // securitytests.go: B.6.1-B.6.5
		{(*eval).incidents, incidentsDocs, []string{"incidents"}},                // incidents.go: A.5.1, A.5.2.1, B.8.1, B.8.2.1
		{(*eval).plans, plansDocs, nil},                                          // plans.go: Security Management Plan and ISMS lifecycle
		{(*eval).governance, governanceDocs, nil},                                // governance.go: the other governance sections
		{(*eval).items, itemsDocs, nil},                                          // items.go: the general evidence items
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
	for _, f := range families() {
		out = append(out, f.docs()...)
	}
	return out
}

// has reports whether the form has paragraph id: the one form gate.
// Evaluate drops the findings and checks against paragraphs outside the
// form, or not applicable under the contract, so a rule asks only to skip
// work or to choose between the paragraphs of the two forms.
func (e *eval) has(id string) bool {
	_, ok := e.order[id]
	return ok
}
