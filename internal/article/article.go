// Package article defines the Article, the unit every stage of Parallax
// passes along, and the identifiers derived from its content.
//
// It depends on the standard library only, so that every other package can
// import it.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Aside is a piece of scraped text that the cleaner set aside from an
// article's body: a photo caption, a licence footer, a "Related article"
// link. Asides are kept, labelled, because some carry facts later stages
// want (captions name people) and because users may want to see what was
// removed.
type Aside struct {
	Kind string `json:"kind"` // one of the Aside* constants
	Text string `json:"text"`
}

// Kinds of Aside.
const (
	AsideCaption  = "caption"  // photo or video caption
	AsideCredit   = "credit"   // photo credit ("Iranian Presidency via ZUMA Press Wire")
	AsidePlayer   = "player"   // media player chrome ("Your browser doesn't support HTML5")
	AsideRelated  = "related"  // "Related article: ..." links
	AsideCategory = "category" // category and tag lists
	AsideLicence  = "licence"  // licence and copyright footers
	AsideURL      = "url"      // "Original url: <...>" lines
	AsideByline   = "byline"   // the byline line itself
	AsideDate     = "date"     // a standalone publish date line
	AsideTitle    = "title"    // the headline line, when it was part of the body
	AsideHeading  = "heading"  // section headings that are page chrome ("Description")
	AsideShare    = "share"    // share widgets, captchas, newsletter prompts
	AsideOther    = "other"
)

// Article is one news article after cleaning. Fields that could not be
// determined from the input are left empty (or zero): Parallax never
// invents an outlet or a date.
type Article struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"` // the path or URL it came from
	Format    string    `json:"format"` // text, markdown, html, json, jsonl
	Title     string    `json:"title"`
	Outlet    string    `json:"outlet"`
	Byline    string    `json:"byline"`
	Wire      string    `json:"wire"` // wire service credited (AFP, Reuters, AP), if any
	URL       string    `json:"url"`
	Published time.Time `json:"-"` // zero when unknown
	Dateline  string    `json:"dateline"`
	Text      string    `json:"text"` // the cleaned body
	Asides    []Aside   `json:"asides"`
	Hash      string    `json:"hash"` // ContentHash of the cleaned body
}

// HasDate reports whether the article's publish date is known.
func (a *Article) HasDate() bool { return !a.Published.IsZero() }

// PublishedDay returns the publish date as "YYYY-MM-DD", or "" when unknown.
func (a *Article) PublishedDay() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(time.DateOnly)
}

// Captions returns the text of the article's photo captions.
func (a *Article) Captions() []string {
	var out []string
	for _, s := range a.Asides {
		if s.Kind == AsideCaption {
			out = append(out, s.Text)
		}
	}
	return out
}

// ContentHash returns the hex SHA-256 of already normalised text. Callers
// normalise first (text.Fold), so that cosmetic differences in whitespace or
// quote marks do not make two copies of an article look different.
func ContentHash(normalised string) string {
	sum := sha256.Sum256([]byte(normalised))
	return hex.EncodeToString(sum[:])
}

// NewID returns an article's stable ID: derived from its URL when it has
// one (the URL identifies an article whose text is later corrected), else
// from its content hash.
func NewID(url, hash string) string {
	if url != "" {
		return IDFromHash(ContentHash(url))
	}
	return IDFromHash(hash)
}

// IDFromHash derives a short, stable article ID from a content hash.
func IDFromHash(hash string) string {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	return hash
}
