package site

import (
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"github.com/agency/evidence-site/generator/model"
	"github.com/agency/evidence-site/generator/rules"
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
	// A table split over pages: this page's number (from 1), its
	// navigation (nil for a table on one page) and its part of the
	// paragraph's, the register's or the gaps list's tables.
	PageNo   int
	Pager    *model.Pager
	Rows     []model.Row
	Findings []*model.Finding
	Checks   []*model.Check
	// Earlier: on the gaps list's first page, the findings set aside as
	// before the review period (the first PageRows of them).
	Earlier []*model.Finding
	Due     []model.Due
	// A list of the Changes page continued on pages of its own, and
	// this page's part of it.
	List       *model.ChangeList
	ChangeRows []model.ChangedFinding
}

type renderer struct {
	project fs.FS
	base    *template.Template // baseof.html and the partials
	pages   map[string]*template.Template
	md      goldmark.Markdown // our content
	emd     goldmark.Markdown // Markdown written in the evidence
	mu      sync.Mutex        // guards cache: pages render in parallel
	cache   map[string]template.HTML
}

// Page templates, by name, as files under layouts/.
var pageLayouts = map[string]string{
	"index":        "index.html",
	"schedule":     "_default/list.html",
	"single":       "_default/single.html",
	"matrix":       "matrix.html",
	"gaps":         "gaps.html",
	"due":          "due.html",
	"register":     "register.html",
	"method":       "method.html",
	"documents":    "documents.html",
	"report":       "report.html",
	"changes":      "changes.html",
	"changes-list": "changes-list.html",
}

func newRenderer(project fs.FS) (*renderer, error) {
	r := &renderer{project: project, md: newContentMarkdown(), emd: newEvidenceMarkdown(), cache: map[string]template.HTML{}, pages: map[string]*template.Template{}}
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
		"statusLabel": func(s any) string { return statusLabel(fmt.Sprint(s)) },
		"lower":       strings.ToLower,
		"join":        strings.Join,
		"add":         func(a, b int) int { return a + b },
		"dict":        dict,
		"num":         number,
		// span describes page n's rows of a table of total rows:
		// "1,001–2,000 of 20,000", or the total alone on one page.
		"span": func(n, total int) string {
			if total <= model.PageRows {
				return number(total)
			}
			return number((n-1)*model.PageRows+1) + "–" + number(min(total, n*model.PageRows)) + " of " + number(total)
		},
		"firstPage": func(fs []*model.Finding) []*model.Finding { return model.Page(fs, 1) },
		"firstN":    func(n int, fs []*model.Finding) []*model.Finding { return fs[:min(n, len(fs))] },
		"firstRows": func(n int, rows []model.Row) []model.Row { return rows[:min(n, len(rows))] },
		"flagged":   flagged,
		// staticCSS is a stylesheet of static/, for the report to hold
		// in itself.
		"staticCSS": func(name string) (template.CSS, error) {
			data, err := fs.ReadFile(r.project, path.Join("static", name))
			return template.CSS(data), err
		},
		"checkTable":    checkTable,
		"findingTable":  findingTable,
		"gapsTable":     gapsTable,
		"registerTable": registerTable,
		"dueTable":      dueTable,
	}
}

func (r *renderer) markdown(src string) (template.HTML, error) {
	r.mu.Lock()
	h, ok := r.cache[src]
	r.mu.Unlock()
	if ok {
		return h, nil
	}
	h, err := render(r.md, src)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	r.cache[src] = h
	r.mu.Unlock()
	return h, nil
}

// statusLabel names a status or an outcome for a reader.
func statusLabel(s string) string {
	switch s {
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
	case "earlier":
		return "Late, before this review period"
	case "checked":
		return "checked"
	case "attested":
		return "attested"
	}
	return s
}

// job writes one file of the site.
type job struct {
	name  string
	write func(w io.Writer) error
}

// jobs lists every file of the site but static/, the attachments and the
// search index, each to be rendered straight into its file.
func (r *renderer) jobs(s *model.Site) []job {
	var jobs []job
	add := func(layout, out string, p page) {
		p.Site = s
		if strings.Contains(out, "/") {
			p.Root = "../"
		}
		if p.PageNo == 0 {
			p.PageNo = 1
		}
		if p.PageNo > 1 {
			p.Title += fmt.Sprintf(" (page %d of %d)", p.PageNo, p.Pager.Of)
		}
		t := r.pages[layout]
		jobs = append(jobs, job{out, func(w io.Writer) error { return t.ExecuteTemplate(w, "baseof.html", p) }})
	}
	add("index", "index.html", page{Title: "Dashboard", Nav: "index"})
	add("schedule", "schedule.html", page{Title: "Schedule", Nav: "schedule"})
	add("matrix", "matrix.html", page{Title: "Coverage matrix", Nav: "matrix", Wide: true})
	for n := range model.PageCount(len(s.Findings)) {
		n++
		href := model.PageHref(model.GapsHref, n)
		p := page{Title: "Gaps", Nav: "gaps", Wide: true, PageNo: n,
			Pager: model.NewPager(model.GapsHref, n, len(s.Findings)), Findings: pointers(model.Page(s.Findings, n))}
		if n == 1 {
			p.Earlier = pointers(model.Page(s.Earlier, 1))
		}
		add("gaps", href, p)
	}
	for n := range model.PageCount(len(s.Coming.Items)) {
		n++
		add("due", model.PageHref(model.DueHref, n), page{Title: "Coming due", Nav: "due", Wide: true, PageNo: n,
			Pager: model.NewPager(model.DueHref, n, len(s.Coming.Items)), Due: model.Page(s.Coming.Items, n)})
	}
	if c := s.Changes; c != nil {
		add("changes", model.ChangesHref, page{Title: "Changes since " + c.Previous.AsOf, Nav: "changes", Wide: true})
		for _, l := range c.Lists() {
			if l.Href == "" {
				continue // the Changes page shows it whole
			}
			for n := range model.PageCount(len(l.Rows)) {
				n++
				add("changes-list", model.PageHref(l.Href, n), page{Title: l.Title + " since " + c.Previous.AsOf, Nav: "changes", Wide: true, PageNo: n,
					Pager: model.NewPager(l.Href, n, len(l.Rows)), List: l, ChangeRows: model.Page(l.Rows, n)})
			}
		}
	}
	add("method", "method.html", page{Title: "Method", Nav: "method"})
	add("documents", model.DocumentsHref, page{Title: "Governance documents", Nav: "documents", Wide: true})
	for _, p := range s.Paragraphs {
		href := model.ParagraphHref(p.ID)
		for n := range p.Pages() {
			n++
			add("single", model.PageHref(href, n), page{Title: p.ID + " " + p.Title, Nav: "schedule", Paragraph: p, PageNo: n,
				Pager:    model.NewPager(href, n, max(len(p.Findings), len(p.Listed))),
				Findings: model.Page(p.Findings, n), Checks: model.Page(p.Listed, n)})
		}
	}
	for _, reg := range s.Registers {
		for n := range model.PageCount(len(reg.Data)) {
			n++
			add("register", model.PageHref(reg.Href, n), page{Title: reg.Title, Nav: "registers", Register: reg, Wide: true, PageNo: n,
				Pager: model.NewPager(reg.Href, n, len(reg.Data)), Rows: model.Page(reg.Data, n)})
		}
	}
	report := r.pages["report"]
	jobs = append(jobs,
		job{"report.html", func(w io.Writer) error {
			return report.ExecuteTemplate(w, "report", page{Site: s, Findings: pointers(model.Page(s.Findings, 1))})
		}},
		job{"gaps.csv", func(w io.Writer) error { return writeGapsCSV(w, s) }},
		job{"coverage.json", func(w io.Writer) error { return writeJSON(w, coverage(s)) }},
		job{"gaps.json", func(w io.Writer) error { return writeGaps(w, s) }},
		job{model.CalendarFile, func(w io.Writer) error { return writeCalendar(w, s) }},
	)
	if s.Changes != nil {
		jobs = append(jobs, job{ChangesFile, func(w io.Writer) error { return writeJSON(w, changes(s.Changes)) }})
	}
	if len(s.Findings) > model.PageRows {
		jobs = append(jobs, job{GapsPagesScript, func(w io.Writer) error { return writeGapsPages(w, s) }})
	}
	return jobs
}

// flagged lists a register's rows that a rule found wanting or could not
// judge: the report's appendix.
func flagged(reg *model.Register) []model.Row {
	var out []model.Row
	for _, r := range reg.Data {
		if r.Status == rules.Gap || r.Status == rules.Unjudged {
			out = append(out, r)
		}
	}
	return out
}

// pointers points at each element of xs.
func pointers[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
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
