package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	"github.com/parallax-news/parallax/internal/store"
)

func TestSourcesAddListRemove(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	r := runCmd(t, "", "sources", "add", "--db", db, "https://a.example/feed.xml", "http://b.example/rss")
	if r.code != 0 || !strings.Contains(r.stdout, "added 1 https://a.example/feed.xml") || !strings.Contains(r.stdout, "added 2 http://b.example/rss") {
		t.Fatalf("add: %+v", r)
	}
	if r := runCmd(t, "", "sources", "add", "--db", db, "https://a.example/feed.xml"); r.code != 0 || !strings.Contains(r.stdout, "already there: 1") {
		t.Errorf("add again: %+v", r)
	}
	for _, bad := range []string{"file:///etc/passwd", "ftp://x.example/", "not-a-url"} {
		if r := runCmd(t, "", "sources", "add", "--db", db, bad); r.code == 0 {
			t.Errorf("add %q accepted", bad)
		}
	}
	r = runCmd(t, "", "sources", "list", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "https://a.example/feed.xml") || !strings.Contains(r.stdout, "http://b.example/rss") || !strings.Contains(r.stdout, "never") {
		t.Errorf("list: %+v", r)
	}
	if r := runCmd(t, "", "sources", "remove", "--db", db, "1", "http://b.example/rss"); r.code != 0 || strings.Count(r.stdout, "removed") != 2 {
		t.Errorf("remove: %+v", r)
	}
	if r := runCmd(t, "", "sources", "remove", "--db", db, "1"); r.code == 0 {
		t.Error("removing a missing source succeeded")
	}
	if r := runCmd(t, "", "sources", "list", "--db", db); strings.Contains(r.stdout, "example") {
		t.Errorf("list after remove: %s", r.stdout)
	}
}

func TestSourcesImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	opml := filepath.Join(dir, "subs.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><body>
<outline text="News"><outline text="Alpha" xmlUrl="https://alpha.example/rss"/></outline>
<outline text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>`), 0o644)
	r := runCmd(t, "", "sources", "import", "--db", db, opml)
	if r.code != 0 || !strings.Contains(r.stdout, "added 1 https://alpha.example/rss") || !strings.Contains(r.stderr, "skipped") {
		t.Errorf("import OPML: %+v", r)
	}
	r = runCmd(t, "# feeds\nhttps://beta.example/feed Beta\nhttps://alpha.example/rss\n", "sources", "import", "--db", db, "-")
	if r.code != 0 || !strings.Contains(r.stdout, "added 2 https://beta.example/feed") || !strings.Contains(r.stdout, "already there: 1") {
		t.Errorf("import lines from stdin: %+v", r)
	}
	if r := runCmd(t, "just words\n", "sources", "import", "--db", db, "-"); r.code == 0 {
		t.Error("a file with no URL was accepted")
	}
	r = runCmd(t, "", "sources", "list", "--db", db)
	if !strings.Contains(r.stdout, "Beta") {
		t.Errorf("title from the file not kept: %s", r.stdout)
	}
}

// newsServer serves a feed of two items whose pages are example articles,
// answering 304 to a conditional GET; pages counts the pages served.
func newsServer(t *testing.T, pages *atomic.Int64) *httptest.Server {
	t.Helper()
	page := func(seed, title string) []byte {
		src, err := os.ReadFile(filepath.Join("..", "..", "examples", "seeds", seed))
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		goldmark.Convert(src, &body)
		return []byte("<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article>" + body.String() + "</article></body></html>")
	}
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			if r.Header.Get("If-None-Match") == `"1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"1"`)
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>
<item><guid>a</guid><link>%[1]s/a</link><title>Iran dismisses CIA concerns</title><pubDate>Sat, 17 Dec 2022 09:00:00 +0000</pubDate></item>
<item><guid>b</guid><link>%[1]s/b</link><title>CIA director worried about Iran and Russia</title><pubDate>Sat, 17 Dec 2022 15:00:00 +0000</pubDate></item>
</channel></rss>`, srvURL)
		case "/a":
			pages.Add(1)
			w.Write(page("000_65a4dbddd719858e.txt", "Iran dismisses CIA concerns"))
		case "/b":
			pages.Add(1)
			w.Write(page("003_dc604e7a5f4e5b23.txt", "CIA director worried"))
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	srvURL = srv.URL
	return srv
}

func TestSourcesPollOnce(t *testing.T) {
	var pages atomic.Int64
	srv := newsServer(t, &pages)
	db := filepath.Join(t.TempDir(), "p.db")
	if r := runCmd(t, "", "sources", "add", "--db", db, srv.URL+"/feed"); r.code != 0 {
		t.Fatal(r)
	}
	if r := runCmd(t, "", "sources", "poll", "--once", "--interval", "5s", "--db", db); r.code == 0 || !strings.Contains(r.stderr, "at least") {
		t.Errorf("a 5s interval was accepted: %+v", r)
	}
	// By default the local server is an internal address: refused.
	r := runCmd(t, "", "sources", "poll", "--once", "--db", db)
	if r.code == 0 || !strings.Contains(r.stderr, "forbidden address") || pages.Load() != 0 {
		t.Fatalf("poll of a loopback feed without --allow-private: %+v", r)
	}
	r = runCmd(t, "", "sources", "poll", "--once", "--all", "--allow-private", "--host-delay", "1ms", "--db", db)
	if r.code != 0 || !strings.Contains(r.stderr, "2 new articles") || pages.Load() != 2 {
		t.Fatalf("poll: %+v (pages %d)", r, pages.Load())
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	stories, err := st.Stories(ctx)
	if err != nil || len(stories) == 0 {
		t.Fatalf("stories after poll: %d, %v", len(stories), err)
	}
	if stale, _ := st.StaleBriefs(ctx, 1); len(stale) != 0 {
		t.Errorf("%d briefs not built after poll", len(stale))
	}
	st.Close()
	// Polled just now: nothing is due; --all polls anyway and gets a 304.
	if r := runCmd(t, "", "sources", "poll", "--once", "--allow-private", "--db", db); r.code != 0 || !strings.Contains(r.stderr, "polled 0 sources") {
		t.Errorf("second poll: %+v", r)
	}
	if r := runCmd(t, "", "sources", "poll", "--once", "--all", "--allow-private", "--db", db); r.code != 0 || !strings.Contains(r.stderr, "not modified") || pages.Load() != 2 {
		t.Errorf("forced poll: %+v", r)
	}
	if r := runCmd(t, "", "sources", "list", "--db", db); !strings.Contains(r.stdout, "Local News") {
		t.Errorf("list after poll: %s", r.stdout)
	}
}

func TestSourcesPollForever(t *testing.T) {
	var pages atomic.Int64
	srv := newsServer(t, &pages)
	db := filepath.Join(t.TempDir(), "p.db")
	if r := runCmd(t, "", "sources", "add", "--db", db, srv.URL+"/feed"); r.code != 0 {
		t.Fatal(r)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	var stderr syncBuffer
	go func() {
		done <- run(ctx, []string{"sources", "poll", "--allow-private", "--host-delay", "1ms", "--db", db}, strings.NewReader(""), io.Discard, &stderr)
	}()
	// Wait (up to a generous limit) for the articles to reach stories with
	// briefs, then stop the command as an interrupt would.
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		stories, _ := st.Stories(ctx)
		stale, _ := st.StaleBriefs(ctx, 1)
		if members(stories) == 2 && len(stale) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("articles did not reach stories; stderr:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d after interrupt; stderr:\n%s", code, stderr.String())
	}
}

func members(stories []store.Story) int {
	n := 0
	for _, s := range stories {
		n += len(s.Members)
	}
	return n
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
