package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// devRow returns a compliant laptop D-1 holding Government Data (the
// register's example row), set to a known good state on Monday 2025-04-14
// and provisioned on Tuesday 2025-04-15, two weeks into the contract, and
// attested 2026-06-15, with the named columns replaced by set.
func devRow(t testing.TB, set map[string]string) string {
	t.Helper()
	return exampleRow(t, "devices", "D-1", map[string]string{"Known Good State": "2025-04-14", "Provisioned": "2025-04-15", "Attested On": "2026-06-15"}, set)
}

// devCase is one row of a device rule's boundary table: D-1's row, the
// as-of date, the accepted assurances (nil: the default) and what the rule
// must find for D-1.
type devCase struct {
	name     string
	asOf     string
	row      map[string]string
	accepted []string
	want     want
	deadline string // the check's deadline, when set; "-" for none
	margin   int
	message  string // part of the first finding's message
}

func runDevices(t *testing.T, para string, tests []devCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := registerInput(t, "devices", "B", tt.asOf, devRow(t, tt.row))
			in.Config.Rules.AcceptedAssurance = tt.accepted
			w := tt.want
			w.deadline, w.margin, w.message = tt.deadline, tt.margin, tt.message
			if tt.deadline != "" && tt.deadline != "-" {
				w.unit = "days"
			}
			w.verify(t, Evaluate(in), para, "D-1")
		})
	}
}

func TestDeviceEncryption(t *testing.T) {
	ok := want{outcome: OK}
	none := want{}
	runDevices(t, evidence.ParaDeviceEncryption, []devCase{
		{name: "encrypted with an accepted product", want: ok, deadline: "2027-06-15", margin: 200},
		{name: "not encrypted", row: map[string]string{"Encrypted": "No", "Encryption Product": "", "Assurance": ""},
			want: gap("violation high D2"), deadline: "-", message: "A laptop holding Government Data is not recorded as encrypted"},
		{name: "encryption not recorded counts as not encrypted", row: map[string]string{"Encrypted": ""}, want: gap("violation high D2")},
		{name: "a mobile device, not encrypted", row: map[string]string{"Device Type": "mobile", "Encrypted": "No"}, want: gap("violation high D2")},
		{name: "a tablet, not encrypted", row: map[string]string{"Device Type": "Tablet", "Encrypted": "N"}, want: gap("violation high D2")},
		{name: "a removable device, not encrypted", row: map[string]string{"Device Type": "removable", "Encrypted": "no"},
			want: gap("violation high D2"), message: "A removable device holding"},
		{name: "no encryption product", row: map[string]string{"Encryption Product": ""}, want: gap("violation high E2")},
		{name: "no assurance", row: map[string]string{"Assurance": ""}, want: gap("violation high F2"), deadline: "-"},
		{name: "no product and no assurance", row: map[string]string{"Encryption Product": "", "Assurance": ""}, want: gap("violation high E2", "violation high F2")},
		{name: "another scheme's assurance", row: map[string]string{"Assurance": "FIPS 140-2 Level 3"},
			want: gap("violation high F2"), message: `encrypted with BitLocker, assured "FIPS 140-2 Level 3", which is not an NCSC assurance`},
		{name: "assurance matched ignoring case and spaces", row: map[string]string{"Assurance": " cpa  FOUNDATION grade "}, want: ok},
		{name: "a higher grade is accepted", row: map[string]string{"Assurance": "CPA Augmented Grade"}, want: ok},
		{name: "CPA Foundation is Foundation Grade", row: map[string]string{"Assurance": "CPA Foundation"}, want: ok},
		{name: "below Foundation Grade: a violation", row: map[string]string{"Assurance": "Not assured"}, want: gap("violation high F2"), deadline: "-",
			message: `A laptop holding Government Data is encrypted with BitLocker, assured "Not assured": below Foundation Grade.`},
		{name: "a label that cannot be placed: invalid, not a breach", row: map[string]string{"Assurance": "Common Criteria EAL4+"}, want: noCheck("invalid medium F2"),
			message: `Assurance "Common Criteria EAL4+" cannot be placed against Foundation Grade`},
		{name: "a label that cannot be placed, and not attested: the breach only", row: map[string]string{"Assurance": "pending", "Attested On": ""},
			want: gap("invalid medium F2", "violation medium J2")},
		{name: "the configured list adds a label", accepted: []string{"Common Criteria EAL4+"}, row: map[string]string{"Assurance": "common criteria eal4+"}, want: ok},
		{name: "the configured list keeps the NCSC spellings", accepted: []string{"Common Criteria EAL4+"}, want: ok},
		{name: "desktop out of scope", row: map[string]string{"Device Type": "desktop", "Encrypted": "No"}, want: none},
		{name: "server out of scope", row: map[string]string{"Device Type": "server", "Encrypted": "No"}, want: none},
		{name: "no Government Data: out of scope", row: map[string]string{"Holds Government Data": "No", "Encrypted": "No"}, want: none},
		{name: "attested exactly 12 Months before", row: map[string]string{"Attested On": "2025-11-27"}, want: ok, deadline: "2026-11-27", margin: 0},
		{name: "attested 12 Months and a day before: stale", row: map[string]string{"Attested On": "2025-11-26"},
			want: gap("stale medium J2"), deadline: "2026-11-26", margin: -1,
			message: "Attestation on Wed 26 Nov 2025 is more than 12 Months before Fri 27 Nov 2026: it was due again by Thu 26 Nov 2026 (1 day overdue)."},
		{name: "leap day: 29 Feb 2028 + 12 Months = 28 Feb 2029", asOf: "2029-02-28", row: map[string]string{"Attested On": "2028-02-29"},
			want: ok, deadline: "2029-02-28", margin: 0},
		{name: "leap day, a day later", asOf: "2029-03-01", row: map[string]string{"Attested On": "2028-02-29"},
			want: gap("stale medium J2")},
		// Nothing is late before the contract began (1 April 2025): an
		// attestation that lapsed before then was due again on its first day.
		{name: "lapsed before the contract began: due by its start", asOf: "2025-04-01", row: map[string]string{"Attested On": "2024-02-29", "Known Good State": "2024-01-02", "Provisioned": "2024-01-02"},
			want: ok, deadline: "2025-04-01", margin: 0},
		{name: "lapsed before the contract began, the day after its start", asOf: "2025-04-02", row: map[string]string{"Attested On": "2024-02-29", "Known Good State": "2024-01-02", "Provisioned": "2024-01-02"},
			want: gap("stale medium J2"), deadline: "2025-04-01", margin: -1,
			message: "it was due again by Tue 1 Apr 2025, the contract's Start Date (the period ended on Fri 28 Feb 2025, before the contract began) (1 day overdue)."},
		{name: "stale and unencrypted", row: map[string]string{"Encrypted": "No", "Attested On": "2024-01-01"},
			want: gap("violation high D2", "stale medium J2")},
		{name: "no attestation", row: map[string]string{"Attested On": ""}, want: gap("violation medium J2"), deadline: "-", message: "No attestation on or before Fri 27 Nov 2026"},
		{name: "attested after the as-of date", row: map[string]string{"Attested On": "2026-11-28"}, want: gap("violation medium J2"),
			message: "Attested On Sat 28 Nov 2026 is after Fri 27 Nov 2026"},
		{name: "attested on the as-of date", row: map[string]string{"Attested On": "2026-11-27"}, want: ok, deadline: "2027-11-27", margin: 365},
		// An unreadable cell is read as if empty: the breach beside the
		// invalid finding.
		{name: "unreadable encryption: not encrypted", row: map[string]string{"Encrypted": "partly"}, want: gap("violation high D2", "invalid medium D2"), deadline: "-"},
		{name: "unreadable encryption and a stale attestation", row: map[string]string{"Encrypted": "partly", "Attested On": "2024-01-01"},
			want: gap("violation high D2", "invalid medium D2", "stale medium J2")}, // medium: by cell
		{name: "unreadable attestation: none", row: map[string]string{"Attested On": "last year"}, want: gap("invalid medium J2", "violation medium J2"), deadline: "-"},
		{name: "unreadable assurance: none", row: map[string]string{"Assurance": "=A1"}, want: gap("violation high F2", "invalid medium F2")},
		// A device provisioned after the as-of date was not in service.
		{name: "provisioned after the as-of date: listed, not judged", asOf: "2025-04-14", row: map[string]string{"Attested On": ""},
			want: want{outcome: Later, detail: "provisioned 2025-04-15, after the as-of date (2025-04-14): not judged"}, deadline: "-"},
		{name: "provisioned on the as-of date: judged", asOf: "2025-04-15", row: map[string]string{"Attested On": ""}, want: gap("violation medium J2")},
		{name: "unreadable device type: not judged", row: map[string]string{"Device Type": "phone", "Encrypted": "No"}, want: unjudged("invalid medium B2")},
		{name: "unreadable Holds Government Data: not judged", row: map[string]string{"Holds Government Data": "some", "Encrypted": "No"}, want: unjudged("invalid medium C2")},
	})
}

func TestDeviceManagement(t *testing.T) {
	ok := want{outcome: OK}
	runDevices(t, evidence.ParaDeviceManagement, []devCase{
		// The tighter deadline: a day from known good state to provisioning.
		{name: "compliant", want: ok, deadline: "2025-04-15", margin: 1},
		{name: "known good state on the day of provisioning", row: map[string]string{"Known Good State": "2025-04-15"}, want: ok, deadline: "2025-04-15", margin: 0},
		{name: "known good state a day after provisioning", row: map[string]string{"Known Good State": "2025-04-16"},
			want: gap("violation high H2"), deadline: "2025-04-15", margin: -1,
			message: "Known Good State set on Wed 16 Apr 2025, 1 day after the device was provisioned on Tue 15 Apr 2025"},
		{name: "known good state across a weekend: calendar days", row: map[string]string{"Known Good State": "2025-04-11", "Provisioned": "2025-04-14"}, want: ok, deadline: "2025-04-14", margin: 3},
		// Provisioned before the contract began (1 April 2025): the known
		// good state was due by its first day.
		{name: "provisioned before the contract, known good state after it, before the start", row: map[string]string{"Known Good State": "2025-03-26", "Provisioned": "2025-03-25"},
			want: ok, deadline: "2025-04-01", margin: 6},
		{name: "provisioned before the contract, known good state on its first day", row: map[string]string{"Known Good State": "2025-04-01", "Provisioned": "2025-03-25"},
			want: ok, deadline: "2025-04-01", margin: 0},
		{name: "provisioned before the contract, known good state the day after its start", row: map[string]string{"Known Good State": "2025-04-02", "Provisioned": "2025-03-25"},
			want: gap("violation high H2"), deadline: "2025-04-01", margin: -1,
			message: "Known Good State set on Wed 2 Apr 2025, 1 day late: the device was provisioned on Tue 25 Mar 2025, so it was due in a known good state by Tue 1 Apr 2025, the contract's Start Date (Tue 25 Mar 2025 was before the contract began)."},
		{name: "no known good state", row: map[string]string{"Known Good State": ""}, want: gap("violation high H2"), deadline: "-"},
		{name: "no provisioning date", row: map[string]string{"Provisioned": ""}, want: gap("violation high I2")},
		{name: "neither date", row: map[string]string{"Known Good State": "", "Provisioned": ""}, want: gap("violation high H2", "violation high I2")},
		{name: "no management authority", row: map[string]string{"Management Authority": ""}, want: gap("violation high G2"),
			message: "No Management Authority"},
		{name: "the Client's authority", row: map[string]string{"Management Authority": "CLIENT"}, want: ok},
		{name: "another authority is invalid, and none: a violation", row: map[string]string{"Management Authority": "Kestrel Cloud"}, want: gap("violation high G2", "invalid medium G2"),
			message: "No Management Authority"},
		{name: "provisioned after the as-of date: listed, not judged", asOf: "2025-04-14", row: map[string]string{"Attested On": ""},
			want: want{outcome: Later, detail: "provisioned 2025-04-15, after the as-of date (2025-04-14): not judged"}, deadline: "-"},
		{name: "a server provisioned after the as-of date too", asOf: "2025-04-14", row: map[string]string{"Device Type": "server", "Holds Government Data": "No"},
			want: want{outcome: Later}, deadline: "-"},
		{name: "desktops and servers are judged too", row: map[string]string{"Device Type": "server", "Holds Government Data": "No", "Management Authority": ""}, want: gap("violation high G2")},
		{name: "an unreadable device type does not stop 2.2", row: map[string]string{"Device Type": "phone"}, want: ok},
		{name: "attested exactly 12 Months before: the tighter deadline", row: map[string]string{"Attested On": "2025-11-27"}, want: ok, deadline: "2026-11-27", margin: 0},
		{name: "attested 12 Months and a day before: stale", row: map[string]string{"Attested On": "2025-11-26"},
			want: gap("stale medium J2"), deadline: "2026-11-26", margin: -1},
		{name: "no attestation", row: map[string]string{"Attested On": ""}, want: gap("violation medium J2"), deadline: "-"},
		{name: "known good state late and the attestation stale: the tighter", row: map[string]string{"Known Good State": "2025-04-17", "Attested On": "2025-11-20"},
			want: gap("violation high H2", "stale medium J2"), deadline: "2026-11-20", margin: -7},
		{name: "known good state late, no authority: no deadline", row: map[string]string{"Known Good State": "2025-04-17", "Management Authority": ""},
			want: gap("violation high G2", "violation high H2"), deadline: "-"},
		{name: "unreadable known good state: none", row: map[string]string{"Known Good State": "tbc"}, want: gap("violation high H2", "invalid medium H2"), deadline: "-"},
		{name: "unreadable provisioning date and no authority", row: map[string]string{"Provisioned": "tbc", "Management Authority": ""},
			want: gap("violation high G2", "violation high I2", "invalid medium I2")},
	})
}

// TestSampleDevices: the devices register of the sample.
func TestSampleDevices(t *testing.T) {
	sampleCase{
		keep: under("B.Annex1.2."),
		findings: []string{
			"B.Annex1.2.1 violation high NG-LT-007 D8",   // 1: not encrypted
			"B.Annex1.2.1 violation high NG-USB-003 F24", // 2: FIPS 197
			"B.Annex1.2.2 violation high NG-DT-002 G27",  // 3: no management authority
			"B.Annex1.2.2 violation high NG-LT-009 H10",  // 4: known good state after provisioning
			"B.Annex1.2.2 violation high NG-SV-003 G31",  // 6: Kestrel Cloud is no authority of the Agency or the Client
			"B.Annex1.2.1 stale medium NG-MB-004 J17",    // 5: attested 12 Months and a day before
			"B.Annex1.2.2 stale medium NG-MB-004 J17",    // 5
			"B.Annex1.2.2 invalid medium NG-SV-003 G31",  // 6: Kestrel Cloud
		},
		// The boundaries: current on the last day, and the same-day known
		// good state.
		pins: []pin{
			{evidence.ParaDeviceEncryption, "NG-MB-005", want{outcome: OK, deadline: "2026-11-27", margin: 0}},
			{evidence.ParaDeviceManagement, "NG-MB-005", want{outcome: OK, deadline: "2026-11-27", margin: 0}},
			{evidence.ParaDeviceManagement, "NG-LT-010", want{outcome: OK, deadline: "2026-04-13", margin: 0}},
			{evidence.ParaDeviceManagement, "NG-SV-003", gap("violation high G31", "invalid medium G31")}, // read as no authority
		},
		// 2.1 judges the 21 laptops, mobiles, tablets and removable devices
		// holding Government Data; 2.2 every device, NG-SV-003 (its
		// authority invalid) as having none.
		sources: []string{"devices"},
		checks:  map[string]int{evidence.ParaDeviceEncryption: 21, evidence.ParaDeviceManagement: 31},
		status:  map[string]Status{evidence.ParaDeviceEncryption: GapStatus, evidence.ParaDeviceManagement: GapStatus},
	}.run(t)
}

// A register missing most of its columns: each missing column is one
// invalid finding, and every check and finding still points at a cell.
func TestDevicesMissingColumns(t *testing.T) {
	text := "Asset ID\tDevice Type\tHolds Government Data\tAttested On\n" +
		"D-1\tlaptop\tYes\t2024-01-01\n" +
		"D-2\tserver\tNo\t2026-06-15\n"
	r := Evaluate(registerSheetsInput(t, "B", "", map[string]workbook.Sheet{"devices.xlsx": {Name: "Devices", TSV: text}}))
	var got []string
	for _, f := range r.Findings {
		if !strings.HasPrefix(f.Paragraph, "B.Annex1.2.") {
			continue
		}
		got = append(got, f.Paragraph[len("B.Annex1."):]+" "+string(f.Kind)+" "+f.Subject+" "+f.Pos.Cell())
		if f.Pos.Cell() == "" || f.Pos.Sheet() == "" {
			t.Errorf("finding without a cell: %+v", f)
		}
	}
	want := []string{
		"2.1 invalid  A1", "2.1 invalid  A1", "2.1 invalid  A1", // Encrypted, Encryption Product, Assurance
		"2.1 stale D-1 D2",
		"2.2 invalid  A1", "2.2 invalid  A1", "2.2 invalid  A1", // Management Authority, Known Good State, Provisioned
		"2.2 stale D-1 D2",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range r.Checks {
		if c.Source == "devices" && c.Pos.Cell() == "" {
			t.Errorf("check without a cell: %+v", c)
		}
	}
	if cs := checks(r, evidence.ParaDeviceEncryption, "D-1"); len(cs) != 1 || cs[0].Outcome != Gap || cs[0].Pos.Cell() != "A2" {
		t.Errorf("D-1 2.1 checks %+v, want one gap at the Asset ID cell", cs)
	}
}

// The Assurance labels NCSC and suppliers write, placed against Annex 1
// 2.1's "at least Foundation Grade".
func TestPlaceAssurance(t *testing.T) {
	for _, tt := range []struct {
		label string
		want  assuranceGrade
	}{
		// Foundation Grade or above.
		{"CPA Foundation Grade", assuranceFoundation},
		{"NCSC CPA Foundation Grade", assuranceFoundation},
		{"CPA Foundation", assuranceFoundation},
		{"Foundation Grade (CPA)", assuranceFoundation},
		{"Foundation Grade", assuranceFoundation},
		{"foundation-grade", assuranceFoundation},
		{"Commercial Product Assurance – Foundation", assuranceFoundation},
		{"Commercial Product Assurance (CPA) Foundation Grade", assuranceFoundation},
		{"CESG CPA Foundation Grade", assuranceFoundation},
		{"CPA Foundation Grade, certificate 2019-0123", assuranceFoundation},
		{"CPA Augmented Grade", assuranceFoundation},
		{"NCSC CPA Augmented Grade", assuranceFoundation},
		{"CPA Augmented", assuranceFoundation},
		{"Augmented Grade (CPA)", assuranceFoundation},
		{"Augmented Grade", assuranceFoundation},
		{"Commercial Product Assurance - Augmented", assuranceFoundation},
		{"CPA", assuranceFoundation},
		{"CPA certified", assuranceFoundation},
		{"NCSC CPA", assuranceFoundation},
		{"CAPS", assuranceFoundation},
		{"CAPS Enhanced Grade", assuranceFoundation},
		{"CESG Assisted Products Scheme", assuranceFoundation},
		{"Foundation Grade (Common Criteria)", assuranceFoundation},
		// Below Foundation Grade.
		{"none", assuranceBelow},
		{"None", assuranceBelow},
		{"N/A", assuranceBelow},
		{"n/a", assuranceBelow},
		{"NA", assuranceBelow},
		{"not assured", assuranceBelow},
		{"Not Assured", assuranceBelow},
		{"no assurance", assuranceBelow},
		{"unassured", assuranceBelow},
		{"not applicable", assuranceBelow},
		{"not CPA assured", assuranceBelow},
		{"no CPA", assuranceBelow},
		{"non-CPA", assuranceBelow},
		{"not Foundation Grade", assuranceBelow},
		// Another scheme's.
		{"FIPS 197", assuranceNotNCSC},
		{"FIPS 140-2 Level 3", assuranceNotNCSC},
		// Cannot be placed: invalid.
		{"Common Criteria EAL4+", assuranceUnknown},
		{"Common Criteria", assuranceUnknown},
		{"pending", assuranceUnknown},
		{"CPA (expired)", assuranceUnknown},
		{"CPA Foundation Grade pending", assuranceUnknown},
		{"CPA Foundation and Augmented", assuranceUnknown},
		{"not not assured", assuranceUnknown},
		{"yes", assuranceUnknown},
		{"-", assuranceUnknown},
		{"Grade", assuranceUnknown},
	} {
		if got, reading := placeAssurance(tt.label, nil); got != tt.want {
			t.Errorf("placeAssurance(%q) = %d (%q), want %d", tt.label, got, reading, tt.want)
		}
	}
	// [rules] accepted_assurance adds labels, matched as choices are.
	for _, label := range []string{"Common Criteria EAL4+", "common criteria eal4+", "Common_Criteria-EAL4+"} {
		if got, reading := placeAssurance(label, []string{"Common Criteria EAL4+"}); got != assuranceFoundation || reading != "listed in [rules] accepted_assurance" {
			t.Errorf("placeAssurance(%q, accepted) = %d (%q)", label, got, reading)
		}
	}
}
