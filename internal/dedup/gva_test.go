package dedup

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

// dataFile locates a file of ../shared/data beside the module root; it
// skips the test when absent, unless CI=true.
func dataFile(t testing.TB, rel string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("data file missing under CI: %v", err)
		}
		t.Skipf("data file absent: %v", err)
	}
	return path
}

type gvaDoc struct {
	ID, Text string
}

func loadGVA(t testing.TB) []gvaDoc {
	f, err := os.Open(dataFile(t, "clustering/gva_semeval2018t5.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []gvaDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var d gvaDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

type pair struct{ a, b int32 }

// TestNearDuplicateMethods measures MinHash+LSH and SimHash against exact
// Jaccard on word 5-grams over the GVA corpus (6,186 scraped pages), with
// near-duplicates defined as Jaccard >= 0.8. It logs the figures behind
// the choice of MinHash and holds floors under them.
func TestNearDuplicateMethods(t *testing.T) {
	if testing.Short() {
		t.Skip("heavy: all pairs of a 6k-article corpus")
	}
	docs := loadGVA(t)
	cfg := DefaultConfig()
	sets := make([][]uint64, len(docs))
	for i, d := range docs {
		var ws []string
		for _, w := range words(text.Normalize(d.Text)) {
			ws = append(ws, w.w)
		}
		sets[i] = uniq(shingles(ws, cfg.NearShingle, nil))
	}
	truth := exactPairs(sets, cfg.NearDuplicate)

	start := time.Now()
	sigs := make([]Signature, len(sets))
	buckets := map[uint64][]int32{}
	mh := map[pair]bool{}
	for i, s := range sets {
		sigs[i] = minhash(s, cfg.SignatureSize)
		for _, b := range sigs[i].bands(cfg.BandRows) {
			for _, j := range buckets[b] {
				if sigs[i].Jaccard(sigs[j]) >= cfg.NearDuplicate {
					mh[pair{j, int32(i)}] = true
				}
			}
			buckets[b] = append(buckets[b], int32(i))
		}
	}
	mhTime := time.Since(start)

	start = time.Now()
	sh := make([]uint64, len(sets))
	for i, s := range sets {
		sh[i] = SimHash(s)
	}
	simPairs := map[int]map[pair]bool{3: {}, 6: {}}
	for i := range sh {
		for j := 0; j < i; j++ {
			if d := Hamming(sh[i], sh[j]); d <= 6 {
				simPairs[6][pair{int32(j), int32(i)}] = true
				if d <= 3 {
					simPairs[3][pair{int32(j), int32(i)}] = true
				}
			}
		}
	}
	shTime := time.Since(start)

	mp, mr := prec(mh, truth), prec(truth, mh)
	t.Logf("%d articles, %d near-duplicate pairs (exact Jaccard >= %.1f on word 5-grams)", len(docs), len(truth), cfg.NearDuplicate)
	t.Logf("MinHash %d values, LSH %d bands x %d rows: precision %.3f recall %.3f (%d pairs) in %v",
		cfg.SignatureSize, cfg.SignatureSize/cfg.BandRows, cfg.BandRows, mp, mr, len(mh), mhTime)
	for _, k := range []int{3, 6} {
		t.Logf("SimHash 64 bits, Hamming <= %d: precision %.3f recall %.3f (%d pairs); all-pairs scan %v",
			k, prec(simPairs[k], truth), prec(truth, simPairs[k]), len(simPairs[k]), shTime)
	}
	// The corpus README counts 86 groups of pages sharing their first 600
	// characters (normalised); how many of their pairs each method flags.
	byHead := map[string][]int32{}
	for i, d := range docs {
		h := text.Fold(d.Text)
		if len(h) > 600 {
			h = h[:600]
		}
		byHead[h] = append(byHead[h], int32(i))
	}
	groups, pairs, inTruth, byMH, bySH := 0, 0, 0, 0, 0
	for _, g := range byHead {
		if len(g) < 2 {
			continue
		}
		groups++
		for a := range g {
			for b := a + 1; b < len(g); b++ {
				p := pair{g[a], g[b]}
				pairs++
				inTruth += b2i(truth[p])
				byMH += b2i(mh[p])
				bySH += b2i(simPairs[6][p])
			}
		}
	}
	t.Logf("same first 600 characters: %d groups, %d pairs; Jaccard >= 0.8: %d; MinHash flags %d, SimHash (<= 6) %d", groups, pairs, inTruth, byMH, bySH)
	if mp < 0.9 || mr < 0.9 {
		t.Errorf("MinHash precision %.3f recall %.3f, want both >= 0.9", mp, mr)
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// prec returns the share of got's pairs that are in want.
func prec(got, want map[pair]bool) float64 {
	if len(got) == 0 {
		return 1
	}
	n := 0
	for p := range got {
		if want[p] {
			n++
		}
	}
	return float64(n) / float64(len(got))
}

func uniq(s []uint64) []uint64 {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// exactPairs returns the pairs of sets with Jaccard >= th, counting shared
// elements through an inverted index.
func exactPairs(sets [][]uint64, th float64) map[pair]bool {
	post := map[uint64][]int32{}
	for i, s := range sets {
		for _, h := range s {
			post[h] = append(post[h], int32(i))
		}
	}
	out := map[pair]bool{}
	shared := map[int32]int{}
	for i, s := range sets {
		clear(shared)
		for _, h := range s {
			for _, j := range post[h] {
				if j < int32(i) {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			if float64(n)/float64(len(s)+len(sets[j])-n) >= th {
				out[pair{j, int32(i)}] = true
			}
		}
	}
	return out
}
