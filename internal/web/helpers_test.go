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

// hostileArticles are articles built to break a page that trusts them:
// markup in every field, event handlers and javascript: links in the body,
// a javascript: URL. One speaks of the seed story's people, so that it may
// join their story; one is about something else.
var hostileArticles = []map[string]string{
	{
		"title":     `<script>alert("title")</script> Burns and Kanani trade words <img src=x onerror=alert(1)>`,
		"url":       `javascript:alert(document.cookie)`,
		"outlet":    `<b onmouseover=alert(2)>Evil Outlet</b>`,
		"byline":    `"><script>alert(3)</script>`,
		"published": "2022-12-19",
		"html": `<html><head><title><script>alert("t")</script></title></head><body><article>
<h1><script>alert("title")</script> Burns and Kanani trade words</h1>
<p>CIA director William Burns said Iran and Russia are building a defense partnership, and Iranian Foreign Ministry
spokesman Nasser Kanani said Iran "does not seek permission from anyone". <img src=x onerror=alert(4)></p>
<p>Readers were told to <a href="javascript:alert(5)">click here</a> or <a href="JaVaScRiPt:alert(6)">here</a>,
and the page carried <svg onload=alert(7)></svg> and <iframe src="javascript:alert(8)"></iframe>.</p>
<p>The text itself says javascript:alert(9) and onerror=alert(10) and &lt;script&gt;alert(11)&lt;/script&gt; in plain words,
as a test of escaping. Burns spoke to PBS on Friday; Kanani answered on Sunday.</p>
</article></body></html>`,
	},
	{
		"title":     `Harvest festival "<script>" opens <style>body{display:none}</style>`,
		"outlet":    `Village <i>Gazette</i>`,
		"url":       `https://gazette.example/festival?a=1&b=<x>`,
		"published": "2023-09-02",
		"text": "The harvest festival opened on Saturday with <script>alert('body')</script> pumpkins.\n\n" +
			"Organisers said the <a href=\"javascript:alert(1)\">parade</a> would run until Sunday " +
			"and onerror=alert(2) was painted on a banner by pranksters.\n\n" +
			"Visitors came from three villages; the mayor said \"<b>record</b> crowds\" attended.",
	},
}

// ingestHostile writes the hostile articles as a JSON file and ingests it
// through the pipeline.
func (e *testEnv) ingestHostile(t testing.TB) {
	t.Helper()
	b, err := json.Marshal(hostileArticles)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(path, b, 0o644); err != nil {
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
