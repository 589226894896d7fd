package feed

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// Defaults of the Poller's settings.
const (
	DefaultInterval   = 15 * time.Minute
	DefaultRetryBase  = 2 * time.Minute
	DefaultMaxBackoff = 12 * time.Hour
	DefaultMaxItems   = 50
	DefaultWorkers    = 4
)

// maxIdle is the longest Run sleeps without looking at the store again (a
// source may have been added by another process).
const maxIdle = time.Minute

const (
	feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
	pageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// Poller polls the store's sources and ingests their new items through the
// pipeline. Set the exported fields before the first call; the zero values
// of the optional ones take the defaults. A Poller is safe for concurrent
// use, but one Run (or one PollDue at a time) per store is what it is made
// for.
type Poller struct {
	Store    *store.Store
	Fetcher  *fetch.Fetcher
	Pipeline *pipeline.Pipeline // cleans and stores the items, unless Ingest is set

	// Ingest, when set, is used instead of Pipeline.IngestRecords: e.g. a
	// server's ingest, which counts the articles and schedules the story
	// update itself.
	Ingest func(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error)
	// OnNew is called each time a source's poll has stored added > 0 new
	// articles (a few at a time), so they reach their stories at once (a
	// debounced update); nil ignores it. It may be called from several
	// goroutines.
	OnNew func(ctx context.Context, added int)
	// Report is told what each poll did; nil ignores it. It may be called
	// from several goroutines.
	Report func(Result)

	Interval   time.Duration // between polls of a healthy source
	RetryBase  time.Duration // first wait after a failed poll, doubled with each failure
	MaxBackoff time.Duration // longest wait after failures
	MaxItems   int           // most new items taken from one feed per poll; the rest wait
	Workers    int           // sources polled at once

	Now  func() time.Time // nil: time.Now
	Rand func() float64   // jitter in [0, 1); nil: math/rand/v2

	once sync.Once
	wake chan struct{}
}

// Result is what one poll of one source did.
type Result struct {
	Source      store.Source // as it was before the poll
	NotModified bool         // the feed answered 304: nothing else was fetched
	Items       int          // items in the feed
	New         int          // items not seen before
	Added       int          // new articles stored
	Fallback    int          // of those, made from the feed's own text
	Deferred    int          // new items left for the next poll
	Skipped     int          // new items that gave no article and will not be tried again
	Problems    []string     // items not used (or not yet), each with its reason
	Notes       []string     // decisions on items that were used (the feed's text stood in for the page)
	Err         error        // the poll failed (the feed could not be fetched or read)
	Next        time.Time    // when the source is due again
}

// String sums up the result on one line.
func (r Result) String() string {
	switch {
	case r.Err != nil:
		return fmt.Sprintf("%s: failed (%d in a row): %v; next poll %s", r.Source.URL, r.Source.Failures+1, r.Err, r.Next.Format(time.RFC3339))
	case r.NotModified:
		return fmt.Sprintf("%s: not modified", r.Source.URL)
	}
	s := fmt.Sprintf("%s: %d items, %d new, %d articles added", r.Source.URL, r.Items, r.New, r.Added)
	if r.Fallback > 0 {
		s += fmt.Sprintf(" (%d from the feed's text)", r.Fallback)
	}
	if r.Deferred > 0 {
		s += fmt.Sprintf(", %d left for the next poll", r.Deferred)
	}
	if r.Skipped > 0 {
		s += fmt.Sprintf(", %d unusable", r.Skipped)
	}
	return s
}

func (p *Poller) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func (p *Poller) rand() float64 {
	if p.Rand != nil {
		return p.Rand()
	}
	return rand.Float64()
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

func (p *Poller) wakeC() chan struct{} {
	p.once.Do(func() { p.wake = make(chan struct{}, 1) })
	return p.wake
}

// Wake makes Run look at the store now rather than at its next planned
// time: call it after adding a source.
func (p *Poller) Wake() {
	select {
	case p.wakeC() <- struct{}{}:
	default:
	}
}

// Run polls the sources as they come due until ctx is done, then returns
// nil. Errors of single polls go to Report; a store that cannot be read is
// reported (as a Result without Source) and tried again a little later.
func (p *Poller) Run(ctx context.Context) error {
	for {
		if _, err := p.PollDue(ctx); err != nil && ctx.Err() == nil {
			p.report(Result{Err: err})
		}
		wait := maxIdle
		if next, ok, err := p.Store.NextPoll(ctx); err == nil && ok {
			wait = min(max(next.Sub(p.now()), time.Second), maxIdle)
		}
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil
		case <-p.wakeC():
			timer.Stop()
		case <-timer.C:
		}
	}
}

// PollDue polls every source that is due, Workers at a time, and returns
// the results in the order the sources were due.
func (p *Poller) PollDue(ctx context.Context) ([]Result, error) {
	due, err := p.Store.DueSources(ctx, p.now())
	if err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	return p.Poll(ctx, due), nil
}

// Poll polls the given sources now, due or not, Workers at a time.
func (p *Poller) Poll(ctx context.Context, srcs []store.Source) []Result {
	out := make([]Result, len(srcs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(orDefault(p.Workers, DefaultWorkers), len(srcs)) {
		wg.Go(func() {
			for i := range next {
				out[i] = p.pollSource(ctx, srcs[i])
				p.report(out[i])
			}
		})
	}
	for i := range srcs {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
	return out
}

func (p *Poller) report(r Result) {
	if p.Report != nil {
		p.Report(r)
	}
}

// pollSource polls one source: the feed with a conditional GET, then the
// pages of its new items, which go through the pipeline.
func (p *Poller) pollSource(ctx context.Context, src store.Source) Result {
	res := Result{Source: src}
	if ctx.Err() != nil {
		res.Err = ctx.Err()
		return res
	}
	now := p.now()
	resp, err := p.Fetcher.Get(ctx, fetch.Request{URL: src.URL, ETag: src.ETag, LastModified: src.LastModified, Accept: feedAccept})
	var f Feed
	if err == nil && !resp.NotModified {
		f, err = Parse(resp.Body, resp.URL)
	}
	if err != nil {
		return p.fail(ctx, res, now, err)
	}
	etag, lastMod := src.ETag, src.LastModified
	if resp.NotModified {
		res.NotModified = true
	} else {
		etag, lastMod = resp.ETag, resp.LastModified
		res.Items = len(f.Items)
		if err := p.takeItems(ctx, src, resp.URL, f.Items, &res); err != nil {
			return p.fail(ctx, res, now, err)
		}
		if res.Deferred > 0 {
			// Items were left: fetch the whole feed next time, even if it
			// has not changed.
			etag, lastMod = "", ""
		}
	}
	interval := orDefault(p.Interval, DefaultInterval)
	res.Next = NextPoll(now, 0, 0, interval, 0, 0, p.rand())
	err = p.Store.RecordPoll(ctx, src.ID, store.Poll{
		Polled: now, Next: res.Next, ETag: clip(etag, 1000), LastModified: clip(lastMod, 200), Title: f.Title,
	})
	if err != nil {
		res.Err = fmt.Errorf("feed: %w", err)
	}
	return res
}

// fail records a failed poll and schedules the source's retry.
func (p *Poller) fail(ctx context.Context, res Result, now time.Time, err error) Result {
	res.Err = err
	if ctx.Err() != nil {
		return res // stopped, not failed: nothing to record
	}
	src := res.Source
	var retryAfter time.Duration
	if se := (*fetch.StatusError)(nil); errors.As(err, &se) {
		retryAfter = se.RetryAfter
	}
	failures := src.Failures + 1
	res.Next = NextPoll(now, failures, retryAfter, 0,
		orDefault(p.RetryBase, DefaultRetryBase), orDefault(p.MaxBackoff, DefaultMaxBackoff), p.rand())
	serr := p.Store.RecordPoll(ctx, src.ID, store.Poll{
		Polled: now, Next: res.Next, ETag: src.ETag, LastModified: src.LastModified,
		Failures: failures, Error: clip(err.Error(), 1000),
	})
	if serr != nil {
		res.Err = errors.Join(err, fmt.Errorf("feed: %w", serr))
	}
	return res
}

// candidate is a new item on its way to the pipeline.
type candidate struct {
	item     Item
	rec      ingest.Record  // the page, or the fallback
	fallback *ingest.Record // the item's own text, when rec is the page and it has enough
	usedFB   bool           // rec is the fallback
}

// takeItems fetches and ingests the feed's new items and records them as
// seen. It returns an error only when the store or the pipeline fails.
func (p *Poller) takeItems(ctx context.Context, src store.Source, feedURL string, items []Item, res *Result) error {
	refs := make([]store.SourceItem, len(items))
	for i, it := range items {
		refs[i] = store.SourceItem{GUID: clip(it.Key(), 2000), Link: it.Link}
	}
	seen, err := p.Store.SeenItems(ctx, src.ID, refs)
	if err != nil {
		return err
	}
	var record []store.SourceItem
	for i, s := range seen {
		if s.Elsewhere && !s.Here {
			// Another source brought this link: share its article.
			record = append(record, store.SourceItem{GUID: refs[i].GUID, Link: refs[i].Link, ArticleID: s.ArticleID})
		}
	}
	todo, more := newItems(items, seen, orDefault(p.MaxItems, DefaultMaxItems))
	res.New = len(todo)
	if more {
		res.Deferred += countNew(seen) - len(todo)
	}
	// Pages go to the pipeline a few at a time: memory stays bounded, and
	// the first articles reach their stories while later pages load.
	var cands []candidate
	flush := func() error {
		added := res.Added
		stored, err := p.ingest(ctx, cands, res)
		if err != nil {
			return err
		}
		for k, c := range cands {
			record = append(record, store.SourceItem{GUID: clip(c.item.Key(), 2000), Link: c.item.Link, ArticleID: stored[k]})
		}
		cands = cands[:0]
		if err := p.Store.AddSourceItems(ctx, src.ID, record); err != nil {
			return err
		}
		record = record[:0]
		if n := res.Added - added; n > 0 && p.OnNew != nil {
			p.OnNew(ctx, n)
		}
		return nil
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		c, problem, keep := p.candidate(ctx, items[i], feedURL)
		switch {
		case keep:
			cands = append(cands, c)
		case problem != nil && transient(problem):
			res.Deferred++
			res.Problems = append(res.Problems, itemProblem(items[i], problem, "tried again at the next poll"))
		default:
			res.Skipped++
			res.Problems = append(res.Problems, itemProblem(items[i], problem, ""))
			record = append(record, refs[i])
		}
		if keep && c.usedFB {
			res.Notes = append(res.Notes, itemProblem(items[i], problem, "used the feed's own text"))
		}
		if len(cands) == ingestBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// ingestBatch is how many items' pages are held before they go to the
// pipeline.
const ingestBatch = 8

func countNew(seen []store.ItemSeen) int {
	n := 0
	for _, s := range seen {
		if !s.Here && !s.Elsewhere {
			n++
		}
	}
	return n
}

// candidate fetches an item's page and makes its record; when the page
// cannot be had, the item's own text stands in if it has enough. keep is
// false when the item has nothing to ingest; problem then says why.
func (p *Poller) candidate(ctx context.Context, it Item, feedURL string) (c candidate, problem error, keep bool) {
	c.item = it
	fb, hasFB := fallbackRecord(it, feedURL)
	if hasFB {
		c.fallback = &fb
	}
	if it.Link == "" {
		problem = errors.New("no link to a page")
	} else {
		resp, err := p.Fetcher.Get(ctx, fetch.Request{URL: it.Link, Accept: pageAccept})
		if err == nil {
			c.rec, err = pageRecord(it, resp)
		}
		if err == nil && hasFB {
			// A consent wall or paywall gives little text: the feed's own
			// text is then the better article.
			if n, m := pageWords(c.rec), countWords(it.Content); n < m/2 {
				err = fmt.Errorf("the page gave %d words of article text, the feed item %d", n, m)
			}
		}
		if err == nil {
			return c, nil, true
		}
		problem = err
	}
	if !hasFB {
		if it.Link == "" {
			problem = fmt.Errorf("%w, and the item's own text is too short", problem)
		}
		return c, problem, false
	}
	c.rec, c.fallback, c.usedFB = fb, nil, true
	return c, problem, true
}

// ingest runs the candidates through the pipeline, retrying with the
// item's own text those whose page gave no article, and returns the
// article ID of each candidate ("" when none came of it).
func (p *Poller) ingest(ctx context.Context, cands []candidate, res *Result) ([]string, error) {
	ids := make([]string, len(cands))
	if len(cands) == 0 {
		return ids, nil
	}
	recs := make([]ingest.Record, len(cands))
	for i, c := range cands {
		recs[i] = c.rec
	}
	outs, err := p.ingestRecords(ctx, recs)
	if err != nil {
		return nil, err
	}
	var retry []int
	for i, o := range outs {
		switch {
		case o.Err == nil:
			ids[i] = o.ID
			p.count(res, o, cands[i].usedFB)
		case cands[i].fallback != nil:
			retry = append(retry, i)
		default:
			res.Skipped++
			res.Problems = append(res.Problems, itemProblem(cands[i].item, o.Err, ""))
		}
	}
	if len(retry) == 0 {
		return ids, nil
	}
	recs = recs[:0]
	for _, i := range retry {
		recs = append(recs, *cands[i].fallback)
	}
	outs, err = p.ingestRecords(ctx, recs)
	if err != nil {
		return nil, err
	}
	for k, o := range outs {
		i := retry[k]
		if o.Err != nil {
			res.Skipped++
			res.Problems = append(res.Problems, itemProblem(cands[i].item, o.Err, ""))
			continue
		}
		ids[i] = o.ID
		p.count(res, o, true)
		res.Notes = append(res.Notes, itemProblem(cands[i].item, errors.New("no article text in the page"), "used the feed's own text"))
	}
	return ids, nil
}

func (p *Poller) ingestRecords(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error) {
	if p.Ingest != nil {
		return p.Ingest(ctx, recs)
	}
	outs, _, err := p.Pipeline.IngestRecords(ctx, recs)
	return outs, err
}

func (p *Poller) count(res *Result, o pipeline.Outcome, fallback bool) {
	if !o.New {
		return
	}
	res.Added++
	if fallback {
		res.Fallback++
	}
}

// itemProblem describes what went wrong with an item, for Result.Problems.
func itemProblem(it Item, err error, then string) string {
	name := it.Link
	if name == "" {
		name = strings.TrimSpace(it.Title)
	}
	if name == "" {
		name = it.Key()
	}
	s := fmt.Sprint(err)
	if !strings.Contains(s, name) {
		s = name + ": " + s
	}
	if then != "" {
		s += "; " + then
	}
	return s
}
