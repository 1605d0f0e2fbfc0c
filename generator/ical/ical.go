// Package ical writes an iCalendar file (RFC 5545) of all-day events, such
// as a compliance team imports into its calendar: one VEVENT a deadline,
// each on its day.
//
// It writes only what a calendar of deadlines needs, so that every byte is
// this package's choice: CRLF line endings; content lines folded at 75
// octets, never inside a UTF-8 character or between a backslash and the
// character it escapes; TEXT values escaped (backslash, semicolon, comma,
// newline) and stripped of the control characters a TEXT value may not
// hold, so that text from the evidence can never end a line, a property
// or the calendar. A general iCalendar library writes bare carriage
// returns through as they are and folds wherever the octets run out; the
// tests parse the output back with one (github.com/arran4/golang-ical).
package ical

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxLine is the most octets a content line holds, its CRLF aside
// (RFC 5545 3.1).
const MaxLine = 75

// Calendar is a calendar of all-day events.
type Calendar struct {
	// ProdID names the product that made the file (PRODID).
	ProdID string
	// Name is the calendar's name as calendar programs show it
	// (X-WR-CALNAME); "" for none.
	Name string
	// Stamp is every event's DTSTAMP: the time the file's information was
	// made. A deterministic file gives a fixed time, not the clock's.
	Stamp  time.Time
	Events []Event
}

// Event is one all-day event.
type Event struct {
	// UID identifies the event from one file to the next: importing a
	// later file updates the event instead of adding another. Written as
	// TEXT.
	UID string
	// Day is the event's day: its date is used, its time and zone not.
	Day         time.Time
	Summary     string
	Description string // "" for none
}

// Write writes c to w: the calendar, then its events in the order given.
func Write(w io.Writer, c Calendar) error {
	bw := bufio.NewWriter(w)
	line := func(name, value string) { bw.WriteString(Fold(name + ":" + value)) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", Text(c.ProdID))
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", Text(c.Name))
	}
	stamp := c.Stamp.UTC().Format("20060102T150405Z")
	for _, e := range c.Events {
		line("BEGIN", "VEVENT")
		line("UID", Text(e.UID))
		line("DTSTAMP", stamp)
		line("DTSTART;VALUE=DATE", e.Day.Format("20060102"))
		// DTEND is the day after: an all-day event's end is exclusive.
		line("DTEND;VALUE=DATE", time.Date(e.Day.Year(), e.Day.Month(), e.Day.Day()+1, 0, 0, 0, 0, time.UTC).Format("20060102"))
		line("SUMMARY", Text(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", Text(e.Description))
		}
		line("TRANSP", "TRANSPARENT") // a deadline does not make anyone busy
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return bw.Flush()
}

// Text escapes s as an iCalendar TEXT value (RFC 5545 3.3.11): a backslash,
// semicolon or comma gets a backslash before it, a line break (CRLF, CR or
// LF) becomes \n, and every other control character, which TEXT may not
// hold, a space; invalid UTF-8 becomes U+FFFD.
func Text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Fold returns the content line l (with no line break) folded into lines
// of at most MaxLine octets, each ending in CRLF, every line after the
// first starting with the space that unfolding removes. It folds only
// between characters, and never between a backslash and the character
// it escapes, as some calendar programs join such a pair wrongly.
func Fold(l string) string {
	var b strings.Builder
	b.Grow(len(l) + len(l)/MaxLine*3 + 2)
	room := MaxLine
	for len(l) > room {
		cut := 0
		for cut < len(l) {
			n := 1
			if l[cut] == '\\' && cut+1 < len(l) {
				n = 2 // an escape: the backslash and the character it escapes
			} else if l[cut] >= utf8.RuneSelf {
				_, n = utf8.DecodeRuneInString(l[cut:])
			}
			if cut+n > room {
				break
			}
			cut += n
		}
		if cut == 0 { // not possible with room >= 4, the longest unit
			cut = room
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		room = MaxLine - 1 // the space that starts the line counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
	return b.String()
}

// Unfold joins the folded lines of an iCalendar file: it removes every
// line break followed by a space or a tab (RFC 5545 3.1).
func Unfold(data []byte) []byte {
	data = bytes.ReplaceAll(data, []byte("\r\n "), nil)
	return bytes.ReplaceAll(data, []byte("\r\n\t"), nil)
}

// Rewrite unfolds an iCalendar file, passes it through f (which must keep
// each content line's line break and escaping), and folds every content
// line again: a change to the text, such as a redaction, cannot be missed
// because a fold split a word, nor leave a line too long.
func Rewrite(data []byte, f func([]byte) []byte) []byte {
	text := f(Unfold(data))
	var out bytes.Buffer
	out.Grow(len(text) + len(text)/MaxLine*3)
	for len(text) > 0 {
		l, rest, found := bytes.Cut(text, []byte("\r\n"))
		if !found { // a last line with no line break: left as it is
			out.Write(l)
			break
		}
		out.WriteString(Fold(string(l)))
		text = rest
	}
	return out.Bytes()
}
