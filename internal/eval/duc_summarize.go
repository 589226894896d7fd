package eval

import (
	"strings"

	"github.com/parallax-news/parallax/internal/rouge"
	"github.com/parallax-news/parallax/internal/summary"
)

// DUCSummary is the engine's summary of one cluster and its ROUGE result.
type DUCSummary struct {
	Cluster string
	Text    string // SPL: one picked sentence per line
	Result  rouge.Result
}

// SummarizeDUC summarises every cluster with the engine and scores each
// summary against the cluster's references.
func SummarizeDUC(clusters []DUCCluster, opt summary.Options, ropt rouge.Options) []DUCSummary {
	out := make([]DUCSummary, 0, len(clusters))
	for _, c := range clusters {
		text := ducSummaryText(summary.Summarize(ducDocs(c), opt))
		res := rouge.Compare(rouge.Prepare(text, ropt), ducPrepareAll(c.References, ropt), ropt)
		out = append(out, DUCSummary{Cluster: c.ID, Text: text, Result: res})
	}
	return out
}

// MeanDUCSummaries averages the ROUGE scores of summaries.
func MeanDUCSummaries(all []DUCSummary) RougeScores {
	scores := make([]RougeScores, len(all))
	for i, s := range all {
		scores[i] = RougeOf(s.Result)
	}
	return MeanRouge(scores)
}

func ducDocs(c DUCCluster) []summary.Doc {
	docs := make([]summary.Doc, len(c.Docs))
	for i, d := range c.Docs {
		docs[i] = summary.Doc{ID: d.ID, Text: d.Text, Published: d.Published}
	}
	return docs
}

func ducSummaryText(picks []summary.Pick) string {
	lines := make([]string, len(picks))
	for i, p := range picks {
		lines[i] = strings.Join(strings.Fields(p.Text), " ")
	}
	return strings.Join(lines, "\n")
}
