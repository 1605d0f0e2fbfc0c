package cli

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/evidence"
	"github.com/agency/evidence-site/generator/ical"
	"github.com/agency/evidence-site/generator/internal/tree"
)

// sampleNames lists the people the sample evidence names, from its name
// fields, read here apart from package redact.
func sampleNames(t *testing.T) []string {
	t.Helper()
	ev := evidence.Load(os.DirFS("../../evidence"), "evidence")
	var names []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !slices.Contains(names, s) {
			names = append(names, s)
		}
	}
	for _, s := range ev.Staff {
		add(s.Name.Value)
	}
	for _, d := range ev.Devices {
		add(d.AttestedBy.Value)
	}
	for _, it := range ev.Documents.Items {
		name, _, _ := strings.Cut(it.Owner, ",")
		add(name)
	}
	if r := ev.Documents.Representatives; r != nil {
		for _, rep := range []*evidence.Representative{r.Client, r.Agency} {
			if rep != nil && !rep.Placeholder {
				add(rep.Name.Value)
			}
		}
	}
	if i := ev.Documents.ISMS; i != nil && i.Certification != nil {
		add(i.Certification.Name.Value)
		add(i.Certification.DelegatedBy.Value)
	}
	if len(names) < 20 {
		t.Fatalf("only %d names in the sample: %q", len(names), names)
	}
	return names
}

// found lists the names that data holds, as written or as HTML, JSON or
// iCalendar escape them.
func found(names []string, data []byte) []string {
	var out []string
	for _, n := range names {
		js, _ := json.Marshal(n)
		for _, form := range []string{n, template.HTMLEscapeString(n), string(js[1 : len(js)-1]), ical.Text(n)} {
			if bytes.Contains(data, []byte(form)) {
				out = append(out, n)
				break
			}
		}
	}
	return out
}

// With redact = ["names"], no name of the sample is in any byte of the
// output, the zip's entries included; the judgement is the same.
func TestRedactNames(t *testing.T) {
	names := sampleNames(t)
	plain := filepath.Join(t.TempDir(), "public")
	build(t, sampleOptions(plain))
	before := tree.Read(t, plain)
	if got := found(names, before["registers/staff.html"]); len(got) < 10 {
		t.Fatalf("the unredacted staff page names only %q: the test proves nothing", got)
	}

	o := withPublish(t, `redact = ["names"]`)
	o.Zip = filepath.Join(t.TempDir(), "pack.zip")
	build(t, o)
	after := tree.Read(t, o.Out)
	for name, data := range after {
		if strings.HasSuffix(name, ".ics") {
			data = ical.Unfold(data) // a name may be folded across lines
		}
		if got := found(names, data); len(got) > 0 {
			t.Errorf("%s names %q", name, got)
		}
	}
	zr, err := zip.OpenReader(o.Zip)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := found(names, data); len(got) > 0 {
			t.Errorf("zip entry %s names %q", f.Name, got)
		}
	}
	if !strings.Contains(string(after["index.html"]), "<strong>Redacted.</strong>") || !strings.Contains(string(after["method.html"]), `id="redaction"`) {
		t.Error("the dashboard or the method page does not say the build is redacted")
	}
	// A person in the staff register is their Staff ID; others a stable label.
	if !strings.Contains(string(after["registers/staff.html"]), "<td>NS-0001<td>NS-0001<td>") {
		t.Error("the staff register does not show NS-0001's name as NS-0001")
	}
	// The judgement is the same: every status, and every finding but its words.
	type verdicts struct {
		Paragraphs []struct{ ID, Status, Basis string }
		Gaps       []struct{ Paragraph, Kind, Severity, Subject string }
	}
	read := func(files map[string][]byte) verdicts {
		var v verdicts
		if err := json.Unmarshal(files["coverage.json"], &v); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(files["gaps.json"], &v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	a, b := read(before), read(after)
	if !slices.Equal(a.Paragraphs, b.Paragraphs) || !slices.Equal(a.Gaps, b.Gaps) || len(a.Gaps) == 0 {
		t.Error("redaction changed a status or a finding")
	}
}

// The search index is redacted too: an evidence item whose title names a
// person (its owner) is found by the title, the name replaced.
func TestRedactSearchIndex(t *testing.T) {
	ev := filepath.Join(t.TempDir(), "evidence")
	if err := os.CopyFS(ev, os.DirFS("../../evidence")); err != nil {
		t.Fatal(err)
	}
	items := filepath.Join(ev, "evidence-items.toml")
	src, err := os.ReadFile(items)
	if err != nil {
		t.Fatal(err)
	}
	const title = `title = "Joint security working group: terms of reference and attendance"`
	named := strings.Replace(string(src), title, `title = "Joint security working group, chaired by Priya Raman"`, 1)
	if named == string(src) || !strings.Contains(named, `owner = "Priya Raman,`) {
		t.Fatal("the sample's EV-001 is not as this test expects")
	}
	if err := os.WriteFile(items, []byte(named), 0o644); err != nil {
		t.Fatal(err)
	}
	index := func(dir string) []byte {
		var all []byte
		for name, data := range tree.Read(t, dir) {
			if strings.HasPrefix(name, "search/") {
				all = append(all, data...)
			}
		}
		return all
	}
	o := sampleOptions(filepath.Join(t.TempDir(), "public"))
	o.Evidence = ev
	build(t, o)
	if !bytes.Contains(index(o.Out), []byte("chaired by Priya Raman")) {
		t.Fatal("the unredacted search index does not hold EV-001's title: the test proves nothing")
	}
	r := withPublish(t, `redact = ["names"]`)
	r.Evidence = ev
	build(t, r)
	got := index(r.Out)
	if found([]string{"Priya Raman"}, got) != nil {
		t.Error("the redacted search index names Priya Raman")
	}
	if !regexp.MustCompile(`chaired by person-[0-9a-f]{8}`).Match(got) {
		t.Error("the redacted search index does not hold EV-001's title with the name's label")
	}
}
