package previous

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever the files hold, Parse never panics; an error names the file
// of every problem, and a build read keeps only what it checked, which
// compares with itself as unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(goodCoverage), []byte(goodGaps))
	f.Add([]byte(goodCoverage), []byte(goodGaps[:len(goodGaps)/2]))
	f.Add([]byte(`{"as_of":"2025-11-27","form":"B","paragraphs":[{"id":"B.1","status":"gap","evidence":[{"source":"<x>"}]}]}`),
		[]byte(`{"as_of":"2025-11-27","form":"B","gaps":[{"id":"F-0123456789ab","paragraph":"","kind":"note","severity":"low","message":"<script>"}]}`))
	f.Add([]byte(`[[[[[[[[[[]]]]]]]]]]`), []byte(`{"gaps":{"gaps":[]},"as_of":1e999}`))
	f.Add([]byte(`{"paragraphs":[null,{},[],"x",{"id":null,"evidence":[null,1,{"source":""}]}]}`), []byte("\xff\xfe"))
	f.Fuzz(func(t *testing.T, coverage, gaps []byte) {
		b, err := Parse("c/coverage.json", coverage, "c/gaps.json", gaps)
		if err != nil {
			for line := range strings.SplitSeq(err.Error(), "\n") {
				if !strings.HasPrefix(line, "c/coverage.json") && !strings.HasPrefix(line, "c/gaps.json") && !strings.HasPrefix(line, "stopped after") {
					t.Fatalf("a problem that names no file: %q", line)
				}
			}
			return
		}
		for _, p := range b.Paragraphs {
			if !paragraphID.MatchString(p.ID) || utf8.RuneCountInString(p.Heading) > MaxTitle || len(p.Sources) > MaxSources {
				t.Fatalf("kept an unchecked paragraph %+v", p)
			}
		}
		for _, f := range b.Findings {
			if !findingID.MatchString(f.ID) || utf8.RuneCountInString(f.Subject) > MaxSubject || utf8.RuneCountInString(f.Message) > MaxMessage {
				t.Fatalf("kept an unchecked finding %+v", f)
			}
		}
		c := Compare(b, b)
		if len(c.Paragraphs)+len(c.New)+len(c.Resolved)+len(c.SourcesAdded)+len(c.SourcesGone) > 0 || len(c.Open) != len(b.Findings) {
			t.Fatalf("a build differs from itself: %s", dump(c))
		}
	})
}
