package eval

import "math"

// ClusterScores are the agreement figures between a predicted and a gold
// clustering of the same items. All figures are fractions in [0, 1] except
// ARI, which can fall below 0 for worse-than-chance clusterings.
type ClusterScores struct {
	BCubedP      float64 `json:"bcubed_p"`
	BCubedR      float64 `json:"bcubed_r"`
	BCubedF1     float64 `json:"bcubed_f1"`
	PairwiseP    float64 `json:"pairwise_p"`
	PairwiseR    float64 `json:"pairwise_r"`
	PairwiseF1   float64 `json:"pairwise_f1"`
	NMI          float64 `json:"nmi"`
	ARI          float64 `json:"ari"`
	Articles     int     `json:"articles"`
	ClustersGold int     `json:"clusters_gold"`
	ClustersPred int     `json:"clusters_pred"`
}

// ScoreClusters compares pred with gold, two labellings of the same items
// (pred[i] and gold[i] label item i). It panics if the lengths differ.
//
// BCubed precision is the mean, over items, of the share of the item's
// predicted cluster that is in its gold cluster; recall swaps the roles.
// Pairwise precision is the share of item pairs put together that belong
// together; a ratio with a zero denominator counts as 1 (nothing claimed,
// nothing wrong). NMI normalises mutual information by the arithmetic mean
// of the two entropies; ARI is the Hubert–Arabie adjusted Rand index.
func ScoreClusters(pred, gold []string) ClusterScores {
	if len(pred) != len(gold) {
		panic("eval: ScoreClusters: label slices differ in length")
	}
	ct := clContingency(pred, gold)
	s := ClusterScores{Articles: len(pred), ClustersGold: len(ct.gold), ClustersPred: len(ct.pred)}
	if len(pred) == 0 {
		return s
	}
	s.BCubedP, s.BCubedR = clBCubed(ct, len(pred))
	s.BCubedF1 = clF1(s.BCubedP, s.BCubedR)
	tp, predPairs, goldPairs := ct.pairs()
	s.PairwiseP = clRatio(tp, predPairs)
	s.PairwiseR = clRatio(tp, goldPairs)
	s.PairwiseF1 = clF1(s.PairwiseP, s.PairwiseR)
	s.NMI = clNMI(ct, len(pred))
	s.ARI = clARI(tp, predPairs, goldPairs, clChoose2(float64(len(pred))))
	return s
}

// clTable is the contingency table of two labellings.
type clTable struct {
	cell map[[2]string]int // (pred, gold) -> count
	pred map[string]int    // cluster sizes
	gold map[string]int
}

func clContingency(pred, gold []string) clTable {
	t := clTable{cell: make(map[[2]string]int), pred: make(map[string]int), gold: make(map[string]int)}
	for i := range pred {
		t.cell[[2]string{pred[i], gold[i]}]++
		t.pred[pred[i]]++
		t.gold[gold[i]]++
	}
	return t
}

// pairs returns the number of item pairs together in both labellings, in
// pred, and in gold.
func (t clTable) pairs() (both, pred, gold float64) {
	for _, n := range t.cell {
		both += clChoose2(float64(n))
	}
	for _, n := range t.pred {
		pred += clChoose2(float64(n))
	}
	for _, n := range t.gold {
		gold += clChoose2(float64(n))
	}
	return both, pred, gold
}

func clBCubed(t clTable, n int) (p, r float64) {
	// Every item in cell (c, g) has precision n_cg/|c| and recall n_cg/|g|.
	for k, m := range t.cell {
		nm := float64(m)
		p += nm * nm / float64(t.pred[k[0]])
		r += nm * nm / float64(t.gold[k[1]])
	}
	return p / float64(n), r / float64(n)
}

func clNMI(t clTable, n int) float64 {
	N := float64(n)
	var mi float64
	for k, m := range t.cell {
		nm := float64(m)
		mi += nm / N * math.Log(N*nm/(float64(t.pred[k[0]])*float64(t.gold[k[1]])))
	}
	hp, hg := clEntropy(t.pred, N), clEntropy(t.gold, N)
	if hp+hg == 0 {
		return 1 // both labellings put everything in one cluster
	}
	return math.Max(0, mi/((hp+hg)/2))
}

func clEntropy(sizes map[string]int, n float64) float64 {
	var h float64
	for _, c := range sizes {
		p := float64(c) / n
		h -= p * math.Log(p)
	}
	return h
}

func clARI(both, pred, gold, all float64) float64 {
	if all == 0 {
		return 1
	}
	expected := pred * gold / all
	max := (pred + gold) / 2
	if max == expected {
		return 1 // identical trivial labellings (all singletons or one cluster)
	}
	return (both - expected) / (max - expected)
}

func clChoose2(n float64) float64 { return n * (n - 1) / 2 }

func clRatio(a, b float64) float64 {
	if b == 0 {
		return 1
	}
	return a / b
}

func clF1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
