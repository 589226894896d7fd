package brief

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/text"
)

// doc is one article of the story being built.
type doc struct {
	a      *article.Article
	label  string // outlet, or "article <id>"
	quoted []Span // quotation ranges of a.Text
	claims []int  // indexes into story.claims
	sents  []text.Span
	source int // index into story.sources
	// unresolved date mentions of an article without a publish date
	unresolved []dates.Mention
	dateSpans  []Span // every date expression, resolved or not
}

// claim is one sentence or clause of an article: the unit that facts are
// made of.
type claim struct {
	doc        int
	sent       text.Span // the sentence the claim is in
	sentNo     int
	start, end int // the clause, byte offsets into the article text
	text       string
	whole      bool    // the clause is the whole sentence
	pos        float64 // relative position of the sentence in the article, 0..1
	words      []word
	feats      map[string]float64 // content features and their weights
	keys       []string           // feats' keys, sorted: sums over them are reproducible
	surface    map[string]string  // feature -> the words it was read from
	norm       float64            // sum of feats' weights
	nums       []quantity
	stance     int    // -1 denial, +1 admission, 0 neither
	cue        string // the word that set stance
	negation   string // the first negation ("not", "never", "wasn't"), or ""
	quoted     float64
	dates      []dated
	fact       int
}

// Minimum size of a claim, in words: shorter sentences are headings,
// captions or fragments.
const minClaimWords = 6

// claimsOf splits an article into claims and appends them to s.claims.
func (s *story) claimsOf(di int) {
	d := s.docs[di]
	body := d.a.Text
	d.sents = text.Sentences(body)
	for no, sent := range d.sents {
		ws := wordsOf(body, sent.Start, sent.End, d.quoted)
		if !claimLike(sent.Text, ws) {
			continue
		}
		pieces := splitClauses(body, ws)
		for _, p := range pieces {
			cws := ws[p[0]:p[1]]
			start, end := cws[0].start, cws[len(cws)-1].end
			end = extendClause(body, end, sent.End)
			if p[0] == 0 {
				start = sent.Start
			}
			c := &claim{
				doc: di, sent: sent, sentNo: no, start: start, end: end,
				text:  strings.TrimSpace(body[start:end]),
				whole: len(pieces) == 1,
				pos:   float64(no) / math.Max(1, float64(len(d.sents))),
				words: cws, quoted: quotedFraction(cws),
				nums: quantities(body, cws),
				fact: -1,
			}
			c.stance, c.cue = stanceOf(cws)
			c.negation = negationOf(cws)
			d.claims = append(d.claims, len(s.claims))
			s.claims = append(s.claims, c)
		}
	}
}

// claimLike reports whether a sentence states something: long enough, and
// not a title-case heading.
func claimLike(sent string, ws []word) bool {
	if len(ws) < minClaimWords || strings.HasPrefix(sent, "#") {
		return false
	}
	lower := 0
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.raw)
		if unicode.IsLower(r) && !text.IsStop(w.w) {
			lower++
		}
	}
	return lower >= 2
}

// extendClause moves a clause end past closing punctuation and quote marks
// that belong to it, but not past the sentence end.
func extendClause(body string, end, limit int) int {
	for end < limit {
		r, n := utf8.DecodeRuneInString(body[end:])
		if !strings.ContainsRune(".!?\"”’'»)", r) {
			break
		}
		end += n
	}
	return end
}

// splitClauses returns the word ranges [from, to) of the clauses of one
// sentence. It splits, outside quotations, at semicolons, before "and" or
// "but" followed by an attribution or denial verb ("... and said that"),
// before a comma and such a verb's -ing form (", adding that", ",
// dismissing"), and before a comma and a contrasting conjunction (",
// although", ", while"). A piece shorter than four words stays with its
// neighbour.
func splitClauses(body string, ws []word) [][2]int {
	const minWords = 4
	var cuts []int
	for i := 1; i < len(ws); i++ {
		if ws[i].quoted {
			continue
		}
		gap := body[ws[i-1].end:ws[i].start]
		if splitsBefore(ws, i, gap) {
			cuts = append(cuts, i)
		}
	}
	var out [][2]int
	from := 0
	for _, c := range cuts {
		if c-from >= minWords && len(ws)-c >= minWords {
			out = append(out, [2]int{from, c})
			from = c
		}
	}
	return append(out, [2]int{from, len(ws)})
}

// splitsBefore reports whether a clause starts at ws[i], given the text
// between ws[i-1] and ws[i].
func splitsBefore(ws []word, i int, gap string) bool {
	if strings.Contains(gap, ";") {
		return true
	}
	w := ws[i].w
	reportVerb := func(k int) bool {
		if k >= len(ws) {
			return false
		}
		_, verb := lex.verbs[ws[k].w]
		_, pol := lex.polarity[ws[k].w]
		return verb || pol
	}
	comma := strings.Contains(gap, ",")
	switch {
	case (w == "and" || w == "but") && reportVerb(i+1):
		return true
	case comma && strings.HasSuffix(w, "ing") && reportVerb(i):
		return true
	case comma && (w == "while" || w == "whereas" || w == "although" || w == "though"):
		return true
	}
	return false
}

// stanceOf finds whether a claim denies (-1) or concedes (+1) what it
// reports, and the word that says so. A negated cue ("did not confirm",
// "has not denied") gives no stance.
func stanceOf(ws []word) (int, string) {
	for i, w := range ws {
		sign, ok := lex.polarity[w.w]
		if !ok {
			continue
		}
		if negatedAt(ws, i) {
			continue
		}
		return sign, w.w
	}
	return 0, ""
}

// negatedAt reports whether one of the three words before ws[i] negates it.
func negatedAt(ws []word, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch w := ws[k].w; {
		case w == "not" || w == "never" || w == "no" || strings.HasSuffix(w, "n't"):
			return true
		}
	}
	return false
}

// negationOf returns the first negating word of a claim ("not", "never",
// "no" or a contraction in "n't") that negates what the claim reports.
func negationOf(ws []word) string {
	for i, w := range ws {
		if w.w == "not" || w.w == "never" || w.w == "no" || strings.HasSuffix(w.w, "n't") {
			if !negatesReport(ws, i) {
				return w.w
			}
		}
	}
	return ""
}

// negatesReport reports whether the negation at ws[i] bears on an
// attribution or stance verb ("have not confirmed", "did not say"), not on
// what is reported.
func negatesReport(ws []word, i int) bool {
	for k := i + 1; k < len(ws) && k <= i+3; k++ {
		_, verb := lex.verbs[ws[k].w]
		_, pol := lex.polarity[ws[k].w]
		if verb || pol {
			return true
		}
	}
	return false
}
