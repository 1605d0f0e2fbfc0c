package sample

import (
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestSecurityTestsSheet checks the Tests sheet's shape and pins the cells
// of each documented finding and boundary row, so that editing one fails
// here.
func TestSecurityTestsSheet(t *testing.T) {
	reg := read(t, SecurityTests())
	for _, c := range []struct{ cell, want string }{
		{"A11", "RT-2026-01"}, {"I11", "potential-breach"}, {"J11", "unpatched VPN  appliance firmware"}, {"K11", "F-2026-01, F-2026-02"},
		{"H8", "F-2026-01"}, {"I8", "potential-breach"}, {"J8", "Unpatched VPN appliance firmware"},
		{"A13", "CT-2026-01"}, {"B13", "2026-09-14"}, {"F13", "2026-09-15"},
		{"H10", "F-2026-03"}, {"I10", "weakness"}, {"L10", ""}, {"C10", "2026-05-22"},
		{"A14", "CT-2026-02"}, {"C14", "2026-10-30"}, {"G14", ""}, {"I14", "none"},
		{"B6", "2025-10-13"}, {"F6", "2025-10-13"}, {"G6", "2025-10-29"},
		{"G8", "2026-06-08"}, {"L13", "2026-10-05"}, {"K5", "PT-2025-01"},
	} {
		if got := cellAt(t, reg, c.cell); got != c.want {
			t.Errorf("%s = %q, want %q", c.cell, got, c.want)
		}
	}
	// Full-scope tests ended in June 2025 and May 2026, within 12 Months.
	var full []string
	for i := range reg.formatted {
		if reg.cell(t, i, "Full ISMS Scope", false) == "Yes" {
			full = append(full, reg.cell(t, i, "End Date", false))
		}
	}
	if full = slices.Compact(full); !slices.Equal(full, []string{"2025-06-20", "2026-05-22"}) {
		t.Errorf("full-scope End Dates %q", full)
	}
	// Every date is a Working Day on or before the as-of date, and a real
	// date cell but for the one UK text date.
	for i, row := range reg.formatted {
		for _, col := range []string{"Start Date", "End Date", "Client Agreed On", "Results Delivered On", "Remediated On"} {
			checkSampleDate(t, reg, i, col, row[0])
		}
	}
	if got := reg.cell(t, reg.row(t, "RT-2025-01"), "Results Delivered On", true); got != "08/08/2025" {
		t.Errorf("RT-2025-01 Results Delivered On raw %q, want the UK text date", got)
	}
}

// cellAt returns a formatted cell by its A1 reference (row 1 the header).
func cellAt(t *testing.T, r register, ref string) string {
	t.Helper()
	col, row, err := excelize.CellNameToCoordinates(ref)
	if err != nil || row < 2 || row-2 >= len(r.formatted) {
		t.Fatalf("cell %s: %v", ref, err)
	}
	cells := r.formatted[row-2]
	if col-1 >= len(cells) {
		return ""
	}
	return cells[col-1]
}

// checkSampleDate fails unless row i's col is empty or a Working Day no
// later than AsOf.
func checkSampleDate(t *testing.T, r register, i int, col, id string) {
	t.Helper()
	raw := r.cell(t, i, col, true)
	if raw == "" {
		return
	}
	d, err := parseDate(raw)
	if err != nil {
		t.Errorf("%s row %d %s: %v", id, i+2, col, err)
		return
	}
	if !workingDay(d) || d.After(mustDate(t, AsOf)) {
		t.Errorf("%s row %d %s = %s: not a Working Day on or before %s", id, i+2, col, d.Format("2006-01-02 Mon"), AsOf)
	}
}
