// Package diag holds source positions and lists of problems found in input.
//
// Parsers in this project collect problems rather than stop at the first one:
// each problem carries the position of the offending input (file and line for
// TOML and Markdown, file, sheet and cell for workbooks) so that a reader can
// go straight to it. A List sorts by position and prints one problem a line.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Pos is a position in an input file: a line and column of a text file,
// or a cell (row and column, A being 1) of a workbook's sheet. Zero
// numbers are unknown and omitted when printed. A large register has
// millions of positions, so a Pos is small: its file and sheet are held
// once, shared by every position in them, and its numbers are named
// ("H14") only when printed. Positions compare with ==.
type Pos struct {
	src       *source // nil for no position
	line, col int32
}

// source is a file, or a sheet of a workbook; csv marks a CSV file, whose
// positions are cells, not lines.
type source struct {
	file, sheet string
	csv         bool
}

// sources interns sources, so that equal positions are equal with ==.
var sources sync.Map // source -> *source

func intern(file, sheet string) *source { return internSource(source{file: file, sheet: sheet}) }

func internSource(k source) *source {
	if s, ok := sources.Load(k); ok {
		return s.(*source)
	}
	s, _ := sources.LoadOrStore(k, &k)
	return s.(*source)
}

// At is line and column col (0 if unknown) of a text file, or the file
// itself when both are 0.
func At(file string, line, col int) Pos {
	return Pos{src: intern(file, ""), line: int32(line), col: int32(col)}
}

// CellPos is the cell at row and column col (A is 1) of a workbook's
// sheet, or the sheet itself when both are 0.
func CellPos(file, sheet string, row, col int) Pos {
	return Pos{src: intern(file, sheet), line: int32(row), col: int32(col)}
}

// CSVPos is the cell at row (a record, counted from 1) and column col (A
// is 1) of a CSV file, or the file itself when both are 0.
func CSVPos(file string, row, col int) Pos {
	return Pos{src: internSource(source{file: file, csv: true}), line: int32(row), col: int32(col)}
}

// In is the position at line (or row) and col in p's file (and sheet):
// cheaper than At and CellPos when many positions share a file.
func (p Pos) In(line, col int) Pos { return Pos{src: p.src, line: int32(line), col: int32(col)} }

// WithFile is the same place in another file (a path given from another
// folder, say).
func (p Pos) WithFile(file string) Pos {
	k := source{file: file}
	if p.src != nil {
		k.sheet, k.csv = p.src.sheet, p.src.csv
	}
	return Pos{src: internSource(k), line: p.line, col: p.col}
}

// File is the file, "" for no position.
func (p Pos) File() string {
	if p.src == nil {
		return ""
	}
	return p.src.file
}

// Sheet is a workbook position's sheet, "" in a text file.
func (p Pos) Sheet() string {
	if p.src == nil {
		return ""
	}
	return p.src.sheet
}

// Line is a text file's line or a workbook cell's row; Col its column.
func (p Pos) Line() int { return int(p.line) }
func (p Pos) Col() int  { return int(p.col) }

// tabular reports whether p is in a workbook's sheet or a CSV file, whose
// positions are cells.
func (p Pos) tabular() bool { return p.src != nil && (p.src.sheet != "" || p.src.csv) }

// HasCell reports whether the position is a cell of a workbook or a CSV
// file, not a text file's line or a whole sheet.
func (p Pos) HasCell() bool { return p.tabular() && p.line > 0 && p.col > 0 }

// Cell names a cell ("H14") of a workbook or CSV file; it is "" for a
// position in a text file or a whole sheet.
func (p Pos) Cell() string {
	if !p.HasCell() {
		return ""
	}
	return ColumnName(int(p.col)) + strconv.Itoa(int(p.line))
}

// TextLine is the line of a position in a text file, 0 in a workbook.
func (p Pos) TextLine() int {
	if p.tabular() {
		return 0
	}
	return int(p.line)
}

// ColumnName names a workbook column: 1 is A, 27 AA.
func ColumnName(col int) string {
	var b [8]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// String prints the position as "file:line:col" for text files and
// `file: sheet "S" C7` for workbook cells.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File())
	if sheet := p.Sheet(); sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", sheet)
		if c := p.Cell(); c != "" {
			b.WriteString(" " + c)
		}
		return b.String()
	}
	if p.src != nil && p.src.csv {
		if p.line > 0 {
			fmt.Fprintf(&b, ": row %d", p.line)
			if p.col > 0 {
				b.WriteString(", column " + ColumnName(int(p.col)))
			}
		}
		return b.String()
	}
	if p.line > 0 {
		fmt.Fprintf(&b, ":%d", p.line)
		if p.col > 0 {
			fmt.Fprintf(&b, ":%d", p.col)
		}
	}
	return b.String()
}

// Compare orders positions by file, sheet, then row and column (line and
// column in a text file).
func (p Pos) Compare(q Pos) int {
	if p.src != q.src {
		if c := cmp.Compare(p.File(), q.File()); c != 0 {
			return c
		}
		if c := cmp.Compare(p.Sheet(), q.Sheet()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(p.line, q.line); c != 0 {
		return c
	}
	return cmp.Compare(p.col, q.col)
}

// Error is one problem at one position.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if e.Pos == (Pos{}) {
		return e.Msg
	}
	return e.Pos.String() + ": " + e.Msg
}

// List is a list of problems. The zero value is an empty list ready to use.
type List []*Error

// Add appends a problem at pos.
func (l *List) Add(pos Pos, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Append adds every problem of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by position, then message, and drops exact duplicates.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b *Error) int {
		if c := a.Pos.Compare(b.Pos); c != 0 {
			return c
		}
		return cmp.Compare(a.Msg, b.Msg)
	})
	*l = slices.CompactFunc(*l, func(a, b *Error) bool { return a.Pos == b.Pos && a.Msg == b.Msg })
}

// Error prints every problem, one a line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns the sorted list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
