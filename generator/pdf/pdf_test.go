package pdf

import (
	"strings"
	"testing"
	"time"
)

func TestFixDates(t *testing.T) {
	date := time.Date(2026, time.November, 27, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ in, want string }{
		{"<</CreationDate (D:20261130164500+13'00') /ModDate (D:20261130164501-08'00')>>",
			"<</CreationDate (D:20261127000000+00'00') /ModDate (D:20261127000000+00'00')>>"},
		{"/CreationDate (D:20261130164500Z)", "/CreationDate (D:20261127000000Z)"},
		{"/Title (D:20261130164500 is not a date field)", "/Title (D:20261130164500 is not a date field)"},
	} {
		got := string(fixDates([]byte(tt.in), date))
		if got != tt.want || len(got) != len(tt.in) {
			t.Errorf("fixDates(%q) = %q, want %q (same length)", tt.in, got, tt.want)
		}
	}
}

func TestHeaderAndFooterEscape(t *testing.T) {
	h := header(`OFFICIAL <b>&</b>`)
	f := footer(`OFFICIAL <b>&</b>`, `Contract <i> · as of 2026-11-27`)
	for _, s := range []string{h, f} {
		if strings.Contains(s, "<b>") || strings.Contains(s, "<i>") || !strings.Contains(s, "&lt;b&gt;&amp;") {
			t.Errorf("not escaped: %s", s)
		}
	}
	if !strings.Contains(f, `<span class="pageNumber"></span> of <span class="totalPages"></span>`) {
		t.Errorf("footer lacks the page numbers: %s", f)
	}
	if header("") != "<span></span>" {
		t.Error("an unmarked header is not empty")
	}
}

func TestFindBrowser(t *testing.T) {
	if got := FindBrowser(t.TempDir() + "/no-such-browser"); got != "" {
		t.Errorf("a CHROME_PATH that names nothing found %q", got)
	}
}
