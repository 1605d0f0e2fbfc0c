package evidence

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"

	"github.com/agency/evidence-site/generator/diag"
)

// Size bounds for a workbook: evidence is untrusted input and an .xlsx is a
// zip file, so both the file and what it unzips to are bounded.
const (
	MaxWorkbookSize = 64 << 20  // bytes on disk
	MaxUnzippedSize = 512 << 20 // bytes once unzipped
)

// ColumnType is the type of a register column.
type ColumnType int

// Column types.
const (
	TypeText ColumnType = iota
	TypeDate
	TypeYesNo
	TypeClearance
	TypeNumber
	TypeChoice // one of Column.Choices, matched by FoldChoice
)

// Column describes one column of a register.
type Column struct {
	Name string
	Type ColumnType
	// Required columns must be present in the header row.
	Required bool
	// Filled columns must have a value in every row.
	Filled bool
	// Paragraphs are the schedule paragraphs this column evidences; a
	// problem with the column is a finding against them.
	Paragraphs []string
	// Doc says what the column holds, for the site and README.md.
	Doc string
	// Choices are the accepted values of a TypeChoice column, as written
	// in the documentation.
	Choices []string
	// Example is the column's cell in the register's example row, as
	// written in a cell (a leading ' keeps a number as text): the base row
	// of the test fixtures.
	Example string
}

// Schema describes a register: one sheet of one workbook.
type Schema struct {
	Name  string // short name, e.g. "staff"
	Title string // e.g. "Staff register"
	Short string // a column heading, e.g. "Staff"
	File  string // file name under the evidence folder
	Sheet string
	Key   string // the column whose value names a row's subject
	// UniqueKey is true when each subject has one row (a staff register);
	// false when it may have many (a training log).
	UniqueKey bool
	RowDoc    string // what a row is, for the docs: "one row per person"
	Columns   []Column
}

// Header returns the names of the register's own columns, in order: its
// header row, without the optional Paragraphs column.
func (s Schema) Header() []string {
	var out []string
	for _, c := range s.Columns {
		if c.Name != ParagraphsColumn {
			out = append(out, c.Name)
		}
	}
	return out
}

// Example returns the register's example row: column name -> cell.
func (s Schema) Example() map[string]string {
	out := map[string]string{}
	for _, c := range s.Columns {
		out[c.Name] = c.Example
	}
	return out
}

// Column returns the named column.
func (s Schema) Column(name string) (Column, bool) {
	for _, c := range s.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Values returns the values a column of a fixed set of values accepts, as
// documented and in order: Yes and No for a yes/no column, the clearance
// levels in ascending order, a choice column's Choices. It is nil for a
// column of free text, dates or numbers. A spreadsheet offers them as a
// drop-down list; the reader also takes other spellings of them (y, true,
// "Not exploitable").
func (c Column) Values() []string {
	switch c.Type {
	case TypeYesNo:
		return []string{"Yes", "No"}
	case TypeClearance:
		return slices.Clone(clearanceNames[:])
	case TypeChoice:
		return slices.Clone(c.Choices)
	}
	return nil
}

// choice returns v as the column accepts it: as it is, or, for a choice
// column, as one of its Choices, matched by FoldChoice and returned as
// documented (its canonical spelling).
func (c Column) choice(v string) (string, error) {
	if len(c.Choices) == 0 {
		return v, nil
	}
	for _, choice := range c.Choices {
		if FoldChoice(choice) == FoldChoice(v) {
			return choice, nil
		}
	}
	return "", fmt.Errorf("want one of %s, got %q%s", strings.Join(c.Choices, ", "), v, diag.DidYouMean(v, c.Choices))
}

// FoldChoice is what a choice value is matched by: the text in lower case
// with white space, underscores, hyphens and other dashes removed, so
// "Not exploitable", "not_exploitable" and "NOT-EXPLOITABLE" are all the
// choice not-exploitable, and "Client agreed" is client-agreed.
func FoldChoice(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// Paragraphs returns every paragraph the register's columns evidence, in
// first-mention order.
func (s Schema) Paragraphs() []string {
	var out []string
	seen := map[string]bool{}
	for _, c := range s.Columns {
		for _, p := range c.Paragraphs {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// Problem is something wrong with the evidence itself: it becomes an
// "invalid" finding against each of its paragraphs.
type Problem struct {
	Pos        diag.Pos
	Subject    string
	Paragraphs []string
	Msg        string
}

// Problems lists the problems found in the evidence, in the order found.
type Problems []Problem

// add records a problem: every reader records its problems through it,
// with the same arguments in the same order (where, about what, against
// which paragraphs, what is wrong).
func (ps *Problems) add(pos diag.Pos, subject string, paras []string, format string, args ...any) {
	*ps = append(*ps, Problem{Pos: pos, Subject: subject, Paragraphs: paras, Msg: fmt.Sprintf(format, args...)})
}

// Register is what was read of one register file.
type Register struct {
	Schema  Schema
	Path    string // as printed in positions, e.g. "evidence/staff.xlsx"
	Present bool   // the file exists
	// Sheet is the sheet read: the schema's, or a workbook's only sheet
	// whatever its name; "" for a CSV file.
	Sheet    string
	Rows     int // data rows used
	Problems Problems
	// Header and Data are the register as read, for display: the schema's
	// columns found in the sheet and, for each used row, its cells in that
	// order (dates as yyyy-mm-dd).
	Header []string
	Data   []DataRow
	// bugs are the bugs in this program found while reading, each
	// reported once.
	bugs []string
	// named are the files of the evidence folder the register read or
	// named in a problem, relative to it.
	named []string
	// columns names the sheet's columns that were matched to the
	// register's (1 is A).
	columns map[int]string
}

// DataRow is one used row of a register, for display.
type DataRow struct {
	Key string
	Pos diag.Pos // the key cell
	// cells holds the row's cells, one for each column of the register's
	// Header, joined by cellSep: one string a row rather than a slice and
	// a string a cell, for registers of hundreds of thousands of rows.
	cells string
	// Paragraphs are the extra paragraphs the row names in its optional
	// Paragraphs column: the row is evidence for them too.
	Paragraphs []ParagraphRef
}

// cellSep separates a DataRow's cells: a character no worksheet cell
// holds (XML 1.0 has no NUL; a cell that somehow did is shown with U+FFFD).
const cellSep = "\x00"

// Cells returns the row's cells, one for each column of the Header.
func (d *DataRow) Cells() []string { return strings.Split(d.cells, cellSep) }

// CellSeq yields the row's cells without making a slice of them.
func (d *DataRow) CellSeq() iter.Seq[string] { return strings.SplitSeq(d.cells, cellSep) }

// SetCells sets the row's cells.
func (d *DataRow) SetCells(cells []string) { d.cells = joinCells(cells) }

func joinCells(cells []string) string {
	n := len(cells)
	for _, c := range cells {
		n += len(c)
	}
	var b strings.Builder
	b.Grow(n)
	for i, c := range cells {
		if i > 0 {
			b.WriteString(cellSep)
		}
		if strings.Contains(c, cellSep) {
			c = strings.ReplaceAll(c, cellSep, "\uFFFD")
		}
		b.WriteString(c)
	}
	return b.String()
}

// ParagraphRef is a paragraph id written in the evidence, with where.
type ParagraphRef struct {
	ID  string
	Pos diag.Pos
}

// ParagraphsColumn is the optional column, in every register, in which a
// row names further paragraphs it is evidence for.
const ParagraphsColumn = "Paragraphs"

// withParagraphs adds the optional Paragraphs column to a schema.
func withParagraphs(s Schema) Schema {
	if _, ok := s.Column(ParagraphsColumn); ok {
		return s
	}
	s.Columns = append(s.Columns[:len(s.Columns):len(s.Columns)], Column{Name: ParagraphsColumn,
		Doc: "Optional: further paragraph ids this row is evidence for, separated by commas (e.g. B.9.5.4, B.Annex1.5.1)."})
	return s
}

// splitParagraphs splits a Paragraphs cell: ids separated by commas,
// semicolons or white space.
func splitParagraphs(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
}

// ColumnAt is the name of the register's column in the sheet's column
// col (1 is A), "" when no column of the register is there.
func (r *Register) ColumnAt(col int) string { return r.columns[col] }

// dropRow removes a row found unusable after reading.
func (r *Register) dropRow(key string, pos diag.Pos) {
	for i, d := range r.Data {
		if d.Key == key && d.Pos == pos {
			r.Data = append(r.Data[:i], r.Data[i+1:]...)
			return
		}
	}
}

// column returns the schema's column named name. A reader asking for a
// column its schema does not declare is a bug in this program, not in the
// evidence: it is reported, so that it cannot pass unseen, and
// TestReadersReadTheirSchema fails on it.
func (r *Register) column(name string) Column {
	c, ok := r.Schema.Column(name)
	if !ok {
		r.bug("it reads a column %q that the register does not declare", name)
	}
	return c
}

// bug records, once, a bug in this program found while reading the
// register: not the evidence's fault, but never to pass unseen.
func (r *Register) bug(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if !slices.Contains(r.bugs, msg) {
		r.bugs = append(r.bugs, msg)
		r.Problems.add(diag.At(r.Path, 0, 0), "", r.Schema.Paragraphs(), "a bug in this program, please report it: %s", msg)
	}
}

// problem records a problem about a register, against paras or, when none
// are given, every paragraph the register evidences.
func (r *Register) problem(pos diag.Pos, subject string, paras []string, format string, args ...any) {
	if len(paras) == 0 {
		// A column that evidences no paragraph of its own (Name, Role) is
		// still part of the register: a problem with it is reported against
		// every paragraph the register evidences, never dropped.
		paras = r.Schema.Paragraphs()
	}
	r.Problems.add(pos, subject, paras, format, args...)
}

// table is a register's sheet after the header row was matched.
type table struct {
	reg      *Register
	date1904 bool
	sheet    string         // the sheet's name as the workbook spells it
	at       diag.Pos       // the sheet, whose cells' positions share its file and name
	colIndex map[string]int // column name -> 0-based index
	rows     []tableRow
	// formulas maps the cells of used columns that hold a formula with no
	// saved value (this program never evaluates formulas) to the formula.
	formulas map[cellKey]string
}

type tableRow struct {
	num   int // 1-based sheet row
	cells []string
	key   string
}

// normaliseHeader makes header matching case- and space-insensitive.
func normaliseHeader(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '_' {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
}

// findFormulas records the empty cells of used columns that hold a
// formula: their value was never saved, so there is nothing to read.
func (t *table) findFormulas(f *excelize.File) {
	t.formulas = map[cellKey]string{}
	for _, r := range t.rows {
		for _, idx := range t.colIndex {
			if idx < len(r.cells) && strings.TrimSpace(r.cells[idx]) != "" {
				continue
			}
			cell := t.at.In(r.num, idx+1).Cell()
			if formula, err := f.GetCellFormula(t.sheet, cell); err == nil && formula != "" {
				t.formulas[cellKey{r.num, idx + 1}] = formula
			}
		}
	}
}

func (t *table) matchHeader(rowNum int, cells []string) {
	reg := t.reg
	byNorm := map[string]Column{}
	for _, c := range reg.Schema.Columns {
		byNorm[normaliseHeader(c.Name)] = c
	}
	for i, c := range cells {
		col, ok := byNorm[normaliseHeader(c)]
		if !ok {
			continue
		}
		if prev, dup := t.colIndex[col.Name]; dup {
			reg.problem(t.pos(i, rowNum), "", col.Paragraphs, "column %q appears twice (first in column %s); the first is used", col.Name, diag.ColumnName(prev+1))
			continue
		}
		t.colIndex[col.Name] = i
	}
	t.nearHeaders(rowNum, cells, byNorm)
	reg.columns = make(map[int]string, len(t.colIndex))
	for name, i := range t.colIndex {
		reg.columns[i+1] = name
	}
	for _, col := range reg.Schema.Columns {
		if _, ok := t.colIndex[col.Name]; !ok && col.Required {
			reg.problem(t.pos(0, rowNum), "", col.Paragraphs,
				"missing required column %q in the header row %d", col.Name, rowNum)
		}
	}
}

// nearHeaders reads a header cell that names no column but is one slip
// from a column not found ("Criminal Records Check") as that column, and
// says so: forgiving, so that its cells are still judged, never silent.
func (t *table) nearHeaders(rowNum int, cells []string, byNorm map[string]Column) {
	reg := t.reg
	var missing []string
	for _, c := range reg.Schema.Columns {
		if _, ok := t.colIndex[c.Name]; !ok {
			missing = append(missing, c.Name)
		}
	}
	for i, c := range cells {
		if _, known := byNorm[normaliseHeader(c)]; known || strings.TrimSpace(c) == "" {
			continue
		}
		name, ok := diag.Closest(c, missing)
		if !ok {
			continue
		}
		if _, taken := t.colIndex[name]; taken {
			continue
		}
		t.colIndex[name] = i
		col, _ := reg.Schema.Column(name)
		reg.problem(t.pos(i, rowNum), "", col.Paragraphs, "header %q read as the column %q: correct the header to %q", strings.TrimSpace(c), name, name)
	}
}

// keyRows checks every row's key: empty and duplicate keys are problems and
// those rows are not used.
func (t *table) keyRows() {
	reg := t.reg
	idx, ok := t.colIndex[reg.Schema.Key]
	if !ok {
		t.rows = nil
		return
	}
	first := map[string]int{}
	kept := t.rows[:0]
	for _, r := range t.rows {
		key := ""
		if idx < len(r.cells) {
			key = strings.TrimSpace(r.cells[idx])
		}
		pos := t.pos(idx, r.num)
		switch prev, dup := first[strings.ToUpper(key)]; {
		case key == "":
			reg.problem(pos, "", reg.Schema.Paragraphs(), "%s is empty: this row is not used", reg.Schema.Key)
			continue
		case dup && reg.Schema.UniqueKey:
			reg.problem(pos, key, reg.Schema.Paragraphs(), "duplicate %s %q (first at row %d): this row is not used", reg.Schema.Key, key, prev)
			continue
		}
		if _, seen := first[strings.ToUpper(key)]; !seen {
			first[strings.ToUpper(key)] = r.num
		}
		r.key = key
		kept = append(kept, r)
	}
	t.rows = kept
	reg.Rows = len(kept)
	t.display()
}

// display fills the register's Header and Data.
func (t *table) display() {
	reg := t.reg
	var cols []Column
	for _, c := range reg.Schema.Columns {
		if _, ok := t.colIndex[c.Name]; ok {
			cols = append(cols, c)
			reg.Header = append(reg.Header, c.Name)
		}
	}
	reg.Data = make([]DataRow, 0, len(t.rows))
	keyCol := slices.IndexFunc(cols, func(c Column) bool { return c.Name == reg.Schema.Key })
	cells := make([]string, len(cols))
	for _, r := range t.rows {
		clear(cells)
		for i, c := range cols {
			idx := t.colIndex[c.Name]
			if idx >= len(r.cells) {
				continue
			}
			v := strings.TrimSpace(r.cells[idx])
			if c.Type == TypeDate && v != "" {
				if d, err := ParseDate(v, t.date1904); err == nil {
					v = d.Format("2006-01-02")
				}
			}
			cells[i] = v
		}
		d := DataRow{Key: r.key, Pos: t.pos(t.colIndex[reg.Schema.Key], r.num), cells: joinCells(cells)}
		if keyCol >= 0 && cells[keyCol] == r.key {
			// The key is the key cell: share the row's string, not the
			// sheet's, which is then free to go.
			start := keyCol
			for _, c := range cells[:keyCol] {
				start += len(c)
			}
			if end := start + len(r.key); end <= len(d.cells) && d.cells[start:end] == r.key {
				d.Key = d.cells[start:end]
			}
		}
		if idx, ok := t.colIndex[ParagraphsColumn]; ok && idx < len(r.cells) {
			for _, id := range splitParagraphs(r.cells[idx]) {
				d.Paragraphs = append(d.Paragraphs, ParagraphRef{ID: id, Pos: t.pos(idx, r.num)})
			}
		}
		reg.Data = append(reg.Data, d)
	}
}

func (t *table) pos(col0, row int) diag.Pos {
	return t.at.In(row, col0+1)
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
