package cli

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/agency/evidence-site/generator/internal/sample"
	"github.com/agency/evidence-site/generator/internal/tree"
	"github.com/agency/evidence-site/generator/model"
)

// A register longer than a page is split over numbered pages: a finding's
// link lands on the page that holds its row, the paragraph it breaks shows
// its passing checks as counts, and no page grows with the register.
// withPatches returns options for the sample with n more critical nginx
// vulnerabilities, VUL-10000 on, each row set by set(i, row).
func withPatches(t *testing.T, n int, set func(i int, row map[string]string)) Options {
	t.Helper()
	dir := t.TempDir()
	ev := filepath.Join(dir, "evidence")
	copyEvidence(t, ev)
	rows := make([]map[string]string, n)
	for i := range rows {
		rows[i] = map[string]string{"Vulnerability ID": fmt.Sprintf("VUL-%05d", 10000+i), "Component": "nginx 1.26", "Severity": "Critical"}
		set(i, rows[i])
	}
	withRows(t, ev, "vulnerabilities", sample.Vulnerabilities(), rows...)
	o := sampleOptions(filepath.Join(dir, "public"))
	o.Evidence = ev
	return o
}

func TestLongTablesAreSplit(t *testing.T) {
	const extra = 2*model.PageRows + 600 // with the sample's 25 rows: three pages
	o := withPatches(t, extra, func(i int, row map[string]string) {
		row["Patch Released"], row["Patch Applied"] = "2026-02-02", "2026-02-10"
		if i == extra-3 {
			row["Patch Applied"] = "2026-03-02" // 28 days after release: 14 days late
		}
	})
	out := o.Out
	build(t, o)
	files := tree.Read(t, out)

	for n := 1; n <= 3; n++ {
		if _, ok := files[model.PageHref("registers/vulnerabilities.html", n)]; !ok {
			t.Errorf("register page %d is missing", n)
		}
	}
	if _, ok := files["registers/vulnerabilities--page-4.html"]; ok {
		t.Error("a fourth register page for three pages of rows")
	}
	// The late row is on page 3; the gaps list links there.
	id := fmt.Sprintf("VUL-%05d", 10000+extra-3) // the late row
	href := "registers/vulnerabilities--page-3.html#row-" + id
	if !strings.Contains(string(files["gaps.html"]), `href="`+href+`"`) {
		t.Errorf("gaps.html has no link to %s", href)
	}
	if !strings.Contains(string(files["registers/vulnerabilities--page-3.html"]), `<tr id="row-`+id+`"`) {
		t.Errorf("registers/vulnerabilities--page-3.html has no row %s", id)
	}
	if strings.Contains(string(files["registers/vulnerabilities--page-2.html"]), `id="row-`+id+`"`) {
		t.Errorf("row %s is on page 2 as well", id)
	}
	page2 := string(files["registers/vulnerabilities--page-2.html"])
	for _, want := range []string{`rel="prev" href="../registers/vulnerabilities.html"`, `rel="next" href="../registers/vulnerabilities--page-3.html"`, "Rows (1,001–2,000 of 2,625)"} {
		if !strings.Contains(page2, want) {
			t.Errorf("register page 2 lacks %q", want)
		}
	}
	// B.9.3 has more checks than a page: the rows that meet it are counted,
	// the others listed, the late row among them.
	para := string(files["paragraphs/B-9-3.html"])
	if !strings.Contains(para, `<table class="tally">`) || !regexp.MustCompile(`<td><a href="../registers/vulnerabilities.html">Vulnerability register</a></td><td>2,6\d\d</td>`).MatchString(para) {
		t.Errorf("B.9.3 does not count its passing checks by register")
	}
	if !strings.Contains(para, `href="../`+href+`"`) {
		t.Errorf("B.9.3 does not list the late row %s", id)
	}
	if n := strings.Count(para, `<tr class="outcome-ok">`); n != 0 {
		t.Errorf("B.9.3 lists %d passing checks at this volume", n)
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && len(data) > 2<<20 {
			t.Errorf("%s is %d bytes", name, len(data))
		}
	}
}
