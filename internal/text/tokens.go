package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, possibly with inner apostrophes, hyphens or dots (U.S.)
	Number             // digits, possibly with inner separators (1,000 3.5 24/7)
	Punct              // any other single non-space character
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	}
	return "punct"
}

// Token is one token of a string; Start and End are byte offsets.
type Token struct {
	Text       string
	Start, End int
	Kind       Kind
}

// isApostrophe reports whether r can join the letters of a word (Tehran's).
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// isJoiner reports whether r may join two letters or digits inside a token.
func isJoiner(r rune) bool {
	return isApostrophe(r) || r == '-' || r == '\u2010' || r == '\u2011' || r == '.' || r == ',' || r == '/' || r == ':'
}

// Tokens splits s into words, numbers and punctuation. Hyphenated words
// ("full-fledged"), contractions ("won't") and dotted acronyms ("U.S.") stay
// one token; a trailing dot is kept on an acronym only when inner dots show it
// is one.
func Tokens(s string) []Token {
	var toks []Token
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			end := scanWord(s, i)
			toks = append(toks, Token{Text: s[i:end], Start: i, End: end, Kind: wordKind(s[i:end])})
			i = end
		default:
			toks = append(toks, Token{Text: s[i : i+n], Start: i, End: i + n, Kind: Punct})
			i += n
		}
	}
	return toks
}

// scanWord returns the end of the word or number that starts at i.
func scanWord(s string, i int) int {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if !isJoiner(r) || j+n >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[j+n:])
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		ok := false
		switch {
		case r == ',' || r == ':':
			ok = unicode.IsDigit(prev) && unicode.IsDigit(next)
		case r == '.' || r == '/':
			ok = (unicode.IsDigit(prev) && unicode.IsDigit(next)) || (r == '.' && isAcronymDot(s, i, j))
		default:
			ok = unicode.IsLetter(next) || unicode.IsDigit(next)
		}
		if !ok {
			break
		}
		j += n
	}
	// Dotted acronym: "U.S." keeps its final dot.
	if j < len(s) && s[j] == '.' && strings.Contains(s[i:j], ".") && isShortCaps(s[i:j]) {
		j++
	}
	return j
}

// isAcronymDot reports whether the dot at j continues an acronym like U.S or
// U.N that started at i: single letters separated by dots.
func isAcronymDot(s string, i, j int) bool {
	if j+2 > len(s) {
		return false
	}
	seg := s[i:j]
	last := seg[strings.LastIndexByte(seg, '.')+1:]
	if utf8.RuneCountInString(last) != 1 {
		return false
	}
	r, n := utf8.DecodeRuneInString(s[j+1:])
	if !unicode.IsLetter(r) {
		return false
	}
	// the letter after the dot must itself be a single letter segment
	if j+1+n < len(s) {
		r2, _ := utf8.DecodeRuneInString(s[j+1+n:])
		if unicode.IsLetter(r2) {
			return false
		}
	}
	return true
}

func isShortCaps(seg string) bool {
	for _, part := range strings.Split(seg, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

func wordKind(w string) Kind {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return Word
		}
	}
	return Number
}

// Words returns the folded word and number tokens of s, without punctuation:
// the form used for term vectors, shingles and matching. Possessive "'s" is
// dropped ("Iran's" -> "iran"); hyphenated words are kept whole.
func Words(s string) []string {
	toks := Tokens(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Kind == Punct {
			continue
		}
		w := Fold(t.Text)
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimSuffix(w, "'")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// Stem returns the Snowball (Porter2) English stem of a folded word. Words
// of two letters or fewer and words holding digits are returned unchanged.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= '0' && w[i] <= '9' {
			return w
		}
	}
	return english.Stem(w, false)
}

// Stems returns the stems of the non-stopword Words of s. For bulk work a
// Stemmer, which caches, is several times faster.
func Stems(s string) []string { return stems(s, Stem) }

func stems(s string, stem func(string) string) []string {
	words := Words(s)
	out := words[:0]
	for _, w := range words {
		if IsStop(w) {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

// Stemmer stems words and remembers the answers. It is not safe for
// concurrent use; give each goroutine its own.
type Stemmer struct {
	cache map[string]string
}

// NewStemmer returns an empty Stemmer.
func NewStemmer() *Stemmer { return &Stemmer{cache: make(map[string]string)} }

// Stem is Stem with a cache.
func (s *Stemmer) Stem(w string) string {
	if st, ok := s.cache[w]; ok {
		return st
	}
	st := Stem(w)
	if len(s.cache) > 1<<20 {
		clear(s.cache)
	}
	s.cache[w] = st
	return st
}

// Stems is Stems with a cache.
func (s *Stemmer) Stems(str string) []string { return stems(str, s.Stem) }
