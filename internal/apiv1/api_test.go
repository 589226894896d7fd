package apiv1

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

// TestSeedStories ingests the seed articles and reads them back through
// the API: the stories are listed, and the story holding seed 001 (The
// Moscow Times, December 2022) is the object "analyze --format json"
// prints.
func TestSeedStories(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	ctx := context.Background()

	var list StoryList
	e.getJSON(t, "/api/v1/stories", &list)
	stored, err := e.st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Stories) == 0 || len(list.Stories) != len(stored) || list.Next != nil {
		t.Fatalf("listed %d stories (next %v), the store has %d", len(list.Stories), list.Next, len(stored))
	}
	if len(list.Stories) < 2 {
		t.Logf("note: the clusterer made %d story of the 5 seeds (the July article 004 is expected apart)", len(list.Stories))
	}

	// Seed 001's article and its story.
	var seed001 string
	e.st.Articles(ctx, func(a article.Article) error {
		if strings.Contains(a.Source, "001_") {
			seed001 = a.ID
		}
		return nil
	})
	var art report.Article
	e.getJSON(t, "/api/v1/articles/"+seed001, &art)
	if art.Outlet != "The Moscow Times" || art.Story == "" || art.Published == nil || !strings.HasPrefix(*art.Published, "2022-12") {
		t.Errorf("seed 001 = %+v", art)
	}
	var obj map[string]any
	e.getJSON(t, "/api/v1/stories/"+art.Story, &obj)
	if !slices.Contains(anyStrings(obj["articles"]), seed001) || !slices.Contains(anyStrings(obj["outlets"]), "The Moscow Times") {
		t.Errorf("story %s lacks seed 001: %v", art.Story, obj["articles"])
	}

	// The same object as analyze --format json prints.
	out, err := e.p.Output(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var analyzed bytes.Buffer
	if err := report.Write(&analyzed, out, report.FormatJSON); err != nil {
		t.Fatal(err)
	}
	var whole struct {
		Stories []map[string]any `json:"stories"`
	}
	if err := json.Unmarshal(analyzed.Bytes(), &whole); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, s := range whole.Stories {
		if s["id"] == art.Story {
			found = true
			if diff := cmp.Diff(s, obj); diff != "" {
				t.Errorf("API story object differs from analyze --format json (-analyze +api):\n%s", diff)
			}
		}
	}
	if !found {
		t.Errorf("story %s not in analyze output", art.Story)
	}
	// The listing agrees with the object.
	for _, it := range list.Stories {
		if it.ID == art.Story && (it.ArticleCount != len(anyStrings(obj["articles"])) || !it.Ready) {
			t.Errorf("list item %+v disagrees with the object", it)
		}
	}
}

func anyStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// TestHostileArticle posts an article built to run script if echoed into a
// page, beside the seeds, and reads it back from every JSON route: the
// words come back intact, and no response carries markup a browser could
// run.
func TestHostileArticle(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	title := `<script>alert(1)</script> Iran & Russia`
	body := `Iran's Foreign Ministry said Sunday <img src=x onerror=alert(1)> it would not "seek permission from anyone" ` +
		`to expand relations with Russia. <a href="javascript:alert(2)">Read more</a> [click](javascript:alert(3)) ` +
		"U+2028 here:\u2028 and a closing </script> tag."
	post := fmt.Sprintf(`[{"title":%s,"text":%s,"outlet":"<b>Evil</b> Outlet","url":"https://evil.test/a?x=<y>","published":"2022-12-19"},`+
		`{"html":"<html><head><title>Headline</title></head><body><article><h1>Tehran replies</h1><p>Iran said it would not seek permission.</p>`+
		`<script>alert(4)</script><p onclick=\"alert(5)\">Nasser Kanani <a href=\"javascript:alert(6)\">said</a> ties with Moscow were growing.</p></article></body></html>"}]`,
		jsonString(title), jsonString(body))
	r := e.do(t, "POST", "/api/v1/articles", "application/json", []byte(post))
	if r.status != http.StatusOK {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	var res PostResult
	if err := json.Unmarshal(r.body, &res); err != nil || res.Created != 2 {
		t.Fatalf("POST result %s, %v", r.body, err)
	}
	id := res.Results[0].ID

	var art report.Article
	e.getJSON(t, "/api/v1/articles/"+id, &art)
	// The cleaner drops the tags; what it keeps comes back as JSON text.
	if !strings.Contains(art.Title, "Iran & Russia") || !strings.Contains(art.Text, "javascript:alert(3)") {
		t.Errorf("posted article came back as title %q, text %q", art.Title, art.Text)
	}
	// Stored as is (as a cleaner that kept tags would store it), the same
	// words come back verbatim and escaped.
	raw := synthArticle(99)
	raw.ID, raw.Title, raw.Text, raw.Outlet = "raw", title, body, "<b>Evil</b>"
	if _, err := e.st.AddArticle(context.Background(), raw, nil, nil, 1); err != nil {
		t.Fatal(err)
	}
	var back report.Article
	e.getJSON(t, "/api/v1/articles/raw", &back)
	if back.Title != title || back.Text != body || back.Outlet != "<b>Evil</b>" {
		t.Errorf("stored hostile article came back altered: %+v", back)
	}
	paths := []string{
		"/api/v1/articles/" + id,
		"/api/v1/articles/raw",
		"/api/v1/search?q=onerror",
		"/api/v1/articles/" + res.Results[1].ID,
		"/api/v1/stories/" + art.Story,
		"/api/v1/stories",
		"/api/v1/search?q=alert",
		"/api/v1/search?q=" + url.QueryEscape(`"seek permission"`),
		"/api/v1/stories/" + art.Story + "/export?format=jsonl",
	}
	for _, p := range paths {
		r := e.get(t, p)
		if r.status != http.StatusOK {
			t.Errorf("GET %s: %d %s", p, r.status, r.body)
			continue
		}
		if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && !strings.HasPrefix(ct, "application/x-ndjson") {
			t.Errorf("GET %s: Content-Type %q", p, ct)
		}
		for _, bad := range []string{"<", ">", "\u2028"} {
			if bytes.Contains(r.body, []byte(bad)) {
				t.Errorf("GET %s: response holds a raw %q:\n%.600s", p, bad, r.body)
			}
		}
		for _, line := range bytes.Split(bytes.TrimSpace(r.body), []byte("\n")) {
			if !json.Valid(line) {
				t.Errorf("GET %s: invalid JSON line %.200s", p, line)
			}
		}
	}
	var found SearchResults
	e.getJSON(t, "/api/v1/search?q=alert", &found)
	var foundIDs []string
	for _, h := range found.Results {
		foundIDs = append(foundIDs, h.Article)
	}
	if !slices.Contains(foundIDs, id) || !slices.Contains(foundIDs, "raw") {
		t.Errorf("search for alert found %v, want %s and raw", foundIDs, id)
	}
}

func TestErrors(t *testing.T) {
	e := newEnv(t)
	fixture(t, e.st)
	other := encodeCursor(cursor{Kind: "search", Query: fingerprint("x", "articles"), Offset: 20})
	tests := []struct {
		method, path, ctype, body string
		status                    int
		code                      string
	}{
		{"GET", "/api/v1/nope", "", "", 404, CodeNotFound},
		{"GET", "/api/v1/stories/nope", "", "", 404, CodeNotFound},
		{"GET", "/api/v1/stories/nope/export", "", "", 404, CodeNotFound},
		{"GET", "/api/v1/articles/nope", "", "", 404, CodeNotFound},
		{"DELETE", "/api/v1/stories/s-a1", "", "", 405, CodeMethodNotAllowed},
		{"PUT", "/api/v1/articles", "application/json", "{}", 405, CodeMethodNotAllowed},
		{"GET", "/api/v1/stories?sort=new", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?limit=5&limit=6", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?limit=0", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?limit=101", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?limit=ten", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?from=18/12/2022", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?from=2022-12-20&to=2022-12-01", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?outlet=%ZZ", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories?cursor=garbage!", "", "", 400, CodeInvalidCursor},
		{"GET", "/api/v1/stories?cursor=" + other, "", "", 400, CodeInvalidCursor},
		{"GET", "/api/v1/stories/s-a1?x=1", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/stories/s-a1/export?format=pdf", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/search", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/search?q=-iran", "", "", 400, CodeInvalidQuery},
		{"GET", "/api/v1/search?q=iran&in=web", "", "", 400, CodeInvalidParameter},
		{"GET", "/api/v1/search?q=iran&cursor=" + other, "", "", 400, CodeInvalidCursor},
		{"POST", "/api/v1/articles", "text/plain", `{"text":"x"}`, 415, CodeUnsupportedMediaType},
		{"POST", "/api/v1/articles", "", `{"text":"x"}`, 415, CodeUnsupportedMediaType},
		{"POST", "/api/v1/articles", "application/json", `{"text":`, 400, CodeBadRequest},
		{"POST", "/api/v1/articles", "application/json", `[]`, 400, CodeBadRequest},
		{"POST", "/api/v1/articles", "application/json", `"text"`, 400, CodeBadRequest},
		{"POST", "/api/v1/articles", "application/json", ``, 400, CodeBadRequest},
		{"POST", "/api/v1/articles", "application/json", `[{"title":"no body"}, 7]`, 422, CodeInvalidArticle},
		{"POST", "/api/v1/articles", "application/json; charset=utf-8", strings.Repeat(" ", MaxPostBytes+1), 413, CodeTooLarge},
	}
	for _, tt := range tests {
		r := e.do(t, tt.method, tt.path, tt.ctype, []byte(tt.body))
		name := tt.method + " " + tt.path
		if len(name) > 80 {
			name = name[:80]
		}
		if r.status != tt.status || r.errorCode() != tt.code {
			t.Errorf("%s: %d %q, want %d %q; body %.300s", name, r.status, r.errorCode(), tt.status, tt.code, r.body)
		}
		if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", name, ct)
		}
		var eb ErrorBody
		if json.Unmarshal(r.body, &eb) != nil || eb.Error.Message == "" {
			t.Errorf("%s: not a JSON error with a message: %s", name, r.body)
		}
	}
	r := e.do(t, "DELETE", "/api/v1/articles", "", nil)
	if allow := r.header.Get("Allow"); allow != "POST" {
		t.Errorf("Allow = %q", allow)
	}
	r = e.do(t, "PATCH", "/api/v1/stories", "", nil)
	if allow := r.header.Get("Allow"); allow != "GET, HEAD" {
		t.Errorf("Allow = %q", allow)
	}
}

func TestNotReadyStory(t *testing.T) {
	e := newEnv(t)
	fixture(t, e.st)
	if err := e.st.InvalidateBriefs(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/v1/stories/s-a1", "/api/v1/stories/s-a1/export?format=md"} {
		r := e.get(t, p)
		if r.status != http.StatusServiceUnavailable || r.errorCode() != CodeNotReady || r.header.Get("Retry-After") == "" {
			t.Errorf("%s: %d %s, Retry-After %q", p, r.status, r.body, r.header.Get("Retry-After"))
		}
	}
	var list StoryList
	e.getJSON(t, "/api/v1/stories", &list)
	if len(list.Stories) != 2 || list.Stories[0].Ready {
		t.Errorf("stories being rebuilt are listed as not ready: %+v", list.Stories)
	}
	// The entity filter needs the object: stories being rebuilt do not match.
	e.getJSON(t, "/api/v1/stories?entity=Iran", &list)
	if len(list.Stories) != 0 {
		t.Errorf("entity filter matched unbuilt stories: %v", itemIDs(list.Stories))
	}
}

func TestGoldenResponses(t *testing.T) {
	e := newEnv(t)
	fixture(t, e.st)
	for _, tt := range []struct{ name, path string }{
		{"stories.json", "/api/v1/stories"},
		{"stories_outlet.json", "/api/v1/stories?outlet=pbs&limit=1"},
		{"story.json", "/api/v1/stories/s-a1"},
		{"article.json", "/api/v1/articles/a2"},
		{"export.jsonl", "/api/v1/stories/s-a1/export?format=jsonl"},
		{"export.csv", "/api/v1/stories/s-a1/export?format=csv"},
		{"export.md", "/api/v1/stories/s-a1/export?format=md"},
		{"stories.atom", "/api/v1/stories.atom?limit=1"},
		{"search.json", "/api/v1/search?q=iran+seek*"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := e.get(t, tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("%d %s", r.status, r.body)
			}
			golden(t, tt.name, r.body)
		})
	}
	r := e.get(t, "/api/v1/stories/s-a1/export?format=csv")
	if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="story-s-a1.csv"` {
		t.Errorf("Content-Disposition = %q", cd)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type = %q", ct)
	}
}

func TestEntityOutletDateFilters(t *testing.T) {
	e := newEnv(t)
	fixture(t, e.st)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"s-a1", "s-b1"}},
		{"entity=burns", []string{"s-a1"}},
		{"entity=iran", []string{"s-a1"}},
		{"entity=putin", nil},
		{"outlet=the+moscow+times", []string{"s-a1"}},
		{"from=2022-12-19", []string{"s-a1"}},
		{"from=2022-12-21", nil},
		{"to=2022-12-17", nil},
		{"to=2022-12-18&from=2022-12-18", []string{"s-a1"}},
		{"storyline=l-a1", []string{"s-a1"}},
	}
	for _, tt := range tests {
		var list StoryList
		e.getJSON(t, "/api/v1/stories?"+tt.query, &list)
		if !cmp.Equal(itemIDs(list.Stories), tt.want) {
			t.Errorf("?%s: %v, want %v", tt.query, itemIDs(list.Stories), tt.want)
		}
	}
}

// TestCursorPages walks 60 stories in pages of 7 through the API: every
// story once, in order, "next" null at the end, and a cursor refused when
// the filters change.
func TestCursorPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	manyStories(t, e.st, 60)
	whole, err := e.st.ListStories(ctx, store.StoryFilter{}, nil, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range whole {
		want = append(want, s.ID)
	}
	var got []string
	path := "/api/v1/stories?limit=7"
	pages := 0
	for {
		var list StoryList
		e.getJSON(t, path, &list)
		pages++
		got = append(got, itemIDs(list.Stories)...)
		if list.Next == nil {
			break
		}
		path = "/api/v1/stories?limit=7&cursor=" + url.QueryEscape(*list.Next)
		if pages == 2 {
			r := e.get(t, "/api/v1/stories?limit=7&outlet=x&cursor="+url.QueryEscape(*list.Next))
			if r.errorCode() != CodeInvalidCursor {
				t.Errorf("cursor with other filters: %d %s", r.status, r.body)
			}
		}
	}
	if pages != 9 || !cmp.Equal(got, want) {
		t.Errorf("%d pages, %d stories; want 9 pages of the %d stories in order", pages, len(got), len(want))
	}
	// A limit of exactly the rest ends with next null, not an empty page.
	var list StoryList
	e.getJSON(t, "/api/v1/stories?limit=60", &list)
	if len(list.Stories) != 60 || list.Next != nil {
		t.Errorf("limit=60: %d stories, next %v", len(list.Stories), list.Next)
	}
	// The Atom feed pages the same way.
	r := e.get(t, "/api/v1/stories.atom?limit=50")
	if !bytes.Contains(r.body, []byte(`rel="next"`)) || bytes.Count(r.body, []byte("<entry>")) != 50 {
		t.Errorf("feed page: %d entries, next link %v", bytes.Count(r.body, []byte("<entry>")), bytes.Contains(r.body, []byte(`rel="next"`)))
	}
}

func TestSearchAPI(t *testing.T) {
	e := newEnv(t)
	fixture(t, e.st)
	ctx := context.Background()
	if err := e.st.IndexQuotes(ctx, "s-a1", []store.QuoteDoc{
		{ArticleID: "a1", Speaker: "Nasser Kanani", Text: "we will not seek permission from anyone"},
		{ArticleID: "a2", Speaker: "William Burns", Text: "a full-fledged defense partnership"},
	}); err != nil {
		t.Fatal(err)
	}
	var res SearchResults
	e.getJSON(t, "/api/v1/search?q=permission&in=quotes", &res)
	if len(res.Results) != 1 || res.Results[0].Speaker != "Nasser Kanani" || res.Results[0].Kind != "quote" ||
		*res.Results[0].Story != "s-a1" || res.Results[0].Text != "we will not seek permission from anyone" {
		t.Fatalf("quote search: %+v", res.Results)
	}
	hits := 0
	for _, s := range res.Results[0].Highlights["text"] {
		if s.Hit {
			hits++
			if s.Text != "permission" {
				t.Errorf("highlighted %q", s.Text)
			}
		}
	}
	if hits != 1 {
		t.Errorf("%d highlighted pieces", hits)
	}
	// Paging: one result a page.
	var all []string
	path := "/api/v1/search?q=iran&limit=1"
	for range 5 {
		var page SearchResults
		e.getJSON(t, path, &page)
		for _, h := range page.Results {
			all = append(all, h.Article)
		}
		if page.Next == nil {
			break
		}
		path = "/api/v1/search?q=iran&limit=1&cursor=" + url.QueryEscape(*page.Next)
	}
	if len(all) != 2 || all[0] == all[1] {
		t.Errorf("paged search: %v", all)
	}
}

// manyStories stores n one-article stories over a few days, with briefs.
func manyStories(t testing.TB, st *store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	var stories []store.Story
	for i := range n {
		id := fmt.Sprintf("m%04d", i)
		a := synthArticle(i)
		a.ID = id
		if _, err := st.AddArticle(ctx, a, nil, nil, 1); err != nil {
			t.Fatal(err)
		}
		stories = append(stories, store.Story{ID: "s-" + id, Title: a.Title, FirstSeen: a.Published, LastSeen: a.Published,
			Members: []store.Member{{ArticleID: id, Reason: "new story"}}})
	}
	if err := st.ReplaceStories(ctx, stories, nil, 1); err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if err := st.SaveBrief(ctx, s.ID, []byte(`{"id":"`+s.ID+`","articles":["`+s.Members[0].ArticleID+`"]}`), 1); err != nil {
			t.Fatal(err)
		}
	}
}

// synthArticle is a distinct small dated article.
func synthArticle(i int) *article.Article {
	text := fmt.Sprintf("The council of Town%d voted %d to %d on the library budget.", i, i%9+1, i%5)
	return &article.Article{
		ID: fmt.Sprintf("x%d", i), Hash: fmt.Sprintf("hash%d", i), Source: "synthetic", Format: "text",
		Title: fmt.Sprintf("Council vote %d", i), Outlet: fmt.Sprintf("Outlet %d", i%3),
		Published: time.Date(2023, 1, 1+i%10, 0, 0, 0, 0, time.UTC), Text: text,
	}
}
