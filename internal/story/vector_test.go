package story

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// refCentroid is the obvious map-based centroid the sorted one must agree
// with.
type refCentroid map[uint64]float64

func (r refCentroid) add(u []Entry) {
	for _, e := range u {
		r[e.Key] += float64(e.W)
	}
}

func (r refCentroid) dot(u []Entry) float64 {
	var d float64
	for _, e := range u {
		d += float64(e.W) * r[e.Key]
	}
	return d
}

func (r refCentroid) norm2() float64 {
	var n float64
	for _, w := range r {
		n += w * w
	}
	return n
}

// randomVector returns a vector sorted by key with keys drawn from
// [0, universe), so that vectors overlap.
func randomVector(rng *rand.Rand, n, universe int) []Entry {
	seen := map[uint64]bool{}
	var v []Entry
	for len(v) < n {
		k := uint64(rng.IntN(universe))
		if seen[k] {
			continue
		}
		seen[k] = true
		v = append(v, Entry{Key: k, W: rng.Float32()})
	}
	slices.SortFunc(v, func(a, b Entry) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return v
}

func checkCentroid(t *testing.T, c *centroid, r refCentroid, probe []Entry) {
	t.Helper()
	if c.len() != len(r) {
		t.Fatalf("len = %d, want %d", c.len(), len(r))
	}
	if !slices.IsSorted(c.keys) || len(c.ws) != len(c.keys) {
		t.Fatalf("keys not sorted or weights misaligned: %d keys, %d weights", len(c.keys), len(c.ws))
	}
	for i, k := range c.keys {
		if i > 0 && c.keys[i-1] == k {
			t.Fatalf("key %d repeated", k)
		}
		w, ok := c.get(k)
		if !ok || math.Abs(float64(w)-r[k]) > 1e-4 {
			t.Fatalf("get(%d) = %v, %v; want %v", k, w, ok, r[k])
		}
	}
	if _, ok := c.get(1 << 40); ok {
		t.Fatal("get found a key never added")
	}
	if got, want := c.norm2, r.norm2(); math.Abs(got-want) > 1e-3*max(1, want) {
		t.Fatalf("norm2 = %v, want %v", got, want)
	}
	if got, want := c.dot(probe), r.dot(probe); math.Abs(got-want) > 1e-4*max(1, want) {
		t.Fatalf("dot = %v, want %v", got, want)
	}
}

func TestCentroidMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name             string
		adds, n, univers int
	}{
		{"empty", 0, 0, 10},
		{"one", 1, 5, 10},
		{"dense overlap", 20, 8, 12},
		{"sparse", 30, 40, 5000},
		{"mixed sizes", 50, 100, 800},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c centroid
			r := refCentroid{}
			for range tc.adds {
				u := randomVector(rng, rng.IntN(tc.n+1), tc.univers)
				c.add(u)
				r.add(u)
			}
			checkCentroid(t, &c, r, randomVector(rng, min(tc.n, tc.univers), tc.univers))

			var o centroid
			ro := refCentroid{}
			for range 3 {
				u := randomVector(rng, tc.n, tc.univers)
				o.add(u)
				ro.add(u)
			}
			c.merge(&o)
			r.add(func() []Entry {
				var v []Entry
				for k, w := range ro {
					v = append(v, Entry{Key: k, W: float32(w)})
				}
				return v
			}())
			checkCentroid(t, &c, r, randomVector(rng, min(tc.n, tc.univers), tc.univers))
		})
	}
}

func TestCentroidPrune(t *testing.T) {
	var c centroid
	var u []Entry
	for k := range 100 {
		u = append(u, Entry{Key: uint64(k * 7), W: float32(k%50) + 1})
	}
	c.add(u)
	c.prune(200) // under the limit: nothing happens
	if c.len() != 100 {
		t.Fatalf("prune under the limit dropped keys: %d left", c.len())
	}
	c.prune(60) // keep the 30 heaviest: weights 50 (twice), 49 (twice), ..., 36 (twice)
	if c.len() != 30 {
		t.Fatalf("len after prune = %d, want 30", c.len())
	}
	r := refCentroid{}
	for _, e := range u {
		if e.W >= 36 {
			r[e.Key] = float64(e.W)
		}
	}
	checkCentroid(t, &c, r, u)

	// Ties at the cut: only as many as fit are kept.
	var d centroid
	d.add([]Entry{{1, 3}, {2, 1}, {3, 1}, {4, 1}, {5, 2}})
	d.prune(4)
	if d.len() != 2 {
		t.Fatalf("len after prune with ties = %d, want 2", d.len())
	}
	if w, _ := d.get(1); w != 3 {
		t.Fatalf("the heaviest key was dropped: %v", d.keys)
	}
}

func TestByKey(t *testing.T) {
	got := byKey([]Entry{{3, 1}, {1, 1}, {3, 2}, {2, 1}})
	want := []Entry{{1, 1}, {2, 1}, {3, 3}}
	if !slices.Equal(got, want) {
		t.Fatalf("byKey = %v, want %v", got, want)
	}
	sorted := []Entry{{1, 1}, {5, 1}}
	if got := byKey(sorted); &got[0] != &sorted[0] {
		t.Fatal("byKey copied a sorted vector")
	}
}

func TestHeaviestSortedByKey(t *testing.T) {
	v := []Entry{{1, 0.1}, {2, 0.9}, {3, 0.5}, {4, 0.7}}
	got := heaviest(v, 2)
	want := []Entry{{2, 0.9}, {4, 0.7}}
	if !slices.Equal(got, want) {
		t.Fatalf("heaviest = %v, want %v", got, want)
	}
	if !slices.Equal(v, []Entry{{1, 0.1}, {2, 0.9}, {3, 0.5}, {4, 0.7}}) {
		t.Fatal("heaviest changed its input")
	}
}

// TestGallopDot: galloping finds the same keys as walking, whatever the
// lengths.
func TestGallopDot(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		var c centroid
		c.add(randomVector(rng, rng.IntN(600), 2000))
		u := randomVector(rng, rng.IntN(60), 2000)
		r := refCentroid{}
		for i, k := range c.keys {
			r[k] = float64(c.ws[i])
		}
		if got, want := c.gallopDot(u), r.dot(u); math.Abs(got-want) > 1e-6*max(1, want) {
			t.Fatalf("gallopDot = %v, want %v (centroid %d keys, vector %d)", got, want, c.len(), len(u))
		}
	}
}

// TestTopKeysMatchesSort checks the bounded-heap selection against a full
// sort, ties included.
func TestTopKeysMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 200 {
		n := r.IntN(300)
		v := make([]Entry, n)
		for i := range v {
			v[i] = Entry{Key: uint64(i*7919%1000 + 1), W: float32(r.IntN(20))} // many ties
		}
		k := r.IntN(40)
		want := slices.Clone(v)
		slices.SortFunc(want, func(a, b Entry) int {
			if a.W != b.W {
				return cmp.Compare(b.W, a.W)
			}
			return cmp.Compare(a.Key, b.Key)
		})
		want = want[:min(k, n)]
		got := topKeys(v, k)
		if n <= k {
			continue // v itself, unsorted
		}
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (n %d, k %d): got %v, want %v", trial, n, k, got, want)
		}
	}
}
