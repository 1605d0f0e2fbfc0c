package evidence

import (
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/workbook"
)

// secRow returns the security tests row with the Finding ID findingID.
func secRow(t *testing.T, e *Evidence, findingID string) SecurityTest {
	t.Helper()
	return record(t, e.SecurityTests, func(s SecurityTest) string { return s.FindingID.Value }, findingID)
}

const secFile = `evidence/security-tests.xlsx: sheet "Tests" `

func TestSecurityTests(t *testing.T) {
	runLoad(t, "security-tests", []loadCase{
		{
			name: "every column kind, Test ID repeats",
			files: file(t, "security-tests",
				"PT-1\t2025-06-09\t2025-06-13\tIT Health Check\tyes\t2025-05-19\t2025-06-20\tF-1\tPotential-Breach\tDefault credentials\t\t2025-06-20",
				"PT-1\t2025-06-09\t2025-06-13\tit health check\tY\t2025-05-19\t'20/06/2025\tF-2\tWEAKNESS\tOld TLS\t\t'24/06/2025",
				"RT-1\t2025-07-07\t2025-07-08\tRetest\tno\t2025-06-30\t2025-07-10\t\tnone\t\tf-1, PT-1\t",
			),
			keys: []string{"PT-1", "PT-1", "RT-1"},
			check: func(t *testing.T, e *Evidence) {
				f1, f2 := secRow(t, e, "F-1"), secRow(t, e, "F-2")
				if f1.Start.String() != "2025-06-09" || f1.End.String() != "2025-06-13" || !f1.FullScope.Value || f1.Type.Value != "IT Health Check" ||
					f1.ClientAgreed.String() != "2025-05-19" || f1.ResultsDelivered.String() != "2025-06-20" || f1.Remediated.String() != "2025-06-20" {
					t.Errorf("F-1 = %+v", f1)
				}
				if f1.FindingType.Value != FindingPotential || f2.FindingType.Value != FindingWeakness || !f1.IsFinding() {
					t.Errorf("finding types %q %q, want the canonical spelling", f1.FindingType.Value, f2.FindingType.Value)
				}
				if f2.Remediated.String() != "2025-06-24" || f2.ResultsDelivered.Invalid || f2.Type.Invalid || f2.FullScope.Invalid {
					t.Errorf("F-2 = %+v: UK dates, Y and the Type in another case agree with row 3", f2)
				}
				if f1.Row.Pos.Cell() != "A2" || f2.RootCause.Pos.Cell() != "J3" {
					t.Errorf("cells %s %s, want A2 J3", f1.Row.Pos.Cell(), f2.RootCause.Pos.Cell())
				}
				rt := e.SecurityTests[2]
				if rt.IsFinding() || rt.FullScope.Value || !rt.FullScope.Set {
					t.Errorf("RT-1 = %+v", rt)
				}
				// F-1 by its Finding ID (any case), then PT-1's findings without repeating F-1.
				if !slices.Equal(rt.Retests, []string{"F-1", "F-2"}) {
					t.Errorf("RT-1 Retests = %q, want [F-1 F-2]", rt.Retests)
				}
				if r := e.Register("security-tests"); r.Rows != 3 || len(r.Data) != 3 || r.Data[1].Key != "PT-1" {
					t.Errorf("register rows %d, data %+v", r.Rows, r.Data)
				}
			},
		},
		{
			name: "bad cells, the rest still read",
			files: file(t, "security-tests",
				row(t, "security-tests", "PT-1", map[string]string{"Start Date": "tbc", "Full ISMS Scope": "maybe"}),
				row(t, "security-tests", "PT-2", map[string]string{"Finding Type": "critical", "Remediated On": "2025-02-30", "End Date": ""}),
				row(t, "security-tests", "PT-3"),
			),
			problems: []wantProblem{
				{secFile + "B2", "Start Date: " + dateWant + `, got "tbc"`},
				{secFile + "E2", `Full ISMS Scope: want Yes or No, got "maybe"`},
				{secFile + "C3", "End Date: empty; a value is required"},
				{secFile + "I3", `Finding Type: want one of breach, potential-breach, weakness, none, got "critical"`},
				{secFile + "L3", `Remediated On: ` + dateWant + `, got "2025-02-30"`},
			},
			paragraphs: map[string][]string{"I": {ParaTestRemedy, ParaTestRepeat}}, // Finding Type
			keys:       []string{"PT-1", "PT-2", "PT-3"},
			check: func(t *testing.T, e *Evidence) {
				p1, p2 := e.SecurityTests[0], e.SecurityTests[1]
				if !p1.Start.Invalid || p1.Start.Set || !p1.FullScope.Invalid || p1.End.String() != "2025-06-13" {
					t.Errorf("PT-1 = %+v", p1)
				}
				if !p2.FindingType.Invalid || p2.FindingType.Set || !p2.End.Invalid || !p2.Remediated.Invalid {
					t.Errorf("PT-2 = %+v", p2)
				}
			},
		},
		{
			name: "missing required column",
			files: files{"security-tests.xlsx": xlsx(t, workbook.Sheet{Name: "Tests", TSV: tsv(
				dropColumn(header(t, "security-tests"), "Retest Of"),
				"PT-1\t2025-06-09\t2025-06-13\tPen test\tYes\t2025-05-19\t2025-06-20\t\tnone\t\t",
			)})},
			problems:   []wantProblem{{secFile + "A1", `missing required column "Retest Of" in the header row 1`}},
			paragraphs: map[string][]string{"*": {ParaTestRemedy, ParaTestRepeat}},
			keys:       []string{"PT-1"},
			check: func(t *testing.T, e *Evidence) {
				if s := e.SecurityTests[0]; s.RetestOf.Set || s.Start.String() != "2025-06-09" {
					t.Errorf("PT-1 = %+v", s)
				}
			},
		},
		{
			name: "test-level cells disagree across a test's rows",
			files: file(t, "security-tests",
				finding(t, "PT-1", "F-1"),
				finding(t, "pt-1", "F-2", map[string]string{"Start Date": "2025-06-10", "Type": " penetration  TEST ", "Results Delivered On": ""}),
				finding(t, "PT-1", "F-3", map[string]string{"Full ISMS Scope": "No", "Client Agreed On": "2025-05-20", "End Date": "2025-06-14", "Type": "Retest"}),
				row(t, "security-tests", "PT-2", map[string]string{"Start Date": "x"}),
				row(t, "security-tests", "PT-2", map[string]string{"Start Date": "2025-06-02"}),
				row(t, "security-tests", "PT-2", map[string]string{"Start Date": "2025-06-03"}),
			),
			problems: []wantProblem{
				{secFile + "B3", `Start Date: "2025-06-10" differs from "2025-06-09" in B2, an earlier row of test pt-1`},
				{secFile + "G3", `Results Delivered On: empty differs from "2025-06-20" in G2`},
				{secFile + "C4", `End Date: "2025-06-14" differs from "2025-06-13" in C2`},
				{secFile + "D4", `Type: "Retest" differs from "Penetration test" in D2`},
				{secFile + "E4", `Full ISMS Scope: "No" differs from "Yes" in E2`},
				{secFile + "F4", `Client Agreed On: "2025-05-20" differs from "2025-05-19" in F2`},
				{secFile + "B5", `Start Date: ` + dateWant},
				{secFile + "B7", `Start Date: "2025-06-03" differs from "2025-06-02" in B6, an earlier row of test PT-2`},
			},
			keys: []string{"PT-1", "pt-1", "PT-1", "PT-2", "PT-2", "PT-2"},
			check: func(t *testing.T, e *Evidence) {
				f2, f3 := secRow(t, e, "F-2"), secRow(t, e, "F-3")
				if f2.Start.Set || !f2.Start.Invalid || f2.ResultsDelivered.Set || !f2.ResultsDelivered.Invalid || f2.Type.Invalid {
					t.Errorf("F-2 = %+v", f2)
				}
				if f3.End.Set || f3.FullScope.Set || f3.ClientAgreed.Set || f3.Type.Set || !f3.Type.Invalid || f3.Start.Invalid {
					t.Errorf("F-3 = %+v", f3)
				}
				if s := e.SecurityTests[4]; s.Start.String() != "2025-06-02" {
					t.Errorf("PT-2 row 6 Start = %+v, want the first readable date", s.Start)
				}
			},
		},
		{
			name: "a row's own dates and finding cells",
			files: file(t, "security-tests",
				row(t, "security-tests", "PT-1", map[string]string{"End Date": "2025-06-08"}),
				finding(t, "PT-2", "F-1", map[string]string{"Results Delivered On": "2025-06-12", "Remediated On": "2025-06-06"}),
				finding(t, "PT-2", ""),
				row(t, "security-tests", "PT-3", map[string]string{"Finding ID": "F-9"}),
				finding(t, "PT-4", "F-2", map[string]string{"Finding Type": "breach", "Root Cause": ""}),
				finding(t, "PT-4", "f-1"),
			),
			problems: []wantProblem{
				{secFile + "C2", "End Date: 2025-06-08 is before the Start Date 2025-06-09"},
				{secFile + "G3", "Results Delivered On: 2025-06-12 is before the End Date 2025-06-13"},
				{secFile + "L3", "Remediated On: 2025-06-06 is before the test that found it started (2025-06-09)"},
				{secFile + "H4", "Finding ID: empty on a weakness finding"},
				// G4 is not compared with G3, which is already invalid.
				{secFile + "H5", `Finding ID: "F-9" given on a row whose Finding Type is none`},
				{secFile + "J6", "Root Cause: empty on a breach finding"},
				{secFile + "H7", `Finding ID: duplicate "f-1" (first in H3)`},
			},
			keys: []string{"PT-1", "PT-2", "PT-2", "PT-3", "PT-4", "PT-4"},
			check: func(t *testing.T, e *Evidence) {
				if s := e.SecurityTests[0]; s.End.Set || !s.End.Invalid {
					t.Errorf("PT-1 End = %+v", s.End)
				}
				if s := e.SecurityTests[3]; s.FindingID.Set || !s.FindingID.Invalid {
					t.Errorf("PT-3 Finding ID = %+v", s.FindingID)
				}
				if s := e.SecurityTests[5]; s.FindingID.Set || !s.FindingID.Invalid || !s.IsFinding() {
					t.Errorf("PT-4 duplicate = %+v", s)
				}
			},
		},
		{
			name: "Retest Of references",
			files: file(t, "security-tests",
				finding(t, "PT-1", "F-1"),
				finding(t, "PT-1", "F-2"),
				row(t, "security-tests", "PT-2", map[string]string{"Start Date": "2025-06-02", "End Date": "2025-06-05"}),
				row(t, "security-tests", "RT-1", map[string]string{"Start Date": "2025-07-01", "End Date": "2025-07-01", "Results Delivered On": "2025-07-02", "Retest Of": "F-2; nothing ;F-1,,PT-2, RT-1"}),
				// A day before PT-1 ended: not a repeat of it.
				finding(t, "RT-2", "F-3", map[string]string{"Start Date": "2025-06-12", "End Date": "2025-06-13", "Retest Of": "F-1"}),
				finding(t, "RT-2", "F-4", map[string]string{"Start Date": "2025-06-12", "End Date": "2025-06-13", "Retest Of": "F-3"}),
				// On the day PT-1 ended: a repeat of it.
				row(t, "security-tests", "RT-3", map[string]string{"Start Date": "2025-06-13", "End Date": "2025-06-13", "Retest Of": "PT-1"}),
			),
			problems: []wantProblem{
				{secFile + "K5", `Retest Of: "nothing" is neither a Finding ID nor a Test ID in this register`},
				{secFile + "K5", `Retest Of: "RT-1" is this same test or one of its findings`},
				{secFile + "K6", `Retest Of: "F-1" was found by a test that ended on 2025-06-13, after this test started on 2025-06-12`},
				{secFile + "K7", `Retest Of: "F-3" is this same test or one of its findings`},
			},
			keys: []string{"PT-1", "PT-1", "PT-2", "RT-1", "RT-2", "RT-2", "RT-3"},
			check: func(t *testing.T, e *Evidence) {
				for i, want := range [][]string{3: {"F-2", "F-1"}, 4: nil, 5: nil, 6: {"F-1", "F-2"}} {
					if got := e.SecurityTests[i].Retests; !slices.Equal(got, want) {
						t.Errorf("%s row %d Retests = %q, want %q", e.SecurityTests[i].ID, i+2, got, want)
					}
				}
			},
		},
		{
			name:  "no file",
			files: files{},
			check: func(t *testing.T, e *Evidence) {
				if r := e.Register("security-tests"); r.Present || r.Rows != 0 {
					t.Errorf("Present %v Rows %d", r.Present, r.Rows)
				}
			},
		},
	}, func(t *testing.T, e *Evidence) {
		for i, p := range e.Register("security-tests").Problems {
			if p.Subject == "" && p.Pos.Cell() != "A1" {
				t.Errorf("problem %d: no subject", i)
			}
		}
	})
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Default credentials", "default  CREDENTIALS"},
		{"Default credentials", "Defaultcredentials"},
		{" Old\u00a0TLS\t", "old tls"},
	} {
		if Fold(c.a) != Fold(c.b) {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q, want equal", c.a, Fold(c.a), c.b, Fold(c.b))
		}
	}
	if Fold("Old TLS") == Fold("Old TLS 1.0") {
		t.Error("different causes compare equal")
	}
}

// FuzzSecurityTests fuzzes the Tests sheet (see fuzzRegister): Finding
// IDs used are unique, and every Retest Of reference resolved names a
// finding row.
func FuzzSecurityTests(f *testing.F) {
	f.Add(sheet(f, "security-tests",
		finding(f, "PT-1", "F-1"),
		finding(f, "PT-1", "F-2", map[string]string{"Start Date": "2025-06-10"}),
		row(f, "security-tests", "RT-1", map[string]string{"Start Date": "2025-07-01", "End Date": "2025-06-01", "Retest Of": "F-1;PT-1;x;RT-1"}),
		row(f, "security-tests", "", map[string]string{"Finding Type": "weird"}),
	).TSV)
	f.Add("test id\tretest of\tfinding id\tfinding type\nA\tA\tA\tbreach\nB\tA, a\ta\tnone\n")
	f.Add("Test ID\tStart Date\tEnd Date\nT\t45800\t1\nT\t-1\t2958466\n")
	f.Add("")
	fuzzRegister(f, "security-tests", nil, func(t *testing.T, e *Evidence) {
		findings := map[string]bool{}
		for _, s := range e.SecurityTests {
			if s.FindingID.Set {
				if findings[strings.ToUpper(s.FindingID.Value)] {
					t.Fatalf("Finding ID %q used twice", s.FindingID.Value)
				}
				findings[strings.ToUpper(s.FindingID.Value)] = true
			}
		}
		for _, s := range e.SecurityTests {
			for _, ref := range s.Retests {
				if !findings[strings.ToUpper(ref)] {
					t.Fatalf("%s retests %q, which is not a finding", s.ID, ref)
				}
			}
		}
	})
}
