package story

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
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
// storyline once the storylines are regrouped.
func TestSeeds(t *testing.T) {
	day := func(m time.Month, d int) time.Time { return time.Date(2022, m, d, 0, 0, 0, 0, time.UTC) }
	undated := seedDocs(t)
	// Dated as the texts date themselves (001 "December 18, 2022", 002
	// "12/20/2022", 004 "July 19, 2022"); 000 and 003 carry no date and
	// come in ingest order, as if they arrived with the December coverage.
	byID := map[string]Doc{}
	for _, d := range undated {
		byID[d.ID] = d
	}
	dates := map[string]time.Time{"001": day(12, 18), "002": day(12, 20), "004": day(7, 19)}
	var dated []Doc
	for _, id := range []string{"004", "001", "000", "003", "002"} {
		d := byID[id]
		d.Published = dates[id]
		dated = append(dated, d)
	}
	t.Run("undated", func(t *testing.T) { checkSeeds(t, undated, "s-000") })
	t.Run("dated", func(t *testing.T) { checkSeeds(t, dated, "s-001") })
}

func checkSeeds(t *testing.T, docs []Doc, decemberID string) {
	cfg := DefaultConfig()
	cfg.KeepClosed = true // as the pipeline does: the July story has closed by December
	e := New(cfg)
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
	merges := e.Regroup() // as the pipeline does after the last article
	t.Logf("regrouped: %+v", merges)
	line := map[string]string{}
	why := map[string]Link{}
	for _, s := range e.Stories() {
		line[s.ID], why[s.ID] = s.Storyline, s.LineWhy
		t.Logf("%s in %s: %+v", s.ID, s.Storyline, s.LineWhy)
	}
	if got, want := line[asg["004"].Story], line[asg["000"].Story]; got != want || got == "" {
		t.Errorf("004 in storyline %q, want %q", got, want)
	}
	// One story opened the storyline; the other says what links them.
	opener, linked := why[asg["004"].Story], why[asg["000"].Story]
	if line[asg["000"].Story] == "l-"+asg["000"].Article {
		opener, linked = linked, opener
	}
	if opener.Score != 0 || !strings.HasPrefix(opener.Reason, "opened the storyline") {
		t.Errorf("the storyline's first story: %+v, want score 0 and \"opened the storyline...\"", opener)
	}
	if linked.Score < e.cfg.LineMergeThreshold || !strings.Contains(linked.Reason, "Iran") || !strings.Contains(linked.Reason, "Russia") {
		t.Errorf("the other story: %+v, want a score of at least %.2f and a reason naming Iran and Russia", linked, e.cfg.LineMergeThreshold)
	}
	if asg["000"].Story != decemberID {
		t.Errorf("December story %q, want %s, named after its first article", asg["000"].Story, decemberID)
	}
}
