package web

import (
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
)

// maxOriginalShown is how much of an article's original bytes its page
// shows; the whole is at /articles/{id}/original.
const maxOriginalShown = 64 << 10

// articleView is the article page's data.
type articleView struct {
	layout
	ID, Title, Outlet, Byline, Wire string
	Date, Dateline, Format, Source  string
	URL, Href                       string
	StoryPath                       string
	Paragraphs                      []string
	Asides                          []asideGroup
	Notes                           []string
	Original                        string // shown in a <pre>; "" when not shown
	OriginalNote                    string
	OriginalPath                    string
	OriginalSize                    string
}

type asideGroup struct {
	Kind, Label string
	Texts       []string
}

// asideLabels names each kind of set-aside text for people.
var asideLabels = map[string]string{
	article.AsideCaption:  "Photo and video captions",
	article.AsideCredit:   "Photo credits",
	article.AsidePlayer:   "Media player text",
	article.AsideRelated:  "“Related article” links",
	article.AsideCategory: "Categories and tags",
	article.AsideLicence:  "Licence and copyright footers",
	article.AsideURL:      "Original URL lines",
	article.AsideByline:   "Byline line",
	article.AsideDate:     "Date line",
	article.AsideTitle:    "Headline line",
	article.AsideHeading:  "Page headings",
	article.AsideShare:    "Share widgets and prompts",
	article.AsideOther:    "Other page text",
}

// article answers GET /articles/{id}: the cleaned text and metadata, what
// the cleaner set aside and why, and the original bytes.
func (h *Handler) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id := r.PathValue("id")
	a, err := h.store.Article(ctx, id)
	if err != nil {
		h.storeError(w, r, "article", err)
		return
	}
	notes, err := h.store.ArticleNotes(ctx, id)
	if err != nil {
		h.storeError(w, r, "article", err)
		return
	}
	orig, err := h.store.Original(ctx, id)
	if err != nil {
		h.storeError(w, r, "article", err)
		return
	}
	storyID, err := h.store.ArticleStory(ctx, id)
	if err != nil {
		h.storeError(w, r, "article", err)
		return
	}
	v := newArticleView(&a, notes, orig)
	if storyID != "" {
		v.StoryPath = StoryPath(storyID)
	}
	v.layout = h.layout(v.Title, "")
	h.render(w, r, http.StatusOK, "article", "", v)
}

func newArticleView(a *article.Article, notes []string, orig []byte) *articleView {
	v := &articleView{
		ID: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, Wire: a.Wire, Date: a.PublishedDay(),
		Dateline: a.Dateline, Format: a.Format, Source: a.Source, URL: a.URL, Href: safeHref(a.URL),
		Notes: notes, OriginalPath: ArticlePath(a.ID) + "/original", OriginalSize: byteSize(len(orig)),
	}
	if v.Title == "" {
		v.Title = firstWords(a.Text, 12)
	}
	if v.Title == "" {
		v.Title = "Article " + a.ID
	}
	for _, p := range strings.Split(a.Text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			v.Paragraphs = append(v.Paragraphs, p)
		}
	}
	index := map[string]int{}
	for _, as := range a.Asides {
		i, ok := index[as.Kind]
		if !ok {
			label := asideLabels[as.Kind]
			if label == "" {
				label = asideLabels[article.AsideOther]
			}
			i = len(v.Asides)
			index[as.Kind] = i
			v.Asides = append(v.Asides, asideGroup{Kind: as.Kind, Label: label})
		}
		v.Asides[i].Texts = append(v.Asides[i].Texts, as.Text)
	}
	switch {
	case !utf8.Valid(orig):
		v.OriginalNote = "The original is not UTF-8 text; download it to see it."
	case len(orig) > maxOriginalShown:
		cut := maxOriginalShown
		for cut > 0 && !utf8.RuneStart(orig[cut]) {
			cut--
		}
		v.Original = string(orig[:cut])
		v.OriginalNote = fmt.Sprintf("Showing the first %s of %s.", byteSize(cut), v.OriginalSize)
	default:
		v.Original = string(orig)
	}
	return v
}

// original answers GET /articles/{id}/original with the bytes the article
// was read from, as plain text (or a download when not UTF-8), sandboxed
// so that a browser never runs anything in it.
func (h *Handler) original(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	b, err := h.store.Original(r.Context(), id)
	if err != nil {
		h.storeError(w, r, "article", err)
		return
	}
	hd := w.Header()
	hd.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	hd.Set("X-Content-Type-Options", "nosniff")
	if utf8.Valid(b) {
		hd.Set("Content-Type", "text/plain; charset=utf-8")
	} else {
		hd.Set("Content-Type", "application/octet-stream")
		hd.Set("Content-Disposition", `attachment; filename="`+safeFileName(id)+`.original"`)
	}
	if r.Method != http.MethodHead {
		w.Write(b)
	}
}

// safeFileName keeps the letters, digits, dots, dashes and underscores of
// s.
func safeFileName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 128 && (r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return -1
	}, s)
	if s == "" {
		return "article"
	}
	return s
}

func byteSize(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
