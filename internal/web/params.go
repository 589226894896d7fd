package web

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// Limits on query parameters.
const (
	maxParamBytes  = 200 // outlet, entity, storyline
	maxCursorBytes = 600 // the encoded cursor
	maxSearchPage  = 50  // pages of search results one can walk to
	listPageSize   = 20
	searchPageSize = 15
)

// errParam is a query parameter people can fix; its text is shown.
type errParam struct{ msg string }

func (e *errParam) Error() string { return e.msg }

func paramErrorf(format string, args ...any) error {
	return &errParam{fmt.Sprintf(format, args...)}
}

// listQuery is a parsed story list request: the filter, and where the page
// starts.
type listQuery struct {
	Filter store.StoryFilter
	After  *store.StoryKey
}

// parseListQuery reads the list page's parameters: from and to
// (YYYY-MM-DD, inclusive; empty is no bound), outlet, entity, storyline,
// and after (a cursor this UI gave). Unknown parameters are ignored, as a
// browser form may add its own.
func parseListQuery(q url.Values) (listQuery, error) {
	var lq listQuery
	var err error
	if lq.Filter.From, err = parseDay(q.Get("from"), "from"); err != nil {
		return lq, err
	}
	if lq.Filter.To, err = parseDay(q.Get("to"), "to"); err != nil {
		return lq, err
	}
	if f := lq.Filter; !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return lq, paramErrorf("The end date (%s) is before the start date (%s).", day(f.To), day(f.From))
	}
	for _, p := range []struct {
		name, label string
		dst         *string
	}{
		{"outlet", "outlet", &lq.Filter.Outlet},
		{"entity", "person, organisation or place", &lq.Filter.Entity},
		{"storyline", "storyline", &lq.Filter.Storyline},
	} {
		v, err := textParam(q.Get(p.name), p.label)
		if err != nil {
			return lq, err
		}
		*p.dst = v
	}
	if c := q.Get("after"); c != "" {
		k, err := decodeCursor(c)
		if err != nil {
			return lq, err
		}
		lq.After = &k
	}
	return lq, nil
}

// values is the query of the list page showing lq's filter (without the
// cursor).
func (lq listQuery) values() url.Values {
	v := url.Values{}
	f := lq.Filter
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	set("from", day(f.From))
	set("to", day(f.To))
	set("outlet", f.Outlet)
	set("entity", f.Entity)
	set("storyline", f.Storyline)
	return v
}

// filtered reports whether any filter is set.
func (lq listQuery) filtered() bool { return len(lq.values()) > 0 }

func textParam(s, label string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > maxParamBytes || !utf8.ValidString(s) || strings.ContainsFunc(s, isControl) {
		return "", paramErrorf("The %s must be text of at most %d bytes.", label, maxParamBytes)
	}
	return s, nil
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

func parseDay(s, name string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, paramErrorf("The %s date must be written YYYY-MM-DD.", map[string]string{"from": "start", "to": "end"}[name])
	}
	return t, nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// A cursor is a listing key in base64url: the activity key, a NUL, and
// the story ID.
func encodeCursor(k store.StoryKey) string {
	return base64.RawURLEncoding.EncodeToString([]byte(k.Activity + "\x00" + k.ID))
}

func decodeCursor(s string) (store.StoryKey, error) {
	bad := func() (store.StoryKey, error) {
		return store.StoryKey{}, &errParam{"This “more” link is broken; start again from the first page."}
	}
	if len(s) > maxCursorBytes {
		return bad()
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad()
	}
	activity, id, ok := strings.Cut(string(b), "\x00")
	if !ok || id == "" || !utf8.ValidString(activity) || !utf8.ValidString(id) ||
		strings.ContainsFunc(activity, isControl) || strings.ContainsFunc(id, isControl) {
		return bad()
	}
	return store.StoryKey{Activity: activity, ID: id}, nil
}

// searchQuery is a parsed search request.
type searchQuery struct {
	Q    string
	Page int // from 1
}

// parseSearchQuery reads q (the words) and page (1 to maxSearchPage).
func parseSearchQuery(q url.Values) (searchQuery, error) {
	sq := searchQuery{Q: strings.TrimSpace(q.Get("q")), Page: 1}
	if len(sq.Q) > store.MaxQueryBytes || !utf8.ValidString(sq.Q) {
		return searchQuery{Page: 1}, paramErrorf("The search is too long (at most %d bytes).", store.MaxQueryBytes)
	}
	if p := q.Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > maxSearchPage {
			return sq, paramErrorf("The page must be a number from 1 to %d.", maxSearchPage)
		}
		sq.Page = n
	}
	return sq, nil
}
