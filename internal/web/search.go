package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/parallax-news/parallax/internal/store"
)

// searchView is the search page's data. Highlights are Segments: the
// template marks hits with <mark> and escapes every piece; the store's
// snippets are never trusted as HTML.
type searchView struct {
	layout
	Q          string
	Searched   bool
	Error      string
	Page       int
	Articles   []articleHit
	Quotes     []quoteHit
	Prev, Next string
}

type articleHit struct {
	Path, StoryPath string
	Title, Body     []store.Segment
	Outlet, Date    string
}

type quoteHit struct {
	StoryPath, ArticlePath string
	Speaker, Text          []store.Segment
}

// search answers GET /search?q=...&page=N: articles and quotes matching
// the words, most relevant first, with the matching words highlighted.
func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	sq, err := parseSearchQuery(r.URL.Query())
	v := searchView{layout: h.layout("Search", sq.Q), Q: sq.Q, Page: sq.Page}
	if sq.Q != "" {
		v.Title = "Search: " + sq.Q
	}
	var pe *errParam
	if errors.As(err, &pe) {
		v.Error = pe.msg
		h.render(w, r, http.StatusBadRequest, "search", "", v)
		return
	}
	if sq.Q == "" {
		h.render(w, r, http.StatusOK, "search", "", v)
		return
	}
	v.Searched = true
	offset := (sq.Page - 1) * searchPageSize
	arts, err := h.store.SearchArticles(r.Context(), sq.Q, offset, searchPageSize+1)
	if errors.Is(err, store.ErrBadQuery) {
		v.Error = "Type at least one word to look for (words of letters or digits; \"a phrase\" in quotes; -word to leave out)."
		h.render(w, r, http.StatusBadRequest, "search", "", v)
		return
	}
	if err != nil {
		h.storeError(w, r, "search", err)
		return
	}
	quotes, err := h.store.SearchQuotes(r.Context(), sq.Q, offset, searchPageSize+1)
	if err != nil && !errors.Is(err, store.ErrBadQuery) {
		h.storeError(w, r, "search", err)
		return
	}
	more := len(arts) > searchPageSize || len(quotes) > searchPageSize
	for i, a := range arts {
		if i == searchPageSize {
			break
		}
		hit := articleHit{Path: ArticlePath(a.ArticleID), Title: a.TitleHits, Body: a.BodyHits, Outlet: a.Outlet, Date: day(a.Published)}
		if a.StoryID != "" {
			hit.StoryPath = StoryPath(a.StoryID)
		}
		if len(hit.Title) == 0 {
			hit.Title = []store.Segment{{Text: "Untitled article"}}
		}
		v.Articles = append(v.Articles, hit)
	}
	for i, q := range quotes {
		if i == searchPageSize {
			break
		}
		hit := quoteHit{StoryPath: StoryPath(q.StoryID) + "#quotes", Speaker: q.SpeakerHits, Text: q.TextHits}
		if q.ArticleID != "" {
			hit.ArticlePath = ArticlePath(q.ArticleID)
		}
		if len(hit.Speaker) == 0 {
			hit.Speaker = []store.Segment{{Text: "Speaker unknown"}}
		}
		v.Quotes = append(v.Quotes, hit)
	}
	page := func(n int) string {
		q := url.Values{"q": {sq.Q}}
		if n > 1 {
			q.Set("page", strconv.Itoa(n))
		}
		return "/search?" + q.Encode()
	}
	if sq.Page > 1 {
		v.Prev = page(sq.Page - 1)
	}
	if more && sq.Page < maxSearchPage {
		v.Next = page(sq.Page + 1)
	}
	h.render(w, r, http.StatusOK, "search", "", v)
}
