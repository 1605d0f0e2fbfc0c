package tomlfile

import (
	"strings"
	"testing"
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
	want := "c.toml:3: unknown key \"contract.from\"\nc.toml:4: unknown key \"other\""
	if got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	if v.Contract.Form != "B" {
		t.Errorf("form = %q", v.Contract.Form)
	}
}

func TestDecodeErrors(t *testing.T) {
	var v struct {
		N int `toml:"n"`
	}
	tests := []struct{ src, want string }{
		{"n = \"x\"\n", `f.toml:1: n: incompatible types`},
		{"\n\nn = = 1\n", `f.toml:3:`},
	}
	for _, tt := range tests {
		f, probs := Decode("f.toml", []byte(tt.src), &v)
		if f != nil || len(probs) != 1 || !strings.HasPrefix(probs.Error(), tt.want) {
			t.Errorf("Decode(%q): file %v, problems %q; want prefix %q", tt.src, f != nil, probs.Error(), tt.want)
		}
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
