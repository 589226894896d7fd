package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/text"
)

// IngestStats counts what an ingest did.
type IngestStats struct {
	Files      int // inputs listed
	Records    int // articles found in them
	Added      int // new articles stored
	Duplicates int // articles already stored
	Failed     int // inputs or records that could not be used
}

// ErrNothingIngested is returned by Ingest when inputs were given but not one
// article could be read from them (duplicates of stored articles count as
// read).
var ErrNothingIngested = errors.New("nothing could be ingested")

// cleaned is one record after cleaning, or the problem it had.
type cleaned struct {
	art   article.Article
	notes []string
	raw   []byte
	err   *ingest.Problem
	skip  bool // nothing to store: a file's progress marker
	file  int  // the job's file index
}

// Ingest reads the inputs at paths, cleans every article found and stores
// the new ones. One goroutine reads and parses the inputs, the cleaning runs
// on all cores, and one writer stores the articles in input order, in
// batched transactions that each hold whole articles. Bad inputs are
// reported to p.Problem and skipped.
func (p *Pipeline) Ingest(ctx context.Context, paths []string) (IngestStats, error) {
	files, problems := ingest.List(ctx, paths)
	st := IngestStats{Files: len(files)}
	for _, pr := range problems {
		st.Failed++
		p.problem(pr)
	}
	produce := func(emit func(job) bool) {
		for i, f := range files {
			var js []job
			p.readFile(f, func(r ingest.Record) { js = append(js, job{rec: r, file: -1}) },
				func(pr ingest.Problem) { js = append(js, job{prob: &pr, file: -1}) })
			if len(js) == 0 {
				js = append(js, job{file: -1, skip: true})
			}
			js[len(js)-1].file = i
			for _, j := range js {
				if !emit(j) {
					return
				}
			}
		}
	}
	if err := p.process(ctx, produce, len(files), &st, nil); err != nil {
		return st, err
	}
	if st.Added+st.Duplicates == 0 && (st.Failed > 0 || len(paths) > 0) {
		return st, ErrNothingIngested
	}
	return st, nil
}

// Outcome is what became of one record given to IngestRecords.
type Outcome struct {
	ID  string // the stored article (new, or the existing copy); empty on error
	New bool
	Err error
}

// IngestRecords cleans and stores records already read — from a feed, a
// fetched page or the API — and returns the outcome of each, in order.
func (p *Pipeline) IngestRecords(ctx context.Context, recs []ingest.Record) ([]Outcome, IngestStats, error) {
	st := IngestStats{Files: len(recs)}
	out := make([]Outcome, len(recs))
	produce := func(emit func(job) bool) {
		for i, r := range recs {
			if !emit(job{rec: r, file: i}) {
				return
			}
		}
	}
	err := p.process(ctx, produce, len(recs), &st, func(idx int, a store.Added, err error) {
		out[idx] = Outcome{ID: a.ID, New: a.New, Err: err}
	})
	return out, st, err
}

// job is one record (or a problem) on its way through the ingest stages.
type job struct {
	rec  ingest.Record
	prob *ingest.Problem
	skip bool // nothing to store: an input that held no record
	file int  // index of the input it came from, on the input's last job; else -1
	out  chan cleaned
}

// process runs jobs from produce through cleaning (on all cores) and the
// writer (in order). outcome, when set, is told what became of each input
// (by the file index of its job).
func (p *Pipeline) process(ctx context.Context, produce func(emit func(job) bool), inputs int, st *IngestStats, outcome func(int, store.Added, error)) error {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	jobs := make(chan job, workers*4)
	order := make(chan job, workers*16)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(order)
		defer close(jobs)
		produce(func(j job) bool {
			j.out = make(chan cleaned, 1)
			select {
			case order <- j:
			case <-ctx.Done():
				return false
			}
			select {
			case jobs <- j:
			case <-ctx.Done():
				return false
			}
			return true
		})
	}()
	for range workers {
		go func() {
			for j := range jobs {
				switch {
				case j.prob != nil:
					j.out <- cleaned{err: j.prob}
				case j.skip:
					j.out <- cleaned{skip: true}
				default:
					j.out <- cleanRecord(j.rec)
				}
			}
		}()
	}
	// The writer stores what is ready in one transaction, up to a batch.
	var batch []cleaned
	flush := func() error {
		err := p.store(ctx, batch, st, outcome)
		for _, c := range batch {
			if c.file >= 0 {
				p.progress(c.file+1, inputs)
			}
		}
		batch = batch[:0]
		return err
	}
	for j := range order {
		select {
		case c := <-j.out:
			c.file = j.file
			batch = append(batch, c)
		case <-ctx.Done():
			return ctx.Err()
		}
		if len(batch) < maxBatch && len(order) > 0 {
			continue
		}
		if err := flush(); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// maxBatch is the most articles stored in one transaction.
const maxBatch = 64

// store writes a batch of cleaned articles in one transaction, reports the
// problems among them, and counts the outcome.
func (p *Pipeline) store(ctx context.Context, batch []cleaned, st *IngestStats, outcome func(int, store.Added, error)) error {
	var arts []store.NewArticle
	var from []int // index in batch of each article
	for i := range batch {
		c := &batch[i]
		switch {
		case c.skip:
		case c.err != nil:
			st.Failed++
			p.problem(*c.err)
			if outcome != nil {
				outcome(c.file, store.Added{}, c.err)
			}
		default:
			arts = append(arts, store.NewArticle{Article: &c.art, Notes: c.notes, Original: c.raw, Version: CleanVersion})
			from = append(from, i)
		}
	}
	if len(arts) == 0 {
		return nil
	}
	added, err := p.Store.AddArticles(ctx, arts)
	if err != nil {
		return fmt.Errorf("pipeline: %w", err)
	}
	st.Records += len(arts)
	for k, a := range added {
		if a.New {
			st.Added++
		} else {
			st.Duplicates++
		}
		if outcome != nil {
			outcome(batch[from[k]].file, a, nil)
		}
	}
	return nil
}

// readFile reads and parses one input file, passing on its records and
// problems.
func (p *Pipeline) readFile(f ingest.File, rec func(ingest.Record), bad func(ingest.Problem)) {
	b, err := ingest.ReadFile(f, p.Stdin)
	if err != nil {
		bad(ingest.Problem{Path: f.Path, Err: err})
		return
	}
	err = ingest.Parse(f.Path, b, func(r ingest.Record) error { rec(r); return nil }, bad)
	if err != nil {
		bad(ingest.Problem{Path: f.Path, Err: err})
	}
}

// cleanRecord turns one raw record into an article.
func cleanRecord(r ingest.Record) cleaned {
	res, err := clean.Clean(clean.Input{
		Text: r.Text, HTML: r.HTML, URL: r.URL, Title: r.Title, Outlet: r.Outlet, Byline: r.Byline,
		Published: r.Published,
	})
	switch {
	case errors.Is(err, clean.ErrEmpty) && res.Title != "":
		// Only boilerplate around a headline (a paywall or sign-up page):
		// keep the headline, which still says what happened.
		res.Notes = append(res.Notes, "no body text: only boilerplate around the headline")
	case errors.Is(err, clean.ErrEmpty):
		return cleaned{err: &ingest.Problem{Path: r.Source, Err: errors.New("no article text once boilerplate is set aside")}}
	case err != nil:
		return cleaned{err: &ingest.Problem{Path: r.Source, Err: err}}
	}
	hash := article.ContentHash(text.Fold(res.Title + "\n" + res.Body))
	a := article.Article{
		ID:     article.NewID(res.URL, hash),
		Source: r.Source, Format: r.Format,
		Title: res.Title, Outlet: res.Outlet, Byline: res.Byline, Wire: res.Wire, URL: res.URL,
		Published: res.Published, Dateline: res.Dateline,
		Text: res.Body, Asides: res.Asides, Hash: hash,
	}
	return cleaned{art: a, notes: res.Notes, raw: r.Raw}
}
