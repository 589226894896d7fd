package web

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
)

// checkPage asserts what every HTML page must be: served with the strict
// CSP, and holding nothing that CSP would block or that could run —
// no inline script or style, no event-handler attribute, no javascript:
// link.
func checkPage(t *testing.T, path string, r response) {
	t.Helper()
	if got := r.header.Get("Content-Security-Policy"); got != server.ContentSecurityPolicy && !strings.HasPrefix(got, "sandbox;") {
		t.Errorf("%s: CSP %q, want the server's", path, got)
	}
	if got := r.header.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("%s: X-Content-Type-Options %q", path, got)
	}
	if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		return
	}
	for _, p := range inertProblems(r.body) {
		t.Errorf("%s: %s", path, p)
	}
}

// inertProblems parses a page and lists what in it could run or style
// inline.
func inertProblems(body string) []string {
	var problems []string
	if strings.Contains(strings.ToLower(body), "<script>") {
		problems = append(problems, "an unescaped <script> tag")
	}
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return problems
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.Data {
		case "script":
			src := attr(tok, "src")
			if src == "" || !strings.HasPrefix(src, "/static/") {
				problems = append(problems, "a script not from /static/: "+tok.String())
			}
		case "style", "iframe", "object", "embed", "base":
			problems = append(problems, "a <"+tok.Data+"> element")
		}
		for _, a := range tok.Attr {
			k := strings.ToLower(a.Key)
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case strings.HasPrefix(k, "on"):
				problems = append(problems, "an event handler attribute: "+tok.String())
			case k == "style":
				problems = append(problems, "an inline style: "+tok.String())
			case (k == "href" || k == "src" || k == "action" || k == "formaction" || k == "xlink:href") &&
				!(strings.HasPrefix(v, "/") || strings.HasPrefix(v, "#") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")):
				problems = append(problems, "a link that is not http(s) or local: "+tok.String())
			}
		}
	}
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestPages(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	s := e.seedStory(t)
	first := s.Articles[0]
	tests := []struct {
		name, path  string
		header      []string
		status      int
		contentType string
		want        []string // substrings of the body
		notWant     []string
	}{
		{name: "list", path: "/", status: 200, want: []string{`href="/stories/` + s.ID + `"`, "Moscow Times", `<form class="filters" method="get" action="/"`}},
		{name: "list by outlet", path: "/?outlet=the+moscow+times", status: 200, want: []string{s.ID}},
		{name: "list by unknown outlet", path: "/?outlet=Nobody+Daily", status: 200, want: []string{"No story matches"}, notWant: []string{s.ID}},
		{name: "list by entity", path: "/?entity=William+Burns", status: 200, want: []string{s.ID}},
		{name: "list by dates", path: "/?from=2022-12-19&to=2022-12-19", status: 200, want: []string{s.ID}},
		{name: "list before the story", path: "/?to=2022-01-01", status: 200, want: []string{"No story matches"}},
		{name: "list with empty form fields", path: "/?from=&to=&outlet=&entity=", status: 200, want: []string{s.ID}},
		{name: "list bad date", path: "/?from=19+Dec", status: 400, want: []string{"YYYY-MM-DD", `value="19 Dec"`}},
		{name: "list reversed dates", path: "/?from=2023-01-01&to=2022-01-01", status: 400, want: []string{"before the start date"}},
		{name: "list bad cursor", path: "/?after=%25%25", status: 400, want: []string{"start again"}},
		{name: "list htmx results", path: "/?outlet=Mehr+News+Agency", header: []string{"HX-Request", "true", "HX-Target", "results"},
			status: 200, want: []string{`<div id="results">`, s.ID}, notWant: []string{"<html", "<form"}},
		{name: "list htmx history restore", path: "/", header: []string{"HX-Request", "true", "HX-Target", "results", "HX-History-Restore-Request", "true"},
			status: 200, want: []string{"<html"}},
		{name: "story", path: "/stories/" + s.ID, status: 200, want: []string{
			`id="summary"`, `id="facts"`, `id="quotes"`, `id="framing"`, `id="timeline"`, `id="articles"`,
			"Nasser Kanani", "William Burns", `<svg class="chart"`, `href="#a1"`, `id="a1"`, "Why grouped",
			"badge rel rel-verbatim", "single-source", "⚠ single source", "independent sources", `href="/stories/` + s.ID + `/facts"`,
		}},
		{name: "story facts", path: "/stories/" + s.ID + "/facts", status: 200, want: []string{
			"⚠ single source", "✓ 3 independent sources", `href="/stories/` + s.ID + `#a1"`, `id="f1"`, "Conflicts",
		}, notWant: []string{`id="quotes"`}},
		{name: "story quotes", path: "/stories/" + s.ID + "/quotes", status: 200, want: []string{
			"Nasser Kanani", "William Burns", `href="/stories/` + s.ID + `#a1"`, `id="q1"`,
		}, notWant: []string{`id="facts"`, "All statements"}},
		{name: "story facts missing", path: "/stories/nope/facts", status: 404},
		{name: "story missing", path: "/stories/nope", status: 404, want: []string{"no such story"}},
		{name: "article", path: "/articles/" + first, status: 200, want: []string{"Cleaner notes", "Original", `href="/stories/` + s.ID + `"`}},
		{name: "article missing", path: "/articles/nope", status: 404},
		{name: "original", path: "/articles/" + first + "/original", status: 200, contentType: "text/plain; charset=utf-8"},
		{name: "search", path: "/search?q=Kanani", status: 200, want: []string{"<mark>Kanani</mark>", `href="/articles/`, "#quotes"}},
		{name: "search phrase", path: "/search?q=%22seek+permission%22", status: 200, want: []string{"<mark>seek permission</mark>"}},
		{name: "search page", path: "/search?q=Iran&page=2", status: 200, want: []string{"Page 2", "Previous"}},
		{name: "search nothing", path: "/search?q=zzyzx", status: 200, want: []string{"No article matches"}},
		{name: "search empty", path: "/search", status: 200, want: []string{"Words are all required"}},
		{name: "search punctuation only", path: "/search?q=%22%22", status: 400, want: []string{"at least one word"}},
		{name: "search bad page", path: "/search?q=Iran&page=0", status: 400, want: []string{"The page must be"}},
		{name: "css", path: "/static/style.css", status: 200, contentType: "text/css; charset=utf-8"},
		{name: "htmx", path: "/static/htmx.min.js", status: 200, contentType: "text/javascript; charset=utf-8", want: []string{`version:"2.`}},
		{name: "static missing", path: "/static/nope.js", status: 404},
		{name: "no page", path: "/nowhere", status: 404, want: []string{"no page at this address"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := e.get(t, tc.path, tc.header...)
			if r.status != tc.status {
				t.Fatalf("status %d, want %d\n%.600s", r.status, tc.status, r.body)
			}
			ct := tc.contentType
			if ct == "" {
				ct = "text/html; charset=utf-8"
			}
			if got := r.header.Get("Content-Type"); got != ct {
				t.Errorf("Content-Type %q, want %q", got, ct)
			}
			checkPage(t, tc.path, r)
			for _, w := range tc.want {
				if !strings.Contains(r.body, w) {
					t.Errorf("body lacks %q", w)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(r.body, w) {
					t.Errorf("body has %q", w)
				}
			}
		})
	}
}

func TestOriginalIsSandboxed(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	id := e.seedStory(t).Articles[0]
	r := e.get(t, "/articles/"+id+"/original")
	if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox") {
		t.Errorf("CSP %q, want a sandbox", csp)
	}
	orig, err := e.st.Original(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if r.body != string(orig) {
		t.Errorf("original served differs from the stored bytes")
	}
}

func TestListPages(t *testing.T) {
	e := newEnvWith(t, Config{PageSize: 1})
	e.ingestSeeds(t)
	e.ingestHostile(t)
	sums, err := e.st.ListStories(context.Background(), store.StoryFilter{}, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) < 2 {
		t.Fatalf("%d stories, want at least the seed story and the festival", len(sums))
	}
	// Walk the list one story at a time through the "more" links: every
	// story once, in the store's order.
	var got []string
	next := "/"
	for next != "" && len(got) <= len(sums) {
		r := e.get(t, next)
		if r.status != 200 {
			t.Fatalf("%s: status %d", next, r.status)
		}
		got = append(got, storyLinks(r.body)...)
		next = moreLink(r.body)
	}
	if len(got) != len(sums) {
		t.Fatalf("walked %d stories, want %d", len(got), len(sums))
	}
	// htmx's "more" request gets the next items and the next link only.
	r := e.get(t, moreLink(e.get(t, "/").body), "HX-Request", "true", "HX-Target", "more")
	if !strings.HasPrefix(r.body, `<li class="story-item">`) || strings.Contains(r.body, "<html") || len(storyLinks(r.body)) != 1 {
		t.Errorf("htmx more: %.300s", r.body)
	}
	for i, s := range sums {
		if got[i] != StoryPath(s.ID) {
			t.Errorf("story %d: %s, want %s", i, got[i], StoryPath(s.ID))
		}
	}
}

// storyLinks returns the story page links of a list page, in order.
func storyLinks(body string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(body))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		tok := z.Token()
		if tok.Data == "a" && strings.HasPrefix(attr(tok, "href"), "/stories/") {
			out = append(out, attr(tok, "href"))
		}
	}
	return out
}

// moreLink returns the "Older stories" link of a list page, or "".
func moreLink(body string) string {
	i := strings.Index(body, `<li id="more"`)
	if i < 0 {
		return ""
	}
	z := html.NewTokenizer(strings.NewReader(body[i:]))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tok := z.Token(); tok.Data == "a" {
			u, _ := url.Parse(attr(tok, "href"))
			return u.String()
		}
	}
	return ""
}

// TestStoryCache checks that a story page is served again from the cache
// (with its ETag, and 304 to a client that has it) and never stale: a
// rebuilt story object shows at once.
func TestStoryCache(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	s := e.seedStory(t)
	path := StoryPath(s.ID)
	first := e.get(t, path)
	etag := first.header.Get("ETag")
	if first.status != 200 || etag == "" {
		t.Fatalf("status %d, ETag %q", first.status, etag)
	}
	again := e.get(t, path)
	if again.body != first.body || again.header.Get("ETag") != etag {
		t.Fatal("the second answer differs from the first")
	}
	if r := e.get(t, path, "If-None-Match", etag); r.status != 304 || r.body != "" {
		t.Fatalf("with If-None-Match: status %d, %d bytes", r.status, len(r.body))
	}

	s.Title = "A <b>rebuilt</b> story"
	raw, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.st.SaveBrief(context.Background(), s.ID, raw, 1); err != nil {
		t.Fatal(err)
	}
	r := e.get(t, path)
	if !strings.Contains(r.body, "<h1>A &lt;b&gt;rebuilt&lt;/b&gt; story</h1>") || r.header.Get("ETag") == etag {
		t.Fatalf("the rebuilt story is not shown (ETag %q)", r.header.Get("ETag"))
	}
	if r := e.get(t, path, "If-None-Match", etag); r.status != 200 {
		t.Fatalf("an old ETag got status %d", r.status)
	}
}
