// Package web is Parallax's web UI: server-rendered HTML pages over the
// store — the story list with filters, the story page (cited summary,
// corroborated facts, quote ledger, framing per outlet, timeline and
// coverage charts, why each article was grouped), the article page (clean
// text, set-aside boilerplate, original bytes, cleaner notes) and search.
//
// Every page reads without JavaScript; htmx (vendored in static/) only
// enhances the list's filter form and "more" link. Pages carry no inline
// script or style, so they run under the server's strict
// Content-Security-Policy; charts are inline SVG styled by presentation
// attributes and the stylesheet. All article-derived text goes through
// html/template's escaping, and links taken from articles are shown as
// links only when they are http(s). The only markup the templates are
// handed ready-made is html/template's own output (each citation, rendered
// once per page and reused) and chart attributes printed from numbers and
// this package's constants.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the web UI runs with. Store is required.
type Config struct {
	Store *store.Store
	// Logger receives errors that become 500 pages; nil discards them.
	Logger *slog.Logger
	// PageSize is the number of stories on a list page (default 20).
	PageSize int
}

// Handler serves the web UI. Create it with New.
type Handler struct {
	store    *store.Store
	log      *slog.Logger
	pageSize int
	pages    map[string]*template.Template
	static   map[string]staticFile
	version  map[string]string // static file name → content hash, for cache busting
	mux      *http.ServeMux
	cache    *storyCache
	bufs     sync.Pool // of *bytes.Buffer, for rendering
	build    string    // hash of the embedded templates and files, for ETags
}

// StoryPath returns the path of a story's page; it is what the server's
// Config.StoryPage wants.
func StoryPath(storyID string) string { return "/stories/" + url.PathEscape(storyID) }

// ArticlePath returns the path of an article's page.
func ArticlePath(articleID string) string { return "/articles/" + url.PathEscape(articleID) }

// New returns the web UI handler. It fails only if the embedded templates
// do not parse, which tests catch.
func New(cfg Config) (*Handler, error) {
	if cfg.Store == nil {
		return nil, errors.New("web: no store")
	}
	h := &Handler{store: cfg.Store, log: cfg.Logger, pageSize: cfg.PageSize, cache: newStoryCache(storyCacheSize)}
	if h.pageSize <= 0 {
		h.pageSize = listPageSize
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if err := h.loadStatic(); err != nil {
		return nil, err
	}
	build, err := buildHash()
	if err != nil {
		return nil, err
	}
	h.build = build
	pages, err := parsePages(h.funcs())
	if err != nil {
		return nil, err
	}
	h.pages = pages
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.list)
	mux.HandleFunc("GET /stories/{id}", h.story)
	mux.HandleFunc("GET /stories/{id}/facts", h.storyFacts)
	mux.HandleFunc("GET /stories/{id}/quotes", h.storyQuotes)
	mux.HandleFunc("GET /articles/{id}", h.article)
	mux.HandleFunc("GET /articles/{id}/original", h.original)
	mux.HandleFunc("GET /search", h.search)
	mux.HandleFunc("GET /static/{file}", h.serveStatic)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			h.errorPage(w, r, http.StatusMethodNotAllowed, "This page only answers GET.")
			return
		}
		h.errorPage(w, r, http.StatusNotFound, "There is no page at this address.")
	})
	h.mux = mux
	return h, nil
}

// ServeHTTP serves the UI's pages.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mux.ServeHTTP(w, r)
}

// pageNames are the page templates, each parsed with layout.html.
var pageNames = []string{"list", "story", "section", "article", "search", "error"}

func parsePages(funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	pages := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(templateFS, "templates/"+name+".html")
		}
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// buildHash hashes every embedded template and static file: pages
// rendered by another build differ.
func buildHash() (string, error) {
	sum := sha256.New()
	for _, fsys := range []fs.FS{templateFS, staticFS} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			sum.Write([]byte(p))
			sum.Write(b)
			return err
		})
		if err != nil {
			return "", fmt.Errorf("web: %w", err)
		}
	}
	return hex.EncodeToString(sum.Sum(nil)[:6]), nil
}

// staticFile is an embedded asset.
type staticFile struct {
	data        []byte
	contentType string
}

var staticTypes = map[string]string{
	".css":     "text/css; charset=utf-8",
	".js":      "text/javascript; charset=utf-8",
	".LICENSE": "text/plain; charset=utf-8",
	".svg":     "image/svg+xml",
}

func (h *Handler) loadStatic() error {
	h.static = map[string]staticFile{}
	h.version = map[string]string{}
	return fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := path.Base(p)
		ct, ok := staticTypes[path.Ext(name)]
		if !ok {
			ct = "application/octet-stream"
		}
		sum := sha256.Sum256(data)
		h.static[name] = staticFile{data: data, contentType: ct}
		h.version[name] = hex.EncodeToString(sum[:6])
		return nil
	})
}

// staticURL is the versioned URL of a static file.
func (h *Handler) staticURL(name string) string {
	return "/static/" + name + "?v=" + h.version[name]
}

func (h *Handler) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	f, ok := h.static[name]
	if !ok {
		h.errorPage(w, r, http.StatusNotFound, "There is no such file.")
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.contentType)
	hd.Set("X-Content-Type-Options", "nosniff")
	if r.URL.Query().Get("v") == h.version[name] {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "public, max-age=300")
	}
	etag := `"` + h.version[name] + `"`
	hd.Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(f.data)
}

// funcs are the templates' helpers.
func (h *Handler) funcs() template.FuncMap {
	return template.FuncMap{}
}

// layout is what every page template gets besides its own data.
type layout struct {
	Title  string
	Query  string // the search box's text
	CSS    string
	Script string
	Icon   string
}

func (h *Handler) layout(title, query string) layout {
	return layout{Title: title, Query: query, CSS: h.staticURL("style.css"), Script: h.staticURL("htmx.min.js"), Icon: h.staticURL("favicon.svg")}
}

// render executes a page (or one of its named blocks, for htmx) into a
// buffer, so that a template error becomes a clean 500, then writes it.
func (h *Handler) render(w http.ResponseWriter, r *http.Request, status int, page, block string, data any) {
	buf := h.buffer()
	defer h.release(buf)
	if err := h.execute(buf, page, block, data); err != nil {
		h.renderError(w, r, page, err)
		return
	}
	h.writeHTML(w, r, status, buf.Bytes(), "")
}

// buffer returns an empty buffer to render a page into; release gives it
// back.
func (h *Handler) buffer() *bytes.Buffer {
	buf, _ := h.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = bytes.NewBuffer(make([]byte, 0, 64<<10))
	}
	buf.Reset()
	return buf
}

func (h *Handler) release(buf *bytes.Buffer) {
	if buf.Cap() <= 1<<20 {
		h.bufs.Put(buf)
	}
}

func (h *Handler) execute(buf *bytes.Buffer, page, block string, data any) error {
	if block == "" {
		block = "layout.html"
	}
	return h.pages[page].ExecuteTemplate(buf, block, data)
}

func (h *Handler) renderError(w http.ResponseWriter, r *http.Request, page string, err error) {
	h.log.ErrorContext(r.Context(), "web: render", "page", page, "err", err)
	http.Error(w, "internal error rendering the page", http.StatusInternalServerError)
}

// writeHTML sends a rendered page; with an etag, it answers 304 to a
// request that already has this version.
func (h *Handler) writeHTML(w http.ResponseWriter, r *http.Request, status int, body []byte, etag string) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("X-Content-Type-Options", "nosniff")
	if hd.Get("Cache-Control") == "" {
		hd.Set("Cache-Control", "no-cache")
	}
	if etag != "" {
		hd.Set("ETag", etag)
		if status == http.StatusOK && r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(body)
	}
}

// errorData is the error page's data.
type errorData struct {
	layout
	Status  int
	Heading string
	Message string
}

func (h *Handler) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	h.render(w, r, status, "error", "", errorData{
		layout: h.layout(http.StatusText(status), ""), Status: status, Heading: http.StatusText(status), Message: msg,
	})
}

// storeError answers for a failed store read: 404 for ErrNotFound, 500
// (logged) otherwise.
func (h *Handler) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		h.errorPage(w, r, http.StatusNotFound, "There is no such "+what+".")
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		h.log.ErrorContext(r.Context(), "web: store", "what", what, "err", err)
		h.errorPage(w, r, http.StatusInternalServerError, "Something went wrong reading the "+what+".")
	}
}

// isHTMX reports whether a request comes from htmx and is not a history
// restore (which needs the whole page); target is the element it swaps.
func isHTMX(r *http.Request) (target string, ok bool) {
	if r.Header.Get("HX-Request") != "true" || r.Header.Get("HX-History-Restore-Request") == "true" {
		return "", false
	}
	return r.Header.Get("HX-Target"), true
}

// safeHref returns raw as a link target when it is an absolute http(s)
// URL with a host, and "" otherwise (the caller then shows it as text).
func safeHref(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 4096 || strings.ContainsFunc(raw, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return ""
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}
