package tomlfile

import (
	"testing"
	"time"
)

// Every TOML file reads dates the one way the README says: a TOML date or
// "yyyy-mm-dd" text, nothing else.
func TestDate(t *testing.T) {
	tests := []struct {
		in      any
		want    string // yyyy-mm-dd, or the error
		wantErr bool
	}{
		{time.Date(2025, 11, 3, 0, 0, 0, 0, time.Local), "2025-11-03", false},
		{"2025-11-03", "2025-11-03", false},
		{" 2025-11-03 ", "2025-11-03", false},
		{"03/11/2025", `want a date such as 2025-04-01, got "03/11/2025"`, true},
		{"2025-11-3", `want a date such as 2025-04-01, got "2025-11-3"`, true},
		{"3 November 2025", `want a date such as 2025-04-01, got "3 November 2025"`, true},
		{"2025-02-29", `want a date such as 2025-04-01, got "2025-02-29"`, true},
		{int64(45800), "want a date such as 2025-04-01, got the number 45800", true},
		{time.Date(2025, 11, 3, 10, 30, 0, 0, time.UTC), "want a date such as 2025-04-01, got a date-time 2025-11-03T10:30:00Z", true},
		{true, "want a date such as 2025-04-01, got true", true},
	}
	for _, tt := range tests {
		d, err := Date(tt.in)
		switch {
		case tt.wantErr && (err == nil || err.Error() != tt.want):
			t.Errorf("Date(%v) error = %v, want %q", tt.in, err, tt.want)
		case !tt.wantErr && (err != nil || d.Format(time.DateOnly) != tt.want || d.Location() != time.UTC):
			t.Errorf("Date(%v) = %v, %v; want %s UTC", tt.in, d, err, tt.want)
		}
	}
}
