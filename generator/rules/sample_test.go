package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// TestSample evaluates the checked-in sample evidence, whose findings are
// documented one by one in package internal/sample.
func TestSample(t *testing.T) {
	r := Evaluate(sampleInput(t))
	var got []string
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Paragraph, "B.Annex1.6.") {
			got = append(got, fmt.Sprintf("%s %s %s %s %s", f.Paragraph[len("B.Annex1."):], f.Kind, f.Severity, f.Subject, f.Pos.Cell))
		}
	}
	want := []string{
		"6.1 violation high NS-0011 K12", // 1: right to work after the start
		"6.1 violation high NS-0015 J16", // 2: no criminal record check
		"6.3 violation high NS-0005 N6",  // 3: SC expired
		"6.3 violation high NS-0019 M20", // 5: BPSS held, CTC required
		"6.4 violation high NS-0026 G27", // 6: no training
		"6.5 violation high NS-0035 O36", // 7: late over Christmas
		"6.5 violation high NS-0036 O37", // 8: never revoked
		"6.5 violation high PRV-0005 G6", // privileges 1: revoked late, across Easter
		"6.5 violation high PRV-0007 G8", // privileges 2: no longer needed, never revoked
		"6.4 invalid medium NS-0009 C132",
		"6.4 stale medium NS-0029 C109", // 6: 13 months old
		"6.4 invalid medium NS-0099 A131",
	}
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// 4: the exception is shown as such, without a finding.
	if cs := checks(r, evidence.ParaClearanceHeld, "NS-0023"); len(cs) != 1 || cs[0].Outcome != Exception {
		t.Errorf("NS-0023 6.3 checks %+v, want one exception", cs)
	}
	// 7: revoked the Tuesday after the Spring bank holiday, on time.
	if cs := checks(r, evidence.ParaRevocation, "NS-0034"); len(cs) != 1 || cs[0].Outcome != OK || cs[0].Deadline.Format("2006-01-02") != "2026-05-26" || cs[0].Margin != 0 {
		t.Errorf("NS-0034 6.5 checks %+v, want ok with deadline 2026-05-26 and margin 0", cs)
	}
	for _, p := range annex6 {
		if s := status(t, r, p); p == evidence.ParaClearanceRole && s.Status != Covered || p != evidence.ParaClearanceRole && s.Status != GapStatus {
			t.Errorf("%s: %s", p, s.Status)
		}
	}
}
