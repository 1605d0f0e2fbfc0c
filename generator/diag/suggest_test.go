package diag

import "testing"

func TestClosest(t *testing.T) {
	headers := []string{"Staff ID", "Name", "Criminal Record Check", "Right To Work Check", "Identity Check", "Start Date", "End Date"}
	tests := []struct {
		got     string
		options []string
		want    string // "" for no suggestion
	}{
		{"Criminal Records Check", headers, "Criminal Record Check"},
		{"criminal_record_check", headers, "Criminal Record Check"},
		{"Right to Work", headers, ""}, // too far: a different column
		{"Strat Date", headers, "Start Date"},
		{"Date", headers, ""}, // as close to Start Date as End Date? no: too far from both
		{"Ned Date", headers, "End Date"},
		{"last_review", []string{"version", "last_reviewed", "documents"}, "last_reviewed"},
		{"tbc", []string{"Yes", "No"}, ""},
		{"Clinet", []string{"Agency", "Client"}, "Client"},
		{"Kestrel Cloud", []string{"Agency", "Client"}, ""},
		{"Noo", []string{"Yes", "No"}, "No"},
		{"", headers, ""},
		{"SC1", []string{"SC", "DV", "BPSS", "CTC"}, "SC"},
		{"Manager", []string{"SC", "DV", "BPSS", "CTC"}, ""},
		{"Laptpo", []string{"Laptop", "Desktop", "Mobile"}, "Laptop"},
	}
	for _, tt := range tests {
		got, ok := Closest(tt.got, tt.options)
		if tt.want == "" && ok || tt.want != "" && got != tt.want {
			t.Errorf("Closest(%q) = %q, %v; want %q", tt.got, got, ok, tt.want)
		}
	}
	if s := DidYouMean("Clinet", []string{"Agency", "Client"}); s != ` (did you mean "Client"?)` {
		t.Errorf("DidYouMean = %q", s)
	}
	if s := DidYouMean("tbc", []string{"Yes", "No"}); s != "" {
		t.Errorf("DidYouMean = %q", s)
	}
}

// Two options equally close give no suggestion: a guess would mislead.
func TestClosestTie(t *testing.T) {
	if got, ok := Closest("Mobil", []string{"Mobile", "Mobilx"}); ok {
		t.Errorf("Closest = %q, want no suggestion on a tie", got)
	}
}
