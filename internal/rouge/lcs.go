package rouge

// unionLCS computes the summary-level ROUGE-L hit of a peer against one
// model as ROUGE-1.5.5 does: for each model sentence, the union of its
// tokens that lie on an LCS with any peer sentence; a union token counts
// only while the token is still unused in both texts' unigram counts, so
// that the LCS hit never exceeds the unigram hit. base is the number of
// model tokens.
func unionLCS(model, peer Text) (hit, base int) {
	mcount := unigramCounts(model)
	pcount := unigramCounts(peer)
	for _, ms := range model.sents {
		base += len(ms)
		mask := make([]bool, len(ms))
		for _, ps := range peer.sents {
			markLCS(ms, ps, mask)
		}
		for j, on := range mask {
			w := ms[j]
			if on && mcount[w] > 0 && pcount[w] > 0 {
				hit++
				mcount[w]--
				pcount[w]--
			}
		}
	}
	return hit, base
}

func unigramCounts(t Text) map[string]int {
	c := map[string]int{}
	for _, s := range t.sents {
		for _, w := range s {
			c[w]++
		}
	}
	return c
}

// Backtracking moves of the LCS table, as in 1.5.5's lcs_inner.
const (
	moveDiag = iota + 1
	moveUp
	moveLeft
)

// markLCS sets mask[i] for the model tokens on the LCS of model and peer
// that 1.5.5's table and backtrack choose: a match is always taken, ties
// between up and left go up.
func markLCS(model, peer []string, mask []bool) {
	m, n := len(model), len(peer)
	if m == 0 {
		return
	}
	w := n + 1
	c := make([]int, (m+1)*w)
	b := make([]uint8, (m+1)*w)
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			switch {
			case model[i-1] == peer[j-1]:
				c[i*w+j] = c[(i-1)*w+j-1] + 1
				b[i*w+j] = moveDiag
			case c[(i-1)*w+j] >= c[i*w+j-1]:
				c[i*w+j] = c[(i-1)*w+j]
				b[i*w+j] = moveUp
			default:
				c[i*w+j] = c[i*w+j-1]
				b[i*w+j] = moveLeft
			}
		}
	}
	for i, j := m, n; i != 0 && j != 0; {
		switch b[i*w+j] {
		case moveDiag:
			i--
			j--
			mask[i] = true
		case moveUp:
			i--
		default:
			j--
		}
	}
}
