package story

import "sort"

// topKeys returns the k heaviest entries of v (all of them if fewer).
func topKeys(v []Entry, k int) []Entry {
	if len(v) <= k {
		return v
	}
	c := append([]Entry(nil), v...)
	sort.Slice(c, func(i, j int) bool {
		if c[i].W != c[j].W {
			return c[i].W > c[j].W
		}
		return c[i].Key < c[j].Key
	})
	return c[:k]
}
