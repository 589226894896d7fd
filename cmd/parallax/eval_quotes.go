package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TEMPORARY placeholder: replaced by the real command in its own change.
func newEvalQuotesCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "quotes",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval quotes: not built yet")
		},
	}
}
