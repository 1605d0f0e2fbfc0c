package evidence

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every documented key of [smp] and [isms], read into its record with the
// line of each key.
func TestReadPlans(t *testing.T) {
	src := `[smp]
version = "1.1"
submitted = 2025-04-30
approved = "2025-05-27"
approval_reference = "REF-1"
documents = ["documents/smp.pdf"]

[[smp.non_approval]]
notice = 2025-05-02
resubmitted = 2025-05-19
reference = "N-1"
reason = "Section 6"

[[smp.non_approval]]
notice = 2025-05-20

[[smp.review]]
completed = 2026-05-14
covers = ["Threats", "good_practice", "client requests", "threats"]
results_delivered = 2026-06-12
improvements = " a "
risk_assessment_updates = "b"
proposed_modifications = "c"
measurement_improvements = "d"
documents = "documents/smp.pdf"

[[smp.change]]
date = 2026-07-01
what = "v1.2"
reference = "CR-1"

[isms]
type = "Bespoke"
version = "3.2"
submitted = 2025-04-24
approved = 2025-05-09
approval_reference = "REF-2"
documents = ["documents/smp.pdf"]

[isms.certification]
name = "Daniel Hughes"
role = "CISO"
signed = 2025-04-22
delegated_by = "c.i.o."
equivalent_reference = "AGREE-1"
equivalent_agreed = 2025-03-01
documents = ["documents/smp.pdf"]

[[isms.non_approval]]
notice = 2025-05-01

[[isms.review]]
completed = 2026-03-26
covers = []

[[isms.change]]
date = 2025-10-06
what = "VPN"

[[isms.change]]
date = 2025-10-06
what = "Same day"
`
	docs := readOne(src)
	if len(docs.Problems) != 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemLines(docs.Problems), "\n"))
	}
	s := docs.SMP
	if s == nil || docs.ISMS == nil {
		t.Fatalf("smp %v, isms %v", s, docs.ISMS)
	}
	line := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s at line %d, want %d", name, got, want)
		}
	}
	if s.Version.Value != "1.1" || s.Submitted.String() != "2025-04-30" || s.Approved.String() != "2025-05-27" || s.ApprovalRef.Value != "REF-1" {
		t.Errorf("smp %+v", s)
	}
	line("[smp]", s.Pos.Line(), 1)
	line("smp.submitted", s.Submitted.Pos.Line(), 3)
	line("smp.approved", s.Approved.Pos.Line(), 4)
	if len(s.Documents) != 1 || s.Documents[0].Path != "documents/smp.pdf" || s.Documents[0].Size != 13 {
		t.Errorf("smp documents %+v", s.Documents)
	}
	if len(s.NonApprovals) != 2 {
		t.Fatalf("non-approvals %+v", s.NonApprovals)
	}
	n := s.NonApprovals[0]
	if n.Notice.String() != "2025-05-02" || n.Resubmitted.String() != "2025-05-19" || n.Reference.Value != "N-1" || n.Reason.Value != "Section 6" {
		t.Errorf("non-approval %+v", n)
	}
	line("non_approval 1", n.Pos.Line(), 8)
	line("non_approval 1 resubmitted", n.Resubmitted.Pos.Line(), 10)
	n = s.NonApprovals[1]
	line("non_approval 2 notice", n.Notice.Pos.Line(), 15)
	if n.Resubmitted.Set || n.Resubmitted.Invalid || n.Resubmitted.Pos.Line() != 14 {
		t.Errorf("non-approval 2 resubmitted %+v, want unset at the table's line 14", n.Resubmitted)
	}
	if len(s.Reviews) != 1 {
		t.Fatalf("reviews %+v", s.Reviews)
	}
	r := s.Reviews[0]
	if r.Completed.String() != "2026-05-14" || r.ResultsDelivered.String() != "2026-06-12" || !r.CoversSet {
		t.Errorf("review %+v", r)
	}
	if want := []Topic{TopicGoodPractice, TopicThreats, TopicClientRequests}; !slices.Equal(r.Covers, want) {
		t.Errorf("covers %q, want %q (normalised, once each, in the schedule's order)", r.Covers, want)
	}
	line("covers", r.CoversPos.Line(), 19)
	for key, want := range map[string]string{"improvements": "a", "risk_assessment_updates": "b", "proposed_modifications": "c", "measurement_improvements": "d"} {
		if got := r.Items[key]; got.Value != want || !got.Set {
			t.Errorf("%s = %+v, want %q", key, got, want)
		}
	}
	line("improvements", r.Items["improvements"].Pos.Line(), 21)
	if len(r.Documents) != 1 {
		t.Errorf("review documents %+v", r.Documents)
	}
	if len(s.Changes) != 1 || s.Changes[0].Document != "smp" || s.Changes[0].What.Value != "v1.2" || s.Changes[0].Reference.Value != "CR-1" || s.Changes[0].Date.Pos.Line() != 28 {
		t.Errorf("smp changes %+v", s.Changes)
	}

	i := docs.ISMS
	if i.Type.Value != ISMSBespoke || !i.Bespoke() || i.Version.Value != "3.2" || i.Submitted.String() != "2025-04-24" || i.Approved.String() != "2025-05-09" || i.ApprovalRef.Value != "REF-2" || len(i.Documents) != 1 {
		t.Errorf("isms %+v", i)
	}
	line("isms.type", i.Type.Pos.Line(), 33)
	c := i.Certification
	if c == nil {
		t.Fatal("no certification")
	}
	if c.Name.Value != "Daniel Hughes" || c.Role.Value != "CISO" || c.Officer != "" || c.DelegatedBy.Value != "c.i.o." ||
		c.DelegatedOfficer != "Chief Information Officer" || c.EquivalentRef.Value != "AGREE-1" || c.EquivalentAgreed.String() != "2025-03-01" ||
		c.Signed.String() != "2025-04-22" || len(c.Documents) != 1 {
		t.Errorf("certification %+v", c)
	}
	line("certification.role", c.Role.Pos.Line(), 42)
	if len(i.NonApprovals) != 1 || len(i.Reviews) != 1 || !i.Reviews[0].CoversSet || len(i.Reviews[0].Covers) != 0 {
		t.Errorf("isms non-approvals %+v, reviews %+v", i.NonApprovals, i.Reviews)
	}
	if len(docs.Attachments) != 1 {
		t.Errorf("attachments %+v: want the one file once", docs.Attachments)
	}

	// Changes of both documents by date, then position.
	var got []string
	for _, ch := range docs.Changes() {
		got = append(got, ch.Document+" "+ch.Date.String()+" "+ch.What.Value)
	}
	if want := []string{"isms 2025-10-06 VPN", "isms 2025-10-06 Same day", "smp 2026-07-01 v1.2"}; !slices.Equal(got, want) {
		t.Errorf("changes %q, want %q", got, want)
	}
	var dates []string
	for _, d := range docs.ChangeDates() {
		dates = append(dates, d.String()+"@"+strconv.Itoa(d.Pos.Line()))
	}
	if want := []string{"2025-10-06@57", "2025-10-06@61", "2026-07-01@28"}; !slices.Equal(dates, want) {
		t.Errorf("change dates %q, want %q", dates, want)
	}
}

// Every wrong value is one problem at its line, with the paragraphs it is
// evidence for; the rest of the section is still read.
func TestReadPlansProblems(t *testing.T) {
	runTOMLCases(t, []tomlCase{
		{"text not in quotes", "[smp]\nversion = 1.1\nsubmitted = 2025-04-30\n",
			[]string{"2: version: want text in quotes, got 1.1"}, []string{"A.4.3.1", "B.4.1"}},
		{"bad date", "[smp]\nsubmitted = \"tbc\"\n",
			[]string{`2: submitted: want a date such as 2025-04-01, got "tbc"`}, []string{"A.4.3.1", "B.4.1"}},
		{"a number is not a date", "[smp]\napproved = 45800\n",
			[]string{"2: approved: want a date such as 2025-04-01, got the number 45800"}, []string{"A.4.3.2", "B.4.3"}},
		{"implausible date", "[smp]\nsubmitted = 2205-04-30\n",
			[]string{"2: submitted: want a date between 1950 and 2199"}, nil},
		{"unknown key", "[smp]\nsubmited = 2025-04-30\n",
			[]string{`2: unknown key "smp.submited"`}, nil},
		{"unknown key in the second review", "[smp]\n[[smp.review]]\ncompleted = 2026-01-01\ncovers = []\n[[smp.review]]\ncompleted = 2026-02-01\ncovers = []\nimprovments = \"x\"\n",
			[]string{`8: unknown key "smp.review.improvments"`}, nil},
		{"unknown keys in two non-approvals", "[smp]\n[[smp.non_approval]]\nnotice = 2025-05-02\nnote = 1\n[[smp.non_approval]]\nnotice = 2025-05-03\nnote = 2\n",
			[]string{`4: unknown key "smp.non_approval.note"`, `7: unknown key "smp.non_approval.note"`}, nil},
		{"unknown key in the certification", "[isms]\n[isms.certification]\nname = \"A\"\nrole = \"CIO\"\ntitle = \"x\"\n",
			[]string{`5: unknown key "isms.certification.title"`}, nil},
		{"missing notice", "[smp]\nsubmitted = 2025-04-30\n[[smp.non_approval]]\nresubmitted = 2025-05-19\n",
			[]string{"3: notice: missing"}, []string{"A.4.3.2", "B.4.3"}},
		{"notice before the submission", "[smp]\nsubmitted = 2025-04-30\n[[smp.non_approval]]\nnotice = 2025-04-29\n",
			[]string{"4: notice (2025-04-29) is before submitted (2025-04-30)"}, nil},
		{"re-submitted before the notice", "[smp]\n[[smp.non_approval]]\nnotice = 2025-05-02\nresubmitted = 2025-05-01\n",
			[]string{"4: resubmitted (2025-05-01) is before notice (2025-05-02)"}, nil},
		{"approved before submitted", "[smp]\nsubmitted = 2025-04-30\napproved = 2025-04-29\n",
			[]string{"3: approved (2025-04-29) is before submitted (2025-04-30)"}, []string{"A.4.3.2", "B.4.3"}},
		{"review without a completed date", "[smp]\n[[smp.review]]\ncovers = [\"threats\"]\n",
			[]string{"2: completed: missing"}, []string{"A.4.4.1", "B.5.1"}},
		{"review without covers", "[smp]\n[[smp.review]]\ncompleted = 2026-01-01\n",
			[]string{"2: covers: missing: list the topics"}, []string{"A.4.4.1", "B.5.1"}},
		{"covers not a list", "[smp]\n[[smp.review]]\ncompleted = 2026-01-01\ncovers = \"threats\"\n",
			[]string{`4: covers: want a list such as ["threats", "good-practice"], got "threats"`}, nil},
		{"unknown topic", "[isms]\n[[isms.review]]\ncompleted = 2026-01-01\ncovers = [\"threats\", \"weather\", 3]\n",
			[]string{`4: covers: unknown topic "weather": want one of "good-practice", "service-changes", "security-policy", "threats", "client-requests"`,
				"4: covers: want topic names in quotes, got 3"}, []string{"B.5.1"}},
		{"results before the review", "[smp]\n[[smp.review]]\ncompleted = 2026-05-14\ncovers = []\nresults_delivered = 2026-05-13\n",
			[]string{"5: results_delivered (2026-05-13) is before completed (2026-05-14)"}, []string{"A.4.4.2", "B.5.2"}},
		{"a result not text", "[smp]\n[[smp.review]]\ncompleted = 2026-05-14\ncovers = []\nimprovements = true\n",
			[]string{"5: improvements: want text in quotes, got true"}, []string{"A.4.4.2", "B.5.2"}},
		{"change without date or what", "[isms]\n[[isms.change]]\nreference = \"CR\"\n",
			[]string{"2: date: missing", "2: what: missing"}, []string{"B.5.3"}},
		{"bad type", "[isms]\ntype = \"custom\"\n",
			[]string{`2: type: want "extant" or "bespoke", got "custom"`}, []string{"B.3.1"}},
		{"type not text", "[isms]\ntype = 1\n",
			[]string{"2: type: want text in quotes, got 1"}, nil},
		{"certification without name or role", "[isms]\n[isms.certification]\nsigned = 2025-04-22\n",
			[]string{"2: name: missing", "2: role: missing"}, []string{"B.3.4.6"}},
		{"equivalent date without a reference", "[isms]\n[isms.certification]\nname = \"A\"\nrole = \"Head of IT\"\nequivalent_agreed = 2025-03-01\n",
			[]string{"5: equivalent_agreed needs equivalent_reference"}, nil},
		{"certification not a table", "[isms]\ncertification = \"CIO\"\n",
			[]string{"2: isms.certification: want a table: [isms.certification], with name and role"}, []string{"B.3.4.6"}},
		{"reviews not tables", "[smp]\nreview = 1\n",
			[]string{"2: smp.review: want one table per entry, each headed [[smp.review]]"}, []string{"A.4.3.1", "B.4.1"}},
		{"a review not a table", "[smp]\nreview = [1]\n",
			[]string{"2: smp.review: want one table per entry, each headed [[smp.review]]"}, []string{"A.4.4.1", "B.5.1"}},
		{"one review table, not an array", "[smp]\n[smp.review]\ncompleted = 2026-01-01\n",
			[]string{"2: smp.review: want one table per entry, each headed [[smp.review]]", `3: unknown key "smp.review.completed"`}, nil},
		{"section not a table", "smp = 1\nisms = []\n",
			[]string{"1: smp: want a table: [smp], then its keys one a line", "2: isms: want a table: [isms], then its keys one a line"}, []string{"A.4.3.1", "B.4.1"}},
		{"documents not a list", "[smp]\ndocuments = 5\n",
			[]string{"2: documents: want a path such as \"documents/policy.pdf\", or a list of paths"}, nil},
		{"document outside the folder", "[smp]\ndocuments = [\"../secret.pdf\", 7, \"documents/none.pdf\", \"documents/smp.pdf\"]\n",
			[]string{`2: attachment "../secret.pdf": want a path inside the evidence folder`, "2: documents: want paths in quotes, got 7",
				`2: attachment "documents/none.pdf": no such file`}, []string{"A.4.3.1", "B.4.1"}},
	})
}

// A wrong value does not lose the rest of the section.
func TestReadPlansKeepsTheRest(t *testing.T) {
	docs := readOne("[smp]\nversion = 2\nsubmitted = \"tbc\"\napproved = 2025-05-27\n[[smp.review]]\ncompleted = 2026-05-14\ncovers = [\"threats\"]\n")
	s := docs.SMP
	if s == nil || !s.Version.Invalid || !s.Submitted.Invalid || s.Approved.String() != "2025-05-27" || len(s.Reviews) != 1 || !s.Reviews[0].Covered(TopicThreats) {
		t.Fatalf("smp %+v", s)
	}
	// An empty [isms] is an ISMS with nothing recorded yet, not an error.
	docs = readOne("[isms]\n")
	if docs.ISMS == nil || len(docs.Problems) != 0 || docs.ISMS.Type.Set || docs.ISMS.Type.Invalid {
		t.Errorf("empty [isms]: %+v, problems %q", docs.ISMS, problemLines(docs.Problems))
	}
}

func TestOfficer(t *testing.T) {
	tests := []struct{ role, want string }{
		{"Chief Security Officer", "Chief Security Officer"},
		{"CSO", "Chief Security Officer"},
		{"chief  information officer", "Chief Information Officer"},
		{"C.I.O.", "Chief Information Officer"},
		{"cio", "Chief Information Officer"},
		{"Chief Technical Officer", "Chief Technical Officer"},
		{"Chief Technology Officer", "Chief Technical Officer"},
		{"CTO", "Chief Technical Officer"},
		{"Chief Financial Officer", "Chief Financial Officer"},
		{"Chief Finance Officer", "Chief Financial Officer"},
		{" CFO ", "Chief Financial Officer"},
		{"CISO", ""},
		{"Chief Information Security Officer", ""},
		{"Chief Executive Officer", ""},
		{"Head of Information Security", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Officer(tt.role); got != tt.want {
			t.Errorf("Officer(%q) = %q, want %q", tt.role, got, tt.want)
		}
	}
}

// Every topic and result names paragraphs of the schedule's own shape, and
// B.5.1.3 and B.5.1.5 are answered by the same topic.
func TestTopicsAndResults(t *testing.T) {
	seen := map[string]Topic{}
	for _, tp := range Topics() {
		if len(tp.PartA) != 1 || len(tp.PartB) == 0 || tp.Text == "" {
			t.Errorf("topic %+v", tp)
		}
		for _, p := range append(slices.Clone(tp.PartA), tp.PartB...) {
			if other, dup := seen[p]; dup {
				t.Errorf("%s answered by %s and %s", p, other, tp.Topic)
			}
			seen[p] = tp.Topic
		}
	}
	if len(seen) != 11 || seen["B.5.1.3"] != TopicThreats || seen["B.5.1.5"] != TopicThreats {
		t.Errorf("topics answer %v", seen)
	}
	var b []string
	for _, r := range ReviewResults() {
		b = append(b, r.PartB)
	}
	if !slices.Equal(b, []string{"B.5.2.1", "B.5.2.2", "B.5.2.3", "B.5.2.4"}) {
		t.Errorf("Part B results %q", b)
	}
}

// The sample plans.toml reads without problems, and its attachments are
// well-formed PDFs.
func TestSamplePlans(t *testing.T) {
	d := sampleDocuments(t)
	for _, p := range d.Problems {
		if p.Pos.File() == "evidence/plans.toml" {
			t.Errorf("%s: %s", p.Pos, p.Msg)
		}
	}
	if d.SMP == nil || d.ISMS == nil {
		t.Fatalf("smp %v, isms %v", d.SMP, d.ISMS)
	}
	if d.SMP.Pos.File() != "evidence/plans.toml" || d.SMP.Submitted.String() != "2025-04-30" || d.SMP.Approved.String() != "2025-05-27" ||
		len(d.SMP.NonApprovals) != 1 || len(d.SMP.Reviews) != 1 {
		t.Errorf("smp %+v", d.SMP)
	}
	if d.ISMS.Type.Value != ISMSExtant || d.ISMS.Certification == nil || d.ISMS.Certification.Officer != "Chief Information Officer" || len(d.ISMS.Reviews) != 1 {
		t.Errorf("isms %+v", d.ISMS)
	}
	var dates []string
	for _, c := range d.ChangeDates() {
		dates = append(dates, c.String())
	}
	if want := []string{"2025-10-06", "2026-10-12"}; !slices.Equal(dates, want) {
		t.Errorf("change dates %q, want %q", dates, want)
	}
	want := []string{"documents/isms-certification-2025.pdf", "documents/isms-manual-v3.2.pdf", "documents/isms-review-2026.pdf",
		"documents/smp-v1.0.pdf", "documents/smp-v1.1-review-2026.pdf", "documents/smp-v1.1.pdf"}
	for _, name := range want {
		i := slices.IndexFunc(d.Attachments, func(a Attachment) bool { return a.Path == name })
		if i < 0 {
			t.Errorf("%s not attached", name)
			continue
		}
		data, err := os.ReadFile("../../evidence/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if msg := checkPDF(data, "\n"); msg != "" {
			t.Errorf("%s: %s", name, msg)
		}
	}
}
