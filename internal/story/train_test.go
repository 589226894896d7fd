package story

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"sort"
	"testing"
	"time"
)

var train = flag.Bool("train", false, "fit the event model on the training splits and print its weights")

// labelled is an article of a clustering data set.
type labelled struct {
	Doc
	cluster, topic string
}

func readLabelled(t *testing.T, name string, dated bool) []labelled {
	f, err := os.Open(DataFile(t, "clustering/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r struct{ ID, Title, Text, Outlet, Published, Cluster, Topic string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		d := labelled{Doc: Doc{ID: r.ID, Title: r.Title, Text: r.Text, Outlet: r.Outlet}, cluster: r.Cluster, topic: r.Topic}
		if dated {
			d.Published, _ = time.Parse(time.DateOnly, r.Published)
		}
		out = append(out, d)
	}
	if dated {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Published.Before(out[j].Published) })
	}
	rep := NewRepeats() // as the engine's callers do, in stream order
	for i := range out {
		out[i].Doc = rep.Strip(out[i].Doc)
	}
	return out
}

// example is one comparison of an article with a cluster and whether the
// article belongs to it.
type example struct {
	x [nSignals]float64
	y float64
	w float64
}

// forced replays docs with every article put in its gold cluster, and
// emits the comparisons the engine would make: each article against every
// candidate story.
func forced(docs []labelled, use func(labelled) bool) []example {
	e := New(DefaultConfig())
	stories := map[string]*cluster{}
	var events []example
	for _, d := range docs {
		f := e.feat.Featurize(d.Doc)
		e.seq++
		if d.Published.After(e.now) {
			e.now = d.Published
		}
		e.expire()
		p := e.prepare(d.Doc, &f)
		g := stories[d.cluster]
		if g != nil && g.closed {
			g = nil
		}
		if use(d) {
			seen := false
			for _, c := range e.stories.idx.candidates(p.query, maxCandidates, maxPosting) {
				events = append(events, example{x: measure(p, c, &allInputs).signals(), y: b2f(c == g)})
				seen = seen || c == g
			}
			if g != nil && !seen {
				events = append(events, example{x: measure(p, g, &allInputs).signals(), y: 1})
			}
		}
		if g == nil {
			g = newCluster("s-"+d.ID, e.seq)
			e.stories.open[g] = struct{}{}
			stories[d.cluster] = g
		}
		g.add(p, e.seq)
		e.file(&e.stories, g, p)
	}
	return events
}

// ecbDevTest are the topics of the standard ECB+ dev and test splits.
var ecbDevTest = map[string]bool{"2": true, "5": true, "12": true, "18": true, "21": true, "23": true, "34": true, "35": true,
	"36": true, "37": true, "38": true, "39": true, "40": true, "41": true, "42": true, "43": true, "44": true, "45": true}

// gvaTrain puts half of the GVA incidents (by a hash of their id) in training.
func gvaTrain(d labelled) bool {
	h := fnv.New32a()
	h.Write([]byte(d.cluster))
	return h.Sum32()%2 == 0
}

// TestTrainModels fits the event model (go test -run TestTrainModels
// -train) on the ECB+ train topics (undated stream) and half of the GVA
// incidents (dated stream), each data set weighted equally.
func TestTrainModels(t *testing.T) {
	if !*train {
		t.Skip("run with -train")
	}
	ecb := readLabelled(t, "ecbplus.jsonl", false)
	gvaDocs := readLabelled(t, "gva_semeval2018t5.jsonl", true)
	ecbTrain := func(d labelled) bool { return !ecbDevTest[d.topic] }
	ee := forced(ecb, ecbTrain)
	ge := forced(gvaDocs, gvaTrain)
	half := float64(len(ee)+len(ge)) / 2
	balance(ee, half)
	balance(ge, half)
	ev := fit(append(ee, ge...), 1)
	fmt.Printf("ECB+ %d event examples, GVA %d\n", len(ee), len(ge))
	fmt.Printf("eventModel = model{bias: %.4f, w: [nSignals]float64{%s}}\n", ev.bias, join(ev.w[:]))
}

func join(w []float64) string {
	s := ""
	for i, v := range w {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%.4f", v)
	}
	return s
}

// balance gives the examples of one data set a total weight of total.
func balance(ex []example, total float64) {
	for i := range ex {
		ex[i].w = total / float64(len(ex))
	}
}

// fit trains a logistic regression by Newton's method with an L2 penalty
// lambda on the weights (not the bias).
func fit(ex []example, lambda float64) model {
	const n = nSignals + 1
	beta := make([]float64, n)
	for iter := 0; iter < 50; iter++ {
		var g [n]float64
		var h [n][n]float64
		for _, e := range ex {
			xi := append([]float64{1}, e.x[:]...)
			z := 0.0
			for j := range xi {
				z += beta[j] * xi[j]
			}
			p := 1 / (1 + math.Exp(-z))
			for j := range xi {
				g[j] += e.w * (p - e.y) * xi[j]
				for k := range xi {
					h[j][k] += e.w * p * (1 - p) * xi[j] * xi[k]
				}
			}
		}
		for j := 1; j < n; j++ {
			g[j] += lambda * beta[j]
			h[j][j] += lambda
		}
		step := solve(h, g)
		norm := 0.0
		for j := range beta {
			beta[j] -= step[j]
			norm += step[j] * step[j]
		}
		if norm < 1e-12 {
			break
		}
	}
	m := model{bias: beta[0]}
	copy(m.w[:], beta[1:])
	return m
}

// solve solves h x = g by Gaussian elimination with partial pivoting.
func solve(h [nSignals + 1][nSignals + 1]float64, g [nSignals + 1]float64) []float64 {
	const n = nSignals + 1
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(h[r][c]) > math.Abs(h[p][c]) {
				p = r
			}
		}
		h[c], h[p] = h[p], h[c]
		g[c], g[p] = g[p], g[c]
		if h[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := h[r][c] / h[c][c]
			for k := c; k < n; k++ {
				h[r][k] -= f * h[c][k]
			}
			g[r] -= f * g[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := g[r]
		for k := r + 1; k < n; k++ {
			s -= h[r][k] * x[k]
		}
		if h[r][r] != 0 {
			x[r] = s / h[r][r]
		}
	}
	return x
}
