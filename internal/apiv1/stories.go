package apiv1

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// StoryItem is one story in a list: what a list needs without the story
// object.
type StoryItem struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Storyline    string   `json:"storyline"`
	First        *string  `json:"first"` // earliest member publish date "YYYY-MM-DD", or null
	Last         *string  `json:"last"`
	Updated      string   `json:"updated"` // when the membership last changed (RFC 3339)
	ArticleCount int      `json:"article_count"`
	Outlets      []string `json:"outlets"`
	Ready        bool     `json:"ready"` // the story object is built; false while it is (re)built
	URL          string   `json:"url"`   // the story object's path
}

// StoryList is a page of stories.
type StoryList struct {
	Stories []StoryItem `json:"stories"`
	Next    *string     `json:"next"` // cursor of the next page; null on the last
}

// NewStoryItem converts a listed story for the API.
func NewStoryItem(st store.StorySummary) StoryItem {
	return StoryItem{
		ID: st.ID, Title: st.Title, Storyline: st.Storyline,
		First: dayPtr(st.FirstSeen), Last: dayPtr(st.LastSeen), Updated: st.UpdatedAt.UTC().Format(time.RFC3339),
		ArticleCount: st.Articles, Outlets: st.Outlets, Ready: st.Ready,
		URL: Prefix + "stories/" + url.PathEscape(st.ID),
	}
}

// pageStories reads the listing parameters of r and returns the page of
// stories and the next page's cursor. On a bad request or a failure it has
// answered already and returns ok false.
func (a *API) pageStories(w http.ResponseWriter, r *http.Request) (sts []store.StorySummary, next *string, ok bool) {
	sq, err := parseStoryQuery(r.URL.Query())
	if err != nil {
		badParams(w, err)
		return nil, nil, false
	}
	sts, err = a.cfg.Store.ListStories(r.Context(), sq.filter, sq.after, sq.limit+1)
	if err != nil {
		a.internalError(w, r, err)
		return nil, nil, false
	}
	if len(sts) > sq.limit {
		sts = sts[:sq.limit]
		last := sts[len(sts)-1].Key
		c := encodeCursor(cursor{Kind: "stories", Query: sq.print, After: last.Activity, ID: last.ID})
		next = &c
	}
	return sts, next, true
}

// badParams answers 400 for a parameter or cursor error.
func badParams(w http.ResponseWriter, err error) {
	var ce *cursorError
	if errors.As(err, &ce) {
		WriteError(w, http.StatusBadRequest, CodeInvalidCursor, err.Error())
		return
	}
	WriteError(w, http.StatusBadRequest, CodeInvalidParameter, err.Error())
}

// listStories answers GET /api/v1/stories.
func (a *API) listStories(w http.ResponseWriter, r *http.Request) {
	sts, next, ok := a.pageStories(w, r)
	if !ok {
		return
	}
	out := StoryList{Stories: make([]StoryItem, 0, len(sts)), Next: next}
	for _, st := range sts {
		out.Stories = append(out.Stories, NewStoryItem(st))
	}
	WriteJSON(w, http.StatusOK, out)
}

// getStory answers GET /api/v1/stories/{id} with the stored story object.
func (a *API) getStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := a.cfg.Store.StoryBrief(r.Context(), id)
	if err != nil {
		a.storyError(w, r, id, err)
		return
	}
	writeRawJSON(w, http.StatusOK, b)
}

// storyError answers for a story that could not be read.
func (a *API) storyError(w http.ResponseWriter, r *http.Request, id string, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		WriteError(w, http.StatusNotFound, CodeNotFound, "no story "+truncate(id, 80))
	case errors.Is(err, store.ErrNotBuilt):
		w.Header().Set("Retry-After", "5")
		WriteError(w, http.StatusServiceUnavailable, CodeNotReady, "story "+truncate(id, 80)+" is being rebuilt; retry shortly")
	default:
		a.internalError(w, r, err)
	}
}
