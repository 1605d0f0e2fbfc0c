package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// item is one [[evidence]] table whose header is on line 1 and whose
// paragraphs are on line 4, date on line 5, and any extra key on line 7.
func item(paras, date, extra string) string {
	return "[[evidence]]\nid = \"EV-1\"\ntitle = \"Certificate\"\nparagraphs = [" + paras + "]\ndate = " + date + "\nowner = \"o\"\n" + extra
}

// Items go stale the day after expires, or after date + review_months
// Months (clamped at a month's end); they are invalid dated after the
// as-of date.
func TestItemBoundaries(t *testing.T) {
	tests := []struct {
		name              string
		date, extra, asOf string
		want              want
	}{
		{"no expiry", "2020-01-01", "", "2026-11-27", want{outcome: OK}},
		{"expires on the as-of date", "2025-11-27", "expires = 2026-11-27\n", "2026-11-27", want{outcome: OK, deadline: "2026-11-27", margin: 0}},
		{"expired the day before", "2025-11-27", "expires = 2026-11-26\n", "2026-11-27", want{outcome: Gap, deadline: "2026-11-26", margin: -1, findings: []string{"stale medium 7"}}},
		{"review on the as-of date", "2025-11-27", "review_months = 12\n", "2026-11-27", want{outcome: OK, deadline: "2026-11-27", margin: 0}},
		{"review the day before", "2025-11-26", "review_months = 12\n", "2026-11-27", want{outcome: Gap, deadline: "2026-11-26", margin: -1, findings: []string{"stale medium 5"}}},
		{"31 Aug + 6 Months, last day", "2025-08-31", "review_months = 6\n", "2026-02-28", want{outcome: OK, deadline: "2026-02-28", margin: 0}},
		{"31 Aug + 6 Months, first stale day", "2025-08-31", "review_months = 6\n", "2026-03-01", want{outcome: Gap, deadline: "2026-02-28", margin: -1, findings: []string{"stale medium 5"}}},
		{"1 Month", "2026-10-31", "review_months = 1\n", "2026-11-30", want{outcome: OK, deadline: "2026-11-30", margin: 0}},
		{"dated on the as-of date", "2026-11-27", "review_months = 1\n", "2026-11-27", want{outcome: OK, deadline: "2026-12-27", margin: 30}},
		{"dated after the as-of date", "2026-11-28", "", "2026-11-27", gap("invalid medium 5")},
		{"unreadable date", "\"soon\"", "", "2026-11-27", noCheck("invalid medium 5")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: item(`"B.2.6"`, tt.date, tt.extra), asOf: tt.asOf}.eval(t)
			tt.want.verify(t, r, "B.2.6", "EV-1")
		})
	}
}

// An item is judged against each paragraph it names that is in the form
// and applies; an id not in the schedule is an invalid finding about no
// paragraph, at the id's line.
func TestItemParagraphs(t *testing.T) {
	src := "[[evidence]]\nid = \"EV-1\"\ntitle = \"t\"\nparagraphs = [\n  \"B.2.6\",\n  \"A.3.4\",\n  \"B.9.9\",\n  \"B.3.4.3(d)\",\n  \"B.Annex1.5.1\",\n]\ndate = 2025-01-01\nexpires = 2025-12-31\nowner = \"o\"\n"
	r := gov{src: src}.eval(t)
	var got []string
	for _, f := range r.Findings {
		if f.Subject == "EV-1" {
			got = append(got, fmt.Sprintf("%q %s %d", f.Paragraph, f.Kind, f.Pos.Line()))
		}
	}
	want := []string{
		`"" invalid 7`,            // no such paragraph (sorted first: no paragraph)
		`"B.2.6" stale 12`,        // Part B, applies
		`"B.Annex1.5.1" stale 12`, // Part B, applies
		// A.3.4 is Part A; B.3.4.3(d) is not applicable (security_policy = false).
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	for _, f := range r.Findings {
		if f.Subject == "EV-1" && f.Paragraph == "" && !strings.Contains(f.Message, `no paragraph "B.9.9"`) {
			t.Errorf("message %q", f.Message)
		}
	}
	var paras []string
	for _, c := range r.Checks {
		if c.Subject == "EV-1" {
			paras = append(paras, c.Paragraph+" "+string(c.Outcome)+" "+c.Source)
		}
	}
	if want := []string{"B.2.6 gap document", "B.Annex1.5.1 gap document"}; !slices.Equal(paras, want) {
		t.Errorf("checks %q, want %q", paras, want)
	}
	// With the Security Policy required, B.3.4.3(d) applies.
	r = gov{src: src, securityPolicy: true}.eval(t)
	gap("stale medium 12").verify(t, r, "B.3.4.3(d)", "EV-1")
	// In a Part A build, A.3.4 is judged and the Part B ids are not.
	r = gov{src: src, form: "A"}.eval(t)
	got = nil
	for _, f := range r.Findings {
		if f.Subject == "EV-1" {
			got = append(got, fmt.Sprintf("%q %s %d", f.Paragraph, f.Kind, f.Pos.Line()))
		}
	}
	if want := []string{`"" invalid 7`, `"A.3.4" stale 12`}; !slices.Equal(got, want) {
		t.Errorf("Part A findings %q, want %q", got, want)
	}
}

// The sample governance evidence yields exactly the findings documented
// in evidence/governance.toml and evidence/evidence-items.toml.
func TestGovernanceSample(t *testing.T) {
	sampleCase{
		keep: from("evidence/governance.toml"),
		findings: []string{
			"B.3.4.5 violation high vulnerability_policy 140",   // no exception-approval
			"B.Annex1.8.1.2 violation high audit_logging 187",   // no remote-session-end
			"B.2.3 violation medium representatives 44",         // the Client's placeholder
			"B.2.3.1 violation medium representatives 44",       // the same, on the placeholder
			"B.2.7 stale medium security_policy 74",             // reviewed 13 Months ago
			"B.Annex1.8.1.1 violation medium audit_logging 183", // routers: no reason
		},
		// The boundaries pass: 6 Months retention, the request supplied on
		// its last day over a bank holiday.
		pins: []pin{
			{"B.2.7", "security_policy.request[1]", want{outcome: OK, deadline: "2026-05-29", margin: 0}},
			{"B.Annex1.8.3", "audit_logging", want{outcome: OK}},
			{"B.Annex1.8.1.1", "audit_logging", want{outcome: Gap, detail: "DHCP servers not applicable"}},
		},
	}.run(t)
	sampleCase{
		keep: from("evidence/evidence-items.toml"),
		findings: []string{
			" invalid medium EV-027 322",        // B.Annex1.6.6 does not exist
			"B.2.6 stale medium EV-003 81",      // Cyber Essentials Plus expired
			"B.3.4.3(c) stale medium EV-003 81", // Cyber Essentials Plus expired
		},
		// EV-009 on its last current day.
		pins: []pin{{"B.3.4.3(i)", "EV-009", want{outcome: OK, deadline: "2026-11-27", margin: 0}}},
	}.run(t)
}

// A problem in the governance evidence whose paragraphs are all outside
// the form, or not applicable, is still an invalid finding: filed once
// with no paragraph, at its line, about its item or section. A problem
// with a paragraph that applies is filed against that paragraph alone.
func TestProblemsOutsideTheForm(t *testing.T) {
	tests := []struct {
		name           string
		form           string
		securityPolicy bool
		src            string
		want           []string // findings from g.toml: "paragraph kind line subject"
	}{
		{"an item about a Part A paragraph only", "B", false,
			item(`"A.3.4"`, `2025-01-01`, "summary = 3\n"),
			[]string{` invalid 7 EV-1`}},
		{"an item about a paragraph that does not apply", "B", false,
			item(`"B.3.4.3(d)"`, `2025-01-01`, "summary = 3\n"),
			[]string{` invalid 7 EV-1`}},
		{"the same item where the paragraph applies", "B", true,
			item(`"B.3.4.3(d)"`, `2025-01-01`, "summary = 3\n"),
			[]string{`B.3.4.3(d) invalid 7 EV-1`}},
		{"an item about two paragraphs outside: one finding", "B", false,
			item(`"A.3.4", "B.3.4.3(d)"`, `2025-01-01`, "summary = 3\n"),
			[]string{` invalid 7 EV-1`}},
		{"an item about one paragraph in and one outside: against the one in", "B", false,
			item(`"A.3.4", "B.2.6"`, `2025-01-01`, "summary = 3\n"),
			[]string{`B.2.6 invalid 7 EV-1`}},
		{"an item about a Part A paragraph, dated after the as-of date", "B", false,
			item(`"A.3.4"`, `2026-11-28`, ""),
			[]string{` invalid 5 EV-1`}},
		{"an ISMS section in a Part A contract", "A", false,
			"[isms]\ntype = 3\nsubmitted = 2025-04-24\n",
			[]string{` invalid 2 isms`}},
		{"a Part B section reviewed after the as-of date, in a Part A contract", "A", false,
			"[security_policy]\nversion = \"1\"\nlast_reviewed = 2026-11-28\n",
			[]string{` invalid 3 security_policy`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := gov{src: tt.src, form: tt.form, securityPolicy: tt.securityPolicy}.eval(t)
			var got []string
			for _, f := range r.Findings {
				if f.Pos.File() == "evidence/g.toml" {
					got = append(got, fmt.Sprintf("%s %s %d %s", f.Paragraph, f.Kind, f.Pos.Line(), f.Subject))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings %q, want %q", got, tt.want)
				for _, f := range r.Findings {
					if f.Pos.File() == "evidence/g.toml" {
						t.Logf("  %s %s: %s", f.Paragraph, f.Pos, f.Message)
					}
				}
			}
		})
	}
}
