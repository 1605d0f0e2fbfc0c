package schedule

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/agency/evidence-site/generator/evidence"
)

// sources is the vocabulary of evidence sources the content may name.
var sources = evidence.SourceNames()

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plainBlocks renders Markdown with goldmark and returns the text of each
// block, tags removed, entities decoded and white space normalised, so that
// it can be compared with the source text. A line holding ItemsMarker comes
// back as a block of its own.
func plainBlocks(t testing.TB, md string) []string {
	t.Helper()
	var out []string
	parts := strings.Split(md, "\n"+ItemsMarker+"\n")
	for i, part := range parts {
		if i > 0 {
			out = append(out, ItemsMarker)
		}
		var buf bytes.Buffer
		if err := goldmark.Convert([]byte(part), &buf); err != nil {
			t.Fatalf("goldmark: %v", err)
		}
		h := strings.NewReplacer("</p>", "\n\n", "</li>", "\n\n", "</h1>", "\n\n", "</h2>", "\n\n", "</blockquote>", "\n\n").Replace(buf.String())
		h = html.UnescapeString(tagRE.ReplaceAllString(h, ""))
		for _, b := range strings.Split(h, "\n\n") {
			if b = Normalise(b); b != "" {
				out = append(out, b)
			}
		}
	}
	return out
}

// sourceBlocks splits a SourceParagraph's text into its blocks.
func sourceBlocks(text string) []string {
	return strings.Split(text, "\n\n")
}
