package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

func newAnalyzeCmd() *cobra.Command {
	var (
		dbPath string
		format string
	)
	cmd := &cobra.Command{
		Use:   "analyze PATH...",
		Short: "Ingest articles, group them into stories and print each story's cross-source brief",
		Long: `Analyze ingests the articles at PATH (files, directories or - for stdin), groups those
that report the same event into stories and prints each story's brief: its articles and why
each belongs, a cited summary, facts with their independent sources, quotes as each outlet
rendered them, entities, a timeline and each outlet's framing.

Without --db it works in a temporary database that is removed afterwards.`,
		Example: "  parallax analyze examples/seeds\n  parallax analyze --format json articles.jsonl",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			switch format {
			case report.FormatText, report.FormatJSON, report.FormatMarkdown, "md":
			default:
				return fmt.Errorf("unknown --format %q (want text, json or markdown)", format)
			}
			if dbPath == "" {
				dir, err := os.MkdirTemp("", "parallax-analyze-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(dir)
				dbPath = filepath.Join(dir, "parallax.db")
			}
			st, err := store.Open(ctx, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			if _, err := runIngest(ctx, st, args, cmd.InOrStdin(), cmd.ErrOrStderr()); err != nil {
				return err
			}
			out, err := (&pipeline.Pipeline{Store: st}).Output(ctx)
			if err != nil {
				return err
			}
			return report.Write(cmd.OutOrStdout(), out, format)
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "", "database file to ingest into and keep (default: a temporary database)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json or markdown")
	return cmd
}
