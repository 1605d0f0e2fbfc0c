package evidence

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
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

// SecurityPolicy is the Agency's own security policy (B.2.7).
type SecurityPolicy struct {
	Pos          diag.Pos // the first line of the section
	Version      Text
	LastReviewed Date
	Documents    []Attachment
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
	Pos          diag.Pos // the first line of the section
	Version      Text
	LastReviewed Date
	// ResponsePlans are the names of the incident response plans.
	ResponsePlans    []string
	ResponsePlansPos diag.Pos
	Documents        []Attachment
}

// VulnerabilityPolicy is the vulnerability management policy (B.3.4.5).
type VulnerabilityPolicy struct {
	Pos          diag.Pos // the first line of the section
	Version      Text
	LastReviewed Date
	// Covers lists what the policy documents, each once, in the order of
	// VulnerabilityProcesses; CoversSet is false when `covers` is absent or
	// not a list (already reported).
	Covers    []string
	CoversSet bool
	CoversPos diag.Pos
	Documents []Attachment
}

// Covered reports whether the policy documents the named process.
func (v *VulnerabilityPolicy) Covered(name string) bool { return slices.Contains(v.Covers, name) }

// CeasingToTrade is the documented process guaranteeing the availability
// of Government Data if the Agency ceases to trade (Annex 1 3.3.2).
type CeasingToTrade struct {
	Pos          diag.Pos // the first line of the section
	Version      Text
	Summary      Text
	LastReviewed Date
	Documents    []Attachment
}

// Choice is a documented short name that a list key may hold, and what it
// stands for in the schedule's words.
type Choice struct {
	Name string
	Text string
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
// so that a wrong type is one problem at its line, not a lost section.
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
	rawSecurityPolicy struct {
		Version      any              `toml:"version"`
		LastReviewed any              `toml:"last_reviewed"`
		Documents    any              `toml:"documents"`
		Request      []toml.Primitive `toml:"request"`
	}
	rawPolicyRequest struct {
		Requested any `toml:"requested"`
		Supplied  any `toml:"supplied"`
		Reference any `toml:"reference"`
	}
	rawIncidentProcess struct {
		Version       any `toml:"version"`
		LastReviewed  any `toml:"last_reviewed"`
		ResponsePlans any `toml:"response_plans"`
		Documents     any `toml:"documents"`
	}
	rawVulnerabilityPolicy struct {
		Version      any `toml:"version"`
		LastReviewed any `toml:"last_reviewed"`
		Covers       any `toml:"covers"`
		Documents    any `toml:"documents"`
	}
	rawCeasingToTrade struct {
		Version      any `toml:"version"`
		Summary      any `toml:"summary"`
		LastReviewed any `toml:"last_reviewed"`
		Documents    any `toml:"documents"`
	}
)

func readRepresentatives(f *docFile, key string, p toml.Primitive) {
	defer f.govSubject(len(f.docs.Problems), key)
	var raw rawRepresentatives
	if !f.decode(p, &raw, representativesParas, key) {
		return
	}
	r := &Representatives{Pos: f.sectionPos(key)}
	read := func(pp *toml.Primitive, side, para string) *Representative {
		if pp == nil {
			return nil
		}
		paras := []string{ParaRepresentatives, para}
		k := []string{key, side}
		var rr rawRepresentative
		if !f.decode(*pp, &rr, paras, k...) {
			return &Representative{Pos: f.pos(k...), Name: Text{Invalid: true, Pos: f.pos(k...)}}
		}
		rep := &Representative{
			Pos:       f.pos(k...),
			Name:      f.tomlText(rr.Name, paras, key, side, "name"),
			Role:      f.tomlText(rr.Role, paras, key, side, "role"),
			Appointed: f.date(rr.Appointed, paras, key, side, "appointed"),
		}
		rep.Placeholder = Placeholder(rep.Name.Value)
		return rep
	}
	r.Client = read(raw.Client, "client", ParaClientRep)
	r.Agency = read(raw.Agency, "agency", ParaAgencyRep)
	f.docs.Representatives = r
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
	defer f.govSubject(len(f.docs.Problems), key)
	paras := securityPolicyParas
	var raw rawSecurityPolicy
	if !f.decode(p, &raw, paras, key) {
		return
	}
	s := &SecurityPolicy{
		Pos:          f.sectionPos(key),
		Version:      f.tomlText(raw.Version, paras, key, "version"),
		LastReviewed: f.date(raw.LastReviewed, paras, key, "last_reviewed"),
		Documents:    f.tomlDocuments(raw.Documents, paras, key, "documents"),
	}
	f.requireText(&s.Version, paras, "version", "the policy's version, such as \"4.2\"")
	f.requireDate(&s.LastReviewed, paras, "last_reviewed", "the date the policy was last reviewed")
	for i, rp := range raw.Request {
		k := []string{key, "request", strconv.Itoa(i)}
		var rr rawPolicyRequest
		if !f.decode(rp, &rr, paras, k...) {
			continue
		}
		q := PolicyRequest{
			Pos:       f.pos(k...),
			Requested: f.date(rr.Requested, paras, append(k, "requested")...),
			Supplied:  f.date(rr.Supplied, paras, append(k, "supplied")...),
			Reference: f.tomlText(rr.Reference, paras, append(k, "reference")...),
		}
		f.requireDate(&q.Requested, paras, "requested", "the date the Client asked for the policy")
		f.notBefore(&q.Supplied, q.Requested, paras, "supplied", "requested")
		s.Requests = append(s.Requests, q)
	}
	f.docs.SecurityPolicy = s
}

func readIncidentProcess(f *docFile, key string, p toml.Primitive) {
	defer f.govSubject(len(f.docs.Problems), key)
	paras := incidentProcessParas
	var raw rawIncidentProcess
	if !f.decode(p, &raw, paras, key) {
		return
	}
	ip := &IncidentProcess{
		Pos:              f.sectionPos(key),
		Version:          f.tomlText(raw.Version, paras, key, "version"),
		LastReviewed:     f.date(raw.LastReviewed, paras, key, "last_reviewed"),
		ResponsePlansPos: f.pos(key, "response_plans"),
		Documents:        f.tomlDocuments(raw.Documents, paras, key, "documents"),
	}
	f.requireDate(&ip.LastReviewed, paras, "last_reviewed", "the date the process and plans were last reviewed")
	ip.ResponsePlans, _ = f.tomlStrings(raw.ResponsePlans, paras, "the names of the incident response plans, such as [\"Ransomware\", \"Data loss\"]", key, "response_plans")
	f.docs.IncidentProcess = ip
}

func readVulnerabilityPolicy(f *docFile, key string, p toml.Primitive) {
	defer f.govSubject(len(f.docs.Problems), key)
	paras := vulnPolicyParas
	var raw rawVulnerabilityPolicy
	if !f.decode(p, &raw, paras, key) {
		return
	}
	v := &VulnerabilityPolicy{
		Pos:          f.sectionPos(key),
		Version:      f.tomlText(raw.Version, paras, key, "version"),
		LastReviewed: f.date(raw.LastReviewed, paras, key, "last_reviewed"),
		CoversPos:    f.pos(key, "covers"),
		Documents:    f.tomlDocuments(raw.Documents, paras, key, "documents"),
	}
	f.requireDate(&v.LastReviewed, paras, "last_reviewed", "the date the policy was last reviewed")
	v.Covers, v.CoversSet = f.govChoices(raw.Covers, VulnerabilityProcesses(), paras, "what the policy documents", key, "covers")
	if raw.Covers == nil {
		f.docs.problem(v.CoversPos, paras, "covers: missing: list what the policy documents, from %s", choiceNames(VulnerabilityProcesses()))
	}
	f.docs.VulnerabilityPolicy = v
}

func readCeasingToTrade(f *docFile, key string, p toml.Primitive) {
	defer f.govSubject(len(f.docs.Problems), key)
	paras := ceasingToTradeParas
	var raw rawCeasingToTrade
	if !f.decode(p, &raw, paras, key) {
		return
	}
	c := &CeasingToTrade{
		Pos:          f.sectionPos(key),
		Version:      f.tomlText(raw.Version, paras, key, "version"),
		Summary:      f.tomlText(raw.Summary, paras, key, "summary"),
		LastReviewed: f.date(raw.LastReviewed, paras, key, "last_reviewed"),
		Documents:    f.tomlDocuments(raw.Documents, paras, key, "documents"),
	}
	f.requireDate(&c.LastReviewed, paras, "last_reviewed", "the date the process was last reviewed")
	f.docs.CeasingToTrade = c
}

// sectionPos is the position of a section: its [key] header, or, when
// it has none, the first [key.sub] table or key.sub key in it.
func (f *docFile) sectionPos(key string) diag.Pos {
	pos := f.pos(key)
	if pos.Line > 0 {
		return pos
	}
	sc := bufio.NewScanner(bytes.NewReader(f.src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimLeft(strings.TrimSpace(sc.Text()), "[")
		if strings.HasPrefix(l, key+".") || strings.HasPrefix(l, key+" .") {
			pos.Line = n
			break
		}
	}
	return pos
}

// govSubject names the subject (the section, or an item's id) of the
// problems recorded since the from-th.
func (f *docFile) govSubject(from int, subject string) {
	for i := from; i < len(f.docs.Problems); i++ {
		if f.docs.Problems[i].Subject == "" {
			f.docs.Problems[i].Subject = subject
		}
	}
}

// govChoices reads a list of short names from choices, written in any
// case, with spaces or underscores for hyphens. Each name is kept once, in
// the order of choices; an unknown name is a problem.
func (f *docFile) govChoices(v any, choices []Choice, paras []string, what string, key ...string) ([]string, bool) {
	list, ok := f.tomlStrings(v, paras, what+" from "+choiceNames(choices), key...)
	if !ok {
		return nil, false
	}
	got := map[string]bool{}
	for _, s := range list {
		n := ChoiceName(s)
		if !slices.ContainsFunc(choices, func(c Choice) bool { return c.Name == n }) {
			f.problem(paras, key, "%s: unknown name %q: want one of %s", key[len(key)-1], s, choiceNames(choices))
			continue
		}
		got[n] = true
	}
	var out []string
	for _, c := range choices {
		if got[c.Name] {
			out = append(out, c.Name)
		}
	}
	return out, true
}

// ChoiceName normalises a short name as written: lower case, with spaces
// and underscores read as hyphens ("Patch_Testing" is "patch-testing").
func ChoiceName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", "-", " ", "-").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return s
}

func choiceNames(choices []Choice) string {
	var s []string
	for _, c := range choices {
		s = append(s, strconv.Quote(c.Name))
	}
	return strings.Join(s, ", ")
}
