package clean

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// readFooters reads outlet and wire credits from the licence and credit
// lines set aside.
func (c *cleaner) readFooters(bs []*block) {
	for _, b := range bs {
		switch b.kind {
		case article.AsideLicence:
			outlet, wire := licenceHolder(b.text)
			c.setWire(wire, fmt.Sprintf("copyright line %q", clip(b.text)))
			if outlet != "" {
				if rxLicenceHolder.MatchString(b.text) {
					c.licenceOutlet = firstOf(c.licenceOutlet, outlet)
				} else {
					c.copyrightOutlet = firstOf(c.copyrightOutlet, outlet)
				}
			}
		case article.AsideCredit:
			if m := rxSourceCredit.FindStringSubmatch(b.text); m != nil {
				c.setWire(wireOnly(m[1]), fmt.Sprintf("credit line %q", clip(b.text)))
			} else if w, _, _ := findWire(b.text); w != "" && rxContributed.MatchString(b.fold) {
				c.note("%s contributed to the report (not counted as a wire copy)", w)
			}
		case article.AsideURL:
			if u := rxURLIn.FindString(b.text); u != "" && c.url == "" {
				c.url = u
			}
		}
	}
}

var (
	rxSourceCredit = regexp.MustCompile(`(?i)^source\s*:\s*(.+?)\.?$`)
	rxContributed  = regexp.MustCompile(`contributed (to )?this`)
	rxURLIn        = regexp.MustCompile(`https?://[^\s<>"]+`)
	// rxLicenceOpen opens a licence sentence inside a paragraph.
	rxLicenceOpen = regexp.MustCompile(`(?i)^(?:copyright\b|©|\(c\) \d|all (?:content|contents|materials?|articles) (?:by|of|from|on)\b|this (?:material|article|story|content) may not be|\(source:)`)
	// rxSentenceGap is where a sentence may start inside a paragraph.
	rxSentenceGap = regexp.MustCompile(`[.!?]["”’')\]]*\s+`)
	// rxTrailingWire is a wire credit closing the last paragraph: "—AFP", "(Reuters)".
	rxTrailingWire = regexp.MustCompile(`([.!?]["”’']?)\s*(?:[-–—]+\s*|\()([\pL][\pL\- ]{1,30}?)\)?\.?$`)
)

// splitInline moves boilerplate that a scraper glued into a paragraph out
// of it: photo credits in brackets and a licence sentence at its end
// ("... the situation.” All Content by Mehr News Agency is licensed ...").
func (c *cleaner) splitInline(b *block) {
	if strings.Contains(b.text, "(") {
		splitInlineCredit(b)
	}
	if !hasLicenceWord(b.fold) {
		return
	}
	for _, gap := range rxSentenceGap.FindAllStringIndex(b.text, -1) {
		tail := b.text[gap[1]:]
		if !rxLicenceOpen.MatchString(tail) || len(strings.Fields(tail)) > 60 {
			continue
		}
		head := strings.TrimSpace(b.text[:gap[1]])
		lic := &block{kind: article.AsideLicence}
		lic.setText(tail)
		outlet, wire := licenceHolder(tail)
		c.setWire(wire, fmt.Sprintf("copyright line %q", clip(tail)))
		if outlet != "" && rxLicenceHolder.MatchString(tail) {
			c.licenceOutlet = firstOf(c.licenceOutlet, outlet)
		} else if outlet != "" {
			c.copyrightOutlet = firstOf(c.copyrightOutlet, outlet)
		}
		b.extra = append(b.extra, article.Aside{Kind: article.AsideLicence, Text: lic.text})
		b.setText(head)
		c.note("licence sentence split from the end of a paragraph: %q", clip(tail))
		return
	}
}

// hasLicenceWord is a cheap test for a licence sentence anywhere in a
// folded text.
func hasLicenceWord(fold string) bool {
	for _, w := range []string{"copyright", "©", "(c) ", "all content", "all material", "all articles", "may not be", "(source:"} {
		if strings.Contains(fold, w) {
			return true
		}
	}
	return false
}

// splitTrailingWire reads a wire credit that closes the last body
// paragraph ("... he said.—AFP") and moves it out of the text.
func (c *cleaner) splitTrailingWire(bs []*block) {
	for i := len(bs) - 1; i >= 0; i-- {
		b := bs[i]
		if !b.body() {
			continue
		}
		m := rxTrailingWire.FindStringSubmatchIndex(b.text)
		if m == nil {
			return
		}
		w := wireOnly(b.text[m[4]:m[5]])
		if w == "" {
			return
		}
		credit := strings.TrimSpace(b.text[m[3]:])
		b.extra = append([]article.Aside{{Kind: article.AsideCredit, Text: credit}}, b.extra...)
		b.setText(b.text[:m[3]])
		c.setWire(w, fmt.Sprintf("credit %q closing the text", credit))
		return
	}
}
