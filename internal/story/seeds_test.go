package story

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

func seedDocs(t *testing.T) []Doc {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if len(files) != 5 {
		t.Fatalf("found %d seeds, want 5", len(files))
	}
	sort.Strings(files)
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Doc{ID: filepath.Base(f)[:3], Text: text.Normalize(string(b))})
	}
	return docs
}

// TestSeeds: 000-003 report one event (Burns' interview and Tehran's reply);
// 004, Putin's July 2022 visit to Tehran, is another story of the same
// storyline.
func TestSeeds(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2022, m, d, 0, 0, 0, 0, time.UTC) }
	undated := seedDocs(t)
	dated := append([]Doc(nil), undated...)
	// publication order: the July visit first, then December's coverage
	dated[0], dated[1], dated[2], dated[3], dated[4] = dated[4], dated[0], dated[1], dated[2], dated[3]
	for i, t := range []time.Time{day(7, 19), day(12, 17), day(12, 18), day(12, 19), day(12, 20)} {
		dated[i].Published = t
	}
	for name, docs := range map[string][]Doc{"undated": undated, "dated": dated} {
		t.Run(name, func(t *testing.T) { checkSeeds(t, docs) })
	}
}

func checkSeeds(t *testing.T, docs []Doc) {
	e := New(DefaultConfig())
	asg := map[string]Assignment{}
	for _, d := range docs {
		a := e.Add(d)
		t.Logf("%s -> %s (%s) %.2f %s", d.ID, a.Story, a.Storyline, a.Score, a.Reason)
		asg[d.ID] = a
	}
	for _, id := range []string{"001", "002", "003"} {
		if asg[id].Story != asg["000"].Story {
			t.Errorf("%s in story %s, want %s with 000 (%s)", id, asg[id].Story, asg["000"].Story, asg[id].Reason)
		}
	}
	if asg["004"].Story == asg["000"].Story {
		t.Errorf("004 joined the December story: %s", asg["004"].Reason)
	}
	if asg["004"].Storyline != asg["000"].Storyline {
		t.Errorf("004 in storyline %s, want %s", asg["004"].Storyline, asg["000"].Storyline)
	}
	if asg["000"].Story != "s-000" {
		t.Errorf("December story %q, want s-000, named after its first article", asg["000"].Story)
	}
}
