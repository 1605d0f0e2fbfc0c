package evidence

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		date1904 bool
		want     string // yyyy-mm-dd, or "" for an error
		errHas   string // part of the error message
	}{
		// Excel serials, as a real date cell's raw value.
		{"serial", "45800", false, "2025-05-23", ""},
		{"serial with time of day", "45800.75", false, "2025-05-23", ""},
		{"serial padded", " 45800 ", false, "2025-05-23", ""},
		{"serial 1 is a slip", "1", false, "", "want a date between 1950 and 2199, got 1900-01-01"},
		{"first plausible day", "18264", false, "1950-01-01", ""},
		{"day before the first plausible", "18263", false, "", "got 1949-12-31"},
		{"last plausible day", "109574", false, "2199-12-31", ""},
		{"day after the last plausible", "109575", false, "", "got 2200-01-01"},
		{"leap day serial", "45351", false, "2024-02-29", ""},
		{"last serial is a slip", "2958465", false, "", "got 9999-12-31"},
		{"serial in exponent form", "4.58e4", false, "2025-05-23", ""},
		{"1904 serial", "44338", true, "2025-05-23", ""},
		{"1904 serial 1 is a slip", "1", true, "", "got 1904-01-02"},
		{"text year 0001", "0001-01-01", false, "", "want a date between 1950 and 2199"},
		{"text year 2205", "23/05/2205", false, "", "got 2205-05-23"},
		{"serial after 9999", "2958466", false, "", "want a date, got the number 2958466"},
		{"serial 0", "0", false, "", "want a date, got the number 0"},
		{"fraction of a day", "0.5", false, "", "got the number 0.5"},
		{"negative", "-1", false, "", "got the number -1"},
		{"negative zero", "-0", false, "", "got the number -0"},
		{"huge", "1e300", false, "", "got the number 1e300"},
		{"yyyymmdd typed as a number", "20250523", false, "", "got the number 20250523"},
		// Text cells.
		{"ISO", "2025-05-23", false, "2025-05-23", ""},
		{"ISO in a 1904 workbook", "2025-05-23", true, "2025-05-23", ""},
		{"ISO padded", "  2025-05-23\t", false, "2025-05-23", ""},
		{"ISO leap day", "2024-02-29", false, "2024-02-29", ""},
		{"ISO with time", "2025-05-23 10:30:00", false, "2025-05-23", ""},
		{"ISO with T", "2025-05-23T23:59:59", false, "2025-05-23", ""},
		{"UK", "23/05/2025", false, "2025-05-23", ""},
		{"UK day and month both <= 12 is day first", "03/05/2025", false, "2025-05-03", ""},
		{"UK without zeros", "3/5/2025", false, "2025-05-03", ""},
		{"UK mixed zeros", "03/5/2025", false, "2025-05-03", ""},
		{"UK 31 Jan", "31/01/2029", false, "2029-01-31", ""},
		// Junk.
		{"empty", "", false, "", "empty"},
		{"blank", "   ", false, "", "empty"},
		{"tbc", "tbc", false, "", dateWant + `, got "tbc"`},
		{"n/a", "n/a", false, "", `got "n/a"`},
		{"not a leap year", "2025-02-29", false, "", `got "2025-02-29"`},
		{"ISO without zeros", "2025-5-23", false, "", `got "2025-5-23"`},
		{"ISO with slashes", "2025/05/23", false, "", `got "2025/05/23"`},
		{"US month first", "05/23/2025", false, "", `got "05/23/2025"`},
		{"UK 31 April", "31/04/2025", false, "", `got "31/04/2025"`},
		{"UK two-digit year", "23/05/25", false, "", `got "23/05/25"`},
		{"UK with dashes", "23-05-2025", false, "", `got "23-05-2025"`},
		{"month name", "23 May 2025", false, "", `got "23 May 2025"`},
		{"ISO with zone", "2025-05-23T10:00:00Z", false, "", `got "2025-05-23T10:00:00Z"`},
		{"NaN", "NaN", false, "", `got "NaN"`},
		{"Inf", "Inf", false, "", `got "Inf"`},
		{"hex float", "0x1p4", false, "", `got "0x1p4"`},
		{"underscores", "45_800", false, "", `got "45_800"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.date1904)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %s, want an error", tt.in, got.Format("2006-01-02"))
				}
				if !strings.Contains(err.Error(), tt.errHas) {
					t.Errorf("error = %q, want it to contain %q", err, tt.errHas)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if !got.Equal(date(tt.want)) || got.Location().String() != "UTC" {
				t.Errorf("ParseDate(%q) = %v, want %s 00:00 UTC", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseYesNo(t *testing.T) {
	tests := []struct {
		in      string
		want    bool
		wantErr bool
	}{
		{"Yes", true, false}, {"yes", true, false}, {"YES", true, false}, {" Yes ", true, false},
		{"y", true, false}, {"Y", true, false}, {"true", true, false}, {"TRUE", true, false}, {"1", true, false},
		{"No", false, false}, {"no", false, false}, {"NO", false, false}, {"\tno\n", false, false},
		{"n", false, false}, {"N", false, false}, {"false", false, false}, {"False", false, false}, {"0", false, false},
		{"", false, true}, {"maybe", false, true}, {"yes please", false, true}, {"ye", false, true},
		{"2", false, true}, {"1.0", false, true}, {"t", false, true}, {"oui", false, true}, {"n/a", false, true},
	}
	for _, tt := range tests {
		got, err := ParseYesNo(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("ParseYesNo(%q) = %v, want an error", tt.in, got)
			} else if want := `want Yes or No, got "` + tt.in; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("ParseYesNo(%q) error = %q, want it to start %q", tt.in, err, want)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseYesNo(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseClearance(t *testing.T) {
	tests := []struct {
		in      string
		want    Clearance
		wantErr bool
	}{
		{"None", ClearanceNone, false}, {"none", ClearanceNone, false}, {"NONE", ClearanceNone, false},
		{"BPSS", ClearanceBPSS, false}, {"bpss", ClearanceBPSS, false},
		{"CTC", ClearanceCTC, false}, {"Ctc", ClearanceCTC, false},
		{"SC", ClearanceSC, false}, {"sc", ClearanceSC, false}, {" SC ", ClearanceSC, false},
		{"DV", ClearanceDV, false}, {"dv", ClearanceDV, false},
		{"eDV", ClearanceEDV, false}, {"EDV", ClearanceEDV, false}, {"edv", ClearanceEDV, false},
		{"", 0, true}, {"Secret", 0, true}, {"S C", 0, true}, {"e DV", 0, true}, {"DV+", 0, true},
		{"Top Secret", 0, true}, {"SC (expired)", 0, true}, {"0", 0, true}, {"Clearance(6)", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseClearance(tt.in)
		if tt.wantErr {
			if err == nil {
				t.Errorf("ParseClearance(%q) = %v, want an error", tt.in, got)
			} else if want := `want one of None, BPSS, CTC, SC, DV, eDV, got "` + tt.in + `"`; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("ParseClearance(%q) error = %q, want %q", tt.in, err, want)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseClearance(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestClearanceOrder(t *testing.T) {
	levels := []Clearance{ClearanceNone, ClearanceBPSS, ClearanceCTC, ClearanceSC, ClearanceDV, ClearanceEDV}
	if !slices.IsSorted(levels) {
		t.Errorf("levels %v are not in ascending order", levels)
	}
	var names []string
	for _, l := range levels {
		names = append(names, l.String())
	}
	if want := []string{"None", "BPSS", "CTC", "SC", "DV", "eDV"}; !slices.Equal(names, want) {
		t.Errorf("names = %q, want %q", names, want)
	}
	for _, c := range []Clearance{-1, 6} {
		if got := c.String(); !strings.HasPrefix(got, "Clearance(") {
			t.Errorf("Clearance(%d).String() = %q", int(c), got)
		}
	}
}

func TestDateString(t *testing.T) {
	if got := (Date{}).String(); got != "" {
		t.Errorf("unset Date prints %q, want empty", got)
	}
	if got := (Date{Value: date("2025-05-23"), Set: true}).String(); got != "2025-05-23" {
		t.Errorf("Date prints %q, want 2025-05-23", got)
	}
}
