package clean

import (
	"os"
	"path/filepath"
	"testing"
)

// seedTexts returns the five seed articles.
func seedTexts(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(f)] = string(raw)
	}
	return out
}

// BenchmarkCleanText cleans the five seed articles; ns/op is per article.
func BenchmarkCleanText(b *testing.B) {
	var in []Input
	for _, s := range seedTexts(b) {
		in = append(in, Input{Text: s})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Clean(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanHTML cleans the hand-written test page; ns/op is per page.
func BenchmarkCleanHTML(b *testing.B) {
	in := Input{HTML: []byte(testPage)}
	for i := 0; i < b.N; i++ {
		if _, err := Clean(in); err != nil {
			b.Fatal(err)
		}
	}
}
