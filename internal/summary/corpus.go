package summary

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Sentence length limits for candidates, in words. Shorter sentences are
// mostly fragments, datelines and quotes cut by the splitter.
const minSentenceWords = 8

// sent is a sentence with what the summariser needs to know about it.
type sent struct {
	Sentence
	words   int       // whitespace-separated words of Text
	terms   []string  // folded (and stemmed) words, hyphenated words split
	stop    []bool    // terms[i] is a stopword
	surface []string  // the folded word forms behind terms
	content []string  // distinct non-stopword terms, sorted
	cons    []concept // distinct concepts, see concepts
}

// corpus holds the documents cut into sentences.
type corpus struct {
	docs    []Doc
	opt     Options
	sents   [][]sent // per document
	group   []int    // document -> independent source group
	ngroups int
}

func newCorpus(docs []Doc, opt Options) *corpus {
	c := &corpus{docs: docs, opt: opt, sents: make([][]sent, len(docs))}
	st := text.NewStemmer()
	for d, doc := range docs {
		for i, sp := range text.Sentences(doc.Text) {
			c.sents[d] = append(c.sents[d], newSent(d, i, sp, opt.Stem, st))
		}
	}
	c.group, c.ngroups = groupDocs(c)
	return c
}

// dateline matches a wire dateline opening a text: "MUNICH, Germany (AP) _ ",
// "WASHINGTON _ ", "NAIROBI, Kenya (Reuters) - ".
var dateline = regexp.MustCompile(`^[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*(?:, [A-Z][A-Za-z.'’\-]+(?: [A-Z][A-Za-z.'’\-]+)*)*\s*(?:\([A-Za-z][A-Za-z &.\-]{0,24}\)\s*)?(?:_|--|—|–|-)\s+`)

func newSent(d, i int, sp text.Span, stem bool, st *text.Stemmer) sent {
	start := sp.Start
	if m := dateline.FindStringIndex(sp.Text); m != nil && m[1] < len(sp.Text) {
		start += m[1]
	}
	s := sent{Sentence: Sentence{Doc: d, Index: i, Start: start, End: sp.End, Text: sp.Text[start-sp.Start:]}}
	s.words = len(strings.Fields(s.Text))
	seen := map[string]bool{}
	for _, w := range text.Words(s.Text) {
		for _, part := range strings.FieldsFunc(w, isWordSeparator) {
			t := part
			if stem {
				t = st.Stem(part)
			}
			stop := text.IsStop(part)
			s.terms = append(s.terms, t)
			s.stop = append(s.stop, stop)
			s.surface = append(s.surface, part)
			if !stop && !seen[t] {
				seen[t] = true
				s.content = append(s.content, t)
			}
		}
	}
	slices.Sort(s.content)
	s.cons = s.concepts()
	return s
}

// isWordSeparator splits hyphenated and slashed compounds into their parts.
func isWordSeparator(r rune) bool {
	return r == '-' || r == '/' || r == '\u2010' || r == '\u2011'
}

// candidate reports whether s may be picked: a complete statement (capital
// start, final full stop or exclamation, quotations closed), long enough
// to stand alone and within the budget. Headlines, headings, questions and
// fragments are left out.
func (s *sent) candidate(budget int) bool {
	if s.words < minSentenceWords || s.words > budget {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s.Text)
	if !unicode.IsUpper(first) && !strings.ContainsRune(`"“'‘`, first) {
		return false
	}
	t := strings.TrimRight(s.Text, `"'”’) `)
	return (strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!")) && balancedQuotes(s.Text)
}

// balancedQuotes reports whether every quotation opened in s is closed.
func balancedQuotes(s string) bool {
	open := strings.Count(s, "“") - strings.Count(s, "”")
	return strings.Count(s, `"`)%2 == 0 && open == 0
}

// candidates returns the sentences that may be picked.
func (c *corpus) candidates() []*sent {
	var out []*sent
	for d := range c.sents {
		for i := range c.sents[d] {
			if s := &c.sents[d][i]; s.candidate(c.opt.Words) {
				out = append(out, s)
			}
		}
	}
	return out
}

// dependentPenalty is the share of its value a sentence loses when it
// opens with a word that refers back to an earlier sentence ("He said",
// "But the"): such sentences read poorly in a summary that lifts them out
// of their article.
const dependentPenalty = 0.5

// dependentOpeners are first words that lean on an earlier sentence.
var dependentOpeners = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "this": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "but": true, "and": true, "however": true,
	"also": true, "meanwhile": true, "still": true, "yet": true, "then": true, "there": true,
}

// dependent reports whether s opens with a word that refers back to an
// earlier sentence, so that it reads poorly out of its context.
func (s *sent) dependent() bool {
	return len(s.surface) > 0 && dependentOpeners[s.surface[0]]
}
