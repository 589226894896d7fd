package pipeline

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/article"
)

func TestStreamOrder(t *testing.T) {
	d := func(m time.Month, day int) time.Time { return time.Date(2022, m, day, 0, 0, 0, 0, time.UTC) }
	var zero time.Time
	tests := []struct {
		name      string
		when      []time.Time
		wantOrder []int
		wantEff   []time.Time
	}{
		{"no dates keep ingest order", []time.Time{zero, zero, zero}, []int{0, 1, 2}, []time.Time{zero, zero, zero}},
		{"dated sort by date", []time.Time{d(12, 20), d(12, 18), d(7, 19)}, []int{2, 1, 0}, []time.Time{d(12, 20), d(12, 18), d(7, 19)}},
		// The seeds: 000 undated, 001 Dec 18, 002 Dec 20, 003 undated, 004
		// dated by its caption to July 19. 000 arrives with 001, 003 with 002.
		{"undated take their neighbours' dates",
			[]time.Time{zero, d(12, 18), d(12, 20), zero, d(7, 19)},
			[]int{4, 0, 1, 2, 3},
			[]time.Time{d(12, 18), d(12, 18), d(12, 20), d(12, 20), d(7, 19)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			order, eff := streamOrder(tt.when)
			if diff := cmp.Diff(tt.wantOrder, order); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantEff, eff); diff != "" {
				t.Errorf("dates (-want +got):\n%s", diff)
			}
		})
	}
}

func TestStreamDate(t *testing.T) {
	pub := time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a    article.Article
		want time.Time
	}{
		{"publish date wins", article.Article{Published: pub, Text: "On July 19, 2022, they met."}, pub},
		{"latest full date in text or captions", article.Article{
			Text:   "The deal dates from March 3, 2021. Talks resumed.",
			Asides: []article.Aside{{Kind: article.AsideCaption, Text: "Putin and Raisi in Tehran, Tuesday, July 19, 2022."}},
		}, time.Date(2022, 7, 19, 0, 0, 0, 0, time.UTC)},
		{"relative and partial dates do not count", article.Article{Text: "On Friday and in October 2022, and on Dec. 9."}, time.Time{}},
		{"nothing", article.Article{Text: "No dates here."}, time.Time{}},
	}
	for _, tt := range tests {
		if got := streamDate(&tt.a); !got.Equal(tt.want) {
			t.Errorf("%s: streamDate = %v, want %v", tt.name, got, tt.want)
		}
	}
}
