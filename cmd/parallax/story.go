package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

func newStoryCmd() *cobra.Command {
	var (
		dbPath, format string
		noUpdate       bool
	)
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Print one story's brief from the database",
		Long: `Story prints the brief of the story with the given ID (see "parallax stories"): its articles
and why each belongs, the cited summary, facts, quotes, entities, timeline and framing. JSON
output has the form of "parallax analyze --format json", with this story and its articles.`,
		Example: "  parallax story s-82b5c71475d86e5b --format markdown",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			switch format {
			case report.FormatText, report.FormatJSON, report.FormatMarkdown, "md":
			default:
				return fmt.Errorf("unknown --format %q (want text, json or markdown)", format)
			}
			st, err := openUpdated(ctx, dbPath, !noUpdate, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			obj, arts, _, err := apiv1.StoryWithArticles(ctx, st, args[0])
			switch {
			case errors.Is(err, store.ErrNotFound):
				return fmt.Errorf("no story %q (see parallax stories)", args[0])
			case err != nil:
				return err
			}
			return report.Write(cmd.OutOrStdout(), &report.Output{Articles: arts, Stories: []report.Story{*obj}}, format)
		},
	}
	cmd.Flags().StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json or markdown")
	cmd.Flags().BoolVar(&noUpdate, "no-update", false, "do not group new articles into stories first")
	return cmd
}
