package site

import (
	"bytes"
	"encoding/csv"
	"strconv"

	"github.com/agency/evidence-site/generator/model"
)

// gapsCSV is gaps.csv: the gaps list for a spreadsheet. Evidence text is
// untrusted, so every cell that a spreadsheet would read as a formula is
// neutralised.
func gapsCSV(s *model.Site) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	rows := [][]string{{"as_of", "form", "severity", "kind", "paragraph", "subject", "message", "file", "sheet", "cell", "line"}}
	for _, f := range s.Findings {
		line := ""
		if f.Pos.Line > 0 {
			line = strconv.Itoa(f.Pos.Line)
		}
		rows = append(rows, []string{s.Review.AsOf, s.Contract.Form, string(f.Severity), string(f.Kind), f.Paragraph, f.Subject, f.Message,
			f.Pos.File, f.Pos.Sheet, f.Pos.Cell, line})
	}
	for _, r := range rows {
		for i := range r {
			r[i] = NeutraliseFormula(r[i])
		}
		if err := w.Write(r); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
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
