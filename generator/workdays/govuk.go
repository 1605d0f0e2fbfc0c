package workdays

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/internal/jsonpos"
)

// MaxGovUKSize is the largest bank holiday file [ParseGovUK] reads, in
// bytes. GOV.UK's own file is about 20 KB for nine years of three
// divisions; the bound only keeps a wrong file from being read whole.
const MaxGovUKSize = 4 << 20

// maxGovUKProblems is how many problems ParseGovUK lists before it only
// counts the rest: a file with more is not a bank holiday file.
const maxGovUKProblems = 100

// HolidayFile is a bank holiday file in GOV.UK's format
// (https://www.gov.uk/bank-holidays.json), as read by [ParseGovUK]: for each
// division it lists, the bank holidays as observed (a holiday falling on a
// weekend is listed on its substitute day). Give it to [NewWithFile].
type HolidayFile struct {
	name   string
	events map[Region][]Holiday // sorted by date, one per day, weekdays only
}

// Name is the file's name as given to [ParseGovUK].
func (f *HolidayFile) Name() string { return f.name }

// Holidays returns the bank holidays the file lists for region r, sorted by
// date, or nil if the file has no list for r. An event whose notes say
// "Substitute day" is named as the built-in table names it: its title and
// " (substitute day)", e.g. "Boxing Day (substitute day)".
func (f *HolidayFile) Holidays(r Region) []Holiday {
	return slices.Clone(f.events[r])
}

// ParseGovUK reads a bank holiday file in GOV.UK's format: a JSON object
// whose keys are divisions (england-and-wales, scotland, northern-ireland),
// each an object {"division": its key, "events": [...]}, each event
// {"title", "date" (yyyy-mm-dd), "notes", "bunting"}. name is used in
// problems.
//
// It is strict about what it uses: every event must have a title and a
// yyyy-mm-dd date on a weekday (GOV.UK lists the day observed, not a
// weekend), no day may be listed twice in a division, and "notes" must be
// text and "bunting" true or false when present. A division not among the
// three, a division whose "division" names another, or one with no events
// is an error; so is a file of no division, or one larger than
// [MaxGovUKSize]. Other keys are ignored, so that a field GOV.UK adds later
// does not break a build. A division may be left out: its region then has
// no list in the file.
//
// Every problem is reported, one a line, sorted by position (up to a
// hundred, and then how many more): JSON that does not parse as
// file:line:col, and every other problem at the line and column of the
// division or event it concerns, naming the division and the event's
// number (the first is 1), e.g.
//
//	bank-holidays.json:1:2301: scotland event 3 (title "Good Friday"): date: want yyyy-mm-dd, got "19/04/2019"
func ParseGovUK(name string, data []byte) (*HolidayFile, error) {
	var probs diag.List
	if len(data) > MaxGovUKSize {
		probs.Add(diag.At(name, 0, 0), "%d bytes: a bank holiday file may hold at most %d (GOV.UK's holds about 20 KB)", len(data), MaxGovUKSize)
		return nil, probs.Err()
	}
	var syntax any
	if err := json.Unmarshal(data, &syntax); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// Offset is the number of bytes read when the error was
			// found: the offending byte is the last of them, or, at the
			// end of the input, the place just after the last byte.
			off := int(se.Offset) - 1
			if strings.Contains(se.Error(), "unexpected end") {
				off = len(data)
			}
			line, col := jsonpos.LineCol(data, off)
			probs.Add(diag.At(name, line, col), "not valid JSON: %s", strings.TrimPrefix(se.Error(), "json: "))
		} else {
			probs.Add(diag.At(name, 0, 0), "not valid JSON: %v", err)
		}
		return nil, probs.Err()
	}
	p := &govukParser{Stream: jsonpos.New(name, data), probs: &probs}
	f := &HolidayFile{name: name, events: map[Region][]Holiday{}}
	p.file(f)
	if len(probs) > maxGovUKProblems {
		probs.Sort()
		return nil, fmt.Errorf("%w\n%s: %d more problems not listed: is this GOV.UK's bank holiday file?", probs[:maxGovUKProblems], name, len(probs)-maxGovUKProblems)
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// govukParser walks a file that is known to be valid JSON, token by token,
// so that every problem can name the line and column of what it concerns.
type govukParser struct {
	*jsonpos.Stream
	probs *diag.List
}

// skip reads past the next value.
func (p *govukParser) skip() bool {
	var raw json.RawMessage
	return p.Dec.Decode(&raw) == nil
}

// open reads the next token, which must be the delimiter d.
func (p *govukParser) open(d json.Delim) bool {
	tok, err := p.Dec.Token()
	return err == nil && tok == d
}

// key reads an object's next key.
func (p *govukParser) key() (string, bool) {
	tok, err := p.Dec.Token()
	s, ok := tok.(string)
	return s, err == nil && ok
}

// file reads the top-level object of divisions.
func (p *govukParser) file(f *HolidayFile) {
	start := p.At()
	if p.Next() != '{' {
		p.probs.Add(start, "want an object of divisions (%s, %s, %s), got %s", EnglandAndWales, Scotland, NorthernIreland, jsonpos.Kind(p.Next()))
		return
	}
	if !p.open('{') {
		return
	}
	seen := map[string]bool{}
	for p.Dec.More() {
		pos := p.At()
		k, ok := p.key()
		if !ok {
			return
		}
		r := Region(k)
		switch {
		case !r.valid():
			p.probs.Add(pos, "unknown division %q: want %q, %q or %q", k, EnglandAndWales, Scotland, NorthernIreland)
			if !p.skip() {
				return
			}
			continue
		case seen[k]:
			p.probs.Add(pos, "division %s listed twice", k)
			if !p.skip() {
				return
			}
			continue
		}
		seen[k] = true
		if !p.division(r, pos, f) {
			return
		}
	}
	if len(seen) == 0 {
		p.probs.Add(start, "no division: want %q, %q or %q", EnglandAndWales, Scotland, NorthernIreland)
	}
}

// division reads the object of division r, whose key is at pos. It
// returns false if the walk cannot go on.
func (p *govukParser) division(r Region, pos diag.Pos, f *HolidayFile) bool {
	if p.Next() != '{' {
		p.probs.Add(p.At(), "%s: want an object {division, events}, got %s", r, jsonpos.Kind(p.Next()))
		return p.skip()
	}
	if !p.open('{') {
		return false
	}
	hasEvents := false
	for p.Dec.More() {
		kpos := p.At()
		k, ok := p.key()
		if !ok {
			return false
		}
		switch k {
		case "division":
			var v any
			vpos := p.At()
			if p.Dec.Decode(&v) != nil {
				return false
			}
			if s, ok := v.(string); !ok || s != string(r) {
				p.probs.Add(vpos, "%s: division: want %q, got %s", r, r, jsonValue(v))
			}
		case "events":
			if hasEvents {
				p.probs.Add(kpos, "%s: events listed twice", r)
				if !p.skip() {
					return false
				}
				continue
			}
			hasEvents = true
			if !p.events(r, kpos, f) {
				return false
			}
		default:
			if !p.skip() {
				return false
			}
		}
	}
	if !hasEvents {
		p.probs.Add(pos, "%s: no events", r)
	}
	_, err := p.Dec.Token() // '}'
	return err == nil
}

// event is one event as read, before it is checked.
type event struct {
	pos  diag.Pos
	n    int // 1-based
	date time.Time
	hol  Holiday
}

// events reads the events array of division r, whose key is at pos.
func (p *govukParser) events(r Region, pos diag.Pos, f *HolidayFile) bool {
	if p.Next() != '[' {
		p.probs.Add(p.At(), "%s: events: want a list of events, got %s", r, jsonpos.Kind(p.Next()))
		return p.skip()
	}
	if !p.open('[') {
		return false
	}
	var got []event
	n := 0
	for p.Dec.More() {
		n++
		epos := p.At()
		var v any
		if p.Dec.Decode(&v) != nil {
			return false
		}
		if e, ok := p.event(r, n, epos, v); ok {
			got = append(got, e)
		}
	}
	if _, err := p.Dec.Token(); err != nil { // ']'
		return false
	}
	if n == 0 {
		p.probs.Add(pos, "%s: no events", r)
	}
	slices.SortStableFunc(got, func(a, b event) int { return a.date.Compare(b.date) })
	for i := 1; i < len(got); i++ {
		if got[i].date.Equal(got[i-1].date) {
			p.probs.Add(got[i].pos, "%s event %d (%s): same day as event %d (%q)", r, got[i].n, got[i].date.Format(time.DateOnly), got[i-1].n, got[i-1].hol.Name)
		}
	}
	hs := make([]Holiday, 0, len(got))
	for _, e := range got {
		hs = append(hs, e.hol)
	}
	if len(hs) > 0 {
		f.events[r] = slices.CompactFunc(hs, func(a, b Holiday) bool { return a.Date.Equal(b.Date) })
	}
	return true
}

// event checks event n of division r, at pos.
func (p *govukParser) event(r Region, n int, pos diag.Pos, v any) (event, bool) {
	obj, ok := v.(map[string]any)
	if !ok {
		p.probs.Add(pos, "%s event %d: want an object {title, date, notes, bunting}, got %s", r, n, jsonValue(v))
		return event{}, false
	}
	where := fmt.Sprintf("%s event %d", r, n)
	title, _ := obj["title"].(string)
	title = strings.TrimSpace(title)
	if title != "" {
		where += fmt.Sprintf(" (title %q)", title)
	}
	ok = true
	bad := func(format string, args ...any) {
		p.probs.Add(pos, where+": "+format, args...)
		ok = false
	}
	switch t, present := obj["title"]; {
	case !present:
		bad("no title")
	case title == "":
		if _, isText := t.(string); isText {
			bad("no title")
		} else {
			bad("title: want text, got %s", jsonValue(t))
		}
	}
	var date time.Time
	switch d, present := obj["date"]; {
	case !present:
		bad("no date")
	default:
		s, isText := d.(string)
		t, err := time.Parse(time.DateOnly, s)
		switch {
		case !isText || err != nil:
			bad("date: want yyyy-mm-dd, got %s", jsonValue(d))
		case isWeekend(dayNum(t)):
			bad("date %s is a %s: GOV.UK lists the day a bank holiday is observed, never a weekend", s, t.Weekday())
		default:
			date = t
		}
	}
	notes := ""
	if v, present := obj["notes"]; present {
		if s, isText := v.(string); isText {
			notes = s
		} else {
			bad("notes: want text, got %s", jsonValue(v))
		}
	}
	if v, present := obj["bunting"]; present {
		if _, isBool := v.(bool); !isBool {
			bad("bunting: want true or false, got %s", jsonValue(v))
		}
	}
	if !ok {
		return event{}, false
	}
	name := title
	if strings.EqualFold(strings.TrimSpace(notes), "Substitute day") {
		name += substituteSuffix
	}
	return event{pos: pos, n: n, date: date, hol: Holiday{Date: date, Name: name}}, true
}

// jsonValue prints a decoded JSON value for a message, briefly.
func jsonValue(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		if r := []rune(v); len(r) > 40 {
			return fmt.Sprintf("%q…", string(r[:40]))
		}
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	}
	return fmt.Sprint(v)
}
