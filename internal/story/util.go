package story

import "sort"

func sortByWeight(cs []*cluster, w map[*cluster]float32) {
	sort.Slice(cs, func(i, j int) bool {
		if w[cs[i]] != w[cs[j]] {
			return w[cs[i]] > w[cs[j]]
		}
		return cs[i].seq0 < cs[j].seq0
	})
}

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
