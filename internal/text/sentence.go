package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a piece of a string: Text is s[Start:End].
type Span struct {
	Start, End int
	Text       string
}

// Sentences splits s into sentences. Line breaks end a sentence unless the
// line is hard-wrapped prose (no final punctuation and a lowercase start on
// the next line); Markdown headings and list items stand alone. Within a
// line a sentence ends at . ! ? or an ellipsis followed by a capital, a digit
// or an opening quote, except after known abbreviations (Mr., Gen., Dec. 9),
// initials (J. Smith), and inside a quotation that an attribution continues
// ("... no. We won't," he said).
func Sentences(s string) []Span {
	var out []Span
	for _, blk := range blocks(s) {
		out = splitBlock(s, blk, out)
	}
	return out
}

// blocks returns the line groups of s that sentences may not cross.
func blocks(s string) []Span {
	var out []Span
	start := -1
	prevEnd := 0
	flush := func() {
		if start >= 0 {
			out = append(out, Span{Start: start, End: prevEnd, Text: s[start:prevEnd]})
			start = -1
		}
	}
	for i := 0; i <= len(s); {
		j := strings.IndexByte(s[i:], '\n')
		end := len(s)
		if j >= 0 {
			end = i + j
		}
		ls, le := trimSpan(s, i, end)
		if ls == le {
			flush()
		} else {
			standalone := isMarkdownLine(s[ls:le])
			if start >= 0 && (standalone || !continuesLine(s[start:prevEnd], s[ls:le])) {
				flush()
			}
			if start < 0 {
				start = ls
			}
			prevEnd = le
			if standalone && strings.HasPrefix(s[ls:le], "#") {
				flush()
			}
		}
		if j < 0 {
			break
		}
		i = end + 1
	}
	flush()
	return out
}

func trimSpan(s string, i, j int) (int, int) {
	for i < j && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return i, j
}

// isMarkdownLine reports whether a line is a Markdown heading or list item.
func isMarkdownLine(l string) bool {
	if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "- ") || strings.HasPrefix(l, "* ") || strings.HasPrefix(l, "> ") {
		return true
	}
	return listMarkerLen(l) > 0
}

// listMarkerLen returns the length of an ordered-list marker ("12. ")
// that opens l, or 0.
func listMarkerLen(l string) int {
	i := 0
	for i < len(l) && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < 4 && i+1 < len(l) && (l[i] == '.' || l[i] == ')') && l[i+1] == ' ' {
		return i + 2
	}
	return 0
}

// continuesLine reports whether next continues the hard-wrapped prose in prev.
func continuesLine(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”’)…*", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(first)
}

// splitBlock appends the sentences of one block to out.
func splitBlock(s string, blk Span, out []Span) []Span {
	b := blk.Text
	start := 0
	inQuote := false
	for i := listMarkerLen(b); i < len(b); {
		r, n := utf8.DecodeRuneInString(b[i:])
		switch r {
		case '“', '«':
			inQuote = true
		case '”', '»':
			inQuote = false
		case '"':
			inQuote = !inQuote
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		end := i + n
		for end < len(b) && (b[end] == '.' || b[end] == '!' || b[end] == '?') {
			end++
		}
		closeEnd, closedQuote := skipClosers(b, end)
		if closedQuote {
			inQuote = false
		}
		if isBoundary(b, start, i, r, closeEnd, inQuote) {
			out = appendSpan(s, blk.Start+start, blk.Start+closeEnd, out)
			start = closeEnd
			inQuote = false
		}
		i = closeEnd
	}
	return appendSpan(s, blk.Start+start, blk.Start+len(b), out)
}

func appendSpan(s string, i, j int, out []Span) []Span {
	i, j = trimSpan(s, i, j)
	for i < j && (s[i] == ' ' || s[i] == '\n') {
		i++
	}
	if i < j {
		out = append(out, Span{Start: i, End: j, Text: s[i:j]})
	}
	return out
}

// skipClosers moves past closing quotes, brackets and emphasis after a
// terminator and reports whether a closing quote was among them.
func skipClosers(b string, i int) (int, bool) {
	quoted := false
	for i < len(b) {
		r, n := utf8.DecodeRuneInString(b[i:])
		switch r {
		case '"', '”', '’', '\'', '»':
			quoted = true
		case ')', ']', '*', '_':
		default:
			return i, quoted
		}
		i += n
	}
	return i, quoted
}

// isBoundary decides whether the terminator r at b[at] (followed by closers
// up to next) ends a sentence that began at start.
func isBoundary(b string, start, at int, r rune, next int, inQuote bool) bool {
	if next >= len(b) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(b[next:])
	if !unicode.IsSpace(c) {
		return false
	}
	rest := strings.TrimLeft(b[next:], " \t\n")
	if rest == "" {
		return true
	}
	f, fn := utf8.DecodeRuneInString(rest)
	opener := strings.ContainsRune("\"“‘'(«[*", f)
	if opener {
		g, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[fn:], "\"“‘'(«[*"))
		if unicode.IsLower(g) {
			return false
		}
	} else if !unicode.IsUpper(f) && !unicode.IsDigit(f) {
		return false
	}
	if inQuote && attributionFollows(b, next) {
		return false
	}
	if r != '.' {
		return true
	}
	word := lastWord(b[start:at])
	nextWord := firstWord(rest)
	return !isAbbreviation(word, nextWord)
}

// attributionFollows reports whether the open quotation around b[i] closes
// in this block and is followed by an attribution (", he said").
func attributionFollows(b string, i int) bool {
	j := strings.IndexAny(b[i:], "\"”»")
	if j < 0 {
		return false
	}
	after := b[i+j:]
	_, n := utf8.DecodeRuneInString(after)
	after = strings.TrimLeft(after[n:], " ")
	if after == "" {
		return false
	}
	if after[0] == ',' {
		return true
	}
	f, _ := utf8.DecodeRuneInString(after)
	return unicode.IsLower(f)
}

// lastWord returns the word right before a terminator, with inner dots.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		i -= n
	}
	return s[i:]
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"“‘'(«[*")
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += n
	}
	return s[:i]
}

// isAbbreviation reports whether a dot after word (followed by next) is an
// abbreviation's dot rather than a full stop.
func isAbbreviation(word, next string) bool {
	if word == "" {
		return false
	}
	lw := strings.ToLower(word)
	if titles[lw] {
		return true
	}
	if months[lw] {
		return next != "" && unicode.IsDigit(rune(next[0]))
	}
	if lw == "no" || lw == "nos" || lw == "art" || lw == "p" || lw == "pp" {
		return next != "" && unicode.IsDigit(rune(next[0]))
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r) // an initial: J. Smith
	}
	if strings.Contains(word, ".") || corporate[lw] {
		// U.S., a.m., Inc.: a full stop only when a sentence plainly starts next
		return !starters[next]
	}
	return false
}

var titles = setOf("mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt",
	"col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "st", "mt", "ft", "rev", "hon",
	"pres", "supt", "det", "insp", "messrs", "fr", "sr", "jr", "vs", "v", "e.g", "i.e", "cf", "approx",
	"dept", "univ", "ave", "blvd", "rd", "est", "gens", "atty", "lt.col", "brig", "amb", "sec")

var months = setOf("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

var corporate = setOf("inc", "corp", "co", "ltd", "llc", "plc", "bros", "etc")

// starters are capitalised words that commonly open a sentence.
var starters = setOf("The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "In",
	"On", "At", "As", "After", "Before", "This", "That", "These", "Those", "There", "His", "Her", "Their",
	"Its", "Our", "If", "When", "While", "Meanwhile", "However", "Officials", "Police", "According", "Some",
	"Many", "Most", "For", "So", "Yet", "Still", "Also", "Now", "Then", "Since", "Although", "Earlier",
	"Later", "Last", "Next", "No", "Not", "What", "Why", "How", "Who", "Where")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
