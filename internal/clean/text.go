package clean

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

// sourceMeta is metadata an HTML page declares about itself (meta tags,
// JSON-LD): trusted less than Input, more than what the text suggests.
type sourceMeta struct {
	Title, Author, Sitename, URL string
	Date                         time.Time
}

// cleaner holds what one run of Clean has read so far.
type cleaner struct {
	notes []string

	// found in the text
	title, byline, url, dateline string
	published                    time.Time
	dateLabel                    string
	licenceOutlet                string // "All content by X is licensed"
	copyrightOutlet              string // "Copyright 2016 X. All rights reserved."
	wire, wireWhy                string
}

func (c *cleaner) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

// setWire records a wire credit unless one is already known.
func (c *cleaner) setWire(w, why string) {
	if w != "" && c.wire == "" {
		c.wire, c.wireWhy = w, why
	}
}

// cleanText cleans raw text (plain or Markdown) of the article described
// by in and, for HTML pages, meta.
func cleanText(raw string, in Input, meta sourceMeta) Result {
	s, notes := prepare(raw)
	return cleanBlocks(splitBlocks(s), in, meta, notes)
}

// cleanBlocks cleans an article cut into blocks.
func cleanBlocks(bs []*block, in Input, meta sourceMeta, notes []string) Result {
	c := &cleaner{notes: notes}

	c.markNoise(bs)
	c.markBylines(bs)
	c.markCaptions(bs)
	c.markDates(bs)
	c.markTitle(bs, firstOf(plain(in.Title), meta.Title))
	c.readFooters(bs)
	for _, b := range bs {
		if b.body() {
			c.splitInline(b)
		}
	}
	c.splitTrailingWire(bs)
	c.markDuplicates(bs)
	c.markDateline(bs)

	r := c.resolve(in, meta)
	r.Body, r.Asides = assemble(bs)
	r.Notes = c.notes
	return r
}

// isProse reports whether b reads as a paragraph of running text.
func isProse(b *block) bool {
	return b.body() && b.heading == 0 && !b.list && b.words >= 10 && (endsSentence(b.text) || strings.Contains(b.text, ". "))
}

// headEnd returns the index of the first paragraph of running text that
// does not look like a caption: what comes before it is the lead-in, where
// title, byline, date and photo live.
func (c *cleaner) headEnd(bs []*block) int {
	for i, b := range bs {
		if isProse(b) && !captionTrailer(b.fold) && !positions(b.fold) {
			return i
		}
	}
	return len(bs)
}

// tailStart returns the index of the last paragraph of running text.
func tailStart(bs []*block) int {
	for i := len(bs) - 1; i >= 0; i-- {
		if isProse(bs[i]) {
			return i
		}
	}
	return -1
}

// markBylines sets aside byline lines and keeps the first byline.
func (c *cleaner) markBylines(bs []*block) {
	for _, b := range bs {
		if !b.body() || b.words > 20 || b.heading > 1 {
			continue
		}
		names, rest, ok := parseByline(b.text)
		if !ok {
			continue
		}
		b.kind = article.AsideByline
		if c.byline == "" {
			c.byline = names
		}
		if t, _, ok := parseDateLine(rest); ok && c.published.IsZero() {
			c.published, c.dateLabel = t, "byline"
			c.note("date from the byline line: %s", t.Format(time.DateOnly))
		}
	}
}

// markDates sets aside date lines: a date line in the lead-in or after the
// last paragraph, or one with a label ("Published:", "Date Created"). Dates
// inside sentences and captions are never read.
func (c *cleaner) markDates(bs []*block) {
	head, tail := c.headEnd(bs), tailStart(bs)
	label := false
	for i, b := range bs {
		if !b.body() {
			label = false
			continue
		}
		if b.words <= 4 && rxDateLabel.FindString(b.text) == b.text && b.text != "" {
			b.kind, label = article.AsideDate, true
			continue
		}
		if i < head {
			c.splitDateTail(b)
		}
		t, lab, ok := parseDateLine(b.text)
		if ok && (lab != "" || label || i < head || i > tail) {
			b.kind = article.AsideDate
			if label {
				lab = strings.ToLower(strings.TrimRight(bs[i-1].text, " :"))
			}
			c.takeDate(t, lab, b.text)
		}
		label = false
	}
}

// rxDateTail finds a date field glued to the end of a lead-in line:
// "Five Injured in Nightclub Shooting Posted: Monday, March 31, 2014 ...".
var rxDateTail = regexp.MustCompile(`\s(?:Posted|Published|Updated|Last updated|Created)(?: on)?:?\s`)

// splitDateTail moves a date field glued to the end of a lead-in line
// into an aside of its own.
func (c *cleaner) splitDateTail(b *block) {
	if b.words > 45 {
		return
	}
	loc := rxDateTail.FindStringIndex(b.text)
	if loc == nil || loc[0] == 0 {
		return
	}
	tail := strings.TrimSpace(b.text[loc[0]:])
	t, label, ok := parseDateLine(tail)
	if !ok {
		return
	}
	b.extra = append(b.extra, article.Aside{Kind: article.AsideDate, Text: tail})
	b.setText(b.text[:loc[0]])
	c.takeDate(t, label, tail)
}

// takeDate keeps a publish date: the first one found, except that a
// publication label beats an update label.
func (c *cleaner) takeDate(t time.Time, label, line string) {
	update := strings.Contains(label, "updated") || strings.Contains(label, "modified")
	if !c.published.IsZero() && (update || !strings.Contains(c.dateLabel, "updated")) {
		return
	}
	c.published, c.dateLabel = t, label
	if label != "" {
		c.note("date from the %q field: %q", label, line)
	} else {
		c.note("date from a date line: %q", line)
	}
}

// markTitle sets aside the headline when it is part of the text: a first
// line that is a heading, repeats the known title or — when no title is
// known — reads like a headline (short, no closing full stop, followed by
// more text); or, after a first line that is none of these (a kicker such
// as "World"), a level 1 or 2 heading of the lead-in.
func (c *cleaner) markTitle(bs []*block, known string) {
	head := c.headEnd(bs)
	first := true
	for i, b := range bs[:head] {
		if !b.body() {
			continue
		}
		switch {
		case b.heading > 0 && b.heading <= 2 || b.heading > 0 && first:
		case !first: // past the first line, only a heading can be the headline
			continue
		case known != "" && similar(b.fold, text.Fold(known)):
		case known == "" && titleLike(b) && i+1 < len(bs):
		default:
			first = false
			continue
		}
		b.kind = article.AsideTitle
		c.title = b.text
		return
	}
}

// titleLike reports whether b reads like a headline: three to 25 words,
// starting with a letter, digit or quote mark, not closed by a full stop,
// and not a byline, date or dateline.
func titleLike(b *block) bool {
	if b.list || b.words < 3 || b.words > 25 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(b.text)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“'‘", first) {
		return false
	}
	last := b.text[len(b.text)-1]
	if strings.ContainsRune(".:;,", rune(last)) || strings.HasPrefix(b.fold, "by ") || rxDateLabel.MatchString(b.text) {
		return false
	}
	_, isDateline := parseDateline(b.text + " x")
	return !isDateline
}

// similar reports whether two folded titles are the same headline, allowing
// a site name before or after it.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || (strings.Contains(b, a) && len(a)*2 >= len(b))
}

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

// markDateline reads the dateline at the start of the first body
// paragraph (or of the second, when a teaser or standfirst precedes it) and
// removes it from the text.
func (c *cleaner) markDateline(bs []*block) {
	seen := 0
	for _, b := range bs {
		if !b.body() || b.heading > 0 {
			continue
		}
		if seen++; seen > 2 {
			return
		}
		d, ok := parseDateline(b.text)
		if !ok && b.words <= 8 {
			if d, ok = parseDateline(b.text + " x"); ok && d.end == len(b.text)+1 {
				// a dateline on a line of its own: it is all in Result.Dateline
				c.note("dateline on its own line: %q", b.text)
				c.takeDateline(d)
				b.kind = article.AsideOther
				return
			}
			ok = false
		}
		if !ok {
			if seen == 1 && rxOrphanDash.MatchString(b.text) {
				b.setText(rxOrphanDash.ReplaceAllString(b.text, ""))
				c.note("leading dash of a lost dateline removed")
				return
			}
			continue
		}
		if d.place != "" {
			c.note("dateline %q", strings.TrimSpace(b.text[:d.end]))
		}
		c.takeDateline(d)
		b.setText(b.text[d.end:])
		return
	}
}

// takeDateline keeps the place of a dateline and reads its credit and date.
func (c *cleaner) takeDateline(d dateline) {
	c.dateline = d.place
	if _, _, isDate := parseDateLine(d.credit); d.credit != "" && !isDate {
		if w := wireOnly(d.credit); w != "" {
			c.setWire(w, fmt.Sprintf("dateline credit (%s)", d.credit))
		} else {
			c.note("dateline credits %q (not a known wire service)", d.credit)
		}
	}
	c.datelineDate(d)
}

// datelineDate reads a publish date from a dateline that gives one with its
// year ("INDIANAPOLIS, Ind. (Feb. 20, 2014) —"); a day without a year is
// only noted.
func (c *cleaner) datelineDate(d dateline) {
	for _, s := range []string{d.day, d.credit} {
		if s == "" {
			continue
		}
		if t, _, ok := parseDateLine(s); ok {
			c.takeDate(t, "dateline", s)
			return
		}
	}
	if d.day != "" {
		c.note("dateline day %q read, not used as a publish date (no year)", d.day)
	}
}

// rxOrphanDash is the dash left when a scraper lost the dateline before it.
var rxOrphanDash = regexp.MustCompile(`^(?:--?|–|—)\s+`)

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

// resolve picks each metadata field from the most trusted place that has
// it: the input, then the page's own metadata, then the text.
func (c *cleaner) resolve(in Input, meta sourceMeta) Result {
	var r Result
	r.Title = c.pick("title", plain(in.Title), "given by the source", meta.Title, "from the page metadata", c.title, "from the headline line")
	byline := c.pick("byline", plain(in.Byline), "given by the source", meta.Author, "from the page metadata", c.byline, "from the byline line")
	if byline != "" {
		people, wire := splitWire(byline)
		r.Byline = people
		if wire != "" {
			c.wire, c.wireWhy = wire, fmt.Sprintf("the byline %q", byline)
		}
	}
	if c.wire != "" {
		r.Wire = c.wire
		c.note("wire %s from %s", c.wire, c.wireWhy)
	}
	r.URL = c.pick("url", strings.TrimSpace(in.URL), "given by the source", meta.URL, "from the page metadata", c.url, "from the 'Original url' line")
	r.Outlet = c.outlet(in, meta, r.URL)
	r.Dateline = c.dateline
	switch {
	case !in.Published.IsZero():
		r.Published = in.Published
		c.note("date given by the source")
	case !meta.Date.IsZero():
		r.Published = meta.Date
		c.note("date from the page metadata")
	default:
		r.Published = c.published
		if r.Published.IsZero() {
			c.note("publish date unknown: no date line or date field (dates in captions and prose are not read)")
		}
	}
	if r.Outlet == "" {
		c.note("outlet unknown: no URL, site name or licence footer (outlets named in the prose are sources, not the publisher)")
	}
	return r
}

// pick returns the first non-empty value of (value, reason) pairs and
// notes where it came from.
func (c *cleaner) pick(field string, pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := strings.TrimSpace(pairs[i]); v != "" {
			c.note("%s %s", field, pairs[i+1])
			return v
		}
	}
	return ""
}

// outlet picks the outlet: given, from a well-known domain, from the page's
// site name, from the registrable domain, from a licence footer, from a
// copyright line. Names mentioned in the prose are never used.
func (c *cleaner) outlet(in Input, meta sourceMeta, u string) string {
	if o := plain(in.Outlet); o != "" {
		c.note("outlet given by the source")
		return o
	}
	name, known := outletFromURL(u)
	switch {
	case known:
		c.note("outlet from the URL's domain: %s", name)
		return name
	case meta.Sitename != "":
		c.note("outlet from the page's site name: %s", meta.Sitename)
		return meta.Sitename
	case name != "":
		c.note("outlet from the URL's registrable domain (not a known outlet): %s", name)
		return name
	case c.licenceOutlet != "":
		c.note("outlet from licence footer: %s", c.licenceOutlet)
		return c.licenceOutlet
	case c.copyrightOutlet != "":
		c.note("outlet from copyright line: %s", c.copyrightOutlet)
		return c.copyrightOutlet
	}
	return ""
}

// assemble joins the body paragraphs and lists the asides in order.
func assemble(bs []*block) (string, []article.Aside) {
	var body []string
	var asides []article.Aside
	for _, b := range bs {
		if b.body() {
			if b.text != "" {
				body = append(body, b.text)
			}
		} else if b.text != "" {
			asides = append(asides, article.Aside{Kind: b.kind, Text: b.text})
		}
		asides = append(asides, b.extra...)
	}
	return strings.Join(body, "\n\n"), asides
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
