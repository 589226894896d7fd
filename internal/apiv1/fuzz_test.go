package apiv1

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeArticles checks the POST body reader on any bytes: it never
// panics; a body it accepts yields one entry per posted item, each a
// record with text or HTML, or an error.
func FuzzDecodeArticles(f *testing.F) {
	for _, s := range []string{
		`{"title":"A","text":"Body.","published":"2022-12-18"}`,
		`[{"html":"<p>x</p>"},{"text":""},7,null,[],{"text":"b","published":5}]`,
		`{"content":"c","link":"https://x.test","date":"Dec 18, 2022","author":"AFP","source":"TASS"}`,
		`[`, `"x"`, ``, `{"text":"\u0000\ud800"}`, "\xef\xbb\xbf{\"text\":\"bom\"}", `[{"text":"a"}] trailing`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := decodeArticles(body)
		if err != nil {
			if items != nil {
				t.Fatalf("refused body yields items")
			}
			return
		}
		if len(items) == 0 {
			t.Fatalf("accepted body with no item")
		}
		for i, it := range items {
			if it.err != nil {
				continue
			}
			if strings.TrimSpace(it.rec.Text) == "" && len(it.rec.HTML) == 0 {
				t.Fatalf("item %d: a record with neither text nor html", i)
			}
			if !utf8.ValidString(it.rec.Text) {
				t.Fatalf("item %d: text not UTF-8", i)
			}
		}
	})
}

// FuzzDecodeCursor checks that any cursor text is refused or decodes to a
// cursor of the asked kind and query, and that encoded cursors round-trip.
func FuzzDecodeCursor(f *testing.F) {
	f.Add("eyJ2IjoxLCJrIjoic3RvcmllcyIsImYiOiJhYmMifQ", "abc", "2022-12-20T00:00:00Z", "s-1", 0)
	f.Add("", "", "", "", 5)
	f.Add("e30", "x", "\xff", "id", -1)
	f.Fuzz(func(t *testing.T, s, query, after, id string, offset int) {
		if c, err := decodeCursor(s, "stories", query); err == nil {
			if c.Kind != "stories" || c.Query != query || c.Offset < 0 {
				t.Fatalf("decoded %+v for kind stories, query %q", c, query)
			}
		}
		in := cursor{Kind: "search", Query: query, After: after, ID: id, Offset: offset}
		enc := encodeCursor(in)
		out, err := decodeCursor(enc, "search", query)
		switch {
		case offset < 0:
			if err == nil {
				t.Fatalf("accepted a negative offset: %+v", out)
			}
		case !utf8.ValidString(query) || !utf8.ValidString(after) || !utf8.ValidString(id) || len(enc) > maxCursorLen:
			// JSON turns invalid UTF-8 into U+FFFD, and long cursors are
			// refused; store keys and fingerprints are short valid text.
		case err != nil:
			t.Fatalf("cursor %+v does not round-trip: %v", in, err)
		case out.After != after || out.ID != id || out.Offset != offset:
			t.Fatalf("round trip %+v -> %+v", in, out)
		}
	})
}

// FuzzQueryParams checks the query-string checks and the story listing's
// parameter reader on any query string: no panic, and what is accepted is
// in range.
func FuzzQueryParams(f *testing.F) {
	for _, s := range []string{"limit=5&from=2022-12-01&to=2022-12-31&outlet=PBS", "limit=101", "from=2022-13-01",
		"cursor=%ZZ", "entity=%C3%A9&storyline=l", "a=1&a=2", ";", "limit=-1", "to=2022-01-01&from=2022-02-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		if err := checkQuery(raw, listParams); err != nil {
			return
		}
		q, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatalf("checkQuery accepted %q that does not parse", raw)
		}
		sq, err := parseStoryQuery(q)
		if err != nil {
			return
		}
		f := sq.filter
		if sq.limit < 1 || sq.limit > MaxLimit {
			t.Fatalf("limit %d accepted", sq.limit)
		}
		if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
			t.Fatalf("to before from accepted")
		}
		if !utf8.ValidString(f.Outlet) || !utf8.ValidString(f.Entity) || len(f.Outlet) > 500 {
			t.Fatalf("bad filter text accepted")
		}
	})
}
