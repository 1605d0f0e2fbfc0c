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
)

// Pos is a position in an input file. File is always set. In a text file,
// Line and Col are the line and column; in a workbook, Sheet is set and
// Line and Col are the cell's row and column (A is 1), printed as a cell
// name ("H14") only when printed: a large register has millions of
// positions, and each costs two numbers, not a string. Zero fields are
// unknown and omitted when printed.
type Pos struct {
	File  string
	Sheet string
	Line  int
	Col   int
}

// CellPos is the position of the cell at row and column col (A is 1) of a
// workbook's sheet.
func CellPos(file, sheet string, row, col int) Pos {
	return Pos{File: file, Sheet: sheet, Line: row, Col: col}
}

// HasCell reports whether the position is a workbook cell, not a text
// file's line or a whole sheet.
func (p Pos) HasCell() bool { return p.Sheet != "" && p.Line > 0 && p.Col > 0 }

// Cell names a workbook cell ("H14"); it is "" for a position in a text
// file or a whole sheet.
func (p Pos) Cell() string {
	if !p.HasCell() {
		return ""
	}
	return ColumnName(p.Col) + strconv.Itoa(p.Line)
}

// TextLine is the line of a position in a text file, 0 in a workbook.
func (p Pos) TextLine() int {
	if p.Sheet != "" {
		return 0
	}
	return p.Line
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
	b.WriteString(p.File)
	if p.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", p.Sheet)
		if c := p.Cell(); c != "" {
			b.WriteString(" " + c)
		}
		return b.String()
	}
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	return b.String()
}

// Compare orders positions by file, sheet, then row and column (line and
// column in a text file).
func (p Pos) Compare(q Pos) int {
	if c := cmp.Compare(p.File, q.File); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Sheet, q.Sheet); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Line, q.Line); c != 0 {
		return c
	}
	return cmp.Compare(p.Col, q.Col)
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
