package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// gov evaluates one TOML evidence file, g.toml, with no registers.
type gov struct {
	src            string
	asOf           string // default 2026-11-27
	form           string // default B
	securityPolicy bool
}

func (g gov) eval(t *testing.T) Result {
	t.Helper()
	ev := evidence.Load(mapFS{"g.toml": g.src, "documents/p.pdf": "%PDF-1.4"}.fs(), "evidence")
	return Evaluate(setup{asOf: g.asOf, form: g.form, securityPolicy: g.securityPolicy}.inputWith(t, ev))
}

// Every reviewed document is current up to and including 12 Months after
// its last review (clamped at a month's end), stale from the day after; a
// review after the as-of date is invalid.
func TestGovernanceReviewBoundaries(t *testing.T) {
	sections := []struct {
		para, subject, src string
	}{
		{"B.2.7", "security_policy", "[security_policy]\nversion = \"1\"\nlast_reviewed = %s\n"},
		{"B.3.4.4", "incident_process", "[incident_process]\nresponse_plans = [\"Ransomware\"]\nlast_reviewed = %s\n"},
		{"B.3.4.5", "vulnerability_policy", "[vulnerability_policy]\ncovers = [\"identification\", \"impact-assessment\", \"patch-prioritisation\", \"patch-testing\", \"patch-application\", \"exception-approval\", \"efficacy-reporting\"]\nlast_reviewed = %s\n"},
		{"B.Annex1.3.3.2", "ceasing_to_trade", "[ceasing_to_trade]\nsummary = \"escrow\"\nlast_reviewed = %s\n"},
	}
	tests := []struct {
		name, reviewed, asOf string
		want                 want
	}{
		{"last day", "2025-11-27", "2026-11-27", want{outcome: OK, deadline: "2026-11-27", margin: 0}},
		{"first stale day", "2025-11-26", "2026-11-27", want{outcome: Gap, deadline: "2026-11-26", margin: -1, findings: []string{"stale medium 3"}}},
		{"well within", "2026-06-01", "2026-11-27", want{outcome: OK, deadline: "2027-06-01", margin: 186}},
		{"leap day, last day", "2028-02-29", "2029-02-28", want{outcome: OK, deadline: "2029-02-28", margin: 0}},
		{"leap day, first stale day", "2028-02-29", "2029-03-01", want{outcome: Gap, deadline: "2029-02-28", margin: -1, findings: []string{"stale medium 3"}}},
		{"31 Aug, last day", "2025-08-31", "2026-08-31", want{outcome: OK, deadline: "2026-08-31", margin: 0}},
		{"reviewed on the as-of date", "2026-11-27", "2026-11-27", want{outcome: OK, deadline: "2027-11-27", margin: 365}},
		{"reviewed after the as-of date", "2026-11-28", "2026-11-27", gap("invalid medium 3")},
	}
	for _, s := range sections {
		for _, tt := range tests {
			t.Run(s.subject+"/"+tt.name, func(t *testing.T) {
				r := gov{src: fmt.Sprintf(s.src, tt.reviewed), asOf: tt.asOf}.eval(t)
				tt.want.verify(t, r, s.para, s.subject)
			})
		}
	}
}

// B.2.7 requests: supplied on or before the 5th Working Day strictly after
// the request, across weekends and bank holidays.
func TestPolicyRequestBoundaries(t *testing.T) {
	const subject = "security_policy.request[1]"
	tests := []struct {
		name                string
		requested, supplied string // "" for none
		asOf                string
		want                want
	}{
		// Thu 21 May 2026; Mon 25 May is the Spring bank holiday: due Fri 29 May.
		{"last day over a bank holiday", "2026-05-21", "2026-05-29", "2026-11-27", want{outcome: OK, deadline: "2026-05-29", margin: 0}},
		{"first late day", "2026-05-21", "2026-06-01", "2026-11-27", want{outcome: Gap, deadline: "2026-05-29", margin: -1, findings: []string{"violation low 6"}}},
		{"supplied on the bank holiday", "2026-05-21", "2026-05-25", "2026-11-27", want{outcome: OK, deadline: "2026-05-29", margin: 4}},
		{"supplied on the Saturday after the Friday deadline: 1 Working Day late", "2026-05-21", "2026-05-30", "2026-11-27", want{outcome: Gap, deadline: "2026-05-29", margin: -1, unit: WorkingDays, findings: []string{"violation low 6"}, message: "supplied on Sat 30 May 2026, 1 Working Day late"}},
		{"supplied the same day", "2026-05-21", "2026-05-21", "2026-11-27", want{outcome: OK, deadline: "2026-05-29", margin: 5}},
		{"outstanding on the last day", "2026-05-21", "", "2026-05-29", want{outcome: Due, deadline: "2026-05-29", margin: 0}},
		{"outstanding over the weekend after: 1 Working Day overdue", "2026-05-21", "", "2026-05-30", want{outcome: Gap, deadline: "2026-05-29", margin: -1, findings: []string{"violation high 5"}}},
		{"outstanding the next Working Day", "2026-05-21", "", "2026-06-01", want{outcome: Gap, deadline: "2026-05-29", margin: -1, findings: []string{"violation high 5"}}},
		{"supplied after the as-of date", "2026-05-21", "2026-05-29", "2026-05-27", want{outcome: Due, deadline: "2026-05-29", margin: 2}},
		// Fri 18 Dec 2026: Christmas Day is a Friday and Boxing Day a
		// Saturday, substituted on Mon 28 Dec: due Tue 29 Dec.
		{"over Christmas, last day", "2026-12-18", "2026-12-29", "2027-01-15", want{outcome: OK, deadline: "2026-12-29", margin: 0}},
		{"over Christmas, first late day", "2026-12-18", "2026-12-30", "2027-01-15", want{outcome: Gap, deadline: "2026-12-29", margin: -1, findings: []string{"violation low 6"}}},
		{"requested after the as-of date", "2026-12-01", "", "2026-11-27", want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "[security_policy]\nversion = \"1\"\nlast_reviewed = 2026-11-01\n[[security_policy.request]]\nrequested = " + tt.requested + "\n"
			if tt.supplied != "" {
				src += "supplied = " + tt.supplied + "\n"
			}
			r := gov{src: src, asOf: tt.asOf}.eval(t)
			tt.want.verify(t, r, "B.2.7", subject)
		})
	}
}

func TestRepresentativesRule(t *testing.T) {
	const named = "[representatives.client]\nname = \"Jo Smith\"\n[representatives.agency]\nname = \"Priya Raman\"\nappointed = 2025-04-01\n"
	tests := []struct {
		name                   string
		src                    string
		client, agency, parent want
	}{
		{"both named", named, want{outcome: OK}, want{outcome: OK}, want{outcome: OK}},
		{"client placeholder", strings.Replace(named, "Jo Smith", "[insert security representative of the Client]", 1),
			gap("violation medium 2"), want{outcome: OK}, gap("violation medium 2")},
		{"agency TBC", strings.Replace(named, "Priya Raman", "TBC", 1),
			want{outcome: OK}, gap("violation high 4"), gap("violation high 4")},
		{"empty names", "[representatives.client]\nname = \"\"\n[representatives.agency]\nrole = \"CISO\"\n",
			gap("violation medium 2"), gap("violation high 3"), gap("violation high 3", "violation medium 2")},
		{"no client table", "[representatives.agency]\nname = \"Priya Raman\"\n",
			gap("violation medium 1"), want{outcome: OK}, gap("violation medium 1")},
		{"appointed on the as-of date", strings.Replace(named, "2025-04-01", "2026-11-27", 1),
			want{outcome: OK}, want{outcome: OK}, want{outcome: OK}},
		{"appointed the day after", strings.Replace(named, "2025-04-01", "2026-11-28", 1),
			want{outcome: OK}, gap("violation high 5"), gap("violation high 5")},
		{"unreadable name", "[representatives.client]\nname = 1\n[representatives.agency]\nname = \"Priya\"\n",
			noCheck("invalid medium 2"), want{outcome: OK}, want{outcome: OK, findings: []string{"invalid medium 2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src}.eval(t)
			tt.client.verify(t, r, "B.2.3.1", "representatives")
			tt.agency.verify(t, r, "B.2.3.2", "representatives")
			tt.parent.verify(t, r, "B.2.3", "representatives")
		})
	}
}

// The incident process is Part B's B.3.4.4 (with response plans) and
// Part A's evidence for A.5.1 (reviewed, no plans needed).
func TestIncidentProcessRule(t *testing.T) {
	tests := []struct {
		name, form, src string
		para            string
		want            want
	}{
		{"plans", "B", "[incident_process]\nlast_reviewed = 2026-03-12\nresponse_plans = [\"Ransomware\"]\n", "B.3.4.4", want{outcome: OK}},
		{"no plans", "B", "[incident_process]\nlast_reviewed = 2026-03-12\nresponse_plans = []\n", "B.3.4.4", gap("violation high 3")},
		{"plans key absent", "B", "[incident_process]\nlast_reviewed = 2026-03-12\n", "B.3.4.4", gap("violation high 1")},
		{"part A needs no plans", "A", "[incident_process]\nlast_reviewed = 2026-03-12\n", "A.5.1", want{outcome: OK}},
		{"part A stale", "A", "[incident_process]\nlast_reviewed = 2025-11-26\n", "A.5.1", want{outcome: Gap, deadline: "2026-11-26", margin: -1, findings: []string{"stale medium 2"}}},
		{"part A, nothing against B", "A", "[incident_process]\nlast_reviewed = 2025-11-26\n", "B.3.4.4", want{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src, form: tt.form}.eval(t)
			tt.want.verify(t, r, tt.para, "incident_process")
		})
	}
}

func TestVulnerabilityPolicyRule(t *testing.T) {
	all := []string{"identification", "impact-assessment", "patch-prioritisation", "patch-testing", "patch-application", "exception-approval", "efficacy-reporting"}
	src := func(covers []string) string {
		return "[vulnerability_policy]\nlast_reviewed = 2026-04-20\ncovers = [" + quoteAll(covers) + "]\n"
	}
	tests := []struct {
		name string
		src  string
		want want
	}{
		{"all seven", src(all), want{outcome: OK}},
		{"all seven, any spelling", src([]string{"Identification", "impact assessment", "patch_prioritisation", "patch-testing", "PATCH-APPLICATION", "exception approval", "efficacy_reporting"}), want{outcome: OK}},
		{"one missing", src(all[:6]), gap("violation high 3")},
		{"two missing", src(all[2:]), gap("violation high 3", "violation high 3")},
		{"none", src(nil), gap(slices.Repeat([]string{"violation high 3"}, 7)...)},
		{"an unknown name", src(append(slices.Clone(all[:6]), "exceptions")), gap("violation high 3", "invalid medium 3")},
		{"covers unreadable", "[vulnerability_policy]\nlast_reviewed = 2026-04-20\ncovers = \"all\"\n", want{outcome: OK, findings: []string{"invalid medium 3"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src}.eval(t)
			tt.want.verify(t, r, "B.3.4.5", "vulnerability_policy")
		})
	}
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func TestAuditLoggingRule(t *testing.T) {
	base := map[string]string{
		"retention_months":    "6",
		"sources":             `["dhcp-servers", "proxy-servers", "firewalls", "routers"]`,
		"events":              `["privileged-logon", "privileged-logoff", "remote-session-start", "remote-session-end", "desktop-os-alerts", "server-os-alerts", "security-software-alerts"]`,
		"access_records_kept": "true",
	}
	// src writes the section with base's keys on lines 2-5, in this order,
	// replaced by set; extra is appended.
	src := func(set map[string]string, extra string) string {
		var b strings.Builder
		b.WriteString("[audit_logging]\n")
		for _, k := range []string{"retention_months", "sources", "events", "access_records_kept"} {
			v := base[k]
			if x, ok := set[k]; ok {
				v = x
			}
			fmt.Fprintf(&b, "%s = %s\n", k, v)
		}
		return b.String() + extra
	}
	type wants struct{ retention, sources, events, access want }
	ok := wants{want{outcome: OK}, want{outcome: OK}, want{outcome: OK}, want{outcome: OK}}
	with := func(f func(w *wants)) wants { w := ok; f(&w); return w }
	tests := []struct {
		name string
		src  string
		want wants
	}{
		{"all present, 6 Months exactly", src(nil, ""), ok},
		{"7 Months", src(map[string]string{"retention_months": "7"}, ""), ok},
		{"5 Months", src(map[string]string{"retention_months": "5"}, ""), with(func(w *wants) { w.retention = gap("violation high 2") })},
		{"0 Months", src(map[string]string{"retention_months": "0"}, ""), with(func(w *wants) { w.retention = gap("violation high 2") })},
		{"router missing", src(map[string]string{"sources": `["dhcp-servers", "proxy-servers", "firewalls"]`}, ""),
			with(func(w *wants) { w.sources = gap("violation medium 3") })},
		{"router not applicable, with a reason", src(map[string]string{"sources": `["dhcp-servers", "proxy-servers", "firewalls"]`}, "[audit_logging.not_applicable_sources]\nrouters = \"cloud routing\"\n"), ok},
		{"router not applicable, no reason", src(map[string]string{"sources": `["dhcp-servers", "proxy-servers", "firewalls"]`}, "[audit_logging.not_applicable_sources]\nrouters = \"\"\n"),
			with(func(w *wants) { w.sources = want{outcome: OK, findings: []string{"invalid medium 7"}} })},
		{"no sources at all", src(map[string]string{"sources": "[]"}, ""),
			with(func(w *wants) { w.sources = gap(slices.Repeat([]string{"violation medium 3"}, 4)...) })},
		{"one event missing", src(map[string]string{"events": `["privileged-logon", "privileged-logoff", "remote-session-start", "desktop-os-alerts", "server-os-alerts", "security-software-alerts"]`}, ""),
			with(func(w *wants) { w.events = gap("violation high 4") })},
		{"access records not kept", src(map[string]string{"access_records_kept": "false"}, ""),
			with(func(w *wants) { w.access = gap("violation high 5") })},
		{"unreadable values", src(map[string]string{"retention_months": "\"six\"", "access_records_kept": "\"yes\""}, ""),
			with(func(w *wants) {
				w.retention = noCheck("invalid medium 2")
				w.access = noCheck("invalid medium 5")
			})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src}.eval(t)
			tt.want.retention.verify(t, r, "B.Annex1.8.3", "audit_logging")
			tt.want.sources.verify(t, r, "B.Annex1.8.1.1", "audit_logging")
			tt.want.events.verify(t, r, "B.Annex1.8.1.2", "audit_logging")
			tt.want.access.verify(t, r, "B.Annex1.7.1", "audit_logging")
		})
	}
}

func TestDataLocationsRule(t *testing.T) {
	loc := func(place, acts, regime string) string {
		s := "[[data_location]]\nplace = \"" + place + "\"\nactivities = [" + acts + "]\n"
		if regime != "" {
			s += "regime = \"" + regime + "\"\n"
		}
		return s
	}
	tests := []struct {
		name    string
		src     string
		london  want
		leeds   want
		overall []string // findings with subject data_location
	}{
		{"complete", loc("London", `"storage", "processing"`, "UK GDPR") + loc("Leeds", `"management"`, "UK GDPR"),
			want{outcome: OK}, want{outcome: OK}, nil},
		{"no regime", loc("London", `"storage", "processing"`, "UK GDPR") + loc("Leeds", `"management"`, ""),
			want{outcome: OK}, gap("violation high 5"), nil},
		{"nowhere managed from", loc("London", `"storage", "processing"`, "UK GDPR") + loc("Leeds", `"storage"`, "UK GDPR"),
			want{outcome: OK}, want{outcome: OK}, []string{"violation high 1"}},
		{"unknown activity", loc("London", `"storage", "processing"`, "UK GDPR") + loc("Leeds", `"admin"`, "UK GDPR"),
			want{outcome: OK}, want{outcome: OK, findings: []string{"invalid medium 7"}}, []string{"violation high 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src}.eval(t)
			tt.london.verify(t, r, "B.Annex1.3.1", "London")
			tt.leeds.verify(t, r, "B.Annex1.3.1", "Leeds")
			noCheck(tt.overall...).verify(t, r, "B.Annex1.3.1", "data_location")
		})
	}
}

// Rules only judge paragraphs of the selected form: a Part A build checks
// no Part B section.
func TestGovernancePartA(t *testing.T) {
	src := "[representatives.client]\nname = \"[insert]\"\n[security_policy]\nversion = \"1\"\nlast_reviewed = 2020-01-01\n[audit_logging]\nretention_months = 1\nsources = []\nevents = []\naccess_records_kept = false\n"
	r := gov{src: src, form: "A"}.eval(t)
	for _, f := range r.Findings {
		if f.Kind != Missing {
			t.Errorf("finding in a Part A build: %+v", f)
		}
	}
	for _, c := range r.Checks {
		t.Errorf("check in a Part A build: %+v", c)
	}
}

// Every rule is documented against paragraphs of the schedule.
func TestGovernanceDocs(t *testing.T) {
	s, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	docs := governanceDocs()
	if len(docs) < 10 {
		t.Fatalf("%d docs", len(docs))
	}
	for _, d := range docs {
		if d.Text == "" || d.Register != "" {
			t.Errorf("doc %+v", d)
		}
		for _, p := range d.Paragraphs {
			if _, ok := s.Lookup(p); !ok {
				t.Errorf("doc names %q, not in the schedule", p)
			}
		}
	}
}
