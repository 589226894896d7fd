package eval

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/story"
)

func TestReadClusterDocs(t *testing.T) {
	in := `{"id":"a","text":"x","cluster":"1","topic":"t","published":"2020-01-02","outlet":"o"}

{"id":"b","text":"y","cluster":"2","published":"bad"}
`
	docs, err := ReadClusterDocs(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Topic != "t" || docs[0].Outlet != "o" || !docs[0].Published.Equal(time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("docs = %+v", docs)
	}
	if !docs[1].Published.IsZero() {
		t.Errorf("malformed date parsed as %v", docs[1].Published)
	}
	for _, bad := range []string{`{"id":"a","text":"x"}`, `{"id":`, `{"text":"x","cluster":"1"}`} {
		if _, err := ReadClusterDocs(strings.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("ReadClusterDocs(%q) error = %v, want one naming line 1", bad, err)
		}
	}
}

func FuzzReadClusterDocs(f *testing.F) {
	f.Add(`{"id":"a","text":"x","cluster":"1","published":"2020-01-02"}` + "\n" + `{"id":"b","text":"y","cluster":"1"}`)
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadClusterDocs(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.ID == "" || d.Cluster == "" {
				t.Fatalf("accepted a doc without id or cluster: %+v", d)
			}
		}
	})
}

func TestStreamOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2020, 1, d, 0, 0, 0, 0, time.UTC) }
	docs := []ClusterDoc{{Published: day(3)}, {}, {Published: day(1)}, {Published: day(2)}}
	if got := clStreamOrder(docs, false); !slices.Equal(got, []int{2, 3, 0, 1}) {
		t.Errorf("dated order = %v, want [2 3 0 1] (the undated one stays after its predecessor)", got)
	}
	if got := clStreamOrder(docs, true); !slices.Equal(got, []int{0, 1, 2, 3}) {
		t.Errorf("undated order = %v, want file order", got)
	}
}

func TestResolveMerges(t *testing.T) {
	asg := []story.Assignment{
		{Article: "1", Story: "s-1", Storyline: "l-1", New: true},
		{Article: "2", Story: "s-2", Storyline: "l-2", New: true},
		{Article: "3", Story: "s-1", Storyline: "l-1", Merged: []string{"s-2"}, MergedStorylines: []string{"l-2"}},
		{Article: "4", Story: "s-4", Storyline: "l-1", New: true},
		{Article: "5", Story: "s-5", Storyline: "l-5", New: true},
		{Article: "6", Story: "s-6", Storyline: "l-6", New: true},
		{Article: "7", Story: "s-7", Storyline: "l-7", New: true, Regrouped: []story.LineMerge{{From: "l-6", Into: "l-5"}}},
	}
	// l-7 joins l-1 in the regrouping after the last article
	stories, lines := clResolve(asg, []story.LineMerge{{From: "l-7", Into: "l-1"}})
	if strings.Join(stories, ",") != "s-1,s-1,s-1,s-4,s-5,s-6,s-7" ||
		strings.Join(lines, ",") != "l-1,l-1,l-1,l-1,l-5,l-5,l-1" {
		t.Errorf("resolved %v %v", stories, lines)
	}
}

// TestRunCluster replays a tiny stream: two events, two articles each.
func TestRunCluster(t *testing.T) {
	quake := "A magnitude 6.1 earthquake struck Eureka, California on Tuesday, shaking buildings and cutting power to thousands, the US Geological Survey said."
	rehab := "Actress Tara Reid checked into the Promises Treatment Center in Malibu, her representative Jack Ketsoyan told People magazine on Tuesday."
	docs := []ClusterDoc{
		{ID: "q1", Text: quake, Cluster: "quake", Topic: "disasters"},
		{ID: "r1", Text: rehab, Cluster: "rehab", Topic: "celebrities"},
		{ID: "q2", Text: "The earthquake near Eureka, California, measured 6.1 and cut power to thousands of homes, the Geological Survey said Tuesday.", Cluster: "quake", Topic: "disasters"},
		{ID: "r2", Text: "Tara Reid has checked into Promises Treatment Center in Malibu, her rep Jack Ketsoyan told People.", Cluster: "rehab", Topic: "celebrities"},
	}
	run := RunCluster(docs, ClusterOptions{NoDates: true, Config: story.DefaultConfig()})
	r := run.Report
	if r.Articles != 4 || r.ClustersGold != 2 || r.Topic == nil {
		t.Fatalf("report %+v", r)
	}
	if r.BCubedF1 != 1 || r.ClustersPred != 2 {
		t.Errorf("events BCubed F1 %.3f with %d predicted clusters; stories %v", r.BCubedF1, r.ClustersPred, run.Stories)
	}
	if r.ArticlesPerSec <= 0 || r.Seconds <= 0 {
		t.Errorf("speed not measured: %+v", r)
	}
}
