package workdays

import (
	"strings"
	"testing"
)

func TestParseRegion(t *testing.T) {
	tests := []struct {
		in      string
		want    Region
		wantErr string
	}{
		{"england-and-wales", EnglandAndWales, ""},
		{"scotland", Scotland, ""},
		{"northern-ireland", NorthernIreland, ""},
		{"", EnglandAndWales, ""},
		{"  Scotland\n", Scotland, ""},
		{"NORTHERN-IRELAND", NorthernIreland, ""},
		{"england", "", `unknown region "england": want "england-and-wales", "scotland" or "northern-ireland"`},
		{"wales", "", `unknown region "wales"`},
		{"northern ireland", "", `unknown region "northern ireland"`},
		{"scotland\x00", "", `unknown region "scotland\x00"`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseRegion(tt.in)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("ParseRegion(%q): %v", tt.in, err)
			case tt.wantErr != "" && err == nil:
				t.Fatalf("ParseRegion(%q) = %q, want error", tt.in, got)
			case tt.wantErr != "" && !strings.HasPrefix(err.Error(), tt.wantErr):
				t.Fatalf("ParseRegion(%q) error %q, want it to start %q", tt.in, err, tt.wantErr)
			}
			if got != tt.want {
				t.Errorf("ParseRegion(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestRegionTitle(t *testing.T) {
	tests := []struct {
		r    Region
		want string
	}{
		{EnglandAndWales, "England and Wales"},
		{Scotland, "Scotland"},
		{NorthernIreland, "Northern Ireland"},
		{"wales", ""},
	}
	for _, tt := range tests {
		if got := tt.r.Title(); got != tt.want {
			t.Errorf("%q.Title() = %q, want %q", tt.r, got, tt.want)
		}
	}
}
