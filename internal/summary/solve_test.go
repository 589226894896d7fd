package summary

import (
	"math/rand/v2"
	"testing"
)

// randomProblem builds a coverage problem of n sentences over m concepts.
func randomProblem(r *rand.Rand, n, m, budget int) *problem {
	p := &problem{budget: budget, conflict: make([][]int, n)}
	for c := 0; c < m; c++ {
		p.weight = append(p.weight, float64(1+r.IntN(10)))
	}
	for i := 0; i < n; i++ {
		p.sents = append(p.sents, &sent{})
		p.length = append(p.length, 8+r.IntN(30))
		seen := map[int32]bool{}
		var cs []int32
		for k := 0; k < 3+r.IntN(12); k++ {
			c := int32(r.IntN(m))
			if !seen[c] {
				seen[c] = true
				cs = append(cs, c)
			}
		}
		p.concepts = append(p.concepts, cs)
		p.penalty = append(p.penalty, 0)
	}
	return p
}

// exhaustive returns the best value over all feasible selections.
func exhaustive(p *problem) float64 {
	n := len(p.sents)
	best := 0.0
	for mask := 0; mask < 1<<n; mask++ {
		s := newState(p)
		ok := true
		for i := 0; i < n && ok; i++ {
			if mask&(1<<i) != 0 {
				if !s.allowed(i) {
					ok = false
					break
				}
				s.add(i)
			}
		}
		if ok && s.value > best {
			best = s.value
		}
	}
	return best
}

func TestSolveNearOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const trials = 60
	optimal, worst := 0, 1.0
	for k := 0; k < trials; k++ {
		p := randomProblem(r, 14, 40, 60+r.IntN(60))
		st := newState(p)
		for _, i := range p.solve() {
			st.add(i)
		}
		if st.length > p.budget {
			t.Fatalf("trial %d: selection of %d words over budget %d", k, st.length, p.budget)
		}
		opt := exhaustive(p)
		if st.value >= opt-eps {
			optimal++
		}
		worst = min(worst, st.value/opt)
	}
	t.Logf("optimal in %d of %d random problems; worst ratio %.4f", optimal, trials, worst)
	if worst < 0.95 || optimal < trials*8/10 {
		t.Errorf("solver optimal in %d of %d, worst ratio %.4f; want at least 80%% optimal and 0.95", optimal, trials, worst)
	}
}
