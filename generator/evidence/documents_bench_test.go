package evidence

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// BenchmarkLoadDocuments reads a TOML file of n evidence items, each with a
// misspelt key, so that every item's unknown key must be found on its line.
// Compare the sizes: the time should grow in proportion to n.
func BenchmarkLoadDocuments(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		var src strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&src, "[[evidence]]\nid = \"EV-%05d\"\ntitle = \"Item %d\"\nowner = \"CISO\"\ndate = 2026-01-%02d\nparagraphs = [\"B.2.6\"]\ntitel = \"typo\"\n\n", i, i, i%28+1)
		}
		fsys := fstest.MapFS{"items.toml": {Data: []byte(src.String())}}
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				docs := loadDocuments(fsys, "evidence")
				if len(docs.Items) != n || len(docs.Problems) != n {
					b.Fatalf("%d items, %d problems", len(docs.Items), len(docs.Problems))
				}
			}
		})
	}
}
