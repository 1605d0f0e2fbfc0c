package evidence

import (
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// This file reads the governance sections that record one document or one
// appointment each: [representatives], [security_policy],
// [incident_process], [vulnerability_policy] and [ceasing_to_trade].
// [audit_logging] is in auditlogging.go, [[data_location]] in
// datalocations.go and the general [[evidence]] items in items.go.

// Paragraph ids of the governance sections.
const (
	ParaRepresentatives = "B.2.3"   // the Parties each appoint a security representative
	ParaClientRep       = "B.2.3.1" // [insert security representative of the Client]
	ParaAgencyRep       = "B.2.3.2" // [insert security representative of the Agency]
	ParaSecurityPolicy  = "B.2.7"   // up-to-date security policy, supplied to the Client on request
	ParaIncidentProcess = "B.3.4.4" // documented incident management process and response plans
	ParaVulnPolicy      = "B.3.4.5" // documented vulnerability management policy covering seven things
	ParaCeasingToTrade  = "B.Annex1.3.3.2"
)

// Representatives are the Parties' security representatives (B.2.3):
// [representatives.client] and [representatives.agency].
type Representatives struct {
	Pos    diag.Pos        // the first line of the section
	Client *Representative // nil when [representatives.client] is absent
	Agency *Representative // nil when [representatives.agency] is absent
}

// Representative is one Party's security representative.
type Representative struct {
	Pos       diag.Pos // its table header
	Name      Text
	Role      Text
	Appointed Date
	// Placeholder is true when Name is still the schedule's placeholder,
	// such as "[insert security representative of the Client]", or TBC.
	Placeholder bool
}

// Named reports whether r names a person: present, with a name that is
// not a placeholder.
func (r *Representative) Named() bool {
	return r != nil && r.Name.Set && !r.Placeholder
}

// Reviewed is what every reviewed governance document records: the
// version in force, the date of its last review, and the documents
// attached. SecurityPolicy, IncidentProcess, VulnerabilityPolicy and
// CeasingToTrade embed it.
type Reviewed struct {
	Version      Text
	LastReviewed Date
	Documents    []Attachment
}

// SecurityPolicy is the Agency's own security policy (B.2.7).
type SecurityPolicy struct {
	Pos diag.Pos // the first line of the section
	Reviewed
	// Requests are the Client's requests for the policy
	// ([[security_policy.request]]), in file order.
	Requests []PolicyRequest
}

// PolicyRequest is a request from the Client for the security policy and
// the day it was supplied.
type PolicyRequest struct {
	Pos       diag.Pos // the [[security_policy.request]] header
	Requested Date
	Supplied  Date // unset while outstanding
	Reference Text
}

// IncidentProcess is the security incident management process and the
// incident response plans (B.3.4.4; evidence for A.5.1 and B.8.1 too).
type IncidentProcess struct {
	Pos diag.Pos // the first line of the section
	Reviewed
	// ResponsePlans are the names of the incident response plans.
	ResponsePlans    []string
	ResponsePlansPos diag.Pos
}

// VulnerabilityPolicy is the vulnerability management policy (B.3.4.5).
type VulnerabilityPolicy struct {
	Pos diag.Pos // the first line of the section
	Reviewed
	// Covers lists what the policy documents, each once, in the order of
	// VulnerabilityProcesses; CoversSet is false when `covers` is absent or
	// not a list (already reported).
	Covers    []string
	CoversSet bool
	CoversPos diag.Pos
}

// Covered reports whether the policy documents the named process.
func (v *VulnerabilityPolicy) Covered(name string) bool { return slices.Contains(v.Covers, name) }

// CeasingToTrade is the documented process guaranteeing the availability
// of Government Data if the Agency ceases to trade (Annex 1 3.3.2).
type CeasingToTrade struct {
	Pos diag.Pos // the first line of the section
	Reviewed
	Summary Text
}

// VulnerabilityProcesses lists the seven things B.3.4.5 says the
// vulnerability management policy includes, by the short names written in
// [vulnerability_policy] covers, in the paragraph's order.
func VulnerabilityProcesses() []Choice {
	return []Choice{
		{"identification", "processes for identification of system vulnerabilities"},
		{"impact-assessment", "assessment of the potential impact on the Goods or Services of any new threat, vulnerability or exploitation technique"},
		{"patch-prioritisation", "prioritisation of security patches"},
		{"patch-testing", "testing of security patches"},
		{"patch-application", "application of security patches"},
		{"exception-approval", "a process for Client approvals of exceptions"},
		{"efficacy-reporting", "the reporting and audit mechanism detailing the efficacy of the patching policy"},
	}
}

// The paragraphs each section evidences, for problems.
var (
	representativesParas = []string{ParaRepresentatives}
	securityPolicyParas  = []string{ParaSecurityPolicy}
	incidentProcessParas = []string{ParaNotifyA, ParaIncidentProcess}
	vulnPolicyParas      = []string{ParaVulnPolicy}
	ceasingToTradeParas  = []string{ParaCeasingToTrade}
)

// The decoded shapes: every field is a documented key; values are `any`
// and tables *toml.Primitive, so that a wrong type is one problem at its
// line, not a lost section. The decoder's messages name these types.
type (
	rawRepresentatives struct {
		Client *toml.Primitive `toml:"client"`
		Agency *toml.Primitive `toml:"agency"`
	}
	rawRepresentative struct {
		Name      any `toml:"name"`
		Role      any `toml:"role"`
		Appointed any `toml:"appointed"`
	}
	rawReviewed struct {
		Version      any `toml:"version"`
		LastReviewed any `toml:"last_reviewed"`
		Documents    any `toml:"documents"`
	}
	rawSecurityPolicy struct {
		rawReviewed
		Request *toml.Primitive `toml:"request"`
	}
	rawPolicyRequest struct {
		Requested any `toml:"requested"`
		Supplied  any `toml:"supplied"`
		Reference any `toml:"reference"`
	}
	rawIncidentProcess struct {
		rawReviewed
		ResponsePlans any `toml:"response_plans"`
	}
	rawVulnerabilityPolicy struct {
		rawReviewed
		Covers any `toml:"covers"`
	}
	rawCeasingToTrade struct {
		rawReviewed
		Summary any `toml:"summary"`
	}
)

// sectionPart is the part a governance section is read as: about the
// section.
func (f *docFile) sectionPart(key string, paras []string) *part {
	return &part{f: f, key: []string{key}, paras: paras, subject: key}
}

// reviewed reads the keys every reviewed document shares. last_reviewed
// is required (lastReviewed says what it is), and so is version when
// version says what it is.
func (t *part) reviewed(raw rawReviewed, version, lastReviewed string) Reviewed {
	r := Reviewed{
		Version:      t.text(raw.Version, "version"),
		LastReviewed: t.date(raw.LastReviewed, "last_reviewed"),
		Documents:    t.documents(raw.Documents, "documents"),
	}
	if version != "" {
		t.requireText(&r.Version, "version", version)
	}
	t.requireDate(&r.LastReviewed, "last_reviewed", lastReviewed)
	return r
}

func readRepresentatives(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, representativesParas)
	readPart(t, &p, "", func(raw *rawRepresentatives) {
		f.docs.Representatives = &Representatives{
			Pos:    f.sectionPos(key),
			Client: t.representative(raw.Client, "client", ParaClientRep),
			Agency: t.representative(raw.Agency, "agency", ParaAgencyRep),
		}
	})
}

// representative reads [representatives.<side>] (nil when absent): one
// that is not a table is kept, with an invalid name.
func (t *part) representative(p *toml.Primitive, side, para string) *Representative {
	if p == nil {
		return nil
	}
	r := t.sub([]string{ParaRepresentatives, para}, side)
	rep := &Representative{Pos: r.pos(), Name: Text{Invalid: true, Pos: r.pos()}}
	readPart(r, p, "", func(raw *rawRepresentative) {
		rep.Name = r.text(raw.Name, "name")
		rep.Role = r.text(raw.Role, "role")
		rep.Appointed = r.date(raw.Appointed, "appointed")
		rep.Placeholder = Placeholder(rep.Name.Value)
	})
	return rep
}

// Placeholder reports whether a name is still a drafting placeholder: text
// in square brackets, such as the schedule's "[insert security
// representative of the Client]", or TBC / TBA / TBD.
func Placeholder(name string) bool {
	s := strings.ToLower(strings.TrimSpace(name))
	switch strings.Trim(s, ".") {
	case "tbc", "tba", "tbd", "to be confirmed", "to be appointed":
		return true
	}
	return strings.Contains(s, "[insert") || strings.HasPrefix(s, "[") && strings.HasSuffix(s, "]")
}

func readSecurityPolicy(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, securityPolicyParas)
	readPart(t, &p, "", func(raw *rawSecurityPolicy) {
		s := &SecurityPolicy{
			Pos:      f.sectionPos(key),
			Reviewed: t.reviewed(raw.rawReviewed, "the policy's version, such as \"4.2\"", "the date the policy was last reviewed"),
		}
		request := t.sub(t.paras, "request")
		eachPart(request, raw.Request, "", t.paras, func(e *part, raw *rawPolicyRequest) {
			q := PolicyRequest{
				Pos:       e.pos(),
				Requested: e.date(raw.Requested, "requested"),
				Supplied:  e.date(raw.Supplied, "supplied"),
				Reference: e.text(raw.Reference, "reference"),
			}
			e.requireDate(&q.Requested, "requested", "the date the Client asked for the policy")
			e.notBefore(&q.Supplied, q.Requested, "supplied", "requested")
			s.Requests = append(s.Requests, q)
		})
		f.docs.SecurityPolicy = s
	})
}

func readIncidentProcess(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, incidentProcessParas)
	readPart(t, &p, "", func(raw *rawIncidentProcess) {
		ip := &IncidentProcess{
			Pos:              f.sectionPos(key),
			Reviewed:         t.reviewed(raw.rawReviewed, "", "the date the process and plans were last reviewed"),
			ResponsePlansPos: t.pos("response_plans"),
		}
		ip.ResponsePlans, _ = t.texts(raw.ResponsePlans, "the names of the incident response plans, such as [\"Ransomware\", \"Data loss\"]", "response_plans")
		f.docs.IncidentProcess = ip
	})
}

func readVulnerabilityPolicy(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, vulnPolicyParas)
	readPart(t, &p, "", func(raw *rawVulnerabilityPolicy) {
		v := &VulnerabilityPolicy{
			Pos:       f.sectionPos(key),
			Reviewed:  t.reviewed(raw.rawReviewed, "", "the date the policy was last reviewed"),
			CoversPos: t.pos("covers"),
		}
		v.Covers, v.CoversSet = t.choices(raw.Covers, VulnerabilityProcesses(), "what the policy documents", "covers")
		if raw.Covers == nil {
			t.problem(v.CoversPos, "covers: missing: list what the policy documents, from %s", choiceNames(VulnerabilityProcesses()))
		}
		f.docs.VulnerabilityPolicy = v
	})
}

func readCeasingToTrade(f *docFile, key string, p toml.Primitive) {
	t := f.sectionPart(key, ceasingToTradeParas)
	readPart(t, &p, "", func(raw *rawCeasingToTrade) {
		f.docs.CeasingToTrade = &CeasingToTrade{
			Pos:      f.sectionPos(key),
			Summary:  t.text(raw.Summary, "summary"),
			Reviewed: t.reviewed(raw.rawReviewed, "", "the date the process was last reviewed"),
		}
	})
}

// sectionPos is the position of a section: its [key] header, or, when
// it has none, the first [key.sub] table or key.sub key in it.
func (f *docFile) sectionPos(key string) diag.Pos {
	line, _ := f.idx().Within([]string{key})
	return diag.At(f.path, line, 0)
}
