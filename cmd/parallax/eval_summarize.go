package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/rouge"
	"github.com/parallax-news/parallax/internal/summary"
)

// newEvalSummarizeCmd summarises each cluster of a DUC-format file with the
// engine and prints the mean ROUGE scores of the summaries.
func newEvalSummarizeCmd() *cobra.Command {
	var (
		data, format string
		words        int
		stem         bool
	)
	cmd := &cobra.Command{
		Use:   "summarize",
		Short: "Summarise labelled clusters with the engine and score the summaries with ROUGE",
		Long: `Summarise every cluster of a DUC-format JSONL file (id, docs, references)
within --words words and score the summaries against the references with
ROUGE-1.5.5's measures (-n 4 -2 4 -u -p 0.5 -f A -l WORDS, -m unless
--stem=false). Prints the mean ROUGE-1, -2, -4, -SU4 and -L recall,
precision and F over clusters, as fractions.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q (want text or json)", format)
			}
			clusters, err := readDUCFile(data, eval.ReadDUCClusters)
			if err != nil {
				return err
			}
			sums := eval.SummarizeDUC(clusters, summary.Options{Words: words, Stem: stem}, rouge.DUC(words, stem))
			mean := eval.MeanDUCSummaries(sums)
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(mean)
			}
			return printRougeTable(cmd.OutOrStdout(), mean, len(sums), words, stem)
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "clusters with documents and references (JSONL: id, docs, references)")
	cmd.Flags().IntVar(&words, "words", 100, "summary length in words; ROUGE scores the first N words")
	cmd.Flags().BoolVar(&stem, "stem", true, "Porter-stem tokens in ROUGE as ROUGE-1.5.5 -m does")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	_ = cmd.MarkFlagRequired("data")
	return cmd
}

func printRougeTable(w io.Writer, m eval.RougeScores, clusters, words int, stem bool) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%d clusters, %d words, stemming %v\n", clusters, words, stem)
	fmt.Fprintln(tw, "measure\tR\tP\tF\t")
	for _, row := range []struct {
		name string
		s    eval.PRF
	}{{"ROUGE-1", m.Rouge1}, {"ROUGE-2", m.Rouge2}, {"ROUGE-4", m.Rouge4}, {"ROUGE-SU4", m.RougeSU4}, {"ROUGE-L", m.RougeL}} {
		fmt.Fprintf(tw, "%s\t%.5f\t%.5f\t%.5f\t\n", row.name, row.s.R, row.s.P, row.s.F)
	}
	return tw.Flush()
}
