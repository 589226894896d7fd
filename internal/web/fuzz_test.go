package web

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/store"
)

// FuzzListQuery feeds raw query strings to the list page's parameter
// parser: it never panics, its errors are messages for people, and what
// it accepts survives being written back into a link and read again.
func FuzzListQuery(f *testing.F) {
	for _, s := range []string{
		"", "from=2022-12-01&to=2022-12-31", "outlet=The+Moscow+Times", "entity=William%20Burns",
		"from=&to=&outlet=&entity=", "from=31-12-2022", "to=2022-01-01&from=2023-01-01",
		"after=" + encodeCursor(store.StoryKey{Activity: "2022-12-20T00:00:00Z", ID: "s-1"}),
		"after=%00%ff", "outlet=%ff%fe", "entity=" + strings.Repeat("x", 300), "storyline=l-1&after=AAA",
		"outlet=a%0Ab",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		lq, err := parseListQuery(q)
		if err != nil {
			var pe *errParam
			if !errors.As(err, &pe) || pe.msg == "" {
				t.Fatalf("error %v is not a message for people", err)
			}
			return
		}
		v := lq.values()
		if lq.After != nil {
			v.Set("after", encodeCursor(*lq.After))
		}
		again, err := parseListQuery(v)
		if err != nil {
			t.Fatalf("written back as %q, the query fails: %v", v.Encode(), err)
		}
		if again.Filter != lq.Filter || (again.After == nil) != (lq.After == nil) || (lq.After != nil && *again.After != *lq.After) {
			t.Fatalf("round trip changed %+v into %+v", lq, again)
		}
	})
}

// FuzzCursor checks that any cursor text is refused or read, and that
// every key this UI can write reads back the same.
func FuzzCursor(f *testing.F) {
	f.Add("", "2022-12-20T00:00:00Z", "s-82b5c71475d86e5b")
	f.Add("AAAA", "", "s-1")
	f.Add("%%%", "x\x00y", "")
	f.Fuzz(func(t *testing.T, text, activity, id string) {
		if k, err := decodeCursor(text); err == nil {
			if k.ID == "" || !utf8.ValidString(k.Activity) || !utf8.ValidString(k.ID) {
				t.Fatalf("accepted a bad key %+v", k)
			}
			if back, err := decodeCursor(encodeCursor(k)); err != nil || back != k {
				t.Fatalf("key %+v: round trip %+v, %v", k, back, err)
			}
		}
		k := store.StoryKey{Activity: activity, ID: id}
		valid := id != "" && utf8.ValidString(activity) && utf8.ValidString(id) && !strings.ContainsFunc(activity+id, isControl)
		back, err := decodeCursor(encodeCursor(k))
		if valid && (err != nil || back != k) {
			t.Fatalf("key %+v: round trip %+v, %v", k, back, err)
		}
	})
}

// FuzzSearchQuery checks the search page's parameters.
func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"q=Kanani", "q=%22seek+permission%22&page=2", "page=0", "page=-1", "page=99999999999999999999", "q=%ff", "q=a*+-b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw)
		sq, err := parseSearchQuery(q)
		if err != nil {
			var pe *errParam
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a message for people", err)
			}
			return
		}
		if sq.Page < 1 || sq.Page > maxSearchPage || len(sq.Q) > store.MaxQueryBytes || !utf8.ValidString(sq.Q) {
			t.Fatalf("accepted %+v", sq)
		}
	})
}

// FuzzListPage requests the list page with any query against a real
// store with the seeds: the answer is a page (200) or a message about the
// parameters (400), never a server error.
func FuzzListPage(f *testing.F) {
	e := newEnv(f)
	e.ingestSeeds(f)
	for _, s := range []string{"", "outlet=Mehr+News+Agency", "from=2022-12-19", "entity=%27%29%3B+DROP+TABLE+stories%3B--", "after=AAAA", "outlet=%25", "entity=_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.RawQuery = raw
		w := httptest.NewRecorder()
		e.web.ServeHTTP(w, req)
		if w.Code != http.StatusOK && w.Code != http.StatusBadRequest {
			t.Fatalf("%q: status %d\n%.300s", raw, w.Code, w.Body.String())
		}
		if p := inertProblems(w.Body.String()); len(p) > 0 {
			t.Fatalf("%q: %v", raw, p)
		}
	})
}

// FuzzParsePeriod checks the timeline date reader: it never panics and
// returns a period that ends after it starts.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2022-12-16", "2022-W49", "2020-W53", "2021-W53", "2022-11", "2022-spring", "2022-winter", "2022", "1980s", "0000s", "2022-13", "-2022", "2022-W00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start, end, ok := parsePeriod(s)
		if ok && !end.After(start) {
			t.Fatalf("%q: period %v to %v", s, start, end)
		}
	})
}

// FuzzSafeHref checks that only http(s) addresses become links.
func FuzzSafeHref(f *testing.F) {
	for _, s := range []string{"https://example.org/", "javascript:alert(1)", " JAVASCRIPT:x", "http://a/b?c=<d>", "data:,x", "//x", "http:\\\\evil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h := safeHref(s)
		if h == "" {
			return
		}
		if !strings.HasPrefix(h, "http://") && !strings.HasPrefix(h, "https://") {
			t.Fatalf("safeHref(%q) = %q", s, h)
		}
		if strings.ContainsFunc(h, func(r rune) bool { return r < 0x21 || r == 0x7f }) {
			t.Fatalf("safeHref(%q) = %q holds spaces or controls", s, h)
		}
	})
}
