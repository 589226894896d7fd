package brief

import (
	"sort"

	"github.com/parallax-news/parallax/internal/dates"
)

// Sentence is one sentence of the brief's summary: an article's sentence,
// as written, and the articles that support what it states.
type Sentence struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"` // every article stating the fact, the sentence's own first
	From     string   `json:"from"`     // the article whose sentence this is
	Fact     string   `json:"fact"`
}

// pick is a fact's sentence chosen for the summary.
type pick struct {
	f     *fact
	claim int
	pos   float64
}

// redundantMin is the similarity at which a candidate sentence repeats one
// already in the summary.
const redundantMin = 0.3

// summarize picks, from the best corroborated facts down, one sentence
// per fact until opt.Words is reached: the fact's claim sentence in the
// most neutral wording: never with loaded words in the outlet's own
// voice, never opening on a pronoun or quoting "he", preferably not mostly
// quotation. A sentence too similar to
// one already taken is skipped; a sentence that would overflow the
// length is skipped for a shorter one. The picks are put in reading
// order: by where in their articles they stand (leads first).
func (s *story) summarize() []Sentence {
	order := make([]*fact, len(s.facts))
	copy(order, s.facts)
	score := map[*fact]float64{}
	for _, f := range order {
		score[f] = s.summaryScore(f)
	}
	sort.SliceStable(order, func(i, j int) bool { return score[order[i]] > score[order[j]] })
	var picks []pick
	used := map[[2]int]bool{} // doc, sentence start
	budget := s.opt.Words
	for _, f := range order {
		ci, ok := s.summaryClaim(f, used, budget)
		if !ok || s.repeats(ci, picks) {
			continue
		}
		c := s.claims[ci]
		n := len(wordsIn(c.sent.Text))
		budget -= n
		used[[2]int{c.doc, c.sent.Start}] = true
		picks = append(picks, pick{f: f, claim: ci, pos: firstPos(s, f)})
		if budget < 8 {
			break
		}
	}
	sort.SliceStable(picks, func(i, j int) bool { return picks[i].pos < picks[j].pos })
	s.chronological(picks)
	out := make([]Sentence, 0, len(picks))
	for _, p := range picks {
		c := s.claims[p.claim]
		from := s.docs[c.doc].a.ID
		sent := Sentence{Text: c.sent.Text, From: from, Fact: p.f.id, Articles: []string{from}}
		for _, di := range p.f.docs {
			sent.Articles = appendUnique(sent.Articles, s.docs[di].a.ID)
		}
		out = append(out, sent)
	}
	return out
}

// summaryScore ranks facts for the summary: independent sources first,
// then articles, then how early the fact appears in its articles.
func (s *story) summaryScore(f *fact) float64 {
	return float64(len(f.sources)) + 0.25*float64(len(f.docs)) + 0.5*(1-firstPos(s, f))
}

// firstPos is the earliest relative position of a fact's claims in their
// articles (0 = lead).
func firstPos(s *story, f *fact) float64 {
	p := 1.0
	for _, m := range f.members {
		p = min(p, s.claims[m].pos)
	}
	return p
}

// summaryClaim returns the fact's claim whose sentence reads best in a
// neutral summary and fits in budget words, skipping sentences already
// used.
func (s *story) summaryClaim(f *fact, used map[[2]int]bool, budget int) (int, bool) {
	best, bestScore := -1, -1e9
	for _, m := range f.members {
		c := s.claims[m]
		if used[[2]int{c.doc, c.sent.Start}] || len(wordsIn(c.sent.Text)) > budget {
			continue
		}
		if len(s.sentenceTerms(c, lex.loaded)) > 0 {
			continue // a neutral summary does not take an outlet's loaded words
		}
		if startsWithPronoun(c.sent.Text) || pronounSpeaker(c.words) {
			continue // out of its article, "he" names nobody
		}
		sc := s.repScore(f, m) - 0.2*c.quoted
		if sc > bestScore {
			best, bestScore = m, sc
		}
	}
	return best, best >= 0
}

// repeats reports whether claim ci says what a pick already says.
func (s *story) repeats(ci int, picks []pick) bool {
	for _, p := range picks {
		if s.sim(ci, p.claim) >= redundantMin {
			return true
		}
	}
	return false
}

// pronounSpeaker reports whether a sentence attributes its words to a
// pronoun ("..., he said"): out of its article, the reader cannot tell who
// spoke.
func pronounSpeaker(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if a.quoted || b.quoted {
			continue
		}
		_, av := lex.verbs[a.w]
		_, bv := lex.verbs[b.w]
		if isPronoun(a.w) && bv || av && isPronoun(b.w) {
			return true
		}
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i":
		return true
	}
	return false
}

// chronological reorders the picks that carry a day-precise date among
// themselves by that date, leaving undated picks where reading order put
// them: Burns' interview on Friday comes before Tehran's reply on Sunday
// even when an article leads with the reply.
func (s *story) chronological(picks []pick) {
	var slots []int
	var dated []pick
	day := func(p pick) string {
		for _, m := range p.f.members {
			for _, d := range s.claims[m].dates {
				if d.date.Precision == dates.Day {
					return d.date.String()
				}
			}
		}
		return ""
	}
	for i, p := range picks {
		if day(p) != "" {
			slots = append(slots, i)
			dated = append(dated, p)
		}
	}
	sort.SliceStable(dated, func(i, j int) bool { return day(dated[i]) < day(dated[j]) })
	for k, i := range slots {
		picks[i] = dated[k]
	}
}
