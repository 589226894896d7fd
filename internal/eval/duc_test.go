package eval

import (
	"math"
	"os"
	"sort"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/rouge"
)

func ducOpen[T any](t testing.TB, name string, read func(*os.File) (T, error)) T {
	t.Helper()
	f, err := os.Open(dataset.Require(t, "summarization/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func ducLoadClusters(t testing.TB) []DUCCluster {
	return ducOpen(t, "duc2004_task2.jsonl", func(f *os.File) ([]DUCCluster, error) { return ReadDUCClusters(f) })
}

// TestROUGEMatchesOfficial reproduces the official ROUGE-1.5.5 scores of the
// 13 SumRepo systems on DUC 2004 task 2, cluster by cluster.
func TestROUGEMatchesOfficial(t *testing.T) {
	clusters := ducLoadClusters(t)
	peers := ducOpen(t, "duc2004_task2_sumrepo_peers.jsonl", func(f *os.File) ([]DUCPeer, error) { return ReadDUCPeers(f) })
	var rows []DUCScoreRow
	ducOpen(t, "duc2004_task2_sumrepo_rouge155.jsonl", func(f *os.File) (struct{}, error) {
		var err error
		_, rows, err = ReadDUCScores(f)
		return struct{}{}, err
	})
	if len(clusters) != 50 || len(peers) != 650 || len(rows) != 650 {
		t.Fatalf("got %d clusters, %d peers, %d score rows; want 50, 650, 650", len(clusters), len(peers), len(rows))
	}
	scores, err := ScoreDUCPeers(clusters, peers, rouge.DUC(100, true))
	if err != nil {
		t.Fatal(err)
	}
	mine := map[[2]string]rouge.Result{}
	for _, s := range scores {
		mine[[2]string{s.Cluster, s.System}] = s.Result
	}
	measures := map[string]func(rouge.Result) rouge.Score{
		"ROUGE-1":   func(r rouge.Result) rouge.Score { return r.N[0] },
		"ROUGE-2":   func(r rouge.Result) rouge.Score { return r.N[1] },
		"ROUGE-3":   func(r rouge.Result) rouge.Score { return r.N[2] },
		"ROUGE-4":   func(r rouge.Result) rouge.Score { return r.N[3] },
		"ROUGE-L":   func(r rouge.Result) rouge.Score { return r.L },
		"ROUGE-SU4": func(r rouge.Result) rouge.Score { return r.SU },
	}
	type key struct{ system, measure, part string }
	sumMine, sumOfficial := map[key]float64{}, map[key]float64{}
	maxDev, exact, total := 0.0, 0, 0
	var worst string
	for _, row := range rows {
		res, ok := mine[[2]string{row.ID, row.System}]
		if !ok {
			t.Fatalf("no score for %s %s", row.ID, row.System)
		}
		for name, get := range measures {
			want, ok := row.Measure(name)
			if !ok {
				t.Fatalf("%s %s: official row lacks %s", row.ID, row.System, name)
			}
			got := get(res)
			for _, p := range []struct {
				part      string
				got, want float64
			}{{"R", got.R, want.R}, {"P", got.P, want.P}, {"F", got.F, want.F}} {
				total++
				d := math.Abs(p.got - p.want)
				if d < 5e-7 {
					exact++
				}
				if d > maxDev {
					maxDev = d
					worst = row.ID + " " + row.System + " " + name + " " + p.part
				}
				k := key{row.System, name, p.part}
				sumMine[k] += p.got
				sumOfficial[k] += p.want
			}
		}
	}
	t.Logf("per-cluster values: %d of %d identical to 5 decimals; max deviation %.5f (%s)", exact, total, maxDev, worst)
	var keys []key
	for k := range sumMine {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.system != b.system {
			return a.system < b.system
		}
		if a.measure != b.measure {
			return a.measure < b.measure
		}
		return a.part < b.part
	})
	maxMean := 0.0
	for _, k := range keys {
		d := math.Abs(sumMine[k]-sumOfficial[k]) / 50
		maxMean = max(maxMean, d)
		if d > 0.002 {
			t.Errorf("%s %s %s: mean %.5f, official %.5f", k.system, k.measure, k.part, sumMine[k]/50, sumOfficial[k]/50)
		}
	}
	t.Logf("max deviation of a system mean: %.6f", maxMean)
}
