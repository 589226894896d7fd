package story_test

import (
	"os"
	"testing"

	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/story"
)

// clusteringData reads a file of ../shared/data/clustering.
func clusteringData(t *testing.T, name string) []eval.ClusterDoc {
	t.Helper()
	f, err := os.Open(story.DataFile(t, "clustering/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.ReadClusterDocs(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestQualityFloors replays the labelled sets with the default
// configuration and holds floors a little under the measured figures (see
// the package's report for the figures themselves).
func TestQualityFloors(t *testing.T) {
	tests := []struct {
		file            string
		noDates         bool
		b3, pw, topicB3 float64
	}{
		// measured: ECB+ 0.904 / 0.859, storylines 0.928; GVA 0.902 / 0.725,
		// undated 0.629 / 0.200
		{file: "ecbplus.jsonl", noDates: true, b3: 0.89, pw: 0.84, topicB3: 0.915},
		{file: "gva_semeval2018t5.jsonl", b3: 0.89, pw: 0.71},
		{file: "gva_semeval2018t5.jsonl", noDates: true, b3: 0.61, pw: 0.18},
	}
	for _, tt := range tests {
		name := tt.file
		if tt.noDates {
			name += "/undated"
		}
		t.Run(name, func(t *testing.T) {
			docs := clusteringData(t, tt.file)
			r := eval.RunCluster(docs, eval.ClusterOptions{NoDates: tt.noDates, Config: story.DefaultConfig()}).Report
			t.Logf("events BCubed F1 %.3f pairwise F1 %.3f", r.BCubedF1, r.PairwiseF1)
			if r.BCubedF1 < tt.b3 || r.PairwiseF1 < tt.pw {
				t.Errorf("events BCubed F1 %.3f, pairwise F1 %.3f; floors %.2f, %.2f", r.BCubedF1, r.PairwiseF1, tt.b3, tt.pw)
			}
			if tt.topicB3 == 0 {
				return
			}
			if r.Topic == nil {
				t.Fatal("no topic figures for a file with topics")
			}
			t.Logf("storylines vs topics BCubed F1 %.3f", r.Topic.BCubedF1)
			if r.Topic.BCubedF1 < tt.topicB3 {
				t.Errorf("storyline BCubed F1 %.3f, floor %.2f", r.Topic.BCubedF1, tt.topicB3)
			}
		})
	}
}
