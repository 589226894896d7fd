package dedup

import (
	"testing"

	"github.com/parallax-news/parallax/internal/text"
)

// BenchmarkIndexGVA adds the 6,186 GVA pages (file order, undated) to one
// index and reports the cost per article and what was found.
func BenchmarkIndexGVA(b *testing.B) {
	docs := loadGVA(b)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = text.Normalize(d.Text)
	}
	for b.Loop() {
		x := NewIndex(DefaultConfig())
		kinds := map[string]int{}
		for i, d := range docs {
			for _, r := range x.Add(Doc{ID: d.ID, Text: texts[i]}) {
				kinds[r.Kind]++
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(len(docs)), "ns/article")
		for k, n := range kinds {
			b.ReportMetric(float64(n), k+"-pairs")
		}
	}
}
