package brief

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// Framing is how one outlet tells the story: its attribution verbs,
// hedges, loaded words and labels in its own voice, and the corroborated
// facts it leaves out. Words inside quotation marks are the speaker's and
// are listed apart, in Quoted. An outlet that is not known is one article
// ("article <id>").
type Framing struct {
	Outlet   string   `json:"outlet"`
	Wire     string   `json:"wire,omitempty"`
	Articles []string `json:"articles"`
	// Verbs counts the attribution verbs (by lemma: "say", "claim",
	// "allege") the outlet uses in its own voice; VerbClasses sums them by
	// class (neutral, assertive, distancing, conceding, accusing,
	// rejecting; see lexicon/README.md).
	Verbs       map[string]int `json:"verbs"`
	VerbClasses map[string]int `json:"verb_classes"`
	Loaded      []Term         `json:"loaded"` // evaluative words in the outlet's own voice
	Hedges      []Term         `json:"hedges"` // allegedly, reportedly, alleged (adjective) ...
	Quoted      []Term         `json:"quoted"` // loaded words and hedges inside quotations: the speakers'
	// Labels maps a person to the descriptions the outlet gives them
	// ("William Burns": ["CIA chief"]).
	Labels map[string][]string `json:"labels"`
	// Omits lists facts that two or more other outlets carry and this one
	// does not.
	Omits []string `json:"omits"`
	// OmitReasons says, for each omitted fact, who carries it and how
	// close this outlet's nearest claim comes.
	OmitReasons map[string]string `json:"omit_reasons"`
}

// Term is a word or phrase an outlet uses, how often, and where first.
type Term struct {
	Word    string `json:"word"`
	Count   int    `json:"count"`
	Article string `json:"article"`
	Context string `json:"context"`
}

// framing builds one Framing per outlet (or per article of unknown
// outlet), in the order the outlets first appear.
func (s *story) framing() []Framing {
	var groups []*Framing
	index := map[string]int{}
	docsOf := map[int][]int{}
	for di, d := range s.docs {
		k, ok := index[d.label]
		if !ok {
			k = len(groups)
			index[d.label] = k
			groups = append(groups, &Framing{
				Outlet: d.label, Verbs: map[string]int{}, VerbClasses: map[string]int{},
				Labels: map[string][]string{},
			})
		}
		g := groups[k]
		g.Articles = append(g.Articles, d.a.ID)
		if d.a.Wire != "" && g.Wire == "" {
			g.Wire = d.a.Wire
		}
		docsOf[k] = append(docsOf[k], di)
	}
	out := make([]Framing, len(groups))
	for k, g := range groups {
		for _, di := range docsOf[k] {
			s.frameDoc(g, di)
			for name, labels := range s.labelsOf(di) {
				for _, l := range labels {
					g.Labels[name] = appendUnique(g.Labels[name], l)
				}
			}
		}
		g.Omits, g.OmitReasons = s.omits(docsOf[k])
		for _, ts := range []*[]Term{&g.Loaded, &g.Hedges, &g.Quoted} {
			sortTerms(*ts)
			if *ts == nil {
				*ts = []Term{}
			}
		}
		out[k] = *g
	}
	return out
}

// frameDoc adds one article's verbs, hedges and loaded words to g.
func (s *story) frameDoc(g *Framing, di int) {
	d := s.docs[di]
	body := d.a.Text
	cues, cueSpans := s.cueVerbs(di)
	for _, c := range cues {
		g.Verbs[c.lemma]++
		g.VerbClasses[c.class]++
	}
	for _, sent := range d.sents {
		ws := wordsOf(body, sent.Start, sent.End, d.quoted)
		for i := 0; i < len(ws); i++ {
			w := ws[i]
			v, isVerb := lex.verbAt(ws, i)
			// With the quote stage's cues, the word list adds only the
			// verbs that characterise (claimed, admitted, insisted) that
			// the cues missed.
			if isVerb && !w.quoted && (cues == nil || v.class != VerbNeutral && !inSpans(cueSpans, w.start)) {
				g.Verbs[v.lemma]++
				g.VerbClasses[v.class]++
			}
			n := lex.loaded.match(ws, i)
			list := &g.Loaded
			if n == 0 && !isVerb {
				// "alleged" as a verb is attribution; before a noun, a hedge
				n = lex.hedges.match(ws, i)
				list = &g.Hedges
			}
			if n == 0 {
				continue
			}
			if w.quoted {
				list = &g.Quoted
			}
			phrase := joinWords(wordStrings(ws[i : i+n]))
			*list = addTerm(*list, phrase, d.a.ID, snippet(body, ws, i, i+n))
			i += n - 1
		}
	}
}

// cueVerbs returns the attribution cues the quote stage found in article
// di outside quotations, as verbs (the lexicon's lemma and class when the
// cue holds a listed verb, else its first word that is not an auxiliary,
// of class "other"), and their spans; nil when it found none.
func (s *story) cueVerbs(di int) ([]verbForm, []Span) {
	d := s.docs[di]
	var out []verbForm
	var spans []Span
	for _, at := range s.in.Attributions {
		if at.Article != d.a.ID || at.Cue.End <= at.Cue.Start || at.Cue.End > len(d.a.Text) {
			continue
		}
		if inSpans(d.quoted, at.Cue.Start) {
			continue
		}
		if v, ok := cueVerb(text.Words(d.a.Text[at.Cue.Start:at.Cue.End])); ok {
			out = append(out, v)
			spans = append(spans, at.Cue)
		}
	}
	return out, mergeSpans(spans)
}

// VerbOther is the class of attribution cues that are not in verbs.txt.
const VerbOther = "other"

func cueVerb(cue []string) (verbForm, bool) {
	for _, w := range cue {
		if v, ok := lex.verbs[w]; ok {
			return v, true
		}
	}
	for _, w := range cue {
		switch w {
		case "has", "have", "had", "is", "was", "were", "are", "be", "been", "also", "both", "not", "will", "would":
			continue
		}
		return verbForm{lemma: w, class: VerbOther}, true
	}
	return verbForm{}, false
}

func addTerm(list []Term, word, article, context string) []Term {
	for i := range list {
		if list[i].Word == word {
			list[i].Count++
			return list
		}
	}
	return append(list, Term{Word: word, Count: 1, Article: article, Context: context})
}

func sortTerms(ts []Term) {
	sort.SliceStable(ts, func(i, j int) bool {
		if ts[i].Count != ts[j].Count {
			return ts[i].Count > ts[j].Count
		}
		return ts[i].Word < ts[j].Word
	})
}

// snippet returns the words around ws[i:j], up to six each side, with
// ellipses where it cuts.
func snippet(body string, ws []word, i, j int) string {
	const side = 6
	a, b := max(0, i-side), min(len(ws), j+side)
	out := strings.TrimSpace(body[ws[a].start:ws[b-1].end])
	if a > 0 {
		out = "…" + out
	}
	if b < len(ws) {
		out += "…"
	}
	return out
}

// sentenceTerms returns the phrases of set that the sentence of claim c
// uses outside quotations.
func (s *story) sentenceTerms(c *claim, set phraseSet) []string {
	d := s.docs[c.doc]
	return termsIn(wordsOf(d.a.Text, c.sent.Start, c.sent.End, d.quoted), set)
}

// ownVoiceTerms returns the phrases of set that claim c uses outside
// quotations.
func (s *story) ownVoiceTerms(c *claim, set phraseSet) []string { return termsIn(c.words, set) }

func termsIn(ws []word, set phraseSet) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if ws[i].quoted {
			continue
		}
		if n := set.match(ws, i); n > 0 {
			out = append(out, joinWords(wordStrings(ws[i:i+n])))
			i += n - 1
		}
	}
	return out
}

// omits returns the facts that two or more other outlets carry (two
// independent sources: copies of one text count once) and none of the
// given articles does, not even loosely (a claim of the articles
// with similarity looseMin or more to one of the fact's claims, sharing
// two words with it, counts as carrying it).
func (s *story) omits(docs []int) ([]string, map[string]string) {
	mine := map[int]bool{}
	for _, di := range docs {
		mine[di] = true
	}
	ids, reasons := []string{}, map[string]string{}
	for _, f := range s.facts {
		others := map[int]bool{} // sources other than these articles'
		carried := false
		for _, di := range f.docs {
			if mine[di] {
				carried = true
				break
			}
			others[s.docs[di].source] = true
		}
		if carried || len(others) < 2 {
			continue
		}
		closest, loose := s.closestIn(f, mine)
		if loose {
			continue
		}
		ids = append(ids, f.id)
		var srcs []string
		for _, k := range sortedInts(others) {
			srcs = append(srcs, sourceID(k))
		}
		reasons[f.id] = fmt.Sprintf("carried by %d independent sources (%s); the closest claim here has similarity %.2f",
			len(others), strings.Join(srcs, ", "), closest)
	}
	return ids, reasons
}

// looseMin is the similarity at which an article is taken to mention a
// fact it does not state in the fact's terms.
const looseMin = 0.25

// closestIn returns the highest similarity of one of the given articles'
// claims to a claim of fact f, and whether one of them loosely carries the
// fact (looseMin, two shared words).
func (s *story) closestIn(f *fact, mine map[int]bool) (float64, bool) {
	best := 0.0
	for _, m := range f.members {
		for _, di := range sortedInts(mine) {
			for _, ci := range s.docs[di].claims {
				sim := s.sim(m, ci)
				best = max(best, sim)
				if sim >= looseMin && sharedWords(s.claims[m], s.claims[ci]) >= minShared {
					return sim, true
				}
			}
		}
	}
	return best, false
}
