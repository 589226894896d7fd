package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/dedup"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/story"
)

// Cluster groups every stored article into stories and storylines with the
// streaming engine and finds text reuse between articles, replaying the
// archive in publication order, and stores the result (briefs of stories
// whose membership changed become stale).
func (p *Pipeline) Cluster(ctx context.Context) error {
	var arts []article.Article
	if err := p.Store.Articles(ctx, func(a article.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		return fmt.Errorf("pipeline: cluster: %w", err)
	}
	when := make([]time.Time, len(arts))
	for i := range arts {
		when[i] = streamDate(&arts[i])
	}
	order, eff := streamOrder(when)
	docs := p.featurize(arts, eff, order)

	cfg := story.DefaultConfig()
	cfg.KeepClosed = true
	eng := story.New(cfg)
	reuseIdx := dedup.NewIndex(dedup.DefaultConfig())
	var reuse []store.Reuse
	for _, d := range docs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		eng.Add(d)
		for _, r := range reuseIdx.Add(dedup.Doc{ID: d.ID, Text: d.Text, Outlet: d.Outlet, Published: d.Published}) {
			reuse = append(reuse, storeReuse(r))
		}
	}
	eng.Regroup() // the storylines changed since the engine last regrouped them
	stories := storeStories(eng, arts)
	if err := p.Store.ReplaceStories(ctx, stories, reuse, ClusterVersion); err != nil {
		return fmt.Errorf("pipeline: cluster: %w", err)
	}
	return nil
}

// streamOrder returns the indexes of articles (given in ingest order) in
// the order the engine must see them, and the date each enters the stream
// at. when holds each article's own date, zero when unknown. An undated
// article is taken to arrive with the articles ingested around it: it
// takes the date of the nearest dated article ingested before it, or,
// when none was, after it. With no dates at all, the order is the ingest
// order and every date stays zero.
func streamOrder(when []time.Time) (order []int, eff []time.Time) {
	eff = make([]time.Time, len(when))
	var last time.Time
	for i, t := range when {
		if !t.IsZero() {
			last = t
		}
		eff[i] = last
	}
	var next time.Time
	for i := len(when) - 1; i >= 0 && eff[i].IsZero(); i-- {
		if !when[i].IsZero() {
			next = when[i]
		}
		eff[i] = next
	}
	for i := len(when) - 1; i >= 0; i-- {
		if !when[i].IsZero() {
			next = when[i]
		}
		if eff[i].IsZero() {
			eff[i] = next
		}
	}
	order = make([]int, len(when))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return eff[order[i]].Before(eff[order[j]]) })
	return order, eff
}

// streamDate is the date at which an article enters the stream: its publish
// date, or for an undated article the latest full date (day, month and
// year) its text or captions state, which it cannot precede — the
// photo of "Tuesday, July 19, 2022" dates a report of that visit. It is
// zero when neither is known. The estimate only places the article in
// time for grouping; its publish date stays unknown.
func streamDate(a *article.Article) time.Time {
	if a.HasDate() {
		return a.Published
	}
	var latest time.Time
	for _, s := range append([]string{a.Text}, a.Captions()...) {
		for _, m := range dates.Find(s, time.Time{}) {
			if m.Resolved && !m.Relative && m.Date.Precision == dates.Day && m.Date.Start.After(latest) {
				latest = m.Date.Start
			}
		}
	}
	return latest
}

// featurize builds the engine's documents in stream order, dated by when,
// computing their features on all cores.
func (p *Pipeline) featurize(arts []article.Article, when []time.Time, order []int) []story.Doc {
	docs := make([]story.Doc, len(order))
	rep := story.NewRepeats()
	for k, i := range order {
		a := &arts[i]
		docs[k] = rep.Strip(story.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Outlet: a.Outlet, Published: when[i], Captions: a.Captions()})
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			f := story.NewFeaturizer()
			for k := range next {
				feat := f.Featurize(docs[k])
				docs[k].Features = &feat
			}
		})
	}
	for k := range docs {
		next <- k
	}
	close(next)
	wg.Wait()
	return docs
}

// reuseDetail is what the store keeps of a reuse edge beyond its numbers.
type reuseDetail struct {
	Passages  []dedup.Passage `json:"passages"`
	Direction string          `json:"direction"`
	Score     float64         `json:"score"`
	Reason    string          `json:"reason"`
}

func storeReuse(r dedup.Reuse) store.Reuse {
	detail, _ := json.Marshal(reuseDetail{Passages: r.Passages, Direction: r.Direction, Score: r.Score, Reason: r.Reason})
	return store.Reuse{ArticleID: r.Article, FromID: r.From, Shared: r.SharedArticle, SharedFrom: r.SharedFrom,
		Kind: r.Kind, Detail: string(detail)}
}

// storeStories converts the engine's stories for the store. A story's
// first and last dates are its members' publish dates: dates the engine
// estimated for undated articles only placed them in the stream.
func storeStories(eng *story.Engine, arts []article.Article) []store.Story {
	byID := make(map[string]*article.Article, len(arts))
	for i := range arts {
		byID[arts[i].ID] = &arts[i]
	}
	var out []store.Story
	for _, s := range eng.Stories() {
		st := store.Story{ID: s.ID, Storyline: s.Storyline, LineScore: s.LineWhy.Score, LineReason: s.LineWhy.Reason}
		for _, m := range s.Why {
			st.Members = append(st.Members, store.Member{ArticleID: m.Article, Score: m.Score, Reason: m.Reason})
			a := byID[m.Article]
			if a == nil {
				continue
			}
			if st.Title == "" {
				st.Title = a.Title
			}
			if a.HasDate() && (st.FirstSeen.IsZero() || a.Published.Before(st.FirstSeen)) {
				st.FirstSeen = a.Published
			}
			if a.Published.After(st.LastSeen) {
				st.LastSeen = a.Published
			}
		}
		out = append(out, st)
	}
	return out
}
