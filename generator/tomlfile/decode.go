package tomlfile

import (
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/diag"
)

// typed decodes a document table by table. Each table is first decoded
// into a mirror of its struct whose fields are all *toml.Primitive, which
// takes any value; then each value is decoded into its own field. A value
// of the wrong type is so known by its key, from the walk itself rather
// than from the decoder's message, and reported in this package's words;
// the other values are still decoded, in the struct's order, so every bad
// value is reported, each time in the same order.
type typed struct {
	f     *File
	md    toml.MetaData
	probs diag.List
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	primitivePtr = reflect.TypeOf((*toml.Primitive)(nil))
)

// table reports whether values of t are read from a TOML table: a struct
// other than a time.
func table(t reflect.Type) bool { return t.Kind() == reflect.Struct && t != timeType }

// mirror is t with every exported field a *toml.Primitive, keeping names
// and tags so that the decoder matches keys to fields as it would for t.
func mirror(t reflect.Type) reflect.Type {
	var fields []reflect.StructField
	for i := range t.NumField() {
		if sf := t.Field(i); sf.IsExported() {
			fields = append(fields, reflect.StructField{Name: sf.Name, Type: primitivePtr, Tag: sf.Tag})
		}
	}
	return reflect.StructOf(fields)
}

// keyName is the key a struct field is read from.
func keyName(sf reflect.StructField) string {
	if name, _, _ := strings.Cut(sf.Tag.Get("toml"), ","); name != "" {
		return name
	}
	return sf.Name
}

// KnownKeys lists the keys that the table at key path (array indices
// left out, as the decoder's Undecoded names keys) of a struct of type t
// accepts: for "did you mean".
func KnownKeys(t reflect.Type, path []string) []string {
	for _, k := range path {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if !table(t) {
			return nil
		}
		sf, ok := field(t, k)
		if !ok {
			return nil
		}
		t = sf.Type
	}
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if !table(t) {
		return nil
	}
	var keys []string
	for _, sf := range fields(t) {
		keys = append(keys, keyName(sf))
	}
	return keys
}

// field is the field of struct type t read from key.
func field(t reflect.Type, key string) (reflect.StructField, bool) {
	for _, sf := range fields(t) {
		if keyName(sf) == key {
			return sf, true
		}
	}
	return reflect.StructField{}, false
}

// fields are the fields of struct type t that keys are read into: its
// exported fields and, as the decoder does, those of a struct embedded
// with no key of its own.
func fields(t reflect.Type) []reflect.StructField {
	var out []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		switch {
		case sf.Anonymous && sf.Tag.Get("toml") == "" && sf.Type.Kind() == reflect.Struct:
			out = append(out, fields(sf.Type)...)
		case sf.IsExported():
			out = append(out, sf)
		}
	}
	return out
}

// value decodes p, the value at key, into rv.
func (d *typed) value(p toml.Primitive, rv reflect.Value, key []string) {
	t := rv.Type()
	switch {
	case table(t):
		m := reflect.New(mirror(t))
		if d.md.PrimitiveDecode(p, m.Interface()) != nil {
			d.wrong(p, key, "a table")
			return
		}
		for i, j := 0, 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			if sub := m.Elem().Field(j).Interface().(*toml.Primitive); sub != nil {
				d.value(*sub, rv.Field(i), append(key[:len(key):len(key)], keyName(sf)))
			}
			j++
		}
	case t.Kind() == reflect.Slice && table(t.Elem()):
		var list []toml.Primitive
		if d.md.PrimitiveDecode(p, &list) != nil {
			d.wrong(p, key, "an array of tables")
			return
		}
		s := reflect.MakeSlice(t, len(list), len(list))
		for i := range list {
			d.value(list[i], s.Index(i), append(key[:len(key):len(key)], strconv.Itoa(i)))
		}
		rv.Set(s)
	default:
		if d.md.PrimitiveDecode(p, rv.Addr().Interface()) != nil {
			d.wrong(p, key, want(t))
		}
	}
}

// wrong reports the value p at key, which is not what was wanted.
func (d *typed) wrong(p toml.Primitive, key []string, wanted string) {
	var got any
	_ = d.md.PrimitiveDecode(p, &got) // any value decodes into an interface
	d.probs.Add(d.f.Pos(key...), "%s: want %s, got %s", key[len(key)-1], wanted, describe(got))
}

// want says what a value of type t is written as.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a list of " + plural(want(t.Elem()))
	}
	if t == timeType {
		return "a date"
	}
	return "a value of another type"
}

func plural(s string) string {
	switch s {
	case "text in quotes", "true or false":
		return s
	}
	if len(s) > 2 && s[:2] == "a " {
		return s[2:] + "s"
	}
	return s
}

// describe says what a decoded value is.
func describe(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case bool:
		return strconv.FormatBool(v)
	case int64, float64:
		return "the number " + formatNumber(v)
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date or time"
	}
	return "another kind of value"
}

func formatNumber(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatInt(v.(int64), 10)
}
