package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/quote"
)

// newEvalQuotesCmd scores attribution extraction (source, cue, content
// spans and canonical speakers) on a labelled JSON-lines data set.
func newEvalQuotesCmd() *cobra.Command {
	var data, format string
	var workers int
	var minTime time.Duration
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Score attribution extraction (who said what) on labelled data",
		Long: `Score attribution extraction on a JSON-lines file in the format of
shared/data/quotes (PolNeAR): exact and partial (>= 30% of the gold span)
precision, recall and F1 for the source, cue and content spans, the same per
attribution type, the accuracy of canonical speakers when the data carries
speaker_reference, and the throughput of entity + attribution extraction.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return errors.New("--data is required")
			}
			f, err := os.Open(data)
			if err != nil {
				return err
			}
			defer f.Close()
			docs, err := eval.ReadQuoteDocs(f)
			if err != nil {
				return fmt.Errorf("reading %s: %w", data, err)
			}
			if err := quote.Ready(); err != nil {
				return err
			}
			start := time.Now()
			preds := predictQuotes(docs, workers)
			done := len(docs)
			// small files: repeat the extraction (results discarded) so
			// that the throughput is timed over at least minTime
			for time.Since(start) < minTime && len(docs) > 0 {
				predictQuotes(docs, workers)
				done += len(docs)
			}
			elapsed := time.Since(start)
			scores := eval.ScoreQuotes(docs, preds)
			if elapsed > 0 {
				scores.ArticlesPerSec = float64(done) / elapsed.Seconds()
			}
			return printQuoteScores(cmd.OutOrStdout(), scores, format)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "labelled JSON-lines file (required)")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.Flags().IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	cmd.Flags().DurationVar(&minTime, "min-time", 2*time.Second, "time the throughput over at least this long, repeating the extraction")
	return cmd
}

// predictQuotes runs attribution extraction on every document.
func predictQuotes(docs []eval.QuoteDoc, workers int) [][]eval.QuotePrediction {
	out := make([][]eval.QuotePrediction, len(docs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for i := range jobs {
				out[i] = toPredictions(docs[i].Text, quote.Extract(docs[i].Text, entity.Extract(docs[i].Text)))
			}
		})
	}
	for i := range docs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

func toPredictions(text string, as []quote.Attribution) []eval.QuotePrediction {
	ps := make([]eval.QuotePrediction, 0, len(as))
	span := func(s quote.Span) eval.QuoteSpan {
		return eval.QuoteSpan{Start: s.Start, End: s.End, Text: s.Text}
	}
	for _, a := range as {
		ps = append(ps, eval.QuotePrediction{Source: span(a.Source), Cue: span(a.Cue),
			Content: span(a.Content), Type: a.Kind, Speaker: a.Speaker})
	}
	return ps
}

func printQuoteScores(w io.Writer, s eval.QuoteScores, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "text":
	default:
		return fmt.Errorf("unknown format %q", format)
	}
	fmt.Fprintf(w, "%d articles, %.1f articles/s\n", s.Articles, s.ArticlesPerSec)
	printRoles(w, "all", s.QuoteRoles)
	for _, t := range eval.QuoteTypes {
		printRoles(w, t, s.ByType[t])
	}
	if s.SpeakerAccuracy != nil {
		fmt.Fprintf(w, "speaker accuracy %.3f over %d matched attributions\n", *s.SpeakerAccuracy, s.SpeakerMatched)
	}
	return nil
}

func printRoles(w io.Writer, name string, r eval.QuoteRoles) {
	fmt.Fprintf(w, "%-9s %-8s %6s %6s %6s | %6s %6s %6s | gold %5s pred %5s\n", name, "role", "P", "R", "F1", "pP", "pR", "pF1", "", "")
	for _, x := range []struct {
		n string
		s eval.QuoteRoleScore
	}{{"source", r.Source}, {"cue", r.Cue}, {"content", r.Content}} {
		fmt.Fprintf(w, "%-9s %-8s %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f | gold %5d pred %5d\n", "", x.n,
			x.s.Exact.P, x.s.Exact.R, x.s.Exact.F1, x.s.Partial.P, x.s.Partial.R, x.s.Partial.F1, x.s.Gold, x.s.Pred)
	}
}
