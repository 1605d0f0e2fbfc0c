package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// planCase is one evaluation of an evidence/plans.toml: the contract
// settings, the TOML, and what each paragraph shows about each subject.
type planCase struct {
	name           string
	form           string // default "B"
	asOf           string // default "2026-11-27"
	start          string // default "2025-04-01"
	periodStart    string // [review] period_start; default "2025-04-01"
	securityPolicy bool
	bespoke        bool
	toml           string
	// want maps "paragraph subject" to its checks and findings. Every
	// finding the file gives must be listed under some key.
	want map[string]planWant
}

// planWant: the checks, in the result's order, each "outcome" or
// "outcome deadline/margin"; and the findings, each "kind severity line".
type planWant struct {
	checks   []string
	findings []string
	message  string // part of every finding's message, when set
}

func (tc planCase) eval(t *testing.T) Result {
	t.Helper()
	ev := evidence.Load(mapFS{"plans.toml": tc.toml}.fs(), "evidence")
	for _, p := range ev.Documents.Problems {
		t.Fatalf("the case's TOML has a problem: %s: %s", p.Pos, p.Msg)
	}
	in := setup{form: tc.form, asOf: tc.asOf, securityPolicy: tc.securityPolicy, bespokeISMS: tc.bespoke}.inputWith(t, ev)
	if tc.start != "" {
		in.Config.Contract.StartDate = date(t, tc.start)
	}
	if tc.periodStart != "" {
		in.Config.Review.PeriodStart = date(t, tc.periodStart)
	}
	return Evaluate(in)
}

func runPlans(t *testing.T, tests []planCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.eval(t)
			var listed []string
			for key, w := range tc.want {
				para, subject, _ := strings.Cut(key, " ")
				var got []string
				for _, c := range checks(r, para, subject) {
					s := string(c.Outcome)
					if !c.Deadline.IsZero() {
						s += fmt.Sprintf(" %s/%d", c.Deadline.Format(time.DateOnly), c.Margin)
					}
					got = append(got, s)
				}
				if !slices.Equal(got, w.checks) {
					t.Errorf("%s: checks %q, want %q", key, got, w.checks)
					for _, c := range checks(r, para, subject) {
						t.Logf("  %s: %s", c.Pos, c.Detail)
					}
				}
				got = nil
				for _, f := range findings(r, para, subject) {
					got = append(got, fmt.Sprintf("%s %s %d", f.Kind, f.Severity, f.Pos.Line()))
				}
				if !slices.Equal(got, w.findings) {
					t.Errorf("%s: findings %q, want %q", key, got, w.findings)
					for _, f := range findings(r, para, subject) {
						t.Logf("  %s: %s", f.Pos, f.Message)
					}
				}
				for _, f := range findings(r, para, subject) {
					if !strings.Contains(f.Message, w.message) {
						t.Errorf("%s: message %q, want %q in it", key, f.Message, w.message)
					}
				}
				for _, f := range w.findings {
					listed = append(listed, key+" "+f)
				}
			}
			var all []string
			for _, f := range r.Findings {
				if f.Pos.File() == "evidence/plans.toml" {
					all = append(all, fmt.Sprintf("%s %s %s %s %d", f.Paragraph, f.Subject, f.Kind, f.Severity, f.Pos.Line()))
					if f.Message == "" {
						t.Errorf("finding %+v without a message", f)
					}
				}
			}
			slices.Sort(all)
			slices.Sort(listed)
			if !slices.Equal(all, listed) {
				t.Errorf("findings from plans.toml:\n%s\nwant:\n%s", strings.Join(all, "\n"), strings.Join(listed, "\n"))
				for _, f := range r.Findings {
					if f.Pos.File() == "evidence/plans.toml" {
						t.Logf("  %s %s: %s", f.Paragraph, f.Pos, f.Message)
					}
				}
			}
		})
	}
}

// toml joins lines into a file.
func planTOML(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// planReviewTOML is a [[<doc>.review]] table covering covers, with every
// result when delivered is given: 8 lines, or 3 with no delivery.
func planReviewTOML(doc, completed, covers, delivered string) string {
	lines := []string{"[[" + doc + ".review]]", "completed = " + completed, "covers = [" + covers + "]"}
	if delivered != "" {
		lines = append(lines, "results_delivered = "+delivered,
			`improvements = "a"`, `risk_assessment_updates = "b"`, `proposed_modifications = "c"`, `measurement_improvements = "d"`)
	}
	return strings.Join(lines, "\n")
}

const planAllTopics = `"good-practice", "service-changes", "security-policy", "threats", "client-requests"`

// A certified, extant ISMS submitted on time: lines 1-7.
const planISMSBase = `[isms]
type = "extant"
submitted = 2025-04-24
approved = 2025-05-09
[isms.certification]
name = "D H"
role = "CIO"`

// Submission: A.4.3.1, B.3.1, B.4.1. From Tue 1 Apr 2025, the 20th
// Working Day is Thu 1 May 2025, counted across Good Friday and Easter
// Monday (without them it would be Tue 29 Apr).
func TestPlanSubmission(t *testing.T) {
	smp := func(submitted string) string {
		if submitted == "" {
			return "[smp]\n"
		}
		return planTOML("[smp]", "submitted = "+submitted)
	}
	runPlans(t, []planCase{
		{name: "the 20th Working Day across Easter", asOf: "2025-05-10", toml: smp("2025-05-01"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"ok 2025-05-01/0"}}}},
		{name: "the 19th Working Day", asOf: "2025-05-10", toml: smp("2025-04-30"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"ok 2025-05-01/1"}}}},
		{name: "a Working Day late", asOf: "2025-05-10", toml: smp("2025-05-02"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 2"}}}},
		{name: "on the Saturday after the late Friday", asOf: "2025-05-10", toml: smp("2025-05-03"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 2"}}}},
		// From Wed 2 Apr 2025 the 20th Working Day is Fri 2 May 2025.
		{name: "the Saturday after a Friday deadline is 1 Working Day late", start: "2025-04-02", asOf: "2025-05-10", toml: smp("2025-05-03"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2025-05-02/-1"}, findings: []string{"violation high 2"}, message: "1 Working Day late"}}},
		{name: "none on the last day is due", asOf: "2025-05-01", toml: smp(""),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"due 2025-05-01/0"}}}},
		{name: "none the day after is a violation", asOf: "2025-05-02", toml: smp(""),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 1"}}}},
		{name: "dated after the as-of date is not submitted yet", asOf: "2025-05-02", toml: smp("2025-05-05"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 2"}}}},
		{name: "dated after an as-of date before the deadline is due", asOf: "2025-04-30", toml: smp("2025-05-01"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"due 2025-05-01/1"}}}},
		{name: "Part A", form: "A", asOf: "2025-05-10", toml: smp("2025-05-02"),
			want: map[string]planWant{"A.4.3.1 smp": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 2"}}, "B.4.1 smp": {}}},
		// From Wed 10 Dec 2025 the 20th Working Day is Mon 12 Jan 2026,
		// across Christmas Day, Boxing Day and New Year's Day.
		{name: "across Christmas: the last day", start: "2025-12-10", asOf: "2026-01-20", toml: smp("2026-01-12"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"ok 2026-01-12/0"}}}},
		{name: "across Christmas: the day after", start: "2025-12-10", asOf: "2026-01-20", toml: smp("2026-01-13"),
			want: map[string]planWant{"B.4.1 smp": {checks: []string{"gap 2026-01-12/-1"}, findings: []string{"violation high 2"}}}},
		{name: "the ISMS, late", asOf: "2025-05-10", toml: planTOML(strings.Replace(planISMSBase, "2025-04-24", "2025-05-02", 1)),
			want: map[string]planWant{"B.3.1 isms": {checks: []string{"gap 2025-05-01/-1"}, findings: []string{"violation high 3"}}}},
		{name: "the ISMS, on time", asOf: "2025-05-10", toml: planTOML(planISMSBase),
			want: map[string]planWant{"B.3.1 isms": {checks: []string{"ok 2025-05-01/5"}}}},
		{name: "the ISMS is not judged in Part A", form: "A", asOf: "2025-05-10", toml: "[isms]\n",
			want: map[string]planWant{"B.3.1 isms": {}, "B.3.4.6 isms": {}}},
	})
}

// Re-submission after a notice of non-approval: A.4.3.2, B.3.7 (bespoke
// ISMS), B.4.3. From a notice on Fri 2 May 2025 the 10th Working Day is
// Mon 19 May 2025, across the Early May bank holiday. B.4.3 also holds the
// approval check (first, at the [smp] line), due Thu 22 May 2025.
func TestPlanResubmission(t *testing.T) {
	smp := func(resubmitted string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30", "[[smp.non_approval]]", "notice = 2025-05-02"}
		if resubmitted != "" {
			lines = append(lines, "resubmitted = "+resubmitted)
		}
		return planTOML(lines...)
	}
	runPlans(t, []planCase{
		{name: "the 10th Working Day across the bank holiday", asOf: "2025-05-20", toml: smp("2025-05-19"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/2", "ok 2025-05-19/0"}}}},
		{name: "a Working Day late", asOf: "2025-05-20", toml: smp("2025-05-20"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/2", "gap 2025-05-19/-1"}, findings: []string{"violation high 5"}}}},
		// From a notice on Fri 9 May 2025 the 10th Working Day is Fri 23
		// May; approved on the day after, Mon 26 May is a bank holiday.
		{name: "the Saturday after a Friday deadline is 1 Working Day late", asOf: "2025-05-31",
			toml: planTOML("[smp]", "submitted = 2025-04-30", "approved = 2025-05-27", "[[smp.non_approval]]", "notice = 2025-05-09", "resubmitted = 2025-05-24"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/-2", "gap 2025-05-23/-1"}, findings: []string{"violation high 6", "note warning 3"}}}},
		{name: "on the Sunday before the deadline", asOf: "2025-05-20", toml: smp("2025-05-18"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/2", "ok 2025-05-19/1"}}}},
		{name: "none on the last day is due", asOf: "2025-05-19", toml: smp(""),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/3", "due 2025-05-19/0"}}}},
		{name: "none the day after is a violation", asOf: "2025-05-20", toml: smp(""),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/2", "gap 2025-05-19/-1"}, findings: []string{"violation high 3"}}}},
		{name: "a notice after the as-of date is not judged", asOf: "2025-05-01", toml: smp(""),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/14"}}}},
		{name: "Part A", form: "A", asOf: "2025-05-20", toml: smp("2025-05-20"),
			want: map[string]planWant{"A.4.3.2 smp": {checks: []string{"due 2025-05-22/2", "gap 2025-05-19/-1"}, findings: []string{"violation high 5"}}}},
		{name: "a bespoke ISMS", bespoke: true, asOf: "2025-05-20",
			toml: planTOML(strings.Replace(planISMSBase, `"extant"`, `"bespoke"`, 1), "[[isms.non_approval]]", "notice = 2025-05-02", "resubmitted = 2025-05-20"),
			want: map[string]planWant{"B.3.7 isms": {checks: []string{"ok 2025-05-16/5", "gap 2025-05-19/-1"}, findings: []string{"violation high 10"}}}},
		{name: "an extant ISMS: B.3.7 does not apply", asOf: "2025-05-20",
			toml: planTOML(planISMSBase, "[[isms.non_approval]]", "notice = 2025-05-02"),
			want: map[string]planWant{"B.3.7 isms": {}}},
	})
}

// Approval: the Parties' reasonable endeavours to approve within 15
// Working Days of the first submission (Wed 30 Apr 2025: by Thu 22 May
// 2025). A joint target: a miss is a note, and the check stays OK with its
// negative margin.
func TestPlanApproval(t *testing.T) {
	smp := func(approved string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30"}
		if approved != "" {
			lines = append(lines, "approved = "+approved)
		}
		return planTOML(lines...)
	}
	runPlans(t, []planCase{
		{name: "the 15th Working Day", asOf: "2025-06-30", toml: smp("2025-05-22"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/0"}}}},
		{name: "a Working Day later is a note", asOf: "2025-06-30", toml: smp("2025-05-23"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/-1"}, findings: []string{"note warning 3"}, message: "1 Working Day after the target"}}},
		{name: "the Saturday after the Friday target is 1 Working Day late", asOf: "2025-06-30", toml: smp("2025-05-24"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/-1"}, findings: []string{"note warning 3"}}}},
		{name: "the 17th, across the Spring bank holiday", asOf: "2025-06-30", toml: smp("2025-05-27"),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/-2"}, findings: []string{"note warning 3"}}}},
		{name: "pending on the last day is due", asOf: "2025-05-22", toml: smp(""),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"due 2025-05-22/0"}}}},
		{name: "pending the day after is a note", asOf: "2025-05-23", toml: smp(""),
			want: map[string]planWant{"B.4.3 smp": {checks: []string{"ok 2025-05-22/-1"}, findings: []string{"note warning 1"}}}},
		{name: "Part A", form: "A", asOf: "2025-06-30", toml: smp("2025-05-23"),
			want: map[string]planWant{"A.4.3.2 smp": {checks: []string{"ok 2025-05-22/-1"}, findings: []string{"note warning 3"}}}},
		{name: "a bespoke ISMS still pending", bespoke: true, asOf: "2025-06-30",
			toml: planTOML(strings.Replace(strings.Replace(planISMSBase, `"extant"`, `"bespoke"`, 1), "approved = 2025-05-09\n", "", 1)),
			want: map[string]planWant{"B.3.7 isms": {checks: []string{"ok 2025-05-16/-30"}, findings: []string{"note warning 1"}}}},
		{name: "an extant ISMS needs no approval", asOf: "2025-06-30",
			toml: planTOML(strings.Replace(planISMSBase, "approved = 2025-05-09\n", "", 1)),
			want: map[string]planWant{"B.3.7 isms": {}}},
	})
}

// A late approval, or one still pending after the target, leaves the
// paragraph covered when nothing else is wrong, and is still listed as a
// note; a late re-submission under the same paragraph still makes it a
// gap.
func TestPlanApprovalNote(t *testing.T) {
	for _, tt := range []struct {
		name, toml string
		status     Status
		kinds      []Kind
	}{
		{"approved late", planTOML("[smp]", "submitted = 2025-04-30", "approved = 2025-05-23"), Covered, []Kind{Note}},
		{"still pending", planTOML("[smp]", "submitted = 2025-04-30"), Covered, []Kind{Note}},
		{"approved on time", planTOML("[smp]", "submitted = 2025-04-30", "approved = 2025-05-22"), Covered, nil},
		{"approved late, re-submitted late", planTOML("[smp]", "submitted = 2025-04-30", "approved = 2025-06-02",
			"[[smp.non_approval]]", "notice = 2025-05-02", "resubmitted = 2025-05-20"), GapStatus, []Kind{Violation, Note}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := planCase{asOf: "2025-06-30", toml: tt.toml}.eval(t)
			var kinds []Kind
			for _, f := range findings(r, "B.4.3", "smp") {
				kinds = append(kinds, f.Kind)
			}
			if !slices.Equal(kinds, tt.kinds) {
				t.Errorf("B.4.3 findings %q, want %q", kinds, tt.kinds)
			}
			p := status(t, r, "B.4.3")
			if p.Status != tt.status {
				t.Errorf("B.4.3 %s (%s), want %s", p.Status, p.Reason, tt.status)
			}
		})
	}
}

// Annual review: no later than 12 Months after the approval (Thu 22 May
// 2025), then 12 Months after each review.
func TestPlanAnnualReview(t *testing.T) {
	smp := func(approved bool, reviews ...string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30"}
		if approved {
			lines = append(lines, "approved = 2025-05-22")
		}
		for _, r := range reviews {
			lines = append(lines, planReviewTOML("smp", r, planAllTopics, r))
		}
		return planTOML(lines...)
	}
	runPlans(t, []planCase{
		{name: "exactly 12 Months after the approval", asOf: "2026-06-01", toml: smp(true, "2026-05-22"),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"ok 2027-05-22/355"}}}},
		{name: "a day later is a violation", asOf: "2026-06-01", toml: smp(true, "2026-05-23"),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2027-05-23/356"}, findings: []string{"violation high 5"}}}},
		{name: "none, on the due day", asOf: "2026-05-22", toml: smp(true),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"ok 2026-05-22/0"}}}},
		{name: "none, the day after is stale", asOf: "2026-05-23", toml: smp(true),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2026-05-22/-1"}, findings: []string{"stale medium 3"}}}},
		{name: "never approved: from the first submission", asOf: "2026-05-01", toml: smp(false),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2026-04-30/-1"}, findings: []string{"stale medium 2"}},
				"B.4.3 smp": {checks: []string{"ok 2025-05-22/-239"}, findings: []string{"note warning 1"}}}},
		{name: "the second review late, the first on time", asOf: "2027-06-01", toml: smp(true, "2026-05-01", "2027-05-03"),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2028-05-03/337"}, findings: []string{"violation high 13"}}}},
		{name: "late and then overdue again", asOf: "2027-12-01", toml: smp(true, "2026-06-01"),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2027-06-01/-183"}, findings: []string{"violation high 5", "stale medium 5"}}}},
		{name: "a review after the as-of date does not count", asOf: "2026-05-23", toml: smp(true, "2026-06-01"),
			want: map[string]planWant{"B.5.1 smp": {checks: []string{"gap 2026-05-22/-1"}, findings: []string{"stale medium 3"}}}},
		{name: "Part A", form: "A", asOf: "2026-05-23", toml: smp(true),
			want: map[string]planWant{"A.4.4.1 smp": {checks: []string{"gap 2026-05-22/-1"}, findings: []string{"stale medium 3"}}}},
		{name: "the ISMS, from its submission when extant", asOf: "2026-04-25",
			toml: planTOML(strings.Replace(planISMSBase, "approved = 2025-05-09\n", "", 1)),
			want: map[string]planWant{"B.5.1 isms": {checks: []string{"gap 2026-04-24/-1"}, findings: []string{"stale medium 3"}}}},
	})
}

// Topics: every full review completed in the review period (period_start
// up to and including the as-of date) lists each topic it must reflect.
func TestPlanReviewTopics(t *testing.T) {
	const noThreats = `"good-practice", "service-changes", "security-policy", "client-requests"`
	const noPolicy = `"good-practice", "service-changes", "threats", "client-requests"`
	smp := func(reviews ...[2]string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30", "approved = 2025-05-22"}
		for _, r := range reviews {
			lines = append(lines, planReviewTOML("smp", r[0], r[1], r[0]))
		}
		return planTOML(lines...)
	}
	ok := planWant{checks: []string{"ok"}}
	runPlans(t, []planCase{
		{name: "threats missing: B.5.1.3 and B.5.1.5", asOf: "2026-06-30", toml: smp([2]string{"2026-05-01", noThreats}),
			want: map[string]planWant{
				"B.5.1.3 smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}},
				"B.5.1.5 smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}},
				"B.5.1.1 smp": ok, "B.5.1.2 smp": ok, "B.5.1.6 smp": ok, "B.5.1.4 smp": {}}},
		{name: "security policy missing where it does not apply", asOf: "2026-06-30", toml: smp([2]string{"2026-05-01", noPolicy}),
			want: map[string]planWant{"B.5.1.4 smp": {}, "B.5.1.3 smp": ok}},
		{name: "security policy missing where it applies", securityPolicy: true, asOf: "2026-06-30", toml: smp([2]string{"2026-05-01", noPolicy}),
			want: map[string]planWant{"B.5.1.4 smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}}}},
		// Two reviews, only the earlier without threats: the earlier is
		// still a finding (it used to be hidden by the later one).
		{name: "every review in the period is judged, not only the latest", asOf: "2026-06-30",
			toml: smp([2]string{"2025-11-03", noThreats}, [2]string{"2026-05-01", planAllTopics}),
			want: map[string]planWant{
				"B.5.1.3 smp": {checks: []string{"gap", "ok"}, findings: []string{"violation medium 6"}, message: "review of the Security Management Plan completed on Mon 3 Nov 2025"},
				"B.5.1.5 smp": {checks: []string{"gap", "ok"}, findings: []string{"violation medium 6"}},
				"B.5.1.1 smp": {checks: []string{"ok", "ok"}}}},
		{name: "a review completed on period_start is in the period", periodStart: "2025-11-03", asOf: "2026-06-30",
			toml: smp([2]string{"2025-11-03", noThreats}, [2]string{"2026-05-01", planAllTopics}),
			want: map[string]planWant{
				"B.5.1.3 smp": {checks: []string{"gap", "ok"}, findings: []string{"violation medium 6"}},
				"B.5.1.5 smp": {checks: []string{"gap", "ok"}, findings: []string{"violation medium 6"}}}},
		{name: "a review completed the day before period_start is not judged", periodStart: "2025-11-04", asOf: "2026-06-30",
			toml: smp([2]string{"2025-11-03", noThreats}, [2]string{"2026-05-01", planAllTopics}),
			want: map[string]planWant{"B.5.1.3 smp": ok, "B.5.1.5 smp": ok}},
		{name: "the latest by the as-of date", asOf: "2026-06-30", toml: smp([2]string{"2026-05-01", noThreats}, [2]string{"2026-07-01", planAllTopics}),
			want: map[string]planWant{"B.5.1.3 smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}},
				"B.5.1.5 smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}}}},
		{name: "Part A", form: "A", asOf: "2026-06-30", toml: smp([2]string{"2026-05-01", `"service-changes", "threats", "client-requests"`}),
			want: map[string]planWant{"A.4.4.1(a) smp": {checks: []string{"gap"}, findings: []string{"violation medium 6"}},
				"A.4.4.1(c) smp": {}, "A.4.4.1(d) smp": ok, "B.5.1.1 smp": {}}},
		{name: "no review yet: nothing to judge", asOf: "2026-05-01", toml: smp(),
			want: map[string]planWant{"B.5.1.1 smp": {}}},
		{name: "the ISMS", asOf: "2026-06-30", toml: planTOML(planISMSBase, planReviewTOML("isms", "2026-04-01", `"threats"`, "2026-04-02")),
			want: map[string]planWant{
				"B.5.1.1 isms": {checks: []string{"gap"}, findings: []string{"violation medium 10"}},
				"B.5.1.2 isms": {checks: []string{"gap"}, findings: []string{"violation medium 10"}},
				"B.5.1.6 isms": {checks: []string{"gap"}, findings: []string{"violation medium 10"}},
				"B.5.1.3 isms": ok}},
	})
}

// Results: delivered on or before the 20th Working Day after completion
// (this tool's reading of "as soon as reasonably practicable"), each
// required result recorded. From Thu 14 May 2026 the 20th Working Day is
// Fri 12 Jun 2026, across the Spring bank holiday.
func TestPlanReviewResults(t *testing.T) {
	smp := func(delivered string, drop ...string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30", "approved = 2025-05-22", "[[smp.review]]", "completed = 2026-05-14", "covers = [" + planAllTopics + "]"}
		if delivered != "" {
			lines = append(lines, "results_delivered = "+delivered)
			for _, k := range []string{"improvements", "risk_assessment_updates", "proposed_modifications", "measurement_improvements"} {
				if !slices.Contains(drop, k) {
					lines = append(lines, k+` = "x"`)
				}
			}
		}
		return planTOML(lines...)
	}
	ok := planWant{checks: []string{"ok"}}
	runPlans(t, []planCase{
		{name: "the 20th Working Day", asOf: "2026-07-01", toml: smp("2026-06-12"),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"ok 2026-06-12/0"}}, "B.5.2.1 smp": ok, "B.5.2.2 smp": ok, "B.5.2.3 smp": ok, "B.5.2.4 smp": ok}},
		{name: "a Working Day later is a warning", asOf: "2026-07-01", toml: smp("2026-06-15"),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"gap 2026-06-12/-1"}, findings: []string{"violation warning 7"}}}},
		{name: "the Saturday after the Friday deadline is 1 Working Day late", asOf: "2026-07-01", toml: smp("2026-06-13"),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"gap 2026-06-12/-1"}, findings: []string{"violation warning 7"}, message: "1 Working Day late"}}},
		{name: "none on the last day is due", asOf: "2026-06-12", toml: smp(""),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"due 2026-06-12/0"}}, "B.5.2.1 smp": {}}},
		{name: "none the day after", asOf: "2026-06-15", toml: smp(""),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"gap 2026-06-12/-1"}, findings: []string{"violation medium 4"}}, "B.5.2.1 smp": {}}},
		{name: "a result missing", asOf: "2026-07-01", toml: smp("2026-06-01", "measurement_improvements"),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"ok 2026-06-12/9"}},
				"B.5.2.4 smp": {checks: []string{"gap"}, findings: []string{"violation medium 4"}}, "B.5.2.3 smp": ok}},
		{name: "delivered after the as-of date: not yet", asOf: "2026-06-15", toml: smp("2026-06-16"),
			want: map[string]planWant{"B.5.2 smp": {checks: []string{"gap 2026-06-12/-1"}, findings: []string{"violation medium 7"}}, "B.5.2.1 smp": {}}},
		{name: "Part A asks for no modifications", form: "A", asOf: "2026-07-01", toml: smp("2026-06-12", "proposed_modifications", "improvements"),
			want: map[string]planWant{"A.4.4.2 smp": {checks: []string{"ok 2026-06-12/0"}},
				"A.4.4.2(a) smp": {checks: []string{"gap"}, findings: []string{"violation medium 4"}}, "A.4.4.2(b) smp": ok, "A.4.4.2(c) smp": ok}},
	})
}

// The ISMS's type agrees with config.toml's bespoke_isms.
func TestPlanISMSType(t *testing.T) {
	isms := func(typ string) string {
		if typ == "" {
			return planTOML(strings.Replace(planISMSBase, "type = \"extant\"\n", "", 1))
		}
		return planTOML(strings.Replace(planISMSBase, "extant", typ, 1))
	}
	runPlans(t, []planCase{
		{name: "extant, none stipulated", asOf: "2025-06-01", toml: isms("extant"),
			want: map[string]planWant{"B.3.3.1 isms": {checks: []string{"ok"}}, "B.3.3.2 isms": {}}},
		// B.3.3.1: where none was stipulated, an extant ISMS "may" be used,
		// so a bespoke one is allowed, not invalid.
		{name: "bespoke, none stipulated", asOf: "2025-06-01", toml: isms("bespoke"),
			want: map[string]planWant{"B.3.3.1 isms": {checks: []string{"ok"}}, "B.3.3.2 isms": {}, "B.3.7 isms": {}}},
		{name: "extant, bespoke stipulated", bespoke: true, asOf: "2025-06-01", toml: isms("extant"),
			want: map[string]planWant{"B.3.3.2 isms": {checks: []string{"gap"}, findings: []string{"violation high 2"}}, "B.3.3.1 isms": {},
				"B.3.7 isms": {checks: []string{"ok 2025-05-16/5"}}}},
		{name: "bespoke, bespoke stipulated", bespoke: true, asOf: "2025-06-01", toml: isms("bespoke"),
			want: map[string]planWant{"B.3.3.2 isms": {checks: []string{"ok"}}}},
		{name: "not recorded, none stipulated", asOf: "2025-06-01", toml: isms(""),
			want: map[string]planWant{"B.3.3.1 isms": {checks: []string{"gap"}, findings: []string{"missing low 1"}}}},
		{name: "not recorded, bespoke stipulated", bespoke: true, asOf: "2025-06-01", toml: isms(""),
			want: map[string]planWant{"B.3.3.2 isms": {checks: []string{"gap"}, findings: []string{"missing medium 1"}}}},
	})
}

// A bespoke ISMS where none was stipulated is allowed (B.3.3.1: an extant
// ISMS "may" be used): an OK check that says so, with no finding.
func TestPlanISMSBespokeAllowed(t *testing.T) {
	r := planCase{asOf: "2025-06-01", toml: planTOML(strings.Replace(planISMSBase, "extant", "bespoke", 1))}.eval(t)
	want{outcome: OK, deadline: "-", detail: "bespoke ISMS, where none was stipulated: allowed"}.verify(t, r, "B.3.3.1", "isms")
	if s := status(t, r, "B.3.3.1"); s.Status == GapStatus {
		t.Errorf("B.3.3.1 %s (%s), want no gap", s.Status, s.Reason)
	}
}

// Certification by a listed officer, a delegate of one, or an equivalent
// the Client agreed in writing.
func TestPlanISMSCertification(t *testing.T) {
	isms := func(cert ...string) string {
		lines := []string{"[smp]", "submitted = 2025-04-30", "approved = 2025-05-22",
			"[isms]", `type = "extant"`, "submitted = 2025-04-24"}
		if len(cert) > 0 {
			lines = append(append(lines, "[isms.certification]", `name = "D H"`), cert...)
		}
		return planTOML(lines...)
	}
	ok := planWant{checks: []string{"ok"}}
	runPlans(t, []planCase{
		{name: "the Chief Information Officer", asOf: "2025-06-01", toml: isms(`role = "Chief Information Officer"`), want: map[string]planWant{"B.3.4.6 isms": ok}},
		{name: "CSO", asOf: "2025-06-01", toml: isms(`role = "CSO"`), want: map[string]planWant{"B.3.4.6 isms": ok}},
		{name: "Chief Technology Officer", asOf: "2025-06-01", toml: isms(`role = "Chief Technology Officer"`), want: map[string]planWant{"B.3.4.6 isms": ok}},
		{name: "cfo", asOf: "2025-06-01", toml: isms(`role = "cfo"`), want: map[string]planWant{"B.3.4.6 isms": ok}},
		{name: "a CISO is not listed", asOf: "2025-06-01", toml: isms(`role = "CISO"`),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"gap"}, findings: []string{"violation high 9"}}}},
		{name: "a CISO with the CIO's delegated authority", asOf: "2025-06-01", toml: isms(`role = "CISO"`, `delegated_by = "Chief Information Officer"`),
			want: map[string]planWant{"B.3.4.6 isms": ok}},
		{name: "delegated by someone not listed", asOf: "2025-06-01", toml: isms(`role = "Head of IT"`, `delegated_by = "Chief Executive Officer"`),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"gap"}, findings: []string{"violation high 10"}}}},
		{name: "an equivalent agreed in writing", asOf: "2025-06-01", toml: isms(`role = "Managing Director"`, `equivalent_reference = "DRS/AGREE/1"`),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"exception"}}}},
		{name: "an equivalent agreed before the SMP was issued", asOf: "2025-06-01", toml: isms(`role = "Managing Director"`, `equivalent_reference = "DRS/AGREE/1"`, "equivalent_agreed = 2025-04-30"),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"exception"}}}},
		{name: "an equivalent agreed after the SMP was issued", asOf: "2025-06-01", toml: isms(`role = "Managing Director"`, `equivalent_reference = "DRS/AGREE/1"`, "equivalent_agreed = 2025-05-01"),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"gap"}, findings: []string{"violation high 11"}}}},
		{name: "no certification", asOf: "2025-06-01", toml: isms(),
			want: map[string]planWant{"B.3.4.6 isms": {checks: []string{"gap"}, findings: []string{"violation high 4"}}}},
	})
}

// The sample evidence/plans.toml gives exactly the findings its comments
// document, and its boundary cases pass on their last day.
func TestSamplePlansRules(t *testing.T) {
	const wd, d = "working days", "days"
	sampleCase{
		keep: from("evidence/plans.toml"),
		findings: []string{
			"B.5.1.1 violation medium smp 97", // the SMP review does not list good-practice
			"B.4.3 note warning smp 79",       // approved on the 17th Working Day, not the 15th: a note
		},
		pins: []pin{
			{"B.4.1", "smp", want{outcome: OK, deadline: "2025-05-01", margin: 1, unit: wd}},                    // the 19th Working Day
			{"B.4.3", "smp", want{part: "approved", outcome: OK, deadline: "2025-05-22", margin: -2, unit: wd}}, // the approval note
			// Re-submitted on the last day, across the Early May bank holiday.
			{"B.4.3", "smp", want{part: "re-submitted", outcome: OK, deadline: "2025-05-19", margin: 0, unit: wd}},
			{"B.5.1", "smp", want{outcome: OK, deadline: "2027-05-14", margin: 168, unit: d}},
			{"B.5.2", "smp", want{outcome: OK, deadline: "2026-06-12", margin: 0, unit: wd}}, // the 20th Working Day, across the Spring bank holiday
			{"B.3.1", "isms", want{outcome: OK, deadline: "2025-05-01", margin: 5, unit: wd}},
			{"B.5.1", "isms", want{outcome: OK, deadline: "2027-03-26", margin: 119, unit: d}},
			{"B.5.2", "isms", want{outcome: OK, deadline: "2026-04-27", margin: 12, unit: wd}},
			{"B.3.4.6", "isms", want{outcome: OK, deadline: "-"}},
			{"B.3.3.1", "isms", want{outcome: OK, deadline: "-"}},
		},
		status: map[string]Status{
			"B.4.1": Covered, "B.4.3": Covered, "B.5.1": Covered, "B.5.1.1": GapStatus, "B.5.1.3": Covered, "B.5.1.4": NA,
			"B.5.2": Covered, "B.5.2.3": Covered, "B.3.1": Covered, "B.3.4.6": Covered, "B.3.7": NA, "B.3.3.2": NA,
		},
	}.run(t)
}

// Every rule's paragraphs are in the schedule.
func TestPlansDocs(t *testing.T) {
	s, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	if len(plansDocs()) == 0 {
		t.Fatal("no docs")
	}
	for _, d := range plansDocs() {
		if d.Text == "" || len(d.Paragraphs) == 0 || d.Register != "" {
			t.Errorf("doc %+v", d)
		}
		for _, p := range d.Paragraphs {
			if _, ok := s.Lookup(p); !ok {
				t.Errorf("doc names %s, not in the schedule", p)
			}
		}
	}
}
