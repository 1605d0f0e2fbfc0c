package site

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/redact"
	"github.com/agency/evidence-site/generator/rules"
)

// searchSite is a small site: two paragraphs, a register of unique keys
// and one of repeated keys, an evidence item and three findings.
func searchSite(title string) *model.Site {
	s := &model.Site{
		Paragraphs: []*model.Paragraph{
			{ID: "B.9.5", Title: "Monthly vulnerability reports", Body: "The Agency shall **report** every\nmonth.\n\n" + "<!--items-->" + "\n\n- to the *Client*"},
			{ID: "B.9.5.1", Title: "Content of the report"},
		},
		Parts:     []model.Part{{Title: "Part B", Sections: []model.Section{{Headings: []model.Heading{{Number: "9", Title: "Vulnerabilities", Anchor: "B-9"}}}}}},
		Documents: model.Documents{Items: []model.DocItem{{ID: "EV-001", Anchor: "item-EV-001", Title: title, Summary: "Minutes, *monthly*."}}},
		Findings: []model.Finding{
			{ID: "F-000000000001", Href: "gaps.html#F-000000000001", Paragraph: "B.9.3", Kind: rules.Violation, Severity: rules.Critical, Subject: "VUL-2", Message: "Patched 3 days late."},
			{ID: "F-000000000002", Href: "gaps.html#F-000000000002", Paragraph: "B.9.5", Kind: rules.Stale, Severity: rules.Medium, Subject: "smp", Message: title},
			{ID: "F-000000000003", Href: "gaps.html#F-000000000003", Kind: rules.Invalid, Severity: rules.Medium, Message: "No subject."},
		},
	}
	staff := &model.Register{Name: "staff", Title: "Staff register", File: "staff.xlsx", Href: model.RegisterHref("staff"), UniqueKey: true}
	staff.SetRows([]evidence.DataRow{
		{Key: "ns-0002", Pos: diag.CellPos("staff.xlsx", "Staff", 2, 1)},
		{Key: "NS-0001", Pos: diag.CellPos("staff.xlsx", "Staff", 3, 1)},
		{Key: "Windows Server", Pos: diag.CellPos("staff.xlsx", "Staff", 4, 1)},
	})
	training := &model.Register{Name: "training", Title: "Training records", File: "training.xlsx", Href: model.RegisterHref("training")}
	training.SetRows([]evidence.DataRow{
		{Key: "NS-0001", Pos: diag.CellPos("training.xlsx", "Training", 2, 1)},
		{Key: "NS-0001", Pos: diag.CellPos("training.xlsx", "Training", 3, 1)},
		{Key: "", Pos: diag.CellPos("training.xlsx", "Training", 4, 1)},
	})
	s.Registers = []*model.Register{staff, training}
	return s
}

// searchFile is one written file of the index: its name and its data.
type searchFile struct {
	name string
	raw  []byte
	data json.RawMessage
}

// writeSearch writes the index of s with lim and parses each file back.
func writeSearch(t *testing.T, s *model.Site, lim searchLimits) []searchFile {
	t.Helper()
	var out []searchFile
	for _, j := range newSearch(s, newContentMarkdown(), newEvidenceMarkdown(), lim).jobs() {
		var b bytes.Buffer
		if err := j.write(&b); err != nil {
			t.Fatalf("%s: %v", j.name, err)
		}
		prefix := fmt.Sprintf("siteSearchData(%q, ", j.name)
		rest, ok := strings.CutPrefix(b.String(), prefix)
		data, ok2 := strings.CutSuffix(rest, ");\n")
		if !ok || !ok2 || !json.Valid([]byte(data)) {
			t.Fatalf("%s is not %s...);: %q", j.name, prefix, b.String())
		}
		out = append(out, searchFile{j.name, b.Bytes(), json.RawMessage(data)})
	}
	return out
}

func decode[T any](t *testing.T, f searchFile) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(f.data, &v); err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	return v
}

type shardData struct {
	Pages   []string `json:"pages"`
	Entries [][]any  `json:"entries"`
}

func TestSearchIndex(t *testing.T) {
	files := writeSearch(t, searchSite("Working group minutes"), defaultSearchLimits)
	var names []string
	for _, f := range files {
		names = append(names, f.name)
	}
	if want := []string{"search/index.js", "search/ids-staff-1.js", "search/ids-training-1.js", "search/findings-1.js"}; !slices.Equal(names, want) {
		t.Fatalf("files %q, want %q", names, want)
	}
	main := decode[searchMain](t, files[0])
	for _, want := range []searchItem{
		{"page", "", "Gaps", "", "gaps.html"},
		{"section", "9", "Vulnerabilities", "Part B", "schedule.html#B-9"},
		{"paragraph", "B.9.5", "Monthly vulnerability reports", "The Agency shall report every month. to the Client", "paragraphs/B-9-5.html"},
		{"paragraph", "B.9.5.1", "Content of the report", "", "paragraphs/B-9-5-1.html"},
		{"register", "staff.xlsx", "Staff register", "3 rows", "registers/staff.html"},
		{"document", "EV-001", "Working group minutes", "Minutes, monthly.", "documents.html#item-EV-001"},
		{"finding", "VUL-2", "B.9.3 critical violation", "Patched 3 days late.", "gaps.html#F-000000000001"},
		{"finding", "", "medium invalid", "No subject.", "gaps.html#F-000000000003"},
	} {
		if !slices.Contains(main.Items, want) {
			t.Errorf("the main index has no %q", want)
		}
	}
	wantShards := []shardRef{
		{File: "search/ids-staff-1.js", Kind: "subject", Title: "Staff register", N: 3, First: "ns-0001", Last: "windows server"},
		{File: "search/ids-training-1.js", Kind: "subject", Title: "Training records", N: 1, First: "ns-0001", Last: "ns-0001"},
		{File: "search/findings-1.js", Kind: "finding", Title: "Findings", N: 2, First: "smp", Last: "vul-2"},
	}
	if !slices.Equal(main.Shards, wantShards) {
		t.Errorf("shards\n%+v\nwant\n%+v", main.Shards, wantShards)
	}
	// Keys sorted with ASCII case folded; the anchor written only when it
	// is not "row-" and the key; a repeated key once, at its first row.
	for i, want := range []string{
		`{"pages":["registers/staff.html"],"entries":[["NS-0001",0],["ns-0002",0],["Windows Server",0,"row-Windows-Server"]]}`,
		`{"pages":["registers/training.html"],"entries":[["NS-0001",0,"row-2"]]}`,
		`{"pages":["gaps.html"],"entries":[["smp","B.9.5","medium","stale",0,"F-000000000002"],["VUL-2","B.9.3","critical","violation",0,"F-000000000001"]]}`,
	} {
		var got bytes.Buffer
		if err := json.Compact(&got, files[i+1].data); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%s:\n%s\nwant\n%s", files[i+1].name, got.String(), want)
		}
	}
}

// The same site gives the same bytes.
func TestSearchDeterministic(t *testing.T) {
	lim := searchLimits{Entries: 2, Findings: 2, Text: 20, Words: 20}
	a, b := writeSearch(t, searchSite("Minutes"), lim), writeSearch(t, searchSite("Minutes"), lim)
	if len(a) != len(b) || len(a) < 5 {
		t.Fatalf("%d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].name != b[i].name || !bytes.Equal(a[i].raw, b[i].raw) {
			t.Errorf("%s differs from %s", a[i].name, b[i].name)
		}
	}
}

// Evidence text cannot end the script or its string: <, > and & are
// escaped, and the text decodes back to itself.
func TestSearchEscaping(t *testing.T) {
	title := hostile + "</script><!-- \" \\ ' \u2028\u2029 \x00 end"
	s := searchSite(title)
	s.Findings[0].Subject = title
	s.Registers[0].Data[0].Key = title
	files := writeSearch(t, s, defaultSearchLimits)
	for _, f := range files {
		low := bytes.ToLower(f.raw)
		for _, bad := range []string{"<", ">", "\u2028", "\u2029", "\x00"} {
			if bytes.Contains(low, []byte(bad)) {
				t.Errorf("%s holds %q", f.name, bad)
			}
		}
	}
	main := decode[searchMain](t, files[0])
	n := 0
	for _, it := range main.Items {
		if it[2] == title || it[3] == title {
			n++
		}
	}
	if n != 2 {
		t.Errorf("the hostile title decodes back %d times, want 2 (the item's title, the finding's message)", n)
	}
	for _, f := range files[1:] {
		sh := decode[shardData](t, f)
		if f.name != "search/ids-training-1.js" && !slices.ContainsFunc(sh.Entries, func(e []any) bool { return e[0] == title }) {
			t.Errorf("%s: the hostile key does not decode back", f.name)
		}
	}
}

// A shard holds at most Entries keys: one more starts a second, and the
// main index gives each its range.
func TestSearchShards(t *testing.T) {
	reg := func(n int) *model.Site {
		r := &model.Register{Name: "vulnerabilities", Title: "Vulnerability register", Href: model.RegisterHref("vulnerabilities"), UniqueKey: true}
		var data []evidence.DataRow
		for i := range n {
			data = append(data, evidence.DataRow{Key: fmt.Sprintf("VUL-%04d", n-i), Pos: diag.CellPos("v.xlsx", "V", i+2, 1)})
		}
		r.SetRows(data)
		return &model.Site{Registers: []*model.Register{r}}
	}
	for _, tt := range []struct {
		rows, per int
		want      []shardRef
	}{
		{0, 3, nil},
		{3, 3, []shardRef{{File: "search/ids-vulnerabilities-1.js", N: 3, First: "vul-0001", Last: "vul-0003"}}},
		{4, 3, []shardRef{
			{File: "search/ids-vulnerabilities-1.js", N: 3, First: "vul-0001", Last: "vul-0003"},
			{File: "search/ids-vulnerabilities-2.js", N: 1, First: "vul-0004", Last: "vul-0004"},
		}},
		{2500, 1000, []shardRef{
			{File: "search/ids-vulnerabilities-1.js", N: 1000, First: "vul-0001", Last: "vul-1000"},
			{File: "search/ids-vulnerabilities-2.js", N: 1000, First: "vul-1001", Last: "vul-2000"},
			{File: "search/ids-vulnerabilities-3.js", N: 500, First: "vul-2001", Last: "vul-2500"},
		}},
	} {
		t.Run(fmt.Sprintf("%d rows, %d a shard", tt.rows, tt.per), func(t *testing.T) {
			files := writeSearch(t, reg(tt.rows), searchLimits{Entries: tt.per, Findings: 10, Text: 10, Words: 10})
			main := decode[searchMain](t, files[0])
			for i := range tt.want {
				tt.want[i].Kind, tt.want[i].Title = "subject", "Vulnerability register"
			}
			if !slices.Equal(main.Shards, tt.want) {
				t.Errorf("shards\n%+v\nwant\n%+v", main.Shards, tt.want)
			}
			if len(files) != 1+len(tt.want) {
				t.Fatalf("%d files for %d shards", len(files), len(tt.want))
			}
			// Rows were written in reverse: the highest key is on the
			// register's first page.
			for i, f := range files[1:] {
				sh := decode[shardData](t, f)
				if len(sh.Entries) != tt.want[i].N {
					t.Errorf("%s: %d entries, want %d", f.name, len(sh.Entries), tt.want[i].N)
				}
				for _, e := range sh.Entries {
					key, page := e[0].(string), int(e[1].(float64))
					var n int
					fmt.Sscanf(key, "VUL-%d", &n)
					if want := model.PageHref("registers/vulnerabilities.html", model.PageOf(tt.rows-n)); sh.Pages[page] != want {
						t.Errorf("%s: %s on %s, want %s", f.name, key, sh.Pages[page], want)
					}
				}
			}
		})
	}
}

// foldCompare orders as JavaScript's < on the ASCII-folded strings: by
// UTF-16 code units, so U+10000 comes before U+FFFD.
func TestFoldCompare(t *testing.T) {
	words := []string{"", "a", "A", "ab", "aB", "b", "NS-0001", "ns-0002", "ns-0001", "[", "_", "z", "É", "é", "\uffff", "\U00010000", "\U0001F600", "\xff", "\ufffd", "a\U00010000", "a\ue000"}
	js := func(s string) []uint16 { return utf16.Encode([]rune(foldASCII(s))) }
	for _, a := range words {
		for _, b := range words {
			want := slices.Compare(js(a), js(b))
			if got := foldCompare(a, b); sign(got) != want {
				t.Errorf("foldCompare(%q, %q) = %d, want the sign %d", a, b, got, want)
			}
		}
	}
	if foldASCII("NS-0001 É") != "ns-0001 É" {
		t.Errorf("foldASCII folds more than ASCII: %q", foldASCII("NS-0001 É"))
	}
}

func sign(n int) int { return min(max(n, -1), 1) }

func TestMarkdownText(t *testing.T) {
	md := newContentMarkdown()
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Plain.", "Plain."},
		{"**Bold** and *em*\nover lines.", "Bold and em over lines."},
		{"# Head\n\nPara [link](x.html) `code`.", "Head Para link code."},
		{"Before\n\n<!--items-->\n\n- one\n- two", "Before one two"},
		{"<b>raw</b> text", "raw text"},
	} {
		if got := markdownText(md, tt.in); got != tt.want {
			t.Errorf("markdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClip(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijklmnop", 5, "abcde…"},
		{"ééééé ééééé", 7, "ééééé…"},
	} {
		if got := clip(tt.in, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// Redaction rewrites the index's folder.
func TestSearchDirRedacted(t *testing.T) {
	if SearchDir != redact.SearchDir+"/" {
		t.Errorf("the index is written in %q, redaction rewrites %q", SearchDir, redact.SearchDir)
	}
}

// Each key once, at its first row; keys equal but for case are kept apart.
func TestSortByKey(t *testing.T) {
	keys := []string{"b", "A1", "a1", "A1", "B", "a1", "a", "b"}
	xs := []int{0, 1, 2, 3, 4, 5, 6, 7}
	got := sortByKey(xs, func(i int) string { return keys[i] })
	if want := []int{6, 1, 2, 0, 4}; !slices.Equal(got, want) {
		t.Errorf("sortByKey = %v, want %v", got, want)
	}
}
