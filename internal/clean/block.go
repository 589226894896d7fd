package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

// block is one paragraph-level unit of the input: a paragraph, a heading, a
// list item or a one-line field.
type block struct {
	raw     string // as in the input (Markdown markup kept)
	text    string // plain text: markup removed, spaces collapsed
	fold    string // text.Fold(text), for pattern matching
	words   int    // number of space-separated words in text
	heading int    // Markdown heading level, 0 when not a heading
	list    bool   // a list item
	emph    bool   // the whole block is bold or italic
	image   bool   // the block was only an image

	kind  string          // aside kind once set aside; "" while in the body
	extra []article.Aside // asides split out of this block, emitted after it
}

func (b *block) body() bool { return b.kind == "" }

// setText replaces the block's plain text and its derived fields.
func (b *block) setText(s string) {
	b.text, b.words = collapse(s)
	b.fold = text.Fold(b.text)
}

// collapse trims s, turns each run of spaces into one space and counts the
// words.
func collapse(s string) (string, int) {
	var sb strings.Builder
	sb.Grow(len(s))
	words, space := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		if sb.Len() == 0 || sb.String()[sb.Len()-1] == ' ' {
			words++
		}
		sb.WriteRune(r)
	}
	return sb.String(), words
}

var (
	rxHeading = regexp.MustCompile(`^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$`)
	rxList    = regexp.MustCompile(`^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+(\S.*)$`)
	rxRule    = regexp.MustCompile(`^[ \t]*(?:[-*_=][ \t]*){3,}$`)
	rxQuote   = regexp.MustCompile(`^[ \t]*>[ \t]?`)
	rxRefDef  = regexp.MustCompile(`^[ \t]*\[[^\]]+\]:[ \t]+\S+`)
)

// splitBlocks cuts normalised text into blocks. A blank line always ends a
// block; a single line break ends one too, unless the next line continues
// the sentence (the line does not end a sentence and the next starts in
// lower case), which is how hard-wrapped paragraphs look.
func splitBlocks(s string) []*block {
	var out []*block
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			if b := newBlock(strings.Join(cur, " ")); b != nil {
				out = append(out, b)
			}
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(s, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case strings.ContainsRune("-*_=", rune(t[0])) && rxRule.MatchString(t):
			flush() // a horizontal rule or setext underline carries no text
		case t[0] == '[' && rxRefDef.MatchString(t):
			flush()
			if b := newBlock(t); b != nil {
				b.kind = article.AsideURL
				out = append(out, b)
			}
		case len(cur) > 0 && continues(cur[len(cur)-1], t):
			cur = append(cur, t)
		default:
			flush()
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// continues reports whether line next continues the paragraph whose last
// line is prev.
func continues(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(".!?:;\"”’)]*", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(first) || prev[0] == '#' || rxList.MatchString(next) {
		return false
	}
	return true
}

// newBlock parses one block of raw text; nil when it holds no text.
func newBlock(raw string) *block {
	b := &block{raw: raw}
	t := strings.TrimSpace(raw)
	if t == "" {
		return nil
	}
	switch c := t[0]; {
	case c == '#':
		if m := rxHeading.FindStringSubmatch(t); m != nil {
			b.heading = len(m[1])
			t = m[2]
		}
	case c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9' || strings.HasPrefix(t, "•"):
		if m := rxList.FindStringSubmatch(t); m != nil {
			b.list = true
			t = m[1]
		}
	case c == '>':
		t = rxQuote.ReplaceAllString(t, "")
	}
	if t != "" && (t[0] == '*' || t[0] == '_') {
		b.emph = isEmphasised(t)
	}
	b.image = strings.HasPrefix(t, "![") && rxImageOnly.MatchString(t)
	b.setText(stripInline(t))
	if b.text == "" {
		if b.image {
			return b
		}
		return nil
	}
	return b
}

var (
	rxImageOnly   = regexp.MustCompile(`^!\[[^\]]*\]\([^)]*\)$`)
	rxImage       = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	rxLink        = regexp.MustCompile(`\[([^\[\]]*)\]\([^()\s]*(?:\s+"[^"]*")?\)`)
	rxRefLink     = regexp.MustCompile(`\[([^\[\]]+)\]\[[^\[\]]*\]`)
	rxAutolink    = regexp.MustCompile(`<((?:https?|ftp)://[^<>\s]+|mailto:[^<>\s]+)>`)
	rxStrong      = regexp.MustCompile(`\*\*([^*]+?)\*\*|__([^_]+?)__|~~([^~]+?)~~`)
	rxEmStar      = regexp.MustCompile(`\*(\S(?:[^*]*\S)?)\*`)
	rxEmUnder     = regexp.MustCompile(`(^|[^\pL\pN_])_(\S(?:[^_]*\S)?)_($|[^\pL\pN_])`)
	rxCode        = regexp.MustCompile("`([^`]+)`")
	rxEscape      = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>|])`)
	rxEmphasised  = regexp.MustCompile(`^(?:\*\*[^*]+\*\*|__[^_]+__|\*[^*]+\*|_[^_]+_)$`)
	rxTrailingTag = regexp.MustCompile(`\s*\{#[^}]*\}$`)
)

// isEmphasised reports whether the whole Markdown line is bold or italic.
func isEmphasised(t string) bool { return rxEmphasised.MatchString(strings.TrimSpace(t)) }

// stripInline removes inline Markdown markup: links keep their text,
// images are dropped, emphasis, code and escapes are unwrapped.
func stripInline(t string) string {
	escaped := strings.Contains(t, "\\") && !hasPrivateUse(t)
	if escaped { // hide escaped characters from the markup patterns
		t = rxEscape.ReplaceAllStringFunc(t, func(m string) string { return string(rune(0xE000 + int(m[1]))) })
	}
	if strings.Contains(t, "![") {
		t = rxImage.ReplaceAllString(t, "")
	}
	if strings.Contains(t, "<") {
		t = rxAutolink.ReplaceAllString(t, "$1")
	}
	for i := 0; i < 3 && strings.Contains(t, "]("); i++ { // nested links
		t = rxLink.ReplaceAllString(t, "$1")
	}
	if strings.Contains(t, "][") {
		t = rxRefLink.ReplaceAllString(t, "$1")
	}
	if strings.Contains(t, "**") || strings.Contains(t, "__") || strings.Contains(t, "~~") {
		t = rxStrong.ReplaceAllString(t, "$1$2$3")
	}
	if strings.Contains(t, "*") {
		t = rxEmStar.ReplaceAllString(t, "$1")
	}
	if strings.Contains(t, "_") {
		t = rxEmUnder.ReplaceAllString(t, "$1$2$3")
	}
	if strings.Contains(t, "`") {
		t = rxCode.ReplaceAllString(t, "$1")
	}
	if escaped {
		t = strings.Map(func(r rune) rune {
			if r > 0xE000 && r < 0xE080 {
				return r - 0xE000
			}
			return r
		}, t)
	}
	if strings.Contains(t, "{#") {
		t = rxTrailingTag.ReplaceAllString(t, "")
	}
	return t
}

// hasPrivateUse reports whether s holds the private-use characters that
// stripInline borrows to hide escaped Markdown characters.
func hasPrivateUse(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0xE000 && r < 0xE080 })
}

// endsSentence reports whether s ends like a sentence (terminal
// punctuation, possibly inside closing quotes or brackets).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')]* ")
	last, _ := utf8.DecodeLastRuneInString(s)
	return last == '.' || last == '!' || last == '?' || last == '…'
}

// hasQuote reports whether s holds a quotation mark.
func hasQuote(s string) bool { return strings.ContainsAny(s, "\"“”«»") }
