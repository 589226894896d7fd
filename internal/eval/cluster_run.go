package eval

import (
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/story"
)

// ClusterOptions control a clustering evaluation run.
type ClusterOptions struct {
	NoDates bool         // treat every article as undated: file order is the stream order
	Config  story.Config // engine parameters
	Workers int          // featurizing goroutines; 0 means GOMAXPROCS
}

// ClusterReport holds the figures of one run: event-level scores, the same
// against topics (storyline level) when the data has topics, and speed.
type ClusterReport struct {
	ClusterScores
	Seconds        float64        `json:"seconds"`
	ArticlesPerSec float64        `json:"articles_per_sec"`
	Topic          *ClusterScores `json:"topic,omitempty"`
}

// ClusterRun is a report with the predicted labels behind it.
type ClusterRun struct {
	Report     ClusterReport
	Order      []int    // indexes into the docs, in stream order
	Stories    []string // final story of docs[Order[i]]
	Storylines []string // final storyline of docs[Order[i]]
}

// RunCluster replays docs as a stream through a story engine and scores the
// result against the gold clusters (and topics, if every article has one).
// Articles go in publication order, undated ones keeping their place in the
// file; with NoDates the file order is used and dates are ignored. The time
// reported covers featurizing and clustering, not reading the file.
func RunCluster(docs []ClusterDoc, opt ClusterOptions) ClusterRun {
	order := clStreamOrder(docs, opt.NoDates)
	start := time.Now()
	asg, last := clReplay(docs, order, opt)
	stories, lines := clResolve(asg, last)
	secs := time.Since(start).Seconds()

	run := ClusterRun{Order: order, Stories: stories, Storylines: lines}
	gold := make([]string, len(order))
	topics := make([]string, len(order))
	haveTopics := len(order) > 0
	for i, j := range order {
		gold[i] = docs[j].Cluster
		topics[i] = docs[j].Topic
		haveTopics = haveTopics && docs[j].Topic != ""
	}
	run.Report.ClusterScores = ScoreClusters(stories, gold)
	run.Report.Seconds = secs
	if secs > 0 {
		run.Report.ArticlesPerSec = float64(len(order)) / secs
	}
	if haveTopics {
		t := ScoreClusters(lines, topics)
		run.Report.Topic = &t
	}
	return run
}

// clStreamOrder returns the indexes of docs in stream order.
func clStreamOrder(docs []ClusterDoc, noDates bool) []int {
	order := make([]int, len(docs))
	keys := make([]time.Time, len(docs))
	var last time.Time
	for i, d := range docs {
		order[i] = i
		if !d.Published.IsZero() {
			last = d.Published
		}
		keys[i] = last // an undated article keeps its place after the last dated one
	}
	if !noDates {
		sort.SliceStable(order, func(a, b int) bool { return keys[order[a]].Before(keys[order[b]]) })
	}
	return order
}

// clReplay featurizes on several goroutines and clusters in stream order.
// It returns the assignments and the storylines regrouped after the last
// article.
func clReplay(docs []ClusterDoc, order []int, opt ClusterOptions) ([]story.Assignment, []story.LineMerge) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	sd := make([]story.Doc, len(order))
	feats := make([]story.Features, len(order))
	done := make([]chan struct{}, len(order))
	rep := story.NewRepeats()
	for i, j := range order {
		d := docs[j]
		sd[i] = story.Doc{ID: d.ID, Title: d.Title, Text: d.Text, Outlet: d.Outlet}
		if !opt.NoDates {
			sd[i].Published = d.Published
		}
		sd[i] = rep.Strip(sd[i])
		done[i] = make(chan struct{})
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f := story.NewFeaturizer()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(sd) {
					return
				}
				feats[i] = f.Featurize(sd[i])
				close(done[i])
			}
		}()
	}
	eng := story.New(opt.Config)
	out := make([]story.Assignment, len(sd))
	for i := range sd {
		<-done[i]
		sd[i].Features = &feats[i]
		out[i] = eng.Add(sd[i])
	}
	wg.Wait()
	return out, eng.Regroup()
}

// clResolve follows merges (and the storylines regrouped after the last
// article): it returns the final story and storyline of each assigned
// article.
func clResolve(asg []story.Assignment, last []story.LineMerge) (stories, lines []string) {
	sf, lf := clUnionFind{}, clUnionFind{}
	lineOf := make(map[string]string)
	for _, a := range asg {
		for _, m := range a.Merged {
			sf.union(a.Story, m)
		}
		for _, m := range a.MergedStorylines {
			lf.union(a.Storyline, m)
		}
		for _, m := range a.Regrouped {
			lf.union(m.Into, m.From)
		}
		lineOf[a.Story] = a.Storyline
	}
	for _, m := range last {
		lf.union(m.Into, m.From)
	}
	stories = make([]string, len(asg))
	lines = make([]string, len(asg))
	for i, a := range asg {
		stories[i] = sf.find(a.Story)
		l, ok := lineOf[stories[i]]
		if !ok {
			l = a.Storyline
		}
		lines[i] = lf.find(l)
	}
	return stories, lines
}

// clUnionFind maps names to their set's representative.
type clUnionFind map[string]string

func (u clUnionFind) find(x string) string {
	for {
		p, ok := u[x]
		if !ok || p == x {
			return x
		}
		if gp, ok := u[p]; ok {
			u[x] = gp
		}
		x = p
	}
}

// union joins y's set to x's (x's representative stays).
func (u clUnionFind) union(x, y string) {
	rx, ry := u.find(x), u.find(y)
	if rx != ry {
		u[ry] = rx
	}
}
