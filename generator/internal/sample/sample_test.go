package sample

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// register is one sheet as read back from a built workbook.
type register struct {
	headers   []string
	formatted [][]string // GetRows: dates shown as yyyy-mm-dd
	raw       [][]string // GetRows with RawCellValue: dates as serials
}

func read(t *testing.T, s workbook.Sheet) register {
	t.Helper()
	b, err := workbook.Build(s)
	if err != nil {
		t.Fatalf("Build %s: %v", s.Name, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{s.Name}) {
		t.Fatalf("sheets = %q, want [%s]", got, s.Name)
	}
	formatted, err := f.GetRows(s.Name)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := f.GetRows(s.Name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(formatted) == 0 {
		t.Fatalf("sheet %s is empty", s.Name)
	}
	return register{headers: formatted[0], formatted: formatted[1:], raw: raw[1:]}
}

// cell returns row i's value in the named column, formatted or raw.
func (r register) cell(t *testing.T, i int, col string, raw bool) string {
	t.Helper()
	c := slices.Index(r.headers, col)
	if c < 0 {
		t.Fatalf("no column %q", col)
	}
	rows := r.formatted
	if raw {
		rows = r.raw
	}
	if c >= len(rows[i]) {
		return ""
	}
	return rows[i][c]
}

// row returns the index of the first row whose first cell (its key) is id.
func (r register) row(t *testing.T, id string) int {
	t.Helper()
	for i, row := range r.formatted {
		if len(row) > 0 && row[0] == id {
			return i
		}
	}
	t.Fatalf("no row for %s", id)
	return -1
}

// TestSheets checks every register's sample: its sheet, built twice to the
// same bytes, has its schema's header row and as many rows as the package
// documents, each with a cell for every column, and no cell holds a tab or
// a newline. Every register with a documented row count has a sample.
func TestSheets(t *testing.T) {
	rows := map[string]int{
		"staff": 36, "training": 131, "vulnerabilities": 25, "vulnerability-reports": 18,
		"software": 16, "devices": 31, "security-tests": 13, "incidents": 9, "privileges": 10,
	}
	files := Files()
	for _, s := range evidence.Schemas() {
		sheet, ok := files[s.File]
		if _, documented := rows[s.Name]; ok != documented {
			t.Errorf("register %s: sample %v, documented %v", s.Name, ok, documented)
		}
		if !ok {
			continue // a register with no sample yet
		}
		r := read(t, sheet)
		if sheet.Name != s.Sheet || !slices.Equal(r.headers, s.Header()) || len(r.formatted) != rows[s.Name] {
			t.Errorf("%s: sheet %q, headers %q, %d rows; want %q, %q, %d", s.Name, sheet.Name, r.headers, len(r.formatted), s.Sheet, s.Header(), rows[s.Name])
		}
		if strings.Contains(sheet.TSV, "\r") {
			t.Errorf("%s: a cell holds a carriage return", s.Name)
		}
		lines := strings.Split(strings.TrimSuffix(sheet.TSV, "\n"), "\n")
		for i, line := range lines {
			if n := len(strings.Split(line, "\t")); n != len(s.Header()) || len(lines) != rows[s.Name]+1 {
				t.Errorf("%s row %d: %d cells in %d rows: a cell holds a tab or newline, or a row is short", s.Name, i+1, n, len(lines))
			}
		}
		a, err := workbook.Build(sheet)
		if err != nil {
			t.Fatal(err)
		}
		b, err := workbook.Build(files[s.File])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("sheet %s: two builds differ", sheet.Name)
		}
	}
}

// TestStaffSheet checks the staff register's rows: Staff IDs NS-0001 on,
// in order, 7 leavers, and yes/no cells.
func TestStaffSheet(t *testing.T) {
	staff := read(t, Staff())
	leavers := 0
	for i, row := range staff.formatted {
		id := row[0]
		if want := fmt.Sprintf("NS-%04d", i+1); id != want {
			t.Errorf("row %d: Staff ID %q, want %q", i+2, id, want)
		}
		if staff.cell(t, i, "End Date", false) != "" {
			leavers++
		}
		for _, col := range []string{"Government Data Access", "Privileged Access"} {
			if v := staff.cell(t, i, col, false); v != "Yes" && v != "No" {
				t.Errorf("%s %s = %q, want Yes or No", id, col, v)
			}
		}
	}
	if leavers != 7 {
		t.Errorf("%d leavers, want 7", leavers)
	}
}

// pinned is a documented cell of a sample: the row whose first cell is
// key, its column, its A1 reference and its formatted value.
type pinned struct {
	key, col, cell, want string
}

// pin checks each documented cell of r, so that deleting or editing one
// fails.
func pin(t *testing.T, r register, cells []pinned) {
	t.Helper()
	for _, tt := range cells {
		i := r.row(t, tt.key)
		col, row, err := excelize.CellNameToCoordinates(tt.cell)
		if err != nil {
			t.Fatal(err)
		}
		if row != i+2 || r.headers[col-1] != tt.col {
			t.Errorf("%s %s is not at %s", tt.key, tt.col, tt.cell)
		}
		if got := r.cell(t, i, tt.col, false); got != tt.want {
			t.Errorf("%s %s (%s) = %q, want %q", tt.key, tt.col, tt.cell, got, tt.want)
		}
	}
}

// TestFindingRows pins the cells of each documented finding, so that deleting
// or editing one fails here.
func TestFindingRows(t *testing.T) {
	pin(t, read(t, Staff()), []pinned{
		{"NS-0011", "Start Date", "E12", "2025-09-01"},
		{"NS-0011", "Right To Work Check", "K12", "2025-09-03"},
		{"NS-0015", "Criminal Record Check", "J16", ""},
		{"NS-0005", "Role", "C6", "System Administrator"},
		{"NS-0005", "Privileged Access", "H6", "Yes"},
		{"NS-0005", "Clearance Required", "L6", "SC"},
		{"NS-0005", "Clearance Held", "M6", "SC"},
		{"NS-0005", "Clearance Expiry", "N6", "2026-09-30"},
		{"NS-0023", "Clearance Required", "L24", "DV"},
		{"NS-0023", "Clearance Held", "M24", "SC"},
		{"NS-0023", "Exception Reference", "P24", "CLIENT-AGREE-2025-014"},
		{"NS-0019", "Clearance Required", "L20", "CTC"},
		{"NS-0019", "Clearance Held", "M20", "BPSS"},
		{"NS-0019", "Exception Reference", "P20", ""},
		{"NS-0029", "Government Data Access", "G30", "Yes"},
		{"NS-0029", "End Date", "F30", ""},
		{"NS-0026", "Government Data Access", "G27", "Yes"},
		{"NS-0026", "End Date", "F27", ""},
		{"NS-0034", "End Date", "F35", "2026-05-22"},
		{"NS-0034", "Access Revoked", "O35", "2026-05-26"},
		{"NS-0035", "End Date", "F36", "2025-12-24"},
		{"NS-0035", "Access Revoked", "O36", "2025-12-30"},
		{"NS-0036", "End Date", "F37", "2026-09-30"},
		{"NS-0036", "Access Revoked", "O37", ""},
	})

	training := read(t, Training())
	var latest29 string
	for i, row := range training.formatted {
		if row[0] == "NS-0026" {
			t.Errorf("training row %d: NS-0026 must have no training", i+2)
		}
		if row[0] == "NS-0029" {
			latest29 = max(latest29, row[2])
		}
	}
	if latest29 != "2025-10-27" {
		t.Errorf("NS-0029 latest training %q, want 2025-10-27", latest29)
	}
	for _, want := range TrainingFindingRows() {
		if !slices.ContainsFunc(training.formatted, func(row []string) bool { return slices.Equal(row, want) }) {
			t.Errorf("training row %q is missing", want)
		}
	}
}

// TestDateCells checks that real dates are serials and text dates are text.
func TestDateCells(t *testing.T) {
	staff := read(t, Staff())
	tests := []struct {
		id, col string
		raw     string
	}{
		{"NS-0011", "Right To Work Check", "45903"}, // 2025-09-03
		{"NS-0034", "Access Revoked", "46168"},      // 2026-05-26
		{"NS-0009", "Identity Check", "14/03/2025"},
		{"NS-0009", "Criminal Record Check", "14/03/2025"},
		{"NS-0014", "Right To Work Check", "17/03/2025"},
		{"NS-0018", "Identity Check", "10/03/2025"},
		{"NS-0020", "Clearance Expiry", "31/01/2029"},
		{"NS-0033", "End Date", "28/11/2025"},
	}
	for _, tt := range tests {
		if got := staff.cell(t, staff.row(t, tt.id), tt.col, true); got != tt.raw {
			t.Errorf("%s %s raw = %q, want %q", tt.id, tt.col, got, tt.raw)
		}
	}
}

// TestExactlyTheDocumentedFindings runs a small independent check of the
// sample against the rules it illustrates and compares the result with the
// findings listed in the package comment: the sample is otherwise clean.
func TestExactlyTheDocumentedFindings(t *testing.T) {
	staff, training := read(t, Staff()), read(t, Training())
	asOf := mustDate(t, AsOf)
	var got []string
	add := func(format string, args ...any) { got = append(got, fmt.Sprintf(format, args...)) }
	date := func(r register, i int, col string) (time.Time, bool) {
		t.Helper()
		v := r.cell(t, i, col, true)
		if v == "" {
			return time.Time{}, false
		}
		d, err := parseDate(v)
		if err != nil {
			t.Fatalf("row %d %s: %v", i+2, col, err)
		}
		return d, true
	}
	rank := map[string]int{"None": 0, "BPSS": 1, "CTC": 2, "SC": 3, "DV": 4, "eDV": 5}

	current := map[string]bool{}
	known := map[string]bool{}
	for i, row := range staff.formatted {
		id := row[0]
		known[id] = true
		start, ok := date(staff, i, "Start Date")
		if !ok || !workingDay(start) {
			add("%s bad Start Date", id)
		}
		for _, col := range []string{"Identity Check", "Criminal Record Check", "Right To Work Check"} {
			switch d, ok := date(staff, i, col); {
			case !ok:
				add("%s %s missing", id, col)
			case d.After(start):
				add("%s %s after start", id, col)
			}
		}
		req, held := staff.cell(t, i, "Clearance Required", false), staff.cell(t, i, "Clearance Held", false)
		if _, ok := rank[req]; !ok {
			add("%s bad Clearance Required %q", id, req)
		}
		if _, ok := rank[held]; !ok {
			add("%s bad Clearance Held %q", id, held)
		}
		if rank[held] < rank[req] {
			if ref := staff.cell(t, i, "Exception Reference", false); ref != "" {
				add("%s clearance exception %s", id, ref)
			} else {
				add("%s clearance gap", id)
			}
		} else if staff.cell(t, i, "Exception Reference", false) != "" {
			add("%s needless exception", id)
		}
		expiry, ok := date(staff, i, "Clearance Expiry")
		if ok != (rank[held] >= rank["CTC"]) {
			add("%s expiry present %v for %s", id, ok, held)
		}
		if ok && !expiry.After(asOf) {
			add("%s clearance expired", id)
		}
		if staff.cell(t, i, "Privileged Access", false) == "Yes" && rank[req] < rank["SC"] {
			add("%s privileged without SC required", id)
		}
		end, left := date(staff, i, "End Date")
		revoked, isRevoked := date(staff, i, "Access Revoked")
		switch {
		case !left && isRevoked:
			add("%s revoked but current", id)
		case !left:
			current[id] = true
		case end.After(asOf) || !workingDay(end):
			add("%s bad End Date", id)
		case !isRevoked:
			add("%s not revoked", id)
		case revoked.Before(end) || !workingDay(revoked):
			add("%s bad Access Revoked", id)
		case revoked.After(nextWorkingDay(end)):
			add("%s revoked late", id)
		}
	}

	latest := map[string]time.Time{}
	for i, row := range training.formatted {
		id := row[0]
		if !known[id] {
			add("training row %d: unknown staff %s", i+2, id)
			continue
		}
		if row[1] != SIM {
			add("training row %d: course %q", i+2, row[1])
		}
		d, err := parseDate(training.cell(t, i, "Completed", true))
		if err != nil {
			add("training row %d: bad date %s", i+2, row[2])
			continue
		}
		if d.After(asOf) || !workingDay(d) {
			add("training row %d: date %s", i+2, row[2])
		}
		if d.After(latest[id]) {
			latest[id] = d
		}
	}
	for i, row := range staff.formatted {
		id := row[0]
		if !current[id] {
			continue
		}
		gda := staff.cell(t, i, "Government Data Access", false) == "Yes"
		switch d, ok := latest[id]; {
		case !ok:
			add("%s no training (gda %v)", id, gda)
		case !d.After(asOf.AddDate(-1, 0, 0)):
			add("%s training stale %s (gda %v)", id, d.Format(time.DateOnly), gda)
		}
	}

	want := []string{
		"NS-0011 Right To Work Check after start",
		"NS-0015 Criminal Record Check missing",
		"NS-0005 clearance expired",
		"NS-0023 clearance exception CLIENT-AGREE-2025-014",
		"NS-0019 clearance gap",
		"NS-0026 no training (gda true)",
		"NS-0029 training stale 2025-10-27 (gda true)",
		"NS-0035 revoked late",
		"NS-0036 not revoked",
		"training row 131: unknown staff NS-0099",
		"training row 132: bad date tbc",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// The NS-0034 boundary relies on Monday 25 May 2026 being a bank holiday.
	if d := nextWorkingDay(mustDate(t, "2026-05-22")); d.Format(time.DateOnly) != "2026-05-26" {
		t.Errorf("working day after 2026-05-22 = %s, want 2026-05-26", d.Format(time.DateOnly))
	}
	if d := nextWorkingDay(mustDate(t, "2025-12-24")); d.Format(time.DateOnly) != "2025-12-29" {
		t.Errorf("working day after 2025-12-24 = %s, want 2025-12-29", d.Format(time.DateOnly))
	}
}

// bankHolidays in England and Wales in 2025 and 2026, as published on GOV.UK:
// the years of the sample's leavers. Earlier dates are only checked for
// weekends.
var bankHolidays = map[string]bool{
	"2025-01-01": true, "2025-04-18": true, "2025-04-21": true, "2025-05-05": true,
	"2025-05-26": true, "2025-08-25": true, "2025-12-25": true, "2025-12-26": true,
	"2026-01-01": true, "2026-04-03": true, "2026-04-06": true, "2026-05-04": true,
	"2026-05-25": true, "2026-08-31": true, "2026-12-25": true, "2026-12-28": true,
}

func workingDay(d time.Time) bool {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday && !bankHolidays[d.Format(time.DateOnly)]
}

func nextWorkingDay(d time.Time) time.Time {
	for d = d.AddDate(0, 0, 1); !workingDay(d); d = d.AddDate(0, 0, 1) {
	}
	return d
}

// parseDate reads a raw cell: an Excel serial or UK dd/mm/yyyy text.
func parseDate(raw string) (time.Time, error) {
	if serial, err := strconv.ParseFloat(raw, 64); err == nil {
		return excelize.ExcelDateToTime(serial, false)
	}
	return time.Parse("02/01/2006", raw)
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
