package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// TestHostileInert ingests articles full of markup, event handlers and
// javascript: links through the real pipeline beside the seeds, serves
// every page through the real server, and checks that each renders inert.
func TestHostileInert(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	e.ingestHostile(t)
	ctx := context.Background()

	// The test means something only if the store really holds live-looking
	// markup; find the hostile articles.
	var evil, festival *article.Article
	err := e.st.Articles(ctx, func(a article.Article) error {
		switch {
		case strings.Contains(a.Title, "<script>") && strings.Contains(a.Outlet, "onmouseover="):
			evil = &a
		case strings.Contains(a.Title, "festival") && strings.Contains(a.Text, "<script>"):
			festival = &a
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if evil == nil || festival == nil || !strings.HasPrefix(evil.URL, "javascript:") {
		t.Fatalf("the store does not hold the hostile markup (evil %v, festival %v): the pipeline changed; make the test articles hostile again", evil != nil, festival != nil)
	}

	paths := []string{
		"/", "/?outlet=" + url.QueryEscape(evil.Outlet), "/?entity=" + url.QueryEscape("<script>"),
		"/search?q=script", "/search?q=alert", "/search?q=onerror", "/search?q=Kanani", "/search?q=" + url.QueryEscape(`"><script>alert(1)</script>`),
	}
	for _, s := range e.stories(t) {
		paths = append(paths, StoryPath(s.ID))
		for _, id := range s.Articles {
			paths = append(paths, ArticlePath(id))
		}
	}
	for _, p := range paths {
		r := e.get(t, p)
		if r.status != 200 {
			t.Errorf("%s: status %d", p, r.status)
		}
		checkPage(t, p, r)
	}

	// The hostile text is shown, as text.
	r := e.get(t, ArticlePath(evil.ID))
	for _, want := range []string{
		`<h1>&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt; Burns and Kanani trade words &lt;img src=x onerror=alert(1)&gt;</h1>`,
		`Evil &lt;b onmouseover=alert(2)&gt;Outlet`,
		`title="not an http(s) address, so not a link">javascript:alert(document.cookie)</span>`,
	} {
		if !strings.Contains(r.body, want) {
			t.Errorf("the article page lacks %q", want)
		}
	}
	r = e.get(t, ArticlePath(festival.ID))
	if want := `with &lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt; pumpkins`; !strings.Contains(r.body, want) {
		t.Errorf("the festival page lacks %q", want)
	}

	// The original bytes are served as sandboxed plain text.
	r = e.get(t, ArticlePath(evil.ID)+"/original")
	if ct := r.header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("original: Content-Type %q", ct)
	}
	if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "sandbox;") {
		t.Errorf("original: CSP %q, want a sandbox", csp)
	}
	if !strings.Contains(r.body, "<img src=x onerror=alert(4)>") {
		t.Errorf("original: not the bytes ingested:\n%.300s", r.body)
	}
}

func TestSafeHref(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.org/a?b=c#d", "https://example.org/a?b=c#d"},
		{"http://example.org", "http://example.org"},
		{"HTTPS://Example.org/x", "https://Example.org/x"},
		{"  https://example.org/  ", "https://example.org/"},
		{"javascript:alert(1)", ""},
		{"JaVaScRiPt:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"vbscript:msgbox(1)", ""},
		{"//evil.example/x", ""},
		{"/local/path", ""},
		{"https://user:pass@example.org/", ""},
		{"https:///nohost", ""},
		{"ftp://example.org/file", ""},
		{"https://example.org/\x00", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := safeHref(tc.in); got != tc.want {
			t.Errorf("safeHref(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
