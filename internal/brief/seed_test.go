package brief

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
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
