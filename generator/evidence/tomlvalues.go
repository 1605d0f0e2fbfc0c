package evidence

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Values of the governance TOML files, read with their positions. Each
// reader records a bad value as a problem at its line and against the
// paragraphs it evidences.

// tomlText reads a text value: a string. Surrounding space is dropped; an
// empty string is unset.
func (f *docFile) tomlText(v any, paras []string, key ...string) Text {
	t := Text{Pos: f.pos(key...)}
	switch v := v.(type) {
	case nil:
	case string:
		t.Value = strings.TrimSpace(v)
		t.Set = t.Value != ""
	default:
		f.docs.problem(t.Pos, paras, "%s: want text in quotes, got %s", key[len(key)-1], show(v))
		t.Invalid = true
	}
	return t
}

// requireText reports a required text value that is missing.
func (f *docFile) requireText(t *Text, paras []string, name, what string) {
	if !t.Set && !t.Invalid {
		f.docs.problem(t.Pos, paras, "%s: missing: %s", name, what)
		t.Invalid = true
	}
}

// requireDate reports a required date that is missing.
func (f *docFile) requireDate(d *Date, paras []string, name, what string) {
	if !d.Set && !d.Invalid {
		f.docs.problem(d.Pos, paras, "%s: missing: %s", name, what)
		d.Invalid = true
	}
}

// notBefore reports a date before the event it answers, and marks it
// invalid so that no rule judges it.
func (f *docFile) notBefore(d *Date, earlier Date, paras []string, name, earlierName string) {
	if d.Set && earlier.Set && d.Time.Before(earlier.Time) {
		f.docs.problem(d.Pos, paras, "%s (%s) is before %s (%s)", name, d, earlierName, earlier)
		d.Invalid, d.Set = true, false
	}
}

// tomlStrings reads a list of text values; an empty string in it is a
// problem. It reports false when the value is absent or not a list.
func (f *docFile) tomlStrings(v any, paras []string, what string, key ...string) ([]string, bool) {
	name := key[len(key)-1]
	if v == nil {
		return nil, false
	}
	list, ok := v.([]any)
	if !ok {
		f.problem(paras, key, "%s: want a list of %s, got %s", name, what, show(v))
		return nil, false
	}
	var out []string
	for _, x := range list {
		s, ok := x.(string)
		if !ok || strings.TrimSpace(s) == "" {
			f.problem(paras, key, "%s: want text in quotes, got %s", name, show(x))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out, true
}

// tomlDocuments reads `documents`: one path, or a list of paths, inside the
// evidence folder.
func (f *docFile) tomlDocuments(v any, paras []string, key ...string) []Attachment {
	var paths []any
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		paths = []any{v}
	case []any:
		paths = v
	default:
		f.problem(paras, key, "%s: want a path such as \"documents/policy.pdf\", or a list of paths, got %s", key[len(key)-1], show(v))
		return nil
	}
	var out []Attachment
	for _, p := range paths {
		s, ok := p.(string)
		if !ok {
			f.problem(paras, key, "%s: want paths in quotes, got %s", key[len(key)-1], show(p))
			continue
		}
		if a, ok := f.attach(s, paras, key...); ok && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// tomlWhole reads a whole number from min to max. It reports false when
// the value is absent (nil) or not usable (reported).
func (f *docFile) tomlWhole(v any, min, max int64, paras []string, key ...string) (int, bool) {
	name := key[len(key)-1]
	var n int64
	switch v := v.(type) {
	case nil:
		return 0, false
	case int64:
		n = v
	case float64:
		if v != math.Trunc(v) || math.IsInf(v, 0) || math.IsNaN(v) {
			f.problem(paras, key, "%s: want a whole number, got %v", name, v)
			return 0, false
		}
		if v < float64(min) || v > float64(max) {
			f.problem(paras, key, "%s: want a whole number from %d to %d, got %v", name, min, max, v)
			return 0, false
		}
		n = int64(v)
	default:
		f.problem(paras, key, "%s: want a whole number, got %s", name, show(v))
		return 0, false
	}
	if n < min || n > max {
		f.problem(paras, key, "%s: want a whole number from %d to %d, got %d", name, min, max, n)
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
