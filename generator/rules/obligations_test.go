package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/workdays"
)

// An obligation is coming due when its last day is the as-of date or
// falls within horizon_days after it: an evidence item expiring 0, 1 or
// 90 days after the as-of date is listed, one expiring 91 days after it
// or the day before it is not (that one is stale, a finding).
func TestObligationHorizon(t *testing.T) {
	const asOf = "2026-11-27"
	tests := []struct {
		days    int // from the as-of date to the item's expiry
		horizon int // 0: the default, 90
		listed  bool
	}{
		{-1, 0, false},
		{0, 0, true},
		{1, 0, true},
		{89, 0, true},
		{90, 0, true},
		{91, 0, false},
		{365, 0, false},
		{0, 1, true},
		{1, 1, true},
		{2, 1, false},
		{730, 730, true},
		{731, 730, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d days, horizon %d", tt.days, tt.horizon), func(t *testing.T) {
			expires := workdays.AddDays(date(t, asOf), tt.days).Format(time.DateOnly)
			ev := evidence.Load(mapFS{"g.toml": item(`"B.2.6"`, "2025-01-01", "expires = "+expires+"\n")}.fs(), "evidence")
			in := setup{asOf: asOf}.inputWith(t, ev)
			in.Config.Review.HorizonDays = tt.horizon
			r := Evaluate(in)
			got := where(r.Obligations, func(o Obligation) bool { return o.Subject == "EV-1" })
			if !tt.listed {
				if len(got) != 0 {
					t.Errorf("obligations %+v, want none", got)
				}
				return
			}
			if len(got) != 1 {
				t.Fatalf("obligations %+v, want one", got)
			}
			o := got[0]
			if o.Days != tt.days || o.Due.Format(time.DateOnly) != expires || o.Paragraph != "B.2.6" || o.Source != evidence.DocumentSource ||
				o.Unit != Days || o.WorkingDays != 0 || o.Pos.Line() != 7 || o.What != "renew the evidence item before it expires" {
				t.Errorf("obligation %+v, want EV-1 under B.2.6 due %s in %d days, at line 7", o, expires, tt.days)
			}
		})
	}
}

// Every check that is due, with a deadline within the horizon, is coming
// due, with the same deadline and, for Working Days, the same Working
// Days left as the check's margin: the obligations are the rules' own
// deadlines, not worked out again.
func TestDueChecksComeDue(t *testing.T) {
	for _, f := range []string{"A", "B"} {
		t.Run(f, func(t *testing.T) {
			r := sampleResult(t, f)
			asOf := sampleInput(t).AsOf
			due := 0
			for _, c := range r.Checks {
				if c.Outcome != Due || c.Deadline.IsZero() || workdays.DaysBetween(asOf, c.Deadline) > 90 {
					continue
				}
				due++
				i := slices.IndexFunc(r.Obligations, func(o Obligation) bool {
					return o.Paragraph == c.Paragraph && o.Subject == c.Subject && o.Source == c.Source && o.Due.Equal(c.Deadline)
				})
				if i < 0 {
					t.Errorf("due check %s %s %s (%s) is not coming due", c.Paragraph, c.Subject, c.Deadline.Format(time.DateOnly), c.Detail)
					continue
				}
				o := r.Obligations[i]
				if c.Unit == WorkingDays && (o.Unit != WorkingDays || o.WorkingDays != c.Margin) || c.Unit == Days && o.Days != c.Margin {
					t.Errorf("%s %s: obligation %+v, check margin %d %s", c.Paragraph, c.Subject, o, c.Margin, c.Unit)
				}
			}
			if f == "B" && due < 5 {
				t.Errorf("only %d due checks in the sample: the test proves little", due)
			}
		})
	}
}

// With a horizon of two years, every kind of obligation the sample holds
// comes due: training that lapses, clearances and device attestations
// that expire, the next annual review of the SMP and the ISMS, the next
// monthly vulnerability reports, patches inside their period, the next
// full-scope security test, policy reviews, evidence items that expire or
// fall due for review, and the duties the sample shows as due.
func TestObligationKinds(t *testing.T) {
	in := sampleInput(t)
	in.Config.Review.HorizonDays = 730
	r := Evaluate(in)
	kinds := map[string]int{}
	for _, o := range r.Obligations {
		kinds[o.Paragraph+" "+o.What]++
	}
	for _, k := range []string{
		"B.Annex1.6.4 training on secure information management",
		"B.Annex1.6.3 renew the clearance before it expires",
		"B.Annex1.2.1 renew the device's attestation",
		"B.Annex1.2.2 renew the device's attestation",
		"B.5.1 full review of the Security Management Plan",
		"B.5.1 full review of the ISMS",
		"B.9.5.5 monthly vulnerability report",
		"B.9.3 apply the patch",
		"B.6.1 full-scope Security Test across the ISMS",
		"B.3.4.4 review the incident management process",
		"B.3.4.5 review the vulnerability management policy",
		"B.Annex1.3.3.2 review the ceasing-to-trade process",
		"B.2.6 renew the evidence item before it expires",
		"B.2.5 review the evidence item",
		"B.9.4 upgrade to no more than one major version behind (n-1)",
		"B.9.4.1 upgrade to no more than one major version behind (n-1)",
		"B.Annex1.6.5 revoke the elevated privilege",
		"B.8.2.1(f) deliver the full incident report",
		"B.6.4 remediate and re-test finding F-2026-05",
	} {
		if kinds[k] == 0 {
			t.Errorf("no obligation %q", k)
		}
	}
	// Monthly reports: each month from the one of the as-of date on, due
	// 5 Working Days after it ends, as far as the horizon reaches.
	var months []string
	for _, o := range r.Obligations {
		if o.Paragraph == evidence.ParaMonthlyReport {
			months = append(months, o.Subject+" "+o.Due.Format(time.DateOnly))
		}
	}
	if len(months) != 24 || months[0] != "2026-11 2026-12-07" || months[1] != "2026-12 2027-01-08" {
		t.Errorf("monthly reports %q", months)
	}
}

// The obligations are sorted by date, then the schedule's order; each is
// listed once, under the first paragraph it evidences, and within the
// horizon.
func TestObligationsOrder(t *testing.T) {
	in := sampleInput(t)
	in.Config.Review.HorizonDays = 730
	r := Evaluate(in)
	order := map[string]int{}
	for i, p := range in.Paragraphs {
		order[p.ID] = i
	}
	seen := map[string]string{}
	for i, o := range r.Obligations {
		if o.Days < 0 || o.Days > 730 || o.Due.IsZero() || o.What == "" || o.Pos.File() == "" {
			t.Errorf("obligation %+v", o)
		}
		if i > 0 {
			p := r.Obligations[i-1]
			if p.Due.After(o.Due) || p.Due.Equal(o.Due) && order[p.Paragraph] > order[o.Paragraph] {
				t.Errorf("obligation %d (%s %s) before %d (%s %s)", i-1, p.Due.Format(time.DateOnly), p.Paragraph, i, o.Due.Format(time.DateOnly), o.Paragraph)
			}
		}
		k := strings.Join([]string{o.Source, o.Subject, o.What, o.Due.Format(time.DateOnly)}, "|")
		if para, ok := seen[k]; ok {
			t.Errorf("%s listed under %s and %s", k, para, o.Paragraph)
		}
		seen[k] = o.Paragraph
	}
	// NG-LT-001's attestation vouches for 2.1 and 2.2: listed once, under 2.1.
	att := where(r.Obligations, func(o Obligation) bool { return o.Subject == "NG-LT-001" })
	if len(att) != 1 || att[0].Paragraph != evidence.ParaDeviceEncryption {
		t.Errorf("NG-LT-001: %+v", att)
	}
}

// A working-day deadline says how many Working Days are left: a leaver's
// access, revoked within 1 Working Day after the End Date, is due the
// next Working Day.
func TestObligationWorkingDays(t *testing.T) {
	tests := []struct {
		end, asOf   string
		due         string
		days, wdays int
	}{
		{"2026-11-27", "2026-11-27", "2026-11-30", 3, 1}, // Friday: due Monday
		{"2026-11-26", "2026-11-27", "2026-11-27", 0, 0}, // Thursday: due Friday, the as-of date
		{"2026-12-24", "2026-12-24", "2026-12-29", 5, 1}, // Christmas and Boxing Day (moved to Monday 28)
	}
	for _, tt := range tests {
		t.Run(tt.end, func(t *testing.T) {
			r := setup{asOf: tt.asOf, staff: []string{person(t, "NS-1", map[string]string{"End Date": tt.end, "Access Revoked": ""})}}.eval(t)
			got := where(r.Obligations, func(o Obligation) bool { return o.Subject == "NS-1" && o.Paragraph == evidence.ParaRevocation })
			if len(got) != 1 {
				t.Fatalf("obligations %+v, want the revocation", r.Obligations)
			}
			o := got[0]
			if o.Due.Format(time.DateOnly) != tt.due || o.Days != tt.days || o.Unit != WorkingDays || o.WorkingDays != tt.wdays {
				t.Errorf("obligation %+v, want due %s in %d days, %d Working Days", o, tt.due, tt.days, tt.wdays)
			}
		})
	}
}
