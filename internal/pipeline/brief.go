package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/text"
)

// Briefs builds the story object of every story whose brief is missing or
// stale, and stores it.
func (p *Pipeline) Briefs(ctx context.Context) error {
	stale, err := p.Store.StaleBriefs(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: briefs: %w", err)
	}
	if len(stale) == 0 {
		return nil
	}
	want := make(map[string]bool, len(stale))
	for _, id := range stale {
		want[id] = true
	}
	stories, err := p.Store.Stories(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: briefs: %w", err)
	}
	reuse, err := p.Store.ReuseEdges(ctx)
	if err != nil {
		return fmt.Errorf("pipeline: briefs: %w", err)
	}
	for i := range stories {
		st := &stories[i]
		if !want[st.ID] {
			continue
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		obj, err := p.buildStory(ctx, st, reuse)
		if err != nil {
			return err
		}
		b, err := json.Marshal(obj)
		if err != nil {
			return fmt.Errorf("pipeline: brief of %s: %w", st.ID, err)
		}
		if err := p.Store.SaveBrief(ctx, st.ID, b); err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
	}
	return nil
}

// buildStory assembles one story object from its stored members.
func (p *Pipeline) buildStory(ctx context.Context, st *store.Story, reuse []store.Reuse) (*report.Story, error) {
	ids := make([]string, len(st.Members))
	for i, m := range st.Members {
		ids[i] = m.ArticleID
	}
	arts, err := p.Store.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("pipeline: story %s: %w", st.ID, err)
	}
	sortByPublication(arts)
	obj := &report.Story{
		ID: st.ID, Title: st.Title, Storyline: st.Storyline,
		Articles: []string{}, Outlets: []string{}, Why: []report.Why{}, Reused: []report.Reused{},
		Summary: []report.Sentence{}, Facts: []any{}, Quotes: []any{}, Entities: []any{}, Timeline: []any{}, Framing: []any{},
	}
	obj.SetDates(st.FirstSeen, st.LastSeen)
	member := make(map[string]bool, len(arts))
	seenOutlet := make(map[string]bool)
	for _, a := range arts {
		obj.Articles = append(obj.Articles, a.ID)
		member[a.ID] = true
		if a.Outlet != "" && !seenOutlet[a.Outlet] {
			seenOutlet[a.Outlet] = true
			obj.Outlets = append(obj.Outlets, a.Outlet)
		}
	}
	for _, m := range st.Members {
		obj.Why = append(obj.Why, report.Why{Article: m.ArticleID, Score: m.Score, Reason: m.Reason})
	}
	for _, r := range reuse {
		if member[r.ArticleID] && member[r.FromID] {
			obj.Reused = append(obj.Reused, report.Reused{Article: r.ArticleID, From: r.FromID, Shared: r.Shared, Kind: r.Kind})
		}
	}
	obj.Summary = leadSummary(arts)
	return obj, nil
}

// leadSummary is the first, simple summary: the lead sentence of each
// article, citing it.
func leadSummary(arts []article.Article) []report.Sentence {
	out := []report.Sentence{}
	for _, a := range arts {
		if s := text.Sentences(a.Text); len(s) > 0 {
			out = append(out, report.Sentence{Text: s[0].Text, Articles: []string{a.ID}})
		}
	}
	return out
}

// sortByPublication orders articles by publish date, undated ones last, in
// ingest order within equal dates.
func sortByPublication(arts []article.Article) {
	sort.SliceStable(arts, func(i, j int) bool {
		a, b := arts[i], arts[j]
		if a.HasDate() != b.HasDate() {
			return a.HasDate()
		}
		return a.Published.Before(b.Published)
	})
}

// Output returns every stored article and story, with the stories' stored
// briefs. Run Briefs first to bring them up to date.
func (p *Pipeline) Output(ctx context.Context) (*report.Output, error) {
	stories, err := p.Store.Stories(ctx)
	if err != nil {
		return nil, fmt.Errorf("pipeline: output: %w", err)
	}
	out := &report.Output{Articles: []report.Article{}, Stories: []report.Story{}}
	storyOf := make(map[string]string)
	for _, st := range stories {
		b, err := p.Store.Brief(ctx, st.ID)
		if err != nil {
			return nil, fmt.Errorf("pipeline: output: %w", err)
		}
		var obj report.Story
		if err := json.Unmarshal(b, &obj); err != nil {
			return nil, fmt.Errorf("pipeline: output: story %s: %w", st.ID, err)
		}
		for _, id := range obj.Articles {
			storyOf[id] = obj.ID
		}
		out.Stories = append(out.Stories, obj)
	}
	err = p.Store.Articles(ctx, func(a article.Article) error {
		out.Articles = append(out.Articles, report.NewArticle(&a, storyOf[a.ID]))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("pipeline: output: %w", err)
	}
	return out, nil
}
