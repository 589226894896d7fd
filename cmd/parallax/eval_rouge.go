package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TEMPORARY placeholder: replaced by the real command in its own change.
func newEvalRougeCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "rouge",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval rouge: not built yet")
		},
	}
}
