package clean

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// testPage is a small hand-written news page: navigation, an ad, the
// article with a figure, a footer.
const testPage = `<!DOCTYPE html><html><head><title>Iran says it won't seek permission | The Moscow Times</title>
<meta property="og:site_name" content="The Moscow Times">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2022-12-18T10:00:00+03:00">
<link rel="canonical" href="https://www.themoscowtimes.com/2022/12/18/iran-a79729">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/opinion">Opinion and analysis section</a></li></ul></nav>
<div class="ad">Advertisement: buy now, best prices on everything you need</div>
<article>
<h1>Iran Says It Won't Seek Permission</h1>
<p class="byline">By Jane Roe</p>
<figure><img src="a.jpg"><figcaption>President Ebrahim Raisi and President Vladimir Putin meeting in Tehran, Iran, Tuesday, July 19, 2022.</figcaption></figure>
<p>TEHRAN – Iran's Foreign Ministry said <b>Sunday</b> it would not “seek permission from anyone” to expand relations with Russia, dismissing U.S. concerns over a growing military partnership.</p>
<h2>Drones</h2>
<p>Western countries have accused Iran of supplying drones to Russia, allegedly used to attack Ukraine, and slapped sanctions on Tehran, which denies the allegations. <script>var x = 1;</script></p>
<p>CIA chief William Burns told PBS television on Friday that the military cooperation between Iran and Russia "poses real threats" to U.S. allies in the Middle East.</p>
<p>Iran's Foreign Ministry spokesperson Nasser Kanani called the comments "baseless" and said they were part of a "U.S. propaganda war against Iran."</p>
</article>
<footer><p>© 2022 The Moscow Times. All rights reserved.</p><a href="/about">About us</a> <a href="/contact">Contact the newsroom</a></footer>
</body></html>`

func TestHTML(t *testing.T) {
	r, err := Clean(Input{HTML: []byte(testPage)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Iran Says It Won't Seek Permission" {
		t.Errorf("Title = %q", r.Title)
	}
	if r.Byline != "Jane Roe" {
		t.Errorf("Byline = %q", r.Byline)
	}
	if !r.Published.Equal(day("2022-12-18")) {
		t.Errorf("Published = %v", r.Published)
	}
	if r.Outlet != "The Moscow Times" || hostOf(r.URL) != "themoscowtimes.com" {
		t.Errorf("Outlet = %q, URL = %q", r.Outlet, r.URL)
	}
	if r.Dateline != "Tehran" || !strings.HasPrefix(r.Body, "Iran's Foreign Ministry said Sunday it would not") {
		t.Errorf("Dateline = %q, body starts %q", r.Dateline, clip(r.Body))
	}
	for _, gone := range []string{"Home", "Opinion and analysis", "buy now", "All rights reserved", "Contact the newsroom", "var x", "<"} {
		if strings.Contains(r.Body, gone) {
			t.Errorf("body holds %q: %q", gone, r.Body)
		}
	}
	for _, kept := range []string{"Western countries have accused Iran", "\n\nDrones\n\n", "propaganda war against Iran"} {
		if !strings.Contains(r.Body, kept) {
			t.Errorf("body lost %q: %q", kept, r.Body)
		}
	}
	if !hasAside(r.Asides, article.Aside{Kind: article.AsideCaption, Text: "President Ebrahim Raisi and President Vladimir Putin"}) {
		t.Errorf("figure caption not kept: %v", r.Asides)
	}
}

// TestHTMLSitename: without a known domain, the page's own site name names
// the outlet.
func TestHTMLSitename(t *testing.T) {
	page := strings.NewReplacer(
		`<link rel="canonical" href="https://www.themoscowtimes.com/2022/12/18/iran-a79729">`, `<link rel="canonical" href="https://news.example-daily.org/2022/12/18/iran">`,
		`content="The Moscow Times"`, `content="Example Daily"`,
	).Replace(testPage)
	r, err := Clean(Input{HTML: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Outlet != "Example Daily" {
		t.Errorf("Outlet = %q, want the site name", r.Outlet)
	}
}

// TestHTMLScriptTitle: a title holding a script element gives plain text,
// and no script survives anywhere.
func TestHTMLScriptTitle(t *testing.T) {
	page := `<html><head><title>Breaking <script>alert("pwned")</script> news &amp; more</title></head><body>
<p>` + prose + `</p><script>document.write("injected text here")</script><p>` + prose2 + ` <b onclick="x()">Bold</b> end.</p></body></html>`
	r, err := Clean(Input{HTML: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Breaking news & more" {
		t.Errorf("Title = %q, want plain text", r.Title)
	}
	all := r.Title + r.Body
	for _, a := range r.Asides {
		all += a.Text
	}
	for _, bad := range []string{"<", "alert", "pwned", "injected", "onclick"} {
		if strings.Contains(all, bad) {
			t.Errorf("output holds %q: %+v", bad, r)
		}
	}
	if !strings.Contains(r.Body, "Bold end.") {
		t.Errorf("body = %q", r.Body)
	}
}

// TestTextScripts: script elements in text input are dropped, not kept.
func TestTextScripts(t *testing.T) {
	r, err := Clean(Input{Text: prose + "\n\n<script>alert('x')</script>\n\n" + prose2, Title: "A <script>alert(1)</script>title"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(r.Body, "alert") || r.Title != "A title" {
		t.Errorf("script kept: title %q body %q", r.Title, r.Body)
	}
}

// TestSeedPagesHTML: each seed laid out as a web page cleans like the
// seed itself: the same first paragraph, no page chrome.
func TestSeedPagesHTML(t *testing.T) {
	for name, text := range seedTexts(t) {
		want, err := Clean(Input{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Clean(Input{HTML: seedPage(text)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		first, _, _ := strings.Cut(want.Body, "\n\n")
		if !strings.Contains(got.Body, first) {
			t.Errorf("%s: HTML body lacks the first paragraph %q:\n%s", name, clip(first), got.Body)
		}
		for _, chrome := range []string{"Most read", "Another story", "Privacy", "All rights reserved", "tracking"} {
			if strings.Contains(got.Body, chrome) {
				t.Errorf("%s: HTML body holds %q", name, chrome)
			}
		}
		wantOutlet := "Example News" // the site name, unless the text names a known domain
		if o, known := outletFromURL(want.URL); known {
			wantOutlet = o
		}
		if got.Outlet != wantOutlet {
			t.Errorf("%s: outlet %q, want %q", name, got.Outlet, wantOutlet)
		}
	}
}

// TestHTMLShortPageKeepsParagraphs: on a page too short for trafilatura's
// main extraction, paragraphs must not run together.
func TestHTMLShortPageKeepsParagraphs(t *testing.T) {
	page := `<html><head><title>Vote</title></head><body><nav><a href="/">Home</a></nav><article><h1>Budget passes</h1>` +
		`<p>The council voted 3 to 2 on Tuesday to approve the library budget.</p>` +
		`<p>Mayor Jane Roe said the vote was a relief.</p></article><footer>Copyright 2024 Town News</footer></body></html>`
	r, err := Clean(Input{HTML: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	want := "The council voted 3 to 2 on Tuesday to approve the library budget.\n\nMayor Jane Roe said the vote was a relief."
	if r.Body != want {
		t.Errorf("Body = %q, want %q", r.Body, want)
	}
}
