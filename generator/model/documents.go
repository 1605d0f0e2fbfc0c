package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/rules"
	"github.com/agency/evidence-site/generator/schedule"
)

// DocumentsHref is the governance documents page.
const DocumentsHref = "documents.html"

// FilesDir is where attachments are copied in the site.
const FilesDir = "files/"

// Documents is the governance evidence page.
type Documents struct {
	Files       []string // the TOML files read
	Sections    []DocSection
	Items       []DocItem
	Attachments []AttachmentLink
	Problems    []*Finding
}

// DocSection is one governance kind (SMP, ISMS, ...) and what its rules found.
type DocSection struct {
	Kind, Title, Anchor string
	Present             bool
	Paragraphs          []Link // the form's paragraphs that expect it
	Checks              []*Check
}

// DocItem is one general evidence item.
type DocItem struct {
	ID, Anchor, Title, Owner, Date, Current string
	Paragraphs                              []Link
	Summary                                 string // Markdown from the evidence: untrusted
	Attachments                             []AttachmentLink
	Checks                                  []*Check
	Where                                   string
}

// AttachmentLink is an attached file copied into the site.
type AttachmentLink struct {
	Path, Href, Size, SHA256 string
}

// SourceHref is the anchor of a governance kind on the documents page.
func SourceHref(kind string) string { return DocumentsHref + "#kind-" + kind }

// ItemHref is the anchor of an evidence item on the documents page.
func ItemHref(id string) string { return DocumentsHref + "#item-" + schedule.Slug(id) }

// sourceRef describes one entry of a paragraph's evidence.
func sourceRef(in Input, files map[string][]string, name string) (SourceRef, bool) {
	if id, ok := strings.CutPrefix(name, rules.ItemSource); ok {
		for _, it := range in.Evidence.Documents.Items {
			if it.ID == id {
				return SourceRef{Name: name, Title: it.ID + " " + it.Title, File: it.Pos.File(), Href: ItemHref(it.ID)}, true
			}
		}
		return SourceRef{}, false
	}
	if reg := in.Evidence.Register(name); reg != nil {
		return SourceRef{Name: name, Title: reg.Schema.Title, File: reg.Path, Href: RegisterHref(name)}, true
	}
	k := evidence.LookupSource(name)
	return SourceRef{Name: name, Title: capitalise(k.Title), File: strings.Join(kindFiles(in, files, name), ", "), Href: SourceHref(name)}, true
}

// kindFiles lists the TOML files whose sections of a kind the rules
// checked, in order (files is checkedFiles); all of them when no check
// names one.
func kindFiles(in Input, files map[string][]string, kind string) []string {
	if len(files[kind]) == 0 {
		return in.Evidence.Documents.Files
	}
	return files[kind]
}

// checkedFiles lists, by source, the files that the checks of sources other
// than registers were made on, sorted.
func checkedFiles(in Input) map[string][]string {
	files := map[string][]string{}
	registers := map[string]bool{}
	for _, r := range in.Evidence.Registers {
		registers[r.Schema.Name] = true
	}
	for i := range in.Result.Checks {
		c := &in.Result.Checks[i]
		if c.Pos.File() == "" || registers[c.Source] || slices.Contains(files[c.Source], c.Pos.File()) {
			continue
		}
		files[c.Source] = append(files[c.Source], c.Pos.File())
	}
	for _, fs := range files {
		slices.Sort(fs)
	}
	return files
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// attachmentLinks describes attached files. A redacted build withholds
// their copies (no Href): the evidence's own documents may name people,
// and a document altered to hide them would no longer be the document
// its SHA-256 names.
func attachmentLinks(as []evidence.Attachment, withheld bool) []AttachmentLink {
	var out []AttachmentLink
	for _, a := range as {
		l := AttachmentLink{Path: a.Path, Href: FilesDir + a.Path, Size: humanSize(a.Size), SHA256: a.SHA256}
		if withheld {
			l.Href = ""
		}
		out = append(out, l)
	}
	return out
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// buildDocuments assembles the documents page from the governance evidence,
// the checks its rules made (their Register is the kind, or "document" for
// items) and the findings in its files.
func buildDocuments(in Input, paras []schedule.Paragraph, checks []Check, findings []Finding, byID map[string]*Paragraph) Documents {
	docs := in.Evidence.Documents
	d := Documents{Files: docs.Files, Attachments: attachmentLinks(docs.Attachments, in.Redaction != nil)}
	present := docs.Sources()
	registers := map[string]bool{}
	for _, s := range evidence.Schemas() {
		registers[s.Name] = true
	}
	bySource, byItem := map[string][]*Check{}, map[string][]*Check{}
	for i := range checks {
		c := &checks[i]
		switch {
		case c.Source == "document":
			byItem[c.Subject] = append(byItem[c.Subject], c)
		case !registers[c.Source]:
			bySource[c.Source] = append(bySource[c.Source], c)
		}
	}
	for _, k := range evidence.Sources() {
		if registers[k.Name] || k.Name == "document" {
			continue
		}
		sec := DocSection{Kind: k.Name, Title: capitalise(k.Title), Anchor: "kind-" + k.Name, Present: slices.Contains(present, k.Name)}
		for _, p := range paras {
			if slices.Contains(p.Evidence, k.Name) {
				if mp := byID[p.ID]; mp != nil {
					sec.Paragraphs = append(sec.Paragraphs, *paraLink(mp))
				}
			}
		}
		sec.Checks = bySource[k.Name]
		if sec.Present || len(sec.Paragraphs) > 0 {
			d.Sections = append(d.Sections, sec)
		}
	}
	for _, it := range docs.Items {
		di := DocItem{ID: it.ID, Anchor: "item-" + schedule.Slug(it.ID), Title: it.Title, Owner: it.Owner, Date: it.Date.String(),
			Summary: it.Summary, Attachments: attachmentLinks(it.Attachments, in.Redaction != nil), Where: it.Pos.String()}
		switch {
		case it.Expires.Set:
			di.Current = "until " + it.Expires.String()
		case it.ReviewMonths > 0:
			di.Current = fmt.Sprintf("reviewed every %d Months", it.ReviewMonths)
		}
		for _, ref := range it.Paragraphs {
			if mp := byID[ref.ID]; mp != nil {
				di.Paragraphs = append(di.Paragraphs, *paraLink(mp))
			} else {
				di.Paragraphs = append(di.Paragraphs, Link{Label: ref.ID})
			}
		}
		di.Checks = byItem[it.ID]
		d.Items = append(d.Items, di)
	}
	for i := range findings {
		if slices.Contains(docs.Files, findings[i].Pos.File()) {
			d.Problems = append(d.Problems, &findings[i])
		}
	}
	return d
}
