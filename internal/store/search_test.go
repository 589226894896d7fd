package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFTS5Available(t *testing.T) {
	s := openTest(t)
	var used int
	if err := s.r.QueryRow(`SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil {
		t.Fatal(err)
	}
	if used != 1 {
		t.Fatal("modernc.org/sqlite is built without FTS5")
	}
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('articles_fts', 'quotes_fts')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("FTS5 tables: %d, %v", n, err)
	}
}

func addSearchArticles(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	for i, text := range []string{
		"CIA Director William Burns said Russia and Iran are building a defense partnership.",
		"Iran's Foreign Ministry said it would not seek permission from anyone.",
		"The café in Zürich served résumé-shaped pastries.",
	} {
		a := testArticle(fmt.Sprintf("a%d", i), fmt.Sprintf("https://example.test/%d", i))
		a.Title = []string{"Burns on Russia", "Tehran replies", "Pastry news"}[i]
		a.Text = text
		if _, err := s.AddArticle(ctx, a, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
}

func hitIDs(hits []ArticleHit) []string {
	ids := []string{}
	for _, h := range hits {
		ids = append(ids, h.ArticleID)
	}
	return ids
}

func TestSearchArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	addSearchArticles(t, s)
	tests := []struct {
		q    string
		want []string
	}{
		{"burns", []string{"a0"}},
		{"IRAN", []string{"a1", "a0"}},          // title-less match ranks by BM25; both bodies
		{"iran -permission", []string{"a0"}},    // exclusion
		{`"seek permission"`, []string{"a1"}},   // phrase
		{`"permission seek"`, []string{}},       // phrase order matters
		{"partner*", []string{"a0"}},            // prefix
		{"building", []string{"a0"}},            // stemmed: build
		{"zurich cafe resume", []string{"a2"}},  // diacritics folded
		{"russia tehran", []string{}},           // all words required
		{`OR AND NOT NEAR( "`, []string{}},      // syntax words are plain words
		{"burns) OR (iran", []string{}},         // parentheses are not syntax
		{"tehran", []string{"a1"}},              // title
		{"said -", []string{"a0", "a1"}},        // a bare '-' is dropped
		{"defense*partnership", []string{"a0"}}, // inner '*' is not syntax: a phrase
		{`"iran`, []string{"a1", "a0"}},         // an unclosed quote runs to the end
	}
	for _, tt := range tests {
		hits, err := s.SearchArticles(ctx, tt.q, 0, 10)
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		got := hitIDs(hits)
		if tt.q == "IRAN" || tt.q == `"iran` || tt.q == "said -" {
			// Both match; the order is BM25's to decide.
			if len(got) != 2 {
				t.Errorf("%q: got %v, want both %v", tt.q, got, tt.want)
			}
			continue
		}
		if !cmp.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.q, got, tt.want)
		}
	}
	for _, q := range []string{"", "   ", "-iran", "***", strings.Repeat("a ", 600)} {
		if _, err := s.SearchArticles(ctx, q, 0, 10); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: err = %v, want ErrBadQuery", q, err)
		}
	}
}

func TestSearchHighlightsAndPaging(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	addSearchArticles(t, s)
	hits, err := s.SearchArticles(ctx, "tehran permission", 0, 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("hits = %v, %v", hits, err)
	}
	h := hits[0]
	if want := []Segment{{"Tehran", true}, {" replies", false}}; !cmp.Equal(h.TitleHits, want) {
		t.Errorf("title segments = %v, want %v", h.TitleHits, want)
	}
	var marked []string
	for _, seg := range h.BodyHits {
		if seg.Hit {
			marked = append(marked, seg.Text)
		}
	}
	if !cmp.Equal(marked, []string{"permission"}) || h.Score <= 0 || h.Outlet != "The Moscow Times" {
		t.Errorf("hit = %+v", h)
	}
	// Paging by offset covers every hit once.
	var all []string
	for off := 0; ; off++ {
		page, err := s.SearchArticles(ctx, "said", off, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		all = append(all, page[0].ArticleID)
	}
	if len(all) != 2 || all[0] == all[1] {
		t.Errorf("paged hits = %v", all)
	}
}

func TestArticlesFTSFollowsArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	addSearchArticles(t, s)
	if _, err := s.w.Exec(`UPDATE articles SET title = 'Lighthouse keeper', body = 'Nothing about spies.' WHERE id = 'a0'`); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.SearchArticles(ctx, "burns", 0, 10); len(hits) != 0 {
		t.Errorf("old words still found after update: %v", hitIDs(hits))
	}
	if hits, _ := s.SearchArticles(ctx, "lighthouse", 0, 10); !cmp.Equal(hitIDs(hits), []string{"a0"}) {
		t.Errorf("new title not found: %v", hitIDs(hits))
	}
	if _, err := s.w.Exec(`DELETE FROM articles WHERE id = 'a0'`); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.SearchArticles(ctx, "lighthouse", 0, 10); len(hits) != 0 {
		t.Errorf("deleted article still found: %v", hitIDs(hits))
	}
	// With rank 1, FTS5 checks the index against the articles' content.
	if _, err := s.w.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity check: %v", err)
	}
}

// TestSearchMigrationIndexesExistingArticles applies the search migration
// to a database that already holds articles.
func TestSearchMigrationIndexesExistingArticles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	addSearchArticles(t, s)
	// Undo migration 3, as if the database predated it.
	if _, err := s.w.Exec(`DROP TRIGGER articles_fts_insert; DROP TRIGGER articles_fts_delete; DROP TRIGGER articles_fts_update;
		DROP TABLE articles_fts; DROP TABLE quotes_fts; DROP TABLE story_quotes;
		DROP INDEX stories_storyline;
		DROP INDEX stories_listing; DROP INDEX story_members_listing; DROP INDEX articles_listing;
		DROP TRIGGER story_entities_brief; DROP TABLE story_entities;
		DROP INDEX articles_outlet_listing; DROP INDEX story_members_article;
		DELETE FROM schema_migrations WHERE version IN (3, 5, 6, 7)`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if hits, err := s.SearchArticles(ctx, "pastries", 0, 10); err != nil || !cmp.Equal(hitIDs(hits), []string{"a2"}) {
		t.Errorf("existing article not indexed by the migration: %v, %v", hitIDs(hits), err)
	}
}

func TestIndexQuotes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	addSearchArticles(t, s)
	stories := []Story{
		{ID: "s0", Members: []Member{{"a0", 0, "opened"}, {"a1", 0.5, "shares Iran"}}},
		{ID: "s2", Members: []Member{{"a2", 0, "opened"}}},
	}
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	quotes := []QuoteDoc{
		{ArticleID: "a0", Speaker: "William Burns", Text: "a full-fledged defense partnership"},
		{ArticleID: "a1", Speaker: "Nasser Kanani", Text: "we will not seek permission from anyone"},
	}
	if err := s.IndexQuotes(ctx, "s0", quotes); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexQuotes(ctx, "s2", []QuoteDoc{{Speaker: "A baker", Text: "permission to bake"}}); err != nil {
		t.Fatal(err)
	}
	hits, err := s.SearchQuotes(ctx, "permission", 0, 10)
	if err != nil || len(hits) != 2 {
		t.Fatalf("hits = %+v, %v", hits, err)
	}
	hits, err = s.SearchQuotes(ctx, "kanani", 0, 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("speaker search = %+v, %v", hits, err)
	}
	want := QuoteHit{StoryID: "s0", ArticleID: "a1", Speaker: "Nasser Kanani",
		SpeakerHits: []Segment{{"Nasser ", false}, {"Kanani", true}},
		TextHits:    []Segment{{"we will not seek permission from anyone", false}}}
	if diff := cmp.Diff(want, hits[0], cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Score" }, cmp.Ignore())); diff != "" {
		t.Errorf("hit (-want +got):\n%s", diff)
	}
	// Replacing drops the story's old quotes and keeps the others'.
	if err := s.IndexQuotes(ctx, "s0", quotes[:1]); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.SearchQuotes(ctx, "permission", 0, 10); len(hits) != 1 || hits[0].StoryID != "s2" {
		t.Errorf("after replace: %+v", hits)
	}
	// Re-clustering that changes s0 deletes it, and its quotes go with it.
	stories[0].Members = stories[0].Members[:1]
	stories[1].Members = append(stories[1].Members, Member{"a1", 0.4, "moved"})
	if err := s.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.SearchQuotes(ctx, "partnership", 0, 10); len(hits) != 0 {
		t.Errorf("quotes of a re-clustered story survive: %+v", hits)
	}
	if err := s.IndexQuotes(ctx, "nope", quotes); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown story: %v", err)
	}
	if err := s.IndexQuotes(ctx, "s2", []QuoteDoc{{ArticleID: "zz", Text: "x"}}); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown article: %v", err)
	}
}

func TestMatchExpr(t *testing.T) {
	tests := []struct{ q, want string }{
		{"burns iran", `"burns" "iran"`},
		{`"seek permission" tehran`, `"seek permission" "tehran"`},
		{"partner*", `"partner"*`},
		{"iran -russia -drones", `("iran") NOT ("russia" OR "drones")`},
		{`say "he said ""no""`, `"say" "he said " "no"`},
		{`a"b`, `"a""b"`},
		{"NEAR(a b)", `"NEAR(a" "b)"`},
		{"  \t\n ünïcödé  ", `"ünïcödé"`},
	}
	for _, tt := range tests {
		got, err := MatchExpr(tt.q)
		if err != nil || got != tt.want {
			t.Errorf("MatchExpr(%q) = %q, %v; want %q", tt.q, got, err, tt.want)
		}
	}
}

// FuzzMatchExpr checks that any query either is refused as ErrBadQuery or
// becomes an expression FTS5 accepts.
func FuzzMatchExpr(f *testing.F) {
	for _, q := range []string{"burns", `"a b" c*`, "-x y", `"`, `*"-`, "NEAR(a,b)", "a:b", "^x", "a OR b", "\x00", "é-é"} {
		f.Add(q)
	}
	s, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	f.Fuzz(func(t *testing.T, q string) {
		expr, err := MatchExpr(q)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("MatchExpr(%q): %v is not ErrBadQuery", q, err)
			}
			return
		}
		if _, err := s.SearchArticles(context.Background(), q, 0, 1); err != nil {
			t.Fatalf("query %q -> %q: FTS5 refuses it: %v", q, expr, err)
		}
	})
}

func TestSegments(t *testing.T) {
	tests := []struct {
		in   string
		want []Segment
	}{
		{"", []Segment{}},
		{"plain", []Segment{{"plain", false}}},
		{"a \x02b\x03 c", []Segment{{"a ", false}, {"b", true}, {" c", false}}},
		{"\x02a\x03\x02b\x03", []Segment{{"ab", true}}},
		{"x\x03y\x02", []Segment{{"xy", false}}},
	}
	for _, tt := range tests {
		if got := segments(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("segments(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
