package ingest

import (
	"errors"
	"time"
)

// Formats of input.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatJSON     = "json"
	FormatJSONL    = "jsonl"
)

// Record is one article as read from its input, before cleaning. Exactly one
// of Text and HTML is set. Metadata fields hold only what the input states
// explicitly (JSON fields); the cleaner finds the rest.
type Record struct {
	Source string // path, "-" for stdin, or path#N for the Nth record of a JSON file
	Format string // one of the Format* constants, as detected
	Raw    []byte // the original bytes of this record

	Text string // plain text or Markdown, valid UTF-8
	HTML []byte // an HTML document, converted to UTF-8

	Title, URL, Outlet, Byline string
	Published                  time.Time // zero when not given
}

// Errors for inputs that cannot hold an article. They are wrapped with the
// path by the functions that return them.
var (
	ErrEmpty    = errors.New("empty input")
	ErrBinary   = errors.New("binary content, not text")
	ErrTooLarge = errors.New("too large for one article")
	ErrNoText   = errors.New("record has neither text nor html")
	ErrLoop     = errors.New("symbolic link loop")
)

// MaxArticleBytes is the largest single article (a text or HTML file, or one
// JSON record) that ingest accepts. Larger inputs are almost always dumps,
// logs or binaries mistaken for articles.
const MaxArticleBytes = 8 << 20

// MaxFileBytes is the largest JSON or JSON Lines file ingest reads; JSON
// Lines files are read a record at a time, so only JSON arrays are held in
// memory whole.
const MaxFileBytes = 1 << 30
