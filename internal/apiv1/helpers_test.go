package apiv1

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
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

// testEnv is an API over a real database file, served by a real HTTP
// server on 127.0.0.1.
type testEnv struct {
	st  *store.Store
	p   *pipeline.Pipeline
	srv *httptest.Server
}

// newEnv opens a fresh database and serves the API over it. Posted
// articles are ingested and the stories updated before the response, so
// tests see them at once.
func newEnv(t testing.TB) *testEnv {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := &testEnv{st: st, p: &pipeline.Pipeline{Store: st}}
	api := New(Config{
		Store: st,
		Ingest: func(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error) {
			outs, _, err := e.p.IngestRecords(ctx, recs)
			if err != nil {
				return nil, err
			}
			return outs, e.update(ctx)
		},
		StoryPage: func(id string) string { return "/stories/" + id },
	})
	e.srv = httptest.NewServer(api.Handler())
	t.Cleanup(e.srv.Close)
	return e
}

func (e *testEnv) update(ctx context.Context) error {
	if err := e.p.Cluster(ctx); err != nil {
		return err
	}
	return e.p.Briefs(ctx)
}

// ingestSeeds ingests examples/seeds through the pipeline.
func (e *testEnv) ingestSeeds(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	if _, err := e.p.Ingest(ctx, []string{filepath.Join(moduleRoot(t), "examples", "seeds")}); err != nil {
		t.Fatal(err)
	}
	if err := e.update(ctx); err != nil {
		t.Fatal(err)
	}
}

// response is what one request got.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) errorCode() string {
	var eb ErrorBody
	json.Unmarshal(r.body, &eb)
	return eb.Error.Code
}

func (e *testEnv) do(t testing.TB, method, path, contentType string, body []byte) response {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (e *testEnv) get(t testing.TB, path string) response {
	t.Helper()
	return e.do(t, "GET", path, "", nil)
}

// getJSON gets path, expects 200 JSON and decodes it into v.
func (e *testEnv) getJSON(t testing.TB, path string, v any) {
	t.Helper()
	r := e.get(t, path)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// fixture stores hand-made articles and stories with fixed story objects,
// as the pipeline would have stored them: stable input for golden files.
func fixture(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	day := func(d int) time.Time { return time.Date(2022, 12, d, 0, 0, 0, 0, time.UTC) }
	arts := []*article.Article{
		{ID: "a1", Hash: "h1", Source: "seeds/001.txt", Format: "markdown", Title: "Iran says it won't \"seek permission\"",
			Outlet: "The Moscow Times", Byline: "AFP", Wire: "AFP", URL: "https://example.test/a1", Published: day(18),
			Dateline: "Tehran", Text: "Iran's Foreign Ministry said Sunday it would not \"seek permission from anyone\".\n\nWestern countries have accused Iran of supplying drones."},
		{ID: "a2", Hash: "h2", Source: "seeds/002.txt", Format: "html", Title: "=HYPERLINK(\"http://evil.test\") <b>CIA chief</b>",
			Outlet: "PBS", URL: "https://example.test/a2", Published: day(20),
			Text: "CIA Director William Burns said Russia and Iran are building a defense partnership."},
		{ID: "b1", Hash: "h3", Source: "api#1", Format: "json", Title: "Undated note", Text: "A note without a date."},
	}
	for _, a := range arts {
		if _, err := st.AddArticle(ctx, a, nil, []byte(a.Text), 1); err != nil {
			t.Fatal(err)
		}
	}
	stories := []store.Story{
		{ID: "s-a1", Title: arts[0].Title, Storyline: "l-a1", FirstSeen: day(18), LastSeen: day(20),
			Members: []store.Member{{ArticleID: "a1", Score: 0, Reason: "new story"}, {ArticleID: "a2", Score: 0.42, Reason: "shares Iran, Russia; cosine 0.51"}}},
		{ID: "s-b1", Title: "Undated note", Members: []store.Member{{ArticleID: "b1", Reason: "new story"}}},
	}
	if err := st.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	briefs := map[string]string{
		"s-a1": `{"id":"s-a1","title":"Iran says it won't \"seek permission\"","storyline":"l-a1","articles":["a1","a2"],` +
			`"outlets":["The Moscow Times","PBS"],"first":"2022-12-18","last":"2022-12-20",` +
			`"why":[{"article":"a1","score":0,"reason":"new story"},{"article":"a2","score":0.42,"reason":"shares Iran, Russia; cosine 0.51"}],` +
			`"reused":[],"summary":[{"text":"Iran said it would not seek permission <from anyone>.","articles":["a1"]}],` +
			`"facts":[],"quotes":[],"entities":[{"name":"William Burns","type":"person","aliases":["Burns"],"articles":["a2"]},` +
			`{"name":"Iran","type":"place","aliases":[],"articles":["a1","a2"]}],"timeline":[],"framing":[]}`,
		"s-b1": `{"id":"s-b1","title":"Undated note","storyline":"","articles":["b1"],"outlets":[],"first":null,"last":null,` +
			`"why":[{"article":"b1","score":0,"reason":"new story"}],"reused":[],"summary":[],"facts":[],"quotes":[],"entities":[],"timeline":[],"framing":[]}`,
	}
	for id, b := range briefs {
		if err := st.SaveBrief(ctx, id, []byte(b), 1); err != nil {
			t.Fatal(err)
		}
	}
}

// volatile matches the parts of a response that change from run to run:
// when a story's membership was recorded, and the test server's address.
var volatile = regexp.MustCompile(`20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ|http://127\.0\.0\.1:\d+`)

// golden compares got with testdata/golden/name (rewritten with -update),
// after masking volatile parts.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	got = volatile.ReplaceAllFunc(got, func(m []byte) []byte {
		if bytes.HasPrefix(m, []byte("http")) {
			return []byte("http://HOST")
		}
		return []byte("TIME")
	})
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run with -update to accept):\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func itemIDs(items []StoryItem) []string {
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
