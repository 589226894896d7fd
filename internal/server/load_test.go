package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

// loadStories is the number of stories in the load test's database.
const loadStories = 10000

// BenchmarkLoad measures GET /api/v1/stories and GET /api/v1/stories/{id}
// on a database of 10,000 stories (25,000 articles), served by the whole
// server (middleware, logging, metrics) on 127.0.0.1, while one client
// posts new articles to POST /api/v1/articles back to back (ingest: clean,
// store, index for search). The story update is turned off during the
// run: it would re-cluster the whole archive and replace the synthetic
// stories. Each sub-benchmark reports requests/s, p50 and p99 latency and
// the articles/s ingested meanwhile.
//
// The database is built through store methods (articles with distinct
// synthetic text, stories, story objects sized like the seed story's,
// about 16 KB per article), not through the clusterer. Set
// PARALLAX_LOAD_DB to keep it between runs.
//
//	go test ./internal/server -run '^$' -bench Load -benchtime 20000x -cpu 2
func BenchmarkLoad(b *testing.B) {
	ctx := context.Background()
	path := os.Getenv("PARALLAX_LOAD_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "load.db")
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if n, _ := st.CountStories(ctx); n < loadStories {
		start := time.Now()
		buildLoadDB(b, st, loadStories)
		b.Logf("built %d stories in %v", loadStories, time.Since(start).Round(time.Second))
	}
	ids, cursors := loadTargets(b, st)

	log := slog.New(slog.NewJSONHandler(io.Discard, nil)) // request logs formatted, not written
	ui, err := web.New(web.Config{Store: st, Logger: log})
	if err != nil {
		b.Fatal(err)
	}
	r := start(b, Config{Store: st, Logger: log, Web: ui, Update: func(context.Context) error { return nil }})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}}

	var ingested atomic.Int64
	pick := func(rng *rand.Rand, kind string) string {
		switch {
		case kind == "page": // the web UI's story page, mostly rendered afresh
			return web.StoryPath(ids[rng.IntN(len(ids))])
		case kind == "story" || (kind == "mixed" && rng.IntN(2) == 0):
			return "/api/v1/stories/" + ids[rng.IntN(len(ids))]
		case rng.IntN(2) == 0:
			return "/api/v1/stories"
		default:
			return "/api/v1/stories?cursor=" + url.QueryEscape(cursors[rng.IntN(len(cursors))])
		}
	}
	for _, sub := range []struct {
		kind   string
		ingest bool
	}{{"stories", false}, {"story", false}, {"page", false}, {"stories", true}, {"story", true}, {"page", true}, {"mixed", true}} {
		kind, name := sub.kind, sub.kind+"/idle"
		if sub.ingest {
			name = sub.kind + "/ingesting"
		}
		b.Run(name, func(b *testing.B) {
			if sub.ingest {
				stop := ingestLoad(b, client, r.url, &ingested)
				defer stop()
				time.Sleep(time.Second) // let the ingest get going
			}
			var mu sync.Mutex
			var lat []time.Duration
			before := ingested.Load()
			cpuBefore := cpuTime()
			start := time.Now()
			b.SetParallelism(4) // 4 clients per core
			b.RunParallel(func(pb *testing.PB) {
				rng := rand.New(rand.NewPCG(rand.Uint64(), 1))
				var mine []time.Duration
				for pb.Next() {
					t0 := time.Now()
					res, err := client.Get(r.url + pick(rng, kind))
					if err != nil {
						b.Error(err)
						return
					}
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if err != nil || res.StatusCode != 200 {
						b.Errorf("status %d, %v", res.StatusCode, err)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			elapsed := time.Since(start)
			cpu := cpuTime() - cpuBefore
			slices.Sort(lat)
			if len(lat) == 0 {
				return
			}
			b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
			b.ReportMetric(ms(lat[len(lat)/2]), "p50-ms")
			b.ReportMetric(ms(lat[len(lat)*99/100]), "p99-ms")
			b.ReportMetric(float64(ingested.Load()-before)/elapsed.Seconds(), "ingested/s")
			// The process's CPU time (server, clients and ingest) per
			// request, and the share of the machine's cores it got: on a
			// shared machine, req/s falls with that share.
			b.ReportMetric(ms(cpu)/float64(len(lat)), "cpu-ms/req")
			b.ReportMetric(cpu.Seconds()/elapsed.Seconds()/float64(runtime.NumCPU()), "cpu-share")
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// cpuTime is the CPU time (user and system) this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// ingestLoad posts batches of 10 new articles back to back until stopped,
// counting those stored.
func ingestLoad(b *testing.B, client *http.Client, base string, n *atomic.Int64) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	run := time.Now().UnixNano()
	go func() {
		defer close(done)
		for batch := 0; ctx.Err() == nil; batch++ {
			var recs []map[string]string
			for i := range 10 {
				a := synthLoadArticle(int(run%1e9)+batch*10+i, fmt.Sprintf("live%d-%d", run, batch*10+i))
				recs = append(recs, map[string]string{"title": a.Title, "text": a.Text, "outlet": a.Outlet,
					"published": a.Published.Format(time.DateOnly), "url": "https://load.test/" + a.ID})
			}
			body, _ := json.Marshal(recs)
			req, _ := http.NewRequestWithContext(ctx, "POST", base+"/api/v1/articles", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			res, err := client.Do(req)
			if err != nil {
				if ctx.Err() == nil {
					b.Error(err)
				}
				return
			}
			var pr apiv1.PostResult
			json.NewDecoder(res.Body).Decode(&pr)
			res.Body.Close()
			n.Add(int64(pr.Created))
		}
	}()
	return func() { cancel(); <-done }
}

// loadTargets returns every story ID and the cursors of the listing's
// pages (default limit), to request at random.
func loadTargets(b testing.TB, st *store.Store) (ids, cursors []string) {
	ctx := context.Background()
	var after *store.StoryKey
	for {
		page, err := st.ListStories(ctx, store.StoryFilter{}, after, 500)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range page {
			ids = append(ids, s.ID)
		}
		if len(page) < 500 {
			break
		}
		after = &page[len(page)-1].Key
	}
	// Cursors as the API makes them: walk a few hundred pages over HTTP
	// would cost minutes; encode them the same way instead, through a
	// throwaway API server.
	srv, err := New(ctx, Config{Store: st, Addr: "127.0.0.1:0"})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	path := "/api/v1/stories"
	for len(cursors) < 200 {
		rec := &bodyRecorder{header: http.Header{}}
		req, _ := http.NewRequest("GET", path, nil)
		req.Host = "127.0.0.1"
		h.ServeHTTP(rec, req)
		var list apiv1.StoryList
		if err := json.Unmarshal(rec.body.Bytes(), &list); err != nil || list.Next == nil {
			break
		}
		cursors = append(cursors, *list.Next)
		path = "/api/v1/stories?cursor=" + url.QueryEscape(*list.Next)
	}
	if len(ids) < loadStories || len(cursors) < 200 {
		b.Fatalf("%d stories, %d cursors", len(ids), len(cursors))
	}
	return ids, cursors
}

// bodyRecorder is a minimal in-memory ResponseWriter.
type bodyRecorder struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (r *bodyRecorder) Header() http.Header         { return r.header }
func (r *bodyRecorder) Write(b []byte) (int, error) { return r.body.Write(b) }
func (r *bodyRecorder) WriteHeader(code int)        { r.status = code }

var loadOutlets = []string{"The Moscow Times", "PBS", "Reuters", "AP", "AFP", "BBC", "Al Jazeera", "Mehr News Agency",
	"Le Monde", "Der Spiegel", "NHK", "ABC News", "CNN", "The Guardian", "Tass", "Xinhua", "NPR", "DW", "France 24", "El País"}

var loadWords = strings.Fields(`council budget library vote mayor taxes school hospital bridge election court
minister drought flood wildfire harbour railway strike union factory export import tariff embassy treaty
summit ceasefire protest parliament senate governor police inquiry report audit museum festival stadium
airport pipeline reactor vaccine clinic university farmers fishermen miners teachers nurses drivers`)

// synthLoadArticle is a distinct article of about 2.5 KB (the seeds'
// average), dated within 2023.
func synthLoadArticle(i int, id string) *article.Article {
	rng := rand.New(rand.NewPCG(uint64(i), 7))
	w := func() string { return loadWords[rng.IntN(len(loadWords))] }
	var body strings.Builder
	for p := 0; p < 6; p++ {
		for s := 0; s < 4; s++ {
			fmt.Fprintf(&body, "The %s of Town%d said %d %s and %s would %s the %s, officials told reporters on day %d. ",
				w(), i, rng.IntN(1000), w(), w(), w(), w(), rng.IntN(365))
		}
		body.WriteString("\n\n")
	}
	text := strings.TrimSpace(body.String())
	return &article.Article{
		ID: id, Hash: article.ContentHash(id + text), Source: "load", Format: "text",
		Title:     fmt.Sprintf("Town%d %s %s: %s", i, w(), w(), w()),
		Outlet:    loadOutlets[i%len(loadOutlets)],
		Published: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%365),
		Text:      text,
	}
}

// buildLoadDB stores n stories of 1 to 4 synthetic articles each, with
// story objects of about 16 KB per article.
func buildLoadDB(b testing.TB, st *store.Store, n int) {
	ctx := context.Background()
	var stories []store.Story
	var batch []store.NewArticle
	next := 0
	for s := range n {
		members := 1 + s%4
		var arts []*article.Article
		for range members {
			a := synthLoadArticle(next, fmt.Sprintf("l%07d", next))
			a.Published = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (s*7)%365+len(arts))
			next++
			arts = append(arts, a)
			batch = append(batch, store.NewArticle{Article: a, Version: 1})
		}
		story := store.Story{ID: "s-" + arts[0].ID, Title: arts[0].Title, Storyline: fmt.Sprintf("l-%d", s/3),
			FirstSeen: arts[0].Published, LastSeen: arts[len(arts)-1].Published}
		for k, a := range arts {
			story.Members = append(story.Members, store.Member{ArticleID: a.ID, Score: float64(k) / 4, Reason: "synthetic"})
		}
		stories = append(stories, story)
		if len(batch) >= 500 {
			if _, err := st.AddArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	if _, err := st.AddArticles(ctx, batch); err != nil {
		b.Fatal(err)
	}
	if err := st.ReplaceStories(ctx, stories, nil, pipeline.ClusterVersion); err != nil {
		b.Fatal(err)
	}
	for i, s := range stories {
		if err := st.SaveBrief(ctx, s.ID, synthStoryObject(&s, i), 1); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
}

// synthStoryObject is a story object with the contract's fields, sized
// like the seed story's per article: about 11 facts, 10 entities, 1.6
// timeline events and one framing per article.
func synthStoryObject(s *store.Story, i int) []byte {
	rng := rand.New(rand.NewPCG(uint64(i), 3))
	w := func() string { return loadWords[rng.IntN(len(loadWords))] }
	sentence := func() string {
		return fmt.Sprintf("The %s said the %s and the %s would %s on %s, according to %s officials.", w(), w(), w(), w(), w(), w())
	}
	var ids []string
	for _, m := range s.Members {
		ids = append(ids, m.ArticleID)
	}
	obj := map[string]any{
		"id": s.ID, "title": s.Title, "storyline": s.Storyline, "articles": ids, "outlets": []string{},
		"first": s.FirstSeen.Format(time.DateOnly), "last": s.LastSeen.Format(time.DateOnly), "reused": []any{},
		"quotes": []any{},
	}
	var why, summary, facts, entities, timeline, framing []map[string]any
	for k, id := range ids {
		why = append(why, map[string]any{"article": id, "score": float64(k) / 4, "reason": "shares " + w() + ", " + w() + "; cosine 0.5"})
		summary = append(summary, map[string]any{"text": sentence(), "articles": []string{id}, "from": id, "facts": []string{"f1"}, "score": 0.5})
		for f := 0; f < 11; f++ {
			facts = append(facts, map[string]any{"id": fmt.Sprintf("f%d", len(facts)+1), "text": sentence() + " " + sentence(),
				"articles": ids, "sources": []string{"s1"}, "independent": 1 + f%3, "kind": "claim",
				"reason": "stated by " + w() + " and " + w() + "; wire copies counted once", "words": []string{w(), w(), w(), w()}})
		}
		for e := 0; e < 10; e++ {
			entities = append(entities, map[string]any{"name": "Person " + w() + " " + w(), "type": "person",
				"aliases": []string{w(), w()}, "articles": ids, "mentions": []map[string]any{{"article": id, "start": e * 10, "end": e*10 + 7}},
				"reason": "name and title in " + id})
		}
		timeline = append(timeline, map[string]any{"date": s.FirstSeen.Format(time.DateOnly), "text": sentence(), "articles": []string{id}})
		framing = append(framing, map[string]any{"article": id, "outlet": "outlet", "words": []string{w(), w(), w()},
			"text": sentence() + " " + sentence() + " " + sentence() + " " + sentence() + " " + sentence() + " " + sentence()})
	}
	obj["why"], obj["summary"], obj["facts"], obj["entities"], obj["timeline"], obj["framing"] = why, summary, facts, entities, timeline, framing
	obj["conflicts"], obj["sources"] = []any{}, []any{}
	b, _ := json.Marshal(obj)
	return b
}
