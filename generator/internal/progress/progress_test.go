package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the display's timer goroutine may write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// shown starts a display on b with no delay and waits until it is shown.
func shown(t *testing.T, b *syncBuffer) *Display {
	t.Helper()
	d := start(b, 0)
	deadline := time.Now().Add(5 * time.Second)
	for b.String() == "" && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if b.String() == "" {
		t.Fatal("the display was never shown")
	}
	return d
}

func TestNotATerminalIsSilent(t *testing.T) {
	var b bytes.Buffer
	if d := New(&b); d != nil {
		t.Fatal("a display on a buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := New(f)
	if d != nil {
		t.Fatal("a display on a file")
	}
	// A nil display is safe to use.
	d.Stage("reading", 10)
	d.Add(3)
	d.End()
}

func TestShownAfterTheDelay(t *testing.T) {
	var b syncBuffer
	d := shown(t, &b)
	d.Stage("writing pages", 40)
	d.Add(39)
	time.Sleep(150 * time.Millisecond) // past the throttle
	d.Add(0)
	d.End()
	out := b.String()
	if !strings.Contains(out, "writing pages") || !strings.Contains(out, "39/40") {
		t.Errorf("the line does not show the stage and its count: %q", out)
	}
}

func TestQuickBuildShowsNothing(t *testing.T) {
	var b syncBuffer
	d := start(&b, time.Hour)
	d.Stage("reading", 1)
	d.Add(1)
	d.End()
	time.Sleep(10 * time.Millisecond)
	if b.String() != "" {
		t.Errorf("a build shorter than the delay wrote %q", b.String())
	}
}

// A new stage shows at once, however soon after the last line.
func TestStageShowsAtOnce(t *testing.T) {
	var b syncBuffer
	d := shown(t, &b)
	d.Stage("reading", 3)
	d.Add(1)
	d.Stage("judging 133 paragraphs", 0)
	d.End()
	if !strings.Contains(b.String(), "judging 133 paragraphs") {
		t.Errorf("the judging stage was never shown: %q", b.String())
	}
}
