package site

import (
	"bytes"
	"html/template"
	"net/url"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newContentMarkdown renders the schedule's own content: trusted, but raw
// HTML is still left out (goldmark's default).
func newContentMarkdown() goldmark.Markdown { return goldmark.New() }

// newEvidenceMarkdown renders Markdown written in the evidence (summaries):
// untrusted. Raw HTML is left out and dangerous link schemes dropped
// (goldmark's defaults), and an image or link that points off the site is
// turned into its text, so that the site never loads, or links to, any
// address on the network.
func newEvidenceMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithParserOptions(
		parser.WithASTTransformers(util.Prioritized(offline{}, 100)),
	))
}

// offline replaces images and links whose destination is not a relative
// path by their text.
type offline struct{}

func (offline) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var replace []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			if !relative(string(n.Destination)) {
				replace = append(replace, n)
			}
		case *ast.Link:
			if !relative(string(n.Destination)) {
				replace = append(replace, n)
			}
		case *ast.AutoLink:
			replace = append(replace, n)
		}
		return ast.WalkContinue, nil
	})
	for _, n := range replace {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		var label string
		switch n := n.(type) {
		case *ast.AutoLink:
			label = string(n.Label(reader.Source()))
		case *ast.Image:
			label = "[image: " + plainText(n, reader.Source()) + " (" + string(n.Destination) + ")]"
		case *ast.Link:
			label = plainText(n, reader.Source()) + " (" + string(n.Destination) + ")"
		}
		parent.ReplaceChild(parent, n, ast.NewString([]byte(label)))
	}
}

func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch t := c.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// relative reports whether a destination is a path within the site: no
// scheme, no host, not absolute.
func relative(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil {
		return false
	}
	return u.Scheme == "" && u.Host == "" && !strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "\\")
}

func render(md goldmark.Markdown, src string) (template.HTML, error) {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // goldmark escapes text and omits raw HTML
}
