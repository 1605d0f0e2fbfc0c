package site

import (
	"strings"
	"testing"
)

func TestEvidenceMarkdownIsOffline(t *testing.T) {
	md := newEvidenceMarkdown()
	tests := []struct {
		in      string
		want    []string
		wantNot []string
	}{
		{"Signed by **the CIO**.", []string{"<strong>the CIO</strong>"}, nil},
		{"<script>alert(1)</script> text", []string{"raw HTML omitted"}, []string{"<script"}},
		{"![logo](https://evil.example/p.png)", []string{"[image: logo (https://evil.example/p.png)]"}, []string{"<img"}},
		{"![local](documents/a.png)", []string{`<img src="documents/a.png"`}, nil},
		{"[policy](https://intranet.example/policy)", []string{"policy (https://intranet.example/policy)"}, []string{"<a "}},
		{"[x](javascript:alert(1))", []string{"x (javascript:alert(1))"}, []string{"<a ", "href"}},
		{"[x](//host/p)", nil, []string{"<a "}},
		{"<https://auto.example>", []string{"https://auto.example"}, []string{"<a "}},
		{"[doc](documents/smp.pdf)", []string{`<a href="documents/smp.pdf">doc</a>`}, nil},
		{"<img src=x onerror=alert(1)>", nil, []string{"<img", "onerror"}},
	}
	for _, tt := range tests {
		got, err := render(md, tt.in)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(got), w) {
				t.Errorf("%q rendered %q, want it to contain %q", tt.in, got, w)
			}
		}
		for _, w := range tt.wantNot {
			if strings.Contains(string(got), w) {
				t.Errorf("%q rendered %q, which contains %q", tt.in, got, w)
			}
		}
	}
}

func FuzzEvidenceMarkdown(f *testing.F) {
	f.Add("![a](http://x/y.png) [b](https://z) <https://q> **c**")
	f.Add("[a]: http://x\n\n![ref][a]")
	f.Fuzz(func(t *testing.T, src string) {
		got, err := render(newEvidenceMarkdown(), src)
		if err != nil {
			return
		}
		s := strings.ToLower(string(got))
		for _, bad := range []string{`src="http:`, `src="https:`, `href="http:`, `href="https:`, `src="//`, `href="//`, "<script", `href="javascript`} {
			if strings.Contains(s, bad) {
				t.Fatalf("%q rendered %q: contains %s", src, got, bad)
			}
		}
	})
}
