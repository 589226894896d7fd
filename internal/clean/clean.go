// Package clean turns one raw scraped article — plain text, Markdown or an
// HTML page — into a cleaned body plus metadata.
//
// Boilerplate (photo captions and credits, player chrome, "Related article"
// links, category lists, licence footers, share widgets, the title, byline
// and date lines) is taken out of the body but kept beside it as labelled
// article.Aside values, in document order, because later stages read facts
// from some of it (captions name people) and users may want to see what was
// removed. Every metadata decision is explained in Result.Notes.
//
// The package is pure: values in, values out. Nothing that cannot be read
// from the input is guessed: an unknown outlet, title or date stays empty.
//
// Decisions worth knowing:
//   - Metadata comes from the most trusted place that has it: Input, then
//     the page's own metadata (HTML), then the text. The outlet comes from
//     a table of well-known news domains, the page's site name, the URL's
//     registrable domain, a licence footer ("All Content by X is
//     licensed"), a copyright line — never from an outlet named in the
//     prose, which is a source the article cites.
//   - A publish date is read only from a line that is nothing but a date
//     (with an optional label, weekday and time), in the lead-in before the
//     first paragraph, after the last one, or after a date label; or from a
//     dateline that gives a year. Dates inside sentences and photo captions
//     are never read. Dates read from text have day precision (midnight UTC).
//   - Section headings inside the article ("Russia and Iran's ties") stay in
//     the body as paragraphs of their own: they are the writer's text and
//     later stages may use them. Page chrome headings ("Description",
//     "Category", "Related stories") are set aside.
//   - A paragraph that repeats another, or that another contains (a teaser
//     repeating a sentence of the body), is set aside as AsideOther; the
//     longer or earlier copy stays in the body.
//   - A wire service is credited by the byline, a dateline credit
//     ("(Reuters)"), a closing credit ("—AFP"), a "Source:" line or a
//     copyright line. "X contributed to this report" and photo credits do
//     not make an article a wire copy.
package clean

import (
	"errors"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// ErrEmpty reports an input with no article text at all (nothing left once
// boilerplate is set aside).
var ErrEmpty = errors.New("clean: no article text")

// Input is one raw article. Metadata given by the source (JSON fields, feed
// items) is trusted over anything read from the text.
type Input struct {
	Text string // plain text or Markdown, as scraped
	HTML []byte // an HTML page; when set, Text is ignored

	URL, Title, Outlet, Byline string
	Published                  time.Time // zero when unknown
}

// Result is a cleaned article. Fields that cannot be known stay empty.
type Result struct {
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Wire      string    `json:"wire"` // wire service credited (AFP, AP, Reuters...), if any
	URL       string    `json:"url"`
	Outlet    string    `json:"outlet"`
	Dateline  string    `json:"dateline"`  // "Tehran", "Salisbury, N.C."
	Published time.Time `json:"published"` // zero when unknown; date precision (midnight UTC) when read from text

	// Body is plain text without Markdown markup, paragraphs separated by
	// a blank line, dateline removed.
	Body string `json:"body"`

	// Asides is the boilerplate set aside from the body, in document order.
	Asides []article.Aside `json:"asides"`

	// Notes are the decisions taken, each with its reason, for display.
	Notes []string `json:"notes"`
}

// Clean cleans one raw article. It returns ErrEmpty, together with
// whatever metadata and asides were found, when no body text remains.
func Clean(in Input) (Result, error) {
	var r Result
	if len(in.HTML) > 0 {
		r = cleanHTML(in)
	} else {
		r = cleanText(in.Text, in, sourceMeta{})
	}
	if r.Body == "" {
		return r, ErrEmpty
	}
	return r, nil
}
