package site

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/agency/evidence-site/generator/model"
)

// The site-wide search index, for the search box of every page but the
// report (static/js/search.js). A page opened from file:// cannot fetch a
// JSON file, so each part of the index is a script in SearchDir that hands
// its JSON to siteSearchData(name, data); encoding/json escapes <, > and &,
// so no text of the evidence can end the script early, and the page builds
// its results as DOM text, never as HTML.
//
// The index holds ids and titles, not the evidence's cells, so that it
// stays small at the largest evidence:
//
//   - search/index.js, loaded when the box is first used: the pages, the
//     schedule's headings and paragraphs (id, title, text), the registers,
//     the governance sections and evidence items, the first findings with
//     their words, and a list of the shards below;
//   - search/ids-REGISTER-N.js: a register's row keys (each key once, at
//     its first row), sorted, at most Entries a file;
//   - search/findings-N.js: every finding by subject, sorted likewise.
//
// Shards are found by prefix: the list gives each shard's first and last
// key, folded, so a page loads only the shards that may hold a key the
// query begins (search.js); keys are folded by ASCII case alone and sorted
// as JavaScript compares strings (UTF-16 code units), so that both sides
// agree on the ranges.

// SearchDir is the folder of the search index's files in the site.
const SearchDir = "search/"

// searchIndexFile is the index that lists the rest.
const searchIndexFile = SearchDir + "index.js"

// searchLimits bound the index.
type searchLimits struct {
	Entries  int // keys or findings a shard holds at most
	Findings int // findings, most severe first, whose words the main index holds
	Text     int // characters of a paragraph's text
	Words    int // characters of a finding's message or an item's summary
}

// defaultSearchLimits keep, at the XL synthetic size (800,000
// vulnerabilities, 45,939 findings), search/index.js at 143 KB and every
// shard under a megabyte: 0.23 MB for one of vulnerability keys, 0.7 MB
// for one of findings.
var defaultSearchLimits = searchLimits{Entries: 10000, Findings: 300, Text: 600, Words: 160}

// searchItem is one entry of the main index: kind, id, title, text, href.
type searchItem [5]string

// Kinds of searchItem, in the order results list them.
const (
	kindPage      = "page"
	kindParagraph = "paragraph"
	kindSection   = "section"
	kindRegister  = "register"
	kindDocument  = "document"
	kindFinding   = "finding"
	kindSubject   = "subject" // a shard's entry
)

// searchMain is search/index.js's data.
type searchMain struct {
	Items  []searchItem `json:"items"`
	Shards []shardRef   `json:"shards"`
}

// shardRef describes one shard for the main index.
type shardRef struct {
	File  string `json:"file"`  // from the site root
	Kind  string `json:"kind"`  // kindSubject or kindFinding
	Title string `json:"title"` // what its keys are: a register's title, or "Findings"
	N     int    `json:"n"`     // entries
	First string `json:"first"` // its first and last keys, folded
	Last  string `json:"last"`
}

// shard is one shard: its entries, sorted by folded key. Subject entries
// are [key, page, anchor], the anchor left out when it is "row-" and the
// key; finding entries are [subject, paragraph, severity, kind, page,
// anchor]. page indexes Pages, the hrefs of the pages they are on.
type shard struct {
	ref shardRef
	// line writes entry i, numbering its page through page.
	line func(b *bytes.Buffer, i int, page func(href string) int)
}

// search is the whole index, ready to write.
type search struct {
	main   searchMain
	shards []*shard
}

// newSearch builds the index of s; md renders the schedule's Markdown,
// emd the evidence's.
func newSearch(s *model.Site, md, emd goldmark.Markdown, lim searchLimits) *search {
	x := &search{}
	add := func(kind, id, title, text, href string) {
		x.main.Items = append(x.main.Items, searchItem{kind, id, title, text, href})
	}
	add(kindPage, "", "Dashboard", "", "index.html")
	add(kindPage, "", "Schedule", "", "schedule.html")
	add(kindPage, "", "Coverage matrix", "", "matrix.html")
	add(kindPage, "", "Gaps", "", model.GapsHref)
	add(kindPage, "", "Governance documents", "", model.DocumentsHref)
	add(kindPage, "", "Method", "", "method.html")
	add(kindPage, "", "Report", "", "report.html")
	for _, part := range s.Parts {
		for _, sec := range part.Sections {
			for _, h := range sec.Headings {
				add(kindSection, h.Number, h.Title, part.Title, "schedule.html#"+h.Anchor)
			}
		}
	}
	for _, p := range s.Paragraphs {
		add(kindParagraph, p.ID, p.Title, clip(markdownText(md, p.Body), lim.Text), model.ParagraphHref(p.ID))
	}
	for _, r := range s.Registers {
		add(kindRegister, r.File, r.Title, number(len(r.Data))+" rows", r.Href)
	}
	for _, d := range s.Documents.Sections {
		add(kindDocument, d.Kind, d.Title, "", model.DocumentsHref+"#"+d.Anchor)
	}
	for _, it := range s.Documents.Items {
		add(kindDocument, it.ID, it.Title, clip(markdownText(emd, it.Summary), lim.Words), model.DocumentsHref+"#"+it.Anchor)
	}
	for i := range min(lim.Findings, len(s.Findings)) {
		f := &s.Findings[i]
		add(kindFinding, f.Subject, findingTitle(f), clip(f.Message, lim.Words), f.Href)
	}

	for _, r := range s.Registers {
		x.addRegister(r, lim.Entries)
	}
	x.addFindings(s.Findings, lim.Entries)
	for _, sh := range x.shards {
		x.main.Shards = append(x.main.Shards, sh.ref)
	}
	return x
}

func findingTitle(f *model.Finding) string {
	t := string(f.Severity) + " " + string(f.Kind)
	if f.Paragraph != "" {
		t = f.Paragraph + " " + t
	}
	return t
}

// addRegister adds the shards of a register's keys: each key once, at its
// first row.
func (x *search) addRegister(r *model.Register, per int) {
	rows := make([]int, 0, len(r.Data))
	for i := range r.Data {
		if r.Data[i].Key != "" {
			rows = append(rows, i)
		}
	}
	rows = sortByKey(rows, func(i int) string { return r.Data[i].Key })
	pageHref := make([]string, model.PageCount(len(r.Data))+1) // by page number
	for n := 1; n < len(pageHref); n++ {
		pageHref[n] = model.PageHref(r.Href, n)
	}
	for n, chunk := range chunks(rows, per) {
		sh := &shard{ref: shardRef{File: SearchDir + "ids-" + r.Name + "-" + strconv.Itoa(n+1) + ".js", Kind: kindSubject, Title: r.Title}}
		sh.line = func(b *bytes.Buffer, j int, page func(string) int) {
			row := &r.Data[chunk[j]]
			b.WriteByte('[')
			jsonString(b, row.Key)
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(page(pageHref[row.Page()])))
			if a := row.Anchor(); a != "row-"+row.Key {
				b.WriteByte(',')
				jsonString(b, a)
			}
			b.WriteByte(']')
		}
		x.addShard(sh, len(chunk), r.Data[chunk[0]].Key, r.Data[chunk[len(chunk)-1]].Key)
	}
}

// addFindings adds the shards of every finding that has a subject, by
// subject.
func (x *search) addFindings(fs []model.Finding, per int) {
	var idx []int
	for i := range fs {
		if fs[i].Subject != "" {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Or(foldCompare(fs[a].Subject, fs[b].Subject), a-b) })
	for n, chunk := range chunks(idx, per) {
		sh := &shard{ref: shardRef{File: SearchDir + "findings-" + strconv.Itoa(n+1) + ".js", Kind: kindFinding, Title: "Findings"}}
		sh.line = func(b *bytes.Buffer, j int, page func(string) int) {
			i := chunk[j]
			f := &fs[i]
			b.WriteByte('[')
			for _, s := range []string{f.Subject, f.Paragraph, string(f.Severity), string(f.Kind)} {
				jsonString(b, s)
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(page(model.PageHref(model.GapsHref, model.PageOf(i)))))
			b.WriteByte(',')
			jsonString(b, f.ID)
			b.WriteByte(']')
		}
		x.addShard(sh, len(chunk), fs[chunk[0]].Subject, fs[chunk[len(chunk)-1]].Subject)
	}
}

// addShard adds a shard of n entries from the key first to the key last.
func (x *search) addShard(sh *shard, n int, first, last string) {
	sh.ref.N, sh.ref.First, sh.ref.Last = n, foldASCII(first), foldASCII(last)
	x.shards = append(x.shards, sh)
}

// sortByKey sorts the indices xs by their keys as foldCompare orders
// them, then by index, and drops each index whose key, exactly, an earlier
// one has: each key once, at its first index.
func sortByKey(xs []int, key func(int) string) []int {
	slices.SortFunc(xs, func(a, b int) int { return cmp.Or(foldCompare(key(a), key(b)), a-b) })
	out := xs[:0]
	run := 0 // where the run of keys equal but for case starts in out
	for _, i := range xs {
		k := key(i)
		if len(out) > run && foldCompare(key(out[run]), k) != 0 {
			run = len(out)
		}
		if !slices.ContainsFunc(out[run:], func(j int) bool { return key(j) == k }) {
			out = append(out, i)
		}
	}
	return out
}

// chunks splits xs into runs of at most n.
func chunks(xs []int, n int) [][]int {
	var out [][]int
	for len(xs) > 0 {
		k := min(n, len(xs))
		out = append(out, xs[:k:k])
		xs = xs[k:]
	}
	return out
}

// jobs lists the index's files to write.
func (x *search) jobs() []job {
	jobs := []job{{searchIndexFile, func(w io.Writer) error {
		data, err := json.Marshal(x.main)
		if err != nil {
			return err
		}
		return writeSearchScript(w, searchIndexFile, data)
	}}}
	for _, sh := range x.shards {
		jobs = append(jobs, job{sh.ref.File, func(w io.Writer) error { return writeSearchScript(w, sh.ref.File, sh.data()) }})
	}
	return jobs
}

// data is the shard's JSON: {"pages":[...],"entries":[...]}, one entry a
// line.
func (sh *shard) data() []byte {
	var pages []string
	at := map[string]int{}
	page := func(href string) int {
		i, ok := at[href]
		if !ok {
			i = len(pages)
			at[href] = i
			pages = append(pages, href)
		}
		return i
	}
	var entries bytes.Buffer
	for j := range sh.ref.N {
		if j > 0 {
			entries.WriteString(",\n")
		}
		sh.line(&entries, j, page)
	}
	var b bytes.Buffer
	b.Grow(entries.Len() + 64*len(pages) + 64)
	b.WriteString(`{"pages":[`)
	for i, p := range pages {
		if i > 0 {
			b.WriteByte(',')
		}
		jsonString(&b, p)
	}
	b.WriteString("],\"entries\":[\n")
	b.Write(entries.Bytes())
	b.WriteString("\n]}")
	return b.Bytes()
}

// writeSearchScript writes one file of the index: a call handing its data
// to the page.
func writeSearchScript(w io.Writer, name string, data []byte) error {
	var b bytes.Buffer
	b.WriteString("siteSearchData(")
	jsonString(&b, name)
	b.WriteString(", ")
	if _, err := w.Write(b.Bytes()); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err := io.WriteString(w, ");\n")
	return err
}

// jsonString writes s as a JSON string, as encoding/json writes it: <, >
// and & escaped, invalid UTF-8 replaced, U+2028 and U+2029 escaped.
func jsonString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s) // a string always marshals
	b.Write(data)
}

// foldASCII lowercases ASCII letters, and only them: the search's case
// folding for keys, the same in Go and in JavaScript.
func foldASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// foldCompare compares foldASCII(a) and foldASCII(b) as JavaScript
// compares strings, by UTF-16 code units, without making either. Invalid
// UTF-8 compares as U+FFFD, as it is written to the index.
func foldCompare(a, b string) int {
	for a != "" && b != "" {
		if ca, cb := a[0], b[0]; ca < utf8.RuneSelf && cb < utf8.RuneSelf {
			if 'A' <= ca && ca <= 'Z' {
				ca += 'a' - 'A'
			}
			if 'A' <= cb && cb <= 'Z' {
				cb += 'a' - 'A'
			}
			if ca != cb {
				return int(ca) - int(cb)
			}
			a, b = a[1:], b[1:]
			continue
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		a, b = a[na:], b[nb:]
		if 'A' <= ra && ra <= 'Z' {
			ra += 'a' - 'A'
		}
		if 'A' <= rb && rb <= 'Z' {
			rb += 'a' - 'A'
		}
		if ra == rb {
			continue
		}
		// Beyond the Basic Multilingual Plane a rune is two code units,
		// the first from 0xD800: below U+E000..U+FFFF.
		ua, ub := utf16First(ra), utf16First(rb)
		if ua != ub {
			return int(ua) - int(ub)
		}
		return int(ra) - int(rb) // both past the plane: their second units
	}
	return len(a) - len(b)
}

func utf16First(r rune) rune {
	if r >= 0x10000 {
		return 0xD800 + (r-0x10000)>>10
	}
	return r
}

// markdownText is Markdown's text without its markup, on one line.
func markdownText(md goldmark.Markdown, src string) string {
	if src == "" {
		return ""
	}
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source))
	var b strings.Builder
	space := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Text:
			if entering {
				b.Write(n.Segment.Value(source))
				if n.SoftLineBreak() || n.HardLineBreak() {
					space()
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		case *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		default:
			if n.Type() == ast.TypeBlock && !entering {
				space()
			}
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(strings.Join(strings.Fields(b.String()), " "))
}

// clip shortens s to at most n characters, at a space where it can, with
// an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
