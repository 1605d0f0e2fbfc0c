// Package evidence reads the Agency's evidence: Excel registers and TOML
// governance documents under the evidence folder, into typed records that
// keep the position of every cell and every key.
//
// Reading never stops at a bad cell: each problem is recorded on its
// register with file, sheet and cell, the row's other cells are still read,
// and the rest of the register is still used.
package evidence

import (
	"cmp"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Evidence is everything read from the evidence folder.
type Evidence struct {
	// Registers lists every register, present or not, in a fixed order.
	Registers       []*Register
	Staff           []Staff
	Training        []Training
	Vulnerabilities []Vulnerability
	Reports         []Report
	Software        []Software
	Devices         []Device
	SecurityTests   []SecurityTest
	Incidents       []Incident
	Privileges      []Privilege
	// Documents is the governance evidence from the TOML files.
	Documents Documents
	// Unread lists the files that nothing read.
	Unread Unread
}

// DropRecords forgets the typed rows (Staff to Privileges) of the named
// registers, or of all with no name; only the rules read them. Once they
// are judged, the registers' display rows and the documents are all the
// view model needs, and the typed rows of a large register (a position
// and a parsed value for every cell) are the largest part of a build's
// memory.
func (e *Evidence) DropRecords(names ...string) {
	drop := func(name string) bool { return len(names) == 0 || slices.Contains(names, name) }
	if drop("staff") {
		e.Staff = nil
	}
	if drop("training") {
		e.Training = nil
	}
	if drop("vulnerabilities") {
		e.Vulnerabilities = nil
	}
	if drop("vulnerability-reports") {
		e.Reports = nil
	}
	if drop("software") {
		e.Software = nil
	}
	if drop("devices") {
		e.Devices = nil
	}
	if drop("security-tests") {
		e.SecurityTests = nil
	}
	if drop("incidents") {
		e.Incidents = nil
	}
	if drop("privileges") {
		e.Privileges = nil
	}
}

// reader is one entry of the register table: a register's schema, with
// its example row, and what to do with its rows.
type reader struct {
	schema Schema
	read   func(e *Evidence, t *table)
}

// readers is the register table: every register this program reads, in
// display order, each declared once. Schemas, Load, Sources, the sample's
// headers, the test fixtures and README.md's column tables all come from
// it. Each column's Example is its cell in one compliant row, consistent
// with the other registers' example rows: the training row is for the
// staff row's person, and all of them comply together as of 2026-05-20
// (rules.TestExampleRowsComply), the report being for April 2026.
func readers() []reader {
	p := func(ids ...string) []string { return ids }
	return []reader{
		{Schema{
			Name: "staff", Title: "Staff register", Short: "Staff", File: "staff.xlsx", Sheet: "Staff",
			Key: "Staff ID", UniqueKey: true, RowDoc: "one row per person",
			Columns: []Column{
				{Name: "Staff ID", Required: true, Filled: true, Example: "NS-0001",
					Paragraphs: p(ParaPreEmployment, ParaClearanceRole, ParaClearanceHeld, ParaTraining, ParaRevocation),
					Doc:        "Unique identifier of the person, e.g. NS-0001."},
				{Name: "Name", Required: true, Example: "Ada Lovelace", Doc: "Full name."},
				{Name: "Role", Required: true, Example: "Developer", Doc: "Job title or role."},
				{Name: "Employer", Example: "Agency Ltd", Doc: "The Agency or the Subcontractor employing the person."},
				{Name: "Start Date", Type: TypeDate, Required: true, Filled: true, Example: "2025-04-01", Paragraphs: p(ParaPreEmployment, ParaTraining),
					Doc: "First day working on the contract; the first training is due within [rules] training_interval_months after it."},
				{Name: "End Date", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation),
					Doc: "Last day, for leavers; empty while in post."},
				{Name: "Government Data Access", Type: TypeYesNo, Required: true, Filled: true, Example: "Yes", Paragraphs: p(ParaTraining),
					Doc: "Yes if the person can access Government Data or systems holding it."},
				{Name: "Privileged Access", Type: TypeYesNo, Required: true, Filled: true, Example: "No", Paragraphs: p(ParaClearanceRole),
					Doc: "Yes for system administrators and other privileged users."},
				{Name: "Identity Check", Type: TypeDate, Required: true, Example: "2025-03-10", Paragraphs: p(ParaPreEmployment),
					Doc: "Date the identity check was completed."},
				{Name: "Criminal Record Check", Type: TypeDate, Required: true, Example: "2025-03-10", Paragraphs: p(ParaPreEmployment),
					Doc: "Date the unspent-criminal-convictions check was completed."},
				{Name: "Right To Work Check", Type: TypeDate, Required: true, Example: "2025-03-10", Paragraphs: p(ParaPreEmployment),
					Doc: "Date the right-to-work check was completed."},
				{Name: "Clearance Required", Type: TypeClearance, Required: true, Filled: true, Example: "BPSS", Paragraphs: p(ParaClearanceRole, ParaClearanceHeld),
					Doc: "Clearance the role requires, agreed with the Client: None, BPSS, CTC, SC, DV or eDV (in ascending order)."},
				{Name: "Clearance Held", Type: TypeClearance, Required: true, Example: "BPSS", Paragraphs: p(ParaClearanceHeld),
					Doc: "Clearance the person holds; empty means none."},
				{Name: "Clearance Expiry", Type: TypeDate, Paragraphs: p(ParaClearanceHeld),
					Doc: "Expiry date of the clearance held; empty if it does not expire."},
				{Name: "Access Revoked", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation),
					Doc: "Date all access rights were revoked, for leavers; empty while in post."},
				{Name: "Exception Reference", Paragraphs: p(ParaClearanceHeld),
					Doc: "Reference of the Client's written agreement to an exception (Annex 1 6.3)."},
			},
		}, func(e *Evidence, t *table) { e.Staff = decode[Staff](t, nil) }},
		{Schema{
			Name: "training", Title: "Training records", Short: "Training", File: "training.xlsx", Sheet: "Training",
			Key: "Staff ID", RowDoc: "one row per completed course",
			Columns: []Column{
				{Name: "Staff ID", Required: true, Filled: true, Example: "NS-0001", Paragraphs: p(ParaTraining),
					Doc: "Staff ID from the staff register; a row for anyone else is not used."},
				{Name: "Course", Required: true, Filled: true, Example: "Secure Information Management", Paragraphs: p(ParaTraining),
					Doc: "Course name; [rules] training_courses lists the courses that count."},
				{Name: "Completed", Type: TypeDate, Required: true, Filled: true, Example: "2026-01-12", Paragraphs: p(ParaTraining),
					Doc: "Date the course was completed."},
			},
		}, func(e *Evidence, t *table) { e.Training = decode[Training](t, nil) }},
		{Schema{
			Name: "vulnerabilities", Title: "Vulnerability register", Short: "Vulnerabilities", File: "vulnerabilities.xlsx", Sheet: "Vulnerabilities",
			Key: "Vulnerability ID", UniqueKey: true, RowDoc: "one row per vulnerability",
			Columns: []Column{
				{Name: "Vulnerability ID", Required: true, Filled: true, Example: "VUL-0001",
					Paragraphs: p(ParaSeverity, ParaPatching, ParaNotExploitable, ParaExtension, ParaClientAgreed),
					Doc:        "Unique identifier of the vulnerability, e.g. a CVE number or VUL-0001."},
				{Name: "Component", Required: true, Example: "OpenSSL 3.0", Doc: "The COTS product or component affected, e.g. OpenSSL 3.0."},
				{Name: "Severity", Required: true, Filled: true, Example: "Critical", Paragraphs: p(ParaSeverity, ParaPatching),
					Doc: "The severity: the schedule's category (Critical, Important, Other), an NVD rating (Critical, High, Medium, Low), " +
						"a Microsoft rating (Critical, Important, Moderate, Low) or a CVSS base score (0.0-10.0), in any case. " +
						"A scheme may be named before or, in brackets, after: NVD High, Microsoft Moderate, CVSS 9.8, High (NVD)."},
				{Name: "Patch Released", Type: TypeDate, Required: true, Example: "2026-03-02", Paragraphs: p(ParaPatching),
					Doc: "Date the patch was publicly released; empty while no patch exists."},
				{Name: "Patch Applied", Type: TypeDate, Required: true, Example: "2026-03-10", Paragraphs: p(ParaPatching),
					Doc: "Date the patch was applied; empty while outstanding."},
				{Name: "Exception", Type: TypeChoice, Example: PatchNone, Paragraphs: p(ParaPatching),
					Choices: []string{PatchNone, PatchNotExploitable, PatchExtension, PatchClientAgreed},
					Doc:     "The exception relied on (B.9.3.1-B.9.3.3); empty means none."},
				{Name: "Exception Reference", Paragraphs: p(ParaNotExploitable, ParaClientAgreed),
					Doc: "Reference of the demonstration that the vulnerability is not exploitable (B.9.3.1), or of the Client's agreement to a different period (B.9.3.3)."},
				{Name: "Agreed Days", Type: TypeNumber, Paragraphs: p(ParaPatching, ParaClientAgreed),
					Doc: "For client-agreed: the maximum period the Client agreed, in calendar days after release (a whole number from 1)."},
				{Name: "Exploitable Since", Type: TypeDate, Paragraphs: p(ParaPatching, ParaNotExploitable),
					Doc: "For not-exploitable: the date the vulnerability became exploitable in the Services; empty while it is not."},
				{Name: "Test Plan Reference", Paragraphs: p(ParaExtension),
					Doc: "For extension: reference of the security patch test plan agreed with the Client and followed."},
			},
		}, func(e *Evidence, t *table) { e.Vulnerabilities = decode[Vulnerability](t, nil) }},
		{Schema{
			Name: "vulnerability-reports", Title: "Monthly vulnerability reports", Short: "Monthly reports", File: "vulnerability-reports.xlsx", Sheet: "Reports",
			Key: "Month", UniqueKey: true, RowDoc: "one row per month",
			Columns: []Column{
				{Name: "Month", Required: true, Filled: true, Example: "2026-04", Paragraphs: p(ParaMonthlyReport),
					Doc: "The month the report covers: yyyy-mm text (2026-04), a month name (April 2026), or any date in the month " +
						"(a date cell, 2026-04-30 or 30/04/2026 text). Different spellings of one month are the same month: one row per month."},
				{Name: "Issued", Type: TypeDate, Required: true, Example: "2026-05-08", Paragraphs: p(ParaMonthlyReport),
					Doc: "Date the report was issued to the Client; empty while not yet issued."},
			},
		}, func(e *Evidence, t *table) { e.Reports = readReports(t) }},
		{Schema{
			Name: "software", Title: "Software versions", Short: "Software", File: "software.xlsx", Sheet: "Software",
			Key: "Product", UniqueKey: true, RowDoc: "one row per COTS product",
			Columns: []Column{
				{Name: "Product", Required: true, Filled: true, Example: "PostgreSQL", Paragraphs: p(ParaSoftware, ParaSoftwareMitigation, ParaSoftwareAgreed),
					Doc: "The COTS product, e.g. PostgreSQL or Windows Server."},
				{Name: "Installed Version", Required: true, Filled: true, Example: "'19.1", Paragraphs: p(ParaSoftware),
					Doc: "The oldest version installed anywhere in the service, e.g. 17.6, v1.33.5 or 2022; its major version is its first number. " +
						"Keep versions as text cells: typed as a number, 1.30 becomes 1.3."},
				{Name: "Latest Version", Required: true, Filled: true, Example: "'19.1", Paragraphs: p(ParaSoftware),
					Doc: "The latest version released by the vendor, e.g. 19.1."},
				{Name: "Latest Release Date", Type: TypeDate, Required: true, Filled: true, Example: "2026-09-24", Paragraphs: p(ParaSoftware, ParaSoftwareMitigation),
					Doc: "The date the latest major version was first released (19.0, not the 19.1 patch): the upgrade windows run from it."},
				{Name: "Previous Major Version", Paragraphs: p(ParaSoftware),
					Doc: "The major version released before the latest, where majors are not numbered one apart " +
						"(Windows Server 2022 before 2025, Ubuntu LTS 24.04 before 26.04); empty means the latest major less one. " +
						"Required when the latest major is a year."},
				{Name: "Exception", Type: TypeChoice, Example: UpgradeExceptionNone, Paragraphs: p(ParaSoftwareMitigation, ParaSoftwareAgreed),
					Choices: []string{UpgradeExceptionNone, UpgradeMitigationReduction, UpgradeClientAgreed},
					Doc: "Empty means none; mitigation-reduction: upgrading would reduce mitigations, 12 Months allowed (B.9.4.1); " +
						"client-agreed: the Client agreed in writing (B.9.4.2)."},
				{Name: "Exception Reference", Paragraphs: p(ParaSoftwareMitigation, ParaSoftwareAgreed),
					Doc: "Reference of the record of the exception (the risk assessment, or the Client's written agreement); an exception without one does not count."},
			},
		}, func(e *Evidence, t *table) { e.Software = decode(t, crossCheck) }},
		{Schema{
			Name: "devices", Title: "Device register", Short: "Devices", File: "devices.xlsx", Sheet: "Devices",
			Key: "Asset ID", UniqueKey: true, RowDoc: "one row per device",
			Columns: []Column{
				{Name: "Asset ID", Required: true, Filled: true, Example: "NG-LT-001", Paragraphs: p(ParaDeviceEncryption, ParaDeviceManagement),
					Doc: "Unique asset tag of the device, e.g. NG-LT-001."},
				{Name: "Device Type", Type: TypeChoice, Required: true, Filled: true, Example: DeviceLaptop, Paragraphs: p(ParaDeviceEncryption),
					Choices: []string{DeviceLaptop, DeviceMobile, DeviceTablet, DeviceRemovable, DeviceDesktop, DeviceServer},
					Doc:     "The kind of device: a laptop, mobile, tablet or removable device holding Government Data is in scope of Annex 1 2.1."},
				{Name: "Holds Government Data", Type: TypeYesNo, Required: true, Filled: true, Example: "Yes", Paragraphs: p(ParaDeviceEncryption),
					Doc: "Yes if Government Data resides on the device."},
				{Name: "Encrypted", Type: TypeYesNo, Required: true, Example: "Yes", Paragraphs: p(ParaDeviceEncryption),
					Doc: "Yes if the device's storage is encrypted; empty counts as No."},
				{Name: "Encryption Product", Required: true, Example: "BitLocker", Paragraphs: p(ParaDeviceEncryption),
					Doc: "The encryption product or system component, e.g. BitLocker or iStorage datAshur PRO."},
				{Name: "Assurance", Required: true, Example: "CPA Foundation Grade", Paragraphs: p(ParaDeviceEncryption),
					Doc: "The product's NCSC assurance, e.g. CPA Foundation Grade, CPA Augmented Grade or CAPS (or a label in [rules] accepted_assurance); none, N/A or not assured is below Foundation Grade."},
				{Name: "Management Authority", Type: TypeChoice, Required: true, Example: AuthorityAgency, Paragraphs: p(ParaDeviceManagement),
					Choices: []string{AuthorityAgency, AuthorityClient},
					Doc:     "Whose management authority the device is under; empty is a violation."},
				{Name: "Known Good State", Type: TypeDate, Required: true, Example: "2025-03-24", Paragraphs: p(ParaDeviceManagement),
					Doc: "Date the device was placed into a known good state (built from the approved image)."},
				{Name: "Provisioned", Type: TypeDate, Required: true, Example: "2025-03-25", Paragraphs: p(ParaDeviceManagement),
					Doc: "Date the device was provisioned into the management authority."},
				{Name: "Attested On", Type: TypeDate, Required: true, Example: "2026-03-16", Paragraphs: p(ParaDeviceEncryption, ParaDeviceManagement),
					Doc: "Date the device's state (encryption, management, configuration) was last attested."},
				{Name: "Attested By", Example: "G. Lloyd", Paragraphs: p(ParaDeviceEncryption, ParaDeviceManagement), Doc: "Who attested it."},
			},
		}, func(e *Evidence, t *table) { e.Devices = decode[Device](t, nil) }},
		{Schema{
			Name: "security-tests", Title: "Security tests", Short: "Security tests", File: "security-tests.xlsx", Sheet: "Tests",
			Key: "Test ID", RowDoc: "one row per finding",
			Columns: []Column{
				{Name: "Test ID", Required: true, Filled: true, Example: "PT-2025-01", Paragraphs: p(ParaTestAnnual, ParaTestResults, ParaTestRemedy, ParaTestRepeat),
					Doc: "Identifier of the Security Test, e.g. PT-2025-01, repeated on each of its rows (one row per finding)."},
				{Name: "Start Date", Type: TypeDate, Required: true, Filled: true, Example: "2025-06-09", Paragraphs: p(ParaTestAnnual),
					Doc: "First day of the test; the same on every row of the test."},
				{Name: "End Date", Type: TypeDate, Required: true, Filled: true, Example: "2025-06-13", Paragraphs: p(ParaTestAnnual, ParaTestResults, ParaTestRemedy),
					Doc: "Last day of the test (its completion), on or after the Start Date; the same on every row of the test."},
				{Name: "Type", Required: true, Example: "Penetration test", Paragraphs: p(ParaTestAnnual),
					Doc: "Kind of test, e.g. IT Health Check, penetration test, retest; the same on every row of the test."},
				{Name: "Full ISMS Scope", Type: TypeYesNo, Required: true, Filled: true, Example: "Yes", Paragraphs: p(ParaTestAnnual),
					Doc: "Yes if the test covered the whole scope of the ISMS (the annual test); the same on every row of the test."},
				{Name: "Client Agreed On", Type: TypeDate, Required: true, Example: "2025-05-19", Paragraphs: p(ParaTestAnnual),
					Doc: "Date the Client agreed the test's date, timing, content and conduct: on or before the Start Date; the same on every row of the test."},
				{Name: "Results Delivered On", Type: TypeDate, Required: true, Example: "2025-06-20", Paragraphs: p(ParaTestResults),
					Doc: "Date the results were given to the Client, on or after the End Date; empty until then; the same on every row of the test."},
				{Name: "Finding ID", Required: true, Paragraphs: p(ParaTestRemedy, ParaTestRepeat),
					Doc: "Identifier of the finding, unique in the register; required on a finding, empty on a row whose Finding Type is none."},
				{Name: "Finding Type", Type: TypeChoice, Required: true, Filled: true, Example: FindingNone, Paragraphs: p(ParaTestRemedy, ParaTestRepeat),
					Choices: []string{FindingBreach, FindingPotential, FindingWeakness, FindingNone},
					Doc:     "What the test revealed: an actual Breach of Security, a potential breach, a weakness, or none for a test with no findings."},
				{Name: "Root Cause", Required: true, Paragraphs: p(ParaTestRepeat),
					Doc: "The finding's root cause, required on every finding; compared ignoring case and spaces (B.6.5)."},
				{Name: "Retest Of", Required: true, Paragraphs: p(ParaTestRemedy, ParaTestRepeat),
					Doc: "On a repeat test: the Finding IDs it re-tests, separated by commas or semicolons; a Test ID stands for every finding of that test."},
				{Name: "Remediated On", Type: TypeDate, Required: true, Paragraphs: p(ParaTestRemedy),
					Doc: "Date the finding was corrected, on or after the Start Date; empty until then."},
			},
		}, func(e *Evidence, t *table) { e.SecurityTests = readSecurityTests(t) }},
		{Schema{
			Name: "incidents", Title: "Incident register", Short: "Incidents", File: "incidents.xlsx", Sheet: "Incidents",
			Key: "Incident ID", UniqueKey: true, RowDoc: "one row per incident",
			Columns: []Column{
				{Name: "Incident ID", Required: true, Filled: true, Example: "INC-2026-001",
					Paragraphs: p(ParaNotifyA, ParaRecurA, ParaReportA, ParaNotifyB, ParaRecurB, ParaDataB, ParaReportB),
					Doc:        "Unique identifier of the incident, e.g. INC-2025-001."},
				{Name: "Type", Type: TypeChoice, Required: true, Filled: true, Example: IncidentActual, Paragraphs: p(ParaNotifyA, ParaReportA, ParaNotifyB, ParaReportB),
					Choices: []string{IncidentActual, IncidentPotential, IncidentAttempted},
					Doc:     "An actual, potential or attempted Breach of Security."},
				{Name: "Aware On", Type: TypeDate, Required: true, Filled: true, Example: "2026-03-10", Paragraphs: p(ParaNotifyA, ParaRecurA, ParaNotifyB, ParaRecurB, ParaReportB),
					Doc: "Date the Agency became aware of the incident."},
				{Name: "Notified On", Type: TypeDate, Required: true, Example: "2026-03-10", Paragraphs: p(ParaNotifyA, ParaNotifyB),
					Doc: "Date the Agency notified the Client, on or after Aware On; empty until then."},
				{Name: "Data Requested On", Type: TypeDate, Required: true, Paragraphs: p(ParaDataB),
					Doc: "Date the Client (or GovCertUK) requested data about the incident; empty if none was requested."},
				{Name: "Data Supplied On", Type: TypeDate, Required: true, Paragraphs: p(ParaDataB),
					Doc: "Date the requested data was supplied, on or after Data Requested On; empty until then."},
				{Name: "Report Delivered On", Type: TypeDate, Required: true, Example: "2026-03-20", Paragraphs: p(ParaReportA, ParaReportB),
					Doc: "Date the full details (with the root cause analysis) were given to the Client, on or after Aware On; empty until then."},
				{Name: "Root Cause", Required: true, Example: "Phishing email", Paragraphs: p(ParaRecurA, ParaRecurB),
					Doc: "The incident's root cause, once known; compared ignoring case and spaces to find recurring causes."},
			},
		}, func(e *Evidence, t *table) { e.Incidents = decode(t, checkIncident) }},
		{Schema{
			Name: "privileges", Title: "Privileged access register", Short: "Privileges", File: "privileges.xlsx", Sheet: "Privileges",
			Key: "Grant ID", UniqueKey: true, RowDoc: "one row per grant of an elevated privilege",
			Columns: []Column{
				{Name: "Grant ID", Required: true, Filled: true, Example: "PRV-0001", Paragraphs: p(ParaRevocation),
					Doc: "Unique identifier of the grant, e.g. PRV-0001."},
				{Name: "Staff ID", Required: true, Filled: true, Example: "NS-0001", Paragraphs: p(ParaRevocation),
					Doc: "Staff ID, from the staff register, of the person granted the privilege."},
				{Name: "Privilege", Required: true, Filled: true, Example: "Production database administrator", Paragraphs: p(ParaRevocation),
					Doc: "The increased ICT privilege or access right granted, e.g. Domain Admins."},
				{Name: "Justification", Required: true, Filled: true, Example: "On-call administration of the production database", Paragraphs: p(ParaRevocation),
					Doc: "Why the person needs it to carry out their duties: staff are granted only the permissions they need."},
				{Name: "Granted On", Type: TypeDate, Required: true, Filled: true, Example: "2026-02-02", Paragraphs: p(ParaRevocation),
					Doc: "Date the privilege was granted."},
				{Name: "No Longer Needed On", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation),
					Doc: "Date the person stopped needing it (a change of role); empty while it is needed. A leaver's End Date in the staff register counts too."},
				{Name: "Revoked On", Type: TypeDate, Required: true, Paragraphs: p(ParaRevocation),
					Doc: "Date the privilege was revoked; empty while it is held."},
			},
		}, func(e *Evidence, t *table) { e.Privileges = decode(t, checkPrivilege) }},
	}
}

// Register returns the register named name ("staff", "training", ...).
func (e *Evidence) Register(name string) *Register {
	for _, r := range e.Registers {
		if r.Schema.Name == name {
			return r
		}
	}
	return nil
}

// Schemas lists every register this program reads, in display order.
func Schemas() []Schema {
	var out []Schema
	for _, r := range readers() {
		out = append(out, withParagraphs(r.schema))
	}
	return out
}

// LookupSchema returns the schema of the register named name.
func LookupSchema(name string) (Schema, bool) {
	for _, s := range Schemas() {
		if s.Name == name {
			return s, true
		}
	}
	return Schema{}, false
}

// Load reads every register from fsys, whose root is the evidence folder;
// dir is that folder's name as printed in positions (e.g. "evidence").
// Problems in the evidence are recorded on the registers; Load itself does
// not fail on bad evidence.
func Load(fsys fs.FS, dir string) *Evidence { return LoadReporting(fsys, dir, nil) }

// LoadReporting is Load, calling done (if not nil, from any goroutine)
// as each register, and then the governance documents, have been read.
//
// The workbooks are independent, so they are read on every core, the
// largest first: the other registers are read while it streams. Each
// reader fills only its own register and its own field of Evidence.
func LoadReporting(fsys fs.FS, dir string, done func(what string)) *Evidence {
	e := &Evidence{}
	rs := readers()
	e.Registers = make([]*Register, len(rs))
	order := make([]int, len(rs))
	size := make([]int64, len(rs))
	for i, r := range rs {
		order[i] = i
		if fi, err := fs.Stat(fsys, r.schema.File); err == nil {
			size[i] = fi.Size()
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size[b], size[a]) })
	report := func(what string) {
		if done != nil {
			done(what)
		}
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				r := rs[i]
				t := readTable(fsys, dir, withParagraphs(r.schema))
				r.read(e, t)
				e.Registers[i] = t.reg
				report(t.reg.Path)
			}
		})
	}
	wg.Go(func() {
		e.Documents = loadDocuments(fsys, dir)
		report("the governance documents")
	})
	for _, i := range order {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	e.linkTraining(e.Register("training"))
	e.findUnread(fsys, dir)
	for _, r := range e.Registers {
		slices.SortStableFunc(r.Problems, func(a, b Problem) int { return a.Pos.Compare(b.Pos) })
	}
	return e
}

// linkTraining drops training rows whose Staff ID is not in the staff
// register, recording each as a problem.
func (e *Evidence) linkTraining(reg *Register) {
	staffReg := e.Register("staff")
	if len(e.Training) == 0 || staffReg == nil || !staffReg.Present || staffReg.Rows == 0 {
		// With no usable staff register there is nothing to link to: its
		// own problems say why, rather than one per training row.
		return
	}
	known := make(map[string]bool, len(e.Staff))
	for _, s := range e.Staff {
		known[strings.ToUpper(s.ID)] = true
	}
	kept := e.Training[:0]
	for _, t := range e.Training {
		if !known[strings.ToUpper(t.StaffID)] {
			reg.problem(t.Row.Pos, t.StaffID, []string{ParaTraining}, "Staff ID: %q is not in the staff register %s: this row is not used", t.StaffID, staffReg.Path)
			reg.dropRow(t.StaffID, t.Row.Pos)
			continue
		}
		kept = append(kept, t)
	}
	e.Training = kept
	reg.Rows = len(kept)
}
