package brief

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/clean"
	"github.com/parallax-news/parallax/internal/dataset"
)

type gvaDoc struct {
	ID, Title, Text, Outlet, Published, URL, Cluster string
}

// readGVA reads the GVA corpus by incident.
func readGVA(t testing.TB) map[string][]gvaDoc {
	f, err := os.Open(dataset.Require(t, "clustering/gva_semeval2018t5.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	by := map[string][]gvaDoc{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var d gvaDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		by[d.Cluster] = append(by[d.Cluster], d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return by
}

// gvaStories returns up to n stories (incidents) of 3 to 6 articles
// published within a week, in order of incident ID.
func gvaStories(t testing.TB, n int) [][]gvaDoc {
	by := readGVA(t)
	var out [][]gvaDoc
	for _, id := range sortedKeys(by) {
		docs := by[id]
		if len(docs) < 3 || len(docs) > 6 || !withinWeek(docs) {
			continue
		}
		out = append(out, docs)
		if len(out) == n {
			break
		}
	}
	return out
}

// largestGVAStory returns the Input of the incident with the most articles.
func largestGVAStory(t testing.TB) Input {
	by := readGVA(t)
	best := ""
	for _, id := range sortedKeys(by) {
		if len(by[id]) > len(by[best]) {
			best = id
		}
	}
	return withStages(t, gvaInput(by[best]))
}

// gvaInput cleans a story's articles.
func gvaInput(docs []gvaDoc) Input {
	var in Input
	for _, d := range docs {
		pub, _ := time.Parse(time.DateOnly, d.Published)
		r, err := clean.Clean(clean.Input{Text: d.Text, Title: d.Title, Outlet: d.Outlet, URL: d.URL, Published: pub})
		if err != nil {
			continue
		}
		in.Articles = append(in.Articles, article.Article{ID: d.ID[:8], Title: r.Title, Outlet: r.Outlet,
			Byline: r.Byline, Wire: r.Wire, Published: r.Published, Text: r.Body})
	}
	return in
}

func withinWeek(docs []gvaDoc) bool {
	var ts []time.Time
	for _, d := range docs {
		tm, err := time.Parse(time.DateOnly, d.Published)
		if err != nil {
			return false
		}
		ts = append(ts, tm)
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	return ts[len(ts)-1].Sub(ts[0]) <= 7*24*time.Hour
}

// TestGVAStories builds the brief of a few shooting stories from the GVA
// corpus: a story of another kind than the seeds. It checks what must
// hold of any brief and, with -v, logs the brief for reading.
func TestGVAStories(t *testing.T) {
	for _, docs := range gvaStories(t, 6) {
		in := gvaInput(docs)
		in = withStages(t, in)
		b := Build(in, Options{})
		t.Run(docs[0].Cluster, func(t *testing.T) {
			checkBrief(t, in, b)
			logBrief(t, b)
		})
	}
}

// checkBrief checks what holds of any brief.
func checkBrief(t *testing.T, in Input, b Brief) {
	t.Helper()
	outlets := map[string]bool{}
	for _, a := range in.Articles {
		outlets[labelOf(&a)] = true
	}
	for _, f := range b.Facts {
		if len(f.Articles) == 0 || f.Independent < 1 || f.Independent > len(f.Articles) || f.Independent > len(outlets) {
			t.Errorf("fact %s: %d articles, %d independent (%d outlets)", f.ID, len(f.Articles), f.Independent, len(outlets))
		}
		if f.SingleSource != (f.Independent == 1) || f.Text == "" || f.Reason == "" {
			t.Errorf("fact %s malformed: %+v", f.ID, f)
		}
	}
	first, last := time.Time{}, time.Time{}
	for _, a := range in.Articles {
		if a.HasDate() && (first.IsZero() || a.Published.Before(first)) {
			first = a.Published
		}
		if a.Published.After(last) {
			last = a.Published
		}
	}
	for _, e := range b.Timeline {
		if e.Precision == "day" && !last.IsZero() {
			d, err := time.Parse(time.DateOnly, e.Date)
			if err != nil {
				t.Errorf("event date %q: %v", e.Date, err)
			} else if d.After(last.AddDate(1, 0, 0)) {
				t.Errorf("event %s a year after the last article (%s): %s", e.Date, last.Format(time.DateOnly), e.Text)
			}
		}
	}
	words := 0
	for _, s := range b.Summary {
		words += len(strings.Fields(s.Text))
		if len(s.Articles) == 0 {
			t.Errorf("uncited summary sentence %q", s.Text)
		}
	}
	if words > 100 {
		t.Errorf("summary of %d words", words)
	}
}

func logBrief(t *testing.T, b Brief) {
	t.Helper()
	for _, f := range b.Facts {
		if f.SingleSource && len(f.ConflictsWith) == 0 {
			continue
		}
		t.Logf("%s [%d indep, %v] %s\n    %s", f.ID, f.Independent, f.ConflictsWith, clip(f.Text, 160), f.Reason)
	}
	for _, c := range b.Conflicts {
		t.Logf("conflict %v %s: %s", c.Facts, c.Kind, c.Reason)
	}
	for _, e := range b.Timeline {
		t.Logf("%s %v %s", e.Date, e.Articles, clip(e.Text, 120))
	}
	for _, fr := range b.Framing {
		t.Logf("framing %s: verbs %v loaded %d hedges %d labels %v omits %v", fr.Outlet, fr.Verbs, len(fr.Loaded), len(fr.Hedges), fr.Labels, fr.Omits)
	}
	for _, s := range b.Summary {
		t.Logf("summary %v: %s", s.Articles, s.Text)
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// BenchmarkBuildLargeStory builds the brief of the largest GVA incident
// (17 articles), to watch how Build scales with story size.
func BenchmarkBuildLargeStory(b *testing.B) {
	in := largestGVAStory(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Build(in, Options{})
	}
}
