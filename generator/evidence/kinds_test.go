package evidence

import (
	"slices"
	"testing"

	"github.com/agency/evidence-site/generator/schedule"
)

// The kinds described here are exactly those the content may name, and
// every register's schema name is a kind.
func TestKindsMatchSchedule(t *testing.T) {
	var names []string
	for _, k := range Sources() {
		if k.Short == "" || k.Title == "" || k.Title == k.Name {
			t.Errorf("kind %q is not described", k.Name)
		}
		names = append(names, k.Name)
	}
	if want := schedule.EvidenceKinds(); !slices.Equal(names, want) {
		t.Errorf("evidence.Kinds() = %q\nschedule.EvidenceKinds() = %q", names, want)
	}
	for _, s := range Schemas() {
		if !slices.Contains(names, s.Name) {
			t.Errorf("register %q is not an evidence kind", s.Name)
		}
	}
}
