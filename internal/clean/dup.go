package clean

import (
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// markDuplicates sets aside a paragraph that repeats another one, or that
// another paragraph contains (a teaser repeating a sentence of the body).
// The longer or earlier copy stays in the body.
func (c *cleaner) markDuplicates(bs []*block) {
	var body []*block
	for _, b := range bs {
		if b.body() && b.words >= 8 {
			body = append(body, b)
		}
	}
	for i, a := range body {
		for j, b := range body {
			if i == j || !b.body() || !a.body() {
				continue
			}
			if a.fold == b.fold && j < i || a.fold != b.fold && len(a.fold) < len(b.fold) && containsSentences(b.fold, a.fold) {
				a.kind = article.AsideOther
				c.note("duplicate paragraph set aside (the body has it again): %q", clip(a.text))
				break
			}
		}
	}
}

// containsSentences reports whether outer holds inner starting and ending
// at sentence or paragraph boundaries.
func containsSentences(outer, inner string) bool {
	for off := 0; ; {
		i := strings.Index(outer[off:], inner)
		if i < 0 {
			return false
		}
		i += off
		before := i == 0 || outer[i-1] == ' '
		after := i+len(inner) == len(outer) || outer[i+len(inner)] == ' '
		if before && after {
			return true
		}
		off = i + 1
	}
}
