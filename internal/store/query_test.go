package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// listFixture stores articles and stories for the listing tests:
// s1 (Dec 18-20, two outlets), s2 (Dec 10), s3 (July), s4 (undated), s5
// (undated), with briefs holding entities in the shapes the filter accepts.
func listFixture(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	day := func(m time.Month, d int) time.Time { return time.Date(2022, m, d, 0, 0, 0, 0, time.UTC) }
	arts := []struct {
		id, outlet string
		published  time.Time
	}{
		{"a1", "The Moscow Times", day(12, 18)}, {"a2", "PBS", day(12, 20)}, {"a3", "", day(12, 19)},
		{"b1", "PBS", day(12, 10)},
		{"c1", "Mehr News Agency", day(7, 19)},
		{"d1", "", time.Time{}},
		{"e1", "the moscow times", time.Time{}},
	}
	for _, a := range arts {
		art := testArticle(a.id, "")
		art.Outlet, art.Published = a.outlet, a.published
		if _, err := s.AddArticle(ctx, art, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
	stories := []Story{
		{ID: "s1", Title: "Burns", FirstSeen: day(12, 18), LastSeen: day(12, 20), Storyline: "l1",
			Members: []Member{{"a2", 0.4, "x"}, {"a1", 0, "opened"}, {"a3", 0.3, "y"}}},
		{ID: "s2", Title: "Drones", FirstSeen: day(12, 10), LastSeen: day(12, 10), Storyline: "l1", Members: []Member{{"b1", 0, "opened"}}},
		{ID: "s3", Title: "Summit", FirstSeen: day(7, 19), LastSeen: day(7, 19), Storyline: "l3", Members: []Member{{"c1", 0, "opened"}}},
		{ID: "s5", Title: "Undated B", Members: []Member{{"e1", 0, "opened"}}},
		{ID: "s4", Title: "Undated A", Members: []Member{{"d1", 0, "opened"}}},
	}
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	briefs := map[string]string{
		"s1": `{"id":"s1","entities":[{"name":"William Burns","type":"person","aliases":["Burns","CIA director"]},"Iran"]}`,
		"s2": `{"id":"s2","entities":[{"canonical":"Iran"}]}`,
		"s3": `{"id":"s3","entities":[]}`,
		"s4": `not json at all`,
	}
	for id, b := range briefs {
		if err := s.SaveBrief(ctx, id, []byte(b), 1); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func listIDs(sts []StorySummary) []string {
	ids := []string{}
	for _, st := range sts {
		ids = append(ids, st.ID)
	}
	return ids
}

func TestListStoriesFilters(t *testing.T) {
	ctx := context.Background()
	s := listFixture(t)
	day := func(m time.Month, d int) time.Time { return time.Date(2022, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		f    StoryFilter
		want []string
	}{
		{"all, newest activity first, undated last by ID", StoryFilter{}, []string{"s1", "s2", "s3", "s4", "s5"}},
		{"from a day: stories still active then", StoryFilter{From: day(12, 19)}, []string{"s1"}},
		{"to a day, inclusive", StoryFilter{To: day(12, 10)}, []string{"s2", "s3"}},
		{"range overlapping a story's span", StoryFilter{From: day(12, 19), To: day(12, 19)}, []string{"s1"}},
		{"range between stories", StoryFilter{From: day(8, 1), To: day(12, 1)}, []string{}},
		{"outlet, any member", StoryFilter{Outlet: "PBS"}, []string{"s1", "s2"}},
		{"outlet, ASCII case folded", StoryFilter{Outlet: "THE MOSCOW TIMES"}, []string{"s1", "s5"}},
		{"outlet and date", StoryFilter{Outlet: "pbs", To: day(12, 15)}, []string{"s2"}},
		{"entity by name", StoryFilter{Entity: "william burns"}, []string{"s1"}},
		{"entity by alias", StoryFilter{Entity: "CIA director"}, []string{"s1"}},
		{"entity as string or canonical", StoryFilter{Entity: "Iran"}, []string{"s1", "s2"}},
		{"entity nobody has", StoryFilter{Entity: "Putin"}, []string{}},
		{"storyline", StoryFilter{Storyline: "l1"}, []string{"s1", "s2"}},
	}
	for _, tt := range tests {
		got, err := s.ListStories(ctx, tt.f, nil, 100)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !cmp.Equal(listIDs(got), tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, listIDs(got), tt.want)
		}
	}
}

func TestListStoriesSummaries(t *testing.T) {
	ctx := context.Background()
	s := listFixture(t)
	got, err := s.ListStories(ctx, StoryFilter{}, nil, 2)
	if err != nil {
		t.Fatal(err)
	}
	first := got[0]
	if first.Articles != 3 || !cmp.Equal(first.Outlets, []string{"The Moscow Times", "PBS"}) || !first.Ready ||
		first.Title != "Burns" || first.Storyline != "l1" || first.LastSeen.Day() != 20 || first.FirstSeen.Day() != 18 {
		t.Errorf("s1 summary = %+v", first)
	}
	all, err := s.ListStories(ctx, StoryFilter{}, nil, 100)
	if err != nil {
		t.Fatal(err)
	}
	if last := all[len(all)-1]; last.Ready || last.Articles != 1 || !last.LastSeen.IsZero() {
		t.Errorf("s5 summary = %+v", last)
	}
	// The listing order is Store.Stories' order.
	stories, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, st := range stories {
		want = append(want, st.ID)
	}
	if !cmp.Equal(listIDs(all), want) {
		t.Errorf("listing order %v, Stories order %v", listIDs(all), want)
	}
}

func TestListStoriesPages(t *testing.T) {
	ctx := context.Background()
	s := listFixture(t)
	for _, f := range []StoryFilter{{}, {Outlet: "pbs"}, {Storyline: "l1"}} {
		whole, err := s.ListStories(ctx, f, nil, 100)
		if err != nil {
			t.Fatal(err)
		}
		for size := 1; size <= 3; size++ {
			var paged []StorySummary
			var after *StoryKey
			for range 10 {
				page, err := s.ListStories(ctx, f, after, size)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
				if len(page) < size {
					break
				}
				after = &page[len(page)-1].Key
			}
			if !cmp.Equal(listIDs(paged), listIDs(whole)) {
				t.Errorf("filter %+v, pages of %d: %v, want %v", f, size, listIDs(paged), listIDs(whole))
			}
		}
	}
}

func TestListStoriesManyPages(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var stories []Story
	for i := range 250 {
		id := fmt.Sprintf("x%03d", i)
		a := testArticle(id, "")
		// Several stories share each day; some are undated.
		a.Published = time.Time{}
		st := Story{ID: "s-" + id, Members: []Member{{id, 0, "opened"}}}
		if i%7 != 0 {
			a.Published = time.Date(2023, 1, 1+i%20, 0, 0, 0, 0, time.UTC)
			st.FirstSeen, st.LastSeen = a.Published, a.Published
		}
		if _, err := s.AddArticle(ctx, a, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
		stories = append(stories, st)
	}
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	whole, _ := s.ListStories(ctx, StoryFilter{}, nil, 1000)
	seen := map[string]bool{}
	var after *StoryKey
	var paged []string
	for {
		page, err := s.ListStories(ctx, StoryFilter{}, after, 17)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page {
			if seen[st.ID] {
				t.Fatalf("story %s listed twice", st.ID)
			}
			seen[st.ID] = true
			paged = append(paged, st.ID)
		}
		if len(page) < 17 {
			break
		}
		after = &page[len(page)-1].Key
	}
	if len(paged) != 250 || !cmp.Equal(paged, listIDs(whole)) {
		t.Errorf("paged %d stories, want 250 in the listing order", len(paged))
	}
}

func TestStoryBriefArticleStoryBacklog(t *testing.T) {
	ctx := context.Background()
	s := listFixture(t)
	if b, err := s.StoryBrief(ctx, "s3"); err != nil || string(b) != `{"id":"s3","entities":[]}` {
		t.Errorf("StoryBrief(s3) = %q, %v", b, err)
	}
	if _, err := s.StoryBrief(ctx, "s5"); !errors.Is(err, ErrNotBuilt) {
		t.Errorf("StoryBrief(s5) err = %v, want ErrNotBuilt", err)
	}
	if _, err := s.StoryBrief(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("StoryBrief(zz) err = %v, want ErrNotFound", err)
	}
	if sid, err := s.ArticleStory(ctx, "a3"); err != nil || sid != "s1" {
		t.Errorf("ArticleStory(a3) = %q, %v", sid, err)
	}
	if _, err := s.ArticleStory(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ArticleStory(zz) err = %v", err)
	}
	if _, err := s.AddArticle(ctx, testArticle("new", ""), nil, nil, 1); err != nil {
		t.Fatal(err)
	}
	if sid, err := s.ArticleStory(ctx, "new"); err != nil || sid != "" {
		t.Errorf("ArticleStory(new) = %q, %v; want unclustered", sid, err)
	}
	b, err := s.Backlog(ctx, Versions{Cluster: 1, Brief: 1})
	if err != nil || b != (Backlog{Unclustered: 1, StaleBriefs: 1}) {
		t.Errorf("Backlog = %+v, %v", b, err)
	}
	// A newer engine: every story is outdated, every story object stale.
	b, err = s.Backlog(ctx, Versions{Cluster: 2, Brief: 2})
	if err != nil || b != (Backlog{Unclustered: 1, Outdated: 5, StaleBriefs: 5}) {
		t.Errorf("Backlog with newer stages = %+v, %v", b, err)
	}
	if n, err := s.CountStories(ctx); err != nil || n != 5 {
		t.Errorf("CountStories = %d, %v", n, err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Error(err)
	}
}

// TestEntityIndexFollowsObjects checks that the entity names follow the
// stored story objects: saved, replaced, cleared for a rebuild, deleted
// with the story, and filled in for objects stored before the migration.
func TestEntityIndexFollowsObjects(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "e.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b"} {
		if _, err := s.AddArticle(ctx, testArticle(id, ""), nil, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
	stories := []Story{{ID: "s1", Members: []Member{{"a", 0, "opened"}}}, {ID: "s2", Members: []Member{{"b", 0, "opened"}}}}
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	find := func(name string) []string {
		t.Helper()
		got, err := s.ListStories(ctx, StoryFilter{Entity: name}, nil, 10)
		if err != nil {
			t.Fatal(err)
		}
		return listIDs(got)
	}
	save := func(id, brief string) {
		t.Helper()
		if err := s.SaveBrief(ctx, id, []byte(brief), 1); err != nil {
			t.Fatal(err)
		}
	}
	save("s1", `{"entities":[{"name":"Ebrahim Raisi","aliases":["Raisi","Raisi"]}]}`)
	save("s2", `{"entities":[{"name":"Raisi"}, 7, null, {"aliases":"Tehran"}]}`)
	if got := find("raisi"); !cmp.Equal(got, []string{"s1", "s2"}) {
		t.Errorf("raisi: %v", got)
	}
	if got := find("tehran"); !cmp.Equal(got, []string{"s2"}) {
		t.Errorf("a string alias: %v", got)
	}
	save("s1", `{"entities":[{"name":"Vladimir Putin"}]}`)
	if got := find("Ebrahim Raisi"); len(got) != 0 {
		t.Errorf("names of the replaced object linger: %v", got)
	}
	if err := s.InvalidateBriefs(ctx); err != nil {
		t.Fatal(err)
	}
	if got := find("Vladimir Putin"); len(got) != 0 {
		t.Errorf("names of a cleared object linger: %v", got)
	}
	save("s1", `{"entities":["Putin"]}`)
	stories[0].Members = append(stories[0].Members, Member{"b", 1, "moved"})
	if err := s.ReplaceStories(ctx, stories[:1], nil, 1); err != nil {
		t.Fatal(err)
	}
	var n int
	s.r.QueryRow(`SELECT COUNT(*) FROM story_entities`).Scan(&n)
	if n != 0 {
		t.Errorf("%d names left after the stories were replaced", n)
	}
	// A database whose objects predate the migration.
	save("s1", `{"entities":[{"name":"Antony Blinken"}]}`)
	if _, err := s.w.Exec(`DROP TRIGGER story_entities_brief; DROP TABLE story_entities; DELETE FROM schema_migrations WHERE version = 6`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := find("antony blinken"); !cmp.Equal(got, []string{"s1"}) {
		t.Errorf("migration did not index stored objects: %v", got)
	}
}
