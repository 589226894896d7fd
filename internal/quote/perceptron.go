package quote

import "math"

// Feature hashing: a feature is a kind number and one or two strings,
// hashed with FNV-1a into a 64-bit key. No allocation.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fh(kind uint64, s string) feat {
	return fold32(fnvAdd(fnvStart(kind), s))
}

func fh2(kind uint64, a, b string) feat {
	h := fnvAdd(fnvStart(kind), a)
	h ^= 0xFF
	h *= fnvPrime
	return fold32(fnvAdd(h, b))
}

// fhCat hashes like fh2(kind, a1+a2, b1+b2) without building the strings.
func fhCat(kind uint64, a1, a2, b1, b2 string) feat {
	h := fnvAdd(fnvAdd(fnvStart(kind), a1), a2)
	h ^= 0xFF
	h *= fnvPrime
	return fold32(fnvAdd(fnvAdd(h, b1), b2))
}

// feat is a hashed feature key.
type feat = uint32

func fnvStart(kind uint64) uint64 { return uint64(fnvOffset) ^ (kind * 0x9E3779B97F4A7C15) }

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fold32(h uint64) feat { return uint32(h ^ h>>32) }

// tagger is a first-order sequence model: per-label feature weights and
// label transition weights, decoded with Viterbi under a label grammar.
type tagger struct {
	nl      int       // number of labels
	w       *weights  // feature key -> weight per label
	trans   []float32 // (nl+1)*nl: row nl is the start state
	allowed func(prev, cur int) bool
}

// emissions fills em[i*nl+l] with the feature score of label l at i.
func (t *tagger) emissions(feats [][]feat, em []float64) {
	nl := t.nl
	for i, fs := range feats {
		row := em[i*nl : (i+1)*nl]
		clear(row)
		for _, f := range fs {
			for l, v := range t.w.get(f) {
				row[l] += float64(v)
			}
		}
	}
}

// decode returns the best label sequence for feats.
func (t *tagger) decode(feats [][]feat) []int {
	n, nl := len(feats), t.nl
	if n == 0 {
		return nil
	}
	em := make([]float64, n*nl)
	t.emissions(feats, em)
	return viterbi(n, nl, em, func(p, c int) float64 { return float64(t.trans[p*nl+c]) }, t.allowed)
}

// viterbi decodes n positions of nl labels; prev == nl is the start.
func viterbi(n, nl int, em []float64, trans func(p, c int) float64, allowed func(p, c int) bool) []int {
	if n == 0 {
		return nil
	}
	score := make([]float64, n*nl)
	back := make([]int, n*nl)
	for c := 0; c < nl; c++ {
		if !allowed(nl, c) {
			score[c] = math.Inf(-1)
			continue
		}
		score[c] = em[c] + trans(nl, c)
	}
	for i := 1; i < n; i++ {
		for c := 0; c < nl; c++ {
			best, bi := math.Inf(-1), 0
			for p := 0; p < nl; p++ {
				if !allowed(p, c) {
					continue
				}
				if s := score[(i-1)*nl+p] + trans(p, c); s > best {
					best, bi = s, p
				}
			}
			score[i*nl+c] = best + em[i*nl+c]
			back[i*nl+c] = bi
		}
	}
	out := make([]int, n)
	best := math.Inf(-1)
	for c := 0; c < nl; c++ {
		if s := score[(n-1)*nl+c]; s > best {
			best, out[n-1] = s, c
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nl+out[i]]
	}
	return out
}

// trainer learns a tagger with the averaged structured perceptron.
type trainer struct {
	nl      int
	w, u    map[feat][]float64 // weights and timestamped sums for averaging
	tr, tru []float64
	c       float64
	allowed func(prev, cur int) bool
}

func newTrainer(nl int, allowed func(p, c int) bool) *trainer {
	return &trainer{nl: nl, w: map[feat][]float64{}, u: map[feat][]float64{},
		tr: make([]float64, (nl+1)*nl), tru: make([]float64, (nl+1)*nl), c: 1, allowed: allowed}
}

// predict decodes feats with the current (not averaged) weights.
func (t *trainer) predict(feats [][]feat) []int {
	n, nl := len(feats), t.nl
	em := make([]float64, n*nl)
	for i, fs := range feats {
		for _, f := range fs {
			if w, ok := t.w[f]; ok {
				for l, v := range w {
					em[i*nl+l] += v
				}
			}
		}
	}
	return viterbi(n, nl, em, func(p, c int) float64 { return t.tr[p*nl+c] }, t.allowed)
}

// update learns from one sequence and reports whether it was mistaken.
func (t *trainer) update(feats [][]feat, gold []int) bool {
	if len(feats) == 0 {
		return false
	}
	pred := t.predict(feats)
	wrong := false
	for i := range gold {
		if pred[i] != gold[i] {
			wrong = true
			break
		}
	}
	if wrong {
		nl := t.nl
		for i, fs := range feats {
			gp, pp := nl, nl
			if i > 0 {
				gp, pp = gold[i-1], pred[i-1]
			}
			if gold[i] == pred[i] && gp == pp {
				continue
			}
			t.bumpTrans(gp*nl+gold[i], 1)
			t.bumpTrans(pp*nl+pred[i], -1)
			if gold[i] == pred[i] {
				continue
			}
			for _, f := range fs {
				t.bump(f, gold[i], 1)
				t.bump(f, pred[i], -1)
			}
		}
	}
	t.c++
	return wrong
}

func (t *trainer) bump(f feat, l int, d float64) {
	w, ok := t.w[f]
	if !ok {
		w = make([]float64, t.nl)
		t.w[f] = w
		t.u[f] = make([]float64, t.nl)
	}
	w[l] += d
	t.u[f][l] += t.c * d
}

func (t *trainer) bumpTrans(k int, d float64) {
	t.tr[k] += d
	t.tru[k] += t.c * d
}

// average returns the averaged tagger, dropping features whose averaged
// weights are all smaller in magnitude than prune.
func (t *trainer) average(prune float64) *tagger {
	kept := make(map[feat][]float32, len(t.w))
	out := &tagger{nl: t.nl, trans: make([]float32, len(t.tr)), allowed: t.allowed}
	for f, w := range t.w {
		u := t.u[f]
		avg := make([]float32, t.nl)
		keep := false
		for l := range w {
			v := w[l] - u[l]/t.c
			avg[l] = float32(v)
			if math.Abs(v) >= prune {
				keep = true
			}
		}
		if keep {
			kept[f] = avg
		}
	}
	out.w = newWeights(t.nl, kept)
	for k := range t.tr {
		out.trans[k] = float32(t.tr[k] - t.tru[k]/t.c)
	}
	return out
}
