package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/ingest"
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
}

// Ingest reads the inputs at paths, cleans every article found and stores
// the new ones. Reading and cleaning run in parallel; articles are stored
// by one writer in input order, each in its own transaction. Bad inputs are
// reported to p.Problem and skipped.
func (p *Pipeline) Ingest(ctx context.Context, paths []string) (IngestStats, error) {
	files, problems := ingest.List(ctx, paths)
	var st IngestStats
	st.Files = len(files)
	for _, pr := range problems {
		st.Failed++
		p.problem(pr)
	}
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Each file gets a result channel; the writer drains them in file order.
	type job struct {
		f   ingest.File
		out chan []cleaned
	}
	jobs := make(chan job)
	order := make(chan chan []cleaned, workers*4)
	go func() {
		defer close(order)
		defer close(jobs)
		for _, f := range files {
			out := make(chan []cleaned, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{f: f, out: out}:
			case <-ctx.Done():
				return
			}
		}
	}()
	for range workers {
		go func() {
			for j := range jobs {
				j.out <- p.readFile(j.f)
			}
		}()
	}
	done := 0
	var err error
	for out := range order {
		var res []cleaned
		select {
		case res = <-out:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		if werr := p.store(ctx, res, &st); werr != nil {
			err = werr
			break
		}
		done++
		p.progress(done, len(files))
	}
	if err != nil {
		// Drain so the producer and workers finish.
		go func() {
			for out := range order {
				<-out
			}
		}()
		return st, err
	}
	if st.Added+st.Duplicates == 0 && (st.Failed > 0 || len(paths) > 0) {
		return st, ErrNothingIngested
	}
	return st, nil
}

// store writes the cleaned articles of one file and counts the outcome.
func (p *Pipeline) store(ctx context.Context, res []cleaned, st *IngestStats) error {
	for _, c := range res {
		if c.err != nil {
			st.Failed++
			p.problem(*c.err)
			continue
		}
		st.Records++
		added, err := p.Store.AddArticle(ctx, &c.art, c.notes, c.raw, CleanVersion)
		if err != nil {
			return fmt.Errorf("pipeline: %w", err)
		}
		if added.New {
			st.Added++
		} else {
			st.Duplicates++
		}
	}
	return nil
}

// readFile reads, parses and cleans one input file.
func (p *Pipeline) readFile(f ingest.File) []cleaned {
	b, err := ingest.ReadFile(f, p.Stdin)
	if err != nil {
		return []cleaned{{err: &ingest.Problem{Path: f.Path, Err: err}}}
	}
	var out []cleaned
	err = ingest.Parse(f.Path, b, func(r ingest.Record) error {
		out = append(out, cleanRecord(r))
		return nil
	}, func(pr ingest.Problem) {
		out = append(out, cleaned{err: &pr})
	})
	if err != nil {
		out = append(out, cleaned{err: &ingest.Problem{Path: f.Path, Err: err}})
	}
	return out
}

// cleanRecord turns one raw record into an article.
func cleanRecord(r ingest.Record) cleaned {
	res, err := clean.Clean(clean.Input{
		Text: r.Text, HTML: r.HTML, URL: r.URL, Title: r.Title, Outlet: r.Outlet, Byline: r.Byline,
		Published: r.Published,
	})
	if err != nil {
		if errors.Is(err, clean.ErrEmpty) {
			err = errors.New("no article text once boilerplate is set aside")
		}
		return cleaned{err: &ingest.Problem{Path: r.Source, Err: err}}
	}
	hash := article.ContentHash(text.Fold(res.Body))
	a := article.Article{
		ID:     article.NewID(res.URL, hash),
		Source: r.Source, Format: r.Format,
		Title: res.Title, Outlet: res.Outlet, Byline: res.Byline, Wire: res.Wire, URL: res.URL,
		Published: res.Published, Dateline: res.Dateline,
		Text: res.Body, Asides: res.Asides, Hash: hash,
	}
	if strings.TrimSpace(a.Text) == "" {
		return cleaned{err: &ingest.Problem{Path: r.Source, Err: errors.New("no article text")}}
	}
	return cleaned{art: a, notes: res.Notes, raw: r.Raw}
}
