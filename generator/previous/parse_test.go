package previous

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/agency/evidence-site/generator/rules"
)

// A build's files as this program writes them (site/exports.go), with a
// field a later version might add.
const (
	goodCoverage = `{
  "as_of": "2025-11-27",
  "form": "B",
  "paragraphs": [
    {
      "id": "B.9.5.5",
      "heading": "Monthly reports",
      "status": "gap",
      "checks": 3,
      "reason": "",
      "evidence": [{"source": "vulnerability-reports", "title": "Vulnerability reports", "file": "vulnerability-reports.xlsx"}, {"source": "vulnerability-reports", "title": "again", "file": ""}],
      "gaps": 1,
      "findings": ["F-0123456789ab"],
      "later": {"added": [1, 2, 3]}
    },
    {"id": "B.3.4.3(a)", "heading": "", "status": "covered", "basis": "attested", "checks": 0, "reason": "", "evidence": [], "gaps": 0, "findings": []}
  ],
  "later": [{"x": null}]
}
`
	goodGaps = `{
  "as_of": "2025-11-27",
  "form": "B",
  "gaps": [
    {
      "id": "F-0123456789ab",
      "paragraph": "B.9.5.5",
      "kind": "missing",
      "severity": "medium",
      "subject": "2025-10",
      "message": "no report for October 2025",
      "source": {"file": "vulnerability-reports.xlsx", "sheet": "Reports", "cell": "", "line": 0}
    },
    {"id": "F-ba9876543210-2", "paragraph": "", "kind": "invalid", "severity": "medium", "subject": "", "message": "<script>alert(1)</script>", "source": {"file": "x.toml", "sheet": "", "cell": "", "line": 3}},
    {"id": "F-00000000aaaa", "paragraph": "B.9.5.5", "kind": "violation", "severity": "high", "subject": "2025-01", "message": "set aside there", "source": {"file": "", "sheet": "", "cell": "", "line": 0}, "before_period": true}
  ]
}
`
)

func TestParse(t *testing.T) {
	b, err := Parse("prev/coverage.json", []byte(goodCoverage), "prev/gaps.json", []byte(goodGaps))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 11, 27, 0, 0, 0, 0, time.UTC); !b.AsOf.Equal(want) || b.Form != "B" {
		t.Errorf("as of %v, form %q", b.AsOf, b.Form)
	}
	want := []Paragraph{
		{ID: "B.9.5.5", Heading: "Monthly reports", Status: rules.GapStatus, Sources: []Source{{"vulnerability-reports", "Vulnerability reports"}}},
		{ID: "B.3.4.3(a)", Status: rules.Covered, Sources: nil},
	}
	if got := fmt.Sprint(b.Paragraphs); got != fmt.Sprint(want) {
		t.Errorf("paragraphs:\n got %s\nwant %s", got, fmt.Sprint(want))
	}
	wantF := []Finding{
		{ID: "F-0123456789ab", Paragraph: "B.9.5.5", Kind: rules.Missing, Severity: rules.Medium, Subject: "2025-10", Message: "no report for October 2025"},
		{ID: "F-ba9876543210-2", Kind: rules.Invalid, Severity: rules.Medium, Message: "<script>alert(1)</script>"},
	}
	// The last, set aside in that build as before its review period,
	// counted there in nothing and is compared as nothing.
	if got := fmt.Sprint(b.Findings); got != fmt.Sprint(wantF) {
		t.Errorf("findings:\n got %s\nwant %s", got, fmt.Sprint(wantF))
	}
	if len(b.Files) != 2 || b.Files[0].Path != "prev/coverage.json" || b.Files[1].Size != int64(len(goodGaps)) || len(b.Files[1].SHA256) != 64 {
		t.Errorf("files: %+v", b.Files)
	}
}

// Every problem names its file, line and column, and says what is wrong.
func TestParseProblems(t *testing.T) {
	cut := goodGaps[:strings.Index(goodGaps, `"severity": "medium"`)+15]
	gap := func(fields string) string {
		return `{"as_of": "2025-11-27", "form": "B", "gaps": [` + "\n" + fields + "\n]}"
	}
	para := func(fields string) string {
		return `{"as_of": "2025-11-27", "form": "B", "paragraphs": [` + "\n" + fields + "\n]}"
	}
	const f = `{"id": "F-0123456789ab", "paragraph": "B.1", "kind": "violation", "severity": "high", "subject": "s", "message": "m"}`
	const p = `{"id": "B.1", "heading": "h", "status": "gap", "evidence": []}`
	for _, tt := range []struct {
		name           string
		coverage, gaps string
		want           []string // the error's lines, each a prefix
	}{
		{"cut short", goodCoverage, cut, []string{"gaps.json:9:22: not valid JSON (cut short?): unexpected end of JSON input"}},
		{"empty", "", goodGaps, []string{"coverage.json:1:1: not valid JSON (cut short?)"}},
		{"not JSON", goodCoverage, "<html><script>x</script>", []string{"gaps.json:1:1: not valid JSON: invalid character '<'"}},
		{"a list", "[]", goodGaps, []string{`coverage.json:1:1: want an object {"as_of", "form", "paragraphs": [...]}, got a list`}},
		{"nothing in it", goodCoverage, "{}", []string{`gaps.json: no "as_of"`, `gaps.json: no "form"`, `gaps.json: no "gaps"`}},
		{"two lists", goodCoverage, `{"as_of": "2025-11-27", "form": "B", "gaps": [], "gaps": []}`, []string{`gaps.json:1:50: "gaps" is given twice`}},
		{"bad date", goodCoverage, strings.Replace(goodGaps, `"as_of": "2025-11-27"`, `"as_of": "27/11/2025"`, 1), []string{`gaps.json:2:12: as_of: want a date such as 2025-11-27, got "27/11/2025"`}},
		{"other build", goodCoverage, strings.Replace(goodGaps, `"2025-11-27"`, `"2025-11-28"`, 1), []string{`gaps.json:2:12: as_of 2025-11-28 is not coverage.json's 2025-11-27: the two files are from different builds`}},
		{"other form", goodCoverage, strings.Replace(goodGaps, `"form": "B"`, `"form": "A"`, 1), []string{`gaps.json:3:11: form "A" is not coverage.json's "B"`}},
		{"bad form", goodCoverage, strings.Replace(goodGaps, `"form": "B"`, `"form": "<b>"`, 1), []string{`gaps.json:3:11: form: want a form such as "B", got "<b>"`}},
		{"not a list", goodCoverage, `{"as_of": "2025-11-27", "form": "B", "gaps": {"id": 1}}`, []string{"gaps.json:1:46: gaps: want a list, got an object"}},
		{"not an object", goodCoverage, gap("3"), []string{"gaps.json:2:1: finding 1: want an object, got a number"}},
		{"id of the wrong type", goodCoverage, gap(strings.Replace(f, `"F-0123456789ab"`, `12`, 1)), []string{"gaps.json:2:1: finding 1: id: want text, got a number"}},
		{"no id", goodCoverage, gap(strings.Replace(f, `"id": "F-0123456789ab", `, ``, 1)), []string{"gaps.json:2:1: finding 1: no id"}},
		{"bad id", goodCoverage, gap(strings.Replace(f, `F-0123456789ab`, `F-<b>`, 1)), []string{`gaps.json:2:1: finding 1: id: want F- and 12 hex digits, got "F-<b>"`}},
		{"id twice", goodCoverage, gap(f + ",\n" + f), []string{"gaps.json:3:1: finding 2: id F-0123456789ab is also finding 1's"}},
		{"bad kind and severity", goodCoverage, gap(strings.Replace(strings.Replace(f, `"violation"`, `"bad"`, 1), `"high"`, `"urgent"`, 1)),
			[]string{`gaps.json:2:1: finding 1 (F-0123456789ab): kind: want one of violation, stale, missing, invalid, note, got "bad"`, `gaps.json:2:1: finding 1 (F-0123456789ab): severity: want one of critical, high, medium, low, warning, got "urgent"`}},
		{"no paragraph", goodCoverage, gap(strings.Replace(f, `"paragraph": "B.1", `, ``, 1)), []string{`gaps.json:2:1: finding 1 (F-0123456789ab): no paragraph ("" for none)`}},
		{"bad paragraph", goodCoverage, gap(strings.Replace(f, `"B.1"`, `"<a href=x>"`, 1)), []string{`gaps.json:2:1: finding 1 (F-0123456789ab): paragraph: want a paragraph id such as B.9.5.5, got "<a href=x>"`}},
		{"bad status", para(strings.Replace(p, `"gap"`, `"fine"`, 1)), goodGaps, []string{`coverage.json:2:1: paragraph 1 (B.1): status: want one of covered, gap, missing, info, na, got "fine"`}},
		{"paragraph twice", para(p + ",\n" + p), goodGaps, []string{"coverage.json:3:1: paragraph 2: id B.1 is also paragraph 1's"}},
		{"no evidence", para(strings.Replace(p, `, "evidence": []`, ``, 1)), goodGaps, []string{"coverage.json:2:1: paragraph 1 (B.1): no evidence list"}},
		{"evidence not a list", para(strings.Replace(p, `[]`, `null`, 1)), goodGaps, []string{"coverage.json:2:1: paragraph 1 (B.1): evidence: want a list, got null"}},
		{"source not named", para(strings.Replace(p, `[]`, `[{"title": "x"}]`, 1)), goodGaps, []string{"coverage.json:2:1: paragraph 1 (B.1): evidence: source 1: no source name"}},
		{"source of the wrong type", para(strings.Replace(p, `[]`, `[{"source": ["x"]}]`, 1)), goodGaps, []string{"coverage.json:2:1: paragraph 1 (B.1): evidence: source 1: want text, got a list"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Parse("coverage.json", []byte(tt.coverage), "gaps.json", []byte(tt.gaps))
			if err == nil {
				t.Fatalf("no error; read %+v", b)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Errorf("%d problems, want %d:\n%v", len(lines), len(tt.want), err)
			}
			for i, w := range tt.want {
				if i < len(lines) && !strings.HasPrefix(lines[i], w) {
					t.Errorf("problem %d:\n got %s\nwant %s…", i+1, lines[i], w)
				}
			}
		})
	}
}

// Lists longer than the bounds are refused, not read whole; problems stop
// at MaxProblems; long texts are clipped.
func TestParseBounds(t *testing.T) {
	findings := func(n int) string {
		var b strings.Builder
		b.WriteString(`{"as_of": "2025-11-27", "form": "B", "gaps": [`)
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"id": "F-%012x", "paragraph": "B.1", "kind": "violation", "severity": "high"}`, i)
		}
		b.WriteString("]}")
		return b.String()
	}
	lim := limits{findings: 5, paragraphs: 5, sources: 2}
	if _, err := parse("c.json", []byte(goodCoverage), "g.json", []byte(findings(5)), lim); err != nil {
		t.Errorf("5 findings, at the bound: %v", err)
	}
	_, err := parse("c.json", []byte(goodCoverage), "g.json", []byte(findings(6)), lim)
	if err == nil || err.Error() != "g.json:1:46: gaps: more than 5 entries: more than a build of this program lists" {
		t.Errorf("6 findings: %v", err)
	}
	srcs := strings.Replace(goodCoverage, `"evidence": []`, `"evidence": [{"source": "a"}, {"source": "b"}, {"source": "c"}]`, 1)
	if _, err = parse("c.json", []byte(srcs), "g.json", []byte(goodGaps), lim); err == nil || !strings.Contains(err.Error(), "paragraph 2 (B.3.4.3(a)): evidence: more than 2 sources") {
		t.Errorf("3 sources: %v", err)
	}

	// A million entries of nothing: reading stops after 100 problems.
	junk := `{"as_of": "2025-11-27", "form": "B", "gaps": [` + strings.Repeat(`{},`, 1_000_000) + `{}]}`
	_, err = Parse("c.json", []byte(goodCoverage), "g.json", []byte(junk))
	if err == nil {
		t.Fatal("a million empty findings read")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != MaxProblems+1 || !strings.HasSuffix(lines[MaxProblems], "stopped after 100 problems: is this a build of this program?") {
		t.Errorf("%d lines, the last %q", len(lines), lines[len(lines)-1])
	}

	long := strings.Replace(goodGaps, `no report for October 2025`, strings.Repeat("<é>", MaxMessage), 1)
	b, err := Parse("c.json", []byte(goodCoverage), "g.json", []byte(long))
	if err != nil {
		t.Fatal(err)
	}
	if m := []rune(b.Findings[0].Message); len(m) != MaxMessage || m[len(m)-1] != '…' {
		t.Errorf("a long message kept as %d runes, ending %q", len(m), m[len(m)-1])
	}
}

func TestRead(t *testing.T) {
	both := func(dir string) fstest.MapFS {
		return fstest.MapFS{
			dir + "coverage.json": {Data: []byte(goodCoverage)},
			dir + "gaps.json":     {Data: []byte(goodGaps)},
			dir + "index.html":    {Data: []byte("<p>ignored</p>")},
			dir + "changes.json":  {Data: []byte("ignored, and not JSON")},
		}
	}
	nested := both("public/")
	nested["other/gaps.json"] = &fstest.MapFile{Data: []byte("{}")}
	twice := both("a/")
	twice["b/coverage.json"] = &fstest.MapFile{Data: []byte(goodCoverage)}
	twice["b/gaps.json"] = &fstest.MapFile{Data: []byte(goodGaps)}
	for _, tt := range []struct {
		name    string
		fsys    fstest.MapFS
		wantErr string
	}{
		{"an output folder", both(""), ""},
		{"a zip of the folder", nested, ""},
		{"neither", fstest.MapFS{"gaps.json": {Data: []byte(goodGaps)}}, "last: no coverage.json and gaps.json here: want the previous build's output folder, its zip, or a folder holding its coverage.json and gaps.json"},
		{"two builds", twice, `last: folders ["a" "b"] each hold a coverage.json and a gaps.json: name the one to compare with`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := Read(tt.fsys, "last")
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Errorf("error %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(b.Findings) != 2 || len(b.Paragraphs) != 2 {
				t.Errorf("read %d findings and %d paragraphs", len(b.Findings), len(b.Paragraphs))
			}
			if p := b.Files[1].Path; p != "last/gaps.json" && p != "last/public/gaps.json" {
				t.Errorf("gaps.json named %s", p)
			}
		})
	}
	// A malformed file is named in full.
	bad := both("")
	bad["gaps.json"] = &fstest.MapFile{Data: []byte(goodGaps[:40])}
	if _, err := Read(bad, "last-year.zip"); err == nil || !strings.HasPrefix(err.Error(), "last-year.zip/gaps.json:3:") {
		t.Errorf("a cut gaps.json: %v", err)
	}
}
