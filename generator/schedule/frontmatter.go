package schedule

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

const delim = "+++"

// page is a Markdown file split into its TOML front matter and its body.
type page struct {
	file      string
	front     string // TOML text between the delimiters
	frontLine int    // file line of the first front-matter line
	body      string // trimmed Markdown body
	bodyLine  int    // file line of the first non-blank body line
}

// splitPage splits src at the "+++" delimiters. Lines may end in "\r\n".
func splitPage(file string, src []byte, errs *diag.List) (page, bool) {
	text := strings.TrimPrefix(string(src), "\ufeff")
	lines := strings.Split(text, "\n")
	isDelim := func(l string) bool { return strings.TrimRight(l, " \t\r") == delim }
	if len(lines) == 0 || !isDelim(lines[0]) {
		errs.Add(diag.At(file, 1, 0), "missing front matter: the first line must be %q", delim)
		return page{}, false
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if isDelim(lines[i]) {
			end = i
			break
		}
	}
	if end < 0 {
		errs.Add(diag.At(file, 1, 0), "front matter opened here is never closed by %q", delim)
		return page{}, false
	}
	p := page{
		file:      file,
		front:     strings.Join(lines[1:end], "\n"),
		frontLine: 2,
		bodyLine:  end + 2,
	}
	rest := lines[end+1:]
	for len(rest) > 0 && strings.TrimSpace(rest[0]) == "" {
		rest = rest[1:]
		p.bodyLine++
	}
	for i := range rest {
		rest[i] = strings.TrimSuffix(rest[i], "\r")
	}
	p.body = strings.TrimSpace(strings.Join(rest, "\n"))
	if p.body == "" {
		p.bodyLine = end + 2
	}
	return p, true
}

// field is one front-matter key and where to decode it.
type field struct {
	key string
	dst any // pointer to string, int, bool or []string
}

// decodeFront decodes the page's front matter into fields, reporting syntax
// errors, values of the wrong type and unknown keys, each with its line. It
// returns the set of keys that were present and decoded, or nil when the
// front matter could not be parsed at all.
//
// The TOML is decoded into a struct made for the fields, each of type
// toml.Primitive, so that MetaData.Undecoded reports exactly the keys that are
// not fields, and each field is then decoded (and type-checked) on its own.
func decodeFront(p page, fields []field, errs *diag.List) map[string]bool {
	rv := reflect.New(frontType(fields))
	md, err := toml.Decode(p.front, rv.Interface())
	if err != nil {
		pos := diag.At(p.file, p.frontLine, 0)
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos = pos.In(p.frontLine+max(pe.Position.Line, 1)-1, pe.Position.Col)
			errs.Add(pos, "front matter: %s", pe.Message)
		} else {
			errs.Add(pos, "front matter: %v", err)
		}
		return nil
	}
	known := func(k string) bool { return slices.ContainsFunc(fields, func(f field) bool { return f.key == k }) }
	reported := map[string]bool{}
	unknown := func(k string) {
		if !reported[k] {
			reported[k] = true
			errs.Add(p.keyPos(k), "unknown front-matter key %q", k)
		}
	}
	// The decoder matches struct fields without regard to case: insist on
	// the exact spelling.
	for _, k := range md.Keys() {
		if len(k) == 1 && !known(k[0]) {
			unknown(k[0])
		}
	}
	for _, k := range md.Undecoded() {
		if !known(k[0]) {
			unknown(k[0])
		}
	}
	defined := make(map[string]bool, len(fields))
	for i, f := range fields {
		if !md.IsDefined(f.key) {
			continue
		}
		prim := rv.Elem().Field(i).Interface().(toml.Primitive)
		if err := md.PrimitiveDecode(prim, f.dst); err != nil {
			errs.Add(p.keyPos(f.key), "%s: want %s, got %s", f.key, typeName(f.dst), tomlType(md.Type(f.key)))
			continue
		}
		defined[f.key] = true
	}
	return defined
}

// frontType makes a struct type with one toml.Primitive field per key.
func frontType(fields []field) reflect.Type {
	sf := make([]reflect.StructField, len(fields))
	for i, f := range fields {
		sf[i] = reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: reflect.TypeFor[toml.Primitive](),
			Tag:  reflect.StructTag(fmt.Sprintf("toml:%q", f.key)),
		}
	}
	return reflect.StructOf(sf)
}

// keyPos finds the line on which a top-level key is set or its table opens;
// failing that, the start of the front matter.
func (p page) keyPos(key string) diag.Pos {
	names := []string{key, `"` + key + `"`, "'" + key + "'"}
	for i, l := range strings.Split(p.front, "\n") {
		l = strings.TrimSpace(l)
		l = strings.TrimSpace(strings.TrimLeft(l, "["))
		for _, n := range names {
			if rest, ok := strings.CutPrefix(l, n); ok {
				rest = strings.TrimSpace(rest)
				if rest != "" && strings.ContainsRune("=.]", rune(rest[0])) {
					return diag.At(p.file, p.frontLine+i, 0)
				}
			}
		}
	}
	return diag.At(p.file, p.frontLine, 0)
}

func typeName(dst any) string {
	switch dst.(type) {
	case *string:
		return "a string"
	case *int:
		return "an integer"
	case *bool:
		return "true or false"
	case *[]string:
		return "an array of strings"
	}
	return fmt.Sprintf("%T", dst)
}

func tomlType(t string) string {
	if t == "" {
		return "a value of another type"
	}
	return strings.ToLower(t)
}
