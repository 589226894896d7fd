package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

func newStoriesCmd() *cobra.Command {
	var (
		dbPath, format, from, to string
		f                        store.StoryFilter
		noUpdate                 bool
	)
	cmd := &cobra.Command{
		Use:   "stories",
		Short: "List the stories in the database, newest activity first",
		Long: `Stories lists every story in the database, newest activity first (undated stories
last): its ID, latest date, number of articles, outlets and title. Filters: --from and --to
(YYYY-MM-DD: stories active in that range), --outlet, --entity. Articles not yet grouped
into stories are grouped first (unless --no-update).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q (want text or json)", format)
			}
			var err error
			if f.From, err = parseDate("--from", from); err != nil {
				return err
			}
			if f.To, err = parseDate("--to", to); err != nil {
				return err
			}
			st, err := openUpdated(ctx, dbPath, !noUpdate, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			defer st.Close()
			var items []apiv1.StoryItem
			err = eachStory(ctx, st, f, func(s store.StorySummary) {
				items = append(items, apiv1.NewStoryItem(s))
			})
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(apiv1.StoryList{Stories: nonNilItems(items)})
			}
			return writeStoryTable(cmd.OutOrStdout(), items)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	fl.StringVarP(&format, "format", "f", "text", "output format: text or json")
	fl.StringVar(&from, "from", "", "only stories active on or after this day (YYYY-MM-DD)")
	fl.StringVar(&to, "to", "", "only stories begun on or before this day (YYYY-MM-DD)")
	fl.StringVar(&f.Outlet, "outlet", "", "only stories with an article from this outlet")
	fl.StringVar(&f.Entity, "entity", "", "only stories naming this entity")
	fl.BoolVar(&noUpdate, "no-update", false, "do not group new articles into stories first")
	return cmd
}

// eachStory calls fn for every story matching f, a page at a time.
func eachStory(ctx context.Context, st *store.Store, f store.StoryFilter, fn func(store.StorySummary)) error {
	const page = 500
	var after *store.StoryKey
	for {
		sts, err := st.ListStories(ctx, f, after, page)
		if err != nil {
			return err
		}
		for _, s := range sts {
			fn(s)
		}
		if len(sts) < page {
			return nil
		}
		after = &sts[len(sts)-1].Key
	}
}

func writeStoryTable(w io.Writer, items []apiv1.StoryItem) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tLAST\tARTICLES\tOUTLETS\tTITLE")
	for _, it := range items {
		last := "undated"
		if it.Last != nil {
			last = *it.Last
		}
		title := it.Title
		if !it.Ready {
			title += " (being rebuilt)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", it.ID, last, it.ArticleCount, cut(strings.Join(it.Outlets, ", "), 40), cut(title, 80))
	}
	fmt.Fprintf(tw, "\n%s\n", countStories(len(items)))
	return tw.Flush()
}

func countStories(n int) string {
	if n == 1 {
		return "1 story"
	}
	return fmt.Sprintf("%d stories", n)
}

// cut shortens s to n runes with an ellipsis; tabs and newlines become
// spaces so the table holds.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func nonNilItems(items []apiv1.StoryItem) []apiv1.StoryItem {
	if items == nil {
		return []apiv1.StoryItem{}
	}
	return items
}

func parseDate(flag, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return t, fmt.Errorf("%s: want a date YYYY-MM-DD, got %q", flag, s)
	}
	return t, nil
}

// openStore opens the database at path, or the default one.
func openStore(ctx context.Context, path string) (*store.Store, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return store.Open(ctx, path)
}

// openUpdated opens the database and, when update is set, first does the
// story work an interrupted ingest left (see catchUp).
func openUpdated(ctx context.Context, path string, update bool, stderr io.Writer) (*store.Store, error) {
	st, err := openStore(ctx, path)
	if err != nil || !update {
		return st, err
	}
	if err := catchUp(ctx, st, stderr); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// backlogWork says what catching up with b will do.
func backlogWork(b store.Backlog) string {
	var work []string
	if b.Unclustered > 0 {
		work = append(work, fmt.Sprintf("grouping %d new articles into stories", b.Unclustered))
	}
	if b.Outdated > 0 {
		work = append(work, fmt.Sprintf("regrouping %d stories made by an older version", b.Outdated))
	}
	if b.StaleBriefs > 0 {
		work = append(work, fmt.Sprintf("building %d story objects", b.StaleBriefs))
	}
	return strings.Join(work, ", ")
}

// catchUp groups articles not yet in a story (all of them again, when
// stories were made by an older version) and builds stale story objects,
// with a spinner on a terminal: the work an interrupted ingest or an
// upgrade left.
func catchUp(ctx context.Context, st *store.Store, stderr io.Writer) error {
	p := &pipeline.Pipeline{Store: st}
	b, err := p.Backlog(ctx)
	if err != nil || (b.Unclustered == 0 && b.Outdated == 0 && b.StaleBriefs == 0) {
		return err
	}
	bar := newProgress(stderr, "grouping stories")
	if bar != nil {
		done := make(chan struct{})
		var wg sync.WaitGroup
		defer func() { close(done); wg.Wait() }()
		wg.Go(func() {
			tick := time.NewTicker(100 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-done:
					bar.Finish()
					bar.Clear()
					return
				case <-tick.C:
					bar.Add(0)
				}
			}
		})
	} else {
		fmt.Fprintf(stderr, "parallax: %s\n", backlogWork(b))
	}
	if b.Unclustered > 0 || b.Outdated > 0 {
		if err := p.Cluster(ctx); err != nil {
			return err
		}
	}
	if bar != nil {
		bar.Describe("building story objects")
	}
	return p.Briefs(ctx)
}
