package evidence

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
	"github.com/agency/evidence-site/generator/tomlfile"
)

// Tables and values of the governance TOML files, read with their
// positions. Every table (a section, a table inside one, or one element of
// an array of tables) is read as a part: decoded on its own, so that a
// value of the wrong type is one problem at its own line; its values read
// at their key paths; each bad value one problem at its line, against the
// paragraphs the part evidences, about the part's subject.

// part is one table of a TOML file being read.
type part struct {
	f     *docFile
	key   []string // its key path; an element of an array of tables ends in its index
	paras []string // the paragraphs its values evidence, for problems
	// subject is what its problems are about: the section, a place, an
	// item's id. A reader may name it as it reads; "" leaves them to the
	// enclosing part.
	subject string
}

// sub is the part at the key path name inside t, against paras, about t's
// subject.
func (t *part) sub(paras []string, name ...string) *part {
	return &part{f: t.f, key: t.at(name...), paras: paras, subject: t.subject}
}

// against is a copy of t whose values are read against other paragraphs.
func (t *part) against(paras []string) *part {
	c := *t
	c.paras = paras
	return &c
}

// at is the key path of a key inside t.
func (t *part) at(name ...string) []string { return append(slices.Clone(t.key), name...) }

// pos is the position of a key inside t; with no name, of t itself.
func (t *part) pos(name ...string) diag.Pos { return t.f.pos(t.at(name...)...) }

// problem records a problem at pos, against t's paragraphs. Its subject is
// given when the part is read (see readPart).
func (t *part) problem(pos diag.Pos, format string, args ...any) {
	t.f.docs.Problems.add(pos, "", t.paras, format, args...)
}

// decode decodes p, the value of t's key, into v: a struct whose fields
// are all `any` or *toml.Primitive, which takes any table, or a
// []toml.Primitive, which takes any array. So decoding fails only on a
// value that is not a table (or an array): one problem at t's line, in the
// words of want, else in the decoder's (which name the key and its line).
func (t *part) decode(p toml.Primitive, v any, want string) bool {
	err := t.f.md.PrimitiveDecode(p, v)
	if err != nil {
		if want == "" {
			want = strings.TrimPrefix(err.Error(), "toml: ")
		}
		t.problem(t.pos(), "%s", want)
	}
	return err == nil
}

// readPart decodes the table at t's key (p; nil when absent: nothing is
// read) into a new R and reads it with read. R's fields are all `any` or
// *toml.Primitive (see decode); a value that is not a table is one problem
// in the words of want, and read is not called. The problems recorded
// meanwhile that name no subject are about t's subject, as read leaves it.
func readPart[R any](t *part, p *toml.Primitive, want string, read func(raw *R)) {
	if p == nil {
		return
	}
	if want == "" {
		want = wantTable(t, "then its keys one a line")
	}
	from := len(t.f.docs.Problems)
	t.f.accepts(t.key, reflect.TypeFor[R]())
	var raw R
	if t.decode(*p, &raw, want) {
		read(&raw)
	}
	t.f.docs.Problems.about(from, t.subject)
}

// accepts records the keys a table at key accepts: R's.
func (f *docFile) accepts(key []string, r reflect.Type) {
	var path []string
	for _, k := range key {
		if _, err := strconv.Atoi(k); err != nil {
			path = append(path, k)
		}
	}
	name := toml.Key(path).String()
	if f.keys == nil {
		f.keys = map[string][]string{}
	}
	if _, ok := f.keys[name]; !ok {
		f.keys[name] = tomlfile.KnownKeys(r, nil)
	}
}

// eachPart reads the array of tables at t's key (p; nil when absent): each
// element with readPart, as a part of its own against paras, whose key
// ends in its index. A value that is not an array (against t's
// paragraphs), or an element that is not a table (against paras), is a
// problem in the words of want.
func eachPart[R any](t *part, p *toml.Primitive, want string, paras []string, read func(e *part, raw *R)) {
	if p == nil {
		return
	}
	if want == "" {
		want = wantTables(t)
	}
	from := len(t.f.docs.Problems)
	var list []toml.Primitive
	if t.decode(*p, &list, want) {
		for i := range list {
			e := t.sub(paras, strconv.Itoa(i))
			readPart(e, &list[i], want, func(raw *R) { read(e, raw) })
		}
	}
	t.f.docs.Problems.about(from, t.subject)
}

// about names the subject of the problems recorded since the from-th that
// name none.
func (ps Problems) about(from int, subject string) {
	for i := from; i < len(ps); i++ {
		if ps[i].Subject == "" {
			ps[i].Subject = subject
		}
	}
}

// text reads a text value: a string. Surrounding space is dropped; an
// empty string is unset.
func (t *part) text(v any, name string) Text {
	x := Text{Pos: t.pos(name)}
	switch v := v.(type) {
	case nil:
	case string:
		x.Value = strings.TrimSpace(v)
		x.Set = x.Value != ""
	default:
		t.problem(x.Pos, "%s: want text in quotes, got %s", name, show(v))
		x.Invalid = true
	}
	return x
}

// date reads a date value as every TOML file's is read (tomlfile.Date): a
// TOML date (2025-04-01) or a "yyyy-mm-dd" string, between 1950 and 2199.
// An absent value (nil) is an unset Date; a bad one is a problem and
// Invalid.
func (t *part) date(v any, name string) Date {
	d := Date{Pos: t.pos(name)}
	if v == nil {
		return d
	}
	day, err := tomlfile.Date(v)
	if err == nil {
		day, err = plausible(day, day.Format(time.DateOnly))
	}
	if err != nil {
		t.problem(d.Pos, "%s: %v", name, err)
		d.Invalid = true
		return d
	}
	d.Value, d.Set = day, true
	return d
}

// requireText reports a required text value that is missing.
func (t *part) requireText(x *Text, name, what string) {
	if !x.Set && !x.Invalid {
		t.problem(x.Pos, "%s: missing: %s", name, what)
		x.Invalid = true
	}
}

// requireDate reports a required date that is missing.
func (t *part) requireDate(d *Date, name, what string) {
	if !d.Set && !d.Invalid {
		t.problem(d.Pos, "%s: missing: %s", name, what)
		d.Invalid = true
	}
}

// notBefore reports a date before the event it answers, and marks it
// invalid so that no rule judges it.
func (t *part) notBefore(d *Date, earlier Date, name, earlierName string) {
	if d.Set && earlier.Set && d.Value.Before(earlier.Value) {
		t.problem(d.Pos, "%s (%s) is before %s (%s)", name, d, earlierName, earlier)
		d.Invalid, d.Set = true, false
	}
}

// texts reads a list of text values; an empty string in it is a
// problem. It reports false when the value is absent or not a list.
func (t *part) texts(v any, what, name string) ([]string, bool) {
	if v == nil {
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		t.problem(t.pos(name), "%s: want a list of %s, got %s", name, what, show(v))
		return nil, false
	}
	var out []string
	for _, x := range list {
		s, ok := x.(string)
		if !ok || strings.TrimSpace(s) == "" {
			t.problem(t.pos(name), "%s: want text in quotes, got %s", name, show(x))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, true
}

// choices reads a list of short names from choices, written in any case,
// with spaces or underscores for hyphens. Each name is kept once, in the
// order of choices; an unknown name is a problem. It reports false as
// texts does.
func (t *part) choices(v any, choices []Choice, what, name string) ([]string, bool) {
	list, ok := t.texts(v, what+" from "+choiceNames(choices), name)
	if !ok {
		return nil, false
	}
	got := map[string]bool{}
	for _, s := range list {
		n := ChoiceName(s)
		if !slices.ContainsFunc(choices, func(c Choice) bool { return c.Name == n }) {
			t.problem(t.pos(name), "%s: unknown name %q: want one of %s", name, s, choiceNames(choices))
			continue
		}
		got[n] = true
	}
	var out []string
	for _, c := range choices {
		if got[c.Name] {
			out = append(out, c.Name)
		}
	}
	return out, true
}

// documents reads `documents`: one path, or a list of paths, inside the
// evidence folder.
func (t *part) documents(v any, name string) []Attachment {
	var paths []any
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		paths = []any{v}
	case []any:
		paths = v
	default:
		t.problem(t.pos(name), "%s: want a path such as \"documents/policy.pdf\", or a list of paths, got %s", name, show(v))
		return nil
	}
	var out []Attachment
	for _, p := range paths {
		s, ok := p.(string)
		if !ok {
			t.problem(t.pos(name), "%s: want paths in quotes, got %s", name, show(p))
			continue
		}
		if a, ok := t.attach(s, name); ok && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// whole reads a whole number from min to max. It reports false when the
// value is absent (nil) or not usable (reported).
func (t *part) whole(v any, min, max int64, name string) (int, bool) {
	pos := t.pos(name)
	var n int64
	switch v := v.(type) {
	case nil:
		return 0, false
	case int64:
		n = v
	case float64:
		if v != math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) {
			t.problem(pos, "%s: want a whole number, got %v", name, v)
			return 0, false
		}
		if v < float64(min) || v > float64(max) {
			t.problem(pos, "%s: want a whole number from %d to %d, got %v", name, min, max, v)
			return 0, false
		}
		n = int64(v)
	default:
		t.problem(pos, "%s: want a whole number, got %s", name, show(v))
		return 0, false
	}
	if n < min || n > max {
		t.problem(pos, "%s: want a whole number from %d to %d, got %d", name, min, max, n)
		return 0, false
	}
	return int(n), true
}

// show prints a TOML value in a message.
func show(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return fmt.Sprintf("%v", v)
}

// Choice is a documented short name that a list key may hold, and what it
// stands for in the schedule's words.
type Choice struct {
	Name string
	Text string
}

// ChoiceName normalises a short name as written: lower case, with spaces
// and underscores read as hyphens ("Patch_Testing" is "patch-testing").
func ChoiceName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", "-", " ", "-").Replace(s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	return s
}

func choiceNames(choices []Choice) string {
	var s []string
	for _, c := range choices {
		s = append(s, strconv.Quote(c.Name))
	}
	return strings.Join(s, ", ")
}

// wantTable and wantTables say what a table, or an array of tables,
// should look like: the decoder's own words name Go types.
func wantTable(t *part, then string) string {
	key := strings.Join(t.key, ".")
	return fmt.Sprintf("%s: want a table: [%s], %s", key, key, then)
}

func wantTables(t *part) string {
	key := strings.Join(t.key, ".")
	return fmt.Sprintf("%s: want one table per entry, each headed [[%s]]", key, key)
}
