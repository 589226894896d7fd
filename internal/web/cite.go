package web

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// cite is a citation of one article, as the "cite" template prints it: its
// number in the story ([1] links to #a1 on the story page), or its ID when
// it is not a member.
type cite struct {
	N        int
	ID, Href string
}

// citer numbers a story's articles, knows their metadata, and prints
// their citations.
//
// A story page cites the same few articles dozens of times. Each
// article's citation is rendered once per page by the "cite" template —
// so html/template escapes it, in the HTML text context where every list
// of citations stands — and the lists are put together from those
// pieces: the page template then prints a list with one action instead
// of several per citation. Nothing but the template's own output is
// marked as HTML.
type citer struct {
	base    string          // the story page's path when citing from another page
	shown   map[string]bool // facts shown on this page
	facts   string          // the facts page's path
	ids     []string        // the members, in story order
	num     map[string]int
	byID    map[string]*article.Article
	source  map[string]string // article → independent source ID
	color   map[string]string // article → outlet colour
	tmpl    *template.Template
	buf     bytes.Buffer
	members []template.HTML          // by number - 1, once rendered
	others  map[string]template.HTML // citations of non-members, by ID
	err     error                    // the first rendering error
}

func newCiter(s *storyDoc, arts []article.Article, t *template.Template) *citer {
	n := len(s.Articles)
	c := &citer{
		ids: s.Articles, num: make(map[string]int, n), byID: make(map[string]*article.Article, n),
		source: make(map[string]string, n), color: make(map[string]string, n), shown: map[string]bool{},
		facts: StoryPath(s.ID) + "/facts", tmpl: t, members: make([]template.HTML, n),
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

func (c *citer) cite(id string) cite {
	n := c.num[id]
	if n == 0 {
		return cite{ID: id}
	}
	return cite{N: n, ID: id, Href: c.base + "#a" + itoa(n)}
}

// ref is a citation that the template prints itself.
func (c *citer) ref(id string) ref {
	ct := c.cite(id)
	return ref{N: count(ct.N), ID: id, Href: ct.Href}
}

// render prints one citation with the "cite" template.
func (c *citer) render(id string) template.HTML {
	c.buf.Reset()
	if err := c.tmpl.ExecuteTemplate(&c.buf, "cite", c.cite(id)); err != nil && c.err == nil {
		c.err = err
	}
	return template.HTML(c.buf.String())
}

// member returns the citation of a member article, "" for another.
func (c *citer) member(id string) template.HTML {
	n := c.num[id]
	if n == 0 {
		return ""
	}
	if c.members[n-1] == "" {
		c.members[n-1] = c.render(id)
	}
	return c.members[n-1]
}

func (c *citer) other(id string) template.HTML {
	h, ok := c.others[id]
	if !ok {
		if c.others == nil {
			c.others = map[string]template.HTML{}
		}
		h = c.render(id)
		c.others[id] = h
	}
	return h
}

// cites prints a list of citations, members in story order first, then
// the others in the order given, each once; "" for none.
func (c *citer) cites(ids []string) template.HTML {
	if len(ids) == 0 {
		return ""
	}
	var nums []int
	var others []string
	for _, id := range ids {
		if n := c.num[id]; n > 0 {
			if !slices.Contains(nums, n) {
				nums = append(nums, n)
			}
		} else if !slices.Contains(others, id) {
			others = append(others, id)
		}
	}
	slices.Sort(nums)
	var b strings.Builder
	b.Grow(len(`<span class="cites"></span>`) + len(ids)*(len(`<a class="cite" href="#a10">[10]</a>`)+len(c.base)))
	b.WriteString(`<span class="cites">`)
	for _, n := range nums {
		b.WriteString(string(c.member(c.ids[n-1])))
	}
	for _, id := range others {
		b.WriteString(string(c.other(id)))
	}
	b.WriteString(`</span>`)
	return template.HTML(b.String())
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
			return "Unknown outlet [" + itoa(n) + "]"
		}
		return "Unknown outlet"
	}
	return l
}

// labels shows source labels, joined with ", ".
func (c *citer) labels(ls []string) string {
	switch len(ls) {
	case 0:
		return ""
	case 1:
		return c.label(ls[0])
	}
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = c.label(l)
	}
	return strings.Join(out, ", ")
}
