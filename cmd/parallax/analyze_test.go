package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seeds = "../../examples/seeds"

// analyzeSeeds runs "parallax analyze --format json" on the seeds.
func analyzeSeeds(t *testing.T) report.Output {
	t.Helper()
	r := runCmd(t, "", "analyze", "--format", "json", seeds)
	if r.code != 0 {
		t.Fatalf("analyze: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var out report.Output
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("analyze output is not the JSON contract: %v", err)
	}
	return out
}

// seedMeta is what the golden file pins of each seed: its metadata and the
// first and last words of its cleaned body.
type seedMeta struct {
	File      string  `json:"file"`
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Byline    string  `json:"byline"`
	Wire      string  `json:"wire"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Dateline  string  `json:"dateline"`
	Starts    string  `json:"body_starts"`
	Ends      string  `json:"body_ends"`
}

func TestAnalyzeSeedsMetadataGolden(t *testing.T) {
	out := analyzeSeeds(t)
	var got []seedMeta
	for _, a := range out.Articles {
		words := strings.Fields(a.Text)
		got = append(got, seedMeta{
			File: filepath.Base(a.Source), ID: a.ID, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, Wire: a.Wire,
			URL: a.URL, Published: a.Published, Dateline: a.Dateline,
			Starts: strings.Join(words[:min(8, len(words))], " "),
			Ends:   strings.Join(words[max(0, len(words)-8):], " "),
		})
	}
	golden := filepath.Join("testdata", "seeds_metadata.golden.json")
	if *update {
		b, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(golden, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	var want []seedMeta
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("seed metadata differs from %s (-want +got):\n%s", golden, diff)
	}
}

// TestAnalyzeSeedsContract checks what issue #2 asks of the seeds directly,
// independent of the golden file.
func TestAnalyzeSeedsContract(t *testing.T) {
	out := analyzeSeeds(t)
	bySeed := make(map[string]report.Article)
	for _, a := range out.Articles {
		bySeed[filepath.Base(a.Source)[:3]] = a
	}
	if len(bySeed) != 5 {
		t.Fatalf("got %d seed articles, want 5", len(bySeed))
	}
	date := func(a report.Article) string {
		if a.Published == nil {
			return "null"
		}
		return *a.Published
	}
	checks := []struct {
		seed, field, got, want string
	}{
		{"001", "outlet", bySeed["001"].Outlet, "The Moscow Times"},
		{"001", "byline", bySeed["001"].Byline, "AFP"},
		{"001", "published", date(bySeed["001"]), "2022-12-18"},
		{"002", "published", date(bySeed["002"]), "2022-12-20"},
		{"002", "byline", bySeed["002"].Byline, "Dave DeCamp"},
		{"003", "outlet", bySeed["003"].Outlet, "Mehr News Agency"},
		{"003", "dateline", bySeed["003"].Dateline, "Tehran"},
		{"000", "outlet", bySeed["000"].Outlet, ""},
		{"000", "published", date(bySeed["000"]), "null"},
		{"004", "published", date(bySeed["004"]), "null"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("seed %s %s = %q, want %q", c.seed, c.field, c.got, c.want)
		}
	}
	if u := bySeed["001"].URL; !strings.HasPrefix(u, "https://www.themoscowtimes.com/") {
		t.Errorf("seed 001 url = %q, want one on themoscowtimes.com", u)
	}
	boilerplate := []string{
		"Original url", "themoscowtimes.com", "ZUMA Press", "Related article", "Your browser doesn",
		"Date Created", "12/20/2022", "Category", "Army-Wars-Conflict", "All Content by Mehr News Agency",
		"Creative Commons", "By [AFP]", "by Dave DeCamp", "meeting in Uzbekistan in September",
		"shakes hands with Iranian President Ebrahim Raisi", "### Description", "**",
	}
	for _, a := range out.Articles {
		for _, b := range boilerplate {
			if strings.Contains(a.Text, b) {
				t.Errorf("%s: body still holds boilerplate %q", filepath.Base(a.Source), b)
			}
		}
		if a.Title != "" && strings.HasPrefix(a.Text, a.Title) {
			t.Errorf("%s: body starts with the title", filepath.Base(a.Source))
		}
	}
	// Issue #3: 000-003 are one story; 004, an earlier event, is another
	// story in the same storyline.
	dec := bySeed["000"].Story
	for _, seed := range []string{"001", "002", "003"} {
		if bySeed[seed].Story != dec {
			t.Errorf("seed %s is in story %s, want %s with seed 000", seed, bySeed[seed].Story, dec)
		}
	}
	if bySeed["004"].Story == dec {
		t.Errorf("seed 004 (July 2022) joined the December story %s", dec)
	}
	line := map[string]string{}
	for _, s := range out.Stories {
		line[s.ID] = s.Storyline
	}
	if line[dec] == "" || line[dec] != line[bySeed["004"].Story] {
		t.Errorf("storylines: December story %q, seed 004's story %q; want the same", line[dec], line[bySeed["004"].Story])
	}
	for _, s := range out.Stories {
		for _, field := range []any{s.Summary, s.Facts, s.Quotes, s.Entities, s.Timeline, s.Framing} {
			if field == nil {
				t.Errorf("story %s: a list field is null, want [] at least", s.ID)
			}
		}
		for _, sen := range s.Summary {
			if len(sen.Articles) == 0 {
				t.Errorf("story %s: summary sentence cites no article: %q", s.ID, sen.Text)
			}
		}
	}
}

func TestAnalyzeTextAndMarkdown(t *testing.T) {
	for _, format := range []string{"text", "markdown"} {
		r := runCmd(t, "", "analyze", "--format", format, seeds)
		if r.code != 0 {
			t.Fatalf("%s: exit %d; stderr:\n%s", format, r.code, r.stderr)
		}
		for _, want := range []string{"The Moscow Times", "Mehr News Agency", "2022-12-18", "2022-12-20", "unknown outlet"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%s output lacks %q", format, want)
			}
		}
	}
	if r := runCmd(t, "", "analyze", "--format", "yaml", seeds); r.code == 0 || !strings.Contains(r.stderr, "unknown --format") {
		t.Errorf("bad format: exit %d, stderr %q", r.code, r.stderr)
	}
}
