package synth

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/workdays"
)

// change is one [[smp.change]] or [[isms.change]]: the security tests
// after it (B.6.1) are the annual IT Health Checks, which start within a
// few weeks of it.
type change struct {
	date      time.Time
	isms      bool
	what, ref string
}

var changeWhat = []string{
	"Remote access VPN gateway replaced; remote access procedure updated.",
	"Government Data storage migrated to a new object storage service; backup procedure updated.",
	"Identity provider moved to phishing-resistant MFA for all staff.",
	"New data centre region added for disaster recovery.",
	"Security monitoring moved to a managed SIEM service.",
	"Endpoint protection product replaced across the estate.",
	"Public portal re-platformed onto containers.",
	"Privileged access management tool introduced for administrators.",
}

// planGovernance dates the annual IT Health Checks and the changes to the
// SMP and the ISMS before each.
func (s *set) planGovernance() {
	r := s.rand("governance plan")
	s.annualTestEnds = nil
	s.changes = nil
	for y := 0; y < annualTests; y++ {
		end := days(workdays.AddMonths(s.start, 11*(y+1)), -r.between(0, 7))
		s.annualTestEnds = append(s.annualTestEnds, end)
		for _, isms := range []bool{false, true} {
			s.changes = append(s.changes, change{
				date: days(end, -r.between(20, 50)), isms: isms,
				what: pick(r, changeWhat), ref: fmt.Sprintf("CR-%d-%03d", end.Year(), 2*y+boolInt(isms)+1),
			})
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// toml accumulates a TOML file.
type toml struct{ strings.Builder }

func (t *toml) line(format string, args ...any) { fmt.Fprintf(t, format+"\n", args...) }

// q quotes s as a TOML basic string.
func q(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func d(t time.Time) string { return t.Format(time.DateOnly) }

func list(xs ...string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = q(x)
	}
	return "[" + strings.Join(out, ", ") + "]"
}

func (t *toml) write(path string) error { return os.WriteFile(path, []byte(t.String()), 0o644) }

// header opens every file: what it is and how it was made.
func (s *set) header(t *toml, what string) {
	t.line("# %s", what)
	t.line("# Synthetic evidence: go run ./generator/cmd/synth -size %s -seed %d", s.o.Size.Name, s.o.Seed)
	t.line("# Northgate Data Services Ltd, Part B, contract start %s, as of %s.", ContractStart, AsOf)
	t.line("")
}

// attach records a small document under documents/ and returns its path
// inside the evidence folder.
func (s *set) attach(name, title string) string {
	body := fmt.Sprintf("%%PDF-1.4\n%% Synthetic document: %s\n%% Northgate Data Services Ltd\n%%%%EOF\n", title)
	s.documents = append(s.documents, document{name: name, data: []byte(body)})
	return "documents/" + name
}

func (s *set) writeConfig(path string) error {
	var t toml
	t.line("# Synthetic evidence set, size %s, seed %d: go run ./generator/cmd/synth -size %s -seed %d", s.o.Size.Name, s.o.Seed, s.o.Size.Name, s.o.Seed)
	t.line("# Build it with: go run ./generator --config %s --evidence %s", "DIR/config.toml", "DIR/evidence")
	t.line("")
	t.line("[contract]")
	t.line("name = %s", q("Managed Data Platform Services"))
	t.line("client = %s", q("Department for Regional Statistics"))
	t.line("agency = %s", q("Northgate Data Services Ltd"))
	t.line("form = %s", q("B"))
	t.line("start_date = %s", ContractStart)
	t.line("")
	t.line("[review]")
	t.line("as_of = %s", AsOf)
	t.line("")
	t.line("[calendar]")
	t.line("region = %s", q(string(workdays.EnglandAndWales)))
	t.line("")
	t.line("[rules]")
	t.line("training_courses = %s", list(course))
	return t.write(path)
}

var reviewResults = [][4]string{
	{"Extend the internal audit programme to the disaster recovery site.", "Ransomware and supply-chain risks re-assessed.",
		"Require phishing-resistant MFA for all privileged access.", "Report patch compliance against B.9.3 periods monthly."},
	{"Name a deputy for each delegated security role.", "Hosting provider risk re-scored after its change of ownership.",
		"Add supplier offboarding checks to the access control procedure.", "Track time-to-revoke for leavers as a monthly metric."},
	{"Move the subcontractor risk register to a quarterly cycle.", "Insider threat risk raised after the staff growth.",
		"Review firewall rules quarterly rather than yearly.", "Measure phishing simulation click rates by team."},
}

// plan writes the [smp] or [isms] section: submitted, approved, reviewed
// every 11 Months, changed before each annual test. skipGoodPractice names
// the review that leaves out "good-practice" (a deliberate finding);
// lateResults the one whose results came late (a warning).
func (s *set) plan(t *toml, r rng, key string, isms bool, skipGoodPractice, lateResults int) {
	submitted := s.cal.AddWorkingDays(s.start, r.between(8, 19))
	approved := s.cal.AddWorkingDays(submitted, r.between(5, 14))
	t.line("[%s]", key)
	if isms {
		t.line("type = %s", q("extant"))
	}
	t.line("version = %s", q("10.2"))
	t.line("submitted = %s", d(submitted))
	from := submitted
	if !isms {
		t.line("approved = %s", d(approved))
		t.line("approval_reference = %s", q(fmt.Sprintf("DRS/SEC/%d/%03d", approved.Year(), r.between(1, 99))))
		from = approved
	}
	t.line("documents = %s", list(s.attach(key+"-v10.2.pdf", strings.ToUpper(key)+" v10.2")))
	t.line("")
	if isms {
		t.line("[isms.certification]")
		t.line("name = %s", q("Daniel Hughes"))
		t.line("role = %s", q("Chief Information Officer"))
		t.line("signed = %s", d(days(submitted, -2)))
		t.line("")
	}
	for y := 0; ; y++ {
		completed := days(workdays.AddMonths(from, 11*(y+1)), -r.between(0, 7))
		if completed.After(days(s.asOf, -40)) {
			break
		}
		covers := []string{"good-practice", "service-changes", "threats", "client-requests"}
		if y == skipGoodPractice {
			covers = covers[1:]
		}
		delivered := s.cal.AddWorkingDays(completed, r.between(5, 18))
		if y == lateResults {
			delivered = s.cal.AddWorkingDays(completed, r.between(22, 30))
		}
		res := reviewResults[y%len(reviewResults)]
		t.line("[[%s.review]]", key)
		t.line("completed = %s", d(completed))
		t.line("covers = %s", list(covers...))
		t.line("results_delivered = %s", d(delivered))
		t.line("improvements = %s", q(res[0]))
		t.line("risk_assessment_updates = %s", q(res[1]))
		t.line("proposed_modifications = %s", q(res[2]))
		t.line("measurement_improvements = %s", q(res[3]))
		t.line("")
	}
	for _, c := range s.changes {
		if c.isms != isms {
			continue
		}
		t.line("[[%s.change]]", key)
		t.line("date = %s", d(c.date))
		t.line("what = %s", q(c.what))
		t.line("reference = %s", q(c.ref))
		t.line("")
	}
}

func (s *set) writePlans(path string) error {
	r := s.rand("plans")
	var t toml
	s.header(&t, "The Security Management Plan and the ISMS: submitted, approved, reviewed every year, changed before each annual test.")
	t.line("# Deliberate findings: the SMP's fourth review leaves out good-practice (B.5.1.1);")
	t.line("# the ISMS's sixth review delivered its results late (a warning, B.5.2).")
	t.line("")
	s.plan(&t, r, "smp", false, 3, -1)
	s.plan(&t, r, "isms", true, -1, 5)
	return t.write(path)
}

func (s *set) writeGovernance(path string) error {
	r := s.rand("governance")
	var t toml
	s.header(&t, "Governance: representatives, policies, processes, logging, data locations.")
	t.line("[representatives.client]")
	t.line("name = %s", q("Morag Campbell"))
	t.line("role = %s", q("Departmental Security Officer"))
	t.line("appointed = %s", d(s.start))
	t.line("")
	t.line("[representatives.agency]")
	t.line("name = %s", q("Priya Raman"))
	t.line("role = %s", q("Head of Information Security"))
	t.line("appointed = %s", d(s.start))
	t.line("")
	t.line("[security_policy]")
	t.line("version = %s", q("7.1"))
	t.line("last_reviewed = %s", d(days(s.asOf, -r.between(60, 200))))
	t.line("documents = %s", list(s.attach("security-policy-v7.1.pdf", "Security policy v7.1")))
	t.line("")
	for y := 0; y < 10; y++ {
		requested := s.cal.AddWorkingDays(workdays.AddMonths(s.start, 12*y+r.between(2, 9)), 1)
		if requested.After(s.asOf) {
			break
		}
		t.line("[[security_policy.request]]")
		t.line("requested = %s", d(requested))
		t.line("supplied = %s", d(s.cal.AddWorkingDays(requested, r.between(1, 5))))
		t.line("reference = %s", q(fmt.Sprintf("NDS-OUT-%d-%04d", requested.Year(), r.between(1, 9999))))
		t.line("")
	}
	t.line("[incident_process]")
	t.line("version = %s", q("5.0"))
	t.line("last_reviewed = %s", d(days(s.asOf, -r.between(30, 300))))
	t.line("response_plans = %s", list("Ransomware", "Data breach involving Government Data", "Denial of service",
		"Compromised privileged account", "Supplier compromise"))
	t.line("documents = %s", list(s.attach("incident-management-process-v5.0.pdf", "Incident management process v5.0")))
	t.line("")
	t.line("[vulnerability_policy]")
	t.line("version = %s", q("4.0"))
	t.line("last_reviewed = %s", d(days(s.asOf, -r.between(30, 300))))
	t.line("covers = %s", list("identification", "impact-assessment", "patch-prioritisation", "patch-testing",
		"patch-application", "exception-approval", "efficacy-reporting"))
	t.line("documents = %s", list(s.attach("vulnerability-management-policy-v4.0.pdf", "Vulnerability management policy v4.0")))
	t.line("")
	t.line("[audit_logging]")
	t.line("retention_months = 12")
	t.line("sources = %s", list("dhcp-servers", "proxy-servers", "firewalls", "routers"))
	t.line("other_sources = %s", list("AWS VPC flow logs", "AWS CloudTrail", "Microsoft Entra ID sign-in logs"))
	t.line("events = %s", list("privileged-logon", "privileged-logoff", "remote-session-start", "remote-session-end",
		"desktop-os-alerts", "server-os-alerts", "security-software-alerts"))
	t.line("access_records_kept = true")
	t.line("")
	for _, l := range [][3]string{
		{"AWS eu-west-2 (London), United Kingdom", "storage\tprocessing", "UK GDPR and the Data Protection Act 2018"},
		{"AWS eu-west-1 (Dublin), Ireland: encrypted backup copies only", "storage", "EU GDPR; transfers under the UK adequacy regulations"},
		{"Northgate operations centre, Leeds, United Kingdom", "management", "UK GDPR and the Data Protection Act 2018"},
	} {
		t.line("[[data_location]]")
		t.line("place = %s", q(l[0]))
		t.line("activities = %s", list(strings.Split(l[1], "\t")...))
		t.line("regime = %s", q(l[2]))
		t.line("")
	}
	t.line("[ceasing_to_trade]")
	t.line("version = %s", q("2.0"))
	t.line("summary = %s", q("Weekly encrypted exports of Government Data in open formats are escrowed with an independent custodian."))
	t.line("last_reviewed = %s", d(days(s.asOf, -r.between(30, 300))))
	return t.write(path)
}

// The share of [[evidence]] items gone stale.
const shareItemStale = 0.05

var owners = []string{"Priya Raman, Head of Information Security", "Daniel Hughes, Chief Information Officer",
	"Tom Okafor, Network Security Lead", "Sarah Whitfield, Legal Counsel", "Grace Lewis, Information Governance Manager"}

func (s *set) writeItems(path string) error {
	r := s.rand("items")
	var t toml
	s.header(&t, "General evidence items: one or more for each paragraph that expects a document.")
	paras := s.o.Documents
	for i, n := 0, 1; i < len(paras); n++ {
		k := min(r.between(1, 3), len(paras)-i)
		group := paras[i : i+k]
		i += k
		id := fmt.Sprintf("EV-%03d", n)
		date := days(s.asOf, -r.between(10, 300))
		if r.chance(shareItemStale) {
			date = days(s.asOf, -r.between(400, 600))
		}
		t.line("[[evidence]]")
		t.line("id = %s", q(id))
		t.line("title = %s", q("Evidence for "+strings.Join(group, ", ")))
		t.line("paragraphs = %s", list(group...))
		t.line("date = %s", d(date))
		t.line("review_months = 12")
		t.line("owner = %s", q(pick(r, owners)))
		t.line("summary = %s", q(fmt.Sprintf("Record %s, reviewed by the security working group: shows how the Agency meets %s.", id, strings.Join(group, " and "))))
		if r.chance(0.5) {
			t.line("attachments = %s", list(s.attach(strings.ToLower(id)+".pdf", id)))
		}
		t.line("")
	}
	return t.write(path)
}
