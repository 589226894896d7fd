package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestSourcesLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, ok, err := s.NextPoll(ctx); err != nil || ok {
		t.Fatalf("NextPoll with no sources = %v, %v", ok, err)
	}
	a, added, err := s.AddSource(ctx, "https://a.example/feed", "")
	if err != nil || !added || a.ID == 0 || a.URL != "https://a.example/feed" {
		t.Fatalf("AddSource = %+v, %v, %v", a, added, err)
	}
	again, added, err := s.AddSource(ctx, "https://a.example/feed", "other title")
	if err != nil || added || again.ID != a.ID {
		t.Fatalf("AddSource again = %+v, %v, %v; want the existing source", again, added, err)
	}
	b, _, err := s.AddSource(ctx, "https://b.example/rss", "B News")
	if err != nil {
		t.Fatal(err)
	}

	// Both are due at once.
	now := time.Now().Add(time.Second)
	due, err := s.DueSources(ctx, now)
	if err != nil || len(due) != 2 {
		t.Fatalf("DueSources = %d, %v; want 2", len(due), err)
	}

	// A successful poll of a pushes it back and stores its validators and
	// the feed's title; a failed poll of b counts the failure.
	polled := time.Date(2025, 5, 1, 10, 0, 0, 0, time.UTC)
	if err := s.RecordPoll(ctx, a.ID, Poll{Polled: polled, Next: polled.Add(time.Hour), ETag: `"x"`, LastModified: "Thu, 01 May 2025 09:00:00 GMT", Title: "A Feed"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPoll(ctx, b.ID, Poll{Polled: polled, Next: polled.Add(2 * time.Minute), Failures: 1, Error: "HTTP 503", Title: "ignored"}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Source(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "A Feed" || got.ETag != `"x"` || got.LastModified == "" || !got.LastPolled.Equal(polled) || !got.NextPoll.Equal(polled.Add(time.Hour)) {
		t.Errorf("source a after poll = %+v", got)
	}
	gotB, _ := s.Source(ctx, b.ID)
	if gotB.Title != "B News" || gotB.Failures != 1 || gotB.LastError != "HTTP 503" {
		t.Errorf("source b after failed poll = %+v (title must stay)", gotB)
	}
	due, _ = s.DueSources(ctx, polled.Add(5*time.Minute))
	if len(due) != 1 || due[0].ID != b.ID {
		t.Errorf("due 5 min later = %+v, want only b", due)
	}
	next, ok, err := s.NextPoll(ctx)
	if err != nil || !ok || !next.Equal(polled.Add(2*time.Minute)) {
		t.Errorf("NextPoll = %v, %v, %v", next, ok, err)
	}
	if err := s.RecordPoll(ctx, 999, Poll{Polled: polled, Next: polled}); !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordPoll of a missing source: %v", err)
	}

	// Removing a source takes its items with it.
	if err := s.AddSourceItems(ctx, b.ID, []SourceItem{{GUID: "g1", Link: "https://b.example/1"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSource(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveSource(ctx, b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second remove: %v, want ErrNotFound", err)
	}
	if _, err := s.Source(ctx, b.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("removed source still there: %v", err)
	}
	seen, _ := s.SeenItems(ctx, a.ID, []SourceItem{{GUID: "x", Link: "https://b.example/1"}})
	if seen[0].Elsewhere {
		t.Error("an item of a removed source is still seen")
	}
	problems, err := s.Check(ctx)
	if err != nil || len(problems) > 0 {
		t.Errorf("Check = %v, %v", problems, err)
	}
}

func TestSeenItems(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a, _, _ := s.AddSource(ctx, "https://a.example/feed", "")
	b, _, _ := s.AddSource(ctx, "https://b.example/feed", "")
	if _, err := s.AddArticle(ctx, testArticle("art1", "https://news.example/1"), nil, []byte("x"), 1); err != nil {
		t.Fatal(err)
	}
	err := s.AddSourceItems(ctx, a.ID, []SourceItem{
		{GUID: "guid-1", Link: "https://news.example/1", ArticleID: "art1"},
		{GUID: "guid-2", Link: "https://news.example/2"}, // could not be used
	})
	if err != nil {
		t.Fatal(err)
	}
	// Recording an item again keeps the first record.
	if err := s.AddSourceItems(ctx, a.ID, []SourceItem{{GUID: "guid-1", Link: "https://news.example/1"}}); err != nil {
		t.Fatal(err)
	}
	items := []SourceItem{
		{GUID: "guid-1", Link: "https://news.example/1"},
		{GUID: "guid-2", Link: "https://news.example/2"},
		{GUID: "guid-3", Link: "https://news.example/3"},
		{GUID: "other", Link: "https://news.example/1"},
	}
	seenA, err := s.SeenItems(ctx, a.ID, items)
	if err != nil {
		t.Fatal(err)
	}
	wantA := []ItemSeen{{Here: true, ArticleID: "art1"}, {Here: true}, {}, {Elsewhere: true, ArticleID: "art1"}}
	for i := range wantA {
		if seenA[i] != wantA[i] {
			t.Errorf("source a, item %d: %+v, want %+v", i, seenA[i], wantA[i])
		}
	}
	seenB, err := s.SeenItems(ctx, b.ID, items)
	if err != nil {
		t.Fatal(err)
	}
	wantB := []ItemSeen{{Elsewhere: true, ArticleID: "art1"}, {Elsewhere: true}, {}, {Elsewhere: true, ArticleID: "art1"}}
	for i := range wantB {
		if seenB[i] != wantB[i] {
			t.Errorf("source b, item %d: %+v, want %+v", i, seenB[i], wantB[i])
		}
	}
	srcs, err := s.Sources(ctx)
	if err != nil || len(srcs) != 2 || srcs[0].Items != 2 || srcs[0].Articles != 1 || srcs[1].Items != 0 {
		t.Errorf("Sources = %+v, %v", srcs, err)
	}
}
