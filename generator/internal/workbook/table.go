package workbook

import (
	"fmt"
	"slices"
	"strings"
)

// Table lays out a sheet by its columns, so that a fixture names only the
// cells it is about: each row starts from Base and replaces the cells it
// sets.
type Table struct {
	Name   string            // the sheet's name
	Header []string          // the column names, in order
	Base   map[string]string // column name -> the cell every row starts with
}

// Row returns one TSV row in Header's order: Base's cells, replaced by
// those of each of sets in turn. A column in sets that is not in Header is
// an error, so that a misspelt column cannot pass unseen.
func (t Table) Row(sets ...map[string]string) (string, error) {
	cells := make([]string, len(t.Header))
	for i, h := range t.Header {
		cells[i] = t.Base[h]
	}
	for _, set := range sets {
		for col, v := range set {
			i := slices.Index(t.Header, col)
			if i < 0 {
				return "", fmt.Errorf("workbook: sheet %q has no column %q", t.Name, col)
			}
			cells[i] = v
		}
	}
	return strings.Join(cells, "\t"), nil
}

// Sheet returns the sheet: the header row, then rows, each a TSV row.
func (t Table) Sheet(rows ...string) Sheet {
	var b strings.Builder
	for _, row := range append([]string{strings.Join(t.Header, "\t")}, rows...) {
		b.WriteString(row)
		b.WriteByte('\n')
	}
	return Sheet{Name: t.Name, TSV: b.String()}
}
