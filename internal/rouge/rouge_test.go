package rouge

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluateHandWorked(t *testing.T) {
	opt := Options{N: 2, Skip: 4, Alpha: 0.5}
	res := Evaluate("the cat sat on the mat", []string{"the cat was on the mat"}, opt)
	checks := []struct {
		name           string
		got            Score
		hit, model, pr int
	}{
		{"ROUGE-1", res.N[0], 5, 6, 6},
		{"ROUGE-2", res.N[1], 3, 5, 5},
		{"ROUGE-L", res.L, 5, 6, 6},
		// SU4: unigrams of all tokens but the last (5) plus all 15 pairs;
		// the pairs and unigrams without was/sat match (10 + 4).
		{"ROUGE-SU4", res.SU, 14, 20, 20},
	}
	for _, c := range checks {
		if c.got.Hit != c.hit || c.got.Model != c.model || c.got.Peer != c.pr {
			t.Errorf("%s: hit/model/peer = %d/%d/%d, want %d/%d/%d", c.name, c.got.Hit, c.got.Model, c.got.Peer, c.hit, c.model, c.pr)
		}
		r := float64(c.hit) / float64(c.model)
		if !near(c.got.R, r) || !near(c.got.F, r) {
			t.Errorf("%s: R=%v F=%v, want %v", c.name, c.got.R, c.got.F, r)
		}
	}
}

func TestUnionLCSAcrossSentences(t *testing.T) {
	opt := Options{N: 1, Alpha: 0.5}
	// The model sentence shares "a b" with one peer sentence and "c d"
	// with another: the union LCS is a b c d.
	res := Evaluate("a b x\nc d y", []string{"a b c d e"}, opt)
	if res.L.Hit != 4 || res.L.Model != 5 || res.L.Peer != 6 {
		t.Errorf("ROUGE-L hit/model/peer = %d/%d/%d, want 4/5/6", res.L.Hit, res.L.Model, res.L.Peer)
	}
	// A peer token is used once only, however many model sentences share it.
	res = Evaluate("a", []string{"a b\na c"}, opt)
	if res.L.Hit != 1 || res.N[0].Hit != 1 {
		t.Errorf("clipped hits: L %d, ROUGE-1 %d; want 1, 1", res.L.Hit, res.N[0].Hit)
	}
}

func TestModelAverageSumsCounts(t *testing.T) {
	opt := Options{N: 1, Alpha: 0.5}
	res := Evaluate("a b", []string{"a b c d", "a"}, opt)
	// Hits 2 + 1 over model units 4 + 1: 0.6, not the mean of 0.5 and 1.
	if s := res.N[0]; s.Hit != 3 || s.Model != 5 || s.Peer != 4 || !near(s.R, 0.6) || !near(s.P, 0.75) {
		t.Errorf("ROUGE-1 = %+v, want hit 3, model 5, peer 4, R 0.6, P 0.75", s)
	}
}

func TestWordLimitAppliesToPeerAndModels(t *testing.T) {
	opt := Options{N: 1, Words: 2, Alpha: 0.5}
	res := Evaluate("a b c", []string{"c d a"}, opt)
	// Peer "a b", model "c d": nothing in common.
	if s := res.N[0]; s.Hit != 0 || s.Model != 2 || s.Peer != 2 {
		t.Errorf("ROUGE-1 = %+v, want hit 0, model 2, peer 2", s)
	}
}

func TestRoundLikePerl(t *testing.T) {
	opt := Options{N: 1, Alpha: 0.5, Round: true}
	res := Evaluate("a b c", []string{"a b d e f g h"}, opt)
	// R = 2/7 = 0.285714... prints 0.28571; P = 0.66667; F from those.
	s := res.N[0]
	if s.R != 0.28571 || s.P != 0.66667 || s.F != 0.4 {
		t.Errorf("rounded scores R=%v P=%v F=%v, want 0.28571 0.66667 0.4", s.R, s.P, s.F)
	}
}

func TestEmptyTexts(t *testing.T) {
	res := Evaluate("", []string{"a b"}, DUC(100, true))
	if res.N[0].R != 0 || res.L.R != 0 || res.SU.F != 0 {
		t.Errorf("empty peer scored %+v", res)
	}
	res = Evaluate("a b", nil, DUC(100, true))
	if res.N[0].R != 0 || res.N[0].P != 0 {
		t.Errorf("no models scored %+v", res)
	}
}

func BenchmarkEvaluate(b *testing.B) {
	peer := "Cambodia's bickering political parties broke a three-month deadlock Friday.\nOpposition leader Sam Rainsy sought further clarification of security guarantees."
	models := []string{
		"Prospects were dim for resolution of the political crisis in Cambodia in October 1998.\nKing Sihanouk declined to chair talks.",
		"Hun Sen and Ranariddh eventually form a coalition at a summit convened by Sihanouk.\nOpposition leader Rainsy left out.",
	}
	opt := DUC(100, true)
	for b.Loop() {
		Evaluate(peer, models, opt)
	}
}
