package rules

import (
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/schedule"
)

var annex6 = []string{
	evidence.ParaPreEmployment, evidence.ParaClearanceRole, evidence.ParaClearanceHeld,
	evidence.ParaTraining, evidence.ParaRevocation,
}

// TestStatuses evaluates form B with only a clean staff register present.
func TestStatuses(t *testing.T) {
	clean := []string{
		person(t, "NS-1", map[string]string{"Government Data Access": "No"}),
		person(t, "NS-2", map[string]string{"Government Data Access": "No", "End Date": "2026-03-13", "Access Revoked": "2026-03-16"}),
	}
	tests := []struct {
		name           string
		staff          []string
		securityPolicy bool
		bespokeISMS    bool
		want           map[string]Status
	}{
		{
			name:  "clean staff register",
			staff: clean,
			want: map[string]Status{
				evidence.ParaPreEmployment: Covered, evidence.ParaClearanceRole: Covered, evidence.ParaClearanceHeld: Covered,
				evidence.ParaTraining: Covered, evidence.ParaRevocation: Covered,
				"B.5.1.4": NA, "B.3.4.3(d)": NA, // security_policy
				"B.3.7": NA, "B.3.3.2": NA, "B.3.4.1": NA, // bespoke_isms
				"B.3.3.1": Info, // !bespoke_isms, no evidence expected
			},
		},
		{
			name:           "security policy and bespoke ISMS",
			staff:          clean,
			securityPolicy: true,
			bespokeISMS:    true,
			want: map[string]Status{
				evidence.ParaPreEmployment: Covered,
				"B.5.1.4":                  MissingStat, "B.3.4.3(d)": MissingStat,
				"B.3.7": MissingStat, "B.3.3.2": MissingStat, "B.3.4.1": MissingStat,
				"B.3.3.1": NA,
			},
		},
		{
			name: "one gap",
			staff: append(slices.Clone(clean),
				person(t, "NS-3", map[string]string{"Clearance Required": "SC", "Clearance Held": "CTC", "Government Data Access": "No"})),
			want: map[string]Status{
				evidence.ParaPreEmployment: Covered, evidence.ParaClearanceRole: Covered, evidence.ParaClearanceHeld: GapStatus,
				evidence.ParaTraining: Covered, evidence.ParaRevocation: Covered,
			},
		},
		{
			name:  "government data access and no training register",
			staff: []string{person(t, "NS-1", nil)},
			want:  map[string]Status{evidence.ParaTraining: GapStatus, evidence.ParaPreEmployment: Covered},
		},
		{
			name:  "no staff register",
			staff: nil,
			want: map[string]Status{
				evidence.ParaPreEmployment: MissingStat, evidence.ParaClearanceRole: MissingStat, evidence.ParaClearanceHeld: MissingStat,
				evidence.ParaTraining: MissingStat, evidence.ParaRevocation: MissingStat,
			},
		},
		{
			name:  "staff register with a header only",
			staff: []string{},
			want:  map[string]Status{evidence.ParaPreEmployment: MissingStat, evidence.ParaRevocation: MissingStat},
		},
		{
			name:  "staff register with only unusable rows",
			staff: []string{person(t, "", nil)},
			want:  map[string]Status{evidence.ParaPreEmployment: GapStatus, evidence.ParaTraining: GapStatus},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := setup{staff: tt.staff, noTraining: true, securityPolicy: tt.securityPolicy, bespokeISMS: tt.bespokeISMS}
			in := s.input(t)
			r := Evaluate(in)
			for id, want := range tt.want {
				if got := status(t, r, id); got.Status != want {
					t.Errorf("%s: %s (%s), want %s", id, got.Status, got.Reason, want)
				}
			}
			if len(r.Paragraphs) != len(in.Paragraphs) {
				t.Fatalf("%d paragraph results for %d paragraphs", len(r.Paragraphs), len(in.Paragraphs))
			}
			missing := map[string]int{}
			for _, f := range r.Findings {
				if f.Kind == Missing {
					missing[f.Paragraph]++
				}
			}
			counts := map[Status]int{}
			for i, p := range in.Paragraphs {
				pr := r.Paragraphs[i]
				counts[pr.Status]++
				if pr.ID != p.ID {
					t.Fatalf("result %d is %s, want %s: not in document order", i, pr.ID, p.ID)
				}
				if pr.Reason == "" {
					t.Errorf("%s: %s with no reason", p.ID, pr.Status)
				}
				applies := p.AppliesIf == "" ||
					p.AppliesIf == schedule.AppliesSecurityPolicy && tt.securityPolicy ||
					p.AppliesIf == schedule.AppliesBespokeISMS && tt.bespokeISMS ||
					p.AppliesIf == schedule.AppliesNotBespokeISMS && !tt.bespokeISMS
				staffPara := slices.Contains(annex6, p.ID)
				switch {
				case !applies:
					if pr.Status != NA || !strings.HasPrefix(pr.Reason, "Not applicable: ") {
						t.Errorf("%s (applies_if %q): %s, want na", p.ID, p.AppliesIf, pr.Status)
					}
				case len(p.Evidence) == 0:
					if pr.Status != Info {
						t.Errorf("%s (no evidence expected): %s, want info", p.ID, pr.Status)
					}
				case !staffPara:
					// Only the staff and training registers exist yet.
					if pr.Status != MissingStat {
						t.Errorf("%s (evidence %q): %s, want missing", p.ID, p.Evidence, pr.Status)
					}
				}
				wantMissing := 0
				if pr.Status == MissingStat {
					wantMissing = 1
				}
				if missing[p.ID] != wantMissing {
					t.Errorf("%s: %s with %d missing findings", p.ID, pr.Status, missing[p.ID])
				}
				if pr.Status == Covered && !slices.Contains(pr.Sources, "staff") {
					t.Errorf("%s: covered by %q, want the staff register", p.ID, pr.Sources)
				}
			}
			wantNA := 5
			if tt.securityPolicy && tt.bespokeISMS {
				wantNA = 1
			}
			if counts[NA] != wantNA {
				t.Errorf("%d paragraphs na, want %d", counts[NA], wantNA)
			}
		})
	}
}

// TestMissingFinding checks the finding a paragraph without evidence gets.
func TestMissingFinding(t *testing.T) {
	r := setup{noTraining: true}.eval(t)
	var got []Finding
	for _, f := range r.Findings {
		if f.Paragraph == "B.5.1.3" || f.Paragraph == evidence.ParaPreEmployment {
			got = append(got, f)
		}
	}
	if len(got) != 2 {
		t.Fatalf("findings %+v, want one for each paragraph", got)
	}
	for _, f := range got {
		if f.Kind != Missing || f.Severity != Medium || f.Subject != "" || !strings.HasPrefix(f.Pos.File(), "content/part-b") ||
			!strings.HasPrefix(f.Message, "No evidence for this paragraph: expected ") {
			t.Errorf("missing finding %+v", f)
		}
	}
}

// TestFormA: Part A has no Annex 1, so nothing about staff is reported,
// even when the staff register is full of problems.
func TestFormA(t *testing.T) {
	s := setup{
		form: "A",
		staff: []string{
			person(t, "NS-1", map[string]string{"Identity Check": "tbc", "Right To Work Check": "2026-01-01", "Clearance Held": ""}),
			person(t, "NS-1", nil),
			person(t, "NS-2", map[string]string{"End Date": "2026-01-01"}),
		},
		training: []string{"NS-9\tSIM\t2020-01-01"},
	}
	r := s.eval(t)
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Paragraph, "B.") || f.Kind != Missing {
			t.Errorf("form A finding %+v", f)
		}
	}
	if len(r.Checks) != 0 {
		t.Errorf("form A checks %+v, want none", r.Checks)
	}
	for _, p := range r.Paragraphs {
		if !strings.HasPrefix(p.ID, "A.") {
			t.Errorf("form A result for %s", p.ID)
		}
	}
	// The same evidence under form B does raise findings.
	s.form = "B"
	if r := s.eval(t); len(findings(r, evidence.ParaPreEmployment, "NS-1")) == 0 {
		t.Error("form B: no 6.1 finding for NS-1; the form A test proves nothing")
	}
}

// sampleInput is the checked-in sample evidence as of the sample's date,
// with config.toml's training course.
func sampleInput(t *testing.T) Input {
	t.Helper()
	ev := evidence.Load(os.DirFS("../../evidence"), "evidence")
	return setup{courses: []string{"Secure Information Management"}}.inputWith(t, ev)
}

func TestDeterministic(t *testing.T) {
	inputs := map[string]func() Input{
		"sample": func() Input { return sampleInput(t) },
		"broken": func() Input {
			return setup{
				staff: []string{
					person(t, "NS-3", map[string]string{"Identity Check": "tbc", "Clearance Held": ""}),
					person(t, "NS-1", map[string]string{"Right To Work Check": "2026-01-01", "Criminal Record Check": "2026-01-01"}),
					person(t, "ns-1", nil),
					person(t, "NS-2", map[string]string{"End Date": "2026-01-01", "Privileged Access": "Yes", "Clearance Required": "None"}),
				},
				training: []string{"NS-9\tSIM\t2020-01-01", "NS-1\tSIM\ttbc", "NS-3\tSIM\t2020-01-01"},
			}.input(t)
		},
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			a, b := Evaluate(in()), Evaluate(in())
			if !reflect.DeepEqual(a, b) {
				t.Fatal("two evaluations of the same input differ")
			}
			if len(a.Findings) < 5 {
				t.Fatalf("only %d findings: the order is not tested", len(a.Findings))
			}
			order := map[string]int{}
			for i, p := range in().Paragraphs {
				order[p.ID] = i
			}
			if !slices.IsSortedFunc(a.Findings, func(x, y Finding) int {
				if c := x.Severity.Rank() - y.Severity.Rank(); c != 0 {
					return c
				}
				return order[x.Paragraph] - order[y.Paragraph]
			}) {
				t.Error("findings are not most severe first, then in document order")
			}
			if !slices.IsSortedFunc(a.Checks, func(x, y Check) int { return order[x.Paragraph] - order[y.Paragraph] }) {
				t.Error("checks are not in document order")
			}
		})
	}
}

// TestInvariants checks every finding of the sample evaluation and of a
// broken register against the form and the allowed values.
func TestInvariants(t *testing.T) {
	inputs := []Input{
		sampleInput(t),
		setup{
			staff: []string{
				person(t, "NS-1", map[string]string{"Identity Check": "tbc", "Government Data Access": "maybe", "Clearance Required": "Secret"}),
				person(t, "NS-1", nil),
				person(t, "", nil),
				person(t, "NS-2", map[string]string{"End Date": "2026-01-01", "Start Date": "2026-02-30"}),
			},
			training: []string{"NS-9\tSIM\t2020-01-01", "NS-2\t\t2026-01-01", "NS-2\tSIM\t"},
		}.input(t),
	}
	kinds := []Kind{Missing, Violation, Stale, Invalid, Note}
	severities := []Severity{Critical, High, Medium, Low, Warning}
	outcomes := []Outcome{OK, Gap, Exception, Due, Unjudged}
	for i, in := range inputs {
		r := Evaluate(in)
		ids := map[string]bool{}
		for _, p := range in.Paragraphs {
			ids[p.ID] = true
		}
		invalid := 0
		for _, f := range r.Findings {
			// An invalid finding may be about no paragraph: an unknown
			// paragraph id, or a file that does not parse.
			if !ids[f.Paragraph] && !(f.Paragraph == "" && f.Kind == Invalid) || !slices.Contains(kinds, f.Kind) || !slices.Contains(severities, f.Severity) ||
				f.Message == "" || f.Pos.File() == "" {
				t.Errorf("input %d: finding %+v", i, f)
			}
			if f.Kind == Invalid {
				invalid++
				if (f.Pos.Sheet() == "" || f.Pos.Cell() == "") && !tomlLine(f.Pos) {
					t.Errorf("input %d: invalid finding without a cell: %+v", i, f)
				}
			}
			if f.Kind != Missing && f.Kind != Invalid && (f.Subject == "" || f.Pos.Cell() == "" && !absentRow(f.Subject, f.Pos) && !tomlLine(f.Pos)) {
				t.Errorf("input %d: %s finding without a subject or cell: %+v", i, f.Kind, f)
			}
		}
		if invalid == 0 {
			t.Errorf("input %d: no invalid findings", i)
		}
		for _, c := range r.Checks {
			// A check of a whole register (nothing in it concerns the
			// paragraph) names the file as its subject.
			wholeRegister := c.Pos.Cell() == "" && strings.HasSuffix(c.Pos.File(), "/"+c.Subject)
			if !ids[c.Paragraph] || !slices.Contains(outcomes, c.Outcome) || c.Subject == "" || c.Pos.Cell() == "" && !absentRow(c.Subject, c.Pos) && !tomlLine(c.Pos) && !wholeRegister || c.Detail == "" {
				t.Errorf("input %d: check %+v", i, c)
			}
		}
		for _, p := range r.Paragraphs {
			if !slices.Contains([]Status{Covered, GapStatus, MissingStat, Info, NA}, p.Status) {
				t.Errorf("input %d: %s status %q", i, p.ID, p.Status)
			}
		}
	}
}

// TestInvalidFileFinding: a register that is not a workbook at all is an
// invalid finding against each of its paragraphs, at the file.
func TestInvalidFileFinding(t *testing.T) {
	ev := evidence.Load(mapFS{"staff.xlsx": "not a zip"}.fs(), "evidence")
	r := setup{}.inputWith(t, ev)
	res := Evaluate(r)
	var got []string
	for _, f := range res.Findings {
		if f.Kind == Invalid {
			got = append(got, f.Paragraph+" "+f.Pos.String())
		}
	}
	var want []string
	for _, p := range annex6 {
		want = append(want, p+" evidence/staff.xlsx")
	}
	if !slices.Equal(got, want) {
		t.Errorf("invalid findings %q, want %q", got, want)
	}
	for _, p := range annex6 {
		if s := status(t, res, p); s.Status != GapStatus {
			t.Errorf("%s: %s, want gap", p, s.Status)
		}
	}
}

// tomlLine reports whether pos is a line of a TOML evidence file: the
// governance evidence has lines, not cells.
func tomlLine(pos diag.Pos) bool {
	return strings.HasPrefix(pos.File(), "evidence/") && strings.HasSuffix(pos.File(), ".toml") && pos.Line() > 0
}

// absentRow reports whether a finding or check is about a subject with no
// row in its register (a month with no monthly report): it then names the
// register file alone, with no sheet or cell.
func absentRow(subject string, pos diag.Pos) bool {
	return subject != "" && strings.HasPrefix(pos.File(), "evidence/") && strings.HasSuffix(pos.File(), ".xlsx") && pos.Sheet() == "" && pos.Cell() == ""
}

// With Consume, every register's typed rows are dropped once the last
// rule that reads them has run, and the result is the same: no rule reads
// a register after the families that declare it.
func TestConsume(t *testing.T) {
	for _, f := range []string{"A", "B"} {
		in := sampleInput(t)
		in.Config.Contract.Form = f
		in.Paragraphs = form(t, f)
		want := Evaluate(in)
		in = sampleInput(t)
		in.Config.Contract.Form = f
		in.Paragraphs = form(t, f)
		in.Consume = true
		got := Evaluate(in)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("form %s: consuming the typed rows changes the result", f)
		}
		ev := in.Evidence
		if ev.Staff != nil || ev.Training != nil || ev.Vulnerabilities != nil || ev.Reports != nil || ev.Software != nil ||
			ev.Devices != nil || ev.SecurityTests != nil || ev.Incidents != nil || ev.Privileges != nil {
			t.Errorf("form %s: typed rows left after Evaluate consumed them", f)
		}
	}
}
