package evidence

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ParaMonthlyReport is Part B 9.5.5: a monthly vulnerability report within
// 5 Working Days of the end of each Month.
const ParaMonthlyReport = "B.9.5.5"

// Report is one row of the register.
type Report struct {
	Month  string    `col:"Month"` // the month covered, yyyy-mm
	Start  time.Time // its first day
	Row    Text      `col:"Month"` // the key cell; Value is the month as yyyy-mm
	Issued Date      `col:"Issued"`
}

// MonthLayout formats a month as its register key.
const MonthLayout = "2006-01"

// readReports reads the rows, after making each Month a key in one
// spelling: the shared reader matched keys as written, so "2026-04" and a
// date cell in April 2026 would otherwise be two months. A Month that is
// not a month, or a month already given by an earlier row, is a problem and
// its row is not used; the rows kept are shown with the month as yyyy-mm.
func readReports(t *table) []Report {
	reg := t.reg
	col, ok := t.colIndex["Month"]
	if !ok {
		return nil
	}
	seen := map[string]int{} // month -> first sheet row
	kept := t.rows[:0]
	var data []DataRow
	for i, row := range t.rows {
		pos := t.pos(col, row.num)
		start, err := ParseMonth(row.key, t.date1904)
		if err != nil {
			reg.problem(pos, row.key, []string{ParaMonthlyReport}, "Month: %v: this row is not used", err)
			continue
		}
		month := start.Format(MonthLayout)
		if prev, dup := seen[month]; dup {
			reg.problem(pos, month, []string{ParaMonthlyReport}, "Month: %s again (first at row %d): this row is not used", start.Format("January 2006"), prev)
			continue
		}
		seen[month] = row.num
		row.key = month
		kept = append(kept, row)
		// display() filled Data from t.rows in the same order.
		if i < len(reg.Data) {
			d := reg.Data[i]
			d.Key = month
			cells := d.Cells()
			for j, h := range reg.Header {
				if h == "Month" && j < len(cells) {
					cells[j] = month
				}
			}
			d.SetCells(cells)
			data = append(data, d)
		}
	}
	t.rows = kept
	reg.Data = data
	reg.Rows = len(kept)

	return decode(t, func(r rowReader, rep *Report) {
		rep.Start, _ = time.Parse(MonthLayout, rep.Month)
		rep.Row.Value = rep.Month
	})
}

var monthText = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)

// ParseMonth reads a month: yyyy-mm (or yyyy-m) text, a month name and
// year ("April 2026", "Apr 2026"), or any date ParseDate accepts (an Excel
// date serial, yyyy-mm-dd, dd/mm/yyyy), standing for its month. It returns
// the month's first day.
func ParseMonth(raw string, date1904 bool) (time.Time, error) {
	s := strings.TrimSpace(raw)
	if m := monthText.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return time.Time{}, fmt.Errorf("want a month (yyyy-mm or a date in the month), got %q", s)
		}
		return plausible(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), s)
	}
	for _, layout := range []string{"January 2006", "Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return plausible(t, s)
		}
	}
	d, err := ParseDate(s, date1904)
	if err != nil {
		if errors.As(err, new(implausibleDate)) {
			return time.Time{}, err // a date, but a typing slip: say so
		}
		return time.Time{}, fmt.Errorf("want a month (yyyy-mm or a date in the month), got %q", s)
	}
	return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), nil
}
