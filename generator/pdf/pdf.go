// Package pdf prints the report to PDF with headless Chromium, driven by
// chromedp: A4, the protective marking at the top and bottom of every
// page, the contract and as-of date and "page N of M" at the foot, and an
// outline (bookmarks) of the report's headings.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Install says how to get a browser, for a build asked for a PDF.
const Install = "install Debian's chromium (apt-get install -y chromium), or set CHROME_PATH to a Chromium or Chrome"

// ErrNoBrowser is a PDF asked for with no browser to print it.
var ErrNoBrowser = errors.New("no Chromium found to print report.pdf: " + Install)

// FindBrowser returns the browser to print with: chromePath if it is an
// executable, else the first of chromium, chromium-browser and
// google-chrome on the PATH; "" if none.
func FindBrowser(chromePath string) string {
	if chromePath != "" {
		if p, err := exec.LookPath(chromePath); err == nil {
			return p
		}
		return ""
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Options are what a printed report shows besides its page.
type Options struct {
	Browser   string // the browser's path
	NoSandbox bool   // run the browser without its sandbox (needed as root)
	Marking   string // the protective marking, "" for none
	Footer    string // the contract and as-of date, say
	// Date stands for the PDF's creation and modification dates, so that
	// the same report prints to the same bytes.
	Date time.Time
}

// Print prints the page at path (report.html) to PDF.
func Print(ctx context.Context, path string, o Options) ([]byte, error) {
	if o.Browser == "" {
		return nil, ErrNoBrowser
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(o.Browser),
		chromedp.Flag("headless", "new"),
		chromedp.DisableGPU,
		chromedp.CombinedOutput(&out),
	)
	if o.NoSandbox {
		opts = append(opts, chromedp.NoSandbox)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	tab, cancelTab := chromedp.NewContext(alloc)
	defer cancelTab()
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	// The header and footer carry the marking; the page's own copies of
	// it, fixed for printing from a browser, would stand twice.
	if err := chromedp.Do(tab, chromedp.Navigate(u),
		chromedp.Evaluate[chromedp.Void](`document.body.classList.add("pdf")`)); err != nil {
		return nil, fmt.Errorf("opening %s in %s: %w\n%s", path, o.Browser, err, out.String())
	}
	yes := true
	margin := 0.55 // inches: room for the header and footer
	res, err := chromedp.Call(tab, page.PrintToPDF, page.PrintToPDFParams{
		PaperWidth: 8.27, PaperHeight: 11.69, // A4
		MarginTop: &margin, MarginBottom: &margin,
		PrintBackground:         &yes,
		PreferCSSPageSize:       &yes, // the matrix and appendix sheets are landscape
		DisplayHeaderFooter:     &yes,
		HeaderTemplate:          header(o.Marking),
		FooterTemplate:          footer(o.Marking, o.Footer),
		GenerateDocumentOutline: &yes,
		GenerateTaggedPDF:       &yes,
	})
	if err != nil {
		return nil, fmt.Errorf("printing %s: %w\n%s", path, err, out.String())
	}
	return fixDates(res.Data, o.Date), nil
}

const band = `<div style="font: 8px sans-serif; width: 100%%; text-align: center; color: #000;">%s</div>`

func header(marking string) string {
	if marking == "" {
		return "<span></span>"
	}
	return fmt.Sprintf(band, "<strong>"+html.EscapeString(marking)+"</strong>")
}

func footer(marking, text string) string {
	line := html.EscapeString(text) + ` · page <span class="pageNumber"></span> of <span class="totalPages"></span>`
	if marking != "" {
		line = "<strong>" + html.EscapeString(marking) + "</strong><br>" + line
	}
	return fmt.Sprintf(band, line)
}

// pdfDate is a PDF date as Chromium writes its creation and modification
// times: D:YYYYMMDDHHmmSS and the machine's zone.
var pdfDate = regexp.MustCompile(`/(CreationDate|ModDate) ?\(D:(\d{14})([^)]*)\)`)

// fixDates replaces the PDF's creation and modification times, the clock
// and zone at printing, by date in UTC, keeping each string's length so
// that every offset in the file stays right.
func fixDates(data []byte, date time.Time) []byte {
	return pdfDate.ReplaceAllFunc(data, func(m []byte) []byte {
		sub := pdfDate.FindSubmatchIndex(m)
		out := append([]byte(nil), m...)
		copy(out[sub[4]:sub[5]], date.UTC().Format("20060102150405"))
		zone := out[sub[6]:sub[7]]
		switch len(zone) {
		case len("+00'00'"):
			copy(zone, "+00'00'")
		case len("+00'00"):
			copy(zone, "+00'00")
		case len("Z"):
			copy(zone, "Z")
		}
		return out
	})
}
