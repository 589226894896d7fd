package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

// seededDB ingests the seed articles into a new database.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "p.db")
	if r := runCmd(t, "", "ingest", "--db", db, "../../examples/seeds"); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	return db
}

func TestStoriesStorySearchOnSeeds(t *testing.T) {
	db := seededDB(t)
	r := runCmd(t, "", "stories", "--db", db, "--format", "json")
	var list struct {
		Stories []struct {
			ID           string
			ArticleCount int `json:"article_count"`
			Outlets      []string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil || r.code != 0 || len(list.Stories) == 0 {
		t.Fatalf("stories --format json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	total := 0
	for _, s := range list.Stories {
		total += s.ArticleCount
	}
	if total != 5 {
		t.Errorf("stories hold %d articles, want the 5 seeds", total)
	}
	id := list.Stories[0].ID
	if r := runCmd(t, "", "stories", "--db", db); r.code != 0 || !strings.Contains(r.stdout, id) || !strings.HasPrefix(r.stdout, "STORY") {
		t.Errorf("stories text: exit %d\n%s", r.code, r.stdout)
	}

	r = runCmd(t, "", "story", "--db", db, id, "--format", "json")
	var out report.Output
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || len(out.Stories) != 1 || out.Stories[0].ID != id ||
		len(out.Articles) != len(out.Stories[0].Articles) {
		t.Fatalf("story --format json: exit %d, %v\n%.500s", r.code, err, r.stdout)
	}
	for _, f := range []string{"text", "markdown"} {
		r := runCmd(t, "", "story", "--db", db, id, "--format", f)
		if r.code != 0 || !strings.Contains(r.stdout, out.Stories[0].Title) {
			t.Errorf("story --format %s: exit %d\n%.500s", f, r.code, r.stdout)
		}
	}
	if r := runCmd(t, "", "story", "--db", db, "s-nope"); r.code == 0 || !strings.Contains(r.stderr, `no story "s-nope"`) {
		t.Errorf("unknown story: exit %d, %q", r.code, r.stderr)
	}

	r = runCmd(t, "", "search", "--db", db, "burns", "pbs")
	if r.code != 0 || !strings.Contains(r.stdout, "**Burns**") || !strings.Contains(r.stdout, "story "+id) {
		t.Errorf("search: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCmd(t, "", "search", "--db", db, "--limit", "1", "iran"); r.code != 0 || !strings.Contains(r.stderr, "more results") ||
		strings.Contains(r.stdout, "\n2. ") {
		t.Errorf("search --limit 1: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runCmd(t, "", "search", "--db", db, "--", "-iran"); r.code == 0 || !strings.Contains(r.stderr, "bad search query") {
		t.Errorf("search for nothing: exit %d, %q", r.code, r.stderr)
	}
	if r := runCmd(t, "", "search", "--db", db, "--format", "json", "zzzzqqq"); r.code != 0 || !strings.Contains(r.stdout, `"results": []`) {
		t.Errorf("search with no hit: exit %d\n%s", r.code, r.stdout)
	}
}

// TestStoriesCatchesUp lists a database whose articles were never
// clustered (an ingest killed before it grouped them): stories groups them
// first.
func TestStoriesCatchesUp(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{ID: "a1", Hash: "h1", Source: "x", Format: "text", Title: "Council vote",
		Text: "The council voted to approve the library budget on Tuesday."}
	if _, err := st.AddArticle(ctx, a, nil, nil, 1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if r := runCmd(t, "", "stories", "--db", db, "--no-update"); r.code != 0 || !strings.Contains(r.stdout, "0 stories") {
		t.Errorf("--no-update: exit %d\n%s", r.code, r.stdout)
	}
	r := runCmd(t, "", "stories", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "1 story") || !strings.Contains(r.stderr, "grouping 1 new articles") {
		t.Errorf("catch up: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestStoriesRedoOlderVersions opens a database whose stories and story
// objects an older Parallax made (before it said why a story is in its
// storyline): stories regroups them and rebuilds the objects, which then
// have the newer fields.
func TestStoriesRedoOlderVersions(t *testing.T) {
	db := seededDB(t)
	old, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	_, err = old.Exec(`UPDATE stories SET cluster_version = 1, brief_version = 1, storyline_score = 0, storyline_reason = '',
		brief = json_remove(brief, '$.storyline_why')`)
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	r := runCmd(t, "", "stories", "--db", db)
	if r.code != 0 || !strings.Contains(r.stderr, "regrouping 2 stories made by an older version, building 2 story objects") {
		t.Fatalf("stories: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	p := &pipeline.Pipeline{Store: st}
	if b, err := p.Backlog(context.Background()); err != nil || b != (store.Backlog{}) {
		t.Errorf("backlog after catching up: %+v, %v", b, err)
	}
	stories, err := st.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		raw, err := st.Brief(context.Background(), s.ID)
		var obj report.Story
		if err == nil {
			err = json.Unmarshal(raw, &obj)
		}
		if err != nil || obj.StorylineWhy.Reason == "" || obj.StorylineWhy.Reason != s.LineReason {
			t.Errorf("story %s: storyline_why %+v (stored %q), %v", s.ID, obj.StorylineWhy, s.LineReason, err)
		}
	}
}

// TestStoriesGolden lists a database made through the store: stable text.
func TestStoriesGolden(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	day := func(d int) time.Time { return time.Date(2022, 12, d, 0, 0, 0, 0, time.UTC) }
	arts := []*article.Article{
		{ID: "a1", Hash: "h1", Title: "Iran says it won't seek permission", Outlet: "The Moscow Times", Published: day(18), Text: "One."},
		{ID: "a2", Hash: "h2", Title: "CIA chief\tsays", Outlet: "PBS", Published: day(20), Text: "Two."},
		{ID: "b1", Hash: "h3", Title: "Undated note", Text: "Three."},
	}
	for _, a := range arts {
		if _, err := st.AddArticle(ctx, a, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
	err = st.ReplaceStories(ctx, []store.Story{
		{ID: "s-a1", Title: arts[0].Title, FirstSeen: day(18), LastSeen: day(20), Members: []store.Member{{ArticleID: "a1"}, {ArticleID: "a2"}}},
		{ID: "s-b1", Title: arts[2].Title, Members: []store.Member{{ArticleID: "b1"}}},
	}, nil, pipeline.ClusterVersion)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveBrief(ctx, "s-a1", []byte(`{"id":"s-a1"}`), pipeline.BriefVersion); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := runCmd(t, "", "stories", "--db", db, "--no-update")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	path := filepath.Join("testdata", "stories.golden.txt")
	if *update {
		os.WriteFile(path, []byte(r.stdout), 0o644)
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if r.stdout != string(want) {
		t.Errorf("stories output:\n%s\nwant:\n%s", r.stdout, want)
	}
	r = runCmd(t, "", "stories", "--db", db, "--no-update", "--outlet", "pbs", "--from", "2022-12-19")
	if !strings.Contains(r.stdout, "s-a1") || strings.Contains(r.stdout, "s-b1") {
		t.Errorf("filtered:\n%s", r.stdout)
	}
}
