package evidence

import (
	"cmp"
	"fmt"
	"regexp"
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

// SMP is the Security Management Plan's lifecycle: [smp].
type SMP struct {
	Pos          diag.Pos // the [smp] header
	Version      Text
	Submitted    Date // first submission to the Client for Approval
	Approved     Date
	ApprovalRef  Text
	Documents    []Attachment
	NonApprovals []NonApproval // [[smp.non_approval]]
	Reviews      []Review      // [[smp.review]]
	Changes      []Change      // [[smp.change]]
}

// ISMS is the information security management system's lifecycle: [isms].
type ISMS struct {
	Pos           diag.Pos // the [isms] header
	Type          Text     // ISMSExtant or ISMSBespoke; unset if not recorded
	Version       Text
	Submitted     Date
	Approved      Date
	ApprovalRef   Text
	Documents     []Attachment
	Certification *Certification // [isms.certification]; nil if none
	NonApprovals  []NonApproval  // [[isms.non_approval]]
	Reviews       []Review       // [[isms.review]]
	Changes       []Change       // [[isms.change]]
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
		if c := a.Date.Time.Compare(b.Date.Time); c != 0 {
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

// The paragraphs each part of the sections evidences, for problems.
var (
	smpParas         = []string{ParaSMPSubmitA, ParaSMPSubmitB}
	smpApprovalParas = []string{ParaSMPApprovalA, ParaSMPApprovalB}
	smpReviewParas   = []string{ParaSMPReviewA, ParaReviewB}
	smpResultsParas  = []string{ParaSMPResultsA, ParaResultsB}
	smpChangeParas   = []string{ParaSMPChangeA, ParaChangeB}

	ismsParas         = []string{ParaISMSSubmit}
	ismsApprovalParas = []string{ParaISMSSubmit, ParaISMSApproval}
	ismsCertParas     = []string{ParaISMSCertified}
	ismsReviewParas   = []string{ParaReviewB}
	ismsResultsParas  = []string{ParaResultsB}
	ismsChangeParas   = []string{ParaChangeB}
)

// The decoded shapes. Every field is a documented key; values are `any`
// so that a wrong type is one problem at its line, not a lost section.
type (
	rawSMP struct {
		Version           any              `toml:"version"`
		Submitted         any              `toml:"submitted"`
		Approved          any              `toml:"approved"`
		ApprovalReference any              `toml:"approval_reference"`
		Documents         any              `toml:"documents"`
		NonApproval       []toml.Primitive `toml:"non_approval"`
		Review            []toml.Primitive `toml:"review"`
		Change            []toml.Primitive `toml:"change"`
	}
	rawISMS struct {
		Type              any              `toml:"type"`
		Version           any              `toml:"version"`
		Submitted         any              `toml:"submitted"`
		Approved          any              `toml:"approved"`
		ApprovalReference any              `toml:"approval_reference"`
		Documents         any              `toml:"documents"`
		Certification     *toml.Primitive  `toml:"certification"`
		NonApproval       []toml.Primitive `toml:"non_approval"`
		Review            []toml.Primitive `toml:"review"`
		Change            []toml.Primitive `toml:"change"`
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
	var raw rawSMP
	if !f.planDecode(p, &raw, smpParas, key) {
		return
	}
	s := &SMP{
		Pos:         f.pos(key),
		Version:     f.tomlText(raw.Version, smpParas, key, "version"),
		Submitted:   f.date(raw.Submitted, smpParas, key, "submitted"),
		Approved:    f.date(raw.Approved, smpApprovalParas, key, "approved"),
		ApprovalRef: f.tomlText(raw.ApprovalReference, smpApprovalParas, key, "approval_reference"),
		Documents:   f.tomlDocuments(raw.Documents, smpParas, key, "documents"),
	}
	f.notBefore(&s.Approved, s.Submitted, smpApprovalParas, "approved", "submitted")
	s.NonApprovals = f.planNonApprovals(raw.NonApproval, s.Submitted, smpApprovalParas, key)
	s.Reviews = f.planReviews(raw.Review, smpReviewParas, smpResultsParas, key)
	s.Changes = f.planChanges(raw.Change, smpChangeParas, key)
	f.docs.SMP = s
}

func readISMS(f *docFile, key string, p toml.Primitive) {
	var raw rawISMS
	if !f.planDecode(p, &raw, ismsParas, key) {
		return
	}
	i := &ISMS{
		Pos:         f.pos(key),
		Type:        f.tomlText(raw.Type, ismsParas, key, "type"),
		Version:     f.tomlText(raw.Version, ismsParas, key, "version"),
		Submitted:   f.date(raw.Submitted, ismsParas, key, "submitted"),
		Approved:    f.date(raw.Approved, ismsApprovalParas, key, "approved"),
		ApprovalRef: f.tomlText(raw.ApprovalReference, ismsApprovalParas, key, "approval_reference"),
		Documents:   f.tomlDocuments(raw.Documents, ismsParas, key, "documents"),
	}
	switch v := strings.ToLower(i.Type.Value); {
	case i.Type.Invalid:
	case !i.Type.Set:
		// Not recorded yet: the rules say so against B.3.3.
	case v == ISMSExtant || v == ISMSBespoke:
		i.Type.Value = v
	default:
		f.docs.problem(i.Type.Pos, ismsParas, "type: want \"extant\" or \"bespoke\", got %q", i.Type.Value)
		i.Type.Invalid, i.Type.Set = true, false
	}
	f.notBefore(&i.Approved, i.Submitted, ismsApprovalParas, "approved", "submitted")
	if raw.Certification != nil {
		i.Certification = f.planCertification(*raw.Certification, key, "certification")
	}
	i.NonApprovals = f.planNonApprovals(raw.NonApproval, i.Submitted, []string{ParaISMSApproval}, key)
	i.Reviews = f.planReviews(raw.Review, ismsReviewParas, ismsResultsParas, key)
	i.Changes = f.planChanges(raw.Change, ismsChangeParas, key)
	f.docs.ISMS = i
}

func (f *docFile) planCertification(p toml.Primitive, key ...string) *Certification {
	var raw rawCertification
	if !f.planDecode(p, &raw, ismsCertParas, key...) {
		return nil
	}
	k := func(name string) []string { return append(slices.Clone(key), name) }
	c := &Certification{
		Pos:              f.pos(key...),
		Name:             f.tomlText(raw.Name, ismsCertParas, k("name")...),
		Role:             f.tomlText(raw.Role, ismsCertParas, k("role")...),
		Signed:           f.date(raw.Signed, ismsCertParas, k("signed")...),
		DelegatedBy:      f.tomlText(raw.DelegatedBy, ismsCertParas, k("delegated_by")...),
		EquivalentRef:    f.tomlText(raw.EquivalentRef, ismsCertParas, k("equivalent_reference")...),
		EquivalentAgreed: f.date(raw.EquivalentAgreed, ismsCertParas, k("equivalent_agreed")...),
		Documents:        f.tomlDocuments(raw.Documents, ismsCertParas, k("documents")...),
	}
	f.requireText(&c.Name, ismsCertParas, "name", "who certified the ISMS")
	f.requireText(&c.Role, ismsCertParas, "role", "their role, such as \"Chief Information Officer\"")
	c.Officer = Officer(c.Role.Value)
	c.DelegatedOfficer = Officer(c.DelegatedBy.Value)
	if c.EquivalentAgreed.Set && !c.EquivalentRef.Set && !c.EquivalentRef.Invalid {
		f.docs.problem(c.EquivalentAgreed.Pos, ismsCertParas, "equivalent_agreed needs equivalent_reference: the reference of the Client's written agreement")
	}
	return c
}

func (f *docFile) planNonApprovals(ps []toml.Primitive, submitted Date, paras []string, key string) []NonApproval {
	var out []NonApproval
	for i, p := range ps {
		k := []string{key, "non_approval", strconv.Itoa(i)}
		kk := func(name string) []string { return append(slices.Clone(k), name) }
		var raw rawNonApproval
		if !f.planDecode(p, &raw, paras, k...) {
			continue
		}
		n := NonApproval{
			Pos:         f.pos(k...),
			Notice:      f.date(raw.Notice, paras, kk("notice")...),
			Resubmitted: f.date(raw.Resubmitted, paras, kk("resubmitted")...),
			Reference:   f.tomlText(raw.Reference, paras, kk("reference")...),
			Reason:      f.tomlText(raw.Reason, paras, kk("reason")...),
		}
		if !n.Notice.Set && !n.Notice.Invalid {
			f.docs.problem(n.Notice.Pos, paras, "notice: missing: the date of the Client's notice of non-approval")
			n.Notice.Invalid = true
		}
		f.notBefore(&n.Notice, submitted, paras, "notice", "submitted")
		f.notBefore(&n.Resubmitted, n.Notice, paras, "resubmitted", "notice")
		out = append(out, n)
	}
	return out
}

func (f *docFile) planReviews(ps []toml.Primitive, paras, results []string, key string) []Review {
	var out []Review
	for i, p := range ps {
		k := []string{key, "review", strconv.Itoa(i)}
		kk := func(name string) []string { return append(slices.Clone(k), name) }
		var raw rawReview
		if !f.planDecode(p, &raw, paras, k...) {
			continue
		}
		r := Review{
			Pos:              f.pos(k...),
			Completed:        f.date(raw.Completed, paras, kk("completed")...),
			CoversPos:        f.pos(kk("covers")...),
			ResultsDelivered: f.date(raw.ResultsDelivered, results, kk("results_delivered")...),
			Documents:        f.tomlDocuments(raw.Documents, paras, kk("documents")...),
			Items:            map[string]Text{},
		}
		if !r.Completed.Set && !r.Completed.Invalid {
			f.docs.problem(r.Completed.Pos, paras, "completed: missing: the date the review was completed")
			r.Completed.Invalid = true
		}
		r.Covers, r.CoversSet = f.planTopics(raw.Covers, paras, kk("covers")...)
		values := map[string]any{
			"improvements":             raw.Improvements,
			"risk_assessment_updates":  raw.RiskAssessmentUpdates,
			"proposed_modifications":   raw.ProposedModifications,
			"measurement_improvements": raw.MeasurementImprovements,
		}
		for _, res := range ReviewResults() {
			r.Items[res.Key] = f.tomlText(values[res.Key], results, kk(res.Key)...)
		}
		f.notBefore(&r.ResultsDelivered, r.Completed, results, "results_delivered", "completed")
		out = append(out, r)
	}
	return out
}

func (f *docFile) planChanges(ps []toml.Primitive, paras []string, key string) []Change {
	var out []Change
	for i, p := range ps {
		k := []string{key, "change", strconv.Itoa(i)}
		kk := func(name string) []string { return append(slices.Clone(k), name) }
		var raw rawChange
		if !f.planDecode(p, &raw, paras, k...) {
			continue
		}
		c := Change{
			Pos:       f.pos(k...),
			Document:  key,
			Date:      f.date(raw.Date, paras, kk("date")...),
			What:      f.tomlText(raw.What, paras, kk("what")...),
			Reference: f.tomlText(raw.Reference, paras, kk("reference")...),
		}
		if !c.Date.Set && !c.Date.Invalid {
			f.docs.problem(c.Date.Pos, paras, "date: missing: the date the change took effect")
			c.Date.Invalid = true
		}
		f.requireText(&c.What, paras, "what", "what changed")
		out = append(out, c)
	}
	return out
}

// planLastKey finds the key a decoding error is about.
var planLastKey = regexp.MustCompile(`\(last key "([^"]+)"\)`)

// planDecode decodes a table of the sections into v, whose fields are all
// `any` but for the sub-tables: so the only error is a value that is not
// the table or array of tables expected, reported as such at its line.
func (f *docFile) planDecode(p toml.Primitive, v any, paras []string, key ...string) bool {
	err := f.md.PrimitiveDecode(p, v)
	if err == nil {
		return true
	}
	name, pos := strings.Join(key, "."), f.pos(key...)
	if m := planLastKey.FindStringSubmatch(err.Error()); m != nil {
		name, pos = m[1], f.pos(strings.Split(m[1], ".")...)
	}
	var want string
	switch last := name[strings.LastIndex(name, ".")+1:]; last {
	case "smp", "isms":
		want = fmt.Sprintf("want a table: [%s], then its keys one a line", last)
	case "certification":
		want = "want a table: [isms.certification], with name and role"
	case "non_approval", "review", "change":
		want = fmt.Sprintf("want one table per entry, each headed [[%s]]", name)
	default:
		want = strings.TrimPrefix(err.Error(), "toml: ")
	}
	f.docs.problem(pos, paras, "%s: %s", name, want)
	return false
}

// planTopics reads `covers`: a list of topic names.
func (f *docFile) planTopics(v any, paras []string, key ...string) ([]Topic, bool) {
	pos := f.pos(key...)
	names := func() string {
		var s []string
		for _, t := range Topics() {
			s = append(s, strconv.Quote(string(t.Topic)))
		}
		return strings.Join(s, ", ")
	}
	if v == nil {
		f.docs.problem(pos, paras, "covers: missing: list the topics the review covered, from %s", names())
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		f.docs.problem(pos, paras, "covers: want a list such as [\"threats\", \"good-practice\"], got %s", show(v))
		return nil, false
	}
	var out []Topic
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			f.docs.problem(pos, paras, "covers: want topic names in quotes, got %s", show(x))
			continue
		}
		t := Topic(strings.ReplaceAll(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-"), " ", "-"))
		if !slices.ContainsFunc(Topics(), func(i TopicInfo) bool { return i.Topic == t }) {
			f.docs.problem(pos, paras, "covers: unknown topic %q: want one of %s", s, names())
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
