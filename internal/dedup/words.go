package dedup

import (
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// word is a folded word of an article and where it lies in the text.
type word struct {
	w          string
	start, end int
	quoted     bool
}

// words returns the folded words and numbers of s with their byte spans,
// each marked when it lies inside quotation marks.
func words(s string) []word {
	mask := quoteMask(s)
	toks := text.Tokens(s)
	out := make([]word, 0, len(toks))
	for _, t := range toks {
		if t.Kind == text.Punct {
			continue
		}
		out = append(out, word{w: text.Fold(t.Text), start: t.Start, end: t.End, quoted: mask.in(t.Start)})
	}
	return out
}

// spans is a sorted list of byte ranges [start, end).
type spans [][2]int

func (m spans) in(i int) bool {
	lo, hi := 0, len(m)
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case i < m[mid][0]:
			hi = mid
		case i >= m[mid][1]:
			lo = mid + 1
		default:
			return true
		}
	}
	return false
}

// maxQuote bounds a quotation: an opening mark with no close within this
// many bytes (or before a blank line) is treated as a stray mark.
const maxQuote = 1500

// quoteMask returns the byte ranges inside double quotation marks,
// straight (") or curly (“ ”), and inside curly single quotes (‘ ’) that
// open after a space. A quotation does not cross a blank line.
func quoteMask(s string) spans {
	var out spans
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var closers string
		switch {
		case r == '"':
			closers = "\""
		case r == '“':
			closers = "”\""
		case r == '‘' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\n'):
			closers = "’"
		}
		if closers == "" {
			i += n
			continue
		}
		end := closeQuote(s, i+n, closers, r == '‘')
		if end < 0 {
			i += n
			continue
		}
		out = append(out, [2]int{i, end})
		i = end
	}
	return out
}

// closeQuote returns the end (after the closing mark) of a quotation whose
// text starts at i, or -1.
func closeQuote(s string, i int, closers string, single bool) int {
	limit := min(len(s), i+maxQuote)
	for j := i; j < limit; {
		r, n := utf8.DecodeRuneInString(s[j:])
		if r == '\n' && j+1 < len(s) && s[j+1] == '\n' {
			return -1
		}
		for _, c := range closers {
			if r != c {
				continue
			}
			if single && j+n < len(s) {
				// an apostrophe (Iran’s) is not a closing quote
				if next, _ := utf8.DecodeRuneInString(s[j+n:]); isLetter(next) {
					break
				}
			}
			return j + n
		}
		j += n
	}
	return -1
}

func isLetter(r rune) bool {
	return ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || r > 127 && r != '’' && r != '”'
}
