package schedule

import (
	"bytes"
	"os"
	"testing"
)

func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(contentDir)
	for b.Loop() {
		if _, err := Load(fsys, sources); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseSource(b *testing.B) {
	src, err := os.ReadFile(sourcePath)
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := ParseSource(bytes.NewReader(src)); err != nil {
			b.Fatal(err)
		}
	}
}
