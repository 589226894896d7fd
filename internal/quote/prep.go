package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// token is one token of a prepared text with the context the taggers use.
type token struct {
	start, end int
	text       string
	lower      string // folded form
	stem       string
	pos        string // Penn Treebank part of speech (prose tagger)
	shape      string
	sent       int  // sentence index
	para       int  // paragraph index
	quoted     bool // inside a quotation (quote marks excluded)
	mark       int8 // +1 opening quote mark, -1 closing, 0 other
	sentFirst  bool
	quote      int32 // index of the quotation holding the token or mark, -1 if none
}

// prepared is a text split into tokens, sentences and paragraphs.
type prepared struct {
	text   string
	toks   []token
	sents  [][2]int // token ranges [from, to) of each sentence
	paras  [][2]int // token ranges of each paragraph
	quotes [][2]int // token ranges of quotations, marks included
	// sentQuoted tells, per sentence, whether it holds quoted text
	sentQuoted []bool
}

// scan tokenises s and marks sentences, paragraphs and quotations only.
func scan(s string) *prepared {
	p := &prepared{text: s}
	raw := text.Tokens(s)
	p.toks = make([]token, 0, len(raw)+len(raw)/8)
	for _, t := range raw {
		if n := len(p.toks); n > 0 && isSingleQuote(t.Text) && p.toks[n-1].end == t.Start && isSingleQuote(p.toks[n-1].text) {
			// '' used as a double quote mark
			p.toks[n-1].end = t.End
			p.toks[n-1].text = s[p.toks[n-1].start:t.End]
			continue
		}
		p.toks = append(p.toks, token{start: t.Start, end: t.End, text: t.Text})
	}
	p.markSentences(s)
	p.markParagraphs(s)
	p.markQuotes()
	p.sentQuoted = make([]bool, len(p.sents))
	for _, t := range p.toks {
		if t.mark != 0 || t.quoted {
			p.sentQuoted[t.sent] = true
		}
	}
	return p
}

// markSentences assigns sentence indices from text.Sentences.
func (p *prepared) markSentences(s string) {
	spans := text.Sentences(s)
	si := 0
	from := 0
	for i := range p.toks {
		for si < len(spans)-1 && p.toks[i].start >= spans[si].End {
			p.sents = append(p.sents, [2]int{from, i})
			from = i
			si++
		}
		p.toks[i].sent = len(p.sents)
	}
	if len(p.toks) > 0 {
		p.sents = append(p.sents, [2]int{from, len(p.toks)})
	}
	for _, r := range p.sents {
		if r[0] < r[1] {
			p.toks[r[0]].sentFirst = true
		}
	}
}

// markParagraphs splits at blank lines (or single newlines).
func (p *prepared) markParagraphs(s string) {
	from := 0
	for i := 1; i <= len(p.toks); i++ {
		if i == len(p.toks) || strings.Contains(s[p.toks[i-1].end:p.toks[i].start], "\n") {
			p.paras = append(p.paras, [2]int{from, i})
			for j := from; j < i; j++ {
				p.toks[j].para = len(p.paras) - 1
			}
			from = i
		}
	}
}

// markQuotes finds quotation marks and marks the tokens they enclose.
// Quotations do not cross paragraphs: an unclosed one ends with its
// paragraph, as in multi-paragraph quotes that reopen each paragraph.
func (p *prepared) markQuotes() {
	for _, pr := range p.paras {
		open := -1 // index of the open mark, -1 when outside
		var closer rune
		for i := pr[0]; i < pr[1]; i++ {
			t := &p.toks[i]
			t.quote = -1
			if open >= 0 {
				t.quote = int32(len(p.quotes))
			}
			r, _ := utf8.DecodeRuneInString(t.text)
			if len(t.text) > 1 && isSingleQuote(string(r)) && isSingleQuote(t.text[utf8.RuneLen(r):]) {
				r = '"'
			} else if t.end-t.start != utf8.RuneLen(r) {
				t.quoted = open >= 0
				continue
			}
			switch {
			case open < 0 && p.isOpener(i, r):
				open = i
				closer = closerOf(r)
				t.mark = 1
				t.quote = int32(len(p.quotes))
			case open >= 0 && (r == closer || (closer == '"' && r == '”') || (closer == '”' && r == '"')):
				t.mark = -1
				p.quotes = append(p.quotes, [2]int{open, i + 1})
				open = -1
			default:
				t.quoted = open >= 0
			}
		}
		if open >= 0 {
			p.quotes = append(p.quotes, [2]int{open, pr[1]})
		}
	}
}

func isSingleQuote(s string) bool { return s == "'" || s == "‘" || s == "’" }

// isOpener reports whether the quote-like token at i opens a quotation.
func (p *prepared) isOpener(i int, r rune) bool {
	switch r {
	case '“', '«', '"':
		return true
	case '‘', '\'':
		// a single quote opens when it starts a word: after space or start
		if i+1 >= len(p.toks) || p.toks[i+1].start != p.toks[i].end {
			return false
		}
		return i == 0 || p.toks[i-1].end < p.toks[i].start || strings.ContainsRune("([—-\"“", lastRune(p.toks[i-1].text))
	}
	return false
}

func closerOf(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '«':
		return '»'
	case '‘':
		return '’'
	}
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// shapeOf abstracts a token: "Xx", "x", "X", "d", "X.", punctuation as is.
func shapeOf(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsUpper(r):
		allUp := true
		for _, c := range s {
			if unicode.IsLower(c) {
				allUp = false
				break
			}
		}
		if allUp && utf8.RuneCountInString(s) > 1 {
			return "X"
		}
		return "Xx"
	case unicode.IsLower(r):
		return "x"
	case unicode.IsDigit(r):
		return "d"
	}
	return s
}
