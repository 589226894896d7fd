package clean

import (
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// markDuplicates sets aside a paragraph of eight words or more that repeats
// another one, or that another paragraph contains (a teaser repeating a
// sentence of the body), and any paragraph that repeats the one right
// before it. The longer or earlier copy stays in the body.
func (c *cleaner) markDuplicates(bs []*block) {
	var body []*block
	var prev *block
	for _, b := range bs {
		if !b.body() {
			continue
		}
		if prev != nil && b.fold == prev.fold { // a repeat right after itself, however short
			b.kind = article.AsideOther
			c.note("repeated paragraph set aside: %q", clip(b.text))
			continue
		}
		prev = b
		if b.words >= 8 {
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
