package schedule

import (
	"errors"
	"io/fs"
	"os"
	"slices"
	"testing"
)

const sourcePath = "../../../shared/source/security-schedule.txt"

// openSource opens the source schedule, or skips the test where it is not
// present.
func openSource(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Open(sourcePath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("%s not present", sourcePath)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readSource(t *testing.T) *Source {
	t.Helper()
	src, err := ReadSource(sourcePath, openSource(t))
	if err != nil {
		t.Fatalf("ReadSource:\n%v", err)
	}
	return src
}

// TestSourceIDs checks the parser against the ids counted by hand.
func TestSourceIDs(t *testing.T) {
	ps, err := ParseSource(openSource(t))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range ps {
		got = append(got, p.ID)
	}
	for _, p := range diffIDs(got, expectedIDs(t)) {
		t.Error(p)
	}
}

// TestFidelity checks that every page of content/ renders to exactly the text
// of its paragraph in the source, and sits where the source puts it.
func TestFidelity(t *testing.T) {
	src := readSource(t)
	s := loadContent(t)

	var gotIDs, wantIDs []string
	for _, p := range s.Paragraphs {
		gotIDs = append(gotIDs, p.ID)
	}
	for _, p := range src.Paragraphs {
		wantIDs = append(wantIDs, p.ID)
	}
	if !slices.Equal(gotIDs, wantIDs) {
		for _, p := range diffIDs(gotIDs, wantIDs) {
			t.Error(p)
		}
		t.FailNow()
	}
	if got, want := plainBlocks(t, s.Intro), []string{src.Intro}; !slices.Equal(got, want) {
		t.Errorf("intro:\n got %q\nwant %q", got, want)
	}
	for i, sp := range src.Parts {
		if cp := s.Parts[i]; cp.ID != sp.ID || cp.Title != sp.Title || cp.Prefix != sp.Prefix {
			t.Errorf("part %d: content %+v, source %+v", i, cp, sp)
		}
	}
	for i, p := range s.Paragraphs {
		sp := src.Paragraphs[i]
		got, want := plainBlocks(t, p.Body), sourceBlocks(sp.Text)
		if !slices.Equal(got, want) {
			t.Errorf("%s (%s:%d): body differs from the source (line %d)\n got %q\nwant %q", p.ID, p.File, p.BodyLine, sp.Line, got, want)
		}
		if p.Number != sp.Number || p.Parent != sp.Parent || p.Depth != sp.Depth || p.Part != sp.Part {
			t.Errorf("%s: number %q parent %q depth %d part %s; source has %q %q %d %s",
				p.ID, p.Number, p.Parent, p.Depth, p.Part, sp.Number, sp.Parent, sp.Depth, sp.Part)
		}
		if !slices.Equal(p.Section, sp.Section) {
			t.Errorf("%s: section %v, source has %v", p.ID, p.Section, sp.Section)
		}
	}
}
