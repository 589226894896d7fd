package brief

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
)

// withStages fills in.Attributions from internal/quote and in.Reuse from
// internal/dedup, the way the pipeline is expected to: it is the adapter
// the lead's pipeline needs, written here to test the brief with the real
// stages.
func withStages(t testing.TB, in Input) Input {
	t.Helper()
	var docs []entity.DocMentions
	mentions := map[string][]entity.Mention{}
	for _, a := range in.Articles {
		ms := entity.Extract(a.Text)
		mentions[a.ID] = ms
		docs = append(docs, entity.DocMentions{ID: a.ID, Mentions: ms})
	}
	for _, e := range entity.Resolve(docs) {
		in.Entities = append(in.Entities, Entity{Name: e.Name, Kind: e.Type, Aliases: e.Aliases})
	}
	for _, a := range in.Articles {
		for _, at := range quote.Extract(a.Text, mentions[a.ID]) {
			in.Attributions = append(in.Attributions, Attribution{
				Article: a.ID, Speaker: at.Speaker, Kind: at.Kind,
				Source:  Span{at.Source.Start, at.Source.End},
				Cue:     Span{at.Cue.Start, at.Cue.End},
				Content: Span{at.Content.Start, at.Content.End},
			})
		}
	}
	order := make([]int, len(in.Articles))
	for i := range order {
		order[i] = i
	}
	// dedup wants publication order; undated articles go last
	sort.SliceStable(order, func(i, j int) bool {
		a, b := in.Articles[order[i]], in.Articles[order[j]]
		if a.HasDate() != b.HasDate() {
			return a.HasDate()
		}
		return a.Published.Before(b.Published)
	})
	x := dedup.NewIndex(dedup.DefaultConfig())
	for _, i := range order {
		a := in.Articles[i]
		for _, r := range x.Add(dedup.Doc{ID: a.ID, Text: a.Text, Outlet: a.Outlet, Published: a.Published}) {
			in.Reuse = append(in.Reuse, Reuse{Article: r.Article, From: r.From, Shared: max(r.SharedArticle, r.SharedFrom)})
		}
	}
	return in
}

// TestSeedStoryWithStages builds the seed story's brief with the quote
// and dedup stages' output and checks that it still shows what it must,
// and that the framing verbs now come from the quote stage's cues.
func TestSeedStoryWithStages(t *testing.T) {
	if err := quote.Ready(); err != nil {
		t.Skipf("quote model not usable: %v", err)
	}
	in := withStages(t, decemberStory(t))
	if len(in.Attributions) == 0 {
		t.Fatal("quote found no attributions in the seed story")
	}
	b := Build(in, Options{})
	perm, ok := factOf(b, "permission from anyone")
	if !ok || len(perm.Articles) < 3 || perm.Independent < 2 {
		t.Errorf("permission fact %+v", perm)
	}
	for _, fr := range b.Framing {
		total := 0
		for _, n := range fr.Verbs {
			total += n
		}
		if total == 0 {
			t.Errorf("%s: no attribution verbs from the quote stage's cues", fr.Outlet)
		}
		for _, term := range fr.Loaded {
			if term.Word == "baseless" || term.Word == "propaganda" {
				t.Errorf("%s charged with a quoted word: %+v", fr.Outlet, term)
			}
		}
		t.Logf("%s verbs %v classes %v labels %v", fr.Outlet, fr.Verbs, fr.VerbClasses, fr.Labels)
		if fr.Outlet == "The Moscow Times" && !slices.Contains(fr.Labels["William Burns"], "CIA chief") {
			t.Errorf("The Moscow Times labels %v, want William Burns: CIA chief (via the entity stage)", fr.Labels)
		}
	}
	for _, f := range b.Facts[:8] {
		t.Logf("%s [%d] %s", f.ID, f.Independent, f.Text)
	}
	for _, r := range in.Reuse {
		t.Logf("reuse %+v", r)
	}
	for _, e := range in.Entities {
		t.Logf("entity %+v", e)
	}
	for _, s := range b.Summary {
		if len(s.Articles) == 0 {
			t.Errorf("uncited %q", s.Text)
		}
		t.Logf("summary %v: %s", s.Articles, strings.TrimSpace(s.Text))
	}
}
