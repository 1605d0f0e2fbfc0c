package site

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/agency/evidence-site/generator/model"
)

// writeGapsCSV writes gaps.csv, the gaps list for a spreadsheet, one
// finding at a time, after the protective marking if there is one. Evidence text is untrusted, so every cell that a
// spreadsheet would read as a formula is neutralised.
func writeGapsCSV(out io.Writer, s *model.Site) error {
	w := csv.NewWriter(out)
	if s.Marking != "" {
		// The protective marking first, a line of its own, as on a page.
		if err := w.Write([]string{NeutraliseFormula(s.Marking)}); err != nil {
			return err
		}
	}
	row := []string{"as_of", "form", "id", "severity", "kind", "paragraph", "subject", "message", "file", "sheet", "cell", "line", "before_period"}
	if err := w.Write(row); err != nil {
		return err
	}
	for i := range len(s.Findings) + len(s.Earlier) {
		f := listed(s, i)
		line := ""
		if n := f.Pos.TextLine(); n > 0 {
			line = strconv.Itoa(n)
		}
		row = append(row[:0], s.Review.AsOf, s.Contract.Form, f.ID, string(f.Severity), string(f.Kind), f.Paragraph, f.Subject, f.Message,
			f.Pos.File(), f.Pos.Sheet(), f.Pos.Cell(), line, map[bool]string{true: "yes"}[f.Before])
		for i := range row {
			row[i] = NeutraliseFormula(row[i])
		}
		if err := w.Write(row); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// NeutraliseFormula makes a cell value safe to open in a spreadsheet: a
// value that starts with a character that spreadsheets read as the start of
// a formula (= + - @, tab, carriage return) gets a leading apostrophe, so
// that it is shown as text and never evaluated.
func NeutraliseFormula(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}
