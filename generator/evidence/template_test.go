package evidence

import (
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// uncomment removes the "# " before every commented-out table header and
// key of a template, leaving its prose commented.
func uncomment(src []byte) []byte {
	return regexp.MustCompile(`(?m)^# (\[[A-Za-z0-9_.\[\]-]+\]|[A-Za-z0-9_-]+ = .*)$`).ReplaceAll(src, []byte("$1"))
}

// templateFolder is an evidence folder of the templates, each changed by
// edit, with a file for every attachment they name.
func templateFolder(t *testing.T, edit func([]byte) []byte) files {
	t.Helper()
	folder := files{}
	attachment := regexp.MustCompile(`"(documents/[^"]+)"`)
	for name, src := range Templates() {
		src = edit(src)
		folder[name] = src
		for _, m := range attachment.FindAllSubmatch(src, -1) {
			folder[string(m[1])] = []byte("attached\n")
		}
	}
	return folder
}

func docProblems(d Documents) []string {
	var out []string
	for _, p := range d.Problems {
		out = append(out, p.Pos.String()+": "+p.Msg)
	}
	return out
}

// As written, the templates hold no evidence and no problem: a new
// evidence folder builds with every section missing, none invalid.
func TestTemplatesAsWritten(t *testing.T) {
	names := slices.Sorted(maps.Keys(Templates()))
	if want := []string{"evidence-items.toml", "governance.toml", "plans.toml"}; !slices.Equal(names, want) {
		t.Fatalf("templates %q, want %q", names, want)
	}
	d := loadDocuments(templateFolder(t, func(b []byte) []byte { return b }).fs(), "evidence")
	if p := docProblems(d); len(p) > 0 {
		t.Errorf("problems: %q", p)
	}
	if s := d.Sources(); len(s) > 0 || len(d.Items) > 0 || len(d.Attachments) > 0 {
		t.Errorf("the templates hold evidence: sources %q, %d items, %d attachments", s, len(d.Items), len(d.Attachments))
	}
}

// Uncommented, the templates' examples read with no problem and give
// every section and an item: each example is a value the reader takes.
func TestTemplatesExamplesRead(t *testing.T) {
	d := loadDocuments(templateFolder(t, uncomment).fs(), "evidence")
	if p := docProblems(d); len(p) > 0 {
		t.Errorf("problems: %q", p)
	}
	var all []string
	for _, s := range sections() {
		if s.present != nil {
			all = append(all, s.source.Name)
		}
	}
	if got := d.Sources(); !slices.Equal(got, all) {
		t.Errorf("sources %q, want every section's %q", got, all)
	}
	if len(d.Items) != 2 || d.SMP == nil || len(d.SMP.Reviews) == 0 || d.ISMS == nil || d.ISMS.Certification == nil {
		t.Errorf("the examples were not all read: %d items, SMP %+v, ISMS %+v", len(d.Items), d.SMP, d.ISMS)
	}
}

// templateShapes maps every table the TOML files may hold, by key path, to
// the shape it is decoded into; nil for a table of free keys.
var templateShapes = map[string]any{
	"smp": rawLifecycle{}, "smp.non_approval": rawNonApproval{}, "smp.review": rawReview{}, "smp.change": rawChange{},
	"isms": rawISMS{}, "isms.certification": rawCertification{}, "isms.non_approval": rawNonApproval{},
	"isms.review": rawReview{}, "isms.change": rawChange{},
	"representatives": rawRepresentatives{}, "representatives.client": rawRepresentative{}, "representatives.agency": rawRepresentative{},
	"security_policy": rawSecurityPolicy{}, "security_policy.request": rawPolicyRequest{},
	"incident_process": rawIncidentProcess{}, "vulnerability_policy": rawVulnerabilityPolicy{},
	"audit_logging": rawAuditLogging{}, "audit_logging.not_applicable_sources": nil,
	"data_location": rawDataLocation{}, "ceasing_to_trade": rawCeasingToTrade{}, "evidence": rawItem{},
}

// Every key of every section is in the templates, commented out: the key
// paths are walked from the shapes the readers decode into, starting at
// the section table, so a key or a section added to a reader and not to
// the templates fails here.
func TestTemplatesHaveEveryKey(t *testing.T) {
	defined := map[string]bool{}
	for name, src := range templateFolder(t, uncomment) {
		if !strings.HasSuffix(name, ".toml") {
			continue
		}
		var doc map[string]any
		md, err := toml.Decode(string(src), &doc)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range md.Keys() {
			defined[k.String()] = true
		}
	}
	var want []string
	var walk func(key string, shape reflect.Type)
	walk = func(key string, shape reflect.Type) {
		for i := range shape.NumField() {
			sf := shape.Field(i)
			if sf.Anonymous {
				walk(key, sf.Type)
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
			sub := key + "." + name
			want = append(want, sub)
			if sf.Type != reflect.TypeFor[*toml.Primitive]() {
				continue
			}
			s, ok := templateShapes[sub]
			switch {
			case !ok:
				t.Errorf("table %s: no shape in templateShapes", sub)
			case s != nil:
				walk(sub, reflect.TypeOf(s))
			}
		}
	}
	for _, s := range sections() {
		shape, ok := templateShapes[s.name]
		if !ok {
			t.Errorf("section %s: no shape in templateShapes", s.name)
			continue
		}
		walk(s.name, reflect.TypeOf(shape))
	}
	if len(want) < 80 {
		t.Fatalf("only %d keys: %q", len(want), want)
	}
	for _, k := range want {
		if !defined[k] {
			t.Errorf("key %s is not in the templates", k)
		}
	}
}
