package apiv1

import (
	"encoding/base64"
	"encoding/json"
	"hash/fnv"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// cursor is the position a page ends at, for the next page. It travels as
// base64url JSON and carries a fingerprint of the query it belongs to, so
// a cursor replayed with other filters is refused rather than misread.
type cursor struct {
	V      int    `json:"v"`
	Kind   string `json:"k"`           // "stories" or "search"
	Query  string `json:"f"`           // fingerprint of the filters or search
	After  string `json:"a,omitempty"` // stories: the last story's activity key
	ID     string `json:"i,omitempty"` // stories: the last story's ID
	Offset int    `json:"o,omitempty"` // search: results already given
}

// maxCursorLen bounds the cursor text decoded.
const maxCursorLen = 1024

func encodeCursor(c cursor) string {
	c.V = 1
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor given back by a client, checking it is of the
// kind and query expected.
func decodeCursor(s, kind, query string) (cursor, error) {
	var c cursor
	if len(s) > maxCursorLen {
		return c, errorf("cursor too long")
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return c, errorf("cursor is not one this API gave")
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil || dec.More() || c.V != 1 {
		return cursor{}, errorf("cursor is not one this API gave")
	}
	switch {
	case c.Kind != kind:
		return cursor{}, errorf("cursor belongs to another list")
	case c.Query != query:
		return cursor{}, errorf("cursor belongs to another query; pass the same filters as the first page")
	case c.Offset < 0 || !utf8.ValidString(c.After) || !utf8.ValidString(c.ID):
		return cursor{}, errorf("cursor is not one this API gave")
	}
	return c, nil
}

// fingerprint is a short hash of a query's parameters.
func fingerprint(parts ...string) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// parseLimit reads "limit": DefaultLimit when absent, else 1..MaxLimit.
func parseLimit(q url.Values) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, errorf("limit must be a whole number from 1 to %d", MaxLimit)
	}
	return n, nil
}

// storyQuery is a parsed story listing request.
type storyQuery struct {
	filter store.StoryFilter
	after  *store.StoryKey
	limit  int
	print  string // fingerprint of the filter
}

// parseStoryQuery reads the listing parameters: limit, cursor, from, to
// (YYYY-MM-DD, inclusive), outlet, entity and storyline. A cursor error is
// reported as *cursorError.
func parseStoryQuery(q url.Values) (storyQuery, error) {
	var sq storyQuery
	var err error
	if sq.limit, err = parseLimit(q); err != nil {
		return sq, err
	}
	if sq.filter.From, err = parseDay(q, "from"); err != nil {
		return sq, err
	}
	if sq.filter.To, err = parseDay(q, "to"); err != nil {
		return sq, err
	}
	if !sq.filter.From.IsZero() && !sq.filter.To.IsZero() && sq.filter.To.Before(sq.filter.From) {
		return sq, errorf("to (%s) is before from (%s)", q.Get("to"), q.Get("from"))
	}
	for _, p := range []struct {
		name string
		dst  *string
	}{{"outlet", &sq.filter.Outlet}, {"entity", &sq.filter.Entity}, {"storyline", &sq.filter.Storyline}} {
		v := strings.TrimSpace(q.Get(p.name))
		if len(v) > 500 || !utf8.ValidString(v) {
			return sq, errorf("%s must be UTF-8 text of at most 500 bytes", p.name)
		}
		*p.dst = v
	}
	f := sq.filter
	sq.print = fingerprint(day(f.From), day(f.To), f.Outlet, f.Entity, f.Storyline)
	if s := q.Get("cursor"); s != "" {
		c, err := decodeCursor(s, "stories", sq.print)
		if err != nil {
			return sq, &cursorError{err}
		}
		sq.after = &store.StoryKey{Activity: c.After, ID: c.ID}
	}
	return sq, nil
}

// cursorError marks a bad cursor (code invalid_cursor).
type cursorError struct{ err error }

func (e *cursorError) Error() string { return e.err.Error() }

func (e *cursorError) Unwrap() error { return e.err }

func parseDay(q url.Values, name string) (time.Time, error) {
	s := q.Get(name)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, errorf("%s must be a date YYYY-MM-DD, got %q", name, truncate(s, 40))
	}
	return t, nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// dayPtr is a date as the story object shows it: "YYYY-MM-DD" or null.
func dayPtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.UTC().Format(time.DateOnly)
	return &s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
