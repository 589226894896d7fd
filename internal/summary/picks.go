package summary

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// maxReasonConcepts is how many concepts a Reason names.
const maxReasonConcepts = 3

// picks turns a selection into ordered picks with their sources and
// reasons.
func (c *corpus) picks(p *problem, sel []int) []Pick {
	st := newState(p)
	for _, i := range sel {
		st.add(i)
	}
	out := make([]Pick, 0, len(sel))
	for _, i := range sel {
		s := p.sents[i]
		docs := c.carriers(s)
		out = append(out, Pick{
			Sentence: s.Sentence,
			Docs:     docs,
			Score:    st.loss(i),
			Reason:   c.reason(p, st, i, docs),
		})
	}
	slices.SortStableFunc(out, func(a, b Pick) int { return c.readingOrder(a.Sentence, b.Sentence) })
	return out
}

// carriers lists the documents that carry the content of s: its own and
// those with a sentence of the same content.
func (c *corpus) carriers(s *sent) []int {
	var out []int
	for d := range c.sents {
		if d == s.Doc {
			out = append(out, d)
			continue
		}
		for i := range c.sents[d] {
			if sameContent(s, &c.sents[d][i]) {
				out = append(out, d)
				break
			}
		}
	}
	return out
}

// readingOrder sorts sentences by their document's date (unknown dates
// last), then document, then position.
func (c *corpus) readingOrder(a, b Sentence) int {
	ta, tb := c.docs[a.Doc].Published, c.docs[b.Doc].Published
	if ta.IsZero() != tb.IsZero() {
		if ta.IsZero() {
			return 1
		}
		return -1
	}
	if n := ta.Compare(tb); n != 0 {
		return n
	}
	return cmp.Or(cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Index, b.Index))
}

// reason explains a pick: the best-supported concepts that only it covers
// in the summary, and where else its content appears.
func (c *corpus) reason(p *problem, st *state, i int, docs []int) string {
	own := map[int32]bool{}
	for _, id := range p.concepts[i] {
		if st.count[id] == 1 {
			own[id] = true
		}
	}
	// The sentence's concepts in its own words, weighted ones in the order
	// of p.concepts[i].
	type named struct {
		concept
		support int
	}
	var shown []named
	k := 0
	for _, con := range p.sents[i].cons {
		if k < len(p.concepts[i]) && p.keys[p.concepts[i][k]] == con.key {
			if id := p.concepts[i][k]; own[id] && con.content {
				shown = append(shown, named{con, p.support[id]})
			}
			k++
		}
	}
	slices.SortStableFunc(shown, func(a, b named) int {
		return cmp.Or(cmp.Compare(boolInt(a.unigram), boolInt(b.unigram)), cmp.Compare(b.support, a.support))
	})
	var b strings.Builder
	fmt.Fprintf(&b, "adds %d concepts", len(own))
	for j, n := range shown[:min(len(shown), maxReasonConcepts)] {
		sep := ", "
		if j == 0 {
			sep = ", e.g. "
		}
		fmt.Fprintf(&b, "%s%q (%d sources)", sep, n.surface, n.support)
	}
	if len(docs) > 1 {
		fmt.Fprintf(&b, "; carried by %d documents", len(docs))
	}
	if pen := p.penalty[i]; pen > 0 {
		fmt.Fprintf(&b, "; penalised %.1f", pen)
	}
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
