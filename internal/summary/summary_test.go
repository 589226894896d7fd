package summary

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedDocs reads the example articles of the repository.
func seedDocs(t testing.TB) []Doc {
	t.Helper()
	paths, err := filepath.Glob("../../examples/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed articles: %v", err)
	}
	sort.Strings(paths)
	var docs []Doc
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Doc{ID: filepath.Base(p), Text: string(b)})
	}
	return docs
}

func words(picks []Pick) int {
	n := 0
	for _, p := range picks {
		n += len(strings.Fields(p.Text))
	}
	return n
}

// checkPicks asserts the invariants every summary keeps.
func checkPicks(t *testing.T, docs []Doc, picks []Pick, budget int) {
	t.Helper()
	if n := words(picks); n > budget {
		t.Errorf("summary has %d words, budget %d", n, budget)
	}
	for k, p := range picks {
		if got := docs[p.Doc].Text[p.Start:p.End]; got != p.Text {
			t.Errorf("pick %d: Text %q is not Doc.Text[Start:End] %q", k, p.Text, got)
		}
		if !sort.IntsAreSorted(p.Docs) || !contains(p.Docs, p.Doc) {
			t.Errorf("pick %d: Docs %v must be sorted and hold its own doc %d", k, p.Docs, p.Doc)
		}
		if p.Reason == "" {
			t.Errorf("pick %d has no reason", k)
		}
		if k > 0 {
			a, b := picks[k-1], p
			ta, tb := docs[a.Doc].Published, docs[b.Doc].Published
			if ta.After(tb) || ta.Equal(tb) && (a.Doc > b.Doc || a.Doc == b.Doc && a.Index > b.Index) {
				t.Errorf("picks %d and %d out of reading order", k-1, k)
			}
		}
	}
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestSummarizeSeedsGolden(t *testing.T) {
	docs := seedDocs(t)
	picks := Summarize(docs, Options{Words: 80, Stem: true})
	if len(picks) == 0 {
		t.Fatal("no picks")
	}
	checkPicks(t, docs, picks, 80)
	var b strings.Builder
	for _, p := range picks {
		fmt.Fprintf(&b, "%s #%d docs=%v\n  %s\n  %s\n", docs[p.Doc].ID, p.Index, p.Docs, p.Text, p.Reason)
	}
	golden := filepath.Join("testdata", "seeds.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("summary differs from %s (-want +got):\n%s", golden, diff)
	}
}

func TestWireCopiesAreCitedNotRepeated(t *testing.T) {
	docs := seedDocs(t)
	// A wire copy of the first article under another outlet, with a new
	// first line, and a second copy with a dateline.
	docs = append(docs,
		Doc{ID: "copy1", Text: "Updated at noon.\n\n" + docs[0].Text},
		Doc{ID: "copy2", Text: "TEHRAN, Iran (AP) _ " + docs[0].Text},
	)
	picks := Summarize(docs, Options{Words: 120, Stem: true})
	checkPicks(t, docs, picks, 120)
	c := newCorpus(docs, Options{Words: 120, Stem: true})
	if c.group[0] != c.group[5] || c.group[0] != c.group[6] {
		t.Errorf("copies not grouped with their original: groups %v", c.group)
	}
	for k, p := range picks {
		if p.Doc == 0 || p.Doc >= 5 {
			for _, d := range []int{0, 5, 6} {
				if !contains(p.Docs, d) {
					t.Errorf("pick %d from the copied article does not cite doc %d: %v", k, d, p.Docs)
				}
			}
		}
		for j := 0; j < k; j++ {
			a := sentOf(picks[j].Text)
			b := sentOf(p.Text)
			if sameContent(&a, &b) {
				t.Errorf("picks %d and %d carry the same content:\n%s\n%s", j, k, picks[j].Text, p.Text)
			}
		}
	}
}

func TestPenaltyKeepsSentenceOut(t *testing.T) {
	docs := seedDocs(t)
	opt := Options{Words: 80, Stem: true}
	first := Summarize(docs, opt)
	if len(first) == 0 {
		t.Fatal("no picks")
	}
	banned := first[0].Sentence
	opt.Penalty = func(doc, sent int, _ string) float64 {
		if doc == banned.Doc && sent == banned.Index {
			return 1
		}
		return 0
	}
	for _, p := range Summarize(docs, opt) {
		if p.Doc == banned.Doc && p.Index == banned.Index {
			t.Errorf("sentence with penalty 1 was picked: %q", p.Text)
		}
	}
}

func TestReadingOrderByDate(t *testing.T) {
	docs := seedDocs(t)
	day := time.Date(2022, 12, 1, 0, 0, 0, 0, time.UTC)
	for i := range docs {
		docs[i].Published = day.AddDate(0, 0, len(docs)-i) // later input, earlier date
	}
	picks := Summarize(docs, Options{Words: 150, Stem: true})
	checkPicks(t, docs, picks, 150)
}

func TestFewDocuments(t *testing.T) {
	docs := seedDocs(t)[:1]
	picks := Summarize(docs, Options{Words: 60, Stem: false})
	if len(picks) == 0 {
		t.Fatal("a single document gave no summary")
	}
	checkPicks(t, docs, picks, 60)
}

func TestNothingToSummarize(t *testing.T) {
	if p := Summarize(nil, Options{Words: 100}); p != nil {
		t.Errorf("no docs: %v", p)
	}
	if p := Summarize([]Doc{{Text: "Short one."}}, Options{Words: 100}); p != nil {
		t.Errorf("no candidate sentence: %v", p)
	}
	if p := Summarize(seedDocs(t), Options{}); p != nil {
		t.Errorf("zero budget: %v", p)
	}
}

func TestDateline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MUNICH, Germany (AP) _ U.S. prosecutors have asked for more time.", "U.S. prosecutors have asked for more time."},
		{"WASHINGTON _ The Senate voted on Tuesday to end the debate.", "The Senate voted on Tuesday to end the debate."},
		{"NAIROBI, Kenya (Reuters) - FBI agents began questioning relatives.", "FBI agents began questioning relatives."},
		{"NATO said on Monday it would send more troops.", "NATO said on Monday it would send more troops."},
	}
	for _, tt := range tests {
		s := sentOf(tt.in)
		if s.Text != tt.want {
			t.Errorf("dateline of %q: got %q, want %q", tt.in, s.Text, tt.want)
		}
	}
}
