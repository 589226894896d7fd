package story_test

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"strconv"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/story"
)

var splits = flag.Bool("splits", false, "print figures on the ECB+ dev/test topics and the two GVA halves for several thresholds")

// TestSplits prints the figures used to choose Config.Threshold: the ECB+
// dev topics (Cybulska & Vossen's split) and the GVA half used to fit the
// model serve as development data; the ECB+ test topics and the other GVA
// half are held out. Run: go test -run TestSplits -splits ./internal/story
func TestSplits(t *testing.T) {
	if !*splits {
		t.Skip("run with -splits")
	}
	var ecbDev, ecbTest, gvaFit, gvaHeld []eval.ClusterDoc
	for _, d := range clusteringData(t, "ecbplus.jsonl") {
		n, _ := strconv.Atoi(d.Topic)
		switch {
		case ecbDevTopics[n]:
			ecbDev = append(ecbDev, d)
		case n >= 36:
			ecbTest = append(ecbTest, d)
		}
	}
	for _, d := range clusteringData(t, "gva_semeval2018t5.jsonl") {
		h := fnv.New32a()
		h.Write([]byte(d.Cluster))
		if h.Sum32()%2 == 0 {
			gvaFit = append(gvaFit, d)
		} else {
			gvaHeld = append(gvaHeld, d)
		}
	}
	for _, th := range []float64{0.2, 0.3, 0.4, 0.5} {
		cfg := story.DefaultConfig()
		cfg.Threshold = th
		run := func(docs []eval.ClusterDoc, noDates bool) eval.ClusterReport {
			return eval.RunCluster(docs, eval.ClusterOptions{NoDates: noDates, Config: cfg}).Report
		}
		ed, gd, gu := run(ecbDev, true), run(gvaFit, false), run(gvaFit, true)
		et, gh, guh := run(ecbTest, true), run(gvaHeld, false), run(gvaHeld, true)
		mean := (ed.BCubedF1 + ed.PairwiseF1 + gd.BCubedF1 + gd.PairwiseF1 + gu.BCubedF1 + gu.PairwiseF1) / 6
		fmt.Fprintf(os.Stdout, "threshold %.2f  dev: ECB+ %.3f/%.3f GVA-fit %.3f/%.3f undated %.3f/%.3f (mean %.3f)  held out: ECB+ test %.3f/%.3f storylines %.3f, GVA %.3f/%.3f undated %.3f/%.3f\n",
			th, ed.BCubedF1, ed.PairwiseF1, gd.BCubedF1, gd.PairwiseF1, gu.BCubedF1, gu.PairwiseF1, mean,
			et.BCubedF1, et.PairwiseF1, et.Topic.BCubedF1, gh.BCubedF1, gh.PairwiseF1, guh.BCubedF1, guh.PairwiseF1)
	}
}

var ecbDevTopics = map[int]bool{2: true, 5: true, 12: true, 18: true, 21: true, 23: true, 34: true, 35: true}
