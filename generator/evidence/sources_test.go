package evidence

import (
	"slices"
	"testing"
)

// Every source is described, named once, and every register and every
// governance section that judges paragraphs is a source.
func TestSources(t *testing.T) {
	var names []string
	for _, k := range Sources() {
		if k.Short == "" || k.Title == "" || k.Title == k.Name {
			t.Errorf("source %q is not described", k.Name)
		}
		if slices.Contains(names, k.Name) {
			t.Errorf("source %q is listed twice", k.Name)
		}
		names = append(names, k.Name)
	}
	if !slices.Equal(SourceNames(), names) {
		t.Errorf("SourceNames() = %q, want %q", SourceNames(), names)
	}
	for _, s := range Schemas() {
		if !slices.Contains(names, s.Name) {
			t.Errorf("register %q is not an evidence source", s.Name)
		}
	}
	if got := LookupSource("no-such-source"); got.Title != "no-such-source" {
		t.Errorf("LookupSource(unknown) = %+v", got)
	}
}
