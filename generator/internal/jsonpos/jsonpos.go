// Package jsonpos reads a JSON document token by token and tells where
// each token is, as a line and column (in bytes), so that a reader of
// untrusted JSON (GOV.UK's bank holidays, a previous review's build) can
// name the place of every problem it finds.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/agency/evidence-site/generator/diag"
)

// Stream is a JSON document being read with Dec, named Name in positions.
type Stream struct {
	Name string
	Data []byte
	Dec  *json.Decoder
	// The line of the offset done, and where that line starts: positions
	// are asked for in order, so each is counted on from the last.
	done, line, lineStart int
}

// New starts reading data, named name in positions.
func New(name string, data []byte) *Stream {
	return &Stream{Name: name, Data: data, Dec: json.NewDecoder(bytes.NewReader(data)), line: 1}
}

// NextOff is the offset of the next token: the decoder's offset moved
// past white space and the separators ',' and ':'; len(Data) at the end.
func (s *Stream) NextOff() int {
	off := int(s.Dec.InputOffset())
	for off < len(s.Data) && strings.IndexByte(" \t\r\n,:", s.Data[off]) >= 0 {
		off++
	}
	return min(off, len(s.Data))
}

// At is the position of the next token.
func (s *Stream) At() diag.Pos {
	off := s.NextOff()
	if off < s.done {
		s.done, s.line, s.lineStart = 0, 1, 0
	}
	between := s.Data[s.done:off]
	if n := bytes.Count(between, []byte{'\n'}); n > 0 {
		s.line += n
		s.lineStart = s.done + bytes.LastIndexByte(between, '\n') + 1
	}
	s.done = off
	return diag.At(s.Name, s.line, off-s.lineStart+1)
}

// Next is the first byte of the next token, 0 at the end.
func (s *Stream) Next() byte {
	off := s.NextOff()
	if off >= len(s.Data) {
		return 0
	}
	return s.Data[off]
}

// LineCol is the 1-based line and column (in bytes) of data[off]; an
// offset at or past the end is just after the last byte.
func LineCol(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	before := data[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	col = off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// Kind names the kind of JSON value that starts with b, for a message:
// "an object", "a list", "text", "true or false", "null", "nothing" (at
// the end) or "a number".
func Kind(b byte) string {
	switch {
	case b == '{':
		return "an object"
	case b == '[':
		return "a list"
	case b == '"':
		return "text"
	case b == 't' || b == 'f':
		return "true or false"
	case b == 'n':
		return "null"
	case b == 0:
		return "nothing"
	}
	return "a number"
}
