package dedup

import "sort"

// chain is a diagonal run of matching shingles: e positions [i0, i1] and
// o positions [j0, j1].
type chain struct{ i0, i1, j0, j1 int32 }

// passages chains matching shingle positions into passages of at least
// minWords words outside quotations, and maps them to byte offsets. A gap
// of up to k positions (a masked quotation, a changed word) is bridged.
func passages(e, o *entry, matches [][2]int32, k, minWords int) []Passage {
	if len(matches) == 0 {
		return nil
	}
	sort.Slice(matches, func(a, b int) bool {
		if matches[a][0] != matches[b][0] {
			return matches[a][0] < matches[b][0]
		}
		return matches[a][1] < matches[b][1]
	})
	gap := int32(k + 2)
	var chains []chain
	for _, m := range matches {
		i, j := m[0], m[1]
		extended := false
		for c := len(chains) - 1; c >= 0 && c >= len(chains)-4; c-- {
			ch := &chains[c]
			if i >= ch.i1 && i <= ch.i1+gap && j > ch.j1 && j <= ch.j1+gap && abs(int32((i-ch.i1)-(j-ch.j1))) <= gap/2 {
				ch.i1, ch.j1 = i, j
				extended = true
				break
			}
		}
		if !extended {
			chains = append(chains, chain{i, i, j, j})
		}
	}
	var out []Passage
	for _, c := range chains {
		if int(c.i1-c.i0)+k < minWords {
			continue
		}
		ie := min(int(c.i1)+k-1, len(e.unq)-1)
		je := min(int(c.j1)+k-1, len(o.unq)-1)
		out = append(out, Passage{
			Start: int(e.unq[c.i0].start), End: int(e.unq[ie].end),
			FromStart: int(o.unq[c.j0].start), FromEnd: int(o.unq[je].end),
		})
	}
	return mergePassages(out)
}

// mergePassages joins passages that overlap on the article's side.
func mergePassages(ps []Passage) []Passage {
	if len(ps) < 2 {
		return ps
	}
	sort.Slice(ps, func(a, b int) bool { return ps[a].Start < ps[b].Start })
	out := ps[:1]
	for _, p := range ps[1:] {
		last := &out[len(out)-1]
		if p.Start <= last.End && p.FromStart <= last.FromEnd && p.FromEnd >= last.FromStart {
			last.End = max(last.End, p.End)
			last.FromStart = min(last.FromStart, p.FromStart)
			last.FromEnd = max(last.FromEnd, p.FromEnd)
			continue
		}
		out = append(out, p)
	}
	return out
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}
