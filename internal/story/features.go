package story

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Doc is an article as the engine sees it. Published is zero when unknown.
// Features may be filled beforehand by Featurize (on any goroutine), so that
// Add only clusters; when nil, Add featurizes.
type Doc struct {
	ID        string
	Title     string
	Text      string
	Outlet    string
	Published time.Time
	Captions  []string // photo captions and other asides that name people and places
	Features  *Features
}

// Features are the sparse, unweighted (term-frequency) vectors of one
// article. IDF weights are applied by the engine, from the stream itself.
type Features struct {
	Terms  Vector  `json:"terms"`  // stems of content words; title words count double
	Names  Vector  `json:"names"`  // capitalised names: each word and each multiword phrase
	Nums   Vector  `json:"nums"`   // numbers and month-day dates
	Title  Vector  `json:"title"`  // stems of the title's content words
	Lead   Vector  `json:"lead"`   // stems of the content words of the title and the first sentences
	Labels []Label `json:"labels"` // display forms of the Names keys, for reasons
	Words  int     `json:"words"`  // number of word tokens
}

// Label is the display form of a name feature.
type Label struct {
	Key  uint64 `json:"key"`
	Text string `json:"text"`
}

// Feature channels (the prefix byte of a key).
const (
	chTerm   = 't'
	chName   = 'n'
	chPhrase = 'p'
	chNum    = '#'
	chTitle  = 'T'
)

// Featurizer computes Features. It caches stems and is not safe for
// concurrent use: give each goroutine its own.
type Featurizer struct {
	stem *text.Stemmer
}

// NewFeaturizer returns a Featurizer with an empty stem cache.
func NewFeaturizer() *Featurizer { return &Featurizer{stem: text.NewStemmer()} }

// Featurize computes the features of d. It is a pure function of d's title,
// text and captions.
func Featurize(d Doc) Features { return NewFeaturizer().Featurize(d) }

// Featurize computes the features of d.
func (f *Featurizer) Featurize(d Doc) Features {
	b := newBuilder(f.stem)
	title := siteless(d.Title)
	b.terms(title, 2)
	b.scan(d.Text)
	for _, c := range d.Captions {
		b.scan(c)
	}
	feats := b.features()
	feats.Title = b.titleVector(title)
	feats.Lead = b.leadVector(title, d.Text)
	return feats
}

// leadSentences is how many of the text's first sentences make its lead.
const leadSentences = 3

// leadVector returns the content-word stems (term keys) of the title and
// the lead. A report says what happened first and gives the background
// after; reports of related events differ most in their background, so
// storylines compare leads. Only common words count: words the text also
// writes in lowercase (so call it after scan), not numbers, days or
// months. Names (who, where) are compared apart, and a dateline ("May 03,
// 2013", "Updated Thursday") says when a page was written, not what
// happened.
func (b *builder) leadVector(title, body string) Vector {
	counts := make(map[uint64]float32)
	add := func(s string) {
		for _, t := range text.Tokens(s) {
			if t.Kind == text.Punct || t.Kind == text.Number {
				continue
			}
			if w := fold(t.Text); len(w) >= 2 && !text.IsStop(w) && !calendar[w] && b.lower[w] {
				counts[key(chTerm, b.stem.Stem(w))]++
			}
		}
	}
	add(title)
	for i, sp := range text.Sentences(body) {
		if i == leadSentences {
			break
		}
		add(sp.Text)
	}
	return vectorOf(counts)
}

// titleVector returns the stems of the title's content words.
func (b *builder) titleVector(title string) Vector {
	counts := make(map[uint64]float32)
	for _, t := range text.Tokens(title) {
		if t.Kind == text.Punct {
			continue
		}
		if w := fold(t.Text); len(w) >= 2 && !text.IsStop(w) {
			counts[key(chTitle, b.stem.Stem(w))]++
		}
	}
	return vectorOf(counts)
}

// siteless drops a trailing site name from a crawled title
// ("Teen shot :: WRAL.com", "Teen shot | KSL").
func siteless(title string) string {
	for _, sep := range []string{" :: ", " | "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			title = title[:i]
		}
	}
	return title
}

// builder accumulates counts for one article.
type builder struct {
	stem   *text.Stemmer
	counts map[uint64]float32
	names  map[uint64]float32
	nums   map[uint64]float32
	labels map[uint64]string
	lower  map[string]bool // folded words seen in lowercase
	// sentence-initial single capitalised words, decided at the end
	initial []string
	words   int
}

func newBuilder(st *text.Stemmer) *builder {
	return &builder{
		stem: st, counts: make(map[uint64]float32, 256), names: make(map[uint64]float32, 32),
		nums: make(map[uint64]float32, 16), labels: make(map[uint64]string, 32), lower: make(map[string]bool, 256),
	}
}

// terms adds the content-word stems of s with weight w, and nothing else.
func (b *builder) terms(s string, w float32) {
	for _, t := range text.Tokens(s) {
		if t.Kind != text.Punct {
			b.term(fold(t.Text), w)
		}
	}
}

func (b *builder) term(w string, weight float32) {
	if w == "" || text.IsStop(w) || len(w) < 2 {
		return
	}
	b.counts[key(chTerm, b.stem.Stem(w))] += weight
}

// fold lowercases a word token and drops a possessive.
func fold(s string) string {
	w := text.Fold(s)
	w = strings.TrimSuffix(w, "'s")
	return strings.TrimSuffix(w, "'")
}

// scan adds the terms, names and numbers of one block of running text.
func (b *builder) scan(s string) {
	toks := text.Tokens(s)
	start := true // at the start of a sentence
	var run []text.Token
	runInitial := false
	flush := func() {
		if len(run) > 0 {
			b.name(run, runInitial)
			run = run[:0]
		}
	}
	for i, t := range toks {
		if i > 0 && strings.IndexByte(s[toks[i-1].End:t.Start], '\n') >= 0 {
			flush()
			start = true
		}
		switch t.Kind {
		case text.Punct:
			flush()
			switch t.Text {
			case ".", "!", "?", ":", ";", "•", "|":
				start = true
			}
			continue
		case text.Number:
			flush()
			b.number(t.Text, toks, i)
			b.words++
			start = false
			continue
		}
		b.words++
		w := fold(t.Text)
		b.term(w, 1)
		if lead := leadingDigits(t.Text); lead != "" {
			b.nums[key(chNum, lead)]++
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		switch {
		case unicode.IsUpper(r) && !calendar[w]:
			if len(run) == 0 {
				runInitial = start
			}
			run = append(run, t)
		case len(run) > 0 && connectors[w] && i+1 < len(toks) && isCapital(toks[i+1].Text):
			run = append(run, t)
		default:
			flush()
			b.lower[w] = true
		}
		start = false
	}
	flush()
}

func isCapital(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// name records a run of capitalised words as a name: each word and, for
// several words, the phrase. Leading stopwords ("The", "But") are dropped.
func (b *builder) name(run []text.Token, initial bool) {
	for len(run) > 0 && (text.IsStop(fold(run[0].Text)) || connectors[fold(run[0].Text)]) {
		run = run[1:]
		initial = false
	}
	for len(run) > 0 && connectors[fold(run[len(run)-1].Text)] {
		run = run[:len(run)-1]
	}
	switch len(run) {
	case 0:
		return
	case 1:
		if initial {
			// "Police said": a sentence-initial word is a name only if the
			// text never uses it in lowercase; decided in features().
			b.initial = append(b.initial, run[0].Text)
			return
		}
		b.addName(chName, fold(run[0].Text), run[0].Text)
		return
	}
	parts := make([]string, 0, len(run))
	for _, t := range run {
		w := fold(t.Text)
		parts = append(parts, w)
		if !connectors[w] {
			b.addName(chName, w, t.Text)
		}
	}
	label := run[0].Text
	for _, t := range run[1:] {
		label += " " + t.Text
	}
	b.addName(chPhrase, strings.Join(parts, " "), label)
}

func (b *builder) addName(ch byte, folded, label string) {
	if folded == "" || text.IsStop(folded) {
		return
	}
	k := key(ch, folded)
	b.names[k]++
	if _, ok := b.labels[k]; !ok {
		// a copy: a substring would keep the whole article text alive
		b.labels[k] = strings.Clone(strings.TrimSuffix(strings.TrimSuffix(label, "'s"), "’s"))
	}
}

// number records a numeric token, and a month-day date when a month name
// comes right before it ("July 19").
func (b *builder) number(tok string, toks []text.Token, i int) {
	n := strings.ReplaceAll(tok, ",", "")
	b.nums[key(chNum, n)]++
	if i > 0 && toks[i-1].Kind == text.Word && len(n) <= 2 {
		if m, ok := monthNum[fold(toks[i-1].Text)]; ok {
			b.nums[key(chNum, m+"-"+n)]++
		}
	}
}

// leadingDigits returns the digits that open a word such as "12-year-old".
func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) {
		return ""
	}
	return s[:i]
}

func (b *builder) features() Features {
	for _, w := range b.initial {
		f := fold(w)
		if !b.lower[f] && !text.IsStop(f) {
			b.addName(chName, f, w)
		}
	}
	f := Features{
		Terms: vectorOf(b.counts),
		Names: vectorOf(b.names),
		Nums:  vectorOf(b.nums),
		Words: b.words,
	}
	f.Labels = make([]Label, 0, len(b.labels))
	for k, l := range b.labels {
		if b.names[k] > 0 {
			f.Labels = append(f.Labels, Label{Key: k, Text: l})
		}
	}
	return f
}

// connectors may join the words of a name ("Bank of America", "Abu al Bakr").
var connectors = map[string]bool{"of": true, "de": true, "del": true, "la": true, "van": true, "von": true,
	"al": true, "bin": true, "da": true, "du": true, "le": true}

// calendar words are capitalised but are not names.
var calendar = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true,
	"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

var monthNum = map[string]string{"january": "m1", "jan": "m1", "february": "m2", "feb": "m2", "march": "m3",
	"mar": "m3", "april": "m4", "apr": "m4", "may": "m5", "june": "m6", "jun": "m6", "july": "m7", "jul": "m7",
	"august": "m8", "aug": "m8", "september": "m9", "sep": "m9", "sept": "m9", "october": "m10", "oct": "m10",
	"november": "m11", "nov": "m11", "december": "m12", "dec": "m12"}
