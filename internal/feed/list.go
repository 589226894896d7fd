package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html/charset"

	"github.com/parallax-news/parallax/internal/fetch"
)

// Entry is one source named in a sources file.
type Entry struct {
	URL   string
	Title string // may be empty
	Line  int    // where it was read (1-based; for OPML, the outline's line)
}

// MaxEntries is the most sources one sources file may name.
const MaxEntries = 10000

// ErrTooManyEntries is returned by ReadList for a file naming more than
// MaxEntries sources.
var ErrTooManyEntries = errors.New("feed: too many sources in one file")

// ReadList reads a sources file: OPML (as feed readers export their
// subscriptions: every outline with an xmlUrl attribute, at any depth), or
// plain text with one feed URL per line, optionally followed by white space
// and a title. In plain text, blank lines and lines starting with '#' are
// skipped. Entries whose URL is not an absolute http(s) URL are returned as
// problems, one per entry, and a URL named twice is kept once. The error is
// for a file that cannot be read at all.
func ReadList(b []byte) ([]Entry, []error, error) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	var entries []Entry
	var err error
	if isXML(b) {
		entries, err = readOPML(b)
	} else {
		entries, err = readLines(b)
	}
	if err != nil {
		return nil, nil, err
	}
	var out []Entry
	var problems []error
	seen := make(map[string]bool)
	for _, e := range entries {
		u, err := fetch.CheckURL(e.URL)
		if err != nil {
			problems = append(problems, fmt.Errorf("line %d: %w", e.Line, err))
			continue
		}
		e.URL = u.String()
		if seen[e.URL] {
			continue
		}
		seen[e.URL] = true
		out = append(out, e)
	}
	return out, problems, nil
}

// isXML reports whether b starts, after white space, with markup.
func isXML(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '<'
}

func readLines(b []byte) ([]Entry, error) {
	var out []Entry
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 64<<10)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, title := line, ""
		if i := strings.IndexAny(line, " \t"); i >= 0 {
			u, title = line[:i], line[i+1:]
		}
		if len(out) == MaxEntries {
			return nil, fmt.Errorf("%w (more than %d)", ErrTooManyEntries, MaxEntries)
		}
		out = append(out, Entry{URL: u, Title: clip(strings.TrimSpace(title), 300), Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("feed: sources file: %w", err)
	}
	return out, nil
}

// readOPML collects the outlines that carry a feed URL. The XML decoder
// does not expand entities declared in a DTD, so entity bombs stay inert.
func readOPML(b []byte) ([]Entry, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var out []Entry
	sawOPML := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("feed: OPML line %d: %w", line, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "opml":
			sawOPML = true
		case "outline":
			var e Entry
			var text string
			for _, a := range se.Attr {
				switch strings.ToLower(a.Name.Local) {
				case "xmlurl":
					e.URL = strings.TrimSpace(a.Value)
				case "title":
					e.Title = strings.TrimSpace(a.Value)
				case "text":
					text = strings.TrimSpace(a.Value)
				}
			}
			if e.URL == "" {
				continue // a folder
			}
			if e.Title == "" {
				e.Title = text
			}
			e.Title = clip(e.Title, 300)
			e.Line, _ = d.InputPos()
			if len(out) == MaxEntries {
				return nil, fmt.Errorf("%w (more than %d)", ErrTooManyEntries, MaxEntries)
			}
			out = append(out, e)
		}
	}
	if !sawOPML {
		return nil, errors.New("feed: sources file is XML but not OPML")
	}
	return out, nil
}
