package dates

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, with internal apostrophes ("won't"); "'s" is its own token
	tNum                  // ASCII digits, with an ordinal ("9th") or plural ("1980s") suffix folded in
	tPunct                // any other single rune
)

// Number suffixes.
const (
	sufNone    uint8 = iota
	sufOrdinal       // 9th, 1st, 22nd, 3rd
	sufPlural        // 1980s, 80s
)

// token is one lexical unit of the input, with byte offsets. It is kept
// small: a text has about one token per five bytes.
type token struct {
	start, end int32
	num        int32 // for tNum: value (capped at 1e9)
	sent       int32 // sentence index
	ndig       uint8 // for tNum: number of digits (capped at 255)
	kind       tokKind
	suffix     uint8  // for tNum
	cap        bool   // word starts with an upper-case letter
	upper      bool   // word is all upper case (and longer than one letter)
	spaceAfter bool   // white space follows the token
	nlBefore   bool   // a line break separates the token from the one before
	lx         lexeme // lexicon entry of lower, for words
	lower      string
}

// value returns the value of a number token.
func (t *token) value() int { return int(t.num) }

// digits returns the number of digits of a number token.
func (t *token) digits() int { return int(t.ndig) }

// lexer turns text into tokens. Sentence boundaries are approximated: a
// blank line, or '.', '!' or '?' followed by a capitalised word or a quote,
// unless the word before the full stop is a known abbreviation or a single
// letter.
func lex(s string) []token {
	if len(s) > math.MaxInt32 {
		s = s[:math.MaxInt32] // offsets are int32
	}
	low := asciiLower(s)
	toks := make([]token, 0, len(s)/5+4)
	nl := 0
	var sent int32
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			if c == '\n' {
				nl++
			}
			if n := len(toks); n > 0 {
				toks[n-1].spaceAfter = true
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				if n := len(toks); n > 0 {
					toks[n-1].spaceAfter = true
				}
				i += size
				continue
			}
		}
		var t token
		switch {
		case c >= '0' && c <= '9':
			t = lexNumber(s, i)
		case isLetter(r):
			t = lexWord(s, low, i)
		case (r == '\'' || r == '’') && i+size < len(s) && s[i+size] == 's' && !letterAt(s, i+size+1) &&
			len(toks) > 0 && toks[len(toks)-1].kind == tWord && int(toks[len(toks)-1].end) == i:
			t = token{start: int32(i), end: int32(i + size + 1), kind: tWord, lower: "'s"}
		default:
			t = token{start: int32(i), end: int32(i + size), kind: tPunct, lower: s[i : i+size]}
		}
		t.nlBefore = nl > 0
		if len(toks) > 0 && (nl >= 2 || endsSentence(toks, s, t)) {
			sent++
		}
		nl = 0
		t.sent = sent
		if t.kind == tWord && len(t.lower) <= maxLexeme {
			t.lx = lexicon[t.lower]
		}
		toks = append(toks, t)
		i = int(t.end)
	}
	return toks
}

// endsSentence reports whether a sentence ends between the last token of
// toks and next.
func endsSentence(toks []token, s string, next token) bool {
	n := len(toks)
	last := toks[n-1]
	// Skip closing quotes and brackets after the terminator.
	k := n - 1
	for k > 0 && toks[k].kind == tPunct && isCloser(toks[k].lower) {
		k--
	}
	term := toks[k]
	if term.kind != tPunct || (term.lower != "." && term.lower != "!" && term.lower != "?") {
		return false
	}
	if !last.spaceAfter && !next.nlBefore {
		return false
	}
	if next.kind == tWord && !next.cap {
		return false
	}
	if next.kind == tNum {
		return false
	}
	if term.lower == "." && k > 0 && toks[k-1].kind == tWord {
		w := toks[k-1]
		if len(w.lower) == 1 || abbreviations[w.lower] {
			return false
		}
	}
	return true
}

func isCloser(p string) bool {
	switch p {
	case `"`, "'", "”", "’", ")", "]", "»":
		return true
	}
	return false
}

func lexNumber(s string, i int) token {
	j := i
	v := 0
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if v < 1e9 {
			v = v*10 + int(s[j]-'0')
		}
		j++
	}
	t := token{start: int32(i), end: int32(j), kind: tNum, num: int32(v), ndig: uint8(min(j-i, 255)), lower: s[i:j]}
	// Ordinal or plural suffix, only when no further letter follows.
	if j+2 <= len(s) && !letterAt(s, j+2) {
		switch strings.ToLower(s[j : j+2]) {
		case "st", "nd", "rd", "th":
			t.suffix, t.end = sufOrdinal, int32(j+2)
			return t
		}
	}
	if j < len(s) && s[j] == 's' && !letterAt(s, j+1) {
		t.suffix, t.end = sufPlural, int32(j+1)
	}
	return t
}

func lexWord(s, low string, i int) token {
	j := i
	first := true
	t := token{start: int32(i), kind: tWord}
	upper := true
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if isLetter(r) {
			if first {
				t.cap = unicode.IsUpper(r)
			}
			if !unicode.IsUpper(r) {
				upper = false
			}
			first = false
			j += size
			continue
		}
		// Internal apostrophe, except the possessive 's which is split off.
		if (r == '\'' || r == '’') && letterAt(s, j+size) {
			if s[j+size] == 's' && !letterAt(s, j+size+1) {
				break
			}
			j += size
			continue
		}
		break
	}
	t.end = int32(j)
	t.upper = upper && j-i > 1
	t.lower = low[i:j]
	if !ascii(t.lower) {
		t.lower = strings.ReplaceAll(strings.ToLower(t.lower), "’", "'")
	}
	return t
}

// asciiLower returns s with ASCII letters in lower case; other bytes, and
// so all byte offsets, are unchanged.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// letterAt reports whether s has a letter starting at byte i.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isLetter(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// abbreviations whose full stop does not end a sentence.
var abbreviations = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true,
	"fri": true, "sat": true, "sun": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "st": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "no": true, "vs": true,
	"maj": true, "adm": true, "cmdr": true, "pres": true, "rev": true, "ft": true, "mt": true,
	"approx": true, "est": true, "dept": true, "univ": true, "fig": true,
}
