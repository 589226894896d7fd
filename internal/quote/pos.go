package quote

import (
	"github.com/parallax-news/parallax/internal/text"
)

// posModel is a greedy part-of-speech tagger distilled from prose's
// averaged perceptron: trained on prose's output over the PolNeAR training
// texts, folded to coarse classes (coarseTag), it is cheaper than prose and
// agrees with it on most tokens.
type posModel struct {
	tags []string
	t    *tagger // transitions unused: tags are decoded left to right
}

// Feature kinds of the part-of-speech tagger, apart from the others.
const (
	pBias uint64 = iota + 100
	pWord
	pSuf3
	pSuf2
	pPre1
	pShape
	pPrev
	pNext
	pPrevTag
	pPrevTags
	pTagWord
	pPrev2
	pNext2
)

// posFeatures returns the features of token i given the two tags before.
func posFeatures(p *prepared, i int, prev, prev2 string, buf []feat) []feat {
	t := &p.toks[i]
	w := t.lower
	pre := w
	if len(pre) > 1 {
		pre = pre[:1]
	}
	return append(buf,
		fh(pBias, ""),
		fh(pWord, w),
		fh(pSuf3, suffix(w, 3)),
		fh(pSuf2, suffix(w, 2)),
		fh(pPre1, pre),
		fh(pShape, t.shape),
		fh(pPrev, wordAt(p, i-1)),
		fh(pNext, wordAt(p, i+1)),
		fh(pPrevTag, prev),
		fh2(pPrevTags, prev2, prev),
		fh2(pTagWord, prev, w),
		fh(pPrev2, wordAt(p, i-2)),
		fh(pNext2, wordAt(p, i+2)),
	)
}

// tag sets the part of speech of every token, sentence by sentence.
func (m *posModel) tag(p *prepared) {
	buf := make([]feat, 0, 16)
	scores := make([]float64, len(m.tags))
	for _, r := range p.sents {
		prev, prev2 := "<s>", "<s>"
		for i := r[0]; i < r[1]; i++ {
			buf = posFeatures(p, i, prev, prev2, buf[:0])
			clear(scores)
			for _, f := range buf {
				for l, v := range m.t.w.get(f) {
					scores[l] += float64(v)
				}
			}
			best := 0
			for l := range scores {
				if scores[l] > scores[best] {
					best = l
				}
			}
			p.toks[i].pos = m.tags[best]
			prev2, prev = prev, m.tags[best]
		}
	}
}

// prepareText tokenises s and adds folded forms, stems, shapes and, when
// pos is not nil, parts of speech.
func prepareText(s string, st *text.Stemmer, pos *posModel) *prepared {
	p := scan(s)
	for i := range p.toks {
		t := &p.toks[i]
		t.lower = text.Fold(t.text)
		t.stem = st.Stem(t.lower)
		t.shape = shapeOf(t.text)
	}
	if pos != nil {
		pos.tag(p)
	}
	return p
}

// coarseTag folds a Penn Treebank tag into the classes the features need.
func coarseTag(t string) string {
	switch t {
	case "NN", "NNS":
		return "N"
	case "NNP", "NNPS":
		return "NP"
	case "VB", "VBP":
		return "V"
	case "VBD", "VBZ", "VBG", "VBN", "IN", "CD", "CC", "TO", "MD", "POS", "RP":
		return t
	case "JJ", "JJR", "JJS":
		return "J"
	case "RB", "RBR", "RBS", "WRB":
		return "R"
	case "DT", "PDT", "WDT":
		return "D"
	case "PRP", "PRP$", "WP", "WP$", "EX":
		return "P"
	}
	for _, r := range t {
		if r >= 'A' && r <= 'Z' {
			return "X"
		}
	}
	return "PU"
}
