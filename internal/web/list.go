package web

import (
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// listView is the story list page's data.
type listView struct {
	layout
	Form     listForm
	Filtered bool
	Error    string
	Stories  []storyItem
	Next     string // the next page's URL, "" on the last
	Page     int
}

// listForm is what the filter form shows: what was typed.
type listForm struct {
	From, To, Outlet, Entity, Storyline string
}

type storyItem struct {
	ID, Path, Title, Span string
	Articles              int
	Outlets               []outletLink
	Ready                 bool
	Updated               string
}

type outletLink struct{ Name, Href string }

// list answers GET /: stories, newest activity first, filtered by date,
// outlet, entity or storyline, a page at a time. For htmx it answers only
// the results (the form's target) or the next items (the "more" link).
func (h *Handler) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	v := listView{
		layout: h.layout("Stories", ""),
		Form:   listForm{From: q.Get("from"), To: q.Get("to"), Outlet: q.Get("outlet"), Entity: q.Get("entity"), Storyline: q.Get("storyline")},
	}
	w.Header().Set("Vary", "HX-Request, HX-Target")
	lq, err := parseListQuery(q)
	var pe *errParam
	if errors.As(err, &pe) {
		v.Error = pe.msg
		h.render(w, r, http.StatusBadRequest, "list", listBlock(r), v)
		return
	}
	v.Filtered = lq.filtered()
	sts, err := h.store.ListStories(r.Context(), lq.Filter, lq.After, h.pageSize+1)
	if err != nil {
		h.storeError(w, r, "story list", err)
		return
	}
	if len(sts) > h.pageSize {
		sts = sts[:h.pageSize]
		nq := lq.values()
		nq.Set("after", encodeCursor(sts[len(sts)-1].Key))
		v.Next = "/?" + nq.Encode()
	}
	for _, st := range sts {
		v.Stories = append(v.Stories, newStoryItem(st))
	}
	h.render(w, r, http.StatusOK, "list", listBlock(r), v)
}

// listBlock is the template block an htmx request wants, "" for the page.
func listBlock(r *http.Request) string {
	switch target, ok := isHTMX(r); {
	case !ok:
		return ""
	case target == "more":
		return "items"
	case target == "results":
		return "results"
	}
	return ""
}

func newStoryItem(st store.StorySummary) storyItem {
	it := storyItem{ID: st.ID, Path: StoryPath(st.ID), Title: st.Title, Articles: st.Articles, Ready: st.Ready}
	if it.Title == "" {
		it.Title = "Untitled story"
	}
	if !st.FirstSeen.IsZero() {
		f, l := day(st.FirstSeen), day(st.LastSeen)
		it.Span = span(&f, &l)
	}
	if !st.UpdatedAt.IsZero() {
		it.Updated = st.UpdatedAt.UTC().Format(time.RFC3339)
	}
	for _, o := range st.Outlets {
		it.Outlets = append(it.Outlets, outletLink{Name: o, Href: "/?" + url.Values{"outlet": {o}}.Encode()})
	}
	return it
}
