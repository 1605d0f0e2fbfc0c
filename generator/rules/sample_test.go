package rules

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// sampleCase is what one rule family's test expects of the checked-in
// sample evidence, whose findings are documented one by one in package
// internal/sample.
type sampleCase struct {
	form string // default "B"
	// keep selects the family's findings (nil: another test pins them).
	keep func(Finding) bool
	// findings are exactly the kept findings, in the result's order, each
	// "paragraph kind severity subject cell" (or line, in a text file).
	findings []string
	pins     []pin // checks pinned: the boundaries and exceptions
	// checks counts the checks from the family's sources by paragraph.
	sources []string
	checks  map[string]int
	status  map[string]Status // the paragraphs' statuses
}

// pin is the one check of subject under para (among those whose detail
// holds want.part); its findings are pinned by sampleCase.findings.
type pin struct {
	para, subject string
	want
}

// run verifies c against the sample's evaluation and returns it.
func (c sampleCase) run(t *testing.T) Result {
	t.Helper()
	r := sampleResult(t, c.form)
	if c.keep != nil {
		var got []string
		for _, f := range where(r.Findings, c.keep) {
			got = append(got, strings.Join([]string{f.Paragraph, string(f.Kind), string(f.Severity), f.Subject, at(f.Pos)}, " "))
		}
		if !slices.Equal(got, c.findings) {
			t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.findings, "\n"))
		}
	}
	for _, p := range c.pins {
		p.verifyCheck(t, r, p.para, p.subject)
	}
	n := map[string]int{}
	for _, ch := range r.Checks {
		if slices.Contains(c.sources, ch.Source) {
			n[ch.Paragraph]++
		}
	}
	if !maps.Equal(n, c.checks) {
		t.Errorf("checks by paragraph %v, want %v", n, c.checks)
	}
	statuses(t, r, c.status)
	return r
}

// sampleResults holds the sample's evaluation under each form, made once.
var sampleResults sync.Map

// sampleResult is the sample's evaluation under form f ("" for B).
func sampleResult(t *testing.T, f string) Result {
	t.Helper()
	if r, ok := sampleResults.Load(f); ok {
		return r.(Result)
	}
	in := sampleInput(t)
	if f != "" {
		in.Config.Contract.Form = f
		in.Paragraphs = form(t, f)
	}
	r, _ := sampleResults.LoadOrStore(f, Evaluate(in))
	return r.(Result)
}

// under keeps the findings against paragraphs starting with one of
// prefixes.
func under(prefixes ...string) func(Finding) bool {
	return func(f Finding) bool {
		return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(f.Paragraph, p) })
	}
}

// from keeps the findings in one of files.
func from(files ...string) func(Finding) bool {
	return func(f Finding) bool { return slices.Contains(files, f.Pos.File()) }
}

// statuses verifies the statuses of paragraphs.
func statuses(t *testing.T, r Result, want map[string]Status) {
	t.Helper()
	for p, w := range want {
		if s := status(t, r, p); s.Status != w {
			t.Errorf("%s: %s, want %s (%s)", p, s.Status, w, s.Reason)
		}
	}
}

// TestSample: the staff and training registers of the sample.
func TestSample(t *testing.T) {
	sampleCase{
		keep: under("B.Annex1.6."),
		findings: []string{
			"B.Annex1.6.1 violation high NS-0011 K12",  // 1: right to work after the start
			"B.Annex1.6.1 violation high NS-0015 J16",  // 2: no criminal record check
			"B.Annex1.6.3 violation high NS-0005 N6",   // 3: SC expired
			"B.Annex1.6.3 violation high NS-0019 M20",  // 5: BPSS held, CTC required
			"B.Annex1.6.4 violation high NS-0026 G27",  // 6: no training
			"B.Annex1.6.4 violation high NS-0029 C109", // 6: 13 months old, overdue
			"B.Annex1.6.5 violation high NS-0035 O36",  // 7: late over Christmas
			"B.Annex1.6.5 violation high NS-0036 O37",  // 8: never revoked
			"B.Annex1.6.5 violation high PRV-0005 G6",  // privileges 1: revoked late, across Easter
			"B.Annex1.6.5 violation high PRV-0007 G8",  // privileges 2: no longer needed, never revoked
			"B.Annex1.6.4 invalid medium NS-0009 C132",
			"B.Annex1.6.4 invalid medium NS-0099 A131",
			// A year and six days between courses: each done late, since
			// made good.
			"B.Annex1.6.4 violation low NS-0017 C71",
			"B.Annex1.6.4 violation low NS-0024 C94",
		},
		pins: []pin{
			// 4: the exception is shown as such, without a finding.
			{evidence.ParaClearanceHeld, "NS-0023", want{outcome: Exception}},
			// 7: revoked the Tuesday after the Spring bank holiday, on time.
			{evidence.ParaRevocation, "NS-0034", want{outcome: OK, deadline: "2026-05-26", margin: 0}},
		},
		status: map[string]Status{
			evidence.ParaPreEmployment: GapStatus, evidence.ParaClearanceRole: Covered, evidence.ParaClearanceHeld: GapStatus,
			evidence.ParaTraining: GapStatus, evidence.ParaRevocation: GapStatus,
		},
	}.run(t)
}
