package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// page is what the test site serves at one path.
type page struct {
	status int
	ctype  string
	body   []byte
	header map[string]string
}

// site is a local news site: a feed with conditional GET, pages, and a
// robots.txt. Tests change it between polls.
type site struct {
	*httptest.Server
	mu          sync.Mutex
	feed        []byte
	feedStatus  int
	etag        string
	lastMod     string
	robots      string // "" serves 404
	pages       map[string]page
	hits        map[string]int
	feedHeaders []http.Header
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]page{}, hits: map[string]int{}, feedStatus: 200}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	switch r.URL.Path {
	case "/robots.txt":
		if s.robots == "" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, s.robots)
	case "/feed":
		s.feedHeaders = append(s.feedHeaders, r.Header.Clone())
		if s.feedStatus != 200 {
			if s.feedStatus == 503 {
				w.Header().Set("Retry-After", "3600")
			}
			w.WriteHeader(s.feedStatus)
			return
		}
		if s.etag != "" && r.Header.Get("If-None-Match") == s.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		if s.etag != "" {
			w.Header().Set("ETag", s.etag)
		}
		if s.lastMod != "" {
			w.Header().Set("Last-Modified", s.lastMod)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(s.feed)
	default:
		p, ok := s.pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		for k, v := range p.header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", p.ctype)
		w.WriteHeader(p.status)
		w.Write(p.body)
	}
}

func (s *site) set(f func(s *site)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) lastFeedHeader() http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.feedHeaders[len(s.feedHeaders)-1]
}

// rssItem is an item of the test feed.
type rssItem struct {
	guid, link, title, desc string
	date                    time.Time
}

func rss(items ...rssItem) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<rss version="2.0"><channel><title>Test Outlet</title><link>https://outlet.example/</link>` + "\n")
	for _, it := range items {
		b.WriteString("<item>")
		if it.guid != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", html.EscapeString(it.guid))
		}
		if it.link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", html.EscapeString(it.link))
		}
		fmt.Fprintf(&b, "<title>%s</title>", html.EscapeString(it.title))
		if !it.date.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.date.Format(time.RFC1123Z))
		}
		if it.desc != "" {
			fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.desc))
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

// seedPage renders an example article (Markdown) as a news page with
// navigation and footer around it.
func seedPage(t *testing.T, name, title string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	var body bytes.Buffer
	if err := goldmark.Convert(src, &body); err != nil {
		t.Fatal(err)
	}
	return []byte(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + html.EscapeString(title) + ` | Outlet</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>` + body.String() + `</article></main>
<footer><p>© 2022 Outlet Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer></body></html>`)
}

// harness is a store, a pipeline and a poller whose fetcher reaches only
// loopback and resolves no names, so the tests never touch the internet.
type harness struct {
	st     *store.Store
	pl     *pipeline.Pipeline
	poller *Poller
	onNew  atomic.Int64
	clock  time.Time
}

func newHarness(t *testing.T, opts fetch.Options) *harness {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "p.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if opts.Allow == nil {
		opts.Allow = fetch.AllowLoopback
	}
	opts.HostInterval = time.Millisecond
	opts.Lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		return nil, fmt.Errorf("no DNS in tests (%s)", host)
	}
	h := &harness{st: st, pl: &pipeline.Pipeline{Store: st, Workers: 2}, clock: time.Now().UTC().Truncate(time.Second).Add(time.Second)} // sources added now are due
	h.poller = &Poller{
		Store: st, Fetcher: fetch.New(opts), Pipeline: h.pl,
		OnNew: func(_ context.Context, n int) { h.onNew.Add(int64(n)) },
		Now:   func() time.Time { return h.clock },
		Rand:  func() float64 { return 0.5 },
	}
	return h
}

func (h *harness) addSource(t *testing.T, u string) store.Source {
	t.Helper()
	src, _, err := h.st.AddSource(context.Background(), u, "")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// pollAll polls every source now, due or not.
func (h *harness) pollAll(t *testing.T) []Result {
	t.Helper()
	srcs, err := h.st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return h.poller.Poll(context.Background(), srcs)
}

func (h *harness) articles(t *testing.T) map[string]article.Article {
	t.Helper()
	out := map[string]article.Article{}
	err := h.st.Articles(context.Background(), func(a article.Article) error {
		out[a.URL] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPollEndToEnd(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	items := []rssItem{
		{guid: "urn:outlet:1", link: s.URL + "/world/iran-dismisses-cia", title: "Iran dismisses CIA concerns over its ties with Russia",
			date: time.Date(2022, 12, 17, 9, 0, 0, 0, time.UTC)},
		{guid: "urn:outlet:2", link: s.URL + "/world/no-permission", title: "Iran Says It Won't 'Seek Permission From Anyone' to Boost Russia Ties",
			date: time.Date(2022, 12, 18, 11, 30, 0, 0, time.UTC)},
		{guid: "urn:outlet:3", link: s.URL + "/world/burns-worried", title: "CIA director 'quite worried' about Iran-Russia defence partnership",
			date: time.Date(2022, 12, 17, 15, 45, 0, 0, time.UTC)},
	}
	seeds := []string{"000_65a4dbddd719858e.txt", "001_47faf601e63f5728.txt", "003_dc604e7a5f4e5b23.txt"}
	s.set(func(s *site) {
		s.feed = rss(items...)
		s.etag = `"feed-v1"`
		s.lastMod = "Sun, 18 Dec 2022 12:00:00 GMT"
		s.robots = "User-agent: *\nDisallow: /private/\n"
		for i, it := range items {
			u, _ := url.Parse(it.link)
			s.pages[u.Path] = page{status: 200, ctype: "text/html; charset=utf-8", body: seedPage(t, seeds[i], it.title)}
		}
	})
	h := newHarness(t, fetch.Options{})
	h.addSource(t, s.URL+"/feed")

	res, err := h.poller.PollDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].Err != nil || res[0].Items != 3 || res[0].New != 3 || res[0].Added != 3 || res[0].Fallback != 0 {
		t.Fatalf("first poll: %+v", res)
	}
	if h.onNew.Load() != 3 {
		t.Errorf("OnNew told of %d articles, want 3", h.onNew.Load())
	}
	arts := h.articles(t)
	if len(arts) != 3 {
		t.Fatalf("%d articles stored, want 3", len(arts))
	}
	phrases := []string{"Tehran and Moscow", "seek permission from anyone", "full-fledged defense partnership"}
	for i, it := range items {
		a, ok := arts[it.link]
		if !ok {
			t.Errorf("no article for %s", it.link)
			continue
		}
		if a.Title != it.title || !a.Published.Equal(it.date) {
			t.Errorf("article %s: title %q published %v; want the item's %q %v", a.ID, a.Title, a.Published, it.title, it.date)
		}
		if !strings.Contains(a.Text, phrases[i]) || strings.Contains(a.Text, "All rights reserved") || strings.Contains(a.Text, "Sport") {
			t.Errorf("article %s: body not extracted cleanly:\n%.300s", a.ID, a.Text)
		}
		if a.Format != "html" || !strings.HasPrefix(a.Source, s.URL) {
			t.Errorf("article %s: format %q source %q", a.ID, a.Format, a.Source)
		}
	}

	// The articles reach their stories.
	if err := h.pl.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	if err := h.pl.Briefs(ctx); err != nil {
		t.Fatal(err)
	}
	stories, err := h.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inStory := map[string]string{}
	for _, st := range stories {
		for _, m := range st.Members {
			inStory[m.ArticleID] = st.ID
		}
		if b, err := h.st.Brief(ctx, st.ID); err != nil || len(b) == 0 {
			t.Errorf("story %s: no brief (%v)", st.ID, err)
		}
	}
	for _, a := range arts {
		if inStory[a.ID] == "" {
			t.Errorf("article %s is in no story", a.ID)
		}
	}
	t.Logf("%d articles in %d stories", len(arts), len(stories))

	srcs, _ := h.st.Sources(ctx)
	if srcs[0].Items != 3 || srcs[0].Articles != 3 || srcs[0].ETag != `"feed-v1"` || srcs[0].Title != "Test Outlet" || srcs[0].Failures != 0 {
		t.Errorf("source after poll: %+v", srcs[0])
	}
	if want := h.clock.Add(DefaultInterval); !srcs[0].NextPoll.Equal(want) {
		t.Errorf("next poll %v, want %v", srcs[0].NextPoll, want)
	}

	// Second poll of the unchanged feed: a conditional GET answered 304,
	// and nothing else fetched.
	pagesBefore := s.hit("/world/no-permission")
	robotsBefore := s.hit("/robots.txt")
	res = h.pollAll(t)
	if !res[0].NotModified || res[0].Err != nil || res[0].Added != 0 {
		t.Fatalf("second poll: %+v", res[0])
	}
	hdr := s.lastFeedHeader()
	if hdr.Get("If-None-Match") != `"feed-v1"` || hdr.Get("If-Modified-Since") != "Sun, 18 Dec 2022 12:00:00 GMT" {
		t.Errorf("second poll was not conditional: %v", hdr)
	}
	for _, it := range items {
		u, _ := url.Parse(it.link)
		if n := s.hit(u.Path); n != 1 {
			t.Errorf("page %s fetched %d times, want 1", u.Path, n)
		}
	}
	if s.hit("/world/no-permission") != pagesBefore || s.hit("/robots.txt") != robotsBefore {
		t.Error("the second poll fetched more than the feed")
	}

	// The feed changes: only the new item's page is fetched.
	newItem := rssItem{guid: "urn:outlet:4", link: s.URL + "/world/full-fledged", title: "CIA Chief Says Russia-Iran Building 'Full-Fledged Defense Partnership'",
		date: time.Date(2022, 12, 16, 20, 0, 0, 0, time.UTC)}
	s.set(func(s *site) {
		s.feed = rss(append([]rssItem{newItem}, items...)...)
		s.etag = `"feed-v2"`
		s.pages["/world/full-fledged"] = page{status: 200, ctype: "text/html", body: seedPage(t, "002_e3d5ecafbe7b84a0.txt", newItem.title)}
	})
	res = h.pollAll(t)
	if res[0].Err != nil || res[0].Items != 4 || res[0].New != 1 || res[0].Added != 1 {
		t.Fatalf("third poll: %+v", res[0])
	}
	for _, it := range items {
		u, _ := url.Parse(it.link)
		if n := s.hit(u.Path); n != 1 {
			t.Errorf("seen page %s fetched %d times, want 1", u.Path, n)
		}
	}
	if s.hit("/world/full-fledged") != 1 || len(h.articles(t)) != 4 || h.onNew.Load() != 4 {
		t.Errorf("new item: page hits %d, articles %d, OnNew %d", s.hit("/world/full-fledged"), len(h.articles(t)), h.onNew.Load())
	}
}

// longText is an item description long enough to stand in for its page.
func longText(topic string) string {
	var b strings.Builder
	b.WriteString("<p>")
	for i := range 12 {
		fmt.Fprintf(&b, "Officials said on Monday that the %s talks would resume next week in Geneva, sentence %d. ", topic, i)
	}
	b.WriteString("</p>")
	return b.String()
}

func TestPollFallbackAndRetry(t *testing.T) {
	s := newSite(t)
	d := time.Date(2023, 5, 1, 8, 0, 0, 0, time.UTC)
	items := []rssItem{
		{guid: "gone", link: s.URL + "/gone", title: "Page gone, long description", desc: longText("trade"), date: d},
		{guid: "wall", link: s.URL + "/wall", title: "Consent wall, long description", desc: longText("energy"), date: d},
		{guid: "flaky", link: s.URL + "/flaky", title: "Server error, teaser only", desc: "A teaser.", date: d},
		{guid: "pdf", link: s.URL + "/report.pdf", title: "A PDF, teaser only", desc: "Read the report.", date: d},
		{guid: "nolink", title: "No link, long description", desc: longText("climate"), date: d},
	}
	s.set(func(s *site) {
		s.feed = rss(items...)
		s.etag = `"v1"`
		s.pages["/flaky"] = page{status: 503, ctype: "text/html", body: []byte("busy")}
		s.pages["/report.pdf"] = page{status: 200, ctype: "application/pdf", body: []byte("%PDF-1.4")}
		s.pages["/wall"] = page{status: 200, ctype: "text/html", body: []byte(`<html><head><title>Before you continue</title></head><body>
<nav><a href="/">Home</a></nav><div class="consent"><p>We value your privacy. We and our partners use cookies.</p>
<button>Accept all</button><button>Reject all</button></div></body></html>`)}
	})
	h := newHarness(t, fetch.Options{IgnoreRobots: true})
	h.addSource(t, s.URL+"/feed")
	r := h.pollAll(t)[0]
	if r.Err != nil || r.New != 5 || r.Added != 3 || r.Fallback != 3 || r.Deferred != 1 || r.Skipped != 1 {
		t.Fatalf("poll: %+v", r)
	}
	if len(r.Notes) != 3 || len(r.Problems) != 2 {
		t.Errorf("notes %q, problems %q", r.Notes, r.Problems)
	}
	arts := h.articles(t)
	if a := arts[s.URL+"/gone"]; !strings.Contains(a.Text, "trade talks would resume") || a.Title != items[0].title || !a.Published.Equal(d) {
		t.Errorf("fallback article: %+v", a)
	}
	if a := arts[s.URL+"/wall"]; !strings.Contains(a.Text, "energy talks would resume") || strings.Contains(a.Text, "cookies") {
		t.Errorf("consent wall instead of the feed's text: %q", a.Text)
	}
	found := false
	for _, a := range arts {
		found = found || strings.Contains(a.Text, "climate talks")
	}
	if !found {
		t.Error("the linkless item's own text was not stored")
	}
	src, _ := h.st.Sources(context.Background())
	if src[0].ETag != "" || src[0].Items != 4 {
		t.Errorf("with an item deferred, validators must be dropped and it left unrecorded: %+v", src[0])
	}

	// Next poll: the feed is fetched in full, the flaky page works now and
	// is taken; the PDF is not asked for again.
	s.set(func(s *site) {
		s.pages["/flaky"] = page{status: 200, ctype: "text/html", body: seedPage(t, "001_47faf601e63f5728.txt", items[1].title)}
	})
	r = h.pollAll(t)[0]
	if r.Err != nil || r.NotModified || r.New != 1 || r.Added != 1 || r.Deferred != 0 {
		t.Fatalf("retry poll: %+v", r)
	}
	if src, _ := h.st.Sources(context.Background()); src[0].Items != 5 || src[0].Articles != 4 {
		t.Errorf("after the retry: %+v", src[0])
	}
	if h := s.lastFeedHeader(); h.Get("If-None-Match") != "" {
		t.Error("feed fetched conditionally although an item was waiting")
	}
	if s.hit("/report.pdf") != 1 || s.hit("/gone") != 1 || s.hit("/flaky") != 2 {
		t.Errorf("hits: pdf %d gone %d flaky %d", s.hit("/report.pdf"), s.hit("/gone"), s.hit("/flaky"))
	}
}

func TestPollBackoff(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	s.set(func(s *site) { s.feedStatus = 500 })
	h := newHarness(t, fetch.Options{IgnoreRobots: true})
	h.poller.Rand = func() float64 { return 0 }
	src := h.addSource(t, s.URL+"/feed")
	start := h.clock
	var want []time.Duration
	for n := 1; n <= 4; n++ {
		r := h.pollAll(t)[0]
		if !errors.Is(r.Err, fetch.ErrStatus) {
			t.Fatalf("poll %d: %v, want a status error", n, r.Err)
		}
		got, _ := h.st.Source(ctx, src.ID)
		wait := got.NextPoll.Sub(h.clock)
		want = append(want, Backoff(n, DefaultRetryBase, DefaultMaxBackoff, 0))
		if got.Failures != n || wait != want[n-1] || !strings.Contains(got.LastError, "500") {
			t.Errorf("after failure %d: failures %d, next in %v (want %v), error %q", n, got.Failures, wait, want[n-1], got.LastError)
		}
		// Not due before its time.
		if due, _ := h.st.DueSources(ctx, h.clock.Add(wait-time.Second)); len(due) != 0 {
			t.Errorf("after failure %d: due again too early", n)
		}
		h.clock = got.NextPoll
	}
	if !(want[0] < want[1] && want[1] < want[2] && want[2] < want[3]) {
		t.Errorf("backoff does not grow: %v", want)
	}
	// A 503 with Retry-After: 3600 waits the hour it asks for.
	s.set(func(s *site) { s.feedStatus = 503 })
	h.pollAll(t)
	got, _ := h.st.Source(ctx, src.ID)
	if wait := got.NextPoll.Sub(h.clock); wait != time.Hour || got.Failures != 5 {
		t.Errorf("503 Retry-After 3600: next in %v, failures %d", wait, got.Failures)
	}
	// Recovery resets the count.
	s.set(func(s *site) { s.feedStatus = 200; s.feed = rss() })
	h.poller.Rand = func() float64 { return 0.5 }
	if r := h.pollAll(t)[0]; r.Err != nil {
		t.Fatal(r.Err)
	}
	got, _ = h.st.Source(ctx, src.ID)
	if got.Failures != 0 || got.LastError != "" || !got.NextPoll.Equal(h.clock.Add(DefaultInterval)) {
		t.Errorf("after recovery: %+v", got)
	}
	if h.clock.Sub(start) <= 0 {
		t.Error("clock did not move")
	}
}

func TestPollRobots(t *testing.T) {
	s := newSite(t)
	d := time.Date(2023, 5, 1, 8, 0, 0, 0, time.UTC)
	s.set(func(s *site) {
		s.robots = "User-agent: *\nAllow: /\n\nUser-agent: Parallax\nDisallow: /news/\n"
		s.feed = rss(
			rssItem{guid: "1", link: s.URL + "/news/1", title: "Long one", desc: longText("budget"), date: d},
			rssItem{guid: "2", link: s.URL + "/news/2", title: "Short one", desc: "Teaser.", date: d},
		)
		for _, p := range []string{"/news/1", "/news/2"} {
			s.pages[p] = page{status: 200, ctype: "text/html", body: seedPage(t, "001_47faf601e63f5728.txt", "x")}
		}
	})
	h := newHarness(t, fetch.Options{})
	h.addSource(t, s.URL+"/feed")
	r := h.pollAll(t)[0]
	if r.Err != nil || r.Added != 1 || r.Fallback != 1 || r.Skipped != 1 || r.Deferred != 0 {
		t.Fatalf("poll: %+v", r)
	}
	if s.hit("/news/1")+s.hit("/news/2") != 0 {
		t.Error("a page disallowed by robots.txt was fetched")
	}
	if !strings.Contains(strings.Join(r.Problems, "\n"), "robots.txt") {
		t.Errorf("problems do not name robots.txt: %q", r.Problems)
	}
}

func TestPollRefusesInternalAddresses(t *testing.T) {
	internal := newSite(t) // an internal service on loopback
	internal.set(func(s *site) {
		s.pages["/admin"] = page{status: 200, ctype: "text/html", body: []byte("<p>secret</p>")}
	})
	s := newSite(t)
	s.set(func(s *site) {
		s.feed = rss(
			rssItem{guid: "1", link: internal.URL + "/admin", title: "Loopback"},
			rssItem{guid: "2", link: "http://10.0.0.1/x", title: "Private"},
			rssItem{guid: "3", link: "http://169.254.169.254/latest/meta-data/", title: "Metadata"},
			rssItem{guid: "4", link: "http://[::1]/", title: "IPv6 loopback"},
			rssItem{guid: "5", link: s.URL + "/redirect", title: "Redirect to loopback"},
		)
		s.pages["/redirect"] = page{status: 302, ctype: "text/html", header: map[string]string{"Location": internal.URL + "/admin"}}
	})
	u, _ := url.Parse(s.URL)
	allowed := netip.MustParseAddrPort(u.Host)
	h := newHarness(t, fetch.Options{IgnoreRobots: true, Allow: func(ap netip.AddrPort) bool { return ap == allowed }})
	h.addSource(t, s.URL+"/feed")
	r := h.pollAll(t)[0]
	if r.Err != nil || r.Added != 0 || r.Skipped != 5 {
		t.Fatalf("poll: %+v", r)
	}
	for _, p := range r.Problems {
		if !strings.Contains(p, "forbidden address") {
			t.Errorf("problem %q does not name the refusal", p)
		}
	}
	if internal.hit("/admin") != 0 {
		t.Error("the internal service was reached")
	}
	// A source whose own URL is internal fails the same way.
	h.addSource(t, internal.URL+"/feed")
	for _, r := range h.pollAll(t) {
		if strings.HasPrefix(r.Source.URL, internal.URL) && !errors.Is(r.Err, fetch.ErrForbiddenAddress) {
			t.Errorf("internal feed: %v", r.Err)
		}
	}
}

func TestPollHostileFeeds(t *testing.T) {
	s := newSite(t)
	bomb, err := os.ReadFile(filepath.Join("testdata", "billion-laughs.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s.set(func(s *site) {
		s.feed = bomb
		s.pages["/huge"] = page{status: 200, ctype: "application/rss+xml", body: bytes.Repeat([]byte("<rss>"), 1<<20)}
	})
	h := newHarness(t, fetch.Options{IgnoreRobots: true, MaxBytes: 1 << 20})
	h.addSource(t, s.URL+"/feed")
	h.addSource(t, s.URL+"/huge")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := h.pollAll(t)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("polling hostile feeds allocated %d MB", alloc>>20)
	}
	// The bomb parses inert; its one item links to a host that does not
	// resolve here, so it waits for a later poll.
	if res[0].Err != nil || res[0].Items != 1 || res[0].Added != 0 {
		t.Errorf("billion laughs: %+v", res[0])
	}
	if !errors.Is(res[1].Err, fetch.ErrTooLarge) {
		t.Errorf("5 MB feed with a 1 MB cap: %v", res[1].Err)
	}
	src, _ := h.st.Sources(context.Background())
	if src[1].Failures != 1 || !strings.Contains(src[1].LastError, "too large") {
		t.Errorf("huge feed source: %+v", src[1])
	}
}

func TestRun(t *testing.T) {
	s := newSite(t)
	s.set(func(s *site) {
		s.feed = rss(rssItem{guid: "1", link: s.URL + "/a", title: "Iran Says It Won't 'Seek Permission From Anyone' to Boost Russia Ties"})
		s.pages["/a"] = page{status: 200, ctype: "text/html", body: seedPage(t, "001_47faf601e63f5728.txt", "x")}
	})
	h := newHarness(t, fetch.Options{IgnoreRobots: true})
	h.poller.Now = nil // real time: Run sleeps
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.poller.OnNew = func(context.Context, int) { cancel() }
	done := make(chan error, 1)
	go func() { done <- h.poller.Run(ctx) }()
	// Run finds no source, sleeps; a new source and Wake get it polled.
	h.addSource(t, s.URL+"/feed")
	h.poller.Wake()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run = %v, want nil after cancel", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not poll the new source after Wake")
	}
	if len(h.articles(t)) != 1 {
		t.Errorf("%d articles after Run", len(h.articles(t)))
	}
}

func TestPollIngestHook(t *testing.T) {
	s := newSite(t)
	s.set(func(s *site) {
		s.feed = rss(rssItem{guid: "1", link: s.URL + "/a", title: "Iran Says It Won't 'Seek Permission From Anyone' to Boost Russia Ties"})
		s.pages["/a"] = page{status: 200, ctype: "text/html", body: seedPage(t, "001_47faf601e63f5728.txt", "x")}
	})
	h := newHarness(t, fetch.Options{IgnoreRobots: true})
	var calls int
	h.poller.Ingest = func(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error) {
		calls++
		outs, _, err := h.pl.IngestRecords(ctx, recs)
		return outs, err
	}
	h.poller.Pipeline = nil
	h.addSource(t, s.URL+"/feed")
	if r := h.pollAll(t)[0]; r.Err != nil || r.Added != 1 || calls != 1 {
		t.Errorf("poll with an Ingest hook: %+v, %d calls", r, calls)
	}
}

func TestPollManyItems(t *testing.T) {
	s := newSite(t)
	var items []rssItem
	body := seedPage(t, "003_dc604e7a5f4e5b23.txt", "x")
	s.set(func(s *site) {
		for i := range 20 {
			path := fmt.Sprintf("/news/%02d", i)
			items = append(items, rssItem{guid: path, link: s.URL + path, title: fmt.Sprintf("Item %d", i),
				date: time.Date(2022, 12, 1+i, 0, 0, 0, 0, time.UTC)})
			s.pages[path] = page{status: 200, ctype: "text/html", body: body}
		}
		s.feed = rss(items...)
		s.etag = `"many"`
	})
	h := newHarness(t, fetch.Options{IgnoreRobots: true})
	var calls atomic.Int64
	h.poller.OnNew = func(_ context.Context, n int) { calls.Add(1); h.onNew.Add(int64(n)) }
	h.poller.MaxItems = 15
	h.addSource(t, s.URL+"/feed")
	r := h.pollAll(t)[0]
	if r.Err != nil || r.New != 15 || r.Added != 15 || r.Deferred != 5 {
		t.Fatalf("first poll: %+v", r)
	}
	// Newest first: the five oldest wait.
	for i := range 5 {
		if s.hit(fmt.Sprintf("/news/%02d", i)) != 0 {
			t.Errorf("old item %d taken before newer ones", i)
		}
	}
	if calls.Load() < 2 || h.onNew.Load() != 15 {
		t.Errorf("OnNew: %d calls for %d articles; want several calls (batches) for 15", calls.Load(), h.onNew.Load())
	}
	src, _ := h.st.Sources(context.Background())
	if src[0].ETag != "" {
		t.Error("validators kept although items were left")
	}
	r = h.pollAll(t)[0]
	if r.Err != nil || r.NotModified || r.New != 5 || r.Added != 5 || r.Deferred != 0 {
		t.Fatalf("second poll: %+v", r)
	}
	src, _ = h.st.Sources(context.Background())
	if src[0].ETag != `"many"` || src[0].Articles != 20 {
		t.Errorf("after taking all items: %+v", src[0])
	}
	if r := h.pollAll(t)[0]; !r.NotModified {
		t.Errorf("third poll not conditional: %+v", r)
	}
}
