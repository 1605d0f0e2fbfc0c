package config

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/agency/evidence-site/generator/workdays"
)

// uncomment removes the "# " before every commented-out table header and
// key of a template, leaving its prose commented.
func uncomment(src []byte) []byte {
	return regexp.MustCompile(`(?m)^# (\[[A-Za-z0-9_.\[\]-]+\]|[A-Za-z0-9_-]+ = .*)$`).ReplaceAll(src, []byte("$1"))
}

// keys lists the key path of every value a struct decoded from TOML
// reads, by its toml tags: a table's keys, and an array of tables' keys
// under its own.
func keys(t reflect.Type, prefix []string) [][]string {
	var out [][]string
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
		key := append(prefix[:len(prefix):len(prefix)], name)
		switch ft := sf.Type; {
		case ft.Kind() == reflect.Struct:
			out = append(out, keys(ft, key)...)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = append(out, key)
			out = append(out, keys(ft.Elem(), key)...)
		default:
			out = append(out, key)
		}
	}
	return out
}

// The template parses as it is, with the form and start date given and
// every other setting at its default.
func TestTemplate(t *testing.T) {
	for _, form := range []string{"A", "B"} {
		start := workdays.Date(2026, time.January, 5)
		c, err := Parse("config.toml", Template(form, start))
		if err != nil {
			t.Fatalf("form %s: %v", form, err)
		}
		want, _ := Parse("config.toml", []byte("[contract]\nform = \""+form+"\"\nstart_date = 2026-01-05\n"))
		if !reflect.DeepEqual(c, want) {
			t.Errorf("form %s: template reads as %+v, want the defaults %+v", form, c, want)
		}
	}
}

// Every key config.toml may hold is in the template, commented out with
// an example that parses: a key added to the file and not to the template
// fails here.
func TestTemplateHasEveryKey(t *testing.T) {
	src := uncomment(Template("B", workdays.Date(2025, time.April, 1)))
	c, err := Parse("config.toml", src)
	if err != nil {
		t.Fatalf("the template's examples do not parse: %v\n%s", err, src)
	}
	if !c.Review.AsOfSet || !c.Publish.RedactNames || c.Publish.Marking == "" || len(c.Calendar.ExtraHolidays) != 1 {
		t.Errorf("the examples were not all read: %+v", c)
	}
	var doc map[string]any
	md, err := toml.Decode(string(src), &doc)
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, k := range md.Keys() {
		defined[k.String()] = true
	}
	all := keys(reflect.TypeFor[file](), nil)
	if len(all) < 20 {
		t.Fatalf("only %d keys: %q", len(all), all)
	}
	for _, k := range all {
		if !defined[strings.Join(k, ".")] {
			t.Errorf("key %s is not in the template", strings.Join(k, "."))
		}
	}
}
