package quote

import (
	"testing"

	"github.com/parallax-news/parallax/internal/entity"
)

// BenchmarkExtract measures attribution extraction per article on
// polnear-dev.jsonl.
func BenchmarkExtract(b *testing.B) {
	docs := loadDocs(b, "polnear-dev.jsonl")
	if _, err := loadModel(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(docs[i%len(docs)].Text, entity.Extract(docs[i%len(docs)].Text))
	}
}
