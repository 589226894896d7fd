// Package summary writes an extractive summary of several news articles on
// one story: it picks whole sentences that together cover the most
// important concepts of the story within a word budget.
//
// A concept is a pair of adjacent words (stemmed, not both stopwords) or a
// single content word. A concept's weight grows with the number of
// independent sources that use it, more than linearly, and counts double
// for a source that uses it in its lede: documents that are copies of one
// another (wire copies, republished updates) or that share a Source count
// once, so that corroboration by several outlets raises a concept and
// repetition by one does not. Concepts used by too few sources are
// dropped. The summary maximises the total weight of the concepts it
// covers (Gillick and Favre's concept coverage), solved by greedy
// selection and local search; near-identical sentences are never picked
// twice, and every pick lists all the documents that carry its content, so
// that a brief can cite them. Picks come in reading order: by article date,
// then position in the article.
package summary

import (
	"time"
)

// Doc is one article of the story.
type Doc struct {
	ID        string
	Text      string    // cleaned body; sentences are found with text.Sentences
	Published time.Time // zero when unknown
	// Source, when set, names the independent origin of the text (an
	// outlet, or the wire service a copy credits). Documents with the same
	// Source count as one witness when concepts are weighted.
	Source string
}

// Options control a summary.
type Options struct {
	// Words is the length budget in words (whitespace-separated, as ROUGE
	// counts them). The picks never exceed it.
	Words int
	// Stem matches concepts on word stems (Snowball) rather than on word
	// forms; it is the better choice for briefs.
	Stem bool
	// Penalty, when set, returns a value in [0, 1] for a sentence (doc and
	// sentence index as in Sentence, and its text): the share of the
	// sentence's value that is withheld, e.g. for loaded wording in an
	// outlet's own voice. 1 keeps the sentence out of the summary. It
	// combines with the summariser's own penalty for sentences that open
	// by referring back ("He said", "But the").
	Penalty func(doc, sent int, text string) float64
}

// Sentence is a sentence of one document.
type Sentence struct {
	Doc   int    // index of the document in the input
	Index int    // position of the sentence in the document, from 0
	Text  string // Doc.Text[Start:End]; a leading dateline is left out
	Start int    // byte offsets in the document's Text
	End   int
}

// Pick is a sentence chosen for the summary.
type Pick struct {
	Sentence
	// Docs lists, in input order, every document that carries this
	// content: the sentence's own document and those with a near-identical
	// or strongly overlapping sentence.
	Docs []int
	// Score is the weight of the concepts this sentence adds to the
	// summary (after the other picks), net of any Penalty.
	Score  float64
	Reason string
}

// Summarize picks sentences from docs that cover the story's most
// corroborated concepts within opt.Words words, in reading order.
func Summarize(docs []Doc, opt Options) []Pick {
	if opt.Words <= 0 || len(docs) == 0 {
		return nil
	}
	c := newCorpus(docs, opt)
	cands := c.candidates()
	if len(cands) == 0 {
		return nil
	}
	w := c.weights()
	p := newProblem(c, cands, w, opt)
	sel := p.solve()
	return c.picks(p, sel)
}
