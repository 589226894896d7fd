package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/rouge"
)

// newEvalRougeCmd scores published system summaries with the Go ROUGE and
// prints each system's mean scores.
func newEvalRougeCmd() *cobra.Command {
	var (
		data, peers string
		words       int
		stem        bool
	)
	cmd := &cobra.Command{
		Use:   "rouge",
		Short: "Score system summaries against reference summaries with ROUGE (as ROUGE-1.5.5)",
		Long: `Score system summaries against the reference summaries of their clusters
with ROUGE-1.5.5's measures (-n 4 -2 4 -u -p 0.5 -f A, -m unless --stem=false,
-l WORDS) and print, per system, the mean over clusters of ROUGE-1, -2, -4,
-SU4 and -L recall, precision and F as fractions.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			clusters, err := readDUCFile(data, eval.ReadDUCClusters)
			if err != nil {
				return err
			}
			ps, err := readDUCFile(peers, eval.ReadDUCPeers)
			if err != nil {
				return err
			}
			scores, err := eval.ScoreDUCPeers(clusters, ps, rouge.DUC(words, stem))
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(eval.DUCSystemMeans(scores))
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "clusters with references (JSONL: id, docs, references)")
	cmd.Flags().StringVar(&peers, "peers", "", "system summaries (JSONL: id, system, summary)")
	cmd.Flags().IntVar(&words, "words", 100, "score only the first N words of each summary and reference (0 = all)")
	cmd.Flags().BoolVar(&stem, "stem", true, "Porter-stem tokens as ROUGE-1.5.5 -m does")
	_ = cmd.MarkFlagRequired("data")
	_ = cmd.MarkFlagRequired("peers")
	return cmd
}

// readDUCFile opens path and decodes it with read.
func readDUCFile[T any](path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(path)
	if err != nil {
		return zero, err
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
