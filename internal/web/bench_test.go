package web

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkStoryPage measures GET /stories/{id} for the seed story, whose
// stored object is a realistic one (about 95 KB of JSON: some 45 facts,
// 40 statements, 40 entities, 4 articles):
//
//   - handler: the web handler alone, one request at a time;
//
//   - handler-nocache: the same, decoding the story object every time;
//
//   - server: the whole server (security middleware, metrics, logging)
//     over HTTP on 127.0.0.1 with parallel keep-alive clients, reporting
//     requests per second;
//
//   - server-nocache: the same with every request rendered afresh (the
//     throughput when every request is for a different story).
//
//     go test ./internal/web -run '^$' -bench StoryPage -cpu 2
func BenchmarkStoryPage(b *testing.B) {
	e := newEnv(b)
	e.ingestSeeds(b)
	path := StoryPath(e.seedStory(b).ID)

	serve := func(b *testing.B, h http.Handler) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		b.ReportAllocs()
		for b.Loop() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("status %d", w.Code)
			}
		}
	}
	b.Run("handler", func(b *testing.B) { serve(b, e.web) })
	b.Run("handler-nocache", func(b *testing.B) {
		h, err := New(Config{Store: e.st})
		if err != nil {
			b.Fatal(err)
		}
		h.cache = newStoryCache(0)
		serve(b, h)
	})
	b.Run("server", func(b *testing.B) { serveParallel(b, e.srv.URL+path) })
	b.Run("server-nocache", func(b *testing.B) {
		e.web.cache = newStoryCache(0)
		serveParallel(b, e.srv.URL+path)
	})
}

// serveParallel requests url from parallel keep-alive clients and reports
// requests per second.
func serveParallel(b *testing.B, url string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(8) // 8 × GOMAXPROCS clients
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkStoryPhases measures the steps of rendering the seed story's
// page afresh, apart: reading its stored object, building the view model
// (citations rendered, charts laid out) and executing the templates.
//
//	go test ./internal/web -run '^$' -bench StoryPhases -cpu 1
func BenchmarkStoryPhases(b *testing.B) {
	e := newEnv(b)
	e.ingestSeeds(b)
	ctx := context.Background()
	raw, err := e.st.StoryBrief(ctx, e.seedStory(b).ID)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := decodeStory(raw)
	if err != nil {
		b.Fatal(err)
	}
	arts, err := e.st.ArticlesByID(ctx, doc.Articles)
	if err != nil {
		b.Fatal(err)
	}
	t := e.web.pages["story"]
	v, err := buildStoryView(doc, arts, storyMain, t)
	if err != nil {
		b.Fatal(err)
	}
	v.layout = e.web.layout(v.Title, "")
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := decodeStory(raw); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := buildStoryView(doc, arts, storyMain, t); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("execute", func(b *testing.B) {
		var buf bytes.Buffer
		b.ReportAllocs()
		for b.Loop() {
			buf.Reset()
			if err := t.ExecuteTemplate(&buf, "layout.html", v); err != nil {
				b.Fatal(err)
			}
		}
	})
}
