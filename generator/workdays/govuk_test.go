package workdays

import (
	"os"
	"strings"
	"testing"
	"time"
)

// officialFile is the committed copy of GOV.UK's bank holiday file.
const officialFile = "testdata/bank-holidays.json"

func readOfficial(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(officialFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The committed copy parses, every division with the bank holidays of
// 2019 to 2027.
func TestParseGovUKOfficial(t *testing.T) {
	f, err := ParseGovUK("bank-holidays.json", readOfficial(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Name() != "bank-holidays.json" {
		t.Errorf("Name() = %q", f.Name())
	}
	tests := []struct {
		region Region
		n      int
	}{
		{EnglandAndWales, 75},
		{Scotland, 85},
		{NorthernIreland, 93},
	}
	for _, tt := range tests {
		hs := f.Holidays(tt.region)
		if len(hs) != tt.n {
			t.Errorf("%s: %d bank holidays, want %d", tt.region, len(hs), tt.n)
		}
		if len(hs) > 0 && (hs[0].Date.Year() != 2019 || hs[len(hs)-1].Date.Year() != 2027) {
			t.Errorf("%s: from %s to %s, want 2019 to 2027", tt.region, hs[0].Date.Format(time.DateOnly), hs[len(hs)-1].Date.Format(time.DateOnly))
		}
	}
	// Substitute days take the built-in table's names; one-off days are there.
	want := map[Region][]Holiday{
		EnglandAndWales: {{Date(2020, time.December, 28), "Boxing Day (substitute day)"}, {Date(2023, time.May, 8), "Bank holiday for the coronation of King Charles III"}},
		Scotland:        {{Date(2026, time.June, 15), "World Cup bank holiday"}, {Date(2021, time.January, 4), "2nd January (substitute day)"}},
		NorthernIreland: {{Date(2025, time.July, 14), "Battle of the Boyne (Orangemen’s Day) (substitute day)"}},
	}
	for r, hs := range want {
		for _, h := range hs {
			found := false
			for _, g := range f.Holidays(r) {
				found = found || g == h
			}
			if !found {
				t.Errorf("%s: no %s %q", r, h.Date.Format(time.DateOnly), h.Name)
			}
		}
	}
	// Holidays returns a copy.
	f.Holidays(Scotland)[0].Name = "changed"
	if f.Holidays(Scotland)[0].Name == "changed" {
		t.Error("Holidays returns the file's own slice")
	}
}

// A file may list some divisions only, in any order, with events in any
// order and with keys GOV.UK may add later; an unknown notes text leaves
// the title alone.
func TestParseGovUKLenient(t *testing.T) {
	src := `{
  "scotland": {
    "events": [
      {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true, "url": "x"},
      {"title": " Boxing Day ", "date": "2026-12-28", "notes": "substitute day "},
      {"title": "World Cup bank holiday", "date": "2026-06-15", "notes": "One-off"}
    ],
    "division": "scotland",
    "updated": "2026-02-05"
  }
}`
	f, err := ParseGovUK("h.json", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := f.Holidays(Scotland)
	want := []Holiday{
		{Date(2026, time.June, 15), "World Cup bank holiday"},
		{Date(2026, time.December, 25), "Christmas Day"},
		{Date(2026, time.December, 28), "Boxing Day (substitute day)"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("holiday %d: got %v, want %v", i, got[i], want[i])
		}
	}
	if hs := f.Holidays(EnglandAndWales); hs != nil {
		t.Errorf("england-and-wales: got %v, want none", hs)
	}
}

// Every problem is reported, each with its line and column, the division
// and the event's number.
func TestParseGovUKErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // the error's lines, in order
	}{
		{"syntax error", "{\n  \"scotland\": {\"events\": [}\n}",
			[]string{`h.json:2:27: not valid JSON: invalid character '}' looking for beginning of value`}},
		{"truncated", `{"scotland": {"events": [`,
			[]string{`h.json:1:26: not valid JSON: unexpected end of JSON input`}},
		{"empty", ``, []string{`h.json:1:1: not valid JSON: unexpected end of JSON input`}},
		{"not an object", `[{"title": "Christmas Day", "date": "2026-12-25"}]`,
			[]string{`h.json:1:1: want an object of divisions (england-and-wales, scotland, northern-ireland), got a list`}},
		{"no division", ` {} `, []string{`h.json:1:2: no division: want "england-and-wales", "scotland" or "northern-ireland"`}},
		{"unknown division", `{"wales": {"division": "wales", "events": []}, "scotland": {"events": [{"title": "2nd January", "date": "2026-01-02"}]}}`,
			[]string{`h.json:1:2: unknown division "wales": want "england-and-wales", "scotland" or "northern-ireland"`}},
		{"division twice", `{"scotland": {"events": [{"title": "A", "date": "2026-01-02"}]}, "scotland": {"events": []}}`,
			[]string{`h.json:1:66: division scotland listed twice`}},
		{"division not an object", `{"scotland": []}`,
			[]string{`h.json:1:14: scotland: want an object {division, events}, got a list`}},
		{"division names another", `{"scotland": {"division": "england-and-wales", "events": [{"title": "A", "date": "2026-01-02"}]}}`,
			[]string{`h.json:1:27: scotland: division: want "scotland", got "england-and-wales"`}},
		{"no events key", `{"scotland": {"division": "scotland"}}`, []string{`h.json:1:2: scotland: no events`}},
		{"no events", `{"scotland": {"events": []}}`, []string{`h.json:1:15: scotland: no events`}},
		{"events not a list", `{"scotland": {"events": {}}}`, []string{`h.json:1:25: scotland: events: want a list of events, got an object`}},
		{"events twice", `{"scotland": {"events": [{"title": "A", "date": "2026-01-02"}], "events": []}}`, []string{`h.json:1:65: scotland: events listed twice`}},
		{"all event problems", `{"northern-ireland": {"division": "northern-ireland", "events": [
  {"title": "New Year’s Day", "date": "2026-01-01", "notes": "", "bunting": true},
  {"date": "2026-03-17"},
  {"title": "Good Friday", "date": "03/04/2026"},
  {"title": "Easter Monday"},
  {"title": "  ", "date": "2026-05-04"},
  {"title": 7, "date": 20260525},
  "Boyne",
  {"title": "Summer bank holiday", "date": "2026-08-30", "notes": null, "bunting": "yes"},
  {"title": "Christmas Day", "date": "2026-12-25"},
  {"title": "Christmas", "date": "2026-12-25"}
]}}`,
			[]string{
				`h.json:3:3: northern-ireland event 2: no title`,
				`h.json:4:3: northern-ireland event 3 (title "Good Friday"): date: want yyyy-mm-dd, got "03/04/2026"`,
				`h.json:5:3: northern-ireland event 4 (title "Easter Monday"): no date`,
				`h.json:6:3: northern-ireland event 5: no title`,
				`h.json:7:3: northern-ireland event 6: date: want yyyy-mm-dd, got 2.0260525e+07`,
				`h.json:7:3: northern-ireland event 6: title: want text, got 7`,
				`h.json:8:3: northern-ireland event 7: want an object {title, date, notes, bunting}, got "Boyne"`,
				`h.json:9:3: northern-ireland event 8 (title "Summer bank holiday"): bunting: want true or false, got "yes"`,
				`h.json:9:3: northern-ireland event 8 (title "Summer bank holiday"): date 2026-08-30 is a Sunday: GOV.UK lists the day a bank holiday is observed, never a weekend`,
				`h.json:9:3: northern-ireland event 8 (title "Summer bank holiday"): notes: want text, got null`,
				`h.json:11:3: northern-ireland event 10 (2026-12-25): same day as event 9 ("Christmas Day")`,
			}},
		{"too large", `{"scotland": {"events": [` + strings.Repeat(" ", MaxGovUKSize) + `]}}`,
			[]string{`h.json: 4194332 bytes: a bank holiday file may hold at most 4194304 (GOV.UK's holds about 20 KB)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseGovUK("h.json", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error; file %+v", f)
			}
			if got, want := err.Error(), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func FuzzParseGovUK(f *testing.F) {
	f.Add(readOfficial(f))
	f.Add([]byte(`{"scotland":{"division":"scotland","events":[{"title":"2nd January","date":"2026-01-02","notes":"","bunting":true}]}}`))
	f.Add([]byte(`{"scotland":{"events":[{"title":"A","date":"2026-01-03"},{"title":"A","date":"2026-01-02"},{"date":"x"},1,null]},"wales":{}}`))
	f.Add([]byte(`{"england-and-wales":{"events":[{"title":"A","date":"2026-01-02","notes":"Substitute day"}]},"england-and-wales":[]}`))
	f.Add([]byte("[\n{]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		hf, err := ParseGovUK("h.json", data)
		if err != nil {
			msg := err.Error()
			if msg == "" {
				t.Fatal("empty error message")
			}
			for _, line := range strings.Split(msg, "\n") {
				if !strings.HasPrefix(line, "h.json") {
					t.Fatalf("problem without the file's name: %q", line)
				}
			}
			return
		}
		divisions := 0
		for _, r := range Regions() {
			hs := hf.Holidays(r)
			if hs != nil {
				divisions++
			}
			for i, h := range hs {
				if h.Name == "" || isWeekend(dayNum(h.Date)) || h.Date != Day(h.Date) {
					t.Fatalf("%s: accepted %v", r, h)
				}
				if i > 0 && !hs[i-1].Date.Before(h.Date) {
					t.Fatalf("%s: not sorted, or a day twice: %v", r, hs)
				}
			}
		}
		if divisions == 0 {
			t.Fatal("accepted a file of no division")
		}
		// A calendar takes any file ParseGovUK accepts.
		for _, r := range Regions() {
			if _, err := NewWithFile(r, hf, nil); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// The built-in table agrees with the committed copy of GOV.UK's file: for
// every region and every year the file covers, the same days under the same
// names. Refresh the copy from https://www.gov.uk/bank-holidays.json; a day GOV.UK adds then fails here
// until the table has it too.
func TestBuiltInMatchesGovUKFile(t *testing.T) {
	f, err := ParseGovUK("bank-holidays.json", readOfficial(t))
	if err != nil {
		t.Fatal(err)
	}
	lists := map[Region]string{EnglandAndWales: govukEnglandAndWales, Scotland: govukScotland, NorthernIreland: govukNorthernIreland}
	for _, r := range Regions() {
		t.Run(string(r), func(t *testing.T) {
			file := f.Holidays(r)
			if len(file) == 0 {
				t.Fatal("the file has no list for the region")
			}
			builtIn, err := New(r, nil)
			if err != nil {
				t.Fatal(err)
			}
			from, to := file[0].Date.Year(), file[len(file)-1].Date.Year()
			for y := from; y <= to; y++ {
				var want []Holiday
				for _, h := range file {
					if h.Date.Year() == y {
						want = append(want, h)
					}
				}
				if len(want) == 0 {
					t.Errorf("%d: the file lists no bank holiday", y)
					continue
				}
				if got := builtIn.Source(y); got != BuiltIn {
					t.Errorf("Source(%d) = %q, want %q", y, got, BuiltIn)
				}
				diffHolidays(t, builtIn.BankHolidays(y), want)
			}
			// The hand-written GOV.UK list of holidays_test.go says the same
			// for the years both hold.
			var listed []Holiday
			for _, h := range parseHolidayList(t, lists[r]) {
				if y := h.Date.Year(); from <= y && y <= to {
					listed = append(listed, h)
				}
			}
			diffHolidays(t, listed, file)
		})
	}
}

// govuk2026 is a Scotland list for 2026 only, with a day the built-in
// table does not know (Tuesday 10 March) and without one it does
// (St Andrew's Day, Monday 30 November).
const govuk2026 = `{"scotland":{"division":"scotland","events":[
{"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
{"title":"2nd January","date":"2026-01-02","notes":"","bunting":true},
{"title":"Synthetic bank holiday","date":"2026-03-10","notes":"","bunting":true},
{"title":"Good Friday","date":"2026-04-03","notes":"","bunting":false},
{"title":"Early May bank holiday","date":"2026-05-04","notes":"","bunting":true},
{"title":"Spring bank holiday","date":"2026-05-25","notes":"","bunting":true},
{"title":"World Cup bank holiday","date":"2026-06-15","notes":"","bunting":true},
{"title":"Summer bank holiday","date":"2026-08-03","notes":"","bunting":true},
{"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
{"title":"Boxing Day","date":"2026-12-28","notes":"Substitute day","bunting":true}]}}`

// A file is used for the years it covers and the built-in table for the
// rest, and Source says which.
func TestNewWithFile(t *testing.T) {
	f, err := ParseGovUK("h.json", []byte(govuk2026))
	if err != nil {
		t.Fatal(err)
	}
	extra := []Holiday{{Date(2026, time.March, 11), "Company day"}, {Date(2027, time.March, 10), "Company day"}}
	c, err := NewWithFile(Scotland, f, extra)
	if err != nil {
		t.Fatal(err)
	}
	builtIn, err := New(Scotland, extra)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		year   int
		source string
		n      int // bank holidays
	}{
		{2025, BuiltIn, 9},
		{2026, "GOV.UK file h.json", 10},
		{2027, BuiltIn, 9},
	} {
		if got := c.Source(tt.year); got != tt.source {
			t.Errorf("Source(%d) = %q, want %q", tt.year, got, tt.source)
		}
		got := c.BankHolidays(tt.year)
		if len(got) != tt.n {
			t.Errorf("BankHolidays(%d): %d, want %d: %v", tt.year, len(got), tt.n, got)
		}
		if tt.source == BuiltIn {
			diffHolidays(t, got, builtIn.BankHolidays(tt.year))
		}
	}
	diffHolidays(t, c.BankHolidays(2026), f.Holidays(Scotland))

	// The day the file adds and the day it leaves out change Working Days;
	// extra holidays still apply on top, in the file's year and the others.
	day := func(m time.Month, d int) time.Time { return Date(2026, m, d) }
	for _, tt := range []struct {
		name          string
		f             func(c *Calendar) any
		builtIn, file any
	}{
		{"IsWorkingDay(Tue 10 Mar 2026), the file's synthetic day",
			func(c *Calendar) any { return c.IsWorkingDay(day(time.March, 10)) }, true, false},
		{"IsWorkingDay(Mon 30 Nov 2026), St Andrew's Day, not in the file",
			func(c *Calendar) any { return c.IsWorkingDay(day(time.November, 30)) }, false, true},
		{"WorkingDaysBetween(28 Feb, 31 Mar 2026): 22 weekdays less Company day and the file's day",
			func(c *Calendar) any { return c.WorkingDaysBetween(day(time.February, 28), day(time.March, 31)) }, 21, 20},
		{"AddWorkingDays(Mon 9 Mar 2026, 5)",
			func(c *Calendar) any { return c.AddWorkingDays(day(time.March, 9), 5).Format(time.DateOnly) }, "2026-03-17", "2026-03-18"},
		{"Holiday(Wed 11 Mar 2026), an extra holiday in the file's year",
			func(c *Calendar) any { name, _ := c.Holiday(day(time.March, 11)); return name }, "Company day", "Company day"},
		{"IsWorkingDay(Wed 10 Mar 2027), an extra holiday in a built-in year",
			func(c *Calendar) any { return c.IsWorkingDay(Date(2027, time.March, 10)) }, false, false},
	} {
		if got := tt.f(builtIn); got != tt.builtIn {
			t.Errorf("%s, built-in: got %v, want %v", tt.name, got, tt.builtIn)
		}
		if got := tt.f(c); got != tt.file {
			t.Errorf("%s, file: got %v, want %v", tt.name, got, tt.file)
		}
	}
}

// A region the file has no list for uses the built-in table in every year,
// and a nil file is New.
func TestNewWithFileOtherRegion(t *testing.T) {
	f, err := ParseGovUK("h.json", []byte(govuk2026))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []*HolidayFile{f, nil} {
		c, err := NewWithFile(EnglandAndWales, file, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Source(2026); got != BuiltIn {
			t.Errorf("Source(2026) = %q, want %q", got, BuiltIn)
		}
		if !c.IsWorkingDay(Date(2026, time.March, 10)) {
			t.Error("a Scotland-only file changed England and Wales")
		}
	}
	if _, err := NewWithFile("wales", f, nil); err == nil {
		t.Error("an unknown region was accepted")
	}
}

// A large file of bad events is read in time, and its problems are listed
// up to a hundred, then counted.
func TestParseGovUKManyProblems(t *testing.T) {
	const n = 200000
	src := `{"scotland":{"events":[` + strings.Repeat("{},\n", n-1) + `{}]}}`
	start := time.Now()
	_, err := ParseGovUK("h.json", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxGovUKProblems+1 {
		t.Fatalf("%d lines, want %d", len(lines), maxGovUKProblems+1)
	}
	// Two problems an event: no date, no title.
	if got, want := lines[2], "h.json:2:1: scotland event 2: no date"; got != want {
		t.Errorf("line 3: %q, want %q", got, want)
	}
	if got, want := lines[maxGovUKProblems], "h.json: 399900 more problems not listed: is this GOV.UK's bank holiday file?"; got != want {
		t.Errorf("last line: %q, want %q", got, want)
	}
}
