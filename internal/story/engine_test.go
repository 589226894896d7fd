package story

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestRebuild: re-adding the same articles in the same order gives the
// same decisions (the pipeline restarts the engine from its database).
func TestRebuild(t *testing.T) {
	docs := seedDocs(t)
	run := func() []Assignment {
		e := New(DefaultConfig())
		var out []Assignment
		for _, d := range docs {
			out = append(out, e.Add(d))
		}
		return out
	}
	if a, b := run(), run(); !reflect.DeepEqual(a, b) {
		t.Errorf("two replays differ:\n%+v\n%+v", a, b)
	}
}

// TestStoriesClose: a story that goes quiet for longer than the window
// closes; a later article on the same event opens a new story, in the
// same storyline while that is still open.
func TestStoriesClose(t *testing.T) {
	docs := seedDocs(t)
	day := time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)
	e := New(DefaultConfig())
	a := docs[0]
	a.Published = day
	first := e.Add(a)
	b := docs[1]
	b.Published = day.Add(DefaultConfig().Window + 48*time.Hour)
	second := e.Add(b)
	if !second.New || second.Story == first.Story {
		t.Errorf("article after the window joined %s: %s", second.Story, second.Reason)
	}
	if second.Storyline != first.Storyline {
		t.Errorf("storyline %s, want %s", second.Storyline, first.Storyline)
	}
	if n := len(e.Stories()); n != 1 {
		t.Errorf("%d stories open, want 1", n)
	}
}

// TestBigStoriesStayOpenLonger: a story of several articles stays open
// for Window*(1+WindowGrowth*ln n), a story of one for Window.
func TestBigStoriesStayOpenLonger(t *testing.T) {
	docs := seedDocs(t)
	day := time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)
	cfg := DefaultConfig()
	cfg.WindowGrowth = 1
	e := New(cfg)
	var big string
	for i := range 3 { // 000-002: one story
		d := docs[i]
		d.Published = day
		big = e.Add(d).Story
	}
	lone := docs[4] // Putin's July visit: a story of its own
	lone.Published = day
	if a := e.Add(lone); a.Story == big {
		t.Fatalf("004 joined the December story: %s", a.Reason)
	}
	open := func() map[string]bool {
		m := map[string]bool{}
		for _, s := range e.Stories() {
			m[s.ID] = true
		}
		return m
	}
	// Past Window, under Window*(1+ln 3) = 2.1 Windows: only the big one is open.
	later := Doc{ID: "x", Title: "Unrelated", Text: "Rainfall records fell across the valley.", Published: day.Add(cfg.Window * 3 / 2)}
	e.Add(later)
	if got := open(); !got[big] || got["s-"+lone.ID] {
		t.Fatalf("after 1.5 windows open stories = %v; want %s open and s-%s closed", got, big, lone.ID)
	}
	e.Add(Doc{ID: "y", Title: "Unrelated too", Text: "A bridge reopened after repairs.", Published: day.Add(cfg.Window * 5 / 2)})
	if open()[big] {
		t.Fatalf("the big story is still open after 2.5 windows")
	}
}

// TestBridgeMerge: two stories opened by articles too far apart to join
// are merged by a later article that matches both.
func TestBridgeMerge(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Threshold = 0.9999 // no joins: every article opens a story...
	cfg.MergeThreshold = 0.2
	e := New(cfg)
	docs := seedDocs(t)
	e.Add(docs[1])
	e.Add(docs[2])
	e.cfg.Threshold = 0.2 // ...until the bridge comes
	a := e.Add(docs[0])
	if len(a.Merged) != 1 || a.Story != "s-001" || a.Merged[0] != "s-002" {
		t.Fatalf("bridge: %+v", a)
	}
	stories := e.Stories()
	if len(stories) != 1 || len(stories[0].Why) != 3 {
		t.Errorf("stories after the merge: %+v", stories)
	}
}

// TestRegroupStorylines: two related stories that opened in storylines of
// their own are put together when the storylines are regrouped, closest
// pair first, and not when regrouping is off.
func TestRegroupStorylines(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Threshold = 1.01      // every article opens a story...
	cfg.LineThreshold = 1.01  // ...in a storyline of its own
	cfg.MergeThreshold = 1.01 // and stories never merge
	docs := seedDocs(t)
	e := New(cfg)
	var lines []string
	for _, d := range docs {
		lines = append(lines, e.Add(d).Storyline)
	}
	if len(e.Storylines()) != len(docs) {
		t.Fatalf("setup: %d storylines for %d stories", len(e.Storylines()), len(docs))
	}
	merges := e.Regroup()
	if len(merges) != len(docs)-1 {
		t.Fatalf("regroup merged %+v, want the %d storylines into one", merges, len(docs))
	}
	for i, m := range merges {
		if m.Score < cfg.LineMergeThreshold || (i > 0 && m.Score > merges[i-1].Score+1e-9 && m.Into == merges[i-1].Into) {
			t.Errorf("merge %d: %+v", i, m)
		}
	}
	if ls := e.Storylines(); len(ls) != 1 || ls[0].ID != lines[0] || len(ls[0].Stories) != len(docs) {
		t.Errorf("storylines after regrouping: %+v, want one, %s (the oldest), with every story", ls, lines[0])
	}
	if again := e.Regroup(); len(again) != 0 {
		t.Errorf("second regroup with nothing changed merged %+v", again)
	}
	for _, s := range e.Stories() {
		first := s.ID == "s-"+docs[0].ID
		switch why := s.LineWhy; {
		case first && (why.Score != 0 || !strings.HasPrefix(why.Reason, "opened the storyline")):
			t.Errorf("%s opened the storyline, but says %+v", s.ID, why)
		case !first && (why.Score < cfg.LineMergeThreshold || !strings.HasPrefix(why.Reason, "storyline l-") ||
			!strings.Contains(why.Reason, " merged in: ")):
			t.Errorf("%s came by a merge, but says %+v", s.ID, why)
		}
	}

	cfg.LineMergeThreshold = 0 // off: the storylines stay apart
	e = New(cfg)
	for _, d := range docs {
		e.Add(d)
	}
	if m := e.Regroup(); len(m) != 0 || len(e.Storylines()) != len(docs) {
		t.Errorf("regrouping off merged %+v", m)
	}
}

// TestWindowBounded: an undated stream keeps at most MaxArticles articles
// in its statistics and closes the stories beyond them.
func TestWindowBounded(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxArticles = 3
	e := New(cfg)
	for i, d := range append(seedDocs(t), seedDocs(t)...) {
		d.ID = d.ID + "-" + string(rune('a'+i))
		e.Add(d)
	}
	if w := e.WindowSize(); w > cfg.MaxArticles+1 {
		t.Errorf("window holds %d articles, want at most %d", w, cfg.MaxArticles+1)
	}
	for _, s := range e.Stories() {
		if len(s.Why) > 10 {
			t.Errorf("story %s kept %d members", s.ID, len(s.Why))
		}
	}
}

func TestReasonsNameSharedNames(t *testing.T) {
	e := New(DefaultConfig())
	docs := seedDocs(t)
	e.Add(docs[0])
	a := e.Add(docs[1])
	if !strings.HasPrefix(a.Reason, "shares ") || !strings.Contains(a.Reason, "cosine") {
		t.Errorf("reason %q", a.Reason)
	}
	lines := e.Storylines()
	if len(lines) != 1 || lines[0].Title == "" {
		t.Errorf("storylines %+v", lines)
	}
}

// TestStorylineJoinReason: a new story that joins a storyline says whom
// it shares and how close it is; one that opens a storyline says why.
func TestStorylineJoinReason(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Threshold = 1.01 // every article opens a story
	cfg.LineThreshold = 0.05
	e := New(cfg)
	docs := seedDocs(t)
	e.Add(docs[0])
	e.Add(docs[1])
	why := map[string]Link{}
	for _, s := range e.Stories() {
		why[s.ID] = s.LineWhy
	}
	if w := why["s-000"]; w.Score != 0 || w.Reason != "opened the storyline: no open storyline shares its key words" {
		t.Errorf("first story: %+v", w)
	}
	w := why["s-001"]
	if w.Score < cfg.LineThreshold || !strings.HasPrefix(w.Reason, "shares Iran, Russia") ||
		!strings.Contains(w.Reason, " with its 1 story; leads ") || !strings.HasSuffix(w.Reason, fmt.Sprintf("score %.2f", w.Score)) {
		t.Errorf("second story: %+v", w)
	}

	cfg.LineThreshold = 1.01 // no storyline is close enough
	e = New(cfg)
	e.Add(docs[0])
	a := e.Add(docs[1])
	for _, s := range e.Stories() {
		if s.ID == a.Story && !strings.HasPrefix(s.LineWhy.Reason, "opened the storyline: closest storyline l-000 scores ") {
			t.Errorf("second story, storyline too far: %+v", s.LineWhy)
		}
	}
}

func TestFeaturizeNames(t *testing.T) {
	f := Featurize(Doc{Text: "Police said the shooting happened on Main Street, which police closed. CIA Director William Burns told PBS on July 19 that 12-year-old Tehran residents were safe. Police arrived later."})
	var labels []string
	for _, l := range f.Labels {
		labels = append(labels, l.Text)
	}
	sort.Strings(labels)
	got := strings.Join(labels, "|")
	for _, want := range []string{"Main Street", "CIA Director William Burns", "Burns", "PBS", "Tehran"} {
		if !strings.Contains(got, want) {
			t.Errorf("labels %q lack %q", got, want)
		}
	}
	for _, not := range []string{"Police", "July", "The"} {
		for _, l := range labels {
			if l == not {
				t.Errorf("labels %q include %q", got, not)
			}
		}
	}
	if len(f.Nums) < 3 { // 19, the July 19 date, 12
		t.Errorf("numbers %v", f.Nums)
	}
}

func FuzzFeaturize(f *testing.F) {
	f.Add("Title", "CIA Director William Burns told PBS on July 19 that “Iran’s” drones… 1,000-drone deal.")
	f.Fuzz(func(t *testing.T, title, body string) {
		ft := Featurize(Doc{Title: title, Text: body})
		for _, v := range []Vector{ft.Terms, ft.Names, ft.Nums, ft.Title} {
			for i := 1; i < len(v); i++ {
				if v[i-1].Key >= v[i].Key {
					t.Fatal("vector not sorted by key")
				}
			}
		}
		names := map[uint64]bool{}
		for _, n := range ft.Names {
			names[n.Key] = true
		}
		for _, l := range ft.Labels {
			if !names[l.Key] {
				t.Fatalf("label %q without a name feature", l.Text)
			}
		}
		e := New(DefaultConfig())
		e.Add(Doc{ID: "a", Text: body, Title: title})
		e.Add(Doc{ID: "b", Text: body, Title: title})
	})
}
