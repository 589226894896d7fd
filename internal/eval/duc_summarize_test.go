package eval

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/rouge"
	"github.com/parallax-news/parallax/internal/summary"
)

// TestSummarizeDUC2004 guards the summariser's quality on DUC 2004 task 2
// at the task's setting (100 words, stemmed ROUGE): at least ROUGE-1
// recall 0.385 and ROUGE-2 recall 0.095 (ICSISumm, a strong published
// system, scores 0.3844 / 0.0981). It also checks the 250-word,
// unstemmed condition stays above Lead-level figures.
func TestSummarizeDUC2004(t *testing.T) {
	clusters := ducLoadClusters(t)
	tests := []struct {
		words  int
		stem   bool
		r1, r2 float64
	}{
		{100, true, 0.385, 0.095},
		{250, false, 0.50, 0.12},
	}
	for _, tt := range tests {
		sums := SummarizeDUC(clusters, summary.Options{Words: tt.words, Stem: tt.stem}, rouge.DUC(tt.words, tt.stem))
		for _, s := range sums {
			if n := len(strings.Fields(s.Text)); n > tt.words || n == 0 {
				t.Errorf("%s: summary of %d words, budget %d", s.Cluster, n, tt.words)
			}
		}
		m := MeanDUCSummaries(sums)
		t.Logf("%d words, stem %v: R-1 %.4f R-2 %.4f R-4 %.4f R-SU4 %.4f R-L %.4f", tt.words, tt.stem,
			m.Rouge1.R, m.Rouge2.R, m.Rouge4.R, m.RougeSU4.R, m.RougeL.R)
		if m.Rouge1.R < tt.r1 || m.Rouge2.R < tt.r2 {
			t.Errorf("%d words: ROUGE-1 R %.4f, ROUGE-2 R %.4f; want at least %.3f, %.3f", tt.words, m.Rouge1.R, m.Rouge2.R, tt.r1, tt.r2)
		}
	}
}
