package clean

import (
	"regexp"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

var (
	// rxCreditStart opens a photo credit: "Photo: ...", "Credit: ...".
	rxCreditStart = regexp.MustCompile(`^\(?(?:photo|photos|photograph|image|picture|pictures|credit|photo credit|image credit|courtesy|illustration|file photo|pool photo|handout)\b\s*(?:of\b|by\b|:|/)?`)
	// rxPhotoAgency names a photo agency, as credits do.
	rxPhotoAgency = regexp.MustCompile(`\b(?:getty images|afp|ap photo|reuters|epa|epa-efe|zuma|shutterstock|alamy|sputnik|sopa images|nurphoto|anadolu|xinhua|press wire|picture alliance|imago|handout|pool photo)\b`)
	// rxPhotoSource is weaker: words a credit holds that prose holds too.
	rxPhotoSource = regexp.MustCompile(`\b(?:via|presidency|kremlin|photo|photos|images|file|courtesy|pool|ap|irna|tasnim|wana|tass|dpa|efe|bloomberg)\b`)
	// rxSlashCredit is the "AP Photo/Vahid Salemi" and "EPA-EFE/NAME" form.
	rxSlashCredit = regexp.MustCompile(`^\(?[\pL.\- ]{2,30}/[\pL.\- ]{2,40}\)?$`)
	// rxInlineCredit is a credit in brackets inside a paragraph.
	// It names the credit ("(Photo: ...)"), or it closes the paragraph
	// with a source and an outlet ("(Waterbury police/WFSB)").
	rxInlineCredit = regexp.MustCompile(`\s*\((?:AP Photo|AFP Photo|Reuters|Photo|Photos|Image|Credit|Photo credit|File photo|Getty Images|Source|Courtesy)\s*[/:][^()]{1,80}\)|\s*\([\pL.' ]{2,40}/[\pL.' /]{2,60}\)$`)

	// rxCaptionStart opens a caption: "FILE - In this ...", "In this photo ...".
	rxCaptionStart = regexp.MustCompile(`^(?:file(?: photo)?\s*[-:]\s|in this (?:[a-z]+\.? \d{1,2}, \d{4},? )?(?:file )?(?:photo|image|picture|handout photo|video grab|screenshot)\b|photo:\s|caption:\s|image:\s)`)
	// rxCaptionTrailer is the date an agency caption ends with:
	// "..., in Tehran, Iran, Tuesday, July 19, 2022." or "... (AP Photo/...)".
	rxCaptionTrailer = regexp.MustCompile(`, (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),? [a-z]+\.? \d{1,2}, \d{4}\.?(?: \([^()]*\))?$|\((?:ap|afp|reuters|epa) photo[^()]*\)$`)
)

// isCredit reports whether block b is a photo credit: a short line that
// says so ("Photo: ...", "AP Photo/...") or that names a photo source and
// is set off as a credit (bold or italic) or sits right after a caption
// candidate (then near is set).
func isCredit(b *block, near bool) bool {
	if !b.body() || b.words > 14 || b.heading > 0 || b.list || hasQuote(b.text) || endsSentence(b.text) && b.words > 8 {
		return false
	}
	t := b.fold
	agency := rxPhotoAgency.MatchString(t)
	switch {
	case rxCreditStart.MatchString(t) && b.words <= 8:
		return true
	case rxSlashCredit.MatchString(b.text) && b.words <= 8:
		return true
	case b.emph && (agency || rxPhotoSource.MatchString(t)):
		return true
	case near && agency && b.words <= 8 && !endsSentence(b.text):
		return true
	}
	return false
}

// captionLike reports whether block b could be a caption: one or two
// sentences, not too long, no quotation, not a heading or list item.
func captionLike(b *block) bool {
	return b.body() && b.heading == 0 && !b.list && b.words >= 4 && b.words <= 50 && !hasQuote(b.text) &&
		strings.Count(b.text, ". ") <= 1
}

// markCaptions sets aside photo captions and credits:
//   - a credit line, and the caption-like block right before it when that
//     block is in the lead-in (before the first paragraph of running text)
//     and attributes nothing, or says itself that it describes a picture;
//   - a block that opens like a caption ("FILE - In this photo ...");
//   - an agency caption: one sentence that ends with ", Tuesday, July 19,
//     2022." or names who stands where (", left,") — in the lead-in, or
//     anywhere when it has both marks.
//
// A sentence of prose that merely mentions a date stays in the body, and
// so does a paragraph of prose that happens to precede a credit line.
func (c *cleaner) markCaptions(bs []*block) {
	for i, b := range bs {
		if b.body() && isCredit(b, i > 0 && captionLike(bs[i-1])) {
			b.kind = article.AsideCredit
		}
	}
	head := captionHead(bs)
	for i, b := range bs {
		if !captionLike(b) {
			continue
		}
		credited := i+1 < len(bs) && bs[i+1].kind == article.AsideCredit
		trailer, position := captionTrailer(b.fold), positions(b.fold)
		switch {
		case credited && (i < head && !rxAttribution.MatchString(b.fold) || trailer || position || rxPictureWords.MatchString(b.fold)):
			c.note("caption before a photo credit: %q", clip(b.text))
		case rxCaptionStart.MatchString(b.fold):
			c.note("caption by its opening: %q", clip(b.text))
		case b.words <= 30 && rxInlineCredit.MatchString(b.text) && !rxAttribution.MatchString(b.fold) && !isDateline(b.text):
			c.note("caption with a photo credit in brackets: %q", clip(b.text))
		case trailer && position, (trailer || position) && i < head:
			c.note("agency-style caption (dated trailer or positions): %q", clip(b.text))
		default:
			continue
		}
		b.kind = article.AsideCaption
	}
}

var (
	// rxAttribution marks reported speech, which captions rarely hold.
	rxAttribution = regexp.MustCompile(`\b(?:said|says|told|according to|reported)\b`)
	// rxPictureWords are words with which a caption describes its picture.
	rxPictureWords = regexp.MustCompile(`\b(?:pictured|photographed|poses|posing|is seen|are seen|shown here|in this (?:photo|image|picture)|file photo|undated photo|provided by|provided photo)\b`)
)

// captionHead returns the index of the first paragraph of running text
// that is neither followed by a credit nor marked as a caption: the end of
// the lead-in.
func captionHead(bs []*block) int {
	for i, b := range bs {
		credited := i+1 < len(bs) && bs[i+1].kind == article.AsideCredit
		if isProse(b) && !credited && !captionTrailer(b.fold) && !positions(b.fold) {
			return i
		}
	}
	return len(bs)
}

// isDateline reports whether s opens with a dateline.
func isDateline(s string) bool {
	_, ok := parseDateline(s)
	return ok
}

// captionTrailer reports whether a folded text ends like an agency caption.
func captionTrailer(fold string) bool {
	if len(fold) > 90 { // the trailer is at the end: look at the end only
		i := len(fold) - 90
		for i < len(fold) && fold[i]&0xC0 == 0x80 {
			i++
		}
		fold = fold[i:]
	}
	return (strings.Contains(fold, "day") || strings.Contains(fold, "photo")) && rxCaptionTrailer.MatchString(fold)
}

// positionMarks say who stands where in a photograph: ", left," "(right)".
var positionMarks = []string{
	", left,", ", right,", ", center,", ", centre,", ", second left,", ", second right,", ", second from left,",
	", second from right,", ", foreground,", ", background,", "(left)", "(right)", "(center)", "(centre)",
	"(l-r)", "(r-l)", "(from left)", "(from right)", "(top)", "(bottom)", "(left to right)",
}

// positionWords say it too, as whole words: "from left", "L-R", "L to R".
var positionWords = []string{"from left", "l-r", "l to r"}

// positions reports whether a folded text says who stands where.
func positions(fold string) bool {
	for _, m := range positionMarks {
		if strings.Contains(fold, m) {
			return true
		}
	}
	for _, w := range positionWords {
		if indexWord(fold, w, true) >= 0 {
			return true
		}
	}
	return false
}

// splitInlineCredit moves photo credits in brackets out of a paragraph:
// "... said. (Photo: Jane Roe)".
func splitInlineCredit(b *block) {
	for _, m := range rxInlineCredit.FindAllString(b.text, -1) {
		b.extra = append(b.extra, article.Aside{Kind: article.AsideCredit, Text: strings.Trim(strings.TrimSpace(m), "()")})
	}
	if len(b.extra) > 0 {
		b.setText(rxInlineCredit.ReplaceAllString(b.text, ""))
	}
}

// clip shortens s for a note.
func clip(s string) string {
	const n = 60
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "…"
}
