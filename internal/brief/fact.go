package brief

import (
	"fmt"
	"sort"
	"strings"
)

// fact is a group of claims that state the same thing.
type fact struct {
	members []int // claim indexes, in article order
	rep     int   // the representative claim
	score   float64
	docs    []int // doc indexes, ascending
	sources []int // source indexes, ascending
	stance  int
	id      string
}

// cluster groups claims into facts by average-link agglomerative
// clustering: starting from one fact per claim, it repeatedly merges the
// two facts whose claims are most similar on average, while that average
// reaches alignMin and no claim of one contradicts a claim of the other
// (see cannotLink). Average linkage keeps facts from chaining from one
// topic to the next through a claim that touches both. Pairs below
// simFloor count as 0.
func (s *story) cluster() {
	n := len(s.claims)
	members := make([][]int, n)
	for i := range members {
		members[i] = []int{i}
	}
	// sum of similarities between live clusters a < b
	sum := map[[2]int]float64{}
	for _, p := range s.pairs {
		sum[p] += s.sims[p]
	}
	blocked := map[[2]int]bool{}
	for {
		best, bestAvg := [2]int{-1, -1}, 0.0
		for p, v := range sum {
			if blocked[p] {
				continue
			}
			avg := v / float64(len(members[p[0]])*len(members[p[1]]))
			if avg > bestAvg || avg == bestAvg && less(p, best) {
				best, bestAvg = p, avg
			}
		}
		if best[0] < 0 || bestAvg < alignMin {
			break
		}
		a, b := best[0], best[1]
		if s.cannotLink(members[a], members[b]) {
			blocked[best] = true
			continue
		}
		members[a] = append(members[a], members[b]...)
		members[b] = nil
		s.mergeSums(sum, blocked, a, b)
	}
	for _, m := range members {
		if len(m) > 0 {
			s.facts = append(s.facts, &fact{members: m})
		}
	}
	for _, f := range s.facts {
		s.finishFact(f)
	}
	s.orderFacts()
}

// mergeSums moves cluster b's similarity sums onto cluster a, and lifts
// the blocks of both: the merged cluster is checked afresh.
func (s *story) mergeSums(sum map[[2]int]float64, blocked map[[2]int]bool, a, b int) {
	for p, v := range sum {
		if p[0] != b && p[1] != b {
			continue
		}
		delete(sum, p)
		o := p[0]
		if o == b {
			o = p[1]
		}
		if o != a {
			sum[[2]int{min(a, o), max(a, o)}] += v
		}
	}
	for p := range blocked {
		if p[0] == a || p[1] == a || p[0] == b || p[1] == b {
			delete(blocked, p)
		}
	}
}

func less(p, q [2]int) bool {
	if q[0] < 0 {
		return true
	}
	return p[0] < q[0] || p[0] == q[0] && p[1] < q[1]
}

// cannotLink reports whether two groups of claims may not form one fact:
// a claim of one contradicts a claim of the other, or one denies what
// the other does not.
func (s *story) cannotLink(a, b []int) bool {
	for _, i := range a {
		for _, j := range b {
			if s.clashing(i, j) || (s.claims[i].stance < 0) != (s.claims[j].stance < 0) {
				return true
			}
		}
	}
	return false
}

// finishFact sorts a fact's claims and works out its articles, sources,
// representative and stance.
func (s *story) finishFact(f *fact) {
	sort.Slice(f.members, func(x, y int) bool {
		a, b := s.claims[f.members[x]], s.claims[f.members[y]]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.start < b.start
	})
	docs, srcs := map[int]bool{}, map[int]bool{}
	stance := 0
	for _, m := range f.members {
		c := s.claims[m]
		docs[c.doc] = true
		srcs[s.docs[c.doc].source] = true
		stance += c.stance
	}
	f.docs, f.sources = sortedInts(docs), sortedInts(srcs)
	switch {
	case 2*stance > len(f.members):
		f.stance = 1
	case -2*stance > len(f.members):
		f.stance = -1
	}
	best := -1e9
	for _, m := range f.members {
		if sc := s.repScore(f, m); sc > best {
			best, f.rep = sc, m
		}
	}
	f.score = s.cohesion(f, f.rep)
}

func sortedInts(set map[int]bool) []int {
	out := make([]int, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// cohesion is the mean similarity of a fact's other claims to claim i; 1
// for a fact of one claim.
func (s *story) cohesion(f *fact, i int) float64 {
	if len(f.members) == 1 {
		return 1
	}
	sum := 0.0
	for _, m := range f.members {
		if m != i {
			sum += s.sim(i, m)
		}
	}
	return sum / float64(len(f.members)-1)
}

// repScore rates claim i as the face of fact f: central to the fact, a
// whole sentence, in neutral wording, self-contained and not too long.
func (s *story) repScore(f *fact, i int) float64 {
	c := s.claims[i]
	sc := s.cohesion(f, i)
	switch {
	case c.whole:
		sc += 0.15
	case c.start == c.sent.Start:
		sc += 0.1 // a first clause has its subject
	}
	sc -= 0.15 * float64(min(2, len(s.ownVoiceTerms(c, lex.loaded))))
	if startsWithPronoun(c.sent.Text) {
		sc -= 0.1
	}
	sc -= 0.1 * c.quoted
	if n := len(wordsIn(c.sent.Text)); n > 35 {
		sc -= 0.005 * float64(n-35)
	}
	return sc
}

// claimText is how a fact shows its representative claim: the whole
// sentence, or the clause, marked with an ellipsis and without its
// opening conjunction when it does not start the sentence ("… insisted
// they were supplied before the invasion").
func claimText(c *claim) string {
	if c.whole {
		return c.sent.Text
	}
	t := strings.TrimRight(c.text, ",;: ")
	if c.start > c.sent.Start {
		t = "… " + trimConjunction(t)
	}
	return t
}

// startsWithPronoun reports whether a sentence opens with a pronoun that
// needs the sentence before it.
func startsWithPronoun(sent string) bool {
	f := strings.Fields(strings.TrimLeft(sent, "\"“‘'"))
	if len(f) == 0 {
		return false
	}
	switch strings.ToLower(strings.Trim(f[0], ",")) {
	case "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "their", "its":
		return true
	}
	return false
}

// wordsIn counts words the way a reader does: runs of non-space.
func wordsIn(s string) []string { return strings.Fields(s) }

// orderFacts sorts facts from the best corroborated to the least, then by
// where they first appear, and numbers them.
func (s *story) orderFacts() {
	first := func(f *fact) (int, int) {
		c := s.claims[f.members[0]]
		return c.doc, c.start
	}
	sort.SliceStable(s.facts, func(x, y int) bool {
		a, b := s.facts[x], s.facts[y]
		if len(a.sources) != len(b.sources) {
			return len(a.sources) > len(b.sources)
		}
		if len(a.docs) != len(b.docs) {
			return len(a.docs) > len(b.docs)
		}
		if len(a.members) != len(b.members) {
			return len(a.members) > len(b.members)
		}
		da, sa := first(a)
		db, sb := first(b)
		if da != db {
			return da < db
		}
		return sa < sb
	})
	for k, f := range s.facts {
		f.id = fmt.Sprintf("f%d", k+1)
		for _, m := range f.members {
			s.claims[m].fact = k
		}
	}
}

// factsOut renders the facts for the brief.
func (s *story) factsOut(all []Conflict) []Fact {
	conflicts := map[int][]string{}
	for _, c := range all {
		a, b := s.factIndex(c.Facts[0]), s.factIndex(c.Facts[1])
		conflicts[a] = appendUnique(conflicts[a], c.Facts[1])
		conflicts[b] = appendUnique(conflicts[b], c.Facts[0])
	}
	out := make([]Fact, len(s.facts))
	for k, f := range s.facts {
		rep := s.claims[f.rep]
		o := Fact{
			ID:            f.id,
			Text:          claimText(rep),
			Independent:   len(f.sources),
			SingleSource:  len(f.sources) == 1,
			ConflictsWith: conflicts[k],
			Stance:        stanceName(f.stance),
			Score:         round2(f.score),
			Reason:        s.factReason(f),
		}
		if o.ConflictsWith == nil {
			o.ConflictsWith = []string{}
		}
		for _, di := range f.docs {
			o.Articles = append(o.Articles, s.docs[di].a.ID)
			o.Outlets = appendUnique(o.Outlets, s.docs[di].label)
		}
		for _, si := range f.sources {
			o.Sources = append(o.Sources, sourceID(si))
		}
		for _, m := range f.members {
			c := s.claims[m]
			o.Claims = append(o.Claims, Claim{
				Article: s.docs[c.doc].a.ID, Text: c.text, Start: c.start, End: c.end,
				Score: round2(s.sim(f.rep, m)),
			})
		}
		out[k] = o
	}
	return out
}

func (s *story) factIndex(id string) int {
	for k, f := range s.facts {
		if f.id == id {
			return k
		}
	}
	return -1
}

func stanceName(st int) string {
	switch st {
	case -1:
		return "denial"
	case 1:
		return "admission"
	}
	return ""
}

// factReason explains a fact's grouping and its count of sources.
func (s *story) factReason(f *fact) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s in %d %s", len(f.members), plural(len(f.members), "claim", "claims"),
		len(f.docs), plural(len(f.docs), "article", "articles"))
	if len(f.docs) > 1 {
		if len(f.sources) == 1 {
			fmt.Fprintf(&b, ", one source (%s)", strings.Join(s.sources[f.sources[0]].reasons, "; "))
		} else if len(f.sources) < len(f.docs) {
			fmt.Fprintf(&b, ", %d independent sources", len(f.sources))
		}
	}
	if shared := s.sharedTerms(f, 4); len(shared) > 0 {
		fmt.Fprintf(&b, "; shared: %s; similarity %.2f", strings.Join(shared, ", "), f.score)
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sharedTerms returns up to k surface words of the features most of the
// fact's claims share, heaviest first.
func (s *story) sharedTerms(f *fact, k int) []string {
	if len(f.members) < 2 {
		return nil
	}
	count := map[string]int{}
	weight := map[string]float64{}
	for _, m := range f.members {
		c := s.claims[m]
		for _, key := range c.keys {
			count[key]++
			weight[key] += c.feats[key]
		}
	}
	var keys []string
	for key, n := range count {
		if n >= 2 {
			keys = append(keys, key)
		}
	}
	sort.Slice(keys, func(x, y int) bool {
		if weight[keys[x]] != weight[keys[y]] {
			return weight[keys[x]] > weight[keys[y]]
		}
		return keys[x] < keys[y]
	})
	if len(keys) > k {
		keys = keys[:k]
	}
	out := make([]string, len(keys))
	for i, key := range keys {
		out[i] = s.surface(f, key)
	}
	return out
}

// surface returns how the fact's representative (or first) claim writes
// feature key.
func (s *story) surface(f *fact, key string) string {
	for _, m := range append([]int{f.rep}, f.members...) {
		if w, ok := s.claims[m].surface[key]; ok {
			return w
		}
	}
	return strings.TrimPrefix(strings.TrimPrefix(key, "e:"), "#")
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
