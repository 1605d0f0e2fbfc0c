package scaffold

import (
	"strconv"
	"strings"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

// ExampleSheet is the sheet of every template workbook that shows two
// filled rows. The reader reads only the register's own sheet.
const ExampleSheet = "Example"

// Workbook returns a register's template: its own sheet, first, with the
// header row and nothing else, laid out to be filled in (each header's
// note, each column's format and list of values); then the Example sheet
// with two filled rows.
func Workbook(s evidence.Schema) ([]byte, error) {
	header := make([]string, len(s.Columns))
	form := make([]workbook.Column, len(s.Columns))
	formats := make([]workbook.Column, len(s.Columns))
	for i, c := range s.Columns {
		header[i] = c.Name
		form[i] = workbook.Column{Note: note(s, c), Format: format(c), List: c.Values()}
		formats[i] = workbook.Column{Format: format(c)}
	}
	table := workbook.Table{Name: s.Sheet, Header: header, Base: s.Example()}
	first, err := table.Row()
	if err != nil {
		return nil, err
	}
	second, err := table.Row(map[string]string{s.Key: NextKey(s.Example()[s.Key])})
	if err != nil {
		return nil, err
	}
	register := table.Sheet()
	register.Columns = form
	example := workbook.Table{Name: ExampleSheet, Header: header}.Sheet(first, second)
	example.Columns = formats
	return workbook.Build(register, example)
}

// format is a column's number format: a date column's cells are dates,
// and a text column's stay text as typed (a version 10.0, an id 0012).
func format(c evidence.Column) workbook.Format {
	switch c.Type {
	case evidence.TypeDate:
		return workbook.Date
	case evidence.TypeText:
		return workbook.Text
	}
	return workbook.General
}

// note is the note on a column's header: what goes there, and whether the
// column and its cells are required.
func note(s evidence.Schema, c evidence.Column) string {
	var need string
	switch {
	case c.Filled:
		need = "Required: every row gives a value."
	case c.Required:
		need = "Required column: a cell may be left empty."
	default:
		need = "Optional: the column may be left out."
	}
	if c.Name == s.Key && s.UniqueKey {
		need += " Unique: " + s.RowDoc + "."
	}
	return c.Doc + "\n\n" + need
}

// NextKey is the key of the second example row: the first's with its last
// number one more, as wide ("NS-0001" gives "NS-0002", "2026-04" gives
// "2026-05"), or with " 2" after it when it has no number.
func NextKey(key string) string {
	end := strings.LastIndexFunc(key, isDigit) + 1
	if end == 0 {
		return key + " 2"
	}
	start := strings.LastIndexFunc(key[:end], func(r rune) bool { return !isDigit(r) }) + 1
	digits := key[start:end]
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil {
		return key + " 2"
	}
	next := strconv.FormatUint(n+1, 10)
	if len(next) < len(digits) {
		next = strings.Repeat("0", len(digits)-len(next)) + next
	}
	return key[:start] + next + key[end:]
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
