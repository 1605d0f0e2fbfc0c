package rules

import (
	"slices"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
)

// Every check names a real evidence source, so that the coverage matrix
// and the register pages find it, and every rule's docs name a real
// register and paragraphs of the schedule.
func TestSourcesAndDocs(t *testing.T) {
	sources := evidence.SourceNames()
	for _, form := range []string{"A", "B"} {
		in := sampleInput(t)
		in.Paragraphs = setup{form: form}.inputWith(t, in.Evidence).Paragraphs
		for _, c := range Evaluate(in).Checks {
			if !slices.Contains(sources, c.Source) {
				t.Errorf("form %s: check %s %s names no evidence source: %q", form, c.Paragraph, c.Subject, c.Source)
			}
		}
	}
	sch, err := loadSchedule()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Docs() {
		if _, ok := evidence.LookupSchema(d.Register); d.Register != "" && !ok {
			t.Errorf("rule %q reads no register %q", d.Text, d.Register)
		}
		for _, p := range d.Paragraphs {
			if _, ok := sch.Lookup(p); !ok {
				t.Errorf("rule %q checks no paragraph %q", d.Text, p)
			}
		}
		if d.Text == "" {
			t.Errorf("a rule of %v has no text", d.Paragraphs)
		}
	}
}
