package apiv1

import (
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/store"
)

// Segment is a piece of highlighted text; Hit marks the pieces matching the
// query. Clients join the texts to get the plain text back and mark the
// hits however they show text (escaping each piece).
type Segment struct {
	Text string `json:"text"`
	Hit  bool   `json:"hit"`
}

// SearchHit is one search result: an article or a quote.
type SearchHit struct {
	Kind       string               `json:"kind"`              // "article" or "quote"
	Article    string               `json:"article,omitempty"` // the article's ID ("" for a quote of unknown article)
	Story      *string              `json:"story"`             // the story's ID; null for an article not yet clustered
	Title      string               `json:"title,omitempty"`   // articles
	Outlet     string               `json:"outlet,omitempty"`  // articles
	Published  *string              `json:"published,omitempty"`
	Speaker    string               `json:"speaker,omitempty"` // quotes
	Text       string               `json:"text,omitempty"`    // quotes: the quoted words
	Score      float64              `json:"score"`             // relevance (BM25); higher is better
	Highlights map[string][]Segment `json:"highlights"`        // articles: title, body (a passage); quotes: speaker, text
	URL        string               `json:"url,omitempty"`     // the article's path in the API
}

// SearchResults is a page of search results.
type SearchResults struct {
	Query   string      `json:"query"`
	In      string      `json:"in"`
	Results []SearchHit `json:"results"`
	Next    *string     `json:"next"`
}

// search answers GET /api/v1/search?q=...&in=articles|quotes.
func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := q.Get("q")
	if strings.TrimSpace(query) == "" {
		WriteError(w, http.StatusBadRequest, CodeInvalidParameter, "q (the words to search for) is required")
		return
	}
	in := q.Get("in")
	if in == "" {
		in = "articles"
	}
	if in != "articles" && in != "quotes" {
		WriteError(w, http.StatusBadRequest, CodeInvalidParameter, "in must be articles or quotes")
		return
	}
	limit, err := parseLimit(q)
	if err != nil {
		badParams(w, err)
		return
	}
	fp := fingerprint(query, in)
	offset := 0
	if s := q.Get("cursor"); s != "" {
		c, err := decodeCursor(s, "search", fp)
		if err != nil {
			badParams(w, &cursorError{err})
			return
		}
		offset = c.Offset
	}
	out := SearchResults{Query: query, In: in, Results: []SearchHit{}}
	if in == "articles" {
		err = a.searchArticles(r, &out, query, offset, limit)
	} else {
		err = a.searchQuotes(r, &out, query, offset, limit)
	}
	if errors.Is(err, store.ErrBadQuery) {
		WriteError(w, http.StatusBadRequest, CodeInvalidQuery, err.Error())
		return
	}
	if err != nil {
		a.internalError(w, r, err)
		return
	}
	if len(out.Results) > limit {
		out.Results = out.Results[:limit]
		c := encodeCursor(cursor{Kind: "search", Query: fp, Offset: offset + limit})
		out.Next = &c
	}
	WriteJSON(w, http.StatusOK, out)
}

// searchArticles adds up to limit+1 article hits to out.
func (a *API) searchArticles(r *http.Request, out *SearchResults, query string, offset, limit int) error {
	hits, err := a.cfg.Store.SearchArticles(r.Context(), query, offset, limit+1)
	if err != nil {
		return err
	}
	for _, h := range hits {
		out.Results = append(out.Results, NewArticleHit(h))
	}
	return nil
}

// NewArticleHit converts an article found by a search for the API.
func NewArticleHit(h store.ArticleHit) SearchHit {
	return SearchHit{
		Kind: "article", Article: h.ArticleID, Story: nonEmpty(h.StoryID), Title: h.Title, Outlet: h.Outlet,
		Published: dayPtr(h.Published), Score: h.Score,
		Highlights: map[string][]Segment{"title": apiSegments(h.TitleHits), "body": apiSegments(h.BodyHits)},
		URL:        Prefix + "articles/" + url.PathEscape(h.ArticleID),
	}
}

// searchQuotes adds up to limit+1 quote hits to out.
func (a *API) searchQuotes(r *http.Request, out *SearchResults, query string, offset, limit int) error {
	hits, err := a.cfg.Store.SearchQuotes(r.Context(), query, offset, limit+1)
	if err != nil {
		return err
	}
	for _, h := range hits {
		out.Results = append(out.Results, NewQuoteHit(h))
	}
	return nil
}

// NewQuoteHit converts a quote found by a search for the API.
func NewQuoteHit(h store.QuoteHit) SearchHit {
	hit := SearchHit{
		Kind: "quote", Article: h.ArticleID, Story: nonEmpty(h.StoryID), Speaker: h.Speaker,
		Text: plainText(h.TextHits), Score: h.Score,
		Highlights: map[string][]Segment{"speaker": apiSegments(h.SpeakerHits), "text": apiSegments(h.TextHits)},
	}
	if h.ArticleID != "" {
		hit.URL = Prefix + "articles/" + url.PathEscape(h.ArticleID)
	}
	return hit
}

func apiSegments(segs []store.Segment) []Segment {
	out := make([]Segment, len(segs))
	for i, s := range segs {
		out[i] = Segment{Text: s.Text, Hit: s.Hit}
	}
	return out
}

func plainText(segs []store.Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
