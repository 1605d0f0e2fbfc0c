package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/tree"
)

// withHolidays returns options for the sample judged in Scotland, with a
// copy of its config.toml whose [calendar] has the given holidays_file
// line added ("" for none), and the files given written beside it.
func withHolidays(t *testing.T, line string, files map[string][]byte) Options {
	t.Helper()
	o := withConfig(t, `region = "england-and-wales"`, "region = \"scotland\"\n"+line)
	dir := filepath.Dir(o.Config)
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func officialHolidays(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile("../workdays/testdata/bank-holidays.json")
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// With [calendar] holidays_file set, the method page says, year by year,
// that the bank holidays came from the GOV.UK file, and from the built-in
// table for a year the file does not cover. The committed copy of GOV.UK's
// file and the built-in table judge the sample alike.
func TestHolidaysFile(t *testing.T) {
	row := func(year, source, n string) string {
		return "<tr><td>" + year + "</td><td>" + source + "</td><td>" + n + "</td></tr>"
	}
	only2026 := `{"scotland":{"division":"scotland","events":[
{"title":"New Year’s Day","date":"2026-01-01","notes":"","bunting":true},
{"title":"Synthetic bank holiday","date":"2026-03-10","notes":"","bunting":true}]}}`
	tests := []struct {
		name  string
		line  string
		files map[string][]byte
		want  []string // in method.html
	}{
		{"built-in table", "", nil, []string{
			row("2025", "built-in table", "9"), row("2026", "built-in table", "10"), row("2027", "built-in table", "9"),
			"<td>World Cup bank holiday</td>",
		}},
		{"GOV.UK file", `holidays_file = "bank-holidays.json"`, map[string][]byte{"bank-holidays.json": officialHolidays(t)}, []string{
			row("2025", "GOV.UK file bank-holidays.json", "9"), row("2026", "GOV.UK file bank-holidays.json", "10"), row("2027", "GOV.UK file bank-holidays.json", "9"),
			"<td>World Cup bank holiday</td>",
		}},
		{"a file for 2026 only, in a folder", `holidays_file = "data/2026.json"`, map[string][]byte{"data/2026.json": []byte(only2026)}, []string{
			row("2025", "built-in table", "9"), row("2026", "GOV.UK file data/2026.json", "2"), row("2027", "built-in table", "9"),
			"<td>Synthetic bank holiday</td>",
		}},
	}
	gaps := map[string][]byte{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := withHolidays(t, tt.line, tt.files)
			build(t, o)
			out := tree.Read(t, o.Out)
			page := string(out["method.html"])
			for _, w := range tt.want {
				if !strings.Contains(page, w) {
					t.Errorf("method.html lacks %s", w)
				}
			}
			gaps[tt.name] = out["gaps.json"]

			// The manifest records the file as an input, and verify
			// accepts the build.
			type file struct {
				Path   string
				Size   int
				SHA256 string
			}
			var m struct{ Build struct{ Holidays *file } }
			if err := json.Unmarshal(out["manifest.json"], &m); err != nil {
				t.Fatal(err)
			}
			var want *file
			for name, data := range tt.files {
				sum := sha256.Sum256(data)
				want = &file{name, len(data), hex.EncodeToString(sum[:])}
			}
			if (m.Build.Holidays == nil) != (want == nil) || (want != nil && *m.Build.Holidays != *want) {
				t.Errorf("manifest.json: build.holidays = %+v, want %+v", m.Build.Holidays, want)
			}
			if code := Run([]string{"verify", o.Out}, io.Discard, io.Discard); code != ExitOK {
				t.Errorf("verify: exit %d", code)
			}
		})
	}
	if !bytes.Equal(gaps["built-in table"], gaps["GOV.UK file"]) {
		t.Error("the GOV.UK file and the built-in table judge the sample differently")
	}
}

// A holidays file that cannot be used is a configuration error naming it,
// with the line and column of each problem in it: exit 1, nothing written.
func TestHolidaysFileErrors(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		files map[string][]byte
		want  []string // in stderr
	}{
		{"missing", `holidays_file = "bank-holidays.json"`, nil,
			[]string{"generator: [calendar] holidays_file in config.toml: open ", "bank-holidays.json: no such file or directory"}},
		{"not JSON", `holidays_file = "bank-holidays.json"`, map[string][]byte{"bank-holidays.json": []byte("{\n  \"scotland\": [,]\n}")},
			[]string{"generator: [calendar] holidays_file in config.toml: bank-holidays.json has problems:\nbank-holidays.json:2:16: not valid JSON: invalid character ','"}},
		{"every problem", `holidays_file = "h.json"`, map[string][]byte{"h.json": []byte(`{"wales":{},"scotland":{"events":[{"date":"2026-06-15"},{"title":"X","date":"15/06/2026"}]}}`)},
			[]string{"h.json:1:2: unknown division \"wales\"", "h.json:1:35: scotland event 1: no title", `h.json:1:57: scotland event 2 (title "X"): date: want yyyy-mm-dd, got "15/06/2026"`}},
		{"inside the output folder", `holidays_file = "public/bank-holidays.json"`, map[string][]byte{"public/bank-holidays.json": officialHolidays(t)},
			[]string{"holidays_file in config.toml: public/bank-holidays.json is inside the output folder"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := withHolidays(t, tt.line, tt.files)
			var stdout, stderr bytes.Buffer
			code := Run([]string{"--project", o.Project, "--config", o.Config, "--evidence", o.Evidence, "--out", o.Out}, &stdout, &stderr)
			if code != ExitError {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitError, stderr.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr.String())
				}
			}
			if _, err := os.Stat(filepath.Join(o.Out, "index.html")); err == nil {
				t.Error("a site was written")
			}
		})
	}
}
