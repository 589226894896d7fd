// Command parallax ingests news articles, groups those that report the same
// event into stories and prints a cross-source brief for each story.
//
// Run "parallax help" for the list of subcommands. Each subcommand lives in a
// file of its own in this directory; this package only wires flags to the
// internal packages.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the process exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.ExecuteContext(ctx); err != nil {
		fmt.Fprintln(stderr, "parallax:", err)
		return 1
	}
	return 0
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "parallax",
		Short:         "Group news articles into stories and brief each story across sources",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(
		newAnalyzeCmd(),
		newIngestCmd(),
		newEvalCmd(),
		newSourcesCmd(),
	)
	root.AddCommand(newServeCmd(), newStoriesCmd(), newStoryCmd(), newSearchCmd())
	return root
}
