package evidence

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/diag"
)

// Cell is one value of the evidence, read into a T with where it is:
// Set is false when the cell (or TOML key) is empty or absent; Invalid is
// true when it held something that is not allowed, already reported as a
// problem, so rules must not report it again as missing.
//
// Absent is true, with Invalid, when the cell's column is a required one
// missing from the sheet (reported once, for the header row): there is no
// cell to read, so what depends on it cannot be judged. Any other invalid
// cell is a cell that could not be read, which the rules read the stricter
// way, as if empty.
type Cell[T any] struct {
	Value   T
	Set     bool
	Invalid bool
	Absent  bool
	Pos     diag.Pos
}

// The cells of the registers and the TOML files.
type (
	Text          = Cell[string]    // text; in a choice column, one of its choices as documented
	Date          = Cell[time.Time] // a day
	Bool          = Cell[bool]      // yes or no
	ClearanceCell = Cell[Clearance] // a vetting level
	Days          = Cell[int]       // a positive whole number of days
	SeverityCell  = Cell[Rating]    // a severity, read with ParseSeverity
)

// read reads the cell of column col of r's row with the parser of its
// type.
func (c *Cell[T]) read(r rowReader, col string) {
	switch c := any(c).(type) {
	case *Text:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, r.t.reg.column(col).choice)
	case *Date:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, func(v string) (time.Time, error) { return ParseDate(v, r.t.date1904) })
	case *Bool:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, ParseYesNo)
	case *ClearanceCell:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, ParseClearance)
	case *Days:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, parseDays)
	case *SeverityCell:
		c.Value, c.Set, c.Invalid, c.Pos = parsed(r, col, ParseSeverity)
	default:
		r.t.reg.bug("it cannot read column %q into a %T", col, c)
	}
	if _, _, present := r.raw(col); !present {
		c.Absent = c.Invalid
	}
}

// String prints a date as yyyy-mm-dd and any other value as Go does; ""
// when unset.
func (c Cell[T]) String() string {
	if !c.Set {
		return ""
	}
	if t, ok := any(c.Value).(time.Time); ok {
		return t.Format(time.DateOnly)
	}
	return fmt.Sprint(c.Value)
}

// Clearance is a national security vetting level, ordered None < BPSS <
// CTC < SC < DV < eDV.
type Clearance int

// Clearance levels in ascending order.
const (
	ClearanceNone Clearance = iota
	ClearanceBPSS
	ClearanceCTC
	ClearanceSC
	ClearanceDV
	ClearanceEDV
)

var clearanceNames = [...]string{"None", "BPSS", "CTC", "SC", "DV", "eDV"}

func (c Clearance) String() string {
	if c < 0 || int(c) >= len(clearanceNames) {
		return fmt.Sprintf("Clearance(%d)", int(c))
	}
	return clearanceNames[c]
}

func parseDays(v string) (int, error) {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || !decimal(v) {
		return 0, fmt.Errorf("want a number, got %q", v)
	}
	if f < 1 || f != math.Trunc(f) || f > 36500 {
		return 0, fmt.Errorf("want a positive whole number of days, got %s", strconv.FormatFloat(f, 'f', -1, 64))
	}
	return int(f), nil
}

// ParseDate reads a date cell's raw value: an Excel serial number (as
// stored for a real date cell), or text in ISO yyyy-mm-dd or UK dd/mm/yyyy
// form (d/m/yyyy too).
func ParseDate(raw string, date1904 bool) (time.Time, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return time.Time{}, fmt.Errorf("empty")
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && decimal(s) {
		// Serial 1 is 1900-01-01; 2958465 is 9999-12-31. Anything else in
		// a date column is not a date.
		if f < 1 || f >= 2958466 || f != f {
			return time.Time{}, fmt.Errorf("want a date, got the number %s", s)
		}
		t, err := excelize.ExcelDateToTime(f, date1904)
		if err != nil {
			return time.Time{}, fmt.Errorf("want a date, got the number %s", s)
		}
		return plausible(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), s)
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006", "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), s)
		}
	}
	return time.Time{}, fmt.Errorf("want a date (yyyy-mm-dd, dd/mm/yyyy or an Excel date), got %q", s)
}

// Evidence dates outside these years are typing slips (0001-01-01, 2205
// for 2025), not dates to judge a contract by.
const (
	minYear = 1950
	maxYear = 2199
)

func plausible(t time.Time, raw string) (time.Time, error) {
	if t.Year() < minYear || t.Year() > maxYear {
		return time.Time{}, implausibleDate{t, raw}
	}
	return t, nil
}

// implausibleDate is a date outside minYear to maxYear: a real date, but
// a typing slip.
type implausibleDate struct {
	t   time.Time
	raw string
}

func (e implausibleDate) Error() string {
	return fmt.Sprintf("want a date between %d and %d, got %s (%q)", minYear, maxYear, e.t.Format(time.DateOnly), e.raw)
}

// decimal reports whether s is written as a plain decimal number, as a
// cell's raw value is: strconv.ParseFloat also takes "0x1p4", "1_000",
// "Inf" and "NaN", which in a date column are text, not serials.
func decimal(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return (r < '0' || r > '9') && !strings.ContainsRune(".eE+-", r)
	}) < 0
}

// ParseYesNo reads yes/no/y/n/true/false (any case) and Excel's boolean
// 1/0.
func ParseYesNo(raw string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(raw)) {
	case "yes", "y", "true", "1":
		return true, nil
	case "no", "n", "false", "0":
		return false, nil
	}
	return false, fmt.Errorf("want Yes or No, got %q%s", raw, diag.DidYouMean(raw, []string{"Yes", "No"}))
}

// ParseClearance reads a clearance level, case-insensitively.
func ParseClearance(raw string) (Clearance, error) {
	s := strings.TrimSpace(raw)
	for i, n := range clearanceNames {
		if strings.EqualFold(s, n) {
			return Clearance(i), nil
		}
	}
	return 0, fmt.Errorf("want one of %s, got %q%s", strings.Join(clearanceNames[:], ", "), raw, diag.DidYouMean(raw, clearanceNames[:]))
}
