package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostileText is what a previous build's file may hold, and every page
// must show as text.
const hostileText = `<script>alert("x")</script> & 'q' <img src=x onerror=alert(1)>`

// A previous build is untrusted: markup in its texts (a finding's subject
// and message, a source's name and title) comes out as text on every page
// that shows it, and whole in changes.json.
func TestPreviousBuildIsEscaped(t *testing.T) {
	last := filepath.Join(t.TempDir(), "last")
	build(t, lastYear(t, last))

	edit := func(name string, change func(doc map[string]any)) {
		t.Helper()
		p := filepath.Join(last, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		change(doc)
		if data, err = json.Marshal(doc); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A finding resolved since, first of the list, and a source gone.
	edit("gaps.json", func(doc map[string]any) {
		gaps := doc["gaps"].([]any)
		f := map[string]any{"id": "F-00000000beef", "paragraph": "B.9.3", "kind": "violation", "severity": "critical", "subject": hostileText, "message": hostileText}
		doc["gaps"] = append([]any{f}, gaps...)
	})
	edit("coverage.json", func(doc map[string]any) {
		p := doc["paragraphs"].([]any)[0].(map[string]any)
		p["heading"] = hostileText
		p["evidence"] = append(p["evidence"].([]any), map[string]any{"source": hostileText, "title": hostileText})
	})

	out := filepath.Join(t.TempDir(), "public")
	o := sampleOptions(out)
	o.Previous = last
	build(t, o)

	for _, page := range []string{"changes.html", "changes-resolved.html", "index.html"} {
		f, err := os.Open(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var texts strings.Builder
		for n := range doc.Descendants() {
			switch {
			case n.Type == html.TextNode:
				texts.WriteString(n.Data)
			case n.Type != html.ElementNode:
			case n.Data == "img":
				t.Errorf("%s: an <img> element", page)
			case n.Data == "script" && !strings.HasPrefix(attrOf(n, "src"), "js/"):
				t.Errorf("%s: a <script> that is not the site's own: %v", page, n.Attr)
			default:
				for _, a := range n.Attr {
					if strings.HasPrefix(a.Key, "on") {
						t.Errorf("%s: <%s %s=%q>", page, n.Data, a.Key, a.Val)
					}
				}
			}
		}
		if want := page != "index.html"; strings.Contains(texts.String(), hostileText) != want {
			t.Errorf("%s: shows the hostile text as text: %v, want %v", page, !want, want)
		}
	}

	data, err := os.ReadFile(filepath.Join(out, "changes.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ch struct {
		Resolved []struct{ ID, Subject, Message string } `json:"findings_resolved"`
		Gone     []struct{ Source, Title string }        `json:"sources_gone"`
	}
	if err := json.Unmarshal(data, &ch); err != nil {
		t.Fatal(err)
	}
	if len(ch.Resolved) == 0 || ch.Resolved[0].ID != "F-00000000beef" || ch.Resolved[0].Message != hostileText || ch.Resolved[0].Subject != hostileText {
		t.Errorf("changes.json: the first finding resolved is %+v", ch.Resolved[:min(1, len(ch.Resolved))])
	}
	if len(ch.Gone) != 1 || ch.Gone[0].Source != hostileText || ch.Gone[0].Title != hostileText {
		t.Errorf("changes.json: sources gone %+v", ch.Gone)
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
