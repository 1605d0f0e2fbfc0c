package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
)

// Annex 1 6.5 for elevated privileges: revoked within 1 Working Day after
// the holder no longer needs it or leaves, whichever is first. The
// register's columns: A Grant ID, B Staff ID, ... F No Longer Needed On,
// G Revoked On.
func TestPrivilegeRevocation(t *testing.T) {
	staff := []string{
		person(t, "NS-1", nil),
		// Left Friday 22 May 2026; Monday 25 May is the Spring bank holiday.
		person(t, "NS-2", map[string]string{"End Date": "2026-05-22", "Access Revoked": "2026-05-26"}),
	}
	grant := func(set map[string]string) string {
		return exampleRow(t, "privileges", "PRV-1", map[string]string{"Staff ID": "NS-1"}, set)
	}
	ended := func(notNeeded, revoked string) string {
		return grant(map[string]string{"No Longer Needed On": notNeeded, "Revoked On": revoked})
	}
	for _, tt := range []struct {
		name     string
		asOf     string
		row      string
		want     want
		deadline string // "" for none
		margin   int
		message  string // a part of the finding's message
	}{
		{name: "still needed", row: grant(nil), want: want{outcome: OK}},
		{name: "needed until after the as-of date", asOf: "2026-11-27", row: ended("2026-12-01", ""), want: want{outcome: OK}},
		{name: "not needed from a Friday, revoked the Monday: the last day", row: ended("2026-10-30", "2026-11-02"),
			want: want{outcome: OK}, deadline: "2026-11-02", margin: 0},
		{name: "revoked the day the need ended", row: ended("2026-10-30", "2026-10-30"), want: want{outcome: OK}, deadline: "2026-11-02", margin: 1},
		{name: "revoked the Tuesday: 1 Working Day late", row: ended("2026-10-30", "2026-11-03"),
			want: gap("violation high G2"), deadline: "2026-11-02", margin: -1, message: "revoked on Tue 3 Nov 2026, 1 Working Day late"},
		{name: "revoked the Saturday after a Friday deadline: 1 Working Day late", row: ended("2026-10-29", "2026-10-31"),
			want: gap("violation high G2"), deadline: "2026-10-30", margin: -1},
		{name: "not revoked, as of the deadline", asOf: "2026-11-02", row: ended("2026-10-30", ""),
			want: want{outcome: Due}, deadline: "2026-11-02", margin: 0},
		{name: "not revoked, as of the day after", asOf: "2026-11-03", row: ended("2026-10-30", ""),
			want: gap("violation high G2"), deadline: "2026-11-02", margin: -1, message: "was not revoked: no longer needed on Fri 30 Oct 2026"},
		{name: "across Easter", row: ended("2026-04-02", "2026-04-07"), want: want{outcome: OK}, deadline: "2026-04-07", margin: 0},
		{name: "a leaver's End Date counts", row: grant(map[string]string{"Staff ID": "NS-2", "Revoked On": "2026-05-27"}),
			want: gap("violation high G2"), deadline: "2026-05-26", margin: -1, message: "the holder left on Fri 22 May 2026"},
		{name: "the earlier of no longer needed and left", row: grant(map[string]string{"Staff ID": "NS-2", "No Longer Needed On": "2026-06-30", "Revoked On": "2026-05-26"}),
			want: want{outcome: OK}, deadline: "2026-05-26", margin: 0},
		{name: "revoked before it was granted: invalid, not judged", row: ended("2026-10-30", "2026-01-05"),
			want: want{findings: []string{"invalid medium G2"}}},
		{name: "a Staff ID not in the staff register: invalid, judged by its own date", row: grant(map[string]string{"Staff ID": "NS-9", "No Longer Needed On": "2026-10-30", "Revoked On": "2026-11-02"}),
			want: want{outcome: OK, findings: []string{"invalid medium B2"}}, deadline: "2026-11-02", margin: 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := registersInput(t, "B", tt.asOf, map[string][]string{"staff": staff, "privileges": {tt.row}})
			res := Evaluate(r)
			tt.want.verify(t, res, evidence.ParaRevocation, "PRV-1")
			cs := checks(res, evidence.ParaRevocation, "PRV-1")
			if len(cs) == 1 {
				got := ""
				if !cs[0].Deadline.IsZero() {
					got = cs[0].Deadline.Format(time.DateOnly)
				}
				if got != tt.deadline || cs[0].Margin != tt.margin {
					t.Errorf("deadline %q margin %d, want %q %d (%s)", got, cs[0].Margin, tt.deadline, tt.margin, cs[0].Detail)
				}
			}
			if fs := findings(res, evidence.ParaRevocation, "PRV-1"); tt.message != "" && (len(fs) == 0 || !strings.Contains(fs[0].Message, tt.message)) {
				t.Errorf("findings %+v, want a message with %q", fs, tt.message)
			}
		})
	}
}

// Part A has no Annex 1: the register is not judged.
func TestPrivilegesFormA(t *testing.T) {
	row := exampleRow(t, "privileges", "PRV-1", map[string]string{"No Longer Needed On": "2026-01-05"})
	r := Evaluate(registersInput(t, "A", "", map[string][]string{"privileges": {row}}))
	for _, c := range r.Checks {
		t.Errorf("form A check %+v", c)
	}
	for _, f := range r.Findings {
		if f.Subject == "PRV-1" || f.Pos.File == "evidence/privileges.xlsx" {
			t.Errorf("form A finding %+v", f)
		}
	}
}

// The sample's privileged access register: its boundary rows, as
// documented in package internal/sample (its findings are pinned with the
// other Annex 1 6 findings in TestSample).
func TestSamplePrivileges(t *testing.T) {
	r := Evaluate(sampleInput(t))
	for _, w := range []struct {
		subject  string
		outcome  Outcome
		deadline string
		margin   int
	}{
		{"PRV-0004", OK, "2025-11-03", 0},    // no longer needed Friday, revoked Monday
		{"PRV-0005", Gap, "2026-04-07", -1},  // 1: across Easter, a day late
		{"PRV-0006", OK, "2025-07-01", 1},    // a leaver, revoked on the End Date
		{"PRV-0007", Gap, "2026-09-21", -49}, // 2: 49 Working Days overdue
		{"PRV-0008", Due, "2026-11-30", 1},   // no longer needed on the as-of date
		{"PRV-0009", OK, "2026-05-26", 0},    // a leaver, after the Spring bank holiday
		{"PRV-0001", OK, "", 0},              // still needed
	} {
		cs := checks(r, evidence.ParaRevocation, w.subject)
		if len(cs) != 1 {
			t.Errorf("%s: %d checks", w.subject, len(cs))
			continue
		}
		d := ""
		if !cs[0].Deadline.IsZero() {
			d = cs[0].Deadline.Format(time.DateOnly)
		}
		if cs[0].Outcome != w.outcome || d != w.deadline || cs[0].Margin != w.margin {
			t.Errorf("%s: %s, deadline %q, margin %d; want %s, %q, %d (%s)", w.subject, cs[0].Outcome, d, cs[0].Margin, w.outcome, w.deadline, w.margin, cs[0].Detail)
		}
	}
}
