package apiv1

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// atomFeed is an Atom (RFC 4287) feed of stories, paged as RFC 5005
// describes (rel="next").
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// storiesFeed answers GET /api/v1/stories.atom: the story listing (same
// parameters) as an Atom feed.
func (a *API) storiesFeed(w http.ResponseWriter, r *http.Request) {
	sts, next, ok := a.pageStories(w, r)
	if !ok {
		return
	}
	base := a.baseURL(r)
	self := base + r.URL.Path
	if r.URL.RawQuery != "" {
		self += "?" + r.URL.RawQuery
	}
	feed := atomFeed{
		ID: base + Prefix + "stories.atom", Title: "Parallax stories", Author: atomPerson{Name: "Parallax"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: self}},
	}
	if next != nil {
		q := r.URL.Query()
		q.Set("cursor", *next)
		feed.Links = append(feed.Links, atomLink{Rel: "next", Type: "application/atom+xml", Href: base + r.URL.Path + "?" + q.Encode()})
	}
	var updated time.Time
	for _, st := range sts {
		e, err := a.atomEntry(r, base, st)
		if err != nil {
			a.internalError(w, r, err)
			return
		}
		feed.Entries = append(feed.Entries, e)
		if st.UpdatedAt.After(updated) {
			updated = st.UpdatedAt
		}
	}
	if updated.IsZero() {
		updated = time.Now()
	}
	feed.Updated = updated.UTC().Format(time.RFC3339)
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		a.internalError(w, r, err)
		return
	}
	buf.WriteByte('\n')
	writeBody(w, http.StatusOK, "application/atom+xml; charset=utf-8", buf.Bytes())
}

// atomEntry is one story as a feed entry; its summary is the story's
// cited summary, as plain text.
func (a *API) atomEntry(r *http.Request, base string, st store.StorySummary) (atomEntry, error) {
	api := base + Prefix + "stories/" + url.PathEscape(st.ID)
	e := atomEntry{
		ID: api, Title: st.Title, Updated: st.UpdatedAt.UTC().Format(time.RFC3339),
		Links: []atomLink{{Rel: "alternate", Type: "application/json", Href: api}},
	}
	if e.Title == "" {
		e.Title = "(untitled story)"
	}
	if !st.FirstSeen.IsZero() {
		e.Published = st.FirstSeen.UTC().Format(time.RFC3339)
	}
	if a.cfg.StoryPage != nil {
		e.Links = append(e.Links, atomLink{Rel: "alternate", Type: "text/html", Href: base + a.cfg.StoryPage(st.ID)})
	}
	for _, o := range st.Outlets {
		e.Categories = append(e.Categories, atomCategory{Term: o})
	}
	summary := plural(st.Articles, "article")
	if len(st.Outlets) > 0 {
		summary += " from " + strings.Join(st.Outlets, ", ")
	}
	summary += "."
	if st.Ready {
		raw, err := a.cfg.Store.StoryBrief(r.Context(), st.ID)
		switch {
		case errors.Is(err, store.ErrNotFound), errors.Is(err, store.ErrNotBuilt):
			// Re-clustered since it was listed.
		case err != nil:
			return e, err
		default:
			var obj struct {
				Summary []struct {
					Text string `json:"text"`
				} `json:"summary"`
			}
			if json.Unmarshal(raw, &obj) == nil {
				for _, s := range obj.Summary {
					summary += " " + s.Text
				}
			}
		}
	}
	e.Summary = atomText{Type: "text", Text: summary}
	return e, nil
}

// baseURL is the configured base URL, else the request's scheme and host.
func (a *API) baseURL(r *http.Request) string {
	if a.cfg.BaseURL != "" {
		return strings.TrimRight(a.cfg.BaseURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
