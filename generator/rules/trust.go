package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
)

// What a bad cell, row or register does to the verdicts: never make the
// site look better than the evidence is.

// unjudged gives each register row that a rule could not judge for a
// paragraph, because a cell it needs is unreadable or the row could not
// be used, a check of its own: "cannot be judged", so that the row is
// never shown as meeting the paragraph. A row a rule did judge (the
// stricter reading of an optional cell) keeps its judgement.
func (e *eval) unjudged() {
	type key struct{ para, source, subject string }
	judged := make(map[key]bool, len(e.checks))
	for _, c := range e.checks {
		judged[key{c.Paragraph, c.Source, strings.ToUpper(c.Subject)}] = true
	}
	for _, r := range e.in.Evidence.Registers {
		for _, p := range r.Problems {
			if p.Subject == "" {
				continue // about the file, a column or an empty key: no row to show it on
			}
			for _, para := range p.Paragraphs {
				k := key{para, r.Schema.Name, strings.ToUpper(p.Subject)}
				if judged[k] || !e.has(para) {
					continue
				}
				judged[k] = true
				e.check(Check{Paragraph: para, Source: r.Schema.Name, Subject: p.Subject, Outcome: Unjudged, Pos: p.Pos,
					Detail: "cannot be judged: " + p.Msg})
			}
		}
	}
}

// unreadableRegister reports whether a register was supplied but could
// not be read at all: no row was used, and every problem is about the
// file, a sheet or a column rather than a row.
func unreadableRegister(r *evidence.Register) bool {
	return r.Present && r.Rows == 0 && len(r.Problems) > 0 &&
		!slices.ContainsFunc(r.Problems, func(p evidence.Problem) bool { return p.Subject != "" })
}

// unreadable returns the registers supplied but not readable at all, and
// makes every paragraph of the form that expects one of them a gap: the
// register's own problems are findings against the paragraphs its columns
// evidence; this adds one against each other paragraph that names it.
func (e *eval) unreadable() []*evidence.Register {
	var out []*evidence.Register
	for _, r := range e.in.Evidence.Registers {
		if !unreadableRegister(r) {
			continue
		}
		out = append(out, r)
		have := map[string]bool{}
		for _, f := range e.findings {
			if f.Pos.File() == r.Path {
				have[f.Paragraph] = true
			}
		}
		for _, p := range e.in.Paragraphs {
			if slices.Contains(p.Evidence, r.Schema.Name) && !have[p.ID] {
				e.finding(Finding{Paragraph: p.ID, Kind: Invalid, Severity: Medium, Pos: diag.At(r.Path, 0, 0),
					Message: fmt.Sprintf("The %s could not be read (%s): nothing in it can be judged for this paragraph.", strings.ToLower(r.Schema.Title), r.Problems[0].Msg)})
			}
		}
	}
	return out
}

// needs: a rule that reads two registers judges nothing when one of them
// is missing or unreadable. Training (Annex 1 6.4) is judged against the
// staff register's list of people with access to Government Data: without
// it the paragraph is a gap that says so, never covered by training
// records alone.
func (e *eval) needs() {
	tr, st := e.in.Evidence.Register("training"), e.in.Evidence.Register("staff")
	if !e.has(evidence.ParaTraining) || tr == nil || !tr.Present || st == nil || st.Present && st.Rows > 0 {
		return
	}
	why := "there is no staff register (" + st.Path + ")"
	if st.Present {
		why = "the staff register (" + st.Path + ") has no usable row"
	}
	e.finding(Finding{Paragraph: evidence.ParaTraining, Kind: Missing, Severity: Medium, Pos: diag.At(st.Path, 0, 0),
		Message: fmt.Sprintf("Training records alone cannot show that everyone with access to Government Data was trained: %s, and the training records are judged against its list of people.", why)})
}

func needsDocs() []Doc {
	return []Doc{{[]string{evidence.ParaTraining}, "training",
		"Training records are judged against the staff register: with no staff register, or one with no usable row, Annex 1 6.4 is a gap (a missing finding naming the staff register), never covered by the training records alone."}}
}

// quiet is a paragraph a rule judges row by row, and what it means when no
// row of its register concerns it: no exception claimed, no data requested,
// no leaver. The rule did read every row, so the paragraph rests on a
// check, and no paragraph is left "missing" for having nothing to judge.
type quiet struct {
	para, source string
	none         string // what no row shows, in a check's detail
}

// quietParagraphs lists them, by rule family.
func quietParagraphs() []quiet {
	return []quiet{
		{evidence.ParaClearanceHeld, "staff", "no one in post holds a role that needs a clearance"},
		{evidence.ParaTraining, "staff", "no one in post has access to Government Data"},
		{evidence.ParaRevocation, "staff", "no leaver by the as-of date"},
		{evidence.ParaNotExploitable, "vulnerabilities", "no vulnerability claims the not-exploitable exception"},
		{evidence.ParaExtension, "vulnerabilities", "no vulnerability claims the extension"},
		{evidence.ParaClientAgreed, "vulnerabilities", "no vulnerability claims a period agreed with the Client"},
		{evidence.ParaPatchDefault, "vulnerabilities", "no patch missed its period: no Default"},
		{evidence.ParaSoftwareMitigation, "software", "no product claims the mitigation-reduction exception"},
		{evidence.ParaSoftwareAgreed, "software", "no product claims the client-agreed exception"},
		{evidence.ParaDeviceEncryption, "devices", "no laptop, mobile, tablet or removable device holds Government Data"},
		{evidence.ParaTestResults, "security-tests", "no test has ended"},
		{evidence.ParaTestRemedy, "security-tests", "no test found a breach, potential breach or weakness to remediate"},
		{evidence.ParaTestRepeat, "security-tests", "no test re-tests a finding"},
		{evidence.ParaNotifyA, "incidents", "no incident recorded"},
		{evidence.ParaNotifyB, "incidents", "no incident recorded"},
		{evidence.ParaDataB, "incidents", "no request for data recorded"},
		{evidence.ParaReportB, "incidents", "no actual or attempted Breach of Security recorded"},
		{evidence.ParaReportA, "incidents", "no full report recorded; the register does not record the Client's requests"},
		{evidence.ParaRecurA, "incidents", "no root cause recorded yet"},
		{evidence.ParaRecurB, "incidents", "no root cause recorded yet"},
	}
}

// quietChecks records, for each quiet paragraph of the form, a check
// that the register was read and no row concerns it, where the register
// was supplied with rows and its rule recorded no check of its own.
func (e *eval) quietChecks() {
	have, later := map[[2]string]bool{}, map[[2]string]int{}
	for _, c := range e.checks {
		k := [2]string{c.Paragraph, c.Source}
		if c.Outcome == Later {
			later[k]++ // listed, not judged: it does not answer the paragraph
		} else {
			have[k] = true
		}
	}
	for _, q := range quietParagraphs() {
		k := [2]string{q.para, q.source}
		r := e.in.Evidence.Register(q.source)
		if !e.has(q.para) || have[k] || r == nil || !r.Present || r.Rows == 0 {
			continue
		}
		have[k] = true
		what := fmt.Sprintf("%d row%s read: %s", r.Rows, plural(r.Rows), q.none)
		if n := later[k]; n > 0 {
			what = fmt.Sprintf("%d row%s read, %d dated after the as-of date: by then, %s", r.Rows, plural(r.Rows), n, q.none)
		}
		e.check(Check{Paragraph: q.para, Source: q.source, Subject: r.Schema.File, Outcome: OK, Pos: diag.At(r.Path, 0, 0), Detail: what})
	}
}
