package summary

import "math"

// Concept weighting. A concept counts for a source when the source uses
// it; it counts 1+ledeBonus when the source uses it in a lede (the first
// ledeSentences sentences of a document): news writing puts the main facts
// first. A concept's weight is its summed count raised to
// corroborationPower, so that agreement among many sources weighs more
// than linearly. Only concepts used by at least minShare of the sources
// (Gillick and Favre keep bigrams found in 3 of 10 documents), and never
// fewer than two, count at all. Single content words are concepts too, at
// unigramWeight of a word pair: they favour sentences dense in
// corroborated words without letting them outweigh corroborated phrases.
const (
	minShare           = 0.3
	ledeSentences      = 3
	ledeBonus          = 1.0
	corroborationPower = 1.5
	unigramWeight      = 0.25
)

// concept is a key and a readable form.
type concept struct {
	key, surface string
	unigram      bool
	content      bool // no stopword in it
}

// concepts returns the distinct concepts of s: its content words, and its
// adjacent word pairs that are not both stopwords.
func (s *sent) concepts() []concept {
	var out []concept
	seen := map[string]bool{}
	put := func(c concept) {
		if !seen[c.key] {
			seen[c.key] = true
			out = append(out, c)
		}
	}
	for i, t := range s.terms {
		if !s.stop[i] {
			put(concept{key: t, surface: s.surface[i], unigram: true, content: true})
		}
	}
	for i := 0; i+1 < len(s.terms); i++ {
		if !s.stop[i] || !s.stop[i+1] {
			put(concept{
				key:     s.terms[i] + " " + s.terms[i+1],
				surface: s.surface[i] + " " + s.surface[i+1],
				content: !s.stop[i] && !s.stop[i+1],
			})
		}
	}
	return out
}

// conceptWeights holds the weight of every concept that counts and the
// number of sources using it.
type conceptWeights struct {
	weight  map[string]float64
	support map[string]int
}

// weights weighs the concepts by the independent source groups that use
// them. With fewer than three groups there is no corroboration to count,
// and sentences stand in for sources.
func (c *corpus) weights() conceptWeights {
	cw := conceptWeights{weight: map[string]float64{}, support: map[string]int{}}
	bySentence := c.ngroups < 3
	uses := map[string]map[int]float64{} // concept -> unit -> count
	unigram := map[string]bool{}
	units := c.ngroups
	if bySentence {
		units = 0
	}
	for d := range c.sents {
		for i := range c.sents[d] {
			unit := c.group[d]
			if bySentence {
				unit = units
				units++
			}
			f := 1.0
			if i < ledeSentences {
				f += ledeBonus
			}
			for _, k := range c.sents[d][i].cons {
				if uses[k.key] == nil {
					uses[k.key] = map[int]float64{}
					unigram[k.key] = k.unigram
				}
				uses[k.key][unit] = max(uses[k.key][unit], f)
			}
		}
	}
	threshold := max(2, int(math.Round(minShare*float64(units))))
	if bySentence {
		threshold = 2
	}
	for pass := 0; pass < 2 && len(cw.weight) == 0; pass++ {
		for k, u := range uses {
			if len(u) < threshold && pass == 0 {
				continue
			}
			total := 0.0
			for _, v := range u {
				total += v
			}
			w := math.Pow(total, corroborationPower)
			if unigram[k] {
				w *= unigramWeight
			}
			cw.weight[k] = w
			cw.support[k] = len(u)
		}
	}
	return cw
}
