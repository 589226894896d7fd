package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func newIngestCmd() *cobra.Command {
	var dbPath string
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles from files, directories or - (stdin) into the database and group them into stories",
		Long: `Ingest reads articles from files, directories (recursively) or - for standard input.
Formats: plain text, Markdown, HTML, JSON (an article object or an array) and JSON Lines,
with fields title, text or html, url, outlet, published, byline. The format is detected from
the content. Each input that cannot be used is reported on stderr with its reason; the exit
status is non-zero only when nothing could be ingested.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if dbPath == "" {
				p, err := store.DefaultPath()
				if err != nil {
					return err
				}
				dbPath = p
			}
			st, err := store.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			stats, err := runIngest(ctx, st, args, cmd.InOrStdin(), cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "ingested %d new articles (%d already stored, %d inputs failed) into %s\n",
				stats.Added, stats.Duplicates, stats.Failed, dbPath)
			return nil
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	return cmd
}

// runIngest ingests paths into st, reporting problems and progress on
// stderr, then clusters and briefs the stories.
func runIngest(ctx context.Context, st *store.Store, paths []string, stdin io.Reader, stderr io.Writer) (pipeline.IngestStats, error) {
	p := &pipeline.Pipeline{
		Store: st,
		Stdin: stdin,
		Problem: func(pr ingest.Problem) {
			fmt.Fprintf(stderr, "parallax: skipped %s: %v\n", pr.Path, pr.Err)
		},
	}
	bar := newProgress(stderr, "ingesting")
	if bar != nil {
		p.Progress = func(done, total int) {
			bar.ChangeMax(total)
			bar.Set(done)
		}
	}
	stats, err := p.Ingest(ctx, paths)
	if bar != nil {
		bar.Finish()
		bar.Clear()
	}
	if err != nil {
		if errors.Is(err, pipeline.ErrNothingIngested) {
			return stats, fmt.Errorf("%w from %d inputs", err, stats.Files+stats.Failed)
		}
		return stats, err
	}
	if err := p.Cluster(ctx); err != nil {
		return stats, err
	}
	return stats, p.Briefs(ctx)
}

// newProgress returns a progress bar on w when w is a terminal, else nil:
// output stays clean when redirected.
func newProgress(w io.Writer, what string) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100e6),
		progressbar.OptionClearOnFinish(),
	)
}
