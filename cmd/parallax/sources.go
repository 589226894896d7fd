package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// maxSourcesFile is the largest sources file read.
const maxSourcesFile = 16 << 20

// minInterval is the shortest --interval accepted.
const minInterval = time.Minute

func newSourcesCmd() *cobra.Command {
	var dbPath string
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Manage and poll live sources (RSS, Atom and JSON Feed)",
		Long: `Sources are feeds (RSS 1.0 and 2.0, Atom, JSON Feed) that Parallax polls for new articles.
Each new item's page is fetched and cleaned like any other article; when the page cannot be
fetched, the item's own text is used if it is long enough. Feeds are polled with conditional
GET, robots.txt is honoured, requests to one host are spaced, and a failing feed is retried
after a growing delay. Internal addresses (loopback, private, link-local...) are refused.`,
	}
	cmd.PersistentFlags().StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	open := func(cmd *cobra.Command) (*store.Store, error) { return openStore(cmd.Context(), dbPath) }
	cmd.AddCommand(
		newSourcesAddCmd(open),
		newSourcesImportCmd(open),
		newSourcesListCmd(open),
		newSourcesRemoveCmd(open),
		newSourcesPollCmd(open),
	)
	return cmd
}

type storeOpener func(*cobra.Command) (*store.Store, error)

func newSourcesAddCmd(open storeOpener) *cobra.Command {
	var title string
	cmd := &cobra.Command{
		Use:   "add URL...",
		Short: "Add feeds to poll",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, a := range args {
				if _, err := fetch.CheckURL(a); err != nil {
					return err
				}
			}
			st, err := open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			entries := make([]feed.Entry, len(args))
			for i, a := range args {
				entries[i] = feed.Entry{URL: a, Title: title}
			}
			return addSources(cmd.Context(), st, entries, cmd.OutOrStdout())
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "title to show for the source (default: the feed's own)")
	return cmd
}

func addSources(ctx context.Context, st *store.Store, entries []feed.Entry, w io.Writer) error {
	for _, e := range entries {
		u, err := fetch.CheckURL(e.URL)
		if err != nil {
			return err
		}
		src, added, err := st.AddSource(ctx, u.String(), e.Title)
		if err != nil {
			return err
		}
		if added {
			fmt.Fprintf(w, "added %d %s\n", src.ID, src.URL)
		} else {
			fmt.Fprintf(w, "already there: %d %s\n", src.ID, src.URL)
		}
	}
	return nil
}

func newSourcesImportCmd(open storeOpener) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Add the feeds listed in a file (OPML, or one URL per line) or - for stdin",
		Long: `Import adds every feed a sources file names. The file is either OPML, as feed readers
export subscriptions (each outline with an xmlUrl attribute, at any depth), or plain text with
one feed URL per line, optionally followed by a space and a title; blank lines and lines
starting with # are skipped. Entries that are not http(s) URLs are reported and skipped.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			b, err := readSourcesFile(args[0], cmd.InOrStdin())
			if err != nil {
				return err
			}
			entries, problems, err := feed.ReadList(b)
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			for _, p := range problems {
				fmt.Fprintf(cmd.ErrOrStderr(), "parallax: skipped %s: %v\n", args[0], p)
			}
			if len(entries) == 0 {
				return fmt.Errorf("%s: no feed URLs found", args[0])
			}
			st, err := open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			return addSources(cmd.Context(), st, entries, cmd.OutOrStdout())
		},
	}
}

// readSourcesFile reads path (or stdin for "-"), up to maxSourcesFile.
func readSourcesFile(path string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxSourcesFile+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(b) > maxSourcesFile {
		return nil, fmt.Errorf("%s: larger than %d MB", path, maxSourcesFile>>20)
	}
	return b, nil
}

func newSourcesListCmd(open storeOpener) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the sources with their polling state",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			srcs, err := st.Sources(cmd.Context())
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "ID\tURL\tTITLE\tITEMS\tARTICLES\tLAST POLLED\tNEXT POLL\tFAILURES\tLAST ERROR")
			for _, s := range srcs {
				fmt.Fprintf(w, "%d\t%s\t%s\t%d\t%d\t%s\t%s\t%d\t%s\n", s.ID, s.URL, oneLine(s.Title, 40), s.Items, s.Articles,
					when(s.LastPolled), when(s.NextPoll), s.Failures, oneLine(s.LastError, 80))
			}
			return w.Flush()
		},
	}
}

func when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	if s == "" {
		return "-"
	}
	return s
}

func newSourcesRemoveCmd(open storeOpener) *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID|URL...",
		Short: "Stop polling sources (their articles stay)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			srcs, err := st.Sources(cmd.Context())
			if err != nil {
				return err
			}
			for _, a := range args {
				src, ok := findSource(srcs, a)
				if !ok {
					return fmt.Errorf("no source %q (see parallax sources list)", a)
				}
				if err := st.RemoveSource(cmd.Context(), src.ID); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "removed %d %s\n", src.ID, src.URL)
			}
			return nil
		},
	}
}

// findSource finds a source by its ID or URL.
func findSource(srcs []store.Source, ref string) (store.Source, bool) {
	id, idErr := strconv.ParseInt(ref, 10, 64)
	for _, s := range srcs {
		if (idErr == nil && s.ID == id) || s.URL == ref {
			return s, true
		}
	}
	if u, err := fetch.CheckURL(ref); err == nil {
		for _, s := range srcs {
			if s.URL == u.String() {
				return s, true
			}
		}
	}
	return store.Source{}, false
}

func newSourcesPollCmd(open storeOpener) *cobra.Command {
	var (
		once, all, allowPrivate bool
		interval, hostDelay     time.Duration
	)
	cmd := &cobra.Command{
		Use:   "poll",
		Short: "Poll the sources for new articles and group them into stories",
		Long: `Poll fetches the feeds that are due and ingests their new items, then groups the new
articles into stories. With --once it polls the due sources (or, with --all, every source)
once and exits; without it, it keeps polling as sources come due until interrupted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if interval < minInterval {
				return fmt.Errorf("--interval %v: at least %v (feeds are polled politely)", interval, minInterval)
			}
			ctx := cmd.Context()
			st, err := open(cmd)
			if err != nil {
				return err
			}
			defer st.Close()
			opts := fetch.Options{HostInterval: hostDelay}
			if allowPrivate {
				opts.Allow = fetch.AllowAll
			}
			stderr := cmd.ErrOrStderr()
			var mu sync.Mutex
			p := &pipeline.Pipeline{Store: st}
			poller := &feed.Poller{
				Store: st, Fetcher: fetch.New(opts), Pipeline: p, Interval: interval,
				Report: func(r feed.Result) {
					mu.Lock()
					defer mu.Unlock()
					printResult(stderr, r)
				},
			}
			if once {
				return pollOnce(ctx, poller, p, all, stderr)
			}
			return pollForever(ctx, poller, p, stderr, &mu)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&once, "once", false, "poll once and exit")
	f.BoolVar(&all, "all", false, "with --once: poll every source now, due or not")
	f.BoolVar(&allowPrivate, "allow-private", false, "allow feeds and pages on private, loopback and other internal addresses")
	f.DurationVar(&interval, "interval", feed.DefaultInterval, "time between polls of a healthy source")
	f.DurationVar(&hostDelay, "host-delay", time.Second, "least time between two requests to one host")
	return cmd
}

func printResult(w io.Writer, r feed.Result) {
	if r.Source.ID == 0 && r.Err != nil {
		fmt.Fprintf(w, "parallax: poll: %v\n", r.Err)
		return
	}
	fmt.Fprintf(w, "%s\n", r)
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  skipped %s\n", p)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "  note: %s\n", n)
	}
}

// pollOnce polls once and, when articles were added, clusters and briefs.
func pollOnce(ctx context.Context, poller *feed.Poller, p *pipeline.Pipeline, all bool, stderr io.Writer) error {
	var res []feed.Result
	if all {
		srcs, err := poller.Store.Sources(ctx)
		if err != nil {
			return err
		}
		res = poller.Poll(ctx, srcs)
	} else {
		var err error
		if res, err = poller.PollDue(ctx); err != nil {
			return err
		}
	}
	added, failed := 0, 0
	for _, r := range res {
		added += r.Added
		if r.Err != nil {
			failed++
		}
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	fmt.Fprintf(stderr, "polled %d sources (%d failed): %d new articles\n", len(res), failed, added)
	if added > 0 {
		if err := updateStories(ctx, p); err != nil {
			return err
		}
	}
	if len(res) > 0 && failed == len(res) {
		return errors.New("every source failed")
	}
	return nil
}

// pollForever runs the poller until ctx is done, regrouping stories after
// new articles arrive (at most one regrouping at a time; arrivals during
// one cause another).
func pollForever(ctx context.Context, poller *feed.Poller, p *pipeline.Pipeline, stderr io.Writer, mu *sync.Mutex) error {
	dirty := make(chan struct{}, 1)
	poller.OnNew = func(context.Context, int) {
		select {
		case dirty <- struct{}{}:
		default:
		}
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-dirty:
				if err := updateStories(ctx, p); err != nil && ctx.Err() == nil {
					mu.Lock()
					fmt.Fprintf(stderr, "parallax: grouping stories: %v\n", err)
					mu.Unlock()
				}
			}
		}
	})
	err := poller.Run(ctx)
	wg.Wait()
	return err
}

func updateStories(ctx context.Context, p *pipeline.Pipeline) error {
	if err := p.Cluster(ctx); err != nil {
		return err
	}
	return p.Briefs(ctx)
}
