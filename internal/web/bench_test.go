package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// BenchmarkStoryPage measures GET /stories/{id} for the seed story, whose
// stored object is a realistic one (about 120 KB of JSON: 57 facts, 54
// statements, 50 entities, 5 articles):
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
