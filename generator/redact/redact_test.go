package redact

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/ical"
)

// names builds Names from pairs of name and label, as Collect would.
func names(pairs ...string) *Names {
	n := &Names{labels: map[string]string{}, byStart: map[[3]byte][]form{}}
	for i := 0; i < len(pairs); i += 2 {
		n.add(pairs[i], pairs[i+1])
	}
	n.sort()
	return n
}

func TestApply(t *testing.T) {
	n := names(
		"Jane Doe", "NS-0001",
		"Jane Doe-Smith", "NS-0002",
		"Siân O'Brien", "NS-0003",
		"Zoë <Q>", "person-00000001",
		"Al", "NS-0004", // too short to find safely
		"Smith, Ann; Jr", "NS-0005",
	)
	tests := []struct{ name, in, want string }{
		{"alone", "Jane Doe", "NS-0001"},
		{"in a sentence", "Checked by Jane Doe, on 3 May.", "Checked by NS-0001, on 3 May."},
		{"every occurrence", "Jane Doe|Jane Doe", "NS-0001|NS-0001"},
		{"longest first", "Jane Doe-Smith signed", "NS-0002 signed"},
		{"not inside a word", "XJane Doe and Jane Doez", "XJane Doe and Jane Doez"},
		{"not after a digit", "1Jane Doe", "1Jane Doe"},
		{"html escaped", "<td>Siân O&#39;Brien</td>", "<td>NS-0003</td>"},
		{"as written", "Siân O'Brien", "NS-0003"},
		{"escaped non-ASCII, which Go never writes", `{"owner":"Zo\u00eb \u003cQ\u003e"}`, `{"owner":"Zo\u00eb \u003cQ\u003e"}`},
		{"json escaped (Go)", `{"owner":"Zoë \u003cQ\u003e"}`, `{"owner":"person-00000001"}`},
		{"html escaped angle", "Zoë &lt;Q&gt;", "person-00000001"},
		{"icalendar escaped", `SUMMARY:Smith\, Ann\; Jr`, "SUMMARY:NS-0005"},
		{"short names kept", "Al Jones", "Al Jones"},
		{"case matters", "jane doe", "jane doe"},
		{"at the end, cut", "Jane Do", "Jane Do"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(n.Apply([]byte(tt.in))); got != tt.want {
				t.Errorf("Apply(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	if n.Len() != 5 {
		t.Errorf("Len = %d, want 5 (the two-letter name left out)", n.Len())
	}
}

func TestCollect(t *testing.T) {
	cell := func(s string) evidence.Text { return evidence.Text{Value: s, Set: true} }
	ev := &evidence.Evidence{}
	ev.Staff = []evidence.Staff{{ID: "NS-0001", Name: cell("Jane Doe")}, {ID: "NS-0002", Name: cell("  ")}}
	ev.Devices = []evidence.Device{{AttestedBy: cell("jane  DOE")}, {AttestedBy: cell("Omar Haddad")}}
	ev.Documents.Items = []evidence.Item{{Owner: "Priya Shah, Head of IT"}, {Owner: "OMAR HADDAD"}}
	n := Collect(ev)

	got := string(n.Apply([]byte("Jane Doe; jane  DOE; Omar Haddad; OMAR HADDAD; Priya Shah")))
	omar := n.labels["Omar Haddad"]
	want := "NS-0001; NS-0001; " + omar + "; " + omar + "; " + n.labels["Priya Shah"]
	if got != want {
		t.Errorf("Apply = %q, want %q", got, want)
	}
	if len(omar) != len("person-")+8 || omar[:7] != "person-" {
		t.Errorf("label of a name with no Staff ID = %q, want person- and 8 hex digits", omar)
	}
	if again := Collect(ev).labels["Omar Haddad"]; again != omar {
		t.Errorf("label changed between runs: %q then %q", omar, again)
	}
	if n.labels["Priya Shah"] == omar {
		t.Error("two people share a label")
	}
}

// FuzzApply: whatever surrounds them, no name is left as a whole word,
// and text with no name comes back as it was.
func FuzzApply(f *testing.F) {
	f.Add("", "")
	f.Add("by ", ", on")
	f.Add("Jane", "Doe")
	f.Add("<td>", "&#39;")
	n := names("Jane Doe", "NS-0001", "Bob Stone", "NS-0002", "Ng Wei Lin", "person-0a1b2c3d")
	f.Fuzz(func(t *testing.T, before, after string) {
		in := []byte(before + " Jane Doe " + after)
		out := n.Apply(in)
		for name := range n.labels {
			if i := wholeWord(out, []byte(name)); i >= 0 {
				t.Fatalf("Apply(%q) = %q: %q left at %d", in, out, name, i)
			}
		}
		plain := []byte(before + after)
		if wholeWord(plain, []byte("Jane Doe")) < 0 && wholeWord(plain, []byte("Bob Stone")) < 0 && wholeWord(plain, []byte("Ng Wei Lin")) < 0 {
			if got := n.Apply(plain); !bytes.Equal(got, plain) {
				t.Fatalf("Apply(%q) = %q, changed text with no name", plain, got)
			}
		}
	})
}

func wholeWord(text, name []byte) int {
	for i := 0; i+len(name) <= len(text); i++ {
		end := i + len(name)
		if bytes.Equal(text[i:end], name) && (i == 0 || !word(text[i-1])) && (end == len(text) || !word(text[end])) {
			return i
		}
	}
	return -1
}

// Rewrite rewrites the pages, the exports and the search index, and leaves
// the project's own scripts as they are.
func TestRewrite(t *testing.T) {
	n := names("Jane Doe", "NS-0001")
	dir := t.TempDir()
	files := map[string]string{
		"index.html":           "<td>Jane Doe</td>",
		"gaps.json":            `{"message":"Jane Doe"}`,
		"gaps.csv":             "Jane Doe,late",
		"search/index.js":      `siteSearchData("search/index.js", {"items":[["document","EV-001","Jane Doe","",""]]});`,
		"search/findings-1.js": `siteSearchData("search/findings-1.js", {"entries":[["Jane Doe"]]});`,
		"js/site.js":           "// Jane Doe wrote this",
		"files/minutes.txt":    "Jane Doe",
		// Folded inside the name: found all the same, and folded again.
		"deadlines.ics": "BEGIN:VCALENDAR\r\n" + ical.Fold("SUMMARY:"+strings.Repeat("x", 62)+" Jane Doe") + "END:VCALENDAR\r\n",
	}
	if strings.Contains(files["deadlines.ics"], "Jane Doe") {
		t.Fatal("the fold does not split the name: the test proves nothing")
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := n.Rewrite(dir); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(data, "Jane Doe", "NS-0001")
		switch name {
		case "js/site.js", "files/minutes.txt":
			want = data
		case "deadlines.ics":
			want = "BEGIN:VCALENDAR\r\n" + ical.Fold("SUMMARY:"+strings.Repeat("x", 62)+" NS-0001") + "END:VCALENDAR\r\n"
		}
		if string(got) != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}
