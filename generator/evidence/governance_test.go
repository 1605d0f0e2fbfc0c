package evidence

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every documented key of every section, read into its record.
func TestReadGovernanceSections(t *testing.T) {
	src := `[representatives.client]
name = "Jo Smith"
role = "Departmental Security Officer"
appointed = 2025-04-01

[representatives.agency]
name = " Priya Raman "
appointed = "2025-04-02"

[security_policy]
version = "4.2"
last_reviewed = 2025-10-27
documents = ["documents/policy.pdf", "documents/policy.pdf"]

[[security_policy.request]]
requested = 2026-05-21
supplied = 2026-05-28
reference = "ref 1"

[[security_policy.request]]
requested = 2026-11-20

[incident_process]
version = "3.0"
last_reviewed = 2026-03-12
response_plans = ["Ransomware", "Data loss"]
documents = "documents/policy.pdf"

[vulnerability_policy]
version = "2.1"
last_reviewed = 2026-04-20
covers = ["Patch Testing", "identification", "patch_application", "identification"]

[audit_logging]
retention_months = 6
sources = ["firewalls", "proxy-servers"]
other_sources = ["VPC flow logs"]
events = ["privileged-logon", "remote-session-end"]
access_records_kept = true
documents = ["documents/policy.pdf"]

[audit_logging.not_applicable_sources]
dhcp_servers = "cloud addressing"

[[data_location]]
place = "London"
activities = ["processing", "storage"]
regime = "UK GDPR"

[[data_location]]
place = "Leeds"
activities = ["management"]

[ceasing_to_trade]
version = "1.1"
summary = "Escrow"
last_reviewed = 2026-01-15
documents = ["documents/policy.pdf"]
`
	docs := readOne(src)
	if len(docs.Problems) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemLines(docs.Problems), "\n"))
	}
	r := docs.Representatives
	if r == nil || r.Client == nil || r.Agency == nil {
		t.Fatalf("representatives = %+v", r)
	}
	if r.Client.Name.Value != "Jo Smith" || r.Client.Role.Value != "Departmental Security Officer" || r.Client.Appointed.String() != "2025-04-01" || r.Client.Placeholder || !r.Client.Named() {
		t.Errorf("client = %+v", r.Client)
	}
	if r.Agency.Name.Value != "Priya Raman" || r.Agency.Role.Set || r.Agency.Appointed.String() != "2025-04-02" || r.Agency.Name.Pos.Line() != 7 {
		t.Errorf("agency = %+v", r.Agency)
	}
	s := docs.SecurityPolicy
	if s.Version.Value != "4.2" || s.LastReviewed.String() != "2025-10-27" || s.LastReviewed.Pos.Line() != 12 || len(s.Documents) != 1 || s.Documents[0].Path != "documents/policy.pdf" {
		t.Errorf("security policy = %+v", s)
	}
	if len(s.Requests) != 2 || s.Requests[0].Supplied.String() != "2026-05-28" || s.Requests[0].Reference.Value != "ref 1" ||
		s.Requests[1].Supplied.Set || s.Requests[1].Requested.String() != "2026-11-20" || s.Requests[1].Pos.Line() != 20 {
		t.Errorf("requests = %+v", s.Requests)
	}
	ip := docs.IncidentProcess
	if ip.Version.Value != "3.0" || ip.LastReviewed.String() != "2026-03-12" || !slices.Equal(ip.ResponsePlans, []string{"Ransomware", "Data loss"}) || ip.ResponsePlansPos.Line() != 26 || len(ip.Documents) != 1 {
		t.Errorf("incident process = %+v", ip)
	}
	v := docs.VulnerabilityPolicy
	if !v.CoversSet || !slices.Equal(v.Covers, []string{"identification", "patch-testing", "patch-application"}) || v.CoversPos.Line() != 32 || v.Covered("patch-prioritisation") {
		t.Errorf("vulnerability policy = %+v", v)
	}
	a := docs.AuditLogging
	if a.RetentionMonths != 6 || !a.RetentionSet || a.RetentionPos.Line() != 35 ||
		!slices.Equal(a.Sources, []string{"proxy-servers", "firewalls"}) || !slices.Equal(a.OtherSources, []string{"VPC flow logs"}) ||
		!slices.Equal(a.Events, []string{"privileged-logon", "remote-session-end"}) || !a.AccessRecordsKept.Value || len(a.Documents) != 1 {
		t.Errorf("audit logging = %+v", a)
	}
	if reason, ok := a.NotApplicableReason("dhcp-servers"); !ok || reason.Value != "cloud addressing" || reason.Pos.Line() != 43 {
		t.Errorf("not applicable = %+v", a.NotApplicable)
	}
	if len(docs.DataLocations) != 2 {
		t.Fatalf("data locations = %+v", docs.DataLocations)
	}
	if d := docs.DataLocations[0]; d.Place.Value != "London" || !slices.Equal(d.Activities, []string{"storage", "processing"}) || d.Regime.Value != "UK GDPR" || d.Pos.Line() != 45 {
		t.Errorf("location 0 = %+v", d)
	}
	if d := docs.DataLocations[1]; d.Regime.Set || d.Regime.Invalid || d.Regime.Pos.Line() != 50 {
		t.Errorf("location 1 = %+v: want no regime, at the table header", d)
	}
	c := docs.CeasingToTrade
	if c.Version.Value != "1.1" || c.Summary.Value != "Escrow" || c.LastReviewed.String() != "2026-01-15" || len(c.Documents) != 1 {
		t.Errorf("ceasing to trade = %+v", c)
	}
	if len(docs.Attachments) != 1 || docs.Attachments[0].Size != 13 {
		t.Errorf("attachments = %+v, want the one file once", docs.Attachments)
	}
	if got, want := docs.Sources(), []string{"representatives", "security-policy", "incident-process", "vulnerability-policy", "audit-logging", "data-locations", "ceasing-to-trade"}; !slices.Equal(got, want) {
		t.Errorf("kinds %q, want %q", got, want)
	}
}

// Every bad value is one problem at its line, against the paragraphs the
// key evidences.
func TestReadGovernanceProblems(t *testing.T) {
	runTOMLCases(t, []tomlCase{
		{"representative wrong type", "[representatives]\nclient = \"Jo\"\n",
			[]string{"2: representatives.client: want a table: [representatives.client], then its keys one a line"}, []string{"B.2.3", "B.2.3.1"}},
		{"representative unknown key", "[representatives.agency]\nname = \"Jo\"\nemail = \"x\"\n",
			[]string{`3: unknown key "representatives.agency.email"`}, nil},
		{"representative bad date and name", "[representatives.agency]\nname = 3\nappointed = \"soon\"\n",
			[]string{"2: name: want text in quotes, got 3", `3: appointed: want a date such as 2025-04-01, got "soon"`}, []string{"B.2.3", "B.2.3.2"}},
		{"unknown representative", "[representatives.cso]\nname = \"Jo\"\n",
			[]string{`1: unknown key "representatives.cso"`, `2: unknown key "representatives.cso.name"`}, nil},
		{"policy missing keys", "[security_policy]\n",
			[]string{"1: version: missing", "1: last_reviewed: missing"}, []string{"B.2.7"}},
		{"policy bad date", "[security_policy]\nversion = 4.2\nlast_reviewed = 2025-13-01\n",
			[]string{"3:17: security_policy.last_reviewed: invalid datetime"}, nil},
		{"policy version number", "[security_policy]\nversion = 4.2\nlast_reviewed = 2025-12-01\n",
			[]string{"2: version: want text in quotes, got 4.2"}, []string{"B.2.7"}},
		{"policy implausible date", "[security_policy]\nversion = \"1\"\nlast_reviewed = 2205-12-01\n",
			[]string{"3: last_reviewed: want a date between 1950 and 2199"}, []string{"B.2.7"}},
		{"request missing and early", "[security_policy]\nversion = \"1\"\nlast_reviewed = 2025-12-01\n[[security_policy.request]]\nsupplied = 2026-01-01\n[[security_policy.request]]\nrequested = 2026-02-02\nsupplied = 2026-02-01\n",
			[]string{"4: requested: missing", "8: supplied (2026-02-01) is before requested (2026-02-02)"}, []string{"B.2.7"}},
		{"document outside", "[security_policy]\nversion = \"1\"\nlast_reviewed = 2025-12-01\ndocuments = [\"../x.pdf\", 3]\n",
			[]string{"4: attachment \"../x.pdf\": want a path inside the evidence folder", "4: documents: want paths in quotes, got 3"}, []string{"B.2.7"}},
		{"documents wrong type", "[ceasing_to_trade]\nlast_reviewed = 2025-12-01\ndocuments = 7\n",
			[]string{"3: documents: want a path such as"}, []string{"B.Annex1.3.3.2"}},
		{"incident plans not a list", "[incident_process]\nlast_reviewed = 2026-01-01\nresponse_plans = \"Ransomware\"\n",
			[]string{"3: response_plans: want a list of the names"}, []string{"A.5.1", "B.3.4.4"}},
		{"incident plan empty name", "[incident_process]\nlast_reviewed = 2026-01-01\nresponse_plans = [\"Ransomware\", \" \"]\n",
			[]string{`3: response_plans: want text in quotes, got " "`}, nil},
		{"incident missing review", "[incident_process]\nresponse_plans = []\n",
			[]string{"1: last_reviewed: missing"}, []string{"A.5.1", "B.3.4.4"}},
		{"vulnerability unknown name", "[vulnerability_policy]\nlast_reviewed = 2026-01-01\ncovers = [\"identification\", \"patching\"]\n",
			[]string{`3: covers: unknown name "patching": want one of "identification", "impact-assessment"`}, []string{"B.3.4.5"}},
		{"vulnerability covers missing", "[vulnerability_policy]\nlast_reviewed = 2026-01-01\n",
			[]string{"1: covers: missing"}, []string{"B.3.4.5"}},
		{"vulnerability covers not strings", "[vulnerability_policy]\nlast_reviewed = 2026-01-01\ncovers = [1]\n",
			[]string{"3: covers: want text in quotes, got 1"}, nil},
		{"audit missing keys", "[audit_logging]\n",
			[]string{"1: retention_months: missing", "1: sources: missing", "1: events: missing", "1: access_records_kept: missing"}, []string{"B.Annex1.8.3"}},
		{"audit bad values", "[audit_logging]\nretention_months = 6.5\nsources = [\"firewall\"]\nevents = \"all\"\naccess_records_kept = \"yes\"\n",
			[]string{"2: retention_months: want a whole number, got 6.5", `3: sources: unknown name "firewall"`, `4: events: want a list of security events`, `5: access_records_kept: want true or false, got "yes"`}, []string{"B.Annex1.8.3"}},
		{"audit negative retention", "[audit_logging]\nretention_months = -1\nsources = []\nevents = []\naccess_records_kept = false\n",
			[]string{"2: retention_months: want a whole number from 0 to 1200, got -1"}, []string{"B.Annex1.8.3"}},
		{"audit retention text", "[audit_logging]\nretention_months = \"6 months\"\nsources = []\nevents = []\naccess_records_kept = true\n",
			[]string{`2: retention_months: want a whole number, got "6 months"`}, nil},
		{"not applicable problems", "[audit_logging]\nretention_months = 6\nsources = [\"routers\"]\nevents = []\naccess_records_kept = true\n[audit_logging.not_applicable_sources]\nswitches = \"none\"\nrouters = \"none\"\nfirewalls = \"\"\n",
			[]string{`7: not_applicable_sources: unknown source "switches"`, `8: not_applicable_sources: "routers" is both collected`, `9: firewalls: missing: why the design does not allow logs from firewalls`}, []string{"B.Annex1.8.1.1"}},
		{"not applicable not a table", "[audit_logging]\nretention_months = 6\nsources = []\nevents = []\naccess_records_kept = true\nnot_applicable_sources = [\"routers\"]\n",
			[]string{"6: not_applicable_sources: want a table of source = \"reason\""}, []string{"B.Annex1.8.1.1"}},
		{"not applicable listed twice", "[audit_logging]\nretention_months = 6\nsources = []\nevents = []\naccess_records_kept = true\n[audit_logging.not_applicable_sources]\nproxy-servers = \"a\"\nproxy_servers = \"b\"\n",
			[]string{`8: not_applicable_sources: "proxy_servers" is listed twice`}, nil},
		{"audit unknown key", "[audit_logging]\nretention_months = 6\nsources = []\nevents = []\naccess_records_kept = true\nretention = 6\n",
			[]string{`6: unknown key "audit_logging.retention"`}, nil},
		{"data location problems", "[[data_location]]\nregime = \"UK GDPR\"\n[[data_location]]\nplace = \"Leeds\"\nactivities = [\"backup\"]\nregime = 1\n[[data_location]]\nplace = \"York\"\nactivities = []\n",
			[]string{"1: place: missing", "1: activities: missing", `5: activities: unknown name "backup"`, "6: regime: want text in quotes, got 1", "9: activities: name at least one"}, []string{"B.Annex1.3.1"}},
		{"data location not a table", "data_location = [\"London\"]\n",
			[]string{"1: data_location: want one table per entry, each headed [[data_location]]"}, []string{"B.Annex1.3.1"}},
		{"data location unknown key", "[[data_location]]\nplace = \"x\"\nactivities = [\"storage\"]\nregime = \"x\"\ncountry = \"UK\"\n",
			[]string{`5: unknown key "data_location.country"`}, nil},
		{"ceasing missing review", "[ceasing_to_trade]\nsummary = \"x\"\n",
			[]string{"1: last_reviewed: missing"}, []string{"B.Annex1.3.3.2"}},
	})
}

func TestPlaceholder(t *testing.T) {
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"[insert security representative of the Client]", true},
		{"  [Insert name]  ", true},
		{"[bookmark: x][insert security representative of the Agency]", true},
		{"[name]", true},
		{"TBC", true},
		{"t.b.c", false},
		{"tbd.", true},
		{"To be confirmed", true},
		{"", false},
		{"Jo Smith", false},
		{"Jo Smith [interim]", false},
		{"Tbc Holdings", false},
	} {
		if got := Placeholder(tt.name); got != tt.want {
			t.Errorf("Placeholder(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestChoiceName(t *testing.T) {
	for in, want := range map[string]string{
		"Patch Testing":       "patch-testing",
		"patch_testing":       "patch-testing",
		"  PATCH - TESTING  ": "patch-testing",
		"dhcp-servers":        "dhcp-servers",
	} {
		if got := ChoiceName(in); got != want {
			t.Errorf("ChoiceName(%q) = %q, want %q", in, got, want)
		}
	}
}

// The sample governance files read without a problem, with every section
// and attachment present.
func TestSampleGovernance(t *testing.T) {
	docs := sampleDocuments(t)
	var mine []string
	for _, p := range docs.Problems {
		if strings.HasSuffix(p.Pos.File(), "/governance.toml") || strings.HasSuffix(p.Pos.File(), "/evidence-items.toml") {
			mine = append(mine, p.Pos.String()+": "+p.Msg)
		}
	}
	if len(mine) != 0 {
		t.Errorf("problems in the sample:\n%s", strings.Join(mine, "\n"))
	}
	if docs.Representatives == nil || !docs.Representatives.Client.Placeholder || !docs.Representatives.Agency.Named() {
		t.Errorf("representatives = %+v", docs.Representatives)
	}
	if a := docs.AuditLogging; a == nil || a.RetentionMonths != 6 || len(a.Events) != 6 || len(a.NotApplicable) != 1 {
		t.Errorf("audit logging = %+v", a)
	}
	if v := docs.VulnerabilityPolicy; v == nil || len(v.Covers) != 6 || v.Covered("exception-approval") {
		t.Errorf("vulnerability policy = %+v", v)
	}
	if len(docs.DataLocations) != 3 || docs.SecurityPolicy == nil || docs.IncidentProcess == nil || docs.CeasingToTrade == nil {
		t.Errorf("sections missing: %d locations, policy %v, incidents %v, ceasing %v", len(docs.DataLocations), docs.SecurityPolicy != nil, docs.IncidentProcess != nil, docs.CeasingToTrade != nil)
	}
	if len(docs.Items) != 32 {
		t.Errorf("%d items, want 32", len(docs.Items))
	}
	for i, it := range docs.Items {
		if want := fmt.Sprintf("EV-%03d", i+1); it.ID != want || it.Title == "" || it.Owner == "" || it.Summary == "" || !it.Date.Set || len(it.Paragraphs) == 0 {
			t.Errorf("item %d = %+v, want %s complete", i, it, want)
		}
	}
	// Every file under documents/ is attached by something, and exists.
	files, err := filepath.Glob("../../evidence/documents/*")
	if err != nil {
		t.Fatal(err)
	}
	var attached []string
	for _, a := range docs.Attachments {
		if strings.HasPrefix(a.Path, "documents/") {
			attached = append(attached, a.Path)
		}
	}
	for _, f := range files {
		if name := "documents/" + filepath.Base(f); !slices.Contains(attached, name) && isMine(name) {
			t.Errorf("%s is not attached by the sample", name)
		}
	}
}

// isMine tells the sample attachments of these sections from any other
// section's.
func isMine(name string) bool {
	for _, n := range []string{"security-policy", "incident-management", "vulnerability-management", "audit-logging", "ceasing-to-trade", "iso27001", "network-segmentation", "firewall-rule-review"} {
		if strings.Contains(name, n) {
			return true
		}
	}
	return false
}

// Reading problems name their subject: the section (for a table or an
// element inside it too, and for [smp] and [isms], as the rules' findings
// about them do), a data location's place, or an item's id.
func TestProblemSubjects(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line subject"
	}{
		{"sections, places and ids", "[security_policy]\nversion = 1\nlast_reviewed = 2025-01-01\n" +
			"[[data_location]]\nplace = \"Leeds\"\nactivities = [\"x\"]\nregime = \"r\"\n" +
			"[[data_location]]\nactivities = [\"storage\"]\n" +
			"[[evidence]]\nid = \"EV-9\"\ntitle = \"t\"\nparagraphs = [\"B.2.6\"]\ndate = \"x\"\nowner = \"o\"\n" +
			"[[evidence]]\nid = \"ev-9\"\n",
			[]string{"2 security_policy", "6 Leeds", "8 data_location", "14 EV-9", "16 ev-9", "16 ev-9", "16 ev-9", "16 ev-9", "17 ev-9"}},
		{"tables and elements inside a section", "[representatives]\nclient = 1\n[security_policy]\nversion = \"1\"\nlast_reviewed = 2025-01-01\n" +
			"[[security_policy.request]]\nrequested = \"x\"\n" +
			"[audit_logging]\nretention_months = 6\nsources = []\nevents = []\naccess_records_kept = true\n[audit_logging.not_applicable_sources]\nswitches = \"x\"\n",
			[]string{"2 representatives", "7 security_policy", "14 audit_logging"}},
		{"arrays that are not", "data_location = 1\nevidence = 2\n", []string{"1 data_location", "2 "}},
		{"an item without an id", "[[evidence]]\ntitle = 1\n", []string{"1 ", "1 ", "1 ", "1 ", "2 "}},
		{"plans", "[smp]\nversion = 1\n[isms.certification]\nname = 1\nrole = \"CIO\"\n", []string{"2 smp", "4 isms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readOne(tt.src)
			var got []string
			for _, p := range docs.Problems {
				got = append(got, strconv.Itoa(p.Pos.Line())+" "+p.Subject)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("subjects %q, want %q\n%s", got, tt.want, strings.Join(problemLines(docs.Problems), "\n"))
			}
		})
	}
}
