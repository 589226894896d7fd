package quote

import (
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
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

type seedStory struct {
	arts []ArticleAttributions
	ents []entity.Entity
}

// loadSeeds runs ForStory on the December seeds (000-003), read through
// the cleaner.
func loadSeeds(t *testing.T) seedStory {
	t.Helper()
	files, err := filepath.Glob("../../examples/seeds/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	var arts []article.Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)[:3]
		if id == "004" {
			continue
		}
		r, err := clean.Clean(clean.Input{Text: string(b)})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		arts = append(arts, article.Article{ID: id, Text: r.Body})
	}
	story := ForStory(arts)
	st := seedStory{ents: story.Entities}
	for _, a := range arts {
		st.arts = append(st.arts, ArticleAttributions{ID: a.ID, Attributions: story.Attributions[a.ID]})
	}
	return st
}

var updateFlag = flag.Bool("update", false, "rewrite golden files")

// findStatement returns the statement with a rendering containing frag
// said by speaker ("" for any).
func findStatement(ss []Statement, frag, speaker string) *Statement {
	for i := range ss {
		if speaker != "" && ss[i].Speaker != speaker {
			continue
		}
		for _, r := range ss[i].Renderings {
			if strings.Contains(r.Text, frag) {
				return &ss[i]
			}
		}
	}
	return nil
}

func rendering(s *Statement, article, frag string) *Rendering {
	for i, r := range s.Renderings {
		if r.Article == article && strings.Contains(r.Text, frag) {
			return &s.Renderings[i]
		}
	}
	return nil
}

func TestSeedLedger(t *testing.T) {
	st := loadSeeds(t)
	ledger := Ledger(st.arts, st.ents)

	kanani := findStatement(ledger, "seek permission from anyone", "Nasser Kanani")
	if kanani == nil {
		t.Fatal("no statement of Nasser Kanani with \"seek permission from anyone\"")
	}
	if diff := cmp.Diff([]string{"000", "001", "002"}, kanani.Articles); diff != "" {
		t.Errorf("Kanani's statement articles (-want +got):\n%s", diff)
	}
	if r := rendering(kanani, "002", "seek permission from anyone"); r == nil || r.Relation != Trimmed {
		t.Errorf("002 renders Kanani's statement as a fragment: got %+v", r)
	}

	partner := findStatement(ledger, "full-fledged defense partnership", "William Burns")
	if partner == nil || !slices.Contains(partner.Articles, "002") || !slices.Contains(partner.Articles, "003") {
		t.Errorf("Burns's \"full-fledged defense partnership\" should be in 002 and 003: %+v", partner)
	}

	threats := findStatement(ledger, "poses real threats", "William Burns")
	if threats == nil {
		t.Fatal("no statement of Burns with \"poses real threats\"")
	}
	if diff := cmp.Diff([]string{"001", "002", "003"}, threats.Articles); diff != "" {
		t.Errorf("\"poses real threats\" articles (-want +got):\n%s", diff)
	}
	if r := rendering(threats, "001", "poses real threats"); r == nil || r.Relation != Trimmed {
		t.Errorf("001 trims the threats quote: got %+v", r)
	}
	if r := rendering(threats, "003", "too many"); r == nil || r.Relation != Altered {
		t.Errorf("003 alters the threats quote (\"too many\"): got %+v", r)
	}

	if w := findStatement(ledger, "ballistic missiles", "Barbara Woodward"); w == nil {
		t.Error("no statement of Barbara Woodward on ballistic missiles")
	}

	for _, s := range ledger {
		for _, r := range s.Renderings {
			if r.Relation == Verbatim && !equalWords(text.Words(r.Text), text.Words(s.Text)) {
				t.Errorf("rendering %q shown as verbatim of %q", r.Text, s.Text)
			}
		}
	}

	var burns *entity.Entity
	for i, e := range st.ents {
		if e.Name == "William Burns" {
			burns = &st.ents[i]
		}
	}
	if burns == nil || !slices.Contains(burns.Aliases, "Willian Burns") {
		t.Errorf("entity William Burns with alias Willian Burns: got %+v", burns)
	}
	checkGolden(t, "testdata/seeds_ledger.json", ledger)
}

// checkGolden compares v, as indented JSON, with a golden file; -update
// rewrites it.
func checkGolden(t *testing.T, path string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if *updateFlag {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}
