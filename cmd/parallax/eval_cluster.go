package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TEMPORARY placeholder: replaced by the real command in its own change.
func newEvalClusterCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "cluster",
		Hidden: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New("eval cluster: not built yet")
		},
	}
}
