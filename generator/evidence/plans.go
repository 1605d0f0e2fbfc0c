package evidence

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// Paragraph ids of the Security Management Plan and ISMS lifecycle.
const (
	ParaSMPSubmitA   = "A.4.3.1" // SMP delivered within 20 Working Days after the Start Date
	ParaSMPApprovalA = "A.4.3.2" // re-submitted within 10 Working Days of a non-approval; approval in 15
	ParaSMPReviewA   = "A.4.4.1" // reviewed at least annually, to reflect (a)-(e)
	ParaSMPResultsA  = "A.4.4.2" // results of the review, including (a)-(c)
	ParaSMPChangeA   = "A.4.4.3" // changes follow the Variation Procedure

	ParaISMSSubmit    = "B.3.1"   // ISMS submitted within 20 Working Days after the Start Date
	ParaISMSExtant    = "B.3.3.1" // an extant ISMS, where no bespoke one was stipulated
	ParaISMSBespoke   = "B.3.3.2" // a bespoke ISMS is presented for Approval
	ParaISMSCertified = "B.3.4.6" // certified by a CSO, CIO, CTO or CFO, or a delegate
	ParaISMSApproval  = "B.3.7"   // bespoke: re-submitted in 10 Working Days; approval in 15
	ParaSMPSubmitB    = "B.4.1"   // SMP submitted within 20 Working Days after the Start Date
	ParaSMPApprovalB  = "B.4.3"   // re-submitted within 10 Working Days; approval in 15
	ParaReviewB       = "B.5.1"   // ISMS and SMP reviewed at least annually, to reflect 5.1.1-5.1.6
	ParaResultsB      = "B.5.2"   // results of the reviews, including 5.2.1-5.2.4
	ParaChangeB       = "B.5.3"   // changes follow the Variation Procedure
)

// Topic is a matter an annual review must reflect (A.4.4.1(a)-(e),
// B.5.1.1-B.5.1.6), by its short name as written in `covers`.
type Topic string

// Review topics. B.5.1.3 and B.5.1.5 name the same matter (a drafting
// slip in the schedule): TopicThreats satisfies both.
const (
	TopicGoodPractice   Topic = "good-practice"   // emerging changes in Good Industry Practice
	TopicServiceChanges Topic = "service-changes" // changes to the Agency System, Goods or Services, processes
	TopicSecurityPolicy Topic = "security-policy" // changes to the Security Policy (where it applies)
	TopicThreats        Topic = "threats"         // new perceived or changed security threats
	TopicClientRequests Topic = "client-requests" // reasonable changes in requirements requested by the Client
)

// TopicInfo describes a review topic and the paragraphs it answers.
type TopicInfo struct {
	Topic Topic
	Text  string   // as the schedule puts it
	PartA []string // the Part A item
	PartB []string // the Part B items
}

// Topics lists the review topics in the schedule's order.
func Topics() []TopicInfo {
	return []TopicInfo{
		{TopicGoodPractice, "emerging changes in Good Industry Practice", []string{"A.4.4.1(a)"}, []string{"B.5.1.1"}},
		{TopicServiceChanges, "any change or proposed change to the Goods or Services and/or associated processes (in Part B also the Agency System)", []string{"A.4.4.1(b)"}, []string{"B.5.1.2"}},
		{TopicSecurityPolicy, "any change to the Security Policy (where the Security Policy applies)", []string{"A.4.4.1(c)"}, []string{"B.5.1.4"}},
		{TopicThreats, "any new perceived or changed security threats", []string{"A.4.4.1(d)"}, []string{"B.5.1.3", "B.5.1.5"}},
		{TopicClientRequests, "any reasonable change in requirements requested by the Client", []string{"A.4.4.1(e)"}, []string{"B.5.1.6"}},
	}
}

// ReviewResult is one thing the results of a review must include (A.4.4.2(a)-(c),
// B.5.2.1-B.5.2.4), by its key in [[smp.review]] and [[isms.review]].
type ReviewResult struct {
	Key   string // the TOML key
	Text  string // as the schedule puts it
	PartA string // the Part A item, "" if Part A does not ask for it
	PartB string // the Part B item
}

// ReviewResults lists what the results of a review must include, in the
// schedule's order.
func ReviewResults() []ReviewResult {
	return []ReviewResult{
		{"improvements", "suggested improvements to the effectiveness of the plan or system", "A.4.4.2(a)", "B.5.2.1"},
		{"risk_assessment_updates", "updates to the risk assessments", "A.4.4.2(b)", "B.5.2.2"},
		{"proposed_modifications", "proposed modifications to the procedures and controls that affect information security", "", "B.5.2.3"},
		{"measurement_improvements", "suggested improvements in measuring the effectiveness of controls", "A.4.4.2(c)", "B.5.2.4"},
	}
}

// The main board roles that may certify the ISMS (B.3.4.6).
const (
	OfficerCSO = "Chief Security Officer"
	OfficerCIO = "Chief Information Officer"
	OfficerCTO = "Chief Technical Officer"
	OfficerCFO = "Chief Financial Officer"
)

// Officer returns the listed officer a role names, or "" if it names none.
// Case, full stops and repeated spaces are ignored; the abbreviations CSO,
// CIO, CTO, CFO and the spellings "Chief Technology Officer" and "Chief
// Finance Officer" are accepted. A Chief Information Security Officer
// (CISO) is not one of them: the schedule names the CSO.
func Officer(role string) string {
	switch normRole(role) {
	case "chief security officer", "cso":
		return OfficerCSO
	case "chief information officer", "cio":
		return OfficerCIO
	case "chief technical officer", "chief technology officer", "cto":
		return OfficerCTO
	case "chief financial officer", "chief finance officer", "cfo":
		return OfficerCFO
	}
	return ""
}

func normRole(s string) string {
	s = strings.ToLower(strings.NewReplacer(".", "", "\u00a0", " ").Replace(s))
	return strings.Join(strings.Fields(s), " ")
}

// ISMS types.
const (
	ISMSExtant  = "extant"
	ISMSBespoke = "bespoke"
)

// Lifecycle is the record the SMP and the ISMS share: the version, its
// submission for the Client's Approval, the Approval, the documents, and
// the non-approvals, reviews and changes since.
type Lifecycle struct {
	Version      Text
	Submitted    Date // first submission to the Client for Approval
	Approved     Date
	ApprovalRef  Text
	Documents    []Attachment
	NonApprovals []NonApproval // [[smp.non_approval]], [[isms.non_approval]]
	Reviews      []Review      // [[smp.review]], [[isms.review]]
	Changes      []Change      // [[smp.change]], [[isms.change]]
}

// SMP is the Security Management Plan's lifecycle: [smp].
type SMP struct {
	Pos diag.Pos // the [smp] header
	Lifecycle
}

// ISMS is the information security management system's lifecycle: [isms].
type ISMS struct {
	Pos  diag.Pos // the [isms] header
	Type Text     // ISMSExtant or ISMSBespoke; unset if not recorded
	Lifecycle
	Certification *Certification // [isms.certification]; nil if none
}

// Bespoke reports whether the evidence records a bespoke ISMS.
func (i *ISMS) Bespoke() bool { return i.Type.Set && i.Type.Value == ISMSBespoke }

// NonApproval is a notice of non-approval from the Client and the
// re-submission that answered it.
type NonApproval struct {
	Pos         diag.Pos // the [[...non_approval]] header
	Notice      Date
	Resubmitted Date
	Reference   Text
	Reason      Text
}

// Review is one full review of the SMP or the ISMS, and its results.
type Review struct {
	Pos       diag.Pos // the [[...review]] header
	Completed Date
	// Covers lists the topics the review covered, each once; CoversSet is
	// false when the key is absent or not a list.
	Covers    []Topic
	CoversSet bool
	CoversPos diag.Pos
	// ResultsDelivered is the day the results went to the Client.
	ResultsDelivered Date
	// Items are the results, by ReviewResult.Key; each Text is unset if not
	// recorded.
	Items     map[string]Text
	Documents []Attachment
}

// Covered reports whether the review covered topic t.
func (r Review) Covered(t Topic) bool { return slices.Contains(r.Covers, t) }

// Change is one change to the SMP or ISMS.
type Change struct {
	Pos       diag.Pos // the [[...change]] header
	Document  string   // "smp" or "isms"
	Date      Date
	What      Text
	Reference Text
}

// Certification is who certified the ISMS, and in what role (B.3.4.6).
type Certification struct {
	Pos  diag.Pos // the [isms.certification] header
	Name Text
	Role Text
	// Officer is the listed officer Role names, "" if none.
	Officer     string
	Signed      Date
	DelegatedBy Text
	// DelegatedOfficer is the listed officer DelegatedBy names, "" if none.
	DelegatedOfficer string
	EquivalentRef    Text
	EquivalentAgreed Date
	Documents        []Attachment
}

// Changes lists the recorded changes to the SMP and the ISMS, by date,
// then position.
func (d *Documents) Changes() []Change {
	var out []Change
	if d.SMP != nil {
		out = append(out, d.SMP.Changes...)
	}
	if d.ISMS != nil {
		out = append(out, d.ISMS.Changes...)
	}
	out = slices.DeleteFunc(out, func(c Change) bool { return !c.Date.Set })
	slices.SortStableFunc(out, func(a, b Change) int {
		if c := a.Date.Value.Compare(b.Date.Value); c != 0 {
			return c
		}
		return a.Date.Pos.Compare(b.Date.Pos)
	})
	return out
}

// ChangeDates lists the dates of every change to the ISMS or the SMP (the
// B.6.1 "after any change" duty), sorted, each with its position.
func (d *Documents) ChangeDates() []Date {
	var out []Date
	for _, c := range d.Changes() {
		out = append(out, c.Date)
	}
	return out
}

// lifecycleParas are the paragraphs each part of a Lifecycle evidences.
type lifecycleParas struct{ submit, approval, nonApproval, review, results, change []string }

// The paragraphs each part of the sections evidences, for problems.
var (
	smpParas = lifecycleParas{
		submit:      []string{ParaSMPSubmitA, ParaSMPSubmitB},
		approval:    []string{ParaSMPApprovalA, ParaSMPApprovalB},
		nonApproval: []string{ParaSMPApprovalA, ParaSMPApprovalB},
		review:      []string{ParaSMPReviewA, ParaReviewB},
		results:     []string{ParaSMPResultsA, ParaResultsB},
		change:      []string{ParaSMPChangeA, ParaChangeB},
	}
	ismsParas = lifecycleParas{
		submit:      []string{ParaISMSSubmit},
		approval:    []string{ParaISMSSubmit, ParaISMSApproval},
		nonApproval: []string{ParaISMSApproval},
		review:      []string{ParaReviewB},
		results:     []string{ParaResultsB},
		change:      []string{ParaChangeB},
	}
	ismsCertParas = []string{ParaISMSCertified}
)

// The decoded shapes. Every field is a documented key; values are `any`
// and tables *toml.Primitive, so that a wrong type is one problem at its
// line, not a lost section.
type (
	rawLifecycle struct {
		Version           any             `toml:"version"`
		Submitted         any             `toml:"submitted"`
		Approved          any             `toml:"approved"`
		ApprovalReference any             `toml:"approval_reference"`
		Documents         any             `toml:"documents"`
		NonApproval       *toml.Primitive `toml:"non_approval"`
		Review            *toml.Primitive `toml:"review"`
		Change            *toml.Primitive `toml:"change"`
	}
	rawISMS struct {
		rawLifecycle
		Type          any             `toml:"type"`
		Certification *toml.Primitive `toml:"certification"`
	}
	rawNonApproval struct {
		Notice      any `toml:"notice"`
		Resubmitted any `toml:"resubmitted"`
		Reference   any `toml:"reference"`
		Reason      any `toml:"reason"`
	}
	rawReview struct {
		Completed               any `toml:"completed"`
		Covers                  any `toml:"covers"`
		ResultsDelivered        any `toml:"results_delivered"`
		Improvements            any `toml:"improvements"`
		RiskAssessmentUpdates   any `toml:"risk_assessment_updates"`
		ProposedModifications   any `toml:"proposed_modifications"`
		MeasurementImprovements any `toml:"measurement_improvements"`
		Documents               any `toml:"documents"`
	}
	rawChange struct {
		Date      any `toml:"date"`
		What      any `toml:"what"`
		Reference any `toml:"reference"`
	}
	rawCertification struct {
		Name             any `toml:"name"`
		Role             any `toml:"role"`
		Signed           any `toml:"signed"`
		DelegatedBy      any `toml:"delegated_by"`
		EquivalentRef    any `toml:"equivalent_reference"`
		EquivalentAgreed any `toml:"equivalent_agreed"`
		Documents        any `toml:"documents"`
	}
)

func readSMP(f *docFile, key string, p toml.Primitive) {
	t := &part{f: f, key: []string{key}, paras: smpParas.submit, subject: key}
	readPart(t, &p, "", func(raw *rawLifecycle) {
		s := &SMP{Pos: t.pos(), Lifecycle: t.lifecycle(raw, smpParas)}
		t.records(&s.Lifecycle, raw, smpParas)
		f.docs.SMP = s
	})
}

func readISMS(f *docFile, key string, p toml.Primitive) {
	t := &part{f: f, key: []string{key}, paras: ismsParas.submit, subject: key}
	readPart(t, &p, "", func(raw *rawISMS) {
		i := &ISMS{Pos: t.pos(), Type: t.text(raw.Type, "type")}
		i.Lifecycle = t.lifecycle(&raw.rawLifecycle, ismsParas)
		switch v := strings.ToLower(i.Type.Value); {
		case i.Type.Invalid:
		case !i.Type.Set:
			// Not recorded yet: the rules say so against B.3.3.
		case v == ISMSExtant || v == ISMSBespoke:
			i.Type.Value = v
		default:
			t.problem(i.Type.Pos, "type: want \"extant\" or \"bespoke\", got %q", i.Type.Value)
			i.Type.Invalid, i.Type.Set = true, false
		}
		c := t.sub(ismsCertParas, "certification")
		readPart(c, raw.Certification, wantTable(c, "with name and role"), func(raw *rawCertification) {
			i.Certification = c.certification(raw)
		})
		t.records(&i.Lifecycle, &raw.rawLifecycle, ismsParas)
		f.docs.ISMS = i
	})
}

// lifecycle reads the values the SMP and the ISMS (t) share.
func (t *part) lifecycle(raw *rawLifecycle, paras lifecycleParas) Lifecycle {
	approval := t.against(paras.approval)
	l := Lifecycle{
		Version:     t.text(raw.Version, "version"),
		Submitted:   t.date(raw.Submitted, "submitted"),
		Approved:    approval.date(raw.Approved, "approved"),
		ApprovalRef: approval.text(raw.ApprovalReference, "approval_reference"),
		Documents:   t.documents(raw.Documents, "documents"),
	}
	approval.notBefore(&l.Approved, l.Submitted, "approved", "submitted")
	return l
}

// records reads the arrays of tables the SMP and the ISMS (t) share: the
// non-approvals, reviews and changes.
func (t *part) records(l *Lifecycle, raw *rawLifecycle, paras lifecycleParas) {
	nonApproval := t.sub(t.paras, "non_approval")
	eachPart(nonApproval, raw.NonApproval, "", paras.nonApproval, func(e *part, raw *rawNonApproval) {
		n := NonApproval{
			Pos:         e.pos(),
			Notice:      e.date(raw.Notice, "notice"),
			Resubmitted: e.date(raw.Resubmitted, "resubmitted"),
			Reference:   e.text(raw.Reference, "reference"),
			Reason:      e.text(raw.Reason, "reason"),
		}
		e.requireDate(&n.Notice, "notice", "the date of the Client's notice of non-approval")
		e.notBefore(&n.Notice, l.Submitted, "notice", "submitted")
		e.notBefore(&n.Resubmitted, n.Notice, "resubmitted", "notice")
		l.NonApprovals = append(l.NonApprovals, n)
	})
	review := t.sub(t.paras, "review")
	eachPart(review, raw.Review, "", paras.review, func(e *part, raw *rawReview) {
		results := e.against(paras.results)
		r := Review{
			Pos:              e.pos(),
			Completed:        e.date(raw.Completed, "completed"),
			CoversPos:        e.pos("covers"),
			ResultsDelivered: results.date(raw.ResultsDelivered, "results_delivered"),
			Documents:        e.documents(raw.Documents, "documents"),
			Items:            map[string]Text{},
		}
		e.requireDate(&r.Completed, "completed", "the date the review was completed")
		r.Covers, r.CoversSet = e.topics(raw.Covers)
		values := map[string]any{
			"improvements":             raw.Improvements,
			"risk_assessment_updates":  raw.RiskAssessmentUpdates,
			"proposed_modifications":   raw.ProposedModifications,
			"measurement_improvements": raw.MeasurementImprovements,
		}
		for _, res := range ReviewResults() {
			r.Items[res.Key] = results.text(values[res.Key], res.Key)
		}
		results.notBefore(&r.ResultsDelivered, r.Completed, "results_delivered", "completed")
		l.Reviews = append(l.Reviews, r)
	})
	change := t.sub(t.paras, "change")
	eachPart(change, raw.Change, "", paras.change, func(e *part, raw *rawChange) {
		c := Change{
			Pos:       e.pos(),
			Document:  e.key[0],
			Date:      e.date(raw.Date, "date"),
			What:      e.text(raw.What, "what"),
			Reference: e.text(raw.Reference, "reference"),
		}
		e.requireDate(&c.Date, "date", "the date the change took effect")
		e.requireText(&c.What, "what", "what changed")
		l.Changes = append(l.Changes, c)
	})
}

// certification reads [isms.certification] (c).
func (c *part) certification(raw *rawCertification) *Certification {
	cert := &Certification{
		Pos:              c.pos(),
		Name:             c.text(raw.Name, "name"),
		Role:             c.text(raw.Role, "role"),
		Signed:           c.date(raw.Signed, "signed"),
		DelegatedBy:      c.text(raw.DelegatedBy, "delegated_by"),
		EquivalentRef:    c.text(raw.EquivalentRef, "equivalent_reference"),
		EquivalentAgreed: c.date(raw.EquivalentAgreed, "equivalent_agreed"),
		Documents:        c.documents(raw.Documents, "documents"),
	}
	c.requireText(&cert.Name, "name", "who certified the ISMS")
	c.requireText(&cert.Role, "role", "their role, such as \"Chief Information Officer\"")
	cert.Officer = Officer(cert.Role.Value)
	cert.DelegatedOfficer = Officer(cert.DelegatedBy.Value)
	if cert.EquivalentAgreed.Set && !cert.EquivalentRef.Set && !cert.EquivalentRef.Invalid {
		c.problem(cert.EquivalentAgreed.Pos, "equivalent_agreed needs equivalent_reference: the reference of the Client's written agreement")
	}
	return cert
}

// topics reads a review's `covers`: a list of topic names.
func (e *part) topics(v any) ([]Topic, bool) {
	pos := e.pos("covers")
	names := func() string {
		var s []string
		for _, t := range Topics() {
			s = append(s, strconv.Quote(string(t.Topic)))
		}
		return strings.Join(s, ", ")
	}
	if v == nil {
		e.problem(pos, "covers: missing: list the topics the review covered, from %s", names())
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		e.problem(pos, "covers: want a list such as [\"threats\", \"good-practice\"], got %s", show(v))
		return nil, false
	}
	var out []Topic
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			e.problem(pos, "covers: want topic names in quotes, got %s", show(x))
			continue
		}
		t := Topic(strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"), " ", "-"))
		if !slices.ContainsFunc(Topics(), func(i TopicInfo) bool { return i.Topic == t }) {
			e.problem(pos, "covers: unknown topic %q: want one of %s", s, names())
			continue
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b Topic) int { return cmp.Compare(topicIndex(a), topicIndex(b)) })
	return out, true
}

func topicIndex(t Topic) int {
	return slices.IndexFunc(Topics(), func(i TopicInfo) bool { return i.Topic == t })
}
