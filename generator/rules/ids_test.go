package rules

import (
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
)

// idsOf maps each finding about the subjects to its ID, by subject, kind
// and paragraph.
func idsOf(t *testing.T, r Result) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range r.Findings {
		k := f.Subject + " " + string(f.Kind) + " " + f.Paragraph
		if _, dup := out[k]; dup {
			t.Fatalf("two findings %s", k)
		}
		if !strings.HasPrefix(f.ID, "F-") || len(f.ID) != 2+idLength {
			t.Errorf("%s: ID %q, want F- and %d hex digits", k, f.ID, idLength)
		}
		out[k] = f.ID
	}
	return out
}

// A finding keeps its ID when rows move, rows are added above it or the
// as-of date moves; it gets another when its subject or column changes.
func TestFindingIDs(t *testing.T) {
	late := person(t, "NS-2", map[string]string{"Criminal Record Check": "2025-05-01"})
	bad := person(t, "NS-3", map[string]string{"Identity Check": "tbc"})
	ok := person(t, "NS-1", nil)
	base := idsOf(t, setup{staff: []string{ok, late, bad}}.eval(t))
	lateKey, badKey := "NS-2 violation B.Annex1.6.1", "NS-3 invalid B.Annex1.6.1"
	if base[lateKey] == "" || base[badKey] == "" || base[lateKey] == base[badKey] {
		t.Fatalf("findings: %v", base)
	}
	same := []struct {
		name string
		s    setup
	}{
		{"rows reordered", setup{staff: []string{bad, late, ok}}},
		{"rows added above", setup{staff: []string{person(t, "NS-0", nil), person(t, "NS-00", nil), ok, late, bad}}},
		{"as-of date moved", setup{staff: []string{ok, late, bad}, asOf: "2027-01-15"}},
		{"subject in another case", setup{staff: []string{ok, strings.Replace(late, "NS-2", "ns-2", 1), bad}}},
	}
	for _, tt := range same {
		got := idsOf(t, tt.s.eval(t))
		for _, k := range []string{badKey} {
			if got[k] != base[k] {
				t.Errorf("%s: %s is %q, was %q", tt.name, k, got[k], base[k])
			}
		}
		lk := lateKey
		if tt.name == "subject in another case" {
			lk = strings.Replace(lateKey, "NS-2", "ns-2", 1)
		}
		if got[lk] != base[lateKey] {
			t.Errorf("%s: %s is %q, was %q", tt.name, lk, got[lk], base[lateKey])
		}
	}
	// Another subject, or the same subject's other column, is another finding.
	other := idsOf(t, setup{staff: []string{ok, strings.Replace(late, "NS-2", "NS-22", 1), person(t, "NS-3", map[string]string{"Criminal Record Check": "tbc"})}}.eval(t))
	if id := other["NS-22 violation B.Annex1.6.1"]; id == "" || id == base[lateKey] {
		t.Errorf("another subject: %q, the same as NS-2's %q", id, base[lateKey])
	}
	if id := other[badKey]; id == "" || id == base[badKey] {
		t.Errorf("another column: %q, the same as Identity Check's %q", id, base[badKey])
	}
}

// The ID never hashes the message; the paragraph, kind and subject do.
// Findings alike in all these are numbered in the order of the file.
func TestFindingIDKey(t *testing.T) {
	ev := &evidence.Evidence{}
	pos := diag.At("governance.toml", 12, 0)
	f := Finding{Paragraph: "B.2.7", Kind: Stale, Subject: "security_policy", Pos: pos, Message: "last reviewed 13 months ago"}
	reworded, moved := f, f
	reworded.Message = "the policy's last review is more than 12 Months old"
	moved.Pos = diag.At("policies.toml", 3, 0) // the section moved to another file
	otherKind, otherPara := f, f
	otherKind.Kind = Violation
	otherPara.Paragraph = "B.2.6"
	fs := []Finding{f, reworded, moved, otherKind, otherPara}
	for i := range fs {
		one := []Finding{fs[i]}
		assignIDs(one, ev)
		fs[i].ID = one[0].ID
	}
	if fs[1].ID != fs[0].ID || fs[2].ID != fs[0].ID {
		t.Errorf("reworded %q or moved %q, want %q", fs[1].ID, fs[2].ID, fs[0].ID)
	}
	if fs[3].ID == fs[0].ID || fs[4].ID == fs[0].ID {
		t.Errorf("another kind %q or paragraph %q shares %q", fs[3].ID, fs[4].ID, fs[0].ID)
	}
	// Two alike in one build: the second in the file is the first's ID -2.
	second := f
	second.Pos = diag.At("governance.toml", 40, 0)
	both := []Finding{second, f}
	assignIDs(both, ev)
	if both[1].ID != fs[0].ID || both[0].ID != fs[0].ID+"-2" {
		t.Errorf("alike findings: %q and %q, want %q and %q-2", both[1].ID, both[0].ID, fs[0].ID, fs[0].ID)
	}
}

// The review period frames the verdict: a duty done late before it began
// is set aside; one still open when it began, or done late within it,
// counts.
func TestReviewPeriod(t *testing.T) {
	lateBefore := person(t, "NS-1", map[string]string{"Criminal Record Check": "2025-05-01"}) // done late, before the period
	lateOnStart := person(t, "NS-2", map[string]string{"Criminal Record Check": "2025-06-02"})
	tests := []struct {
		name       string
		staff      []string
		wantBefore []string // subjects set aside
		wantCount  []string // subjects that count
		status     Status
	}{
		{"done late before the period: set aside", []string{lateBefore}, []string{"NS-1"}, nil, Covered},
		{"done late on the period's first day: counts", []string{lateOnStart}, nil, []string{"NS-2"}, GapStatus},
		{"never done, so open when the period began: counts", []string{person(t, "NS-3", map[string]string{"Criminal Record Check": ""})}, nil, []string{"NS-3"}, GapStatus},
		{"one of each", []string{lateBefore, lateOnStart}, []string{"NS-1"}, []string{"NS-2"}, GapStatus},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := setup{staff: tt.staff, periodStart: "2025-06-02"}.eval(t)
			var before, count []string
			for _, f := range where(r.Findings, func(f Finding) bool { return f.Paragraph == "B.Annex1.6.1" }) {
				if f.Before {
					before = append(before, f.Subject)
				} else {
					count = append(count, f.Subject)
				}
			}
			if strings.Join(before, ",") != strings.Join(tt.wantBefore, ",") || strings.Join(count, ",") != strings.Join(tt.wantCount, ",") {
				t.Errorf("set aside %q, counted %q; want %q and %q", before, count, tt.wantBefore, tt.wantCount)
			}
			for _, c := range where(r.Checks, func(c Check) bool { return c.Paragraph == "B.Annex1.6.1" }) {
				set := strings.Contains(strings.Join(tt.wantBefore, ","), c.Subject)
				if set && c.Outcome != Earlier || !set && c.Outcome == Earlier {
					t.Errorf("%s's check: %s", c.Subject, c.Outcome)
				}
			}
			p := status(t, r, "B.Annex1.6.1")
			if p.Status != tt.status {
				t.Errorf("status %s (%s), want %s", p.Status, p.Reason, tt.status)
			}
			if len(tt.wantBefore) > 0 && !strings.Contains(p.Reason, "set aside: done late, but before this review period began on 2025-06-02") {
				t.Errorf("reason %q does not say what was set aside", p.Reason)
			}
		})
	}
	// With the period starting at the contract's start, nothing is set aside.
	for _, f := range (setup{staff: []string{lateBefore}}).eval(t).Findings {
		if f.Before {
			t.Errorf("set aside with no earlier period: %+v", f)
		}
	}
}
