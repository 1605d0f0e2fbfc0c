package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"one\ntwo", `one\ntwo`},
		{"one\r\ntwo", `one\ntwo`},
		{"one\rtwo", `one\ntwo`},
		{"one\n\ntwo", `one\n\ntwo`},
		{"tab\tkept", "tab\tkept"},
		{"bell\x07 and del\x7f", "bell  and del "},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"End: \nEND:VCALENDAR", `End: \nEND:VCALENDAR`},
		{"Ünïcödé ✓", "Ünïcödé ✓"},
	}
	for _, tt := range tests {
		if got := Text(tt.in); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// checkLines checks that a folded text is CRLF lines of at most 75
// octets, each valid UTF-8, none ending in a lone backslash, every one
// after the first of a content line starting with a space.
func checkLines(t *testing.T, folded string) {
	t.Helper()
	if !strings.HasSuffix(folded, "\r\n") {
		t.Errorf("%q does not end in CRLF", folded)
	}
	for i, l := range strings.Split(strings.TrimSuffix(folded, "\r\n"), "\r\n") {
		if len(l) > MaxLine {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i+1, l)
		}
		if n := len(l) - len(strings.TrimRight(l, `\`)); n%2 == 1 {
			t.Errorf("line %d ends inside an escape: %q", i+1, l)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		name, line string
		lines      int
	}{
		{"short", "SUMMARY:x", 1},
		{"exactly 75 octets", "SUMMARY:" + strings.Repeat("x", 67), 1},
		{"76 octets", "SUMMARY:" + strings.Repeat("x", 68), 2},
		{"75 + 74", "SUMMARY:" + strings.Repeat("x", 67+74), 2},
		{"75 + 74 + 1", "SUMMARY:" + strings.Repeat("x", 67+75), 3},
		{"a 3-octet character across the fold", "SUMMARY:" + strings.Repeat("x", 66) + "✓✓✓", 2},
		{"a 4-octet character across the fold", "SUMMARY:" + strings.Repeat("x", 65) + "😀😀", 2},
		{"an escape across the fold", "SUMMARY:" + strings.Repeat("x", 66) + `\,\;\\\n`, 2},
		{"escapes only", "DESCRIPTION:" + strings.Repeat(`\,`, 100), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Fold(tt.line)
			checkLines(t, got)
			if n := strings.Count(got, "\r\n"); n != tt.lines {
				t.Errorf("%d lines, want %d:\n%s", n, tt.lines, got)
			}
			if u := string(Unfold([]byte(got))); u != tt.line+"\r\n" {
				t.Errorf("unfolded %q, want %q", u, tt.line+"\r\n")
			}
		})
	}
}

// parse parses an iCalendar file with another implementation.
func parse(t *testing.T, data []byte) *ics.Calendar {
	t.Helper()
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing:\n%s\n%v", data, err)
	}
	return cal
}

func prop(e *ics.VEvent, p ics.ComponentProperty) string {
	if v := e.GetProperty(p); v != nil {
		return v.Value
	}
	return ""
}

// The file parses back, with another iCalendar implementation, to one
// calendar with the same events, whatever their text holds: text from the
// evidence cannot end a line, a property, an event or the calendar.
func TestWriteParsesBack(t *testing.T) {
	hostile := "NS-1\r\nEND:VEVENT\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR, a; b\\c\rd\ne\x00f"
	long := strings.Repeat("Ünïcödé, ✓; ", 40)
	c := Calendar{
		ProdID: "-//Test//Deadlines//EN", Name: "Deadlines, coming due",
		Stamp: time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC),
		Events: []Event{
			{UID: "a1@example.invalid", Day: time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC), Summary: "B.9.3 apply the patch: VUL-1", Description: "Where: evidence/x.xlsx: sheet \"V\" E2\nSource: the register"},
			{UID: "b2@example.invalid", Day: time.Date(2026, time.December, 31, 0, 0, 0, 0, time.UTC), Summary: hostile, Description: long},
			{UID: "c3@example.invalid", Day: time.Date(2028, time.February, 29, 0, 0, 0, 0, time.UTC), Summary: "no description"},
		},
	}
	var buf bytes.Buffer
	if err := Write(&buf, c); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	checkLines(t, string(data))
	// Count whole lines: the hostile text is in the file, but escaped,
	// inside a SUMMARY line.
	lines := append([]byte("\r\n"), Unfold(data)...)
	for l, want := range map[string]int{"BEGIN:VCALENDAR": 1, "END:VCALENDAR": 1, "BEGIN:VEVENT": 3, "END:VEVENT": 3} {
		if n := bytes.Count(lines, []byte("\r\n"+l+"\r\n")); n != want {
			t.Errorf("%d lines %s, want %d", n, l, want)
		}
	}
	if !bytes.HasPrefix(data, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.HasSuffix(data, []byte("\r\nEND:VCALENDAR\r\n")) {
		t.Errorf("not one calendar:\n%s", data)
	}

	cal := parse(t, data)
	if got := cal.CalendarProperties; len(got) == 0 {
		t.Error("no calendar properties")
	}
	events := cal.Events()
	if len(events) != len(c.Events) {
		t.Fatalf("%d events parsed back, want %d", len(events), len(c.Events))
	}
	// What a TEXT value can hold: line breaks as \n, other control
	// characters as spaces.
	clean := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\x00", " ")
	for i, e := range events {
		w := c.Events[i]
		if got := prop(e, ics.ComponentPropertyUniqueId); got != w.UID {
			t.Errorf("event %d: UID %q, want %q", i, got, w.UID)
		}
		if got := prop(e, ics.ComponentPropertySummary); got != clean.Replace(w.Summary) {
			t.Errorf("event %d: SUMMARY %q, want %q", i, got, clean.Replace(w.Summary))
		}
		if got := prop(e, ics.ComponentPropertyDescription); got != clean.Replace(w.Description) {
			t.Errorf("event %d: DESCRIPTION %q, want %q", i, got, clean.Replace(w.Description))
		}
		day, err := e.GetAllDayStartAt()
		if err != nil || day.Format(time.DateOnly) != w.Day.Format(time.DateOnly) {
			t.Errorf("event %d: DTSTART %v %v, want %s", i, day, err, w.Day.Format(time.DateOnly))
		}
		end, err := e.GetAllDayEndAt()
		if err != nil || end.Format(time.DateOnly) != w.Day.AddDate(0, 0, 1).Format(time.DateOnly) {
			t.Errorf("event %d: DTEND %v %v, want the day after %s", i, end, err, w.Day.Format(time.DateOnly))
		}
		stamp, err := e.GetDtStampTime()
		if err != nil || !stamp.Equal(c.Stamp) {
			t.Errorf("event %d: DTSTAMP %v %v, want %v", i, stamp, err, c.Stamp)
		}
	}
	if !bytes.Contains(data, []byte("\r\nDTSTAMP:20261127T000000Z\r\n")) || !bytes.Contains(data, []byte("\r\nDTSTART;VALUE=DATE:20280229\r\nDTEND;VALUE=DATE:20280301\r\n")) {
		t.Errorf("dates not as RFC 5545 writes them:\n%s", data)
	}
}

// Rewrite changes the unfolded text, so that a fold cannot hide a word
// from it, and folds the lines again.
func TestRewrite(t *testing.T) {
	name := "Alexandra Montgomery-Smythe"
	var buf bytes.Buffer
	err := Write(&buf, Calendar{ProdID: "-//T//T//EN", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Events: []Event{
		{UID: "1", Day: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Summary: strings.Repeat("x", 60) + " " + name + " and " + name},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(buf.Bytes(), []byte(name)) == 2 {
		t.Fatal("the name is not split by a fold: the test proves nothing")
	}
	out := Rewrite(buf.Bytes(), func(b []byte) []byte { return bytes.ReplaceAll(b, []byte(name), []byte("NS-0001")) })
	checkLines(t, string(out))
	if bytes.Contains(Unfold(out), []byte("Montgomery")) {
		t.Errorf("the name is still there:\n%s", out)
	}
	e := parse(t, out).Events()
	if len(e) != 1 || prop(e[0], ics.ComponentPropertySummary) != strings.Repeat("x", 60)+" NS-0001 and NS-0001" {
		t.Errorf("rewritten:\n%s", out)
	}
}

func FuzzWrite(f *testing.F) {
	f.Add("B.9.3 apply the patch: VUL-1", "Where: x")
	f.Add("a\r\nEND:VCALENDAR\r\n", "\\,;\n\r\x00")
	f.Add(strings.Repeat("✓", 80), strings.Repeat(`\`, 80))
	f.Fuzz(func(t *testing.T, summary, desc string) {
		var buf bytes.Buffer
		err := Write(&buf, Calendar{ProdID: "-//T//T//EN", Stamp: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Events: []Event{
			{UID: "u@x", Day: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Summary: summary, Description: desc},
		}})
		if err != nil {
			t.Fatal(err)
		}
		checkLines(t, buf.String())
		e := parse(t, buf.Bytes()).Events()
		if len(e) != 1 {
			t.Fatalf("%d events", len(e))
		}
		if got, want := prop(e[0], ics.ComponentPropertySummary), Text(summary); Text(got) != want {
			t.Errorf("SUMMARY %q parsed back as %q", summary, got)
		}
	})
}
