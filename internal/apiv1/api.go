// Package apiv1 is Parallax's JSON API, version 1, served under /api/v1/:
// stories (listed with filters and cursor pages, one by one as the stored
// story object, exported as JSON Lines, CSV or Markdown, and as an Atom
// feed), articles (read, and posted for ingest) and full-text search. The
// API is described by the OpenAPI 3 document served at
// /api/v1/openapi.json; every route of the package is documented there.
//
// Every error is JSON: {"error":{"code":"not_found","message":"..."}}.
// Lists are paged by an opaque cursor: a response's "next" is passed back
// as ?cursor= to get the following page, and is null on the last page.
package apiv1

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// Prefix is the path under which the API is served.
const Prefix = "/api/v1/"

// MaxPostBytes is the largest request body POST /api/v1/articles accepts;
// a larger body is refused with 413.
const MaxPostBytes = 16 << 20

// Limits of list pages: the default and the largest "limit" accepted (a
// larger one is refused with 400, never cut silently).
const (
	DefaultLimit = 20
	MaxLimit     = 100
)

// Config is what the API serves from.
type Config struct {
	Store *store.Store
	// Ingest cleans and stores records and schedules the story update,
	// returning the outcome of each record; nil makes POST /articles
	// answer 503.
	Ingest func(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error)
	// Logger receives errors the API hides from clients (500s); nil
	// discards them.
	Logger *slog.Logger
	// BaseURL is the absolute URL the service is reached at (such as
	// https://news.example.org), used for links in the Atom feed; empty
	// derives it from each request's Host.
	BaseURL string
	// StoryPage, when set, gives the path of a story's page in the web UI,
	// linked from the Atom feed.
	StoryPage func(storyID string) string
}

// API serves the routes of version 1.
type API struct {
	cfg Config
	log *slog.Logger
}

// New returns the API over cfg.
func New(cfg Config) *API {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &API{cfg: cfg, log: log}
}

// Route is one method and path the API answers, with the query parameters
// it accepts (any other is refused with 400) and its largest request body
// (0: none read).
type Route struct {
	Method  string
	Pattern string // a net/http ServeMux pattern without the method
	Query   []string
	MaxBody int64
	Handler http.HandlerFunc
}

var listParams = []string{"limit", "cursor", "from", "to", "outlet", "entity", "storyline"}

// Routes returns every route of the API.
func (a *API) Routes() []Route {
	return []Route{
		{Method: "GET", Pattern: "/api/v1/openapi.json", Handler: a.openAPI},
		{Method: "GET", Pattern: "/api/v1/stories", Query: listParams, Handler: a.listStories},
		{Method: "GET", Pattern: "/api/v1/stories.atom", Query: listParams, Handler: a.storiesFeed},
		{Method: "GET", Pattern: "/api/v1/stories/{id}", Handler: a.getStory},
		{Method: "GET", Pattern: "/api/v1/stories/{id}/export", Query: []string{"format"}, Handler: a.exportStory},
		{Method: "GET", Pattern: "/api/v1/articles/{id}", Handler: a.getArticle},
		{Method: "POST", Pattern: "/api/v1/articles", MaxBody: MaxPostBytes, Handler: a.postArticles},
		{Method: "GET", Pattern: "/api/v1/search", Query: []string{"q", "in", "limit", "cursor"}, Handler: a.search},
	}
}

// Handler returns the API's routes on a mux, with JSON errors for unknown
// paths under Prefix (404) and unsupported methods (405).
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	Mount(mux, a.Routes())
	mux.HandleFunc(Prefix, func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, http.StatusNotFound, CodeNotFound, "no such API path: "+r.URL.Path)
	})
	return mux
}

// Mount registers routes on mux: each pattern answers its methods (GET
// also answers HEAD), refuses others with a JSON 405 and an Allow header,
// refuses query parameters the route does not accept, and limits the
// request body.
func Mount(mux *http.ServeMux, routes []Route) {
	byPattern := make(map[string][]Route)
	var order []string
	for _, rt := range routes {
		if _, ok := byPattern[rt.Pattern]; !ok {
			order = append(order, rt.Pattern)
		}
		byPattern[rt.Pattern] = append(byPattern[rt.Pattern], rt)
	}
	for _, p := range order {
		mux.Handle(p, dispatch(byPattern[p]))
	}
}

// dispatch picks the route for the request's method.
func dispatch(routes []Route) http.Handler {
	var allow []string
	for _, rt := range routes {
		allow = append(allow, rt.Method)
		if rt.Method == "GET" {
			allow = append(allow, "HEAD")
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		method := r.Method
		if method == "HEAD" {
			method = "GET"
		}
		for _, rt := range routes {
			if rt.Method != method {
				continue
			}
			if err := checkQuery(r.URL.RawQuery, rt.Query); err != nil {
				WriteError(w, http.StatusBadRequest, CodeInvalidParameter, err.Error())
				return
			}
			if rt.MaxBody > 0 {
				r.Body = http.MaxBytesReader(w, r.Body, rt.MaxBody)
			}
			rt.Handler(w, r)
			return
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		WriteError(w, http.StatusMethodNotAllowed, CodeMethodNotAllowed, r.Method+" is not allowed here (allowed: "+strings.Join(allow, ", ")+")")
	})
}

// checkQuery refuses a query string that does not parse, names a
// parameter not in allowed, or repeats one.
func checkQuery(raw string, allowed []string) error {
	q, err := url.ParseQuery(raw)
	if err != nil {
		return errorf("malformed query string: %v", err)
	}
	for k, vs := range q {
		if !contains(allowed, k) {
			if len(allowed) == 0 {
				return errorf("unknown parameter %q (this path takes none)", k)
			}
			return errorf("unknown parameter %q (accepted: %s)", k, strings.Join(allowed, ", "))
		}
		if len(vs) > 1 {
			return errorf("parameter %q given %d times", k, len(vs))
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
