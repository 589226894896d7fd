package story

import (
	"cmp"
	"slices"
)

// topKeys returns the k heaviest entries of v (all of them if fewer),
// heaviest first.
func topKeys(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	c := slices.Clone(v)
	slices.SortFunc(c, func(a, b Entry) int {
		if a.W != b.W {
			return cmp.Compare(b.W, a.W)
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return c[:k]
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
