// Package tomlfile decodes hand-written TOML files and reports every problem
// with the file name and line: syntax and type errors from the decoder,
// unknown keys, and the values a caller finds wrong after decoding.
package tomlfile

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// File is a decoded TOML file: its name (as printed in problems), its source
// and the decoder's metadata.
type File struct {
	Name string
	src  []byte
	meta toml.MetaData
}

// Decode decodes src into v, a pointer to a struct. A syntax error stops
// the decoder: it is the only problem returned and the File is nil. A
// value of the wrong type is reported at its key ("n: want a whole
// number, got \"x\""), every one of them, in the struct's order; the File
// is then nil too, as what was decoded is incomplete. Otherwise every key
// that v does not have is reported as unknown, each with its line.
func Decode(name string, src []byte, v any) (*File, diag.List) {
	f := &File{Name: name, src: src}
	var probs diag.List
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || !table(rv.Elem().Type()) {
		probs.Add(diag.At(name, 0, 0), "internal error: tomlfile.Decode wants a pointer to a struct, got %T", v)
		return nil, probs
	}
	var doc toml.Primitive
	meta, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&doc)
	if err != nil {
		if pos, msg, ok := SyntaxError(name, err); ok {
			probs.Add(pos, "%s", msg)
		} else {
			probs.Add(diag.At(name, 0, 0), "%s", strings.TrimPrefix(err.Error(), "toml: "))
		}
		return nil, probs
	}
	d := &typed{f: f, md: meta}
	d.value(doc, rv.Elem(), nil)
	if len(d.probs) > 0 {
		return nil, d.probs
	}
	f.meta = meta
	for _, k := range meta.Undecoded() {
		// Report the outermost unknown key only: its children are unknown too.
		if parentUndecoded(meta, k) {
			continue
		}
		probs.Add(f.Pos(k...), "unknown key %q%s", k.String(), diag.DidYouMean(k[len(k)-1], KnownKeys(rv.Elem().Type(), k[:len(k)-1])))
	}
	return f, probs
}

// SyntaxError is where a toml.ParseError (a syntax error, a key defined
// twice) is in the file called name, and what it says, naming the last key
// read when the message does not. ok is false for any other error.
func SyntaxError(name string, err error) (pos diag.Pos, msg string, ok bool) {
	var perr toml.ParseError
	if !errors.As(err, &perr) {
		return diag.Pos{}, "", false
	}
	msg = perr.Message
	if perr.LastKey != "" && !strings.Contains(msg, perr.LastKey) {
		msg = fmt.Sprintf("%s: %s", perr.LastKey, msg)
	}
	return diag.At(name, perr.Position.Line, perr.Position.Col), msg, true
}

func parentUndecoded(meta toml.MetaData, k toml.Key) bool {
	for _, u := range meta.Undecoded() {
		if len(u) < len(k) && strings.HasPrefix(k.String(), u.String()+".") {
			return true
		}
	}
	return false
}

// IsDefined reports whether the key path is present in the file.
func (f *File) IsDefined(key ...string) bool { return f.meta.IsDefined(key...) }

// Pos returns the position of a key: the line where it is assigned, or the
// line of its table header. Line 0 when it cannot be found.
func (f *File) Pos(key ...string) diag.Pos {
	return diag.At(f.Name, KeyLine(f.src, key), 0)
}

// KeyLine finds the line on which a key path is defined in src: either as
// "key = ..." inside the table named by the path's prefix, or as a table
// header. It understands [table] headers, quoted keys and [[array]] tables,
// whose elements are named by their index: {"evidence", "2", "title"} is the
// title of the third [[evidence]] table. It does not look inside inline
// tables, for which it returns the line of the enclosing key.
func KeyLine(src []byte, key []string) int {
	line, _ := KeyLineExact(src, key)
	return line
}

// KeyLineExact is KeyLine, and also reports whether the line defines the
// key itself rather than a table or key enclosing it.
func KeyLineExact(src []byte, key []string) (line int, exact bool) {
	return NewIndex(src).Line(key)
}

// Index maps every key path and table header of a TOML source to the line
// that first defines it. Build it once per file: each look-up is then a map
// access, where scanning the file again for every key would be quadratic.
type Index struct {
	lines map[string]int
	// plain lists, for each key path written without array indexes (as the
	// decoder's Undecoded names them), the lines defining it, in order.
	plain map[string][]int
	// under maps every key path that encloses another to the first line
	// defining a key or table inside it.
	under map[string]int
}

// NewIndex scans src once.
func NewIndex(src []byte) *Index {
	ix := &Index{lines: map[string]int{}, plain: map[string][]int{}, under: map[string]int{}}
	set := func(k string, n int) {
		if _, ok := ix.lines[k]; !ok {
			ix.lines[k] = n
		}
		for i := strings.LastIndex(k, "."); i > 0; i = strings.LastIndex(k[:i], ".") {
			if _, ok := ix.under[k[:i]]; ok {
				break // and so are its own enclosing keys
			}
			ix.under[k[:i]] = n
		}
	}
	table, plainTable := "", ""
	arrays := map[string]int{} // [[name]] -> elements seen
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			array := strings.HasPrefix(line, "[[")
			h := line
			if i := strings.Index(h, "#"); i >= 0 {
				h = h[:i]
			}
			table = normaliseKey(strings.Trim(h, "[] \t"))
			plainTable = table
			if array {
				name := table
				set(name, n) // the array itself: its first element
				table = fmt.Sprintf("%s.%d", name, arrays[name])
				arrays[name]++
			}
			set(table, n)
			continue
		}
		eq := strings.Index(line, "=")
		if eq <= 0 {
			continue
		}
		key := normaliseKey(line[:eq])
		full, plain := key, key
		if table != "" {
			full, plain = table+"."+key, plainTable+"."+key
		}
		set(full, n)
		ix.plain[plain] = append(ix.plain[plain], n)
	}
	return ix
}

// Nth returns the line of the nth (from 0) definition of a key path
// written without array indexes: {"evidence", "titel"} with nth 1 is the
// titel key of the second [[evidence]] table that has one.
func (ix *Index) Nth(key []string, nth int) (int, bool) {
	lines := ix.plain[strings.Join(key, ".")]
	if nth < 0 || nth >= len(lines) {
		return 0, false
	}
	return lines[nth], true
}

// Line returns the line defining key, and true; or, when key itself is not
// in the source, the line of the nearest key or table enclosing it (0 if
// none), and false.
func (ix *Index) Line(key []string) (line int, exact bool) {
	if len(key) == 0 {
		return 0, false
	}
	if n, ok := ix.lines[strings.Join(key, ".")]; ok {
		return n, true
	}
	for i := len(key) - 1; i > 0; i-- {
		if n, ok := ix.lines[strings.Join(key[:i], ".")]; ok {
			return n, false
		}
	}
	return 0, false
}

// Within returns the line defining key, or, when key itself is not in the
// source, the first line defining a key or table inside it: the line of
// [representatives.client] for {"representatives"} in a file without a
// [representatives] header. false when neither is in the source.
func (ix *Index) Within(key []string) (int, bool) {
	k := strings.Join(key, ".")
	if n, ok := ix.lines[k]; ok {
		return n, true
	}
	n, ok := ix.under[k]
	return n, ok
}

// normaliseKey turns `a . "b c"` into `a.b c`.
func normaliseKey(s string) string {
	parts := strings.Split(s, ".")
	for i, p := range parts {
		parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
	}
	return strings.Join(parts, ".")
}
