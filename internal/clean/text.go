package clean

import (
	"fmt"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/article"
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
