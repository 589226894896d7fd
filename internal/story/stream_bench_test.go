package story

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"
)

// gvaBase is the GVA corpus, featurized once, in publication order.
type gvaBase struct {
	feats []Features
	days  []float64       // days since the first article
	rare  map[uint64]bool // term keys found in fewer than rareDF articles
}

// rareDF: a term in fewer articles of the corpus than this is specific to
// an incident (a street, a name's stem, a detail) and is perturbed.
const rareDF = 50

var (
	gvaOnce sync.Once
	gva     gvaBase
)

func loadGVABase(tb testing.TB) gvaBase {
	path := DataFile(tb, "clustering/gva_semeval2018t5.jsonl")
	gvaOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		defer f.Close()
		type rec struct {
			Title, Text, Published string
		}
		var recs []rec
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var r rec
			if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
				tb.Fatal(err)
			}
			recs = append(recs, r)
		}
		sort.SliceStable(recs, func(i, j int) bool { return recs[i].Published < recs[j].Published })
		fz := NewFeaturizer()
		df := map[uint64]int{}
		defer func() {
			gva.rare = map[uint64]bool{}
			for k, n := range df {
				if n < rareDF {
					gva.rare[k] = true
				}
			}
		}()
		t0, _ := time.Parse(time.DateOnly, recs[0].Published)
		for _, r := range recs {
			f := fz.Featurize(Doc{Title: r.Title, Text: r.Text})
			for _, v := range []Vector{f.Terms, f.Title} {
				for _, e := range v {
					df[e.Key]++
				}
			}
			gva.feats = append(gva.feats, f)
			t, _ := time.Parse(time.DateOnly, r.Published)
			gva.days = append(gva.days, t.Sub(t0).Hours()/24)
		}
	})
	return gva
}

// synthetic returns article n of an endless stream built from the GVA
// texts: copy c = n/len(base) of the corpus has its names, numbers and
// rare terms (those of fewer than rareDF articles: places, streets, the
// stems of names, details) replaced by others (their keys salted with c),
// so that its events are new events told in the same common vocabulary,
// and its dates moved on. The stream runs
// at perDay articles a day.
func (g gvaBase) synthetic(n int, perDay float64, start time.Time) Doc {
	c, i := n/len(g.feats), n%len(g.feats)
	f := g.feats[i]
	salt := mix64(uint64(c) + 1)
	if c > 0 {
		f.Names = salted(f.Names, salt, nil)
		f.Nums = salted(f.Nums, salt, nil)
		f.Terms = salted(f.Terms, salt, g.rare)
		f.Title = salted(f.Title, salt, g.rare)
		labels := make([]Label, len(f.Labels))
		for j, l := range f.Labels {
			labels[j] = Label{Key: l.Key ^ salt, Text: l.Text}
		}
		f.Labels = labels
	}
	// Each copy of the corpus is squeezed into len/perDay days, keeping
	// the order and the relative spacing of its articles.
	span := float64(len(g.feats)) / perDay
	day := float64(c)*span + g.days[i]/g.days[len(g.days)-1]*span
	return Doc{
		ID:        fmt.Sprintf("syn-%d", n),
		Published: start.Add(time.Duration(day * 24 * float64(time.Hour))),
		Features:  &f,
	}
}

// residentBytes returns the process's resident set size (Linux), or 0.
func residentBytes() int64 {
	data, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	var size, resident int64
	if _, err := fmt.Sscan(string(data), &size, &resident); err != nil {
		return 0
	}
	return resident * int64(os.Getpagesize())
}

// salted returns v with its keys (those in only, when only is not nil)
// XORed with salt.
func salted(v Vector, salt uint64, only map[uint64]bool) Vector {
	out := make(Vector, len(v))
	for i, e := range v {
		out[i] = e
		if only == nil || only[e.Key] {
			out[i].Key ^= salt
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Key < out[b].Key })
	return out
}

func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// BenchmarkStream replays a synthetic stream of GVA-like articles (3,000 a
// day, features precomputed) through one engine. It reports the clustering
// cost per article (Engine.Add) over the first 10,000 articles and over the
// last 10,000 of the stream, the heap the engine holds per article in its
// window at both points, and the resident memory the run added per window
// article at the end:
//
//	go test -run X -bench 'Stream/1M' -benchtime 1x -timeout 0 ./internal/story
func BenchmarkStream(b *testing.B) {
	g := loadGVABase(b)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, size := range []struct {
		name string
		n    int
	}{{"10k", 10_000}, {"100k", 100_000}, {"1M", 1_000_000}} {
		b.Run(size.name, func(b *testing.B) {
			for b.Loop() {
				runtime.GC()
				var base runtime.MemStats
				runtime.ReadMemStats(&base)
				rss0 := residentBytes()
				e := New(DefaultConfig())
				heap := func() float64 {
					runtime.GC()
					var ms runtime.MemStats
					runtime.ReadMemStats(&ms)
					return float64(int64(ms.HeapAlloc)-int64(base.HeapAlloc)) / float64(e.WindowSize())
				}
				// segment adds articles [from, from+seg) and returns the
				// wall and CPU time Add took (the process's CPU time, so the
				// collector's work on the other core counts). The articles
				// are built beforehand: salting keys is the test's cost.
				const seg = 10_000
				segment := func(from int) (wall, cpu time.Duration) {
					docs := make([]Doc, seg)
					for i := range docs {
						docs[i] = g.synthetic(from+i, 3000, start)
					}
					c0, t0 := cpuTime(), time.Now()
					for _, d := range docs {
						e.Add(d)
					}
					return time.Since(t0), cpuTime() - c0
				}
				report := func(wall, cpu time.Duration, at string) {
					b.ReportMetric(float64(wall.Nanoseconds())/seg, "ns/article@"+at)
					if cpu > 0 {
						b.ReportMetric(float64(cpu.Nanoseconds())/seg, "cpu-ns/article@"+at)
					}
				}
				wall, cpu := segment(0)
				report(wall, cpu, "10k")
				b.ReportMetric(heap(), "heapB/window-article@10k")
				if size.n > seg {
					for n := seg; n < size.n-seg; n++ {
						e.Add(g.synthetic(n, 3000, start))
					}
					wall, cpu = segment(size.n - seg)
					report(wall, cpu, "end")
				}
				b.ReportMetric(heap(), "heapB/window-article@end")
				if rss0 > 0 {
					// resident memory the run added (the process's own, so
					// it includes room the Go heap holds free)
					b.ReportMetric(float64(residentBytes()-rss0)/float64(e.WindowSize()), "rssB/window-article@end")
				}
				b.ReportMetric(float64(e.WindowSize()), "window-articles")
				b.ReportMetric(float64(len(e.stories.open)), "open-stories")
				b.ReportMetric(float64(len(e.lines.open)), "open-storylines")
			}
		})
	}
}
