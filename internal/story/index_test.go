package story

import (
	"slices"
	"testing"
)

// TestIndexSlots checks that clusters leave the index whole (closed or
// merged away), that their slots are reused, and that a reused slot never
// finds the cluster that held it before.
func TestIndexSlots(t *testing.T) {
	x := newIndex()
	a, b, c := newCluster("a", 1), newCluster("b", 2), newCluster("c", 3)
	x.post(a, []uint64{1, 2}, 1)
	x.post(b, []uint64{2, 3}, 2)
	q := []Entry{{1, 1}, {2, 1}, {3, 1}}
	if got := ids(x.candidates(q, 10, 100)); !slices.Equal(got, []string{"a", "b"}) {
		t.Fatalf("candidates = %v, want [a b]", got)
	}

	x.remove(a)
	if a.slot != -1 || len(x.free) != 1 {
		t.Fatalf("remove: slot %d, free %v", a.slot, x.free)
	}
	x.post(c, []uint64{1}, 3) // takes a's slot
	if got := ids(x.candidates(q, 10, 100)); !slices.Equal(got, []string{"b", "c"}) {
		t.Fatalf("after remove and reuse, candidates = %v, want [b c]", got)
	}

	x.moveAll(c, b)
	if c.slot != -1 {
		t.Fatalf("moveAll left the merged cluster a slot: %d", c.slot)
	}
	if got := ids(x.candidates([]Entry{{1, 1}}, 10, 100)); !slices.Equal(got, []string{"b"}) {
		t.Fatalf("after moveAll, candidates = %v, want [b]", got)
	}
	if _, ok := x.lists[1]; !ok || len(x.lists) != 3 {
		t.Fatalf("lists = %v", x.lists)
	}
	x.remove(b)
	if len(x.lists) != 0 || len(x.freeLists) != len(x.postings) {
		t.Fatalf("lists left after every cluster is gone: %v (free %v of %d)", x.lists, x.freeLists, len(x.postings))
	}
	x.post(c, []uint64{9}, 4) // takes a free list
	if len(x.postings) != 3 || !slices.Equal(x.listed(9), []int32{c.slot}) {
		t.Fatalf("after reuse: %d lists, listed(9) = %v", len(x.postings), x.listed(9))
	}
}

// TestCandidatesLimit checks the order candidates are cut in: the heaviest
// first, ties to the oldest, and clusters under minShare of the top left
// out.
func TestCandidatesLimit(t *testing.T) {
	x := newIndex()
	for i := range 6 {
		c := newCluster(string(rune('a'+i)), i+1)
		keys := []uint64{100}
		if i%2 == 0 {
			keys = append(keys, 200)
		}
		x.post(c, keys, i+1)
	}
	q := []Entry{{100, 1}, {200, 1}}
	got := ids(x.candidates(q, 2, 100)) // a, c and e tie: the oldest two
	if !slices.Equal(got, []string{"a", "c"}) {
		t.Fatalf("limit 2: %v, want [a c]", got)
	}
	got = ids(x.candidates([]Entry{{100, 0.1}, {200, 1}}, 10, 100))
	if !slices.Equal(got, []string{"a", "c", "e"}) {
		t.Fatalf("minShare: %v, want [a c e]", got)
	}
	if got := x.candidates(q, 10, 2); len(got) != 0 {
		t.Fatalf("lists longer than maxPosting were used: %v", ids(got))
	}
}

// ids returns the clusters' ids, sorted: under the limit, candidates come
// in no particular order.
func ids(cs []*cluster) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.id)
	}
	slices.Sort(out)
	return out
}
