package summary

import (
	"cmp"
	"math"
	"slices"
)

// problem is the budgeted maximum coverage problem of one summary:
// choose sentences of total length at most budget that maximise the
// weight of the concepts they cover, less their penalties.
type problem struct {
	sents    []*sent
	length   []int
	concepts [][]int32 // weighted concept ids of each sentence
	penalty  []float64 // value withheld when the sentence is picked
	conflict [][]int   // sentences carrying the same content
	weight   []float64 // by concept id
	keys     []string  // by concept id
	support  []int     // concept id -> sources using it
	budget   int
}

func newProblem(c *corpus, cands []*sent, cw conceptWeights, opt Options) *problem {
	p := &problem{sents: cands, budget: opt.Words}
	ids := map[string]int32{}
	for _, s := range cands {
		var cs []int32
		value := 0.0
		for _, con := range s.cons {
			k := con.key
			w, ok := cw.weight[k]
			if !ok {
				continue
			}
			id, ok := ids[k]
			if !ok {
				id = int32(len(p.weight))
				ids[k] = id
				p.weight = append(p.weight, w)
				p.keys = append(p.keys, k)
				p.support = append(p.support, cw.support[k])
			}
			cs = append(cs, id)
			value += w
		}
		keep := 1.0
		if opt.Penalty != nil {
			keep = 1 - math.Min(1, math.Max(0, opt.Penalty(s.Doc, s.Index, s.Text)))
		}
		if s.dependent() {
			keep *= 1 - dependentPenalty
		}
		pen := (1 - keep) * value
		p.concepts = append(p.concepts, cs)
		p.length = append(p.length, s.words)
		p.penalty = append(p.penalty, pen)
	}
	p.conflict = make([][]int, len(cands))
	for i := range cands {
		for j := i + 1; j < len(cands); j++ {
			if sameContent(cands[i], cands[j]) {
				p.conflict[i] = append(p.conflict[i], j)
				p.conflict[j] = append(p.conflict[j], i)
			}
		}
	}
	return p
}

// state is a selection with its coverage counts.
type state struct {
	p      *problem
	in     []bool
	count  []int // sentences of the selection covering each concept
	length int
	value  float64
}

func newState(p *problem) *state {
	return &state{p: p, in: make([]bool, len(p.sents)), count: make([]int, len(p.weight))}
}

func (s *state) add(i int) {
	s.value += s.gain(i)
	s.in[i] = true
	s.length += s.p.length[i]
	for _, c := range s.p.concepts[i] {
		s.count[c]++
	}
}

func (s *state) remove(i int) {
	s.value -= s.loss(i)
	s.in[i] = false
	s.length -= s.p.length[i]
	for _, c := range s.p.concepts[i] {
		s.count[c]--
	}
}

// gain is what adding sentence i would add to the value.
func (s *state) gain(i int) float64 {
	g := -s.p.penalty[i]
	for _, c := range s.p.concepts[i] {
		if s.count[c] == 0 {
			g += s.p.weight[c]
		}
	}
	return g
}

// loss is what removing selected sentence i would take from the value.
func (s *state) loss(i int) float64 {
	l := -s.p.penalty[i]
	for _, c := range s.p.concepts[i] {
		if s.count[c] == 1 {
			l += s.p.weight[c]
		}
	}
	return l
}

// allowed reports whether sentence i may join the selection: not in it,
// within the budget and not carrying the content of a selected sentence.
func (s *state) allowed(i int) bool {
	if s.in[i] || s.length+s.p.length[i] > s.p.budget {
		return false
	}
	for _, j := range s.p.conflict[i] {
		if s.in[j] {
			return false
		}
	}
	return true
}

func (s *state) selected() []int {
	var out []int
	for i, on := range s.in {
		if on {
			out = append(out, i)
		}
	}
	return out
}

const eps = 1e-9

// solve returns the best selection found by greedy selection under a few
// length exponents, each refined by local search.
func (p *problem) solve() []int {
	var best *state
	for _, r := range []float64{0, 0.5, 1} {
		s := newState(p)
		s.greedy(r)
		s.localSearch()
		if best == nil || s.value > best.value+eps {
			best = s
		}
	}
	return best.selected()
}

// greedy adds, while any helps, the allowed sentence with the best gain
// per length^r.
func (s *state) greedy(r float64) {
	for {
		bi, bv := -1, 0.0
		for i := range s.p.sents {
			if !s.allowed(i) {
				continue
			}
			g := s.gain(i)
			if g <= eps {
				continue
			}
			if v := g / math.Pow(float64(s.p.length[i]), r); v > bv+eps {
				bi, bv = i, v
			}
		}
		if bi < 0 {
			return
		}
		s.add(bi)
	}
}

// localSearch applies the best improving move (add one sentence, swap one
// for one, swap one for two, or two for one) until none improves.
func (s *state) localSearch() {
	for s.improve() {
	}
}

func (s *state) improve() bool {
	best, apply := eps, func() {}
	sel := s.selected()
	n := len(s.p.sents)
	for j := 0; j < n; j++ {
		if s.allowed(j) {
			if g := s.gain(j); g > best {
				best, apply = g, s.moveFunc(nil, []int{j})
			}
		}
	}
	for _, i := range sel {
		l := s.loss(i)
		s.remove(i)
		cands := s.helpful(i)
		for a, ca := range cands {
			if d := ca.gain - l; d > best {
				best, apply = d, s.moveFunc([]int{i}, []int{ca.i})
			}
			// Swap i for ca and another: gains only shrink once ca is in,
			// so the candidates' own gains bound the move.
			if a+1 == len(cands) || ca.gain+cands[a+1].gain-l <= best {
				continue
			}
			s.add(ca.i)
			for _, cb := range cands[a+1:] {
				if ca.gain+cb.gain-l <= best {
					break
				}
				if !s.allowed(cb.i) {
					continue
				}
				if d := ca.gain + s.gain(cb.i) - l; d > best {
					best, apply = d, s.moveFunc([]int{i}, []int{ca.i, cb.i})
				}
			}
			s.remove(ca.i)
		}
		for _, k := range sel {
			if k <= i {
				continue
			}
			lk := s.loss(k)
			s.remove(k)
			for j := 0; j < n; j++ {
				if j == i || j == k || !s.allowed(j) {
					continue
				}
				if d := s.gain(j) - l - lk; d > best {
					best, apply = d, s.moveFunc([]int{i, k}, []int{j})
				}
			}
			s.add(k)
		}
		s.add(i)
	}
	if best <= eps {
		return false
	}
	apply()
	return true
}

// scored is a sentence and its gain.
type scored struct {
	i    int
	gain float64
}

// helpful returns the sentences other than except that may join the
// selection with a positive gain, best first.
func (s *state) helpful(except int) []scored {
	var out []scored
	for j := range s.p.sents {
		if j == except || !s.allowed(j) {
			continue
		}
		if g := s.gain(j); g > eps {
			out = append(out, scored{j, g})
		}
	}
	slices.SortFunc(out, func(a, b scored) int { return cmp.Or(cmp.Compare(b.gain, a.gain), cmp.Compare(a.i, b.i)) })
	return out
}

// moveFunc returns a function that removes out and adds in.
func (s *state) moveFunc(out, in []int) func() {
	out, in = slices.Clone(out), slices.Clone(in)
	return func() {
		for _, i := range out {
			s.remove(i)
		}
		for _, i := range in {
			s.add(i)
		}
	}
}
