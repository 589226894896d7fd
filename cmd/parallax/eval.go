package main

import "github.com/spf13/cobra"

// newEvalCmd groups the commands that score the engine on labelled data.
func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Score the engine on labelled data sets",
	}
	cmd.AddCommand(
		newEvalClusterCmd(),
		newEvalQuotesCmd(),
		newEvalRougeCmd(),
		newEvalSummarizeCmd(),
	)
	return cmd
}
