package summary

import (
	"github.com/parallax-news/parallax/internal/text"
)

// Thresholds for copies. Two documents are copies when half the word
// 5-shingles of the shorter also occur in the longer (a wire story and its
// rewrites, a republished update). Two sentences carry the same content
// when their content words mostly coincide: Jaccard at least 0.6, or at
// least 0.8 of the shorter's (five or more) content words in the longer.
const (
	docShingle       = 5
	docContainment   = 0.5
	sentJaccard      = 0.6
	sentContainment  = 0.8
	sentMinContained = 5
)

// groupDocs assigns every document to a group of documents that are not
// independent of one another: same Source, or copies by text. It returns
// the group of each document and the number of groups.
func groupDocs(c *corpus) ([]int, int) {
	n := len(c.docs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }

	shingles := make([]map[uint64]bool, n)
	for d, doc := range c.docs {
		set := map[uint64]bool{}
		for _, h := range text.Shingles(text.Words(doc.Text), docShingle) {
			set[h] = true
		}
		shingles[d] = set
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if c.docs[a].Source != "" && c.docs[a].Source == c.docs[b].Source {
				union(a, b)
				continue
			}
			if containment(shingles[a], shingles[b]) >= docContainment {
				union(a, b)
			}
		}
	}
	ids := map[int]int{}
	group := make([]int, n)
	for d := range group {
		r := find(d)
		if _, ok := ids[r]; !ok {
			ids[r] = len(ids)
		}
		group[d] = ids[r]
	}
	return group, len(ids)
}

// containment is the share of the smaller set found in the larger one.
func containment[K comparable](a, b map[K]bool) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	in := 0
	for k := range a {
		if b[k] {
			in++
		}
	}
	return float64(in) / float64(len(a))
}

// sameContent reports whether two sentences carry the same content.
func sameContent(a, b *sent) bool {
	small, large := a.content, b.content
	if len(small) > len(large) {
		small, large = large, small
	}
	if len(small) == 0 {
		return false
	}
	in := 0
	for i, j := 0, 0; i < len(small) && j < len(large); {
		switch {
		case small[i] == large[j]:
			in++
			i++
			j++
		case small[i] < large[j]:
			i++
		default:
			j++
		}
	}
	union := len(small) + len(large) - in
	if float64(in)/float64(union) >= sentJaccard {
		return true
	}
	return len(small) >= sentMinContained && float64(in)/float64(len(small)) >= sentContainment
}
