package eval

import (
	"math"
	"testing"
)

func TestScoreClusters(t *testing.T) {
	tests := []struct {
		name       string
		pred, gold []string
		want       ClusterScores
	}{
		{
			// gold {1,2,3} {4,5}; pred {1,2} {3,4,5}. Worked by hand:
			// BCubed P = (1+1+1/3+2/3+2/3)/5 = 11/15, R the same by symmetry;
			// pairs: 2 correct of 4 predicted, 4 gold; ARI = (2-1.6)/(4-1.6);
			// NMI = MI/H with MI = 0.8 ln(5/3) + 0.2 ln(5/9), H = H(0.4, 0.6).
			name: "hand-worked",
			pred: []string{"x", "x", "y", "y", "y"},
			gold: []string{"a", "a", "a", "b", "b"},
			want: ClusterScores{BCubedP: 11.0 / 15, BCubedR: 11.0 / 15, BCubedF1: 11.0 / 15,
				PairwiseP: 0.5, PairwiseR: 0.5, PairwiseF1: 0.5, NMI: 0.4325380677663126, ARI: 1.0 / 6,
				Articles: 5, ClustersGold: 2, ClustersPred: 2},
		},
		{
			name: "perfect, renamed",
			pred: []string{"p", "p", "q"},
			gold: []string{"a", "a", "b"},
			want: ClusterScores{BCubedP: 1, BCubedR: 1, BCubedF1: 1, PairwiseP: 1, PairwiseR: 1, PairwiseF1: 1,
				NMI: 1, ARI: 1, Articles: 3, ClustersGold: 2, ClustersPred: 2},
		},
		{
			// All singletons: BCubed P 1, R = (1/2+1/2+1)/3; no pair claimed.
			name: "singletons",
			pred: []string{"1", "2", "3"},
			gold: []string{"a", "a", "b"},
			want: ClusterScores{BCubedP: 1, BCubedR: 2.0 / 3, BCubedF1: 0.8, PairwiseP: 1, PairwiseR: 0, PairwiseF1: 0,
				NMI: 0.7336804366512111, ARI: 0, Articles: 3, ClustersGold: 2, ClustersPred: 3},
		},
		{
			// One cluster: BCubed R 1, P = (2/3+2/3+1/3)/3 = 5/9; 1 of 3 pairs right.
			name: "one cluster",
			pred: []string{"z", "z", "z"},
			gold: []string{"a", "a", "b"},
			want: ClusterScores{BCubedP: 5.0 / 9, BCubedR: 1, BCubedF1: 2 * (5.0 / 9) / (5.0/9 + 1), PairwiseP: 1.0 / 3,
				PairwiseR: 1, PairwiseF1: 0.5, NMI: 0, ARI: 0, Articles: 3, ClustersGold: 2, ClustersPred: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScoreClusters(tt.pred, tt.gold)
			clCheckScores(t, got, tt.want)
		})
	}
}

func clCheckScores(t *testing.T, got, want ClusterScores) {
	t.Helper()
	pairs := []struct {
		name string
		g, w float64
	}{
		{"bcubed_p", got.BCubedP, want.BCubedP}, {"bcubed_r", got.BCubedR, want.BCubedR},
		{"bcubed_f1", got.BCubedF1, want.BCubedF1}, {"pairwise_p", got.PairwiseP, want.PairwiseP},
		{"pairwise_r", got.PairwiseR, want.PairwiseR}, {"pairwise_f1", got.PairwiseF1, want.PairwiseF1},
		{"nmi", got.NMI, want.NMI}, {"ari", got.ARI, want.ARI},
	}
	for _, p := range pairs {
		if math.Abs(p.g-p.w) > 1e-9 {
			t.Errorf("%s = %.6f, want %.6f", p.name, p.g, p.w)
		}
	}
	if got.Articles != want.Articles || got.ClustersGold != want.ClustersGold || got.ClustersPred != want.ClustersPred {
		t.Errorf("counts = %d/%d/%d, want %d/%d/%d", got.Articles, got.ClustersGold, got.ClustersPred,
			want.Articles, want.ClustersGold, want.ClustersPred)
	}
}
