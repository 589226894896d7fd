package story

import (
	"cmp"
	"slices"
)

// topKeys returns the k heaviest entries of v (all of them if fewer),
// heaviest first (ties: the smaller key).
func topKeys(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	if k <= 0 {
		return nil
	}
	h := keepTop(v, k, lighter)
	slices.SortFunc(h, func(a, b Entry) int {
		if a.W != b.W {
			return cmp.Compare(b.W, a.W)
		}
		return cmp.Compare(a.Key, b.Key)
	})
	return h
}

// lighter ranks entries by weight, the larger key lower on ties.
func lighter(a, b Entry) bool { return a.W < b.W || (a.W == b.W && a.Key > b.Key) }

// keepTop returns, in a new slice and in no particular order, the k
// items of xs (0 < k < len(xs)) that rank highest, where lower(a, b)
// reports whether a ranks below b. A bounded min-heap keeps them: n log k,
// not a sort of all n.
func keepTop[T any](xs []T, k int, lower func(a, b T) bool) []T {
	h := slices.Clone(xs[:k])
	down := func(i int) {
		for {
			m, l, r := i, 2*i+1, 2*i+2
			if l < k && lower(h[l], h[m]) {
				m = l
			}
			if r < k && lower(h[r], h[m]) {
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
	for _, x := range xs[k:] {
		if lower(h[0], x) {
			h[0] = x
			down(0)
		}
	}
	return h
}

// keysOf returns the keys of v.
func keysOf(v []Entry) []uint64 {
	keys := make([]uint64, len(v))
	for i, x := range v {
		keys[i] = x.Key
	}
	return keys
}

// heaviest returns the k heaviest entries of v (all of them if fewer),
// sorted by key, as centroids compare them.
func heaviest(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	if k <= 0 {
		return nil
	}
	c := keepTop(v, k, lighter) // the same entries as topKeys, not sorted twice
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
