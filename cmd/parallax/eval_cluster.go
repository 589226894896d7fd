package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/story"
)

// newEvalClusterCmd scores story clustering on a labelled JSONL file.
func newEvalClusterCmd() *cobra.Command {
	var (
		data    string
		noDates bool
		format  string
	)
	cmd := &cobra.Command{
		Use:   "cluster --data FILE.jsonl",
		Short: "Replay a labelled article stream through the story engine and score it",
		Long: `Reads one article per line ({"id","text","cluster","topic"?,"published"?,...}),
replays the articles as a stream (publication order; with --no-dates, file order
with every article undated) and prints BCubed, pairwise, NMI and ARI figures
against the gold clusters, and against the topics at the storyline level when
the file has them. Time covers text processing and clustering, not reading.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if data == "" {
				return fmt.Errorf("eval cluster: --data is required")
			}
			f, err := os.Open(data)
			if err != nil {
				return fmt.Errorf("eval cluster: %w", err)
			}
			docs, err := eval.ReadClusterDocs(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("eval cluster: %s: %w", data, err)
			}
			run := eval.RunCluster(docs, eval.ClusterOptions{NoDates: noDates, Config: story.DefaultConfig()})
			return printClusterReport(cmd, run.Report, format)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "labelled JSONL file (shared/data/clustering format)")
	cmd.Flags().BoolVar(&noDates, "no-dates", false, "ignore publish dates: stream in file order, all undated")
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or text")
	return cmd
}

func printClusterReport(cmd *cobra.Command, r eval.ClusterReport, format string) error {
	w := cmd.OutOrStdout()
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "text":
		line := func(name string, s eval.ClusterScores) {
			fmt.Fprintf(w, "%-7s BCubed P/R/F1 %.3f/%.3f/%.3f  pairwise P/R/F1 %.3f/%.3f/%.3f  NMI %.3f  ARI %.3f  clusters %d gold, %d predicted\n",
				name, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairwiseP, s.PairwiseR, s.PairwiseF1, s.NMI, s.ARI, s.ClustersGold, s.ClustersPred)
		}
		line("events", r.ClusterScores)
		if r.Topic != nil {
			line("topics", *r.Topic)
		}
		fmt.Fprintf(w, "%d articles in %.2f s (%.0f articles/s)\n", r.Articles, r.Seconds, r.ArticlesPerSec)
		return nil
	}
	return fmt.Errorf("eval cluster: unknown format %q (json or text)", format)
}
