package evidence

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/agency/evidence-site/generator/diag"
)

// Paragraph ids of Part B paragraph 6 (Security Testing).
const (
	ParaTestAnnual  = "B.6.1" // at least annually, after changes, agreed in advance
	ParaTestResults = "B.6.2" // results to the Client after each test
	ParaTestRemedy  = "B.6.4" // findings fixed and the tests repeated
	ParaTestRepeat  = "B.6.5" // a repeat failure with the same root cause: material Default
)

// Finding types of the security tests register.
const (
	FindingBreach    = "breach"
	FindingPotential = "potential-breach"
	FindingWeakness  = "weakness"
	FindingNone      = "none"
)

// SecurityTest is one row of the security tests register: one finding of
// a test, or the single row of a test with no findings. The test-level
// cells (Start, End, Type, FullScope, ClientAgreed, ResultsDelivered) are
// the same on each row of a test; a row whose cell disagrees with the
// test's first row has that cell marked Invalid (and reported).
type SecurityTest struct {
	ID               string `col:"Test ID"`
	Row              Text   `col:"Test ID"` // the key cell
	Start            Date   `col:"Start Date"`
	End              Date   `col:"End Date"`
	Type             Text   `col:"Type"`
	FullScope        Bool   `col:"Full ISMS Scope"`
	ClientAgreed     Date   `col:"Client Agreed On"`
	ResultsDelivered Date   `col:"Results Delivered On"`
	FindingID        Text   `col:"Finding ID"`
	FindingType      Text   `col:"Finding Type"` // one of the Finding* constants when Set
	RootCause        Text   `col:"Root Cause"`
	RetestOf         Text   `col:"Retest Of"`
	Remediated       Date   `col:"Remediated On"`
	// Retests are the Finding IDs this row's Retest Of names, with a Test
	// ID expanded to that test's findings, each spelled as in its own
	// Finding ID cell. References that name nothing are reported and left
	// out.
	Retests []string
}

// IsFinding reports whether the row records a finding (breach,
// potential-breach or weakness), as opposed to none or an unreadable type.
func (s SecurityTest) IsFinding() bool {
	return s.FindingType.Set && s.FindingType.Value != FindingNone
}

func readSecurityTests(t *table) []SecurityTest {
	out := decode(t, func(r rowReader, s *SecurityTest) { checkTestRow(t.reg, s) })
	agreeTestRows(t.reg, out)
	linkRetests(t.reg, out)
	return out
}

// checkTestRow reports the row's own inconsistencies.
func checkTestRow(reg *Register, s *SecurityTest) {
	para := func(col string) []string { return reg.column(col).Paragraphs }
	if s.Start.Set && s.End.Set && s.End.Value.Before(s.Start.Value) {
		reg.problem(s.End.Pos, s.ID, para("End Date"), "End Date: %s is before the Start Date %s", s.End, s.Start)
		s.End.Set, s.End.Invalid = false, true
	}
	if s.End.Set && s.ResultsDelivered.Set && s.ResultsDelivered.Value.Before(s.End.Value) {
		reg.problem(s.ResultsDelivered.Pos, s.ID, para("Results Delivered On"),
			"Results Delivered On: %s is before the End Date %s: a test's results are delivered after its completion", s.ResultsDelivered, s.End)
		s.ResultsDelivered.Set, s.ResultsDelivered.Invalid = false, true
	}
	if s.Start.Set && s.Remediated.Set && s.Remediated.Value.Before(s.Start.Value) {
		reg.problem(s.Remediated.Pos, s.ID, para("Remediated On"),
			"Remediated On: %s is before the test that found it started (%s)", s.Remediated, s.Start)
		s.Remediated.Set, s.Remediated.Invalid = false, true
	}
	switch {
	case s.IsFinding() && !s.FindingID.Set:
		reg.problem(s.FindingID.Pos, s.ID, para("Finding ID"), "Finding ID: empty on a %s finding: every finding needs an identifier", s.FindingType.Value)
	case s.FindingType.Value == FindingNone && s.FindingID.Set:
		reg.problem(s.FindingID.Pos, s.ID, para("Finding ID"), "Finding ID: %q given on a row whose Finding Type is none", s.FindingID.Value)
		s.FindingID.Set, s.FindingID.Invalid = false, true
	}
	if s.IsFinding() && !s.RootCause.Set {
		reg.problem(s.RootCause.Pos, s.ID, para("Root Cause"),
			"Root Cause: empty on a %s finding: every finding needs its root cause (B.6.5 compares a repeat test's findings with the findings it re-tests by root cause)", s.FindingType.Value)
	}
}

// testColumn is one of the cells that must agree across a test's rows.
type testColumn struct {
	name string
	cell func(s *SecurityTest) (value string, invalid *bool, pos diag.Pos)
}

func testColumns() []testColumn {
	date := func(get func(s *SecurityTest) *Date) func(s *SecurityTest) (string, *bool, diag.Pos) {
		return func(s *SecurityTest) (string, *bool, diag.Pos) {
			d := get(s)
			return d.String(), &d.Invalid, d.Pos
		}
	}
	return []testColumn{
		{"Start Date", date(func(s *SecurityTest) *Date { return &s.Start })},
		{"End Date", date(func(s *SecurityTest) *Date { return &s.End })},
		{"Type", func(s *SecurityTest) (string, *bool, diag.Pos) {
			return s.Type.Value, &s.Type.Invalid, s.Type.Pos
		}},
		{"Full ISMS Scope", func(s *SecurityTest) (string, *bool, diag.Pos) {
			v := ""
			if s.FullScope.Set {
				v = map[bool]string{true: "Yes", false: "No"}[s.FullScope.Value]
			}
			return v, &s.FullScope.Invalid, s.FullScope.Pos
		}},
		{"Client Agreed On", date(func(s *SecurityTest) *Date { return &s.ClientAgreed })},
		{"Results Delivered On", date(func(s *SecurityTest) *Date { return &s.ResultsDelivered })},
	}
}

// agreeTestRows reports, for each test with several rows, every test-level
// cell that differs from the test's first readable one, and marks it
// Invalid so that rules use the first.
func agreeTestRows(reg *Register, rows []SecurityTest) {
	for _, col := range testColumns() {
		c := reg.column(col.name)
		type first struct {
			value, cell, norm string
		}
		seen := map[string]first{}
		for i := range rows {
			s := &rows[i]
			v, invalid, pos := col.cell(s)
			if *invalid {
				continue
			}
			key := strings.ToUpper(s.ID)
			f, ok := seen[key]
			if !ok {
				seen[key] = first{value: v, cell: pos.Cell(), norm: Fold(v)}
				continue
			}
			if Fold(v) == f.norm {
				continue
			}
			reg.problem(pos, s.ID, c.Paragraphs,
				"%s: %s differs from %s in %s, an earlier row of test %s: a test's %s is the same on each of its rows",
				col.name, shown(v), shown(f.value), f.cell, s.ID, col.name)
			*invalid = true
		}
	}
	// A cell marked Invalid above is no longer Set.
	for i := range rows {
		s := &rows[i]
		for _, d := range []*Date{&s.Start, &s.End, &s.ClientAgreed, &s.ResultsDelivered} {
			if d.Invalid {
				d.Set = false
			}
		}
		if s.Type.Invalid {
			s.Type.Set = false
		}
		if s.FullScope.Invalid {
			s.FullScope.Set = false
		}
	}
}

// linkRetests resolves each row's Retest Of into Finding IDs, reporting
// duplicate Finding IDs and references that name nothing, the row's own
// test, or a test that had not ended when the repeat test started.
func linkRetests(reg *Register, rows []SecurityTest) {
	findingCol, retestCol := reg.column("Finding ID"), reg.column("Retest Of")
	findings := map[string]int{}   // Finding ID -> row index
	tests := map[string][]int{}    // Test ID -> finding row indexes
	testEnd := map[string]Date{}   // Test ID -> first readable End Date
	testStart := map[string]Date{} // Test ID -> first readable Start Date
	testSeen := map[string]bool{}  // Test IDs
	for i := range rows {
		s := &rows[i]
		tid := strings.ToUpper(s.ID)
		testSeen[tid] = true
		if _, ok := testEnd[tid]; !ok && s.End.Set {
			testEnd[tid] = s.End
		}
		if _, ok := testStart[tid]; !ok && s.Start.Set {
			testStart[tid] = s.Start
		}
		if !s.FindingID.Set {
			continue
		}
		fid := strings.ToUpper(s.FindingID.Value)
		if prev, dup := findings[fid]; dup {
			reg.problem(s.FindingID.Pos, s.ID, findingCol.Paragraphs, "Finding ID: duplicate %q (first in %s): Finding IDs are unique in the register",
				s.FindingID.Value, rows[prev].FindingID.Pos.Cell())
			s.FindingID.Set, s.FindingID.Invalid = false, true
			continue
		}
		findings[fid] = i
		if s.IsFinding() {
			tests[tid] = append(tests[tid], i)
		}
	}
	for i := range rows {
		s := &rows[i]
		if !s.RetestOf.Set {
			continue
		}
		tid := strings.ToUpper(s.ID)
		var refs []string
		seen := map[string]bool{}
		for _, ref := range strings.FieldsFunc(s.RetestOf.Value, func(r rune) bool { return r == ',' || r == ';' }) {
			ref = strings.TrimSpace(ref)
			if ref == "" {
				continue
			}
			// A Finding ID first; otherwise a Test ID, for all its findings.
			var targets []int
			of := ""
			if j, ok := findings[strings.ToUpper(ref)]; ok {
				targets, of = []int{j}, strings.ToUpper(rows[j].ID)
			} else if testSeen[strings.ToUpper(ref)] {
				targets, of = tests[strings.ToUpper(ref)], strings.ToUpper(ref)
			} else {
				reg.problem(s.RetestOf.Pos, s.ID, retestCol.Paragraphs, "Retest Of: %q is neither a Finding ID nor a Test ID in this register", ref)
				continue
			}
			if of == tid {
				reg.problem(s.RetestOf.Pos, s.ID, retestCol.Paragraphs, "Retest Of: %q is this same test or one of its findings: a repeat test re-tests an earlier one", ref)
				continue
			}
			if end, start := testEnd[of], testStart[tid]; end.Set && start.Set && start.Value.Before(end.Value) {
				reg.problem(s.RetestOf.Pos, s.ID, retestCol.Paragraphs,
					"Retest Of: %q was found by a test that ended on %s, after this test started on %s", ref, end, start)
				continue
			}
			for _, j := range targets {
				if id := rows[j].FindingID.Value; !seen[strings.ToUpper(id)] {
					seen[strings.ToUpper(id)] = true
					refs = append(refs, id)
				}
			}
		}
		s.Retests = refs
	}
}

// Fold is what root causes, assurance levels and other free text are
// compared by: the text in lower case with all white space removed, so
// "Default credentials" and "default  Credentials" are the same cause.
func Fold(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

func shown(v string) string {
	if v == "" {
		return "empty"
	}
	return fmt.Sprintf("%q", v)
}
