package clean

import (
	"bytes"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/article"
)

// cleanHTML extracts the main content and metadata of an HTML page with
// go-trafilatura (its readability and dom-distiller fallbacks enabled) and
// cleans the extracted text like any other.
func cleanHTML(in Input) Result {
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		// Dates from the page's metadata and markup only; the extensive
		// text search could read a date from a photo caption.
		HtmlDateOptions: &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true},
	}
	if u, err := url.Parse(strings.TrimSpace(in.URL)); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	doc, err := html.Parse(bytes.NewReader(in.HTML))
	if err != nil { // the parser accepts anything a reader gives; kept for safety
		r := cleanText("", in, sourceMeta{})
		r.Notes = append(r.Notes, "html parse failed: "+err.Error())
		return r
	}
	captions := figureCaptions(doc)
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		r := cleanText("", in, sourceMeta{})
		r.Notes = append(r.Notes, "html extraction failed: "+err.Error())
		return r
	}
	md := res.Metadata
	meta := sourceMeta{
		Title:    plain(md.Title),
		Author:   plain(md.Author),
		Sitename: plain(md.Sitename),
		URL:      strings.TrimSpace(md.URL),
	}
	if !md.Date.IsZero() {
		y, m, d := md.Date.Date()
		meta.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	var bs []*block
	var notes []string
	collectBlocks(res.ContentNode, &bs, &notes)
	if len(bs) <= 1 {
		// On short pages trafilatura falls back to a baseline extraction
		// that runs all paragraphs together; read the page's main region's
		// own paragraphs instead when it has several.
		if main := mainRegion(doc); main != nil && countParagraphs(main) >= 2 {
			bs, notes = nil, []string{"html: short page; paragraphs read from the page's main region"}
			collectBlocks(main, &bs, &notes)
		}
	}
	bs = withCaptions(bs, captions)
	r := cleanBlocks(bs, in, meta, notes)
	r.Notes = append([]string{"html: main content extracted by trafilatura"}, r.Notes...)
	return r
}

// figureCaptions returns the text of the page's figure captions outside
// navigation, header, footer and sidebars. Trafilatura drops figures, but
// captions name the people in the story, so they are kept as asides.
func figureCaptions(doc *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			switch strings.ToLower(ch.Data) {
			case "nav", "header", "footer", "aside", "script", "style", "noscript", "template":
				continue
			case "figcaption":
				if t := plain(inlineText(ch)); t != "" {
					out = append(out, t)
				}
				continue
			}
			walk(ch)
		}
	}
	walk(doc)
	return out
}

// withCaptions sets aside the extracted blocks that repeat a figure
// caption and puts the other captions first (their place in the text is
// lost with the figure).
func withCaptions(bs []*block, captions []string) []*block {
	var lead []*block
	for _, cap := range captions {
		c := newBlock(cap)
		if c == nil {
			continue
		}
		found := false
		for _, b := range bs {
			if b.fold == c.fold {
				b.kind, found = article.AsideCaption, true
			}
		}
		if !found {
			c.kind = article.AsideCaption
			lead = append(lead, c)
		}
	}
	return append(lead, bs...)
}

// collectBlocks walks the extracted content and turns each block-level
// element into blocks. Headings keep their level, list items are marked,
// figure captions are set aside as captions. Scripts are never read.
func collectBlocks(n *html.Node, bs *[]*block, notes *[]string) {
	if n == nil {
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "" {
				addBlocks(bs, notes, ch.Data, 0, false, "")
			}
			continue
		}
		switch strings.ToLower(ch.Data) {
		case "script", "style", "noscript", "template", "iframe", "img", "svg", "head", "button", "form",
			"nav", "header", "footer", "aside":
		case "h1", "h2", "h3", "h4", "h5", "h6":
			addBlocks(bs, notes, inlineText(ch), int(ch.Data[1]-'0'), false, "")
		case "li", "dt", "dd":
			addBlocks(bs, notes, inlineText(ch), 0, true, "")
		case "figcaption":
			addBlocks(bs, notes, inlineText(ch), 0, false, article.AsideCaption)
		case "p", "blockquote", "pre", "tr", "caption":
			addBlocks(bs, notes, inlineText(ch), 0, false, "")
		default:
			if hasBlockChild(ch) {
				collectBlocks(ch, bs, notes)
			} else {
				addBlocks(bs, notes, inlineText(ch), 0, false, "")
			}
		}
	}
}

// addBlocks normalises the text of one element and appends its blocks.
func addBlocks(bs *[]*block, notes *[]string, s string, heading int, list bool, kind string) {
	s, n := prepare(s)
	*notes = append(*notes, n...)
	for _, b := range splitBlocks(s) {
		if heading > 0 {
			b.heading = heading
		}
		b.list = b.list || list
		if kind != "" {
			b.kind = kind
		}
		*bs = append(*bs, b)
	}
}

// mainRegion returns the page's <article>, else its <main>, else its
// <body>.
func mainRegion(doc *html.Node) *html.Node {
	var found [3]*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch strings.ToLower(n.Data) {
			case "article":
				if found[0] == nil {
					found[0] = n
				}
			case "main":
				if found[1] == nil {
					found[1] = n
				}
			case "body":
				if found[2] == nil {
					found[2] = n
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
	for _, n := range found {
		if n != nil {
			return n
		}
	}
	return nil
}

// countParagraphs counts the <p> elements under n.
func countParagraphs(n *html.Node) int {
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && strings.EqualFold(ch.Data, "p") {
			c++
		}
		c += countParagraphs(ch)
	}
	return c
}

// hasBlockChild reports whether an element holds block-level elements.
func hasBlockChild(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		switch strings.ToLower(ch.Data) {
		case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "table", "tbody", "thead", "tr", "figure", "figcaption", "section", "article", "header", "footer", "dl", "dt", "dd", "main", "aside":
			return true
		}
		if hasBlockChild(ch) {
			return true
		}
	}
	return false
}

var rxSpaceRun = regexp.MustCompile(`[ \t\r\n\f]+`)

// inlineText returns the text of an element's inline content, with line
// breaks for <br> and spaces between table cells.
func inlineText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch ch.Type {
			case html.TextNode:
				b.WriteString(rxSpaceRun.ReplaceAllString(ch.Data, " "))
			case html.ElementNode:
				switch strings.ToLower(ch.Data) {
				case "script", "style", "noscript", "template", "iframe", "svg":
					continue
				case "br":
					b.WriteByte('\n')
					continue
				case "td", "th":
					walk(ch)
					b.WriteByte(' ')
					continue
				}
				walk(ch)
			}
		}
	}
	walk(n)
	return b.String()
}
