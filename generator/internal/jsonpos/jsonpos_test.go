package jsonpos

import "testing"

func TestAt(t *testing.T) {
	s := New("f.json", []byte("{\n  \"a\": [1,\n    2],\n  \"b\": \"x\"\n}"))
	var got []string
	for {
		pos := s.At()
		if _, err := s.Dec.Token(); err != nil {
			break
		}
		got = append(got, pos.String())
	}
	want := []string{"f.json:1:1", "f.json:2:3", "f.json:2:8", "f.json:2:9", "f.json:3:5", "f.json:3:6", "f.json:4:3", "f.json:4:8", "f.json:5:1"}
	if len(got) != len(want) {
		t.Fatalf("positions %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d at %s, want %s", i, got[i], want[i])
		}
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\ncd\n")
	for _, tt := range []struct{ off, line, col int }{{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {99, 3, 1}, {-1, 1, 1}} {
		if l, c := LineCol(data, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
