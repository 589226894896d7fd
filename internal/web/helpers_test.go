package web

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// moduleRoot walks up from the package directory to go.mod.
func moduleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// testEnv is the web UI over a real database file, served through the
// real server's handler (its middleware sets the security headers) by an
// HTTP server on 127.0.0.1.
type testEnv struct {
	st  *store.Store
	p   *pipeline.Pipeline
	web *Handler
	srv *httptest.Server
}

func newEnv(t testing.TB) *testEnv {
	t.Helper()
	return newEnvWith(t, Config{})
}

// newEnvWith is newEnv with a web configuration (its Store is filled in).
func newEnvWith(t testing.TB, cfg Config) *testEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	cfg.Store = st
	h, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(ctx, server.Config{Store: st, Addr: "127.0.0.1:0", Web: h, StoryPage: StoryPath})
	if err != nil {
		t.Fatal(err)
	}
	e := &testEnv{st: st, p: &pipeline.Pipeline{Store: st}, web: h, srv: httptest.NewServer(srv.Handler())}
	t.Cleanup(e.srv.Close)
	return e
}

// ingest runs paths through the pipeline: ingest, cluster, briefs.
func (e *testEnv) ingest(t testing.TB, paths ...string) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.p.Ingest(ctx, paths); err != nil {
		t.Fatal(err)
	}
	if err := e.p.Cluster(ctx); err != nil {
		t.Fatal(err)
	}
	if err := e.p.Briefs(ctx); err != nil {
		t.Fatal(err)
	}
}

func (e *testEnv) ingestSeeds(t testing.TB) {
	t.Helper()
	e.ingest(t, filepath.Join(moduleRoot(t), "examples", "seeds"))
}

// hostileArticles are articles built to break a page that trusts them,
// as a JSON array the pipeline ingests. The cleaner decodes the entities,
// so the stored title, outlet, byline and body hold live-looking markup
// (<script>, onerror=, onmouseover=), the URL is javascript:, and the body
// has a javascript: Markdown link. One speaks of the seed story's people,
// so that it may join their story; one is about something else.
const hostileArticles = `[{"title":"&lt;script&gt;alert(\"title\")&lt;/script&gt; Burns and Kanani trade words &lt;img src=x onerror=alert(1)&gt;","outlet":"Evil &lt;b onmouseover=alert(2)&gt;Outlet","byline":"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;","url":"javascript:alert(document.cookie)","published":"2022-12-19",
"html":"<html><body><article><h1>Burns and Kanani trade words</h1><p>CIA director William Burns said Iran and Russia are building a defense partnership, and Iranian Foreign Ministry spokesman Nasser Kanani said Iran does not seek permission from anyone. <img src=x onerror=alert(4)> The text shows &lt;img src=x onerror=alert(5)&gt; as words.</p><p>Readers were told to <a href=\"javascript:alert(6)\">click here</a>. Burns spoke to PBS on Friday; Kanani answered on Sunday.</p></article></body></html>"},
{"title":"Harvest festival &lt;script&gt;alert('fest')&lt;/script&gt; opens","outlet":"Village Gazette","url":"https://gazette.example/festival?a=1&b=<x>","published":"2023-09-02","text":"The harvest festival opened on Saturday with &lt;script&gt;alert('body')&lt;/script&gt; pumpkins and x < y.\n\nOrganisers said the [parade](javascript:alert(1)) would run until Sunday and onerror=alert(2) was painted on a banner.\n\nVisitors said \"&lt;b&gt;record&lt;/b&gt; crowds\" attended."}]`

// ingestHostile writes the hostile articles to a file and ingests it
// through the pipeline.
func (e *testEnv) ingestHostile(t testing.TB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(path, []byte(hostileArticles), 0o644); err != nil {
		t.Fatal(err)
	}
	e.ingest(t, path)
}

// response is what one request got.
type response struct {
	status int
	header http.Header
	body   string
}

func (e *testEnv) get(t testing.TB, path string, header ...string) response {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// stories returns the stored story objects.
func (e *testEnv) stories(t testing.TB) []report.Story {
	t.Helper()
	ctx := context.Background()
	sums, err := e.st.ListStories(ctx, store.StoryFilter{}, nil, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []report.Story
	for _, s := range sums {
		raw, err := e.st.StoryBrief(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		var obj report.Story
		if err := json.Unmarshal(raw, &obj); err != nil {
			t.Fatal(err)
		}
		out = append(out, obj)
	}
	return out
}

// seedStory returns the story holding the December 2022 articles: the one
// whose quotes include Nasser Kanani.
func (e *testEnv) seedStory(t testing.TB) report.Story {
	t.Helper()
	for _, s := range e.stories(t) {
		for _, q := range s.Quotes {
			if strings.Contains(q.Speaker, "Kanani") {
				return s
			}
		}
	}
	t.Fatal("no story quotes Kanani")
	return report.Story{}
}
