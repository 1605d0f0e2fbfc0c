package site

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"

	"github.com/yuin/goldmark"

	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/schedule"
)

// page is what a page template sees.
type page struct {
	Site      *model.Site
	Root      string // "" at the top of the site, "../" one folder down
	Title     string
	Nav       string // the navigation entry to highlight
	Wide      bool   // a page of wide tables: no maximum width
	Paragraph *model.Paragraph
	Register  *model.Register
}

type renderer struct {
	base  *template.Template // baseof.html and the partials
	pages map[string]*template.Template
	md    goldmark.Markdown // our content
	emd   goldmark.Markdown // Markdown written in the evidence
	cache map[string]template.HTML
}

// Page templates, by name, as files under layouts/.
var pageLayouts = map[string]string{
	"index":     "index.html",
	"schedule":  "_default/list.html",
	"single":    "_default/single.html",
	"matrix":    "matrix.html",
	"gaps":      "gaps.html",
	"register":  "register.html",
	"method":    "method.html",
	"documents": "documents.html",
}

func newRenderer(project fs.FS) (*renderer, error) {
	r := &renderer{md: newContentMarkdown(), emd: newEvidenceMarkdown(), cache: map[string]template.HTML{}, pages: map[string]*template.Template{}}
	layouts, err := fs.Sub(project, "layouts")
	if err != nil {
		return nil, err
	}
	base := template.New("baseof.html").Funcs(r.funcs())
	src, err := fs.ReadFile(layouts, "_default/baseof.html")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	if base, err = base.Parse(string(src)); err != nil {
		return nil, fmt.Errorf("layouts/_default/baseof.html: %w", err)
	}
	partials, err := fs.Glob(layouts, "partials/*.html")
	if err != nil {
		return nil, err
	}
	for _, p := range partials {
		src, err := fs.ReadFile(layouts, p)
		if err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", p, err)
		}
		if _, err := base.New(path.Base(p)).Parse(string(src)); err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", p, err)
		}
	}
	for name, file := range pageLayouts {
		src, err := fs.ReadFile(layouts, file)
		if err != nil {
			return nil, fmt.Errorf("layouts: %w", err)
		}
		t, err := template.Must(base.Clone()).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("layouts/%s: %w", file, err)
		}
		r.pages[name] = t
	}
	r.base = base
	return r, nil
}

func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		// markdown renders our own content (trusted) to HTML. Raw HTML in
		// it is not passed through: goldmark omits it unless told
		// otherwise.
		"markdown": r.markdown,
		// evidenceMarkdown renders Markdown from the evidence (untrusted):
		// no raw HTML, nothing that points off the site.
		"evidenceMarkdown": func(src string) (template.HTML, error) { return render(r.emd, src) },
		// lead and rest split a definitions paragraph around its items.
		"lead":        func(body string) string { l, _, _ := strings.Cut(body, schedule.ItemsMarker); return l },
		"rest":        func(body string) string { _, t, _ := strings.Cut(body, schedule.ItemsMarker); return t },
		"statusLabel": statusLabel,
		"lower":       strings.ToLower,
		"join":        strings.Join,
		"add":         func(a, b int) int { return a + b },
		"dict":        dict,
	}
}

func (r *renderer) markdown(src string) (template.HTML, error) {
	if h, ok := r.cache[src]; ok {
		return h, nil
	}
	h, err := render(r.md, src)
	if err != nil {
		return "", err
	}
	r.cache[src] = h
	return h, nil
}

func statusLabel(s any) string {
	switch fmt.Sprint(s) {
	case "covered":
		return "Covered"
	case "gap":
		return "Gap"
	case "missing":
		return "Missing"
	case "info":
		return "No evidence expected"
	case "na":
		return "Not applicable"
	case "ok":
		return "Meets"
	case "exception":
		return "Exception agreed"
	case "due":
		return "Due"
	case "unjudged":
		return "Cannot be judged"
	case "later":
		return "After the as-of date"
	case "checked":
		return "checked"
	case "attested":
		return "attested"
	}
	return fmt.Sprint(s)
}

func (r *renderer) page(name, out string, p page) (file, error) {
	var b bytes.Buffer
	if err := r.pages[name].ExecuteTemplate(&b, "baseof.html", p); err != nil {
		return file{}, fmt.Errorf("rendering %s: %w", out, err)
	}
	return file{name: out, data: b.Bytes()}, nil
}

// render produces every file of the site but static/.
func (r *renderer) render(s *model.Site) ([]file, error) {
	var files []file
	add := func(name, out string, p page) error {
		p.Site = s
		if strings.Contains(out, "/") {
			p.Root = "../"
		}
		f, err := r.page(name, out, p)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	}
	if err := add("index", "index.html", page{Title: "Dashboard", Nav: "index"}); err != nil {
		return nil, err
	}
	if err := add("schedule", "schedule.html", page{Title: "Schedule", Nav: "schedule"}); err != nil {
		return nil, err
	}
	if err := add("matrix", "matrix.html", page{Title: "Coverage matrix", Nav: "matrix", Wide: true}); err != nil {
		return nil, err
	}
	if err := add("gaps", "gaps.html", page{Title: "Gaps", Nav: "gaps", Wide: true}); err != nil {
		return nil, err
	}
	if err := add("method", "method.html", page{Title: "Method", Nav: "method"}); err != nil {
		return nil, err
	}
	if err := add("documents", model.DocumentsHref, page{Title: "Governance documents", Nav: "documents", Wide: true}); err != nil {
		return nil, err
	}
	for _, p := range s.Paragraphs {
		if err := add("single", model.ParagraphHref(p.ID), page{Title: p.ID + " " + p.Title, Nav: "schedule", Paragraph: p}); err != nil {
			return nil, err
		}
	}
	for _, reg := range s.Registers {
		if err := add("register", reg.Href, page{Title: reg.Title, Nav: "registers", Register: reg, Wide: true}); err != nil {
			return nil, err
		}
	}
	csvData, err := gapsCSV(s)
	if err != nil {
		return nil, err
	}
	files = append(files, file{name: "gaps.csv", data: csvData})
	for name, v := range map[string]any{"coverage.json": coverage(s), "gaps.json": gaps(s)} {
		data, err := marshal(v)
		if err != nil {
			return nil, err
		}
		files = append(files, file{name: name, data: data})
	}
	return files, nil
}

// dict builds a map from key, value pairs, as Hugo's dict does, to pass
// several values to a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}
