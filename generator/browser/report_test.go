package browser

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/agency/evidence-site/generator/cli"
	"github.com/agency/evidence-site/generator/evidence"
)

// pdftext returns the text of page n of a PDF (0: all of it).
func pdftext(t *testing.T, file string, n int) string {
	t.Helper()
	args := []string{"-layout"}
	if n > 0 {
		args = append(args, "-f", strconv.Itoa(n), "-l", strconv.Itoa(n))
	}
	out, err := exec.Command("pdftotext", append(args, file, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext %s page %d: %v", file, n, err)
	}
	return string(out)
}

// The report opens from file:// on its own, and prints to an A4 PDF with
// the marking at the top and bottom of every page, "page N of M" at the
// foot and the build fingerprint on the cover.
func TestReportPDF(t *testing.T) {
	browserContext(t) // skips, or fails under CI, with no browser
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			msg := tool + " not found: install Debian's poppler-utils"
			if os.Getenv("CI") != "" {
				t.Fatal(msg + "; CI must have it (.ci/run installs it)")
			}
			t.Skip(msg)
		}
	}
	src := sampleConfig(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	const marking = "OFFICIAL-SENSITIVE"
	publish := "\n[publish]\nmarking = \"" + marking + "\"\nredact = [\"names\"]\n"
	if err := os.WriteFile(cfg, append(src, []byte(publish)...), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	if err := cli.Build(cli.Options{Project: "../..", Config: cfg, Evidence: "../../evidence", Out: out, PDF: true, ChromePath: chrome.path,
		Today: time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC)}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "report.pdf")
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: %s", info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	if pages < 10 || !strings.Contains(string(info), "841.") { // A4 is 595 x 842 points
		t.Errorf("report.pdf: %d pages, %s", pages, info)
	}
	for n := 1; n <= pages; n++ {
		text := pdftext(t, file, n)
		if c := strings.Count(text, marking); c < 2 {
			t.Errorf("page %d shows the marking %d times, want top and bottom", n, c)
		}
		if !strings.Contains(text, "page "+strconv.Itoa(n)+" of "+strconv.Itoa(pages)) {
			t.Errorf("page %d lacks \"page %d of %d\"", n, n, pages)
		}
	}
	var manifest struct{ Fingerprint string }
	raw, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err == nil {
		err = json.Unmarshal(raw, &manifest)
	}
	if err != nil || len(manifest.Fingerprint) != 64 {
		t.Fatalf("manifest.json: %v %q", err, manifest.Fingerprint)
	}
	cover := strings.Join(strings.Fields(pdftext(t, file, 1)), "")
	if !strings.Contains(cover, manifest.Fingerprint) {
		t.Errorf("the cover lacks the fingerprint %s", manifest.Fingerprint)
	}
	if !strings.Contains(string(raw), `"path": "report.pdf"`) {
		t.Error("manifest.json does not list report.pdf")
	}
	// The build is redacted: no staff member's or item owner's name is in
	// the PDF's text, which names NS-0001 by its Staff ID instead.
	text := strings.Join(strings.Fields(pdftext(t, file, 0)), " ")
	ev := evidence.Load(os.DirFS("../../evidence"), "evidence")
	var names []string
	for _, s := range ev.Staff {
		names = append(names, s.Name.Value)
	}
	for _, it := range ev.Documents.Items {
		name, _, _ := strings.Cut(it.Owner, ",")
		names = append(names, name)
	}
	for _, n := range names {
		if n = strings.Join(strings.Fields(n), " "); len(n) >= 3 && strings.Contains(text, n) {
			t.Errorf("report.pdf names %q", n)
		}
	}
	// The annual review's summary: what changed since the previous
	// review (the sample's previous build) and what falls due next.
	for _, want := range []string{"Since the previous review Since 2025-11-27", "Coming due", "deadlines in the 90 days after the as-of date"} {
		if !strings.Contains(text, want) {
			t.Errorf("report.pdf lacks %q", want)
		}
	}
	if !strings.Contains(text, "Redacted.") || len(names) < 10 {
		t.Errorf("report.pdf does not say it is redacted (%d names checked)", len(names))
	}
	// The report itself, from file://: no request off the disk, no error.
	tb := openTab(t)
	u := dirURL(out, "report.html")
	tb.expectURL(u)
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, tb, `document.querySelectorAll("article.para-report").length`); n < 100 {
		t.Errorf("report.html shows %d paragraphs", n)
	}
}
