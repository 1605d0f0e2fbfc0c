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
	"strings"
)

// Pos is a position in an input file. File is always set; Line (and Col) are
// set for text files, Sheet and Cell for workbooks. Zero fields are omitted
// when printed.
type Pos struct {
	File  string `json:"file"`
	Sheet string `json:"sheet,omitempty"`
	Cell  string `json:"cell,omitempty"`
	Line  int    `json:"line,omitempty"`
	Col   int    `json:"-"`
}

// String prints the position as "file:line:col" for text files and
// `file: sheet "S" C7` for workbook cells.
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	if p.Sheet != "" {
		fmt.Fprintf(&b, ": sheet %q", p.Sheet)
		if p.Cell != "" {
			b.WriteString(" " + p.Cell)
		}
	}
	return b.String()
}

// Compare orders positions by file, sheet, row, column and line.
func (p Pos) Compare(q Pos) int {
	if c := cmp.Compare(p.File, q.File); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Sheet, q.Sheet); c != 0 {
		return c
	}
	pr, pc := splitCell(p.Cell)
	qr, qc := splitCell(q.Cell)
	if c := cmp.Compare(pr, qr); c != 0 {
		return c
	}
	if c := cmp.Compare(len(pc), len(qc)); c != 0 {
		return c
	}
	if c := cmp.Compare(pc, qc); c != 0 {
		return c
	}
	if c := cmp.Compare(p.Line, q.Line); c != 0 {
		return c
	}
	return cmp.Compare(p.Col, q.Col)
}

// splitCell splits "AB12" into row 12 and column "AB"; a malformed cell sorts
// as row 0.
func splitCell(cell string) (row int, col string) {
	i := strings.IndexFunc(cell, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return 0, cell
	}
	for _, r := range cell[i:] {
		if r < '0' || r > '9' {
			return 0, cell
		}
		row = row*10 + int(r-'0')
	}
	return row, cell[:i]
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
