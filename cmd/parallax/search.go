package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/apiv1"
)

func newSearchCmd() *cobra.Command {
	var (
		dbPath, in, format string
		limit              int
	)
	cmd := &cobra.Command{
		Use:   "search WORDS...",
		Short: "Search the articles (or quotes) in the database",
		Long: `Search finds the articles whose title or text hold all the words, most relevant first,
with the matching words marked (bold on a terminal, else **like this**). "A quoted phrase"
matches words in a row; word* matches words starting with word; -word excludes. Case,
accents and English word endings do not matter. --in quotes searches the quotes of stories.`,
		Example: `  parallax search burns iran
  parallax search '"seek permission"' --in quotes`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			if in != "articles" && in != "quotes" {
				return fmt.Errorf("unknown --in %q (want articles or quotes)", in)
			}
			if format != "text" && format != "json" {
				return fmt.Errorf("unknown --format %q (want text or json)", format)
			}
			if limit < 1 {
				return fmt.Errorf("--limit must be at least 1")
			}
			st, err := openStore(ctx, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			q := strings.Join(args, " ")
			res := apiv1.SearchResults{Query: q, In: in, Results: []apiv1.SearchHit{}}
			if in == "articles" {
				hits, err := st.SearchArticles(ctx, q, 0, limit+1)
				if err != nil {
					return err
				}
				for _, h := range hits {
					res.Results = append(res.Results, apiv1.NewArticleHit(h))
				}
			} else {
				hits, err := st.SearchQuotes(ctx, q, 0, limit+1)
				if err != nil {
					return err
				}
				for _, h := range hits {
					res.Results = append(res.Results, apiv1.NewQuoteHit(h))
				}
			}
			more := len(res.Results) > limit
			if more {
				res.Results = res.Results[:limit]
			}
			if format == "json" {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			writeHits(cmd.OutOrStdout(), res.Results, isTerminal(cmd.OutOrStdout()))
			if more {
				fmt.Fprintf(cmd.ErrOrStderr(), "more results: raise --limit (now %d)\n", limit)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	f.StringVar(&in, "in", "articles", "what to search: articles or quotes")
	f.IntVarP(&limit, "limit", "n", 20, "most results to print")
	f.StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}

// writeHits prints search results for people: a heading line per hit and
// the matching passage, hits marked.
func writeHits(w io.Writer, hits []apiv1.SearchHit, bold bool) {
	if len(hits) == 0 {
		fmt.Fprintln(w, "no results")
		return
	}
	mark := func(segs []apiv1.Segment) string {
		var b strings.Builder
		for _, s := range segs {
			text := strings.Join(strings.Fields(s.Text), " ")
			if strings.HasPrefix(s.Text, " ") || strings.HasPrefix(s.Text, "\n") {
				text = " " + text
			}
			if strings.HasSuffix(s.Text, " ") || strings.HasSuffix(s.Text, "\n") {
				text += " "
			}
			switch {
			case !s.Hit:
				b.WriteString(text)
			case bold:
				b.WriteString("\x1b[1m" + text + "\x1b[0m")
			default:
				b.WriteString("**" + text + "**")
			}
		}
		return strings.TrimSpace(b.String())
	}
	for i, h := range hits {
		story := "not yet in a story"
		if h.Story != nil {
			story = "story " + *h.Story
		}
		if h.Kind == "quote" {
			fmt.Fprintf(w, "%d. %s: “%s”\n   %s, article %s\n", i+1, mark(h.Highlights["speaker"]), mark(h.Highlights["text"]), story, h.Article)
			continue
		}
		meta := []string{}
		if h.Outlet != "" {
			meta = append(meta, h.Outlet)
		}
		if h.Published != nil {
			meta = append(meta, *h.Published)
		}
		meta = append(meta, story, "article "+h.Article)
		title := mark(h.Highlights["title"])
		if title == "" {
			title = "(untitled)"
		}
		fmt.Fprintf(w, "%d. %s\n   %s\n   %s\n", i+1, title, strings.Join(meta, " · "), mark(h.Highlights["body"]))
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
