package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/report"
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
	v := buildStoryView(e.story, arts, kind)
	title := v.Title
	switch kind {
	case storyFacts:
		title = "Facts · " + title
	case storyQuotes:
		title = "Who said what · " + title
	}
	v.layout = h.layout(title, "")
	page := "story"
	if kind != storyMain {
		page = "section"
	}
	buf := bytes.NewBuffer(make([]byte, 0, 64<<10))
	if err := h.execute(buf, page, "", v); err != nil {
		h.renderError(w, r, page, err)
		return
	}
	etag := e.etag(kind, artSum, h.build)
	h.cache.putPage(e, kind, artSum, buf.Bytes(), etag)
	h.writeHTML(w, r, http.StatusOK, buf.Bytes(), etag)
}

// cite is a citation of one article: its number in the story ([1] links
// to #a1 on the story page), or its ID when it is not a member.
type cite struct {
	N        int
	ID, Href string
}

// storyView is the story page's data.
type storyView struct {
	layout
	Kind                 string // storyMain, storyFacts or storyQuotes
	Path                 string // the story page
	FactsPath            string
	QuotesPath           string
	ID, Title, Storyline string
	StorylineHref        string
	Span                 string // "2022-12-18 to 2022-12-20"
	Outlets              []string
	UnknownOutlets       int
	Articles             []articleRow
	Sources              []sourceRow
	Summary              []sentenceRow
	Facts                []factRow
	MoreFacts            int // facts not shown on this page
	NFacts, NSingle      int
	NCorroborated        int
	Conflicts            []conflictRow
	Quotes               []quoteRow
	MoreQuotes           int
	Entities             []entityRow
	MoreEntities         int
	Framing              []framingRow
	Timeline             []eventRow
	TimelineChart        *chart
	Coverage             *chart
	Reuse                []reuseRow
}

type articleRow struct {
	N                           int
	ID, Path                    string
	Title, Outlet, Byline, Wire string
	Date, Dateline              string
	URL, Href                   string // Href is URL when it is a safe link
	Why, Score                  string
	Source                      string // the independent source group it counts in
	Color                       string
	Reused                      []reuseRow
}

type sourceRow struct {
	ID     string
	Labels []string
	Cites  []cite
	Reason string
}

type sentenceRow struct {
	Text, Reason string
	Cites        []cite
}

type factRow struct {
	ID, Text, Stance, Reason string
	Cites                    []cite
	Independent, NArticles   int
	Single                   bool
	Conflicts                []factRef
}

type conflictRow struct {
	Kind, Reason string
	Facts        []factRef
}

type factRef struct{ ID, Text, Href string }

type quoteRow struct {
	N                        int
	Speaker, Kind, Text, Cue string
	Reason                   string
	Resolved                 bool
	Cites                    []cite
	Renderings               []renderingRow
}

type renderingRow struct {
	Cite                        cite
	Outlet, Relation, Cue, Text string
	Speaker                     string // as this article names the speaker, when it differs
	Color                       string
	Same                        bool // the words are the statement's fullest rendering
}

type entityRow struct {
	Name, Type, Href string
	Aliases          string // joined
	In               string // "in 4 of 5 articles"
}

type framingRow struct {
	Name, Wire, Color string
	Cites             []cite
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
	N                     int
	Date, Precision, Text string
	Reason                string
	Cites                 []cite
	Facts                 []string
	Mentions              []mentionRow
}

type mentionRow struct {
	Cite         cite
	Text, Reason string
}

type reuseRow struct {
	Article, From cite
	Shared, Kind  string
}

// palette colours outlets in charts and cards (presentation attributes,
// not inline styles).
var palette = []string{"#2f6fb2", "#c2571a", "#2e8b57", "#8e44ad", "#b8860b", "#c0392b", "#16808a", "#6d6d6d"}

// buildStoryView prepares a story object and its member articles for a
// page of the given kind. The story page shows the first facts and
// statements; the facts and quotes pages show all of theirs and nothing
// else.
func buildStoryView(s *report.Story, arts []article.Article, kind string) *storyView {
	v := &storyView{
		Kind: kind, ID: s.ID, Title: s.Title, Storyline: s.Storyline, Outlets: s.Outlets,
		Path: StoryPath(s.ID), FactsPath: StoryPath(s.ID) + "/facts", QuotesPath: StoryPath(s.ID) + "/quotes",
	}
	if v.Title == "" {
		v.Title = "Untitled story"
	}
	if s.Storyline != "" {
		v.StorylineHref = "/?" + url.Values{"storyline": {s.Storyline}}.Encode()
	}
	v.Span = span(s.First, s.Last)
	c := newCiter(s, arts)
	if kind != storyMain {
		c.base = v.Path
	}
	switch kind {
	case storyFacts:
		v.facts(s, c, len(s.Facts), len(s.Facts))
		return v
	case storyQuotes:
		v.quotes(s, c, len(s.Quotes))
		return v
	}
	v.Articles = c.articleRows(s)
	for _, a := range v.Articles {
		if a.Outlet == "" {
			v.UnknownOutlets++
		}
	}
	for _, src := range s.Sources {
		v.Sources = append(v.Sources, sourceRow{ID: src.ID, Labels: c.labels(src.Labels), Cites: c.cites(src.Articles), Reason: src.Reason})
	}
	for _, sen := range s.Summary {
		v.Summary = append(v.Summary, sentenceRow{Text: sen.Text, Reason: sen.Reason, Cites: c.cites(sen.Articles)})
	}
	v.facts(s, c, shownFacts, shownSingle)
	v.quotes(s, c, shownQuotes)
	v.entities(s, c)
	v.framing(s, c)
	v.timeline(s, c)
	v.Coverage = coverageChart(s, v.Articles, c)
	for _, r := range s.Reused {
		v.Reuse = append(v.Reuse, c.reuse(r))
	}
	return v
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

// citer numbers a story's articles and knows their metadata.
type citer struct {
	base   string          // the story page's path when citing from another page
	shown  map[string]bool // facts shown on this page
	facts  string          // the facts page's path
	num    map[string]int
	byID   map[string]*article.Article
	source map[string]string // article → independent source ID
	color  map[string]string // article → outlet colour
}

func newCiter(s *report.Story, arts []article.Article) *citer {
	c := &citer{
		num: map[string]int{}, byID: map[string]*article.Article{}, source: map[string]string{}, color: map[string]string{},
		shown: map[string]bool{}, facts: StoryPath(s.ID) + "/facts",
	}
	for i, id := range s.Articles {
		c.num[id] = i + 1
	}
	for i := range arts {
		c.byID[arts[i].ID] = &arts[i]
	}
	for _, src := range s.Sources {
		for _, id := range src.Articles {
			c.source[id] = src.ID
		}
	}
	outletColor := map[string]string{}
	for _, id := range s.Articles {
		key := "article " + id
		if a := c.byID[id]; a != nil && a.Outlet != "" {
			key = a.Outlet
		}
		col, ok := outletColor[key]
		if !ok {
			col = palette[len(outletColor)%len(palette)]
			outletColor[key] = col
		}
		c.color[id] = col
	}
	return c
}

// cites turns article IDs into citations, members in story order first,
// each once.
func (c *citer) cites(ids []string) []cite {
	out := make([]cite, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, c.cite(id))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].N == 0) != (out[j].N == 0) {
			return out[i].N != 0
		}
		return out[i].N < out[j].N
	})
	return out
}

func (c *citer) cite(id string) cite {
	n := c.num[id]
	if n == 0 {
		return cite{ID: id}
	}
	return cite{N: n, ID: id, Href: c.base + "#a" + strconv.Itoa(n)}
}

// factHref links to a fact: on this page when it is shown here, else on
// the facts page.
func (c *citer) factHref(id string) string {
	if c.shown[id] {
		return "#" + id
	}
	return c.facts + "#" + id
}

// outlet names an article's outlet, "" when unknown.
func (c *citer) outlet(id string) string {
	if a := c.byID[id]; a != nil {
		return a.Outlet
	}
	return ""
}

// label shows a source or framing label: "article <id>" (an article of
// unknown outlet) becomes "Unknown outlet [n]".
func (c *citer) label(l string) string {
	if id, ok := strings.CutPrefix(l, "article "); ok {
		if n := c.num[id]; n > 0 {
			return fmt.Sprintf("Unknown outlet [%d]", n)
		}
		return "Unknown outlet"
	}
	return l
}

func (c *citer) labels(ls []string) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = c.label(l)
	}
	return out
}

func (c *citer) articleRows(s *report.Story) []articleRow {
	why := make(map[string]report.Why, len(s.Why))
	for _, w := range s.Why {
		why[w.Article] = w
	}
	rows := make([]articleRow, 0, len(s.Articles))
	for i, id := range s.Articles {
		row := articleRow{N: i + 1, ID: id, Path: ArticlePath(id), Source: c.source[id], Color: c.color[id]}
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
		if w, ok := why[id]; ok {
			row.Why, row.Score = w.Reason, fmt.Sprintf("%.2f", w.Score)
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

func (c *citer) reuse(r report.Reused) reuseRow {
	return reuseRow{Article: c.cite(r.Article), From: c.cite(r.From), Shared: fmt.Sprintf("%.0f%%", 100*r.Shared), Kind: r.Kind}
}

// facts shows up to limit facts, in the story's order (best corroborated
// first), keeping room for up to single single-source ones.
func (v *storyView) facts(s *report.Story, c *citer, limit, single int) {
	text := make(map[string]string, len(s.Facts))
	for _, f := range s.Facts {
		text[f.ID] = f.Text
		if f.SingleSource {
			v.NSingle++
		} else {
			v.NCorroborated++
		}
	}
	corroborated := min(v.NCorroborated, limit-min(single, v.NSingle))
	single = min(v.NSingle, limit-corroborated)
	var shown []brief.Fact
	for _, f := range s.Facts {
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
	v.NFacts = len(s.Facts)
	v.MoreFacts = len(s.Facts) - len(shown)
	ref := func(id string) factRef { return factRef{ID: id, Text: text[id], Href: c.factHref(id)} }
	for _, f := range shown {
		row := factRow{
			ID: f.ID, Text: f.Text, Stance: f.Stance, Reason: f.Reason, Cites: c.cites(f.Articles),
			Independent: f.Independent, NArticles: len(f.Articles), Single: f.SingleSource,
		}
		for _, id := range f.ConflictsWith {
			row.Conflicts = append(row.Conflicts, ref(id))
		}
		v.Facts = append(v.Facts, row)
	}
	for _, cf := range s.Conflicts {
		row := conflictRow{Kind: cf.Kind, Reason: cf.Reason}
		for _, id := range cf.Facts {
			row.Facts = append(row.Facts, ref(id))
		}
		v.Conflicts = append(v.Conflicts, row)
	}
}

func (v *storyView) quotes(s *report.Story, c *citer, limit int) {
	v.MoreQuotes = max(0, len(s.Quotes)-limit)
	for i, q := range s.Quotes[:min(limit, len(s.Quotes))] {
		row := quoteRow{
			N: i + 1, Speaker: q.Speaker, Kind: q.Kind, Text: q.Text, Cue: q.Cue, Reason: q.Reason,
			Resolved: q.SpeakerResolved, Cites: c.cites(q.Articles),
		}
		if row.Speaker == "" {
			row.Speaker = "Speaker unknown"
		}
		for _, r := range q.Renderings {
			rr := renderingRow{
				Cite: c.cite(r.Article), Outlet: c.outlet(r.Article), Relation: r.Relation, Cue: r.Cue, Text: r.Text,
				Color: c.color[r.Article], Same: r.Text == q.Text,
			}
			if r.Speaker != "" && r.Speaker != q.Speaker {
				rr.Speaker = r.Speaker
			}
			row.Renderings = append(row.Renderings, rr)
		}
		sort.SliceStable(row.Renderings, func(i, j int) bool { return row.Renderings[i].Cite.N < row.Renderings[j].Cite.N })
		v.Quotes = append(v.Quotes, row)
	}
}

func (v *storyView) entities(s *report.Story, c *citer) {
	for i, e := range s.Entities {
		if i == shownEntities {
			v.MoreEntities = len(s.Entities) - i
			break
		}
		v.Entities = append(v.Entities, entityRow{
			Name: e.Name, Type: strings.ToLower(e.Type), Aliases: strings.Join(e.Aliases, "; "),
			In:   fmt.Sprintf("in %d of %d articles", len(e.Articles), len(s.Articles)),
			Href: "/?" + url.Values{"entity": {e.Name}}.Encode(),
		})
	}
}

func (v *storyView) framing(s *report.Story, c *citer) {
	for _, f := range s.Framing {
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
			row.Classes = append(row.Classes, classRow{Class: "vc-" + t.word, Label: fmt.Sprintf("%s %d", t.word, t.n)})
		}
		row.Loaded, row.Hedges, row.Quoted = termRows(f.Loaded), termRows(f.Hedges), termRows(f.Quoted)
		people := make([]string, 0, len(f.Labels))
		for p := range f.Labels {
			people = append(people, p)
		}
		sort.Strings(people)
		for _, p := range people {
			row.Labels = append(row.Labels, labelRow{Person: p, Labels: strings.Join(f.Labels[p], "; ")})
		}
		for _, id := range f.Omits {
			row.Omits = append(row.Omits, omitRow{Fact: id, Reason: f.OmitReasons[id], Href: c.factHref(id)})
		}
		row.Empty = len(row.Verbs)+len(row.Loaded)+len(row.Hedges)+len(row.Quoted)+len(row.Labels)+len(row.Omits) == 0
		v.Framing = append(v.Framing, row)
	}
}

func termRows(ts []brief.Term) []termRow {
	out := make([]termRow, len(ts))
	for i, t := range ts {
		out[i] = termRow{Label: termLabel(t.Word, t.Count), Context: t.Context}
	}
	return out
}

func termLabel(w string, n int) string {
	if n > 1 {
		return w + " ×" + strconv.Itoa(n)
	}
	return w
}

type wordCount struct {
	word string
	n    int
}

// counted orders a count map, most frequent first.
func counted(m map[string]int) []wordCount {
	out := make([]wordCount, 0, len(m))
	for k, n := range m {
		out = append(out, wordCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].word < out[j].word
	})
	return out
}

func (v *storyView) timeline(s *report.Story, c *citer) {
	for i, e := range s.Timeline {
		row := eventRow{
			N: i + 1, Date: e.Date, Precision: e.Precision, Text: e.Text, Reason: e.Reason,
			Cites: c.cites(e.Articles), Facts: e.Facts,
		}
		for _, m := range e.Mentions {
			row.Mentions = append(row.Mentions, mentionRow{Cite: c.cite(m.Article), Text: m.Text, Reason: m.Reason})
		}
		v.Timeline = append(v.Timeline, row)
	}
	v.TimelineChart = timelineChart(v.Timeline)
}

// firstWords returns the first n words of s, with an ellipsis if cut.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}
