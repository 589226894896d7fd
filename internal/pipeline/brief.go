package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

// SummaryWords is the length of each story's summary.
const SummaryWords = 100

// built is one story object ready to store, or the error building it.
type built struct {
	obj    *report.Story
	quotes []store.QuoteDoc
	err    error
}

// Briefs builds the story object of every story whose brief is missing or
// stale, and stores it with its quotes in the search index. Stories are
// analysed on all cores and stored by one writer.
func (p *Pipeline) Briefs(ctx context.Context) error {
	stale, err := p.Store.StaleBriefs(ctx, BriefVersion)
	if err != nil || len(stale) == 0 {
		return wrapErr("briefs", err)
	}
	want := make(map[string]bool, len(stale))
	for _, id := range stale {
		want[id] = true
	}
	all, err := p.Store.Stories(ctx)
	if err != nil {
		return wrapErr("briefs", err)
	}
	var stories []*store.Story
	for i := range all {
		if want[all[i].ID] {
			stories = append(stories, &all[i])
		}
	}
	reuse, err := p.Store.ReuseEdges(ctx)
	if err != nil {
		return wrapErr("briefs", err)
	}
	results := make([]chan built, len(stories))
	for i := range results {
		results[i] = make(chan built, 1)
	}
	next := make(chan int)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range p.workers() {
		wg.Go(func() {
			for i := range next {
				obj, quotes, err := p.buildStory(ctx, stories[i], reuse)
				results[i] <- built{obj: obj, quotes: quotes, err: err}
			}
		})
	}
	go func() {
		defer close(next)
		for i := range stories {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i, st := range stories {
		var b built
		select {
		case b = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if b.err != nil {
			return b.err
		}
		if err := p.saveStory(ctx, st.ID, b); err != nil {
			return err
		}
		p.progress(i+1, len(stories))
	}
	return nil
}

func (p *Pipeline) saveStory(ctx context.Context, id string, b built) error {
	data, err := json.Marshal(b.obj)
	if err != nil {
		return fmt.Errorf("pipeline: brief of %s: %w", id, err)
	}
	if err := p.Store.SaveBrief(ctx, id, data, BriefVersion); err != nil {
		return wrapErr("briefs", err)
	}
	return wrapErr("briefs", p.Store.IndexQuotes(ctx, id, b.quotes))
}

func (p *Pipeline) workers() int {
	if p.Workers > 0 {
		return p.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func wrapErr(stage string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("pipeline: %s: %w", stage, err)
}

// buildStory assembles one story object from its stored members.
func (p *Pipeline) buildStory(ctx context.Context, st *store.Story, reuse []store.Reuse) (*report.Story, []store.QuoteDoc, error) {
	ids := make([]string, len(st.Members))
	for i, m := range st.Members {
		ids[i] = m.ArticleID
	}
	arts, err := p.Store.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("pipeline: story %s: %w", st.ID, err)
	}
	sortByPublication(arts)
	obj := &report.Story{
		ID: st.ID, Title: st.Title, Storyline: st.Storyline,
		StorylineWhy: report.LineWhy{Score: st.LineScore, Reason: st.LineReason},
		Articles:     []string{}, Outlets: []string{}, Why: []report.Why{}, Reused: []report.Reused{},
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
	var storyReuse []store.Reuse
	for _, r := range reuse {
		if member[r.ArticleID] && member[r.FromID] {
			storyReuse = append(storyReuse, r)
			obj.Reused = append(obj.Reused, report.Reused{Article: r.ArticleID, From: r.FromID, Shared: r.Shared, Kind: r.Kind})
		}
	}
	an := analyzeStory(arts, storyReuse, SummaryWords)
	b := an.brief
	obj.Summary, obj.Facts, obj.Conflicts, obj.Sources = nonNil(b.Summary), nonNil(b.Facts), nonNil(b.Conflicts), nonNil(b.Sources)
	obj.Timeline, obj.Framing = nonNil(b.Timeline), nonNil(b.Framing)
	obj.Quotes, obj.Entities = nonNil(an.quotes), nonNil(an.entities)
	return obj, quoteDocs(an.quotes), nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
