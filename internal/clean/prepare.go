package clean

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/parallax-news/parallax/internal/text"
)

var (
	// rxScript matches elements whose content is never text.
	rxScript = regexp.MustCompile(`(?is)<(script|style|noscript|iframe|template)\b[^>]*>.*?</(?:script|style|noscript|iframe|template)\s*>|<!--.*?-->`)
	// rxOpenScript matches an unclosed script or style element to the end.
	rxOpenScript = regexp.MustCompile(`(?is)<(?:script|style)\b.*$`)
	// rxTag matches an HTML tag (not an autolink such as <https://...>).
	rxTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?/?>`)
	// rxEntity matches an HTML character reference.
	rxEntity = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});`)
)

// prepare turns raw scraped text into normalised lines: valid UTF-8, no
// scripts or HTML tags, paragraph breaks restored, text.Normalize applied
// (NFC, "\n" line ends, exotic spaces and zero-width characters removed).
// Curly quotes are kept as written.
func prepare(s string) (string, []string) {
	var notes []string
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
		notes = append(notes, "input had invalid UTF-8: replaced")
	}
	if strings.Contains(s, "<") {
		s = rxScript.ReplaceAllString(s, " ")
		s = rxOpenScript.ReplaceAllString(s, " ")
		s = stripTags(s)
	}
	if strings.ContainsFunc(s, isC1) {
		s = strings.Map(fromC1, s)
		notes = append(notes, "C1 control characters read as Windows-1252 (’ “ ” —)")
	}
	if strings.Contains(s, "&") {
		s = rxEntity.ReplaceAllStringFunc(s, html.UnescapeString)
	}
	if strings.Contains(s, "\u00a0") {
		var n int
		if s, n = nbspBreaks(s); n > 0 {
			notes = append(notes, "no-break space after a sentence read as a paragraph break")
		}
	}
	return text.Normalize(s), notes
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9F }

// fromC1 maps a C1 control character to the Windows-1252 character with
// the same byte: text decoded as Latin-1 that was really Windows-1252 holds
// them in place of curly quotes and dashes ("Sheriff\u0092s").
func fromC1(r rune) rune {
	if !isC1(r) {
		return r
	}
	if d := charmap.Windows1252.DecodeByte(byte(r)); d != utf8.RuneError {
		return d
	}
	return -1
}

// nbspBreaks turns a no-break space followed by more spacing after the end
// of a sentence into a paragraph break: the trace of a paragraph that ended
// in &nbsp; and was joined to the next one by a scraper. A single no-break
// space between sentences is left alone. It returns the count of breaks.
func nbspBreaks(s string) (string, int) {
	var b strings.Builder
	n, last := 0, 0
	for i := 0; ; {
		j := strings.Index(s[i:], "\u00a0")
		if j < 0 {
			break
		}
		j += i
		end := j + len("\u00a0")
		k := end
		for k < len(s) && (s[k] == ' ' || s[k] == '\t' || strings.HasPrefix(s[k:], "\u00a0")) {
			if s[k] == ' ' || s[k] == '\t' {
				k++
			} else {
				k += len("\u00a0")
			}
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:j])
		if k > end && strings.ContainsRune(".!?\"”’)]", prev) {
			b.WriteString(s[last:j])
			b.WriteString("\n\n")
			last, n = k, n+1
		}
		i = k
	}
	if n == 0 {
		return s, 0
	}
	b.WriteString(s[last:])
	return b.String(), n
}

// stripTags removes HTML tags, turning block-level ones into line breaks,
// and leaves Markdown autolinks (<https://...>) alone.
func stripTags(s string) string {
	return rxTag.ReplaceAllStringFunc(s, func(tag string) string {
		name := strings.ToLower(strings.TrimLeft(tag, "</"))
		if i := strings.IndexAny(name, " \t\n/>"); i >= 0 {
			name = name[:i]
		}
		switch name {
		case "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
			"blockquote", "section", "article", "figure", "figcaption", "tr", "table", "hr", "header", "footer":
			return "\n"
		}
		return ""
	})
}

// plain removes tags and scripts from a metadata string (a title can hold
// a <script> element) and collapses its spaces.
func plain(s string) string {
	if s == "" {
		return ""
	}
	s, _ = prepare(s)
	return strings.Join(strings.Fields(s), " ")
}
