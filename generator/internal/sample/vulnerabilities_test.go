package sample

import (
	"fmt"
	"strconv"
	"testing"
	"time"
)

// TestVulnerabilitiesSample pins the shape of the vulnerability register
// and the cells of each documented finding, so that editing one fails here.
func TestVulnerabilitiesSample(t *testing.T) {
	r := read(t, Vulnerabilities())
	for i, row := range r.formatted {
		if want := fmt.Sprintf("VUL-%04d", i+1); row[0] != want {
			t.Errorf("row %d: %q, want %s", i+2, row[0], want)
		}
	}
	pin(t, r, []pinned{
		{"VUL-0011", "Patch Applied", "E12", "2025-12-01"}, // 1
		{"VUL-0011", "Severity", "C12", "CVSS 8.8"},
		{"VUL-0022", "Patch Applied", "E23", ""}, // 2
		{"VUL-0022", "Patch Released", "D23", "2026-09-15"},
		{"VUL-0024", "Patch Applied", "E25", ""},            // 3
		{"VUL-0023", "Exception", "F24", "not-exploitable"}, // 4
		{"VUL-0023", "Exception Reference", "G24", "NE-2026-005"},
		{"VUL-0019", "Test Plan Reference", "J20", "TP-PATCH-2026-03"}, // 5
		{"VUL-0020", "Exception", "F21", "extension"},                  // 6
		{"VUL-0020", "Severity", "C21", "NVD Low"},
		{"VUL-0021", "Agreed Days", "H22", "45"},               // 7
		{"VUL-0018", "Exploitable Since", "I19", "2026-06-15"}, // 8
	})
	// Severities in each notation: a CVSS score is a real number cell.
	for id, want := range map[string]string{"VUL-0003": "8.1", "VUL-0016": "3.7", "VUL-0025": "9.8"} {
		i := r.row(t, id)
		if got := r.cell(t, i, "Severity", true); got != want {
			t.Errorf("%s Severity raw %q, want the number %s", id, got, want)
		}
	}
	for _, sev := range []string{"Critical", "Important", "Other", "High", "Medium", "Low", "NVD Low", "High (NVD)", "Microsoft Critical", "Microsoft Important", "Microsoft Moderate", "CVSS 8.8"} {
		found := false
		for i := range r.formatted {
			found = found || r.cell(t, i, "Severity", false) == sev
		}
		if !found {
			t.Errorf("no row with severity %q", sev)
		}
	}
	// Every date is a real date cell, within the contract period.
	for i := range r.formatted {
		for _, col := range []string{"Patch Released", "Patch Applied", "Exploitable Since"} {
			v := r.cell(t, i, col, false)
			if v == "" {
				continue
			}
			if raw := r.cell(t, i, col, true); raw == v {
				t.Errorf("row %d %s %q is text, want a date cell", i+2, col, v)
			}
			if v < ContractStart || v > AsOf {
				t.Errorf("row %d %s %s outside the contract period", i+2, col, v)
			}
		}
	}
}

// TestReportsSample pins the monthly reports register: April 2025 to
// October 2026 but February 2026, 2025 as yyyy-mm text, 2026 as dates.
func TestReportsSample(t *testing.T) {
	r := read(t, Reports())
	var months []string
	for m := mustDate(t, "2025-04-01"); m.Before(mustDate(t, "2026-11-01")); m = m.AddDate(0, 1, 0) {
		if m.Format("2006-01") != "2026-02" {
			months = append(months, m.Format("2006-01"))
		}
	}
	if len(r.formatted) != len(months) {
		t.Fatalf("%d reports, want %d", len(r.formatted), len(months))
	}
	for i, want := range months {
		formatted, raw := r.cell(t, i, "Month", false), r.cell(t, i, "Month", true)
		switch {
		case want < "2026-01":
			if formatted != want || raw != want {
				t.Errorf("row %d: Month %q (raw %q), want the text %s", i+2, formatted, raw, want)
			}
		case want == "2026-03":
			if formatted != "31/03/2026" || raw != formatted {
				t.Errorf("row %d: Month %q (raw %q), want the UK text date 31/03/2026", i+2, formatted, raw)
			}
		default:
			if _, err := strconv.ParseFloat(raw, 64); err != nil || formatted[:7] != want {
				t.Errorf("row %d: Month %q (raw %q), want a date cell in %s", i+2, formatted, raw, want)
			}
		}
	}
	if got := r.cell(t, 8, "Issued", false); got != "2026-01-12" || r.cell(t, 8, "Month", false) != "2025-12" {
		t.Errorf("row 10: December 2025 issued %q, want 2026-01-12 (finding 1)", got)
	}
}

// TestPatchingSampleWeekdays checks the days of the week the package
// documentation names.
func TestPatchingSampleWeekdays(t *testing.T) {
	for d, want := range map[string]time.Weekday{
		"2025-11-13": time.Thursday, "2025-11-27": time.Thursday, "2025-12-01": time.Monday,
		"2026-09-15": time.Tuesday, "2026-10-15": time.Thursday, "2026-10-20": time.Tuesday, "2027-01-15": time.Friday,
		"2026-07-14": time.Tuesday, "2026-08-02": time.Sunday, "2026-07-31": time.Friday,
		"2026-08-20": time.Thursday, "2026-10-04": time.Sunday, "2026-10-01": time.Thursday,
		"2026-06-15": time.Monday, "2026-06-29": time.Monday, "2026-03-02": time.Monday, "2026-03-16": time.Monday,
		"2025-08-29": time.Friday, "2025-09-28": time.Sunday, "2025-11-18": time.Tuesday, "2026-02-13": time.Friday,
		"2026-03-10": time.Tuesday, "2026-06-08": time.Monday,
		"2025-12-31": time.Wednesday, "2026-01-08": time.Thursday, "2026-01-12": time.Monday, "2026-03-06": time.Friday,
		"2026-04-30": time.Thursday, "2026-05-04": time.Monday, "2026-05-08": time.Friday, "2026-05-31": time.Sunday, "2026-06-05": time.Friday,
		"2026-04-09": time.Thursday,
	} {
		if got := mustDate(t, d).Weekday(); got != want {
			t.Errorf("%s is a %s, not a %s", d, got, want)
		}
	}
}
