package brief

import (
	"math"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

// story is the working state of one Build call.
type story struct {
	in       Input
	opt      Options
	docs     []*doc
	byID     map[string]int // article ID -> doc index
	claims   []*claim
	ents     phraseSet         // aliases of Input.Entities
	entName  map[string]string // alias (space-joined folded words) -> canonical name
	sources  []source
	facts    []*fact
	sims     map[[2]int]float64 // claim pair (low, high) -> similarity, when above simFloor
	pairs    [][2]int           // the keys of sims, sorted
	clashes  []clash            // claim pairs that contradict each other
	clashSet map[[2]int]bool
	persons  persons
}

func newStory(in Input, opt Options) *story {
	s := &story{in: in, opt: opt, byID: map[string]int{}, entName: map[string]string{}}
	s.loadEntities()
	for i := range in.Articles {
		a := &in.Articles[i]
		d := &doc{a: a, label: labelOf(a), quoted: quotedSpans(a.Text)}
		s.byID[a.ID] = i
		s.docs = append(s.docs, d)
	}
	s.addAttributionQuotes()
	for i := range s.docs {
		s.claimsOf(i)
	}
	s.findDates()
	s.persons = s.people()
	s.weigh()
	s.compare()
	s.groupSources()
	s.cluster()
	return s
}

// labelOf names an article's outlet for people: the outlet, or "article
// <id>" when it is unknown.
func labelOf(a *article.Article) string {
	if o := strings.TrimSpace(a.Outlet); o != "" {
		return o
	}
	return "article " + a.ID
}

// loadEntities indexes the aliases of Input.Entities.
func (s *story) loadEntities() {
	var phrases [][]string
	for _, e := range s.in.Entities {
		for _, alias := range append([]string{e.Name}, e.Aliases...) {
			ws := text.Words(alias)
			if len(ws) == 0 {
				continue
			}
			phrases = append(phrases, ws)
			s.entName[joinWords(ws)] = e.Name
		}
	}
	s.ents = newPhraseSet(phrases)
}

// addAttributionQuotes marks the content of direct quotations that the
// quote stage found as quoted, in addition to what quotation marks show.
func (s *story) addAttributionQuotes() {
	for _, at := range s.in.Attributions {
		di, ok := s.byID[at.Article]
		if !ok || at.Kind != "direct" {
			continue
		}
		d := s.docs[di]
		if at.Content.Start < 0 || at.Content.End > len(d.a.Text) || at.Content.Start >= at.Content.End {
			continue
		}
		d.quoted = mergeSpans(append(d.quoted, at.Content))
	}
}

// Feature weights: names, places and numbers say more about what a claim
// is about than common words do.
const (
	nameBoost = 1.5
	simFloor  = 0.15 // pairs below this are not stored
)

// features turns a claim's words into weighted content features: stems
// mapped to their paraphrase class, canonical entities and countries, and
// numbers. Stopwords, attribution verbs, hedges and denial words are not
// content.
func (s *story) features(c *claim) map[string]float64 {
	f := map[string]float64{}
	c.surface = map[string]string{}
	ws := c.words
	body := s.docs[c.doc].a.Text
	skip := make([]bool, len(ws))
	for k, w := range ws {
		// dates are compared as dates, not as words
		skip[k] = inSpans(s.docs[c.doc].dateSpans, w.start)
	}
	add := func(key string, boost float64, from, to int) {
		if boost > f[key] {
			f[key] = boost
		}
		if _, ok := c.surface[key]; !ok {
			c.surface[key] = body[ws[from].start:ws[to-1].end]
		}
	}
	// A person is one feature however the name is written, and the label
	// before it ("CIA chief") says who, not what.
	for _, m := range s.mentions(ws) {
		add("e:"+m.name, nameBoost, m.start, m.end)
		for k := m.start; k < m.end; k++ {
			skip[k] = true
		}
		if ls, ok := labelStart(body, ws, m.start); ok {
			for k := ls; k < m.start; k++ {
				skip[k] = true
			}
		}
	}
	for i := 0; i < len(ws); i++ {
		if skip[i] {
			continue
		}
		if n := s.ents.match(ws, i); n > 0 {
			add("e:"+placeName(s.entName[joinWords(wordStrings(ws[i:i+n]))]), nameBoost, i, i+n)
			i += n - 1
			continue
		}
		if n := lex.places.match(ws, i); n > 0 {
			add("e:"+lex.placeOf[joinWords(wordStrings(ws[i:i+n]))], nameBoost, i, i+n)
			i += n - 1
			continue
		}
		w := ws[i]
		if w.num {
			add("#"+w.w, nameBoost, i, i+1)
			continue
		}
		if len(w.w) < 2 || text.IsStop(w.w) || isFunctionWord(w.w) {
			continue
		}
		if _, ok := lex.verbs[w.w]; ok {
			continue
		}
		if _, ok := lex.polarity[w.w]; ok {
			continue
		}
		if lex.hedges.match(ws, i) > 0 {
			continue
		}
		boost := 1.0
		if w.cap && i > 0 {
			boost = nameBoost
		}
		add(synonymStem(w.w), boost, i, i+1)
	}
	return f
}

// placeName maps an entity name that is a country's metonym or demonym
// (lexicon/places.txt: "Tehran") to the country, so that entities that
// the entity stage keeps apart still align; other names are unchanged.
func placeName(name string) string {
	if c, ok := lex.placeOf[joinWords(text.Words(name))]; ok {
		return c
	}
	return name
}

// isFunctionWord catches frequent words that the stopword list keeps but
// that say nothing about content.
func isFunctionWord(w string) bool {
	switch w {
	case "would", "will", "could", "may", "might", "must", "shall", "should", "can", "also", "yet",
		"now", "since", "still", "even", "well", "like", "within", "including", "per", "via",
		"said", "says", "year", "years", "time", "way", "ways", "new", "one":
		return true
	}
	return false
}

func wordStrings(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return out
}

func joinWords(ws []string) string {
	n := 0
	for _, w := range ws {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for i, w := range ws {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	}
	return string(b)
}

// weigh computes every claim's features and weighs them by inverse
// document frequency over the story's claims: a word every claim uses
// ("Iran" in a story about Iran) aligns nothing.
func (s *story) weigh() {
	df := map[string]int{}
	for _, c := range s.claims {
		c.feats = s.features(c)
		for k := range c.feats {
			df[k]++
		}
	}
	n := float64(len(s.claims))
	for _, c := range s.claims {
		c.keys = sortedKeys(c.feats)
		c.norm = 0
		for _, k := range c.keys {
			w := c.feats[k] * math.Log(1+n/float64(df[k]))
			c.feats[k] = w
			c.norm += w
		}
	}
}
