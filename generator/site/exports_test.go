package site

import (
	"bytes"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/model"
)

// gaps.json is written one finding at a time; it must be byte for byte what
// encoding the whole list at once gives.
func TestWriteGapsStreamsTheWholeDocument(t *testing.T) {
	findings := []model.Finding{
		{Paragraph: "B.9.3", Kind: "violation", Severity: "high", Subject: "VUL-<1>", Message: "applied \"late\" & 'twice'\u2028",
			Pos: diag.CellPos("evidence/vulnerabilities.xlsx", "Vulnerabilities", 7, 5)},
		{Kind: "invalid", Severity: "medium", Subject: "EV-A", Message: "summary: want text in quotes, got 3", Pos: diag.At("evidence/items.toml", 7, 0)},
	}
	for _, fs := range [][]model.Finding{nil, findings[:1], findings} {
		s := &model.Site{Review: model.Review{AsOf: "2026-11-27"}, Contract: model.Contract{Form: "B"}, Findings: fs}
		whole := Gaps{AsOf: s.Review.AsOf, Form: s.Contract.Form, Gaps: []Gap{}}
		for i := range fs {
			whole.Gaps = append(whole.Gaps, gap(&fs[i]))
		}
		var want, got bytes.Buffer
		if err := writeJSON(&want, whole); err != nil {
			t.Fatal(err)
		}
		if err := writeGaps(&got, s); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d findings: streamed\n%s\nwant\n%s", len(fs), got.String(), want.String())
		}
	}
}
