package rules

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// A row naming paragraphs in its Paragraphs column evidences them; an id
// that is not in the schedule is an invalid finding at the cell.
func TestParagraphsColumn(t *testing.T) {
	header := append(schema(t, "staff").Header(), "Paragraphs")
	row := func(id, paras string) string { return person(t, id, nil) + "\t" + paras }
	tsv := strings.Join([]string{strings.Join(header, "\t"), row("S1", "B.Annex1.5.1, B.9.5.4"), row("S2", "B.99.1; A.4.3.1")}, "\n")
	b, err := workbook.Build(workbook.Sheet{Name: "Staff", TSV: tsv})
	if err != nil {
		t.Fatal(err)
	}
	ev := evidence.Load(fstest.MapFS{"staff.xlsx": {Data: b}}, "evidence")
	r := Evaluate(setup{}.inputWith(t, ev))
	if got := status(t, r, "B.Annex1.5.1"); got.Status != Covered || !slices.Contains(got.Sources, "staff") {
		t.Errorf("B.Annex1.5.1: %+v, want covered by staff", got)
	}
	if cs := checks(r, "B.9.5.4", "S1"); len(cs) != 1 || cs[0].Outcome != OK || cs[0].Pos.Cell() != "Q2" {
		t.Errorf("B.9.5.4 S1 checks: %+v", cs)
	}
	var invalid []Finding
	for _, f := range r.Findings {
		if f.Kind == Invalid {
			invalid = append(invalid, f)
		}
	}
	if len(invalid) != 1 || invalid[0].Paragraph != "" || invalid[0].Subject != "S2" || invalid[0].Pos.Cell() != "Q3" {
		t.Fatalf("invalid findings %+v, want one for B.99.1 at Q3", invalid)
	}
	// A.4.3.1 is a real paragraph of the other form: no finding, no check.
	if cs := checks(r, "A.4.3.1", "S2"); len(cs) != 0 {
		t.Errorf("a Part A paragraph was checked in a Part B build: %+v", cs)
	}
}
