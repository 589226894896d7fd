package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TEMPORARY placeholder: replaced by the real command in its own change.
func newEvalSummarizeCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "summarize",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval summarize: not built yet")
		},
	}
}
