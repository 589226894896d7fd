package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/article"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "sub", "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func testArticle(id, url string) *article.Article {
	return &article.Article{
		ID: id, Hash: id + "-hash", Source: "seeds/" + id + ".txt", Format: "markdown",
		Title: "Title " + id, Outlet: "The Moscow Times", Byline: "AFP", Wire: "AFP", URL: url,
		Published: time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC), Dateline: "Tehran",
		Text:   "Iran said it would not seek permission from anyone.",
		Asides: []article.Aside{{Kind: article.AsideCaption, Text: "Raisi and Putin meeting."}},
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.db")
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := s.SchemaVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		migs, _ := migrations()
		if v != migs[len(migs)-1].version {
			t.Errorf("schema version %d, want %d", v, migs[len(migs)-1].version)
		}
		s.Close()
	}
}

// TestOpenConcurrently opens one new database from several stores at once,
// as two commands started together do (an ingest and a serve, or a test
// polling an ingest): every open succeeds and the schema is applied once.
func TestOpenConcurrently(t *testing.T) {
	ctx := context.Background()
	for round := 0; round < 5; round++ {
		path := filepath.Join(t.TempDir(), "p.db")
		const n = 6
		errs := make(chan error, n)
		var start sync.WaitGroup
		start.Add(1)
		for i := 0; i < n; i++ {
			go func() {
				start.Wait()
				s, err := Open(ctx, path)
				if err == nil {
					_, err = s.CountArticles(ctx)
					s.Close()
				}
				errs <- err
			}()
		}
		start.Done()
		for i := 0; i < n; i++ {
			if err := <-errs; err != nil {
				t.Fatalf("round %d: concurrent open: %v", round, err)
			}
		}
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		var rows int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		migs, _ := migrations()
		if rows != len(migs) {
			t.Errorf("round %d: %d migration records, want %d", round, rows, len(migs))
		}
		s.Close()
	}
}

func TestAddArticleRoundTripAndIdempotence(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := testArticle("a1", "https://example.test/a1")
	got, err := s.AddArticle(ctx, a, []string{"outlet from URL"}, []byte("raw bytes"), 3)
	if err != nil || !got.New || got.ID != "a1" {
		t.Fatalf("first add = %+v, %v", got, err)
	}
	// Same content again: stored once.
	again, err := s.AddArticle(ctx, a, nil, []byte("raw bytes"), 3)
	if err != nil || again.New || again.ID != "a1" {
		t.Fatalf("second add = %+v, %v; want existing a1", again, err)
	}
	// Different content, same URL: the URL identifies the article.
	b := testArticle("b2", "https://example.test/a1")
	byURL, err := s.AddArticle(ctx, b, nil, []byte("other"), 3)
	if err != nil || byURL.New || byURL.ID != "a1" {
		t.Fatalf("same-URL add = %+v, %v; want existing a1", byURL, err)
	}
	// Same content under another URL: a second article (syndication).
	d := testArticle("d4", "https://other.test/copy")
	d.Hash = a.Hash
	if added, err := s.AddArticle(ctx, d, nil, nil, 3); err != nil || !added.New {
		t.Fatalf("syndicated copy = %+v, %v; want a new article", added, err)
	}
	// Same content without a URL: the existing article.
	e := testArticle("e5", "")
	e.Hash = a.Hash
	if added, err := s.AddArticle(ctx, e, nil, nil, 3); err != nil || added.New {
		t.Fatalf("URL-less copy = %+v, %v; want an existing article", added, err)
	}
	// Different content, no URL: a new article.
	c := testArticle("c3", "")
	if added, err := s.AddArticle(ctx, c, nil, nil, 3); err != nil || !added.New {
		t.Fatalf("third add = %+v, %v", added, err)
	}
	if n, _ := s.CountArticles(ctx); n != 3 {
		t.Errorf("count = %d, want 3", n)
	}

	stored, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(*a, stored); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	orig, err := s.Original(ctx, "a1")
	if err != nil || string(orig) != "raw bytes" {
		t.Errorf("original = %q, %v", orig, err)
	}
	notes, err := s.ArticleNotes(ctx, "a1")
	if err != nil || len(notes) != 1 {
		t.Errorf("notes = %q, %v", notes, err)
	}
	if _, err := s.Article(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: err = %v, want ErrNotFound", err)
	}
	stages, err := s.StageVersions(ctx, "clean")
	if err != nil || stages["a1"] != 3 || stages["c3"] != 3 {
		t.Errorf("stages = %v, %v", stages, err)
	}
	byID, err := s.ArticlesByID(ctx, []string{"c3", "a1", "nope"})
	if err != nil || len(byID) != 2 || byID[0].ID != "a1" {
		t.Errorf("ArticlesByID = %v, %v", byID, err)
	}
}

func TestReplaceStoriesKeepsUnchangedBriefs(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, id := range []string{"a", "b", "c"} {
		a := testArticle(id, "")
		if _, err := s.AddArticle(ctx, a, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)
	stories := []Story{
		{ID: "s1", Title: "One", FirstSeen: day, LastSeen: day, Members: []Member{{"a", 1, "opened story"}, {"b", 0.6, "shares Burns"}}},
		{ID: "s2", Title: "Two", Members: []Member{{"c", 1, "opened story"}}},
	}
	if err := s.ReplaceStories(ctx, stories, []Reuse{{ArticleID: "b", FromID: "a", Shared: 0.5, SharedFrom: 0.4, Kind: "passage", Detail: "{}"}}, 1); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"s1", "s2"} {
		if err := s.SaveBrief(ctx, id, []byte(`{"id":"`+id+`"}`), 1); err != nil {
			t.Fatal(err)
		}
	}
	// Same memberships (new scores): both briefs are kept.
	stories[0].Members[1].Score = 0.7
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	if b, err := s.Brief(ctx, "s1"); err != nil || string(b) != `{"id":"s1"}` {
		t.Errorf("unchanged story lost its brief: %q, %v", b, err)
	}
	// s1 moves to another storyline: its brief, which names it, goes stale;
	// so does s2's when the reason for its storyline changes.
	stories[0].Storyline = "l-x"
	stories[1].LineScore, stories[1].LineReason = 0.3, "shares Iran with its 1 story; leads 0.1, names 0.5; score 0.30"
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	if stale, err := s.StaleBriefs(ctx, 1); err != nil || !cmp.Equal(stale, []string{"s1", "s2"}) {
		t.Errorf("stale = %v, %v; want both stories, whose storylines changed", stale, err)
	}
	got, err := s.Stories(ctx)
	if err != nil || len(got) != 2 || got[1].LineScore != 0.3 || got[1].LineReason != stories[1].LineReason || got[0].Storyline != "l-x" {
		t.Errorf("stories = %+v, %v", got, err)
	}
	for _, id := range []string{"s1", "s2"} {
		if err := s.SaveBrief(ctx, id, []byte(`{"id":"`+id+`"}`), 1); err != nil {
			t.Fatal(err)
		}
	}
	// A newer brief stage makes every brief stale.
	if stale, err := s.StaleBriefs(ctx, 2); err != nil || len(stale) != 2 {
		t.Errorf("stale for brief version 2 = %v, %v; want both", stale, err)
	}
	// b moves from s1 to s2: both briefs go stale.
	stories[0].Members = stories[0].Members[:1]
	stories[1].Members = append(stories[1].Members, Member{"b", 0.5, "moved"})
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	stale, err := s.StaleBriefs(ctx, 1)
	if err != nil || !cmp.Equal(stale, []string{"s1", "s2"}) {
		t.Errorf("stale = %v, %v; want both changed stories", stale, err)
	}
	got, err = s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "s1" || len(got[1].Members) != 2 || got[0].LastSeen != day {
		t.Errorf("stories = %+v", got)
	}
	if edges, _ := s.ReuseEdges(ctx); len(edges) != 0 {
		t.Errorf("reuse edges not replaced: %v", edges)
	}
}
