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
		want              govWant
	}{
		{"no expiry", "2020-01-01", "", "2026-11-27", govWant{outcome: OK}},
		{"expires on the as-of date", "2025-11-27", "expires = 2026-11-27\n", "2026-11-27", govWant{OK, "2026-11-27", 0, nil}},
		{"expired the day before", "2025-11-27", "expires = 2026-11-26\n", "2026-11-27", govWant{Gap, "2026-11-26", -1, []string{"stale medium 7"}}},
		{"review on the as-of date", "2025-11-27", "review_months = 12\n", "2026-11-27", govWant{OK, "2026-11-27", 0, nil}},
		{"review the day before", "2025-11-26", "review_months = 12\n", "2026-11-27", govWant{Gap, "2026-11-26", -1, []string{"stale medium 5"}}},
		{"31 Aug + 6 Months, last day", "2025-08-31", "review_months = 6\n", "2026-02-28", govWant{OK, "2026-02-28", 0, nil}},
		{"31 Aug + 6 Months, first stale day", "2025-08-31", "review_months = 6\n", "2026-03-01", govWant{Gap, "2026-02-28", -1, []string{"stale medium 5"}}},
		{"1 Month", "2026-10-31", "review_months = 1\n", "2026-11-30", govWant{OK, "2026-11-30", 0, nil}},
		{"dated on the as-of date", "2026-11-27", "review_months = 1\n", "2026-11-27", govWant{OK, "2026-12-27", 30, nil}},
		{"dated after the as-of date", "2026-11-28", "", "2026-11-27", govWant{Gap, "", 0, []string{"invalid medium 5"}}},
		{"unreadable date", "\"soon\"", "", "2026-11-27", govWant{findings: []string{"invalid medium 5"}}},
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
			got = append(got, fmt.Sprintf("%q %s %d", f.Paragraph, f.Kind, f.Pos.Line))
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
	if got := govFindings(r, "B.3.4.3(d)", "EV-1"); !slices.Equal(got, []string{"stale medium 12"}) {
		t.Errorf("B.3.4.3(d) findings %q", got)
	}
	// In a Part A build, A.3.4 is judged and the Part B ids are not.
	r = gov{src: src, form: "A"}.eval(t)
	got = nil
	for _, f := range r.Findings {
		if f.Subject == "EV-1" {
			got = append(got, fmt.Sprintf("%q %s %d", f.Paragraph, f.Kind, f.Pos.Line))
		}
	}
	if want := []string{`"" invalid 7`, `"A.3.4" stale 12`}; !slices.Equal(got, want) {
		t.Errorf("Part A findings %q, want %q", got, want)
	}
}

// The sample governance evidence yields exactly the findings documented
// in evidence/governance.toml and evidence/evidence-items.toml.
func TestGovernanceSample(t *testing.T) {
	r := Evaluate(sampleInput(t))
	var got []string
	for _, f := range r.Findings {
		if strings.HasSuffix(f.Pos.File, "/governance.toml") || strings.HasSuffix(f.Pos.File, "/evidence-items.toml") {
			got = append(got, fmt.Sprintf("%s %s %s %s %s", f.Paragraph, f.Kind, f.Severity, f.Subject, f.Pos))
		}
	}
	slices.Sort(got)
	want := []string{
		" invalid medium EV-027 evidence/evidence-items.toml:322",                    // B.Annex1.6.6 does not exist
		"B.2.3 violation medium representatives evidence/governance.toml:44",         // the Client's placeholder
		"B.2.3.1 violation medium representatives evidence/governance.toml:44",       // the same, on the placeholder
		"B.2.6 stale medium EV-003 evidence/evidence-items.toml:81",                  // Cyber Essentials Plus expired
		"B.2.7 stale medium security_policy evidence/governance.toml:74",             // reviewed 13 Months ago
		"B.3.4.3(c) stale medium EV-003 evidence/evidence-items.toml:81",             // Cyber Essentials Plus expired
		"B.3.4.5 violation high vulnerability_policy evidence/governance.toml:140",   // no exception-approval
		"B.Annex1.8.1.1 violation medium audit_logging evidence/governance.toml:183", // routers: no reason
		"B.Annex1.8.1.2 violation high audit_logging evidence/governance.toml:187",   // no remote-session-end
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The boundaries pass: 6 Months retention, the request supplied on
	// its last day over a bank holiday, EV-009 on its last current day.
	for _, c := range []struct {
		para, subject, deadline string
		margin                  int
	}{
		{"B.2.7", "security_policy.request[1]", "2026-05-29", 0},
		{"B.3.4.3(i)", "EV-009", "2026-11-27", 0},
	} {
		cs := checks(r, c.para, c.subject)
		if len(cs) != 1 || cs[0].Outcome != OK || cs[0].Deadline.Format("2006-01-02") != c.deadline || cs[0].Margin != c.margin {
			t.Errorf("%s %s checks %+v, want ok by %s with margin %d", c.para, c.subject, cs, c.deadline, c.margin)
		}
	}
	if cs := checks(r, "B.Annex1.8.3", "audit_logging"); len(cs) != 1 || cs[0].Outcome != OK {
		t.Errorf("B.Annex1.8.3 checks %+v, want ok", cs)
	}
	if cs := checks(r, "B.Annex1.8.1.1", "audit_logging"); len(cs) != 1 || !strings.Contains(cs[0].Detail, "DHCP servers not applicable") {
		t.Errorf("B.Annex1.8.1.1 checks %+v, want DHCP servers not applicable", cs)
	}
}
