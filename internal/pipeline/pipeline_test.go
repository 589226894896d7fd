package pipeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

func newPipeline(t *testing.T) *Pipeline {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &Pipeline{Store: st}
}

// update clusters and briefs, then returns the output.
func update(t *testing.T, p *Pipeline) *report.Output {
	t.Helper()
	ctx := context.Background()
	if err := p.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	if err := p.Briefs(ctx); err != nil {
		t.Fatal(err)
	}
	out, err := p.Output(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSyndicatedCopyIsReuse ingests a seed and a copy of it that another
// outlet ran under its own URL with a new first paragraph: both are stored,
// they share a story, and the story's reuse graph links them.
func TestSyndicatedCopyIsReuse(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	if _, err := p.Ingest(ctx, []string{"../../examples/seeds/001_47faf601e63f5728.txt"}); err != nil {
		t.Fatal(err)
	}
	out := update(t, p)
	orig := out.Articles[0]
	copyText := "Tehran pushed back on Sunday against Washington's warnings, in a statement carried by state media.\n\n" + orig.Text
	if orig.Published == nil {
		t.Fatal("seed 001 has no publish date")
	}
	pub, err := time.Parse(time.DateOnly, *orig.Published)
	if err != nil {
		t.Fatal(err)
	}
	rec := ingest.Record{Source: "api", Format: ingest.FormatJSON, Text: copyText, Title: "Iran rebuffs US",
		URL: "https://copier.example/iran", Outlet: "Copier Daily", Published: pub}
	res, _, err := p.IngestRecords(ctx, []ingest.Record{rec})
	if err != nil || len(res) != 1 || !res[0].New {
		t.Fatalf("IngestRecords = %+v, %v", res, err)
	}
	out = update(t, p)
	if len(out.Articles) != 2 {
		t.Fatalf("%d articles, want 2", len(out.Articles))
	}
	if out.Articles[0].Story != out.Articles[1].Story {
		t.Errorf("the copy is not in the original's story: %s vs %s", out.Articles[0].Story, out.Articles[1].Story)
	}
	var edges []report.Reused
	for _, s := range out.Stories {
		edges = append(edges, s.Reused...)
	}
	if len(edges) != 1 || edges[0].Article != res[0].ID || edges[0].From != orig.ID || edges[0].Shared < 0.7 {
		b, _ := json.Marshal(edges)
		t.Errorf("reuse edges = %s; want the copy reusing most of its text from %s", b, orig.ID)
	}
}

// TestIngestRecordsOutcomes reports each record's fate in order.
func TestIngestRecordsOutcomes(t *testing.T) {
	ctx := context.Background()
	p := newPipeline(t)
	b, err := os.ReadFile("../../examples/seeds/003_dc604e7a5f4e5b23.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs := []ingest.Record{
		{Source: "a", Format: ingest.FormatText, Text: string(b)},
		{Source: "b", Format: ingest.FormatText, Text: "   "},
		{Source: "c", Format: ingest.FormatText, Text: string(b)},
	}
	res, st, err := p.IngestRecords(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].New || res[0].ID == "" {
		t.Errorf("record 0 = %+v, want new", res[0])
	}
	if res[1].Err == nil || !strings.Contains(res[1].Err.Error(), "no article text") {
		t.Errorf("record 1 = %+v, want an error", res[1])
	}
	if res[2].New || res[2].ID != res[0].ID {
		t.Errorf("record 2 = %+v, want the existing %s", res[2], res[0].ID)
	}
	if st.Added != 1 || st.Duplicates != 1 || st.Failed != 1 {
		t.Errorf("stats = %+v", st)
	}
}
