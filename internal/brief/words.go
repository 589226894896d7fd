package brief

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// word is one word or number of an article's text.
type word struct {
	w          string // folded, possessive "'s" dropped; "US" becomes "u.s."
	raw        string
	start, end int // byte offsets into the article text
	cap        bool
	num        bool
	quoted     bool // inside quotation marks: the speaker's words, not the outlet's
}

// wordsOf returns the words of s[start:end], with offsets into s.
func wordsOf(s string, start, end int, quoted []Span) []word {
	var out []word
	for _, t := range text.Tokens(s[start:end]) {
		if t.Kind == text.Punct {
			continue
		}
		w := text.Fold(t.Text)
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimSuffix(w, "'")
		if t.Text == "US" || t.Text == "U.S" {
			w = "u.s."
		}
		if w == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(t.Text)
		a, b := start+t.Start, start+t.End
		out = append(out, word{
			w: w, raw: t.Text, start: a, end: b,
			cap: unicode.IsUpper(r), num: t.Kind == text.Number,
			quoted: inSpans(quoted, a),
		})
	}
	return out
}

// inSpans reports whether offset i falls in one of the sorted spans.
func inSpans(spans []Span, i int) bool {
	k := sort.Search(len(spans), func(k int) bool { return spans[k].End > i })
	return k < len(spans) && spans[k].Start <= i
}

// quotedSpans returns the byte ranges of s that are inside quotation
// marks, the marks included, sorted and disjoint. Curly and straight
// double quotes, guillemets and single quotes used as quotation marks
// count; an apostrophe does not ("Iran's", "Burns' response"). A quotation
// left open runs to the end of its paragraph, as news style continues a
// quotation across paragraphs by leaving it open.
func quotedSpans(s string) []Span {
	var out []Span
	dbl, sgl := -1, -1 // start of the open double and single quotation
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		if i+n >= len(s) {
			next = 0
		}
		switch {
		case r == '\n' && next == '\n':
			// paragraph break: an open double quotation ends here; an
			// unclosed single quote was an apostrophe ('90s)
			if dbl >= 0 {
				out = append(out, Span{dbl, i})
			}
			dbl, sgl = -1, -1
		case r == '“' || r == '«' || r == '„':
			if dbl < 0 {
				dbl, sgl = i, -1
			}
		case r == '”' || r == '»':
			if dbl >= 0 {
				out = append(out, Span{dbl, i + n})
				dbl = -1
			}
		case r == '"':
			if dbl >= 0 {
				out = append(out, Span{dbl, i + n})
				dbl = -1
			} else {
				dbl, sgl = i, -1
			}
		case dbl < 0 && (r == '‘' || r == '\'') && !isWordRune(prev) && isWordRune(next):
			if sgl < 0 {
				sgl = i
			}
		case dbl < 0 && sgl >= 0 && (r == '’' || r == '\'') && !isWordRune(next):
			out = append(out, Span{sgl, i + n})
			sgl = -1
		}
		prev = r
		i += n
	}
	if dbl >= 0 {
		out = append(out, Span{dbl, len(s)})
	}
	return mergeSpans(out)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mergeSpans sorts spans and merges overlapping ones.
func mergeSpans(spans []Span) []Span {
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	out := spans[:1]
	for _, sp := range spans[1:] {
		last := &out[len(out)-1]
		if sp.Start <= last.End {
			if sp.End > last.End {
				last.End = sp.End
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// quotedFraction returns the share of the words that are quoted.
func quotedFraction(ws []word) float64 {
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if w.quoted {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}
