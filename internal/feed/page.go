package feed

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
)

// errNotHTML is the problem of an item whose link leads to something other
// than a web page (a PDF, an image, a podcast episode).
var errNotHTML = errors.New("not an HTML page")

// pageRecord turns an item's fetched page into a record for the pipeline.
// The feed's metadata (title, date, author) is passed along: the cleaner
// trusts it over what it reads in the page.
func pageRecord(it Item, resp *fetch.Response) (ingest.Record, error) {
	plain := false
	if ct := resp.ContentType; ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		switch {
		case err != nil, mt == "text/html", mt == "application/xhtml+xml":
		case mt == "text/plain":
			plain = true
		default:
			return ingest.Record{}, fmt.Errorf("%w (%s)", errNotHTML, mt)
		}
	}
	if len(bytes.TrimSpace(resp.Body)) == 0 {
		return ingest.Record{}, fmt.Errorf("%w: empty body", errNotHTML)
	}
	if len(resp.Body) > ingest.MaxArticleBytes {
		return ingest.Record{}, fmt.Errorf("%w (%d bytes)", ingest.ErrTooLarge, len(resp.Body))
	}
	rec := ingest.Record{
		Source: resp.URL, Format: ingest.FormatHTML, Raw: resp.Body,
		URL: it.Link, Title: it.Title, Published: it.Published, Byline: it.Author,
	}
	if plain {
		rec.Format, rec.Text = ingest.FormatText, string(toUTF8(resp.Body, resp.ContentType))
	} else {
		rec.HTML = toUTF8(resp.Body, resp.ContentType)
	}
	return rec, nil
}

// fallbackRecord makes a record from the item's own content, when it has
// enough text.
func fallbackRecord(it Item, feedURL string) (ingest.Record, bool) {
	doc, ok := fallbackHTML(it)
	if !ok {
		return ingest.Record{}, false
	}
	src := it.Link
	if src == "" {
		src = feedURL + "#" + it.Key()
	}
	return ingest.Record{
		Source: src, Format: ingest.FormatHTML, Raw: []byte(it.Content),
		HTML: bytes.ToValidUTF8(doc, []byte("\uFFFD")),
		URL:  it.Link, Title: it.Title, Published: it.Published, Byline: it.Author,
	}, true
}

// pageWords is the number of words of article text the cleaner finds in a
// page record.
func pageWords(r ingest.Record) int {
	res, err := clean.Clean(clean.Input{
		Text: r.Text, HTML: r.HTML, URL: r.URL, Title: r.Title, Byline: r.Byline, Published: r.Published,
	})
	if err != nil {
		return 0
	}
	return len(strings.Fields(res.Body))
}

// toUTF8 decodes a page to UTF-8, by its byte-order mark, its Content-Type
// charset or its <meta> declaration, in that order (the HTML5 rules).
func toUTF8(b []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(b, contentType)
	if strings.EqualFold(name, "utf-8") || enc == nil {
		b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
		if utf8.Valid(b) {
			return b
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	return out
}
