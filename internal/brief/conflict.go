package brief

import (
	"fmt"
	"sort"
)

// factConflicts lifts contradicting claim pairs to the facts they belong
// to: one Conflict per pair of facts and kind, with the most similar claim
// pair's reason, sorted by fact IDs.
func (s *story) factConflicts() []Conflict {
	type key struct {
		a, b int
		kind string
	}
	best := map[key]clash{}
	for _, c := range s.clashes {
		fa, fb := s.claims[c.a].fact, s.claims[c.b].fact
		if fa == fb || fa < 0 || fb < 0 {
			continue
		}
		if fa > fb {
			fa, fb = fb, fa
		}
		k := key{fa, fb, c.kind}
		if old, ok := best[k]; !ok || c.score > old.score {
			best[k] = c
		}
	}
	keys := make([]key, 0, len(best))
	for k := range best {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		if keys[i].b != keys[j].b {
			return keys[i].b < keys[j].b
		}
		return keys[i].kind < keys[j].kind
	})
	out := make([]Conflict, 0, len(keys))
	for _, k := range keys {
		c := best[k]
		out = append(out, Conflict{
			Facts:  []string{s.facts[k.a].id, s.facts[k.b].id},
			Kind:   k.kind,
			Score:  round2(c.score),
			Reason: s.conflictReason(c),
		})
	}
	return out
}

// conflictReason says, for people, what two claims disagree on.
func (s *story) conflictReason(c clash) string {
	ca, cb := s.claims[c.a], s.claims[c.b]
	who := func(x *claim) string { return fmt.Sprintf("%s (%s)", s.docs[x.doc].label, s.facts[x.fact].id) }
	if c.kind != ConflictDenial {
		return fmt.Sprintf("%s and %s give %s; similarity %.2f", who(ca), who(cb), c.detail, c.score)
	}
	deny, other := ca, cb
	if c.denier == c.b {
		deny, other = cb, ca
	}
	how := "states"
	if other.stance > 0 {
		how = "says was " + other.cue
	}
	if c.negate {
		return fmt.Sprintf("%s negates (%q) what %s %s; similarity %.2f", who(deny), c.detail, who(other), how, c.score)
	}
	return fmt.Sprintf("%s reports a denial (%q) of what %s %s; similarity %.2f", who(deny), c.detail, who(other), how, c.score)
}
