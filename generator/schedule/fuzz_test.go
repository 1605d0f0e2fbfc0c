package schedule

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/diag"
)

// checkErr is the property of both fuzz tests: an error prints, and so does
// each problem in it.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if err.Error() == "" {
		t.Fatalf("error %#v prints nothing", err)
	}
	var list diag.List
	if errors.As(err, &list) {
		for _, e := range list {
			if e.Msg == "" || e.Pos.File() == "" {
				t.Errorf("problem without message or file: %#v", e)
			}
		}
	}
	t.Log(err)
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(para("A.2.1.1", "2.1.1", 3)))
	f.Add([]byte(para("A.2.1.1", "2.1.1", 3, `parent = "A.2.1"`, `applies_if = "bespoke_isms"`, `applies_note = "why"`)))
	f.Add([]byte("+++\nid = \"A.2.1.1(a)\"\nnumber = \"(a)\"\nparent = \"A.2.1.1\"\n+++\n"))
	f.Add([]byte("+++\r\nid = 'A.2.1.1'\r\n[x]\r\ny = [1, {z = 2}]\r\n+++\r\nbody\r\n"))
	f.Add([]byte("+++\nweight = 9999999999999999999999\nevidence = [\"a\", 1]\n+++\n"))
	f.Add([]byte("+++\n\"title\" = \"x\"\nTitle = 1\n+++\n<!--items-->\n<!--items-->\n"))
	f.Add([]byte("no front matter"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := baseFS()
		m["part-a/02-x/2.1/2.1.1.md"] = file(string(data))
		m["part-a/02-x/2.1/_index.md"] = file(string(data))
		s, err := Load(m, sources)
		checkErr(t, err)
		if err == nil {
			for _, p := range s.Paragraphs {
				if p.ID == "" || p.File == "" {
					t.Errorf("loaded a paragraph without id or file: %+v", p)
				}
			}
		}
	})
}

func FuzzParseSource(f *testing.F) {
	if b, err := os.ReadFile(sourcePath); err == nil {
		f.Add(string(b))
	}
	f.Add("Part A: X\n1. One\n1.1 Text:\n\t\"Term\"\n\tmeaning\na) x;\nb) y,\nafter\n")
	f.Add("Part B – Annex 1:\n\n1. A\n1.1 B\n1.1.1 C\n")
	f.Add("Part A: X\n4. S\n4.1 Introduction\n4.1.1 text\n4.2 Content\n4.2.1 more\n")
	f.Add("1.1 [bookmark: x\u00a0]a) b)\n")
	f.Add(strings.Repeat("9", 70000))
	f.Fuzz(func(t *testing.T, src string) {
		ps, err := ParseSource(strings.NewReader(src))
		checkErr(t, err)
		seen := map[string]bool{}
		for _, p := range ps {
			if p.ID == "" || seen[p.ID] {
				t.Errorf("empty or repeated id %q", p.ID)
			}
			seen[p.ID] = true
			if p.Parent != "" && !seen[p.Parent] {
				t.Errorf("%s: parent %s does not come first", p.ID, p.Parent)
			}
		}
	})
}
