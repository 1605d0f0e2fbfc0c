package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/evidence"
)

// A paragraph is covered only on a check: checked when a rule judged rows
// for it, attested when only evidence naming it supports it. A register
// merely present covers nothing it holds no data for.
func TestCoveredRestsOnACheck(t *testing.T) {
	items := `[[evidence]]
id = "EV-1"
title = "Media destruction certificates"
paragraphs = ["B.Annex1.3.3.3"]
date = 2026-01-05
owner = "Someone"
`
	for _, tt := range []struct {
		name   string
		rows   map[string][]string
		toml   string
		para   string
		status Status
		basis  Basis
		checks int
		reason string // a part of the reason
	}{
		{name: "a rule judged the rows: checked", rows: map[string][]string{"staff": {person(t, "NS-1", nil)}},
			para: evidence.ParaPreEmployment, status: Covered, basis: Checked, checks: 1, reason: "Checked: 1 row or document of the staff register"},
		{name: "an item names it: attested", toml: items, para: "B.Annex1.3.3.3", status: Covered, basis: Attested, checks: 1, reason: "Attested by evidence item EV-1"},
		{name: "the device register holds no disposal data: missing, not covered", rows: map[string][]string{"devices": {exampleRow(t, "devices", "D-1")}},
			para: "B.Annex1.3.3.3", status: MissingStat, reason: "Evidence expected (a supporting document); none given"},
		{name: "nothing expected was supplied: missing", para: evidence.ParaPreEmployment, status: MissingStat, reason: "none given"},
		{name: "a register read with no row it concerns: checked", rows: map[string][]string{"vulnerabilities": {exampleRow(t, "vulnerabilities", "VUL-1")}},
			para: evidence.ParaNotExploitable, status: Covered, basis: Checked, checks: 1, reason: "vulnerability register"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev := loadRegisters(t, tt.rows)
			if tt.toml != "" {
				ev.Documents = evidence.Load(mapFS{"items.toml": tt.toml}.fs(), "evidence").Documents
			}
			r := Evaluate(setup{noTraining: true}.inputWith(t, ev))
			p := status(t, r, tt.para)
			if p.Status != tt.status || p.Basis != tt.basis || p.Checks != tt.checks || !strings.Contains(p.Reason, tt.reason) {
				t.Errorf("%s: %s (%s), %d checks, %q; want %s (%s), %d, %q", tt.para, p.Status, p.Basis, p.Checks, p.Reason, tt.status, tt.basis, tt.checks, tt.reason)
			}
		})
	}
}

// A register read with no row a paragraph concerns says so in a check of
// the whole register; a register with no rows does not.
func TestQuietChecks(t *testing.T) {
	potential := exampleRow(t, "incidents", "INC-1", map[string]string{"Type": "potential", "Report Delivered On": ""})
	for _, tt := range []struct {
		name   string
		rows   map[string][]string
		para   string
		detail string // "" for no check
	}{
		{"no data request", map[string][]string{"incidents": {potential}}, evidence.ParaDataB, "1 row read: no request for data recorded"},
		{"only a potential breach: no report due", map[string][]string{"incidents": {potential}}, evidence.ParaReportB, "no actual or attempted Breach of Security"},
		{"no leaver", map[string][]string{"staff": {person(t, "NS-1", nil)}}, evidence.ParaRevocation, "no leaver by the as-of date"},
		{"a leaver: the rule's own check, no quiet one", map[string][]string{"staff": {person(t, "NS-1", map[string]string{"End Date": "2026-01-09", "Access Revoked": "2026-01-09"})}},
			evidence.ParaRevocation, ""},
		{"an empty register: nothing read", map[string][]string{"incidents": {}}, evidence.ParaDataB, ""},
		{"an incident after the as-of date: listed, not judged, and none by then", map[string][]string{"incidents": {exampleRow(t, "incidents", "INC-9", map[string]string{"Aware On": "2026-12-01", "Notified On": "2026-12-01", "Report Delivered On": ""})}},
			evidence.ParaNotifyB, "1 row read, 1 dated after the as-of date: by then, no incident recorded"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(registersInput(t, "B", "", tt.rows))
			var got []Check
			for _, c := range r.Checks {
				if c.Paragraph == tt.para && c.Pos.Cell() == "" {
					got = append(got, c)
				}
			}
			switch {
			case tt.detail == "" && len(got) != 0:
				t.Errorf("checks of the whole register %+v, want none", got)
			case tt.detail != "" && (len(got) != 1 || got[0].Outcome != OK || !strings.Contains(got[0].Detail, tt.detail) || !strings.HasSuffix(got[0].Pos.File(), "/"+got[0].Subject)):
				t.Errorf("checks of the whole register %+v, want one ok with %q", got, tt.detail)
			}
		})
	}
}

// A register supplied but not readable makes every paragraph that
// depends on it a gap, and is listed; a readable register with no rows is
// not unreadable.
func TestUnreadableRegister(t *testing.T) {
	in := setup{noTraining: true}.inputWith(t, evidence.Load(fstest.MapFS{
		"staff.xlsx":     {Data: []byte("PK\x03\x04 a truncated workbook")},
		"incidents.xlsx": {Data: []byte("not a workbook either")},
	}, "evidence"))
	r := Evaluate(in)
	var names []string
	for _, reg := range r.Unreadable {
		names = append(names, reg.Schema.Name)
	}
	if !slices.Equal(names, []string{"staff", "incidents"}) {
		t.Errorf("unreadable %q, want staff and incidents, in table order", names)
	}
	for _, p := range in.Paragraphs {
		if !Applies(p, in.Config.Contract) || !slices.Contains(p.Evidence, "staff") && !slices.Contains(p.Evidence, "incidents") {
			continue
		}
		if s := status(t, r, p.ID); s.Status != GapStatus {
			t.Errorf("%s expects the unreadable staff or incident register: %s (%s)", p.ID, s.Status, s.Reason)
		}
	}
	empty := Evaluate(registersInput(t, "B", "", map[string][]string{"staff": {}}))
	if len(empty.Unreadable) != 0 {
		t.Errorf("an empty register is unreadable: %v", empty.Unreadable)
	}
}

// Training records need the staff register: without it, or with one that
// has no usable row, Annex 1 6.4 is a gap that names it.
func TestTrainingNeedsStaff(t *testing.T) {
	training := []string{exampleRow(t, "training", "NS-1")}
	for _, tt := range []struct {
		name  string
		staff []string // nil: no file
		want  string   // a part of the missing finding's message; "" for none
	}{
		{"no staff register", nil, "there is no staff register (evidence/staff.xlsx)"},
		{"a staff register with no usable row", []string{person(t, "", nil)}, "has no usable row"},
		{"a staff register", []string{person(t, "NS-1", nil)}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(registersInput(t, "B", "", map[string][]string{"staff": tt.staff, "training": training}))
			var msgs []string
			for _, f := range r.Findings {
				if f.Paragraph == evidence.ParaTraining && f.Kind == Missing {
					msgs = append(msgs, f.Message)
				}
			}
			s := status(t, r, evidence.ParaTraining)
			switch {
			case tt.want == "" && (len(msgs) != 0 || s.Status != Covered):
				t.Errorf("%s, missing findings %q", s.Status, msgs)
			case tt.want != "" && (len(msgs) != 1 || !strings.Contains(msgs[0], tt.want) || s.Status != GapStatus):
				t.Errorf("%s, missing findings %q, want a gap with one saying %q", s.Status, msgs, tt.want)
			}
		})
	}
}

// Every evidence source a page's front matter expects is one a rule
// judges for that paragraph (else it would be "covered" by a file merely
// present); what no rule judges is expected as a supporting document.
// The sample is evaluated under every combination of the settings that
// make paragraphs apply.
func TestFrontMatterSourcesAreJudged(t *testing.T) {
	sch, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	judged := map[[2]string]bool{}
	for _, form := range []string{"A", "B"} {
		for _, policy := range []bool{false, true} {
			for _, bespoke := range []bool{false, true} {
				in := sampleInput(t)
				in.Paragraphs = sch.Form(form)
				in.Config.Contract.SecurityPolicy, in.Config.Contract.BespokeISMS = policy, bespoke
				for _, c := range Evaluate(in).Checks {
					if !c.Named {
						judged[[2]string{c.Paragraph, c.Source}] = true
					}
				}
			}
		}
	}
	for _, p := range sch.Paragraphs {
		for _, k := range p.Evidence {
			if k != evidence.DocumentSource && !judged[[2]string{p.ID, k}] {
				t.Errorf("%s (%s) expects %q, but no rule judges it with that evidence: expect %q instead", p.ID, p.File, k, evidence.DocumentSource)
			}
		}
	}
}
