package web

import (
	"cmp"
	"errors"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/store"
)

// How many items of the long sections show before a "show more" fold.
const (
	shownFacts    = 12 // of which at most shownSingle single-source ones,
	shownSingle   = 4  // so that some are seen flagged on the story page
	shownQuotes   = 10
	shownEntities = 16
)

// Story page kinds: the story page, and its full lists of facts and of
// statements (the story page shows the first of each).
const (
	storyMain   = "story"
	storyFacts  = "facts"
	storyQuotes = "quotes"
)

// story answers GET /stories/{id}: one read of the stored story object,
// one of the member articles' metadata.
func (h *Handler) story(w http.ResponseWriter, r *http.Request) { h.storyPage(w, r, storyMain) }

// storyFacts answers GET /stories/{id}/facts: every fact and conflict.
func (h *Handler) storyFacts(w http.ResponseWriter, r *http.Request) { h.storyPage(w, r, storyFacts) }

// storyQuotes answers GET /stories/{id}/quotes: every statement.
func (h *Handler) storyQuotes(w http.ResponseWriter, r *http.Request) { h.storyPage(w, r, storyQuotes) }

func (h *Handler) storyPage(w http.ResponseWriter, r *http.Request, kind string) {
	id := r.PathValue("id")
	raw, err := h.store.StoryBrief(r.Context(), id)
	if errors.Is(err, store.ErrNotBuilt) {
		w.Header().Set("Retry-After", "5")
		h.render(w, r, http.StatusServiceUnavailable, "error", "", errorData{
			layout: h.layout("Story being updated", ""), Status: http.StatusServiceUnavailable,
			Heading: "This story is being updated",
			Message: "Its articles changed and its brief is being rebuilt. Reload in a few seconds.",
		})
		return
	}
	if err != nil {
		h.storeError(w, r, "story", err)
		return
	}
	e, err := h.cache.decode(id, raw)
	if err != nil {
		h.log.ErrorContext(r.Context(), "web: story object", "story", id, "err", err)
		h.errorPage(w, r, http.StatusInternalServerError, "This story's stored brief cannot be read.")
		return
	}
	arts, err := h.store.ArticlesByID(r.Context(), e.story.Articles)
	if err != nil {
		h.storeError(w, r, "story", err)
		return
	}
	artSum := h.cache.articlesSum(arts)
	if p, ok := h.cache.page(e, kind, artSum); ok {
		h.writeHTML(w, r, http.StatusOK, p.body, p.etag)
		return
	}
	page := "story"
	if kind != storyMain {
		page = "section"
	}
	v, err := buildStoryView(e.story, arts, kind, h.pages[page])
	if err != nil {
		h.renderError(w, r, page, err)
		return
	}
	title := v.Title
	switch kind {
	case storyFacts:
		title = "Facts · " + title
	case storyQuotes:
		title = "Who said what · " + title
	}
	v.layout = h.layout(title, "")
	buf := h.buffer()
	defer h.release(buf)
	if err := h.execute(buf, page, "", v); err != nil {
		h.renderError(w, r, page, err)
		return
	}
	etag := e.etag(kind, artSum, h.build)
	h.cache.putPage(e, kind, artSum, buf.Bytes(), etag)
	h.writeHTML(w, r, http.StatusOK, buf.Bytes(), etag)
}

// storyView is the story pages' data, ready to print: every number is
// already a string, every choice a bool or an empty string, every list of
// citations its markup, so that the templates only walk fields (each
// template action costs a reflective call or more; a page holds hundreds).
type storyView struct {
	layout
	IsFactsPage          bool   // the facts page (else, of the two section pages, the quotes page)
	Path                 string // the story page
	FactsPath            string
	QuotesPath           string
	ID, Title, Storyline string
	StorylineHref        string
	StorylineWhy         string // why the story is in its storyline
	Span                 string // "2022-12-18 to 2022-12-20"
	NArticles            string // "4 articles"
	Outlets              []string
	UnknownOutlets       string // how many articles are of unknown outlet; "" for none
	Articles             []articleRow
	Sources              []sourceRow
	Summary              []sentenceRow
	Facts                []factRow
	MoreFacts            string // facts not shown on this page; "" for none
	NFacts, NSingle      string
	NCorroborated        string
	Conflicts            []conflictRow
	Quotes               []quoteRow
	MoreQuotes           string
	Entities             []entityRow
	MoreEntities         string
	Framing              []framingRow
	Timeline             []eventRow
	TimelineChart        *chart
	Coverage             *chart
	Reuse                []reuseRow
}

type articleRow struct {
	N                           int    // the article's number in the story
	Num                         string // N, printed
	ID, Path                    string
	Title, Outlet, Byline, Wire string
	Date, Dateline              string
	URL, Href                   string // Href is URL when it is a safe link
	Why                         string
	Source                      string // the independent source group it counts in
	Color                       string
	Reused                      []reuseRow
}

type sourceRow struct {
	ID     string
	Labels string // joined with ", "
	Cites  template.HTML
	Reason string
}

type sentenceRow struct {
	Text, Reason string
	Cites        template.HTML
}

type factRow struct {
	ID, Text, Stance, Reason string
	Cites                    template.HTML
	Independent              string
	NArticles                string // shown when more than Independent; else ""
	Single                   bool
	Conflicts                []factRef
}

type conflictRow struct {
	Kind, Reason string
	Facts        []factRef
}

// factRef links to a fact; Sep is set on all but the first of a list.
type factRef struct {
	ID, Text, Href string
	Sep            bool
}

type quoteRow struct {
	N                   string
	Speaker, Kind, Text string
	Reason              string
	Unresolved          bool
	Cites               template.HTML
	Renderings          []renderingRow
}

type renderingRow struct {
	Cite                        template.HTML // "" when the article is not a member
	Outlet, Relation, Cue, Text string
	Speaker                     string // as this article names the speaker, when it differs
	Same                        bool   // the words are the statement's fullest rendering
	n                           int    // the article's number, for ordering
}

type entityRow struct {
	Name, Type, Href string
	Aliases          string // joined
	In               string // "in 4 of 5 articles"
}

type framingRow struct {
	Name, Wire, Color string
	Cites             template.HTML
	Verbs             []termRow
	Classes           []classRow
	Loaded, Hedges    []termRow
	Quoted            []termRow
	Labels            []labelRow
	Omits             []omitRow
	Empty             bool
}

// termRow is a word and its count ("say ×3"), with where it was used.
type termRow struct {
	Label, Context string
}

// classRow is a verb class and its count.
type classRow struct {
	Class, Label string
}

type labelRow struct {
	Person, Labels string
}

type omitRow struct{ Fact, Reason, Href string }

type eventRow struct {
	N                     int // the event's number, 1-based
	Num                   string
	Date, Precision, Text string
	ShowPrecision         bool // the precision is not "day"
	Reason                string
	Cites                 template.HTML
	Mentions              []mentionRow
}

type mentionRow struct {
	N            string // the article's number; "" when not a member
	Text, Reason string
}

// ref is a citation printed by the template itself: N is "" when the
// article is not a member (then ID shows).
type ref struct {
	N, ID, Href string
}

type reuseRow struct {
	Article, From ref
	Shared, Kind  string
}

// palette colours outlets in charts and cards (presentation attributes,
// not inline styles).
var palette = []string{"#2f6fb2", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b", "#16808a", "#6d6d6d"}

// buildStoryView prepares a story object and its member articles for a
// page of the given kind, citations rendered by t's "cite" template. The
// story page shows the first facts and statements; the facts and quotes
// pages show all of theirs and nothing else.
func buildStoryView(s *storyDoc, arts []article.Article, kind string, t *template.Template) (*storyView, error) {
	v := &storyView{
		IsFactsPage: kind == storyFacts, ID: s.ID, Title: s.Title, Storyline: s.Storyline, Outlets: s.Outlets,
		Path: StoryPath(s.ID), FactsPath: StoryPath(s.ID) + "/facts", QuotesPath: StoryPath(s.ID) + "/quotes",
	}
	if v.Title == "" {
		v.Title = "Untitled story"
	}
	if s.Storyline != "" {
		v.StorylineHref = "/?storyline=" + queryEscape(s.Storyline)
		v.StorylineWhy = s.LineWhy.Reason
	}
	v.Span = span(s.First, s.Last)
	c := newCiter(s, arts, t)
	if kind != storyMain {
		c.base = v.Path
	}
	switch kind {
	case storyFacts:
		v.facts(s, c, len(s.Facts), len(s.Facts))
		return v, c.err
	case storyQuotes:
		v.quotes(s, c, len(s.Quotes))
		return v, c.err
	}
	v.Articles = c.articleRows(s)
	v.NArticles = plural(len(v.Articles), "article")
	unknown := 0
	for _, a := range v.Articles {
		if a.Outlet == "" {
			unknown++
		}
	}
	v.UnknownOutlets = count(unknown)
	for _, src := range s.Sources {
		v.Sources = append(v.Sources, sourceRow{ID: src.ID, Labels: c.labels(src.Labels), Cites: c.cites(src.Articles), Reason: src.Reason})
	}
	for _, sen := range s.Summary {
		v.Summary = append(v.Summary, sentenceRow{Text: sen.Text, Reason: sen.Reason, Cites: c.cites(sen.Articles)})
	}
	v.facts(s, c, shownFacts, shownSingle)
	v.quotes(s, c, shownQuotes)
	v.entities(s)
	v.framing(s, c)
	v.timeline(s, c)
	v.Coverage = coverageChart(s, v.Articles)
	for _, r := range s.Reused {
		v.Reuse = append(v.Reuse, c.reuse(r))
	}
	return v, c.err
}

func span(first, last *string) string {
	switch {
	case first == nil:
		return ""
	case last == nil || *last == *first:
		return *first
	}
	return *first + " to " + *last
}

func (c *citer) articleRows(s *storyDoc) []articleRow {
	why := make(map[string]string, len(s.Why))
	for _, w := range s.Why {
		why[w.Article] = w.Reason
	}
	rows := make([]articleRow, 0, len(s.Articles))
	for i, id := range s.Articles {
		row := articleRow{N: i + 1, Num: itoa(i + 1), ID: id, Path: ArticlePath(id), Source: c.source[id], Color: c.color[id], Why: why[id]}
		if a := c.byID[id]; a != nil {
			row.Title, row.Outlet, row.Byline, row.Wire = a.Title, a.Outlet, a.Byline, a.Wire
			row.Date, row.Dateline, row.URL, row.Href = a.PublishedDay(), a.Dateline, a.URL, safeHref(a.URL)
			if row.Title == "" {
				row.Title = firstWords(a.Text, 12)
			}
		}
		if row.Title == "" {
			row.Title = "Article " + id
		}
		for _, r := range s.Reused {
			if r.Article == id {
				row.Reused = append(row.Reused, c.reuse(r))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func (c *citer) reuse(r reusedDoc) reuseRow {
	return reuseRow{Article: c.ref(r.Article), From: c.ref(r.From), Shared: percent(r.Shared), Kind: r.Kind}
}

// facts shows up to limit facts, in the story's order (best corroborated
// first), keeping room for up to single single-source ones.
func (v *storyView) facts(s *storyDoc, c *citer, limit, single int) {
	text := make(map[string]string, len(s.Facts))
	nSingle, nCorroborated := 0, 0
	for _, f := range s.Facts {
		text[f.ID] = f.Text
		if f.SingleSource {
			nSingle++
		} else {
			nCorroborated++
		}
	}
	corroborated := min(nCorroborated, limit-min(single, nSingle))
	single = min(nSingle, limit-corroborated)
	shown := make([]*factDoc, 0, min(limit, len(s.Facts)))
	for i := range s.Facts {
		f := &s.Facts[i]
		quota := &corroborated
		if f.SingleSource {
			quota = &single
		}
		if *quota > 0 {
			*quota--
			shown = append(shown, f)
			c.shown[f.ID] = true
		}
	}
	v.NFacts, v.NSingle, v.NCorroborated = itoa(len(s.Facts)), itoa(nSingle), itoa(nCorroborated)
	v.MoreFacts = count(len(s.Facts) - len(shown))
	refs := func(ids []string) []factRef {
		if len(ids) == 0 {
			return nil
		}
		out := make([]factRef, len(ids))
		for i, id := range ids {
			out[i] = factRef{ID: id, Text: text[id], Href: c.factHref(id), Sep: i > 0}
		}
		return out
	}
	v.Facts = make([]factRow, 0, len(shown))
	for _, f := range shown {
		row := factRow{
			ID: f.ID, Text: f.Text, Stance: f.Stance, Reason: f.Reason, Cites: c.cites(f.Articles),
			Independent: itoa(f.Independent), Single: f.SingleSource, Conflicts: refs(f.ConflictsWith),
		}
		if len(f.Articles) > f.Independent {
			row.NArticles = itoa(len(f.Articles))
		}
		v.Facts = append(v.Facts, row)
	}
	for _, cf := range s.Conflicts {
		v.Conflicts = append(v.Conflicts, conflictRow{Kind: cf.Kind, Reason: cf.Reason, Facts: refs(cf.Facts)})
	}
}

func (v *storyView) quotes(s *storyDoc, c *citer, limit int) {
	v.MoreQuotes = count(len(s.Quotes) - limit)
	shown := s.Quotes[:min(limit, len(s.Quotes))]
	v.Quotes = make([]quoteRow, 0, len(shown))
	for i := range shown {
		q := &shown[i]
		row := quoteRow{
			N: itoa(i + 1), Speaker: q.Speaker, Kind: q.Kind, Text: q.Text, Reason: q.Reason,
			Unresolved: !q.SpeakerResolved, Cites: c.cites(q.Articles),
			Renderings: make([]renderingRow, 0, len(q.Renderings)),
		}
		if row.Speaker == "" {
			row.Speaker = "Speaker unknown"
		}
		for _, r := range q.Renderings {
			rr := renderingRow{
				Cite: c.member(r.Article), n: c.num[r.Article], Outlet: c.outlet(r.Article), Relation: r.Relation, Cue: r.Cue,
				Text: r.Text, Same: r.Text == q.Text,
			}
			if r.Speaker != "" && r.Speaker != q.Speaker {
				rr.Speaker = r.Speaker
			}
			row.Renderings = append(row.Renderings, rr)
		}
		slices.SortStableFunc(row.Renderings, func(a, b renderingRow) int { return cmp.Compare(a.n, b.n) })
		v.Quotes = append(v.Quotes, row)
	}
}

func (v *storyView) entities(s *storyDoc) {
	shown := s.Entities[:min(shownEntities, len(s.Entities))]
	v.MoreEntities = count(len(s.Entities) - len(shown))
	n := itoa(len(s.Articles))
	v.Entities = make([]entityRow, 0, len(shown))
	for _, e := range shown {
		v.Entities = append(v.Entities, entityRow{
			Name: e.Name, Type: strings.ToLower(e.Type), Aliases: strings.Join(e.Aliases, "; "),
			In:   "in " + itoa(len(e.Articles)) + " of " + n + " articles",
			Href: "/?entity=" + queryEscape(e.Name),
		})
	}
}

func (v *storyView) framing(s *storyDoc, c *citer) {
	for i := range s.Framing {
		f := &s.Framing[i]
		row := framingRow{Name: c.label(f.Outlet), Cites: c.cites(f.Articles)}
		if f.Wire != "" && f.Wire != f.Outlet {
			row.Wire = f.Wire
		}
		if len(f.Articles) > 0 {
			row.Color = c.color[f.Articles[0]]
		}
		for _, t := range counted(f.Verbs) {
			row.Verbs = append(row.Verbs, termRow{Label: termLabel(t.word, t.n)})
		}
		for _, t := range counted(f.VerbClasses) {
			row.Classes = append(row.Classes, classRow{Class: "vc-" + t.word, Label: t.word + " " + itoa(t.n)})
		}
		row.Loaded, row.Hedges, row.Quoted = termRows(f.Loaded), termRows(f.Hedges), termRows(f.Quoted)
		for _, p := range sortedKeys(f.Labels) {
			row.Labels = append(row.Labels, labelRow{Person: p, Labels: strings.Join(f.Labels[p], "; ")})
		}
		for _, id := range f.Omits {
			row.Omits = append(row.Omits, omitRow{Fact: id, Reason: f.OmitReasons[id], Href: c.factHref(id)})
		}
		row.Empty = len(row.Verbs)+len(row.Loaded)+len(row.Hedges)+len(row.Quoted)+len(row.Labels)+len(row.Omits) == 0
		v.Framing = append(v.Framing, row)
	}
}

func termRows(ts []termDoc) []termRow {
	out := make([]termRow, len(ts))
	for i, t := range ts {
		out[i] = termRow{Label: termLabel(t.Word, t.Count), Context: t.Context}
	}
	return out
}

func termLabel(w string, n int) string {
	if n > 1 {
		return w + " ×" + itoa(n)
	}
	return w
}

func (v *storyView) timeline(s *storyDoc, c *citer) {
	v.Timeline = make([]eventRow, 0, len(s.Timeline))
	for i := range s.Timeline {
		e := &s.Timeline[i]
		row := eventRow{
			N: i + 1, Num: itoa(i + 1), Date: e.Date, Precision: e.Precision, ShowPrecision: e.Precision != "day",
			Text: e.Text, Reason: e.Reason, Cites: c.cites(e.Articles),
		}
		for _, m := range e.Mentions {
			row.Mentions = append(row.Mentions, mentionRow{N: count(c.num[m.Article]), Text: m.Text, Reason: m.Reason})
		}
		v.Timeline = append(v.Timeline, row)
	}
	v.TimelineChart = timelineChart(v.Timeline)
}
