package story

import (
	"cmp"
	"slices"
)

// topKeys returns the k heaviest entries of v (all of them if fewer),
// heaviest first (ties: the smaller key). A bounded min-heap keeps them:
// n log k, not a sort of all n.
func topKeys(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	if k <= 0 {
		return nil
	}
	// lighter reports whether a ranks below b.
	lighter := func(a, b Entry) bool { return a.W < b.W || (a.W == b.W && a.Key > b.Key) }
	h := slices.Clone(v[:k])
	down := func(i int) {
		for {
			m, l, r := i, 2*i+1, 2*i+2
			if l < k && lighter(h[l], h[m]) {
				m = l
			}
			if r < k && lighter(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, e := range v[k:] {
		if lighter(h[0], e) {
			h[0] = e
			down(0)
		}
	}
	slices.SortFunc(h, func(a, b Entry) int {
		if a.W != b.W {
			return cmp.Compare(b.W, a.W)
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return h
}

// heaviest returns the k heaviest entries of v (all of them if fewer),
// sorted by key, as centroids compare them.
func heaviest(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	c := topKeys(v, k)
	slices.SortFunc(c, func(a, b Entry) int { return cmp.Compare(a.Key, b.Key) })
	return c
}

// byKey returns v sorted by key with repeated keys summed, in place when
// it already is (as a Featurizer makes it).
func byKey(v []Entry) []Entry {
	sorted := true
	for i := 1; i < len(v); i++ {
		if v[i].Key <= v[i-1].Key {
			sorted = false
			break
		}
	}
	if sorted {
		return v
	}
	slices.SortFunc(v, func(a, b Entry) int { return cmp.Compare(a.Key, b.Key) })
	out := v[:0]
	for _, e := range v {
		if n := len(out); n > 0 && out[n-1].Key == e.Key {
			out[n-1].W += e.W
			continue
		}
		out = append(out, e)
	}
	return out
}
