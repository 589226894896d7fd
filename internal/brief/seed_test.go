package brief

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// seedArticles cleans the seed articles whose file names start with the
// given prefixes. An article's ID is the hex part of its file name
// ("000_65a4dbddd719858e.txt" -> "65a4dbddd719858e").
func seedArticles(t testing.TB, prefixes ...string) []article.Article {
	t.Helper()
	var out []article.Article
	for _, p := range prefixes {
		files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", p+"_*.txt"))
		if err != nil || len(files) != 1 {
			t.Fatalf("seed %s: %v (%d files)", p, err, len(files))
		}
		b, err := os.ReadFile(files[0])
		if err != nil {
			t.Fatal(err)
		}
		r, err := clean.Clean(clean.Input{Text: string(b)})
		if err != nil {
			t.Fatalf("clean %s: %v", files[0], err)
		}
		base := filepath.Base(files[0])
		_, id, _ := strings.Cut(strings.TrimSuffix(base, ".txt"), "_")
		out = append(out, article.Article{
			ID: id, Source: base, Format: "text", Title: r.Title, Outlet: r.Outlet, Byline: r.Byline,
			Wire: r.Wire, URL: r.URL, Published: r.Published, Dateline: r.Dateline, Text: r.Body,
			Asides: r.Asides,
		})
	}
	return out
}

// decemberStory is the seed story of December 2022: seeds 000 to 003.
func decemberStory(t testing.TB) Input {
	return Input{Articles: seedArticles(t, "000", "001", "002", "003")}
}

func TestGoldenSeeds(t *testing.T) {
	tests := []struct {
		name string
		in   func(testing.TB) Input
	}{
		{"december", decemberStory},
		{"july", func(t testing.TB) Input { return Input{Articles: seedArticles(t, "004")} }},
		{"all", func(t testing.TB) Input { return Input{Articles: seedArticles(t, "000", "001", "002", "003", "004")} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Build(tt.in(t), Options{})
			got, err := json.MarshalIndent(b, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", tt.name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("brief of %s differs from %s (-want +got):\n%s", tt.name, path, cmp.Diff(string(want), string(got)))
			}
		})
	}
}

// TestDecemberStory checks what the brief of the seed story must show.
func TestDecemberStory(t *testing.T) {
	b := Build(decemberStory(t), Options{})
	byID := map[string]Fact{}
	for _, f := range b.Facts {
		byID[f.ID] = f
	}

	// Iran seeks no one's permission: 3 articles, 2 or more independent sources.
	perm, ok := factOf(b, "permission from anyone")
	if !ok {
		t.Fatal("no fact about seeking permission")
	}
	if len(perm.Articles) < 3 || perm.Independent < 2 || perm.SingleSource {
		t.Errorf("permission fact: %d articles, %d independent: %s", len(perm.Articles), perm.Independent, perm.Reason)
	}

	// Seed 000's Soviet help in the Iran-Iraq war: single source.
	soviet, ok := factOf(b, "Soviet Union providing military assistance")
	if !ok || !soviet.SingleSource || len(soviet.Articles) != 1 || soviet.Articles[0] != "65a4dbddd719858e" {
		t.Errorf("Soviet fact %+v, want single-source from 65a4dbddd719858e", soviet)
	}

	// A claim against its denial: Tehran admitted sending drones vs a claim Iran rejects.
	admit, _ := factOf(b, "Tehran admitted it had sent drones")
	deny, _ := factOf(b, "a claim Iran roundly rejects")
	if !slices.Contains(admit.ConflictsWith, deny.ID) || deny.Stance != "denial" {
		t.Errorf("admission %s conflicts with %v, want %s (stance %q)", admit.ID, admit.ConflictsWith, deny.ID, deny.Stance)
	}

	// Timeline: the PBS interview, Tehran's reply, Kirby.
	days := map[string]Event{}
	for _, e := range b.Timeline {
		days[e.Date] = e
	}
	for date, want := range map[string]string{"2022-12-16": "PBS", "2022-12-18": "permission", "2022-12-09": "Kirby"} {
		if e, ok := days[date]; !ok || !strings.Contains(e.Text, want) {
			t.Errorf("timeline %s = %+v, want an event about %s", date, e, want)
		}
	}
	if e := days["2022-12-18"]; len(e.Articles) < 2 {
		t.Errorf("Tehran's reply dated by %v, want two articles", e.Articles)
	}

	// Framing: Mehr's own "claimed"/"alleged" apart from the words it quotes.
	var mehr, moscow Framing
	for _, fr := range b.Framing {
		switch fr.Outlet {
		case "Mehr News Agency":
			mehr = fr
		case "The Moscow Times":
			moscow = fr
		}
	}
	if mehr.Verbs["claim"] == 0 || mehr.Verbs["allege"] == 0 {
		t.Errorf("Mehr's own verbs %v, want claim and allege", mehr.Verbs)
	}
	for _, term := range moscow.Loaded {
		if term.Word == "baseless" || term.Word == "propaganda" {
			t.Errorf("The Moscow Times is charged with its quote of Kanani: %+v", term)
		}
	}
	if !slices.ContainsFunc(moscow.Quoted, func(t Term) bool { return t.Word == "baseless" }) {
		t.Errorf("The Moscow Times quoted words %+v, want baseless", moscow.Quoted)
	}
	if moscow.Wire != "AFP" {
		t.Errorf("The Moscow Times wire %q", moscow.Wire)
	}

	// Summary: every sentence cites its articles.
	if len(b.Summary) == 0 {
		t.Fatal("no summary")
	}
	for _, s := range b.Summary {
		if len(s.Articles) == 0 || s.From == "" {
			t.Errorf("summary sentence without citation: %+v", s)
		}
	}
}

func BenchmarkBuildSeedStory(b *testing.B) {
	in := decemberStory(b)
	b.ReportAllocs()
	for b.Loop() {
		Build(in, Options{})
	}
}
