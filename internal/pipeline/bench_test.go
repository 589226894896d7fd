package pipeline

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/store"
)

// BenchmarkIngestGVA ingests the GVA corpus into a fresh database: read,
// parse, clean and store, without clustering. It reports articles/s.
func BenchmarkIngestGVA(b *testing.B) {
	gvaPath := dataset.Require(b, "clustering/gva_semeval2018t5.jsonl")
	ctx := context.Background()
	var n int
	for i := 0; b.Loop(); i++ {
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		stats, err := (&Pipeline{Store: st}).Ingest(ctx, []string{gvaPath})
		if err != nil {
			b.Fatal(err)
		}
		n += stats.Added
		st.Close()
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
