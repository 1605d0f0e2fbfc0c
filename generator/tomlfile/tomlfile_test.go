package tomlfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

const sample = `# comment
top = 1
[contract]
form = "B"
"quoted key" = 2
dotted.key = 3
[[items]]
id = "x"
[calendar] # trailing comment
region = "scotland"
extra = [{ date = 2026-01-01 }]
`

func TestKeyLine(t *testing.T) {
	tests := []struct {
		key  []string
		want int
	}{
		{[]string{"top"}, 2},
		{[]string{"contract"}, 3},
		{[]string{"contract", "form"}, 4},
		{[]string{"contract", "quoted key"}, 5},
		{[]string{"contract", "dotted", "key"}, 6},
		{[]string{"items"}, 7},
		{[]string{"items", "0"}, 7},
		{[]string{"items", "0", "id"}, 8},
		{[]string{"calendar"}, 9},
		{[]string{"calendar", "region"}, 10},
		{[]string{"calendar", "extra", "date"}, 11}, // inside an inline table: the enclosing key's line
		{[]string{"nowhere"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := KeyLine([]byte(sample), tt.key); got != tt.want {
			t.Errorf("KeyLine(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

func TestKeyLineArrays(t *testing.T) {
	src := `[[evidence]]
id = "EV-1"
[[evidence]]
id = "EV-2"
title = "Two"
[[smp.review]]
completed = 2026-01-01
[[evidence]]
# no id
title = "Three"
`
	tests := []struct {
		key  []string
		want int
	}{
		{[]string{"evidence", "0", "id"}, 2},
		{[]string{"evidence", "1", "id"}, 4},
		{[]string{"evidence", "1", "title"}, 5},
		{[]string{"evidence", "2"}, 8},
		{[]string{"evidence", "2", "title"}, 10},
		{[]string{"evidence", "2", "id"}, 8}, // absent: the element's header
		{[]string{"smp", "review", "0", "completed"}, 7},
		{[]string{"evidence", "3", "id"}, 1}, // no such element: the array
	}
	for _, tt := range tests {
		if got := KeyLine([]byte(src), tt.key); got != tt.want {
			t.Errorf("KeyLine(%q) = %d, want %d", tt.key, got, tt.want)
		}
	}
}

func TestWithin(t *testing.T) {
	src := `top = 1
[representatives.agency]
name = "x"
[representatives]
[[smp.review]]
security_policy.version = "1"
[other]
a.b.c = 1
`
	ix := NewIndex([]byte(src))
	tests := []struct {
		key  []string
		want int
		ok   bool
	}{
		{[]string{"representatives"}, 4, true}, // its own header, though a table inside it comes first
		{[]string{"representatives", "agency"}, 2, true},
		{[]string{"smp"}, 5, true}, // only [[smp.review]]
		{[]string{"smp", "review", "0"}, 5, true},
		{[]string{"security_policy"}, 0, false}, // smp.review.0.security_policy, not a section
		{[]string{"other", "a"}, 8, true},       // dotted keys only
		{[]string{"other", "a", "b"}, 8, true},
		{[]string{"top"}, 1, true},
		{[]string{"nowhere"}, 0, false},
	}
	for _, tt := range tests {
		if got, ok := ix.Within(tt.key); got != tt.want || ok != tt.ok {
			t.Errorf("Within(%q) = %d, %v; want %d, %v", tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSyntaxError(t *testing.T) {
	var v any
	_, err := toml.Decode("a = 1\n[b]\nc = = 2\n", &v)
	pos, msg, ok := SyntaxError("f.toml", err)
	if !ok || pos.File() != "f.toml" || pos.Line() != 3 || pos.Col() == 0 || msg == "" {
		t.Errorf("SyntaxError = %v, %q, %v; want f.toml:3 with a column and a message", pos, msg, ok)
	}
	if _, _, ok := SyntaxError("f.toml", errors.New("toml: line 1 (last key \"n\"): incompatible types")); ok {
		t.Error("SyntaxError took a plain error for a toml.ParseError")
	}
}

func TestDecodeUnknownKeys(t *testing.T) {
	var v struct {
		Contract struct {
			Form string `toml:"form"`
		} `toml:"contract"`
	}
	src := "[contract]\nform = \"B\"\nfrom = 1\n[other]\na = 1\nb = 2\n"
	f, probs := Decode("c.toml", []byte(src), &v)
	if f == nil {
		t.Fatal("nil file for a valid document")
	}
	got := probs.Error()
	want := "c.toml:3: unknown key \"contract.from\" (did you mean \"form\"?)\nc.toml:4: unknown key \"other\""
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if v.Contract.Form != "B" {
		t.Errorf("form = %q", v.Contract.Form)
	}
}

// A value of the wrong type is reported at its key in this package's
// words; every one is reported, always in the struct's order, and the
// File is nil.
func TestDecodeErrors(t *testing.T) {
	type holiday struct {
		Date any    `toml:"date"`
		Name string `toml:"name"`
	}
	var v struct {
		N    int  `toml:"n"`
		Flag bool `toml:"flag"`
		Sub  struct {
			Names []string `toml:"names"`
			Rate  float64  `toml:"rate"`
		} `toml:"sub"`
		Days []holiday `toml:"days"`
	}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"syntax", "\n\nn = = 1\n", []string{"f.toml:3:"}},
		{"text for a number", "n = \"x\"\n", []string{`f.toml:1: n: want a whole number, got "x"`}},
		{"every bad value, in the struct's order", "flag = \"yes\"\nn = 1.5\n[sub]\nrate = true\nnames = [\"a\", 2]\n",
			[]string{`f.toml:2: n: want a whole number, got the number 1.5`, `f.toml:1: flag: want true or false, got "yes"`,
				`f.toml:5: names: want a list of text in quotes, got a list`, `f.toml:4: rate: want a number, got true`}},
		{"not a table", "sub = 3\n", []string{`f.toml:1: sub: want a table, got the number 3`}},
		{"not an array of tables", "days = \"Mondays\"\n", []string{`f.toml:1: days: want an array of tables, got "Mondays"`}},
		{"in an array of tables", "[[days]]\nname = \"a\"\n[[days]]\nname = 2026-01-01\n", []string{`f.toml:4: name: want text in quotes, got a date or time`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 10 { // the decoder visits a table's keys in map order
				f, probs := Decode("f.toml", []byte(tt.src), &v)
				var got []string
				for _, p := range probs {
					got = append(got, p.Error())
				}
				ok := f == nil && len(got) == len(tt.want)
				for i := 0; ok && i < len(got); i++ {
					ok = strings.HasPrefix(got[i], tt.want[i])
				}
				if !ok {
					t.Fatalf("Decode: file %v, problems\n%s\nwant prefixes\n%s", f != nil, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
				}
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("a = [1, \"x\"]\n[b]\nc = {d = 1}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var v struct {
			Top      int `toml:"top"`
			Contract struct {
				Form string `toml:"form"`
			} `toml:"contract"`
		}
		_, probs := Decode("f.toml", src, &v)
		for _, p := range probs {
			if p.Msg == "" || !strings.HasPrefix(p.Error(), "f.toml") {
				t.Fatalf("bad problem %q", p.Error())
			}
		}
		_ = KeyLine(src, []string{"contract", "form"})
	})
}
