package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/config"
	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/internal/workbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sampleOptions builds the shipped sample (config.toml, evidence/) into out.
func sampleOptions(out string) Options {
	return Options{Project: "../..", Config: "../../config.toml", Evidence: "../../evidence", Out: out}
}

// sampleConfig is the shipped config.toml, for a test to write elsewhere:
// its [review] previous, relative to the repository, is made absolute, so
// that the copy still finds the sample's previous build.
func sampleConfig(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return absPrevious(t, src, "../..")
}

// absPrevious makes the [review] previous of config src, relative to
// dir, absolute.
func absPrevious(t testing.TB, src []byte, dir string) []byte {
	t.Helper()
	re := regexp.MustCompile(`(?m)^previous = "([^"]+)"`)
	m := re.FindSubmatch(src)
	if m == nil {
		t.Fatal("the sample config.toml sets no [review] previous")
	}
	abs, err := filepath.Abs(filepath.Join(dir, string(m[1])))
	if err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(abs) // a TOML basic string, as JSON writes it
	return re.ReplaceAllLiteral(src, append([]byte("previous = "), q...))
}

func build(t *testing.T, o Options) (stdout, stderr string) {
	t.Helper()
	var so, se bytes.Buffer
	if err := Build(o, &so, &se); err != nil {
		t.Fatalf("build: %v\nstderr:\n%s", err, se.String())
	}
	return so.String(), se.String()
}

// The same inputs and as-of date give byte-identical output.
func TestDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	build(t, sampleOptions(a))
	build(t, sampleOptions(b))
	ta, tb := tree.Read(t, a), tree.Read(t, b)
	if len(ta) < 100 {
		t.Fatalf("only %d files", len(ta))
	}
	if d := tree.Diff(ta, tb); len(d) > 0 {
		t.Errorf("two builds differ in %q", d)
	}
	// A different as-of date changes the result: the comparison above can fail.
	c := filepath.Join(t.TempDir(), "c")
	o := sampleOptions(c)
	o.AsOf = "2027-06-30"
	build(t, o)
	if bytes.Equal(tree.Read(t, c)["gaps.json"], ta["gaps.json"]) {
		t.Error("gaps.json does not depend on the as-of date")
	}
}

// The sample's coverage.json and gaps.json match the reviewed golden files.
// Refresh them with: go test ./generator/cli -run TestSampleGolden -update
func TestSampleGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build(t, sampleOptions(out))
	for _, name := range []string{"coverage.json", "gaps.json"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; review the change and run with -update", name, golden)
		}
	}
}

// withConfig returns options for the sample built into a new folder, with
// a copy of its config.toml there in which old (which it must hold) is
// replaced by new, or, with old "", new is appended.
func withConfig(t *testing.T, old, new string) Options {
	t.Helper()
	src := sampleConfig(t)
	if old != "" {
		if !bytes.Contains(src, []byte(old)) {
			t.Fatalf("the sample config.toml has no %q", old)
		}
		src = bytes.Replace(src, []byte(old), []byte(new), 1)
	} else {
		src = append(src, new...)
	}
	dir := t.TempDir()
	o := sampleOptions(filepath.Join(dir, "public"))
	o.Config = filepath.Join(dir, "config.toml")
	if err := os.WriteFile(o.Config, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return o
}

// lastYear are the options that build the sample's previous review into
// out: as of 2025-11-27, its period from the contract's start, compared
// with nothing.
func lastYear(t *testing.T, out string) Options {
	t.Helper()
	line := regexp.MustCompile(`(?m)^period_start = .*$`).Find(sampleConfig(t))
	if line == nil {
		t.Fatal("the sample config.toml sets no [review] period_start")
	}
	o := withConfig(t, string(line), "period_start = 2025-04-01")
	o.Out, o.AsOf, o.NoPrevious = out, "2025-11-27", true
	return o
}

// The sample's previous build (generator/internal/sample/previous, which
// config.toml compares with) is the generator's own coverage.json and
// gaps.json for the sample judged a year earlier, never written by hand.
// Refresh it with: go test ./generator/cli -run TestSamplePrevious -update
func TestSamplePrevious(t *testing.T) {
	const dir, asOf = "../../generator/internal/sample/previous", "2025-11-27"
	out := filepath.Join(t.TempDir(), "public")
	build(t, lastYear(t, out))
	for _, name := range []string{"coverage.json", "gaps.json"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		committed := filepath.Join(dir, name)
		if *update {
			if err := os.WriteFile(committed, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(committed)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not the sample judged as of %s; review the change and run with -update", committed, asOf)
		}
	}
	// The shipped config compares with it: the sample site shows what
	// changed, in every category.
	cfg, err := config.Parse("config.toml", sampleConfigRaw(t))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Join("../..", cfg.Review.Previous) != filepath.Clean(dir) {
		t.Errorf("config.toml: [review] previous = %q, want the sample's previous build, %s", cfg.Review.Previous, dir)
	}
	cur := filepath.Join(t.TempDir(), "public")
	stdout, _ := build(t, sampleOptions(cur))
	if !strings.Contains(stdout, "Compared with the build as of "+asOf+": ") {
		t.Errorf("the sample build compared with nothing:\n%s", stdout)
	}
	var ch struct {
		Counts map[string]int `json:"counts"`
	}
	data, err := os.ReadFile(filepath.Join(cur, "changes.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &ch); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"paragraphs_better", "paragraphs_worse", "findings_new", "findings_resolved", "findings_open", "sources_added"} {
		if ch.Counts[k] == 0 {
			t.Errorf("changes.json: no %s: the sample shows every category but sources gone", k)
		}
	}
}

func sampleConfigRaw(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("../../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

type coverageFile struct {
	AsOf       string `json:"as_of"`
	Form       string `json:"form"`
	Paragraphs []struct {
		ID, Heading, Status string
		Gaps                int
	} `json:"paragraphs"`
}

func readCoverage(t *testing.T, out string) coverageFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "coverage.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c coverageFile
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

// Both forms list every paragraph of the form, each with a status.
func TestForms(t *testing.T) {
	for _, tt := range []struct {
		form string
		n    int
	}{{"A", 49}, {"B", 133}} {
		t.Run(tt.form, func(t *testing.T) {
			dir := t.TempDir()
			cfg := filepath.Join(dir, "config.toml")
			src := "[contract]\nform = \"" + tt.form + "\"\nstart_date = 2025-04-01\n[review]\nas_of = 2026-11-27\n"
			if err := os.WriteFile(cfg, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "public")
			o := sampleOptions(out)
			o.Config = cfg
			build(t, o)
			c := readCoverage(t, out)
			if c.Form != tt.form || len(c.Paragraphs) != tt.n {
				t.Fatalf("form %q with %d paragraphs, want %q with %d", c.Form, len(c.Paragraphs), tt.form, tt.n)
			}
			statuses := map[string]bool{"covered": true, "gap": true, "missing": true, "info": true, "na": true}
			for _, p := range c.Paragraphs {
				if !statuses[p.Status] || p.Heading == "" || !strings.HasPrefix(p.ID, tt.form+".") {
					t.Errorf("paragraph %+v", p)
				}
				if _, err := os.Stat(filepath.Join(out, "paragraphs", slug(p.ID)+".html")); err != nil {
					t.Errorf("no page for %s: %v", p.ID, err)
				}
			}
		})
	}
}

func slug(id string) string {
	r := strings.NewReplacer(".", "-", "(", "-", ")", "")
	return r.Replace(id)
}

// Evidence text is escaped everywhere it is rendered.
func TestEscapesEvidence(t *testing.T) {
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	if err := os.Mkdir(ev, 0o755); err != nil {
		t.Fatal(err)
	}
	tsv := "Staff ID\tName\tRole\tStart Date\tEnd Date\tGovernment Data Access\tPrivileged Access\tIdentity Check\tCriminal Record Check\tRight To Work Check\tClearance Required\tClearance Held\tAccess Revoked\n" +
		"<b>X1</b>\t<script>alert(1)</script>\t\"><img src=x onerror=alert(2)>\t2025-04-01\t\tYes\tNo\t2025-05-01\t2025-03-01\t2025-03-01\tNone\t\t\n"
	if err := workbook.Write(filepath.Join(ev, "staff.xlsx"), workbook.Sheet{Name: "Staff", TSV: tsv}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	o := sampleOptions(out)
	o.Evidence = ev
	build(t, o)
	for name, data := range tree.Read(t, out) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>X1</b>"} {
			if bytes.Contains(data, []byte(bad)) {
				t.Errorf("%s contains unescaped %q", name, bad)
			}
		}
	}
	page := string(tree.Read(t, out)["registers/staff.html"])
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("registers/staff.html does not show the escaped name")
	}
}

// A build that fails leaves the previous output as it was and no
// temporary folders behind.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	build(t, sampleOptions(out))
	before := tree.Read(t, out)

	// A project whose page layout does not parse.
	proj := filepath.Join(dir, "proj")
	for _, d := range []string{"content", "layouts", "static"} {
		if err := tree.Copy(filepath.Join("..", "..", d), filepath.Join(proj, d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(proj, "layouts", "gaps.html"), []byte("{{define \"main\"}}{{.Nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := sampleOptions(out)
	o.Project = proj
	if err := Build(o, io.Discard, io.Discard); err == nil {
		t.Fatal("a broken layout built")
	}
	after := tree.Read(t, out)
	if len(after) != len(before) {
		t.Errorf("output changed: %d files, was %d", len(after), len(before))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary folder left behind: %s", e.Name())
		}
	}
}
