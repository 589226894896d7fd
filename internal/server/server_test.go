package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

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

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "serve.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// running is a server serving on a real 127.0.0.1 port in the background.
type running struct {
	srv  *Server
	url  string
	stop func() error // shuts the server down and returns Serve's error
}

// start runs a server with cfg (Store and Addr filled in when empty).
func start(t testing.TB, cfg Config) *running {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = openStore(t)
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:0"
	}
	if cfg.UpdateDelay == 0 {
		cfg.UpdateDelay = 20 * time.Millisecond
	}
	srv, err := New(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	var once sync.Once
	var serveErr error
	r := &running{srv: srv, url: "http://" + ln.Addr().String(), stop: func() error {
		once.Do(func() {
			cancel()
			serveErr = <-done
		})
		return serveErr
	}}
	t.Cleanup(func() { r.stop() })
	return r
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) code() string {
	var eb apiv1.ErrorBody
	json.Unmarshal(r.body, &eb)
	return eb.Error.Code
}

// send makes one request; header holds extra headers ("Host" sets the
// request's Host).
func send(t testing.TB, method, url string, body []byte, header map[string]string) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: res.StatusCode, header: res.Header, body: b}
}

var jsonType = map[string]string{"Content-Type": "application/json"}

const testToken = "0123456789abcdef-secret"

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/panic" {
			panic("boom")
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><p>web UI</p>")
	})
	r := start(t, Config{Web: web, Token: testToken})
	tests := []struct {
		method, path string
		header       map[string]string
		status       int
	}{
		{"GET", "/", nil, 200},
		{"GET", "/panic", nil, 500},
		{"GET", "/healthz", nil, 200},
		{"GET", "/metrics", nil, 200},
		{"GET", "/api/v1/stories", nil, 200},
		{"GET", "/api/v1/openapi.json", nil, 200},
		{"GET", "/api/v1/stories.atom", nil, 200},
		{"GET", "/api/v1/missing", nil, 404},
		{"DELETE", "/api/v1/stories", nil, 401}, // writes need the token first
		{"GET", "/api/v1/articles", nil, 405},
		{"POST", "/api/v1/articles", jsonType, 401},
		{"POST", "/api/v1/articles", map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testToken, "Sec-Fetch-Site": "cross-site"}, 403},
		{"GET", "/api/v1/stories", map[string]string{"Host": "rebind.example"}, 403},
	}
	for _, tt := range tests {
		got := send(t, tt.method, r.url+tt.path, []byte(`{"text":"x"}`), tt.header)
		if got.status != tt.status {
			t.Errorf("%s %s: status %d, want %d (%s)", tt.method, tt.path, got.status, tt.status, got.body)
		}
		h := got.header
		if h.Get("Content-Security-Policy") != ContentSecurityPolicy || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("Referrer-Policy") != "no-referrer" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s %s: security headers missing: %v", tt.method, tt.path, h)
		}
		if ct := h.Get("Content-Type"); got.status >= 400 && ct != "application/json; charset=utf-8" {
			t.Errorf("%s %s: error with Content-Type %q", tt.method, tt.path, ct)
		}
	}
}

func TestTokenRules(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	for _, tt := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"[::1]:8080", "", true},
		{"localhost:8080", "", true},
		{":8080", "", false},
		{"0.0.0.0:8080", "", false},
		{"192.0.2.10:8080", "", false},
		{"0.0.0.0:8080", "short", false},
		{"0.0.0.0:8080", testToken, true},
		{"no-port", "", false},
	} {
		_, err := New(ctx, Config{Store: st, Addr: tt.addr, Token: tt.token})
		if (err == nil) != tt.ok {
			t.Errorf("New(%q, token %q): %v, want ok=%v", tt.addr, tt.token, err, tt.ok)
		}
		if tt.token == "" && strings.HasPrefix(tt.addr, "0.0.0.0") && !errors.Is(err, ErrTokenRequired) {
			t.Errorf("New(%q) without token: %v, want ErrTokenRequired", tt.addr, err)
		}
	}

	r := start(t, Config{Token: testToken})
	post := func(auth string) reply {
		h := map[string]string{"Content-Type": "application/json"}
		if auth != "" {
			h["Authorization"] = auth
		}
		return send(t, "POST", r.url+"/api/v1/articles", []byte(`{"title":"T","text":"Some words to store here."}`), h)
	}
	if got := post(""); got.status != 401 || got.code() != apiv1.CodeUnauthorized || got.header.Get("WWW-Authenticate") == "" {
		t.Errorf("no token: %d %s", got.status, got.body)
	}
	if got := post("Bearer wrong-token-of-some-length"); got.status != 401 {
		t.Errorf("wrong token: %d %s", got.status, got.body)
	}
	if got := post("Bearer " + testToken); got.status != 200 {
		t.Errorf("right token: %d %s", got.status, got.body)
	}
	if got := send(t, "GET", r.url+"/api/v1/stories", nil, nil); got.status != 200 {
		t.Errorf("read without token: %d", got.status)
	}
	// Without a token (loopback), writes need no token, but still no
	// cross-origin browser writes.
	open := start(t, Config{})
	if got := send(t, "POST", open.url+"/api/v1/articles", []byte(`{"text":"Words."}`), jsonType); got.status != 200 {
		t.Errorf("loopback write: %d %s", got.status, got.body)
	}
	for _, h := range []map[string]string{
		{"Content-Type": "application/json", "Origin": "http://evil.example"},
		{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"},
	} {
		if got := send(t, "POST", open.url+"/api/v1/articles", []byte(`{"text":"Words."}`), h); got.status != 403 || got.code() != apiv1.CodeForbidden {
			t.Errorf("cross-origin write %v: %d %s", h, got.status, got.body)
		}
	}
}

func TestHostCheck(t *testing.T) {
	r := start(t, Config{AllowedHosts: []string{"news.example.org"}})
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"", 200}, // 127.0.0.1:port
		{"localhost", 200},
		{"LOCALHOST:8080", 200},
		{"[::1]:8080", 200},
		{"app.localhost", 200},
		{"news.example.org", 200},
		{"news.example.org:443", 200},
		{"attacker.example", 403},
		{"127.0.0.1.attacker.example", 403},
	} {
		h := map[string]string{}
		if tt.host != "" {
			h["Host"] = tt.host
		}
		if got := send(t, "GET", r.url+"/healthz", nil, h); got.status != tt.status {
			t.Errorf("Host %q: %d, want %d", tt.host, got.status, tt.status)
		}
	}
}

func TestBodyLimit(t *testing.T) {
	r := start(t, Config{})
	big := bytes.Repeat([]byte(" "), apiv1.MaxPostBytes+1)
	got := send(t, "POST", r.url+"/api/v1/articles", big, jsonType)
	if got.status != http.StatusRequestEntityTooLarge || got.code() != apiv1.CodeTooLarge {
		t.Errorf("over the limit: %d %s", got.status, got.body)
	}
}

// TestServeSeedsAndHostile runs the whole service: the seed articles and a
// hostile one are posted, the background update clusters them, and the
// API serves the stories.
func TestServeSeedsAndHostile(t *testing.T) {
	r := start(t, Config{})
	seeds, err := filepath.Glob(filepath.Join(moduleRoot(t), "examples", "seeds", "*.txt"))
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v, %v", seeds, err)
	}
	var arts []map[string]string
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, map[string]string{"text": string(b)})
	}
	arts = append(arts, map[string]string{
		"title": `<script>alert(1)</script>Hostile`, "outlet": "Evil",
		"text": `A body with <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a> [x](javascript:alert(3)).`,
	})
	body, _ := json.Marshal(arts)
	got := send(t, "POST", r.url+"/api/v1/articles", body, jsonType)
	var res apiv1.PostResult
	if err := json.Unmarshal(got.body, &res); err != nil || got.status != 200 || res.Created != 6 {
		t.Fatalf("POST: %d %s", got.status, got.body)
	}
	list := waitForStories(t, r.url, 6)
	if len(list.Stories) < 2 {
		t.Logf("note: %d stories from 5 seeds and a hostile article", len(list.Stories))
	}
	// The December story holds seed 001 (The Moscow Times).
	var seed001 report.Article
	getJSON(t, r.url+"/api/v1/articles/"+res.Results[1].ID, &seed001)
	if seed001.Outlet != "The Moscow Times" || seed001.Story == "" {
		t.Fatalf("seed 001 = %+v", seed001)
	}
	var story map[string]any
	getJSON(t, r.url+"/api/v1/stories/"+seed001.Story, &story)
	if first, _ := story["first"].(string); !strings.HasPrefix(first, "2022-12") {
		t.Errorf("story of seed 001 starts %v", story["first"])
	}
	// The hostile article comes back as inert JSON.
	for _, p := range []string{"/api/v1/articles/" + res.Results[5].ID, "/api/v1/stories", "/api/v1/search?q=alert"} {
		got := send(t, "GET", r.url+p, nil, nil)
		if got.status != 200 || got.header.Get("Content-Type") != "application/json; charset=utf-8" ||
			bytes.ContainsAny(got.body, "<>") || got.header.Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Errorf("GET %s: %d %q %.300s", p, got.status, got.header.Get("Content-Type"), got.body)
		}
	}
	// The metrics saw the ingest and the update.
	m := string(send(t, "GET", r.url+"/metrics", nil, nil).body)
	for _, want := range []string{
		`parallax_articles_ingested_total{outcome="created"} 6`,
		`parallax_updates_total{result="ok"}`,
		`parallax_stage_duration_seconds_count{stage="cluster"}`,
		`parallax_articles 6`,
		`parallax_http_requests_total{route="/api/v1/articles",code="200"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

// waitForStories polls the story list until its stories hold n articles
// and all are ready.
func waitForStories(t testing.TB, base string, n int) apiv1.StoryList {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var list apiv1.StoryList
		getJSON(t, base+"/api/v1/stories?limit=100", &list)
		total, ready := 0, true
		for _, s := range list.Stories {
			total += s.ArticleCount
			ready = ready && s.Ready
		}
		if total == n && ready {
			return list
		}
		if time.Now().After(deadline) {
			t.Fatalf("stories not updated: %+v", list)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func getJSON(t testing.TB, url string, v any) {
	t.Helper()
	got := send(t, "GET", url, nil, nil)
	if got.status != 200 {
		t.Fatalf("GET %s: %d %s", url, got.status, got.body)
	}
	if err := json.Unmarshal(got.body, v); err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
}

// TestGracefulShutdown cancels the server while a request is in flight:
// the request completes, background tasks see their context end, and
// Serve returns.
func TestGracefulShutdown(t *testing.T) {
	entered := make(chan struct{})
	web := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(entered)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "done")
	})
	var taskStopped atomic.Bool
	task := func(ctx context.Context, srv *Server) error {
		<-ctx.Done()
		taskStopped.Store(true)
		return ctx.Err()
	}
	r := start(t, Config{Web: web, Background: []func(context.Context, *Server) error{task}})
	result := make(chan reply, 1)
	go func() { result <- send(t, "GET", r.url+"/slow", nil, nil) }()
	<-entered
	if !healthy(r) {
		t.Error("not healthy before shutdown")
	}
	stopped := make(chan error, 1)
	go func() { stopped <- r.stop() }()
	got := <-result
	if got.status != 200 || string(got.body) != "done" {
		t.Errorf("in-flight request: %d %q", got.status, got.body)
	}
	select {
	case err := <-stopped:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return")
	}
	if !taskStopped.Load() {
		t.Error("background task still running after Serve returned")
	}
	if _, err := http.Get(r.url + "/healthz"); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}

func healthy(r *running) bool {
	res, err := http.Get(r.url + "/healthz")
	if err != nil {
		return false
	}
	res.Body.Close()
	return res.StatusCode == 200
}

// TestUpdaterDebounces posts bursts and checks the update runs once per
// burst, never twice at once, and stops on shutdown.
func TestUpdaterDebounces(t *testing.T) {
	var runs, running, overlap atomic.Int32
	slow := make(chan struct{})
	update := func(ctx context.Context) error {
		if running.Add(1) > 1 {
			overlap.Add(1)
		}
		defer running.Add(-1)
		runs.Add(1)
		select {
		case <-slow:
		case <-ctx.Done():
			return ctx.Err()
		}
		return nil
	}
	m := newMetrics()
	u := newUpdater(update, 30*time.Millisecond, time.Second, slog.New(slog.DiscardHandler), m)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { u.loop(ctx); close(done) }()

	for range 50 { // a burst
		u.trigger(1)
		time.Sleep(time.Millisecond)
	}
	waitFor(t, func() bool { return runs.Load() == 1 })
	for range 20 { // more while the first runs
		u.trigger(1)
	}
	slow <- struct{}{} // the first ends
	waitFor(t, func() bool { return runs.Load() == 2 })
	if d := u.pending.Load(); d != 0 {
		t.Errorf("queue depth %d while the second update runs", d)
	}
	u.trigger(3) // waits while the second runs
	if got := gauge(m, metricQueueDepth); got != 3 {
		t.Errorf("queue depth gauge %v, want 3", got)
	}
	cancel() // shutdown during the second update
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("updater did not stop")
	}
	if runs.Load() != 2 || overlap.Load() != 0 {
		t.Errorf("%d runs (want 2), %d overlapping", runs.Load(), overlap.Load())
	}
	if c := m.counters[metricUpdates]["ok"]; c != 1 {
		t.Errorf("ok updates counted %v, want 1", c)
	}
}

// TestUpdaterRetries checks that a failed update is counted and retried.
func TestUpdaterRetries(t *testing.T) {
	var runs atomic.Int32
	update := func(ctx context.Context) error {
		if runs.Add(1) == 1 {
			return errors.New("disk full")
		}
		return nil
	}
	m := newMetrics()
	u := newUpdater(update, time.Millisecond, time.Second, slog.New(slog.DiscardHandler), m)
	u.retry = 10 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go u.loop(ctx)
	u.trigger(4)
	waitFor(t, func() bool { return runs.Load() == 2 })
	waitFor(t, func() bool { m.mu.Lock(); defer m.mu.Unlock(); return m.counters[metricUpdates]["ok"] == 1 })
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.counters[metricUpdates]["error"] != 1 {
		t.Errorf("errors counted: %v", m.counters[metricUpdates])
	}
}

func gauge(m *metrics, name string) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.gauges[name]
}

func waitFor(t testing.TB, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached in 10s")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// TestCatchUpAtStart opens a server on a database with articles not yet
// clustered: it updates the stories without being asked.
func TestCatchUpAtStart(t *testing.T) {
	st := openStore(t)
	srv, err := New(context.Background(), Config{Store: st, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	recs := []ingest.Record{{Source: "test", Format: ingest.FormatText, Text: "The council voted to approve the library budget on Tuesday."}}
	if _, _, err := srv.pipe.IngestRecords(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	r := start(t, Config{Store: st})
	waitForStories(t, r.url, 1)
}

func TestRoutesDocumented(t *testing.T) {
	srv, err := New(context.Background(), Config{Store: openStore(t), Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct {
				Ref  string `json:"$ref"`
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
		Components struct {
			Parameters map[string]struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
		} `json:"components"`
	}
	if err := json.Unmarshal(apiv1.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	documented := map[string]bool{}
	ops := map[string]bool{}
	for path, methods := range doc.Paths {
		for method, op := range methods {
			key := strings.ToUpper(method) + " " + path
			documented[key] = true
			if op.OperationID == "" || ops[op.OperationID] || len(op.Responses) == 0 {
				t.Errorf("%s: operationId %q (unique, required) and responses required", key, op.OperationID)
			}
			ops[op.OperationID] = true
		}
	}
	served := map[string]bool{}
	for _, rt := range srv.Routes() {
		key := rt.Method + " " + rt.Pattern
		served[key] = true
		if !documented[key] {
			t.Errorf("route %s is not in openapi.json", key)
			continue
		}
		op := doc.Paths[rt.Pattern][strings.ToLower(rt.Method)]
		var query, path []string
		for _, p := range op.Parameters {
			if p.Ref != "" {
				c := doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
				p.Name, p.In = c.Name, c.In
			}
			switch p.In {
			case "query":
				query = append(query, p.Name)
			case "path":
				path = append(path, p.Name)
			}
		}
		slices.Sort(query)
		want := slices.Clone(rt.Query)
		slices.Sort(want)
		if !slices.Equal(query, want) {
			t.Errorf("%s: documented query parameters %v, accepted %v", key, query, want)
		}
		for _, seg := range strings.Split(rt.Pattern, "/") {
			if strings.HasPrefix(seg, "{") && !slices.Contains(path, strings.Trim(seg, "{}")) {
				t.Errorf("%s: path parameter %s not documented", key, seg)
			}
		}
	}
	for key := range documented {
		if !served[key] {
			t.Errorf("openapi.json documents %s, which is not served", key)
		}
	}
}

// TestOpenAPIRefsResolve checks every $ref in the document points at a
// component that exists.
func TestOpenAPIRefsResolve(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(apiv1.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if k == "$ref" {
					var at any = doc
					for _, part := range strings.Split(strings.TrimPrefix(x.(string), "#/"), "/") {
						m, _ := at.(map[string]any)
						at = m[part]
					}
					if at == nil {
						t.Errorf("unresolved $ref %s", x)
					}
					continue
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	if doc["openapi"] != "3.0.3" {
		t.Errorf("openapi version %v", doc["openapi"])
	}
}
