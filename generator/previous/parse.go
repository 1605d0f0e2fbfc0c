package previous

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/internal/jsonpos"
	"github.com/agency/evidence-site/generator/rules"
)

// Parse reads a build from the bytes of its coverage.json and gaps.json,
// named in problems as coverageName and gapsName. Every problem is
// reported, one a line, sorted by position (up to MaxProblems, then how
// many more): JSON that does not parse at its line and column, and every
// other at the line and column of the entry it concerns, e.g.
//
//	last-year/gaps.json:14:5: finding 2: severity: want one of critical, high, medium, low, warning, got "urgent"
func Parse(coverageName string, coverage []byte, gapsName string, gaps []byte) (*Build, error) {
	return parse(coverageName, coverage, gapsName, gaps, limits{findings: MaxFindings, paragraphs: MaxParagraphs, sources: MaxSources})
}

// limits bound what a previous build may list; tests lower them.
type limits struct{ findings, paragraphs, sources int }

func parse(coverageName string, coverage []byte, gapsName string, gaps []byte, lim limits) (*Build, error) {
	probs := &problems{}
	b := &Build{Files: []File{fileOf(coverageName, coverage), fileOf(gapsName, gaps)}}
	cov := newParser(coverageName, coverage, probs, lim)
	cov.coverage(b)
	gp := newParser(gapsName, gaps, probs, lim)
	gp.gaps(b)
	if cov.asOf.set && gp.asOf.set && cov.asOf.v != gp.asOf.v {
		probs.add(gp.asOf.pos, "as_of %s is not %s's %s: the two files are from different builds", gp.asOf.v, CoverageFile, cov.asOf.v)
	}
	if cov.form.set && gp.form.set && cov.form.v != gp.form.v {
		probs.add(gp.form.pos, "form %q is not %s's %q: the two files are from different builds", gp.form.v, CoverageFile, cov.form.v)
	}
	if err := probs.err(); err != nil {
		return nil, err
	}
	b.AsOf, _ = time.Parse(time.DateOnly, cov.asOf.v)
	b.Form = cov.form.v
	return b, nil
}

// problems collects the problems of both files, up to MaxProblems.
type problems struct {
	list diag.List
}

func (ps *problems) add(pos diag.Pos, format string, args ...any) {
	if ps.full() {
		return
	}
	ps.list.Add(pos, format, args...)
}

func (ps *problems) full() bool { return len(ps.list) >= MaxProblems }

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	ps.list.Sort()
	if ps.full() {
		// Reading stops at the bound: more may follow.
		return fmt.Errorf("%w\nstopped after %d problems: is this a build of this program?", ps.list, MaxProblems)
	}
	return ps.list
}

// field is a top-level value that must be given once.
type field struct {
	v   string
	pos diag.Pos
	set bool
}

// parser walks one file, known to be valid JSON, token by token, so that
// each problem can name the line and column of the entry it concerns;
// the entries of a list are decoded one at a time, never the whole list
// at once.
type parser struct {
	*jsonpos.Stream
	probs      *problems
	asOf, form field
	ok         bool // the file is valid JSON
	lim        limits
}

func newParser(name string, data []byte, probs *problems, lim limits) *parser {
	p := &parser{Stream: jsonpos.New(name, data), probs: probs, lim: lim}
	p.ok = p.syntax()
	return p
}

// syntax reports whether the file is JSON, and if not, where it is not.
// Decoding into an empty struct scans every byte and keeps nothing.
func (p *parser) syntax() bool {
	var v struct{}
	err := json.Unmarshal(p.Data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return true
	}
	// Offset is the number of bytes read when the error was found: the
	// offending byte is the last of them, or, at the end of the input,
	// the place just after the last byte.
	off := int(se.Offset) - 1
	if strings.Contains(se.Error(), "unexpected end") {
		off = len(p.Data)
	}
	line, col := jsonpos.LineCol(p.Data, off)
	what := "not valid JSON"
	if off >= len(p.Data) {
		what = "not valid JSON (cut short?)"
	}
	p.probs.add(diag.At(p.Name, line, col), "%s: %s", what, strings.TrimPrefix(se.Error(), "json: "))
	return false
}

// skip reads past the next value, keeping nothing of it.
func (p *parser) skip() bool {
	depth := 0
	for {
		tok, err := p.Dec.Token()
		if err != nil {
			return false
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth == 0 {
			return true
		}
	}
}

// object reads an object, calling each with every key and the position
// of its value, which each must read. It reports false when the file can
// be read no further.
func (p *parser) object(want string, each func(key string, pos diag.Pos) bool) bool {
	pos := p.At()
	if c := p.Next(); c != '{' {
		p.probs.add(pos, "want an object %s, got %s", want, jsonpos.Kind(c))
		return false
	}
	if _, err := p.Dec.Token(); err != nil {
		return false
	}
	seen := map[string]bool{}
	for p.Dec.More() {
		pos := p.At()
		tok, err := p.Dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return false
		}
		if seen[key] {
			p.probs.add(pos, "%q is given twice", key)
			if !p.skip() {
				return false
			}
			continue
		}
		seen[key] = true
		if !each(key, p.At()) {
			return false
		}
	}
	_, err := p.Dec.Token()
	return err == nil
}

// list reads a list of at most max entries, calling each with every
// entry's number (from 1) and position; each must read the entry.
func (p *parser) list(pos diag.Pos, what string, max int, each func(n int, pos diag.Pos) bool) bool {
	if c := p.Next(); c != '[' {
		p.probs.add(pos, "%s: want a list, got %s", what, jsonpos.Kind(c))
		return p.skip()
	}
	if _, err := p.Dec.Token(); err != nil {
		return false
	}
	n := 0
	for p.Dec.More() {
		if n++; n > max {
			p.probs.add(pos, "%s: more than %d entries: more than a build of this program lists", what, max)
			return false
		}
		if !each(n, p.At()) || p.probs.full() {
			return false
		}
	}
	_, err := p.Dec.Token()
	return err == nil
}

// decode reads the next value into v, reporting a value of the wrong type
// as a problem of what. It reports false when the file can be read no
// further.
func (p *parser) decode(pos diag.Pos, what string, v any) (decoded, ok bool) {
	err := p.Dec.Decode(v)
	if err == nil {
		return true, true
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		// The value was read whole: the next one can be.
		name := what
		if te.Field != "" {
			name += ": " + te.Field
		}
		p.probs.add(pos, "%s: want %s, got %s", name, typeName(te.Type), article(te.Value))
		return false, true
	}
	p.probs.add(pos, "%s: %v", what, strings.TrimPrefix(err.Error(), "json: "))
	return false, false
}

// header reads as_of or form, one of the top-level fields both files have.
func (p *parser) header(key string, pos diag.Pos) bool {
	f := &p.asOf
	if key == "form" {
		f = &p.form
	}
	var s *string
	decoded, ok := p.decode(pos, key, &s)
	switch {
	case !decoded:
	case s == nil:
		p.probs.add(pos, "%s: want text, got null", key)
	case key == "as_of":
		if _, err := time.Parse(time.DateOnly, *s); err != nil {
			p.probs.add(pos, "as_of: want a date such as 2025-11-27, got %s", quote(*s))
			break
		}
		*f = field{*s, pos, true}
	case !formPattern.MatchString(*s):
		p.probs.add(pos, "form: want a form such as \"B\", got %s", quote(*s))
	default:
		*f = field{*s, pos, true}
	}
	return ok
}

// require reports the top-level fields missing from a file.
func (p *parser) require(fields map[string]bool, keys ...string) {
	for _, k := range keys {
		if !fields[k] {
			p.probs.add(diag.At(p.Name, 0, 0), "no %q: is this the %s of a build of this program?", k, path.Base(p.Name))
		}
	}
}

// coverage reads coverage.json: {"as_of", "form", "paragraphs": [...]}.
func (p *parser) coverage(b *Build) {
	if !p.ok {
		return
	}
	given := map[string]bool{}
	seen := map[string]int{}
	done := p.object(`{"as_of", "form", "paragraphs": [...]}`, func(key string, pos diag.Pos) bool {
		given[key] = true
		switch key {
		case "as_of", "form":
			return p.header(key, pos)
		case "paragraphs":
			return p.list(pos, "paragraphs", p.lim.paragraphs, func(n int, pos diag.Pos) bool {
				var e paragraphEntry
				decoded, ok := p.decode(pos, fmt.Sprintf("paragraph %d", n), &e)
				if decoded {
					if para, good := p.paragraph(n, pos, e, seen); good {
						b.Paragraphs = append(b.Paragraphs, para)
					}
				}
				return ok
			})
		}
		return p.skip()
	})
	if done {
		p.require(given, "as_of", "form", "paragraphs")
	}
}

// gaps reads gaps.json: {"as_of", "form", "gaps": [...]}.
func (p *parser) gaps(b *Build) {
	if !p.ok {
		return
	}
	given := map[string]bool{}
	seen := map[string]int{}
	paras := map[string]string{} // one string a paragraph id, however many findings
	done := p.object(`{"as_of", "form", "gaps": [...]}`, func(key string, pos diag.Pos) bool {
		given[key] = true
		switch key {
		case "as_of", "form":
			return p.header(key, pos)
		case "gaps":
			return p.list(pos, "gaps", p.lim.findings, func(n int, pos diag.Pos) bool {
				var e findingEntry
				decoded, ok := p.decode(pos, fmt.Sprintf("finding %d", n), &e)
				if decoded {
					if f, good := p.finding(n, pos, e, seen); good && !e.BeforePeriod {
						if s, ok := paras[f.Paragraph]; ok {
							f.Paragraph = s
						} else {
							paras[f.Paragraph] = f.Paragraph
						}
						b.Findings = append(b.Findings, f)
					}
				}
				return ok
			})
		}
		return p.skip()
	})
	if done {
		p.require(given, "as_of", "form", "gaps")
	}
}

// paragraphEntry is one paragraph of coverage.json, as far as it is read.
// Its evidence is read on its own, to bound it.
type paragraphEntry struct {
	ID       *string         `json:"id"`
	Heading  string          `json:"heading"`
	Status   *string         `json:"status"`
	Evidence json.RawMessage `json:"evidence"`
}

type sourceEntry struct {
	Source *string `json:"source"`
	Title  string  `json:"title"`
}

// findingEntry is one finding of gaps.json, as far as it is read.
type findingEntry struct {
	ID        *string `json:"id"`
	Paragraph *string `json:"paragraph"`
	Kind      *string `json:"kind"`
	Severity  *string `json:"severity"`
	Subject   string  `json:"subject"`
	Message   string  `json:"message"`
	// BeforePeriod: set aside in that build, as before its review
	// period: it counted there in nothing, so it is compared as nothing.
	BeforePeriod bool `json:"before_period"`
}

var (
	// A finding's id: rules/ids.go.
	findingID = regexp.MustCompile(`^F-[0-9a-f]{12}(-[1-9][0-9]{0,8})?$`)
	// A paragraph's id: B.9.5.5, B.3.4.3(a), B.Annex1.6.4.
	paragraphID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9.()\-]{0,63}$`)
	formPattern = regexp.MustCompile(`^[A-Za-z0-9]{1,16}$`)
)

var (
	statuses   = []rules.Status{rules.Covered, rules.GapStatus, rules.MissingStat, rules.Info, rules.NA}
	kinds      = []rules.Kind{rules.Violation, rules.Stale, rules.Missing, rules.Invalid, rules.Note}
	severities = []rules.Severity{rules.Critical, rules.High, rules.Medium, rules.Low, rules.Warning}
)

func (p *parser) paragraph(n int, pos diag.Pos, e paragraphEntry, seen map[string]int) (Paragraph, bool) {
	what := fmt.Sprintf("paragraph %d", n)
	good := true
	bad := func(format string, args ...any) {
		p.probs.add(pos, what+": "+format, args...)
		good = false
	}
	var para Paragraph
	switch {
	case e.ID == nil:
		bad("no id")
	case !paragraphID.MatchString(*e.ID):
		bad("id: want a paragraph id such as B.9.5.5, got %s", quote(*e.ID))
	case seen[*e.ID] > 0:
		bad("id %s is also paragraph %d's", *e.ID, seen[*e.ID])
	default:
		para.ID = *e.ID
		seen[para.ID] = n
		what += " (" + para.ID + ")"
	}
	if st, ok := oneOf(e.Status, statuses); ok {
		para.Status = st
	} else {
		bad("status: want one of %s, got %s", list(statuses), given(e.Status))
	}
	para.Heading = clip(e.Heading, MaxTitle)
	if e.Evidence == nil {
		bad("no evidence list")
	} else if srcs, msg := sources(e.Evidence, p.lim.sources); msg != "" {
		bad("evidence: %s", msg)
	} else {
		para.Sources = srcs
	}
	return para, good
}

// sources reads a paragraph's evidence list, each source once, or says
// what is wrong with it.
func sources(raw json.RawMessage, max int) ([]Source, string) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil, "want a list, got " + jsonpos.Kind(raw[0])
	}
	var out []Source
	for n := 1; dec.More(); n++ {
		if n > max {
			return nil, fmt.Sprintf("more than %d sources: more than a build of this program lists", max)
		}
		var e sourceEntry
		if err := dec.Decode(&e); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) {
				return nil, fmt.Sprintf("source %d: want %s, got %s", n, typeName(te.Type), article(te.Value))
			}
			return nil, fmt.Sprintf("source %d: %v", n, err)
		}
		switch name := e.Source; {
		case name == nil || strings.TrimSpace(*name) == "":
			return nil, fmt.Sprintf("source %d: no source name", n)
		case utf8.RuneCountInString(*name) > MaxTitle || strings.ContainsFunc(*name, isControl):
			return nil, fmt.Sprintf("source %d: want a source name such as \"staff\", got %s", n, quote(*name))
		case !slices.ContainsFunc(out, func(s Source) bool { return s.Name == *name }):
			out = append(out, Source{Name: *name, Title: clip(e.Title, MaxTitle)})
		}
	}
	return out, ""
}

func (p *parser) finding(n int, pos diag.Pos, e findingEntry, seen map[string]int) (Finding, bool) {
	what := fmt.Sprintf("finding %d", n)
	good := true
	bad := func(format string, args ...any) {
		p.probs.add(pos, what+": "+format, args...)
		good = false
	}
	var f Finding
	switch {
	case e.ID == nil:
		bad("no id")
	case !findingID.MatchString(*e.ID):
		bad("id: want F- and 12 hex digits, got %s", quote(*e.ID))
	case seen[*e.ID] > 0:
		bad("id %s is also finding %d's", *e.ID, seen[*e.ID])
	default:
		f.ID = *e.ID
		seen[f.ID] = n
		what += " (" + f.ID + ")"
	}
	switch {
	case e.Paragraph == nil:
		bad("no paragraph (\"\" for none)")
	case *e.Paragraph != "" && !paragraphID.MatchString(*e.Paragraph):
		bad("paragraph: want a paragraph id such as B.9.5.5, got %s", quote(*e.Paragraph))
	default:
		f.Paragraph = *e.Paragraph
	}
	if k, ok := oneOf(e.Kind, kinds); ok {
		f.Kind = k
	} else {
		bad("kind: want one of %s, got %s", list(kinds), given(e.Kind))
	}
	if s, ok := oneOf(e.Severity, severities); ok {
		f.Severity = s
	} else {
		bad("severity: want one of %s, got %s", list(severities), given(e.Severity))
	}
	f.Subject = clip(e.Subject, MaxSubject)
	f.Message = clip(e.Message, MaxMessage)
	return f, good
}

// oneOf is *s as one of the values, the constant itself, so that a million
// findings hold no copy of it.
func oneOf[T ~string](s *string, values []T) (T, bool) {
	if s != nil {
		for _, v := range values {
			if string(v) == *s {
				return v, true
			}
		}
	}
	return "", false
}

func list[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}

func given(s *string) string {
	if s == nil {
		return "nothing"
	}
	return quote(*s)
}

// quote quotes a value for a problem, briefly.
func quote(s string) string {
	if r := []rune(s); len(r) > 40 {
		return fmt.Sprintf("%q…", string(r[:40]))
	}
	return fmt.Sprintf("%q", s)
}

// clip keeps at most n runes of s, an ellipsis marking a cut, as a string
// of its own: never a part of a long one, which would keep it all.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

// typeName names the JSON a Go type wants.
func typeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Bool:
		return "true or false"
	}
	return "a number"
}

// article names a JSON kind as json's UnmarshalTypeError gives it
// ("number", "array", "object", "string", "bool").
func article(v string) string {
	switch {
	case v == "array":
		return "a list"
	case v == "object":
		return "an object"
	case v == "string":
		return "text"
	case v == "bool":
		return "true or false"
	case strings.HasPrefix(v, "number"):
		return "a number"
	}
	return v
}
