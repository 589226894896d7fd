package dates

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// seedAnchors are the publish dates of the seed articles; a zero date means
// the article does not give one.
var seedAnchors = []struct {
	file   string
	anchor time.Time
}{
	{"000_65a4dbddd719858e.txt", time.Time{}},
	{"001_47faf601e63f5728.txt", day(2022, 12, 18)},
	{"002_e3d5ecafbe7b84a0.txt", day(2022, 12, 20)},
	{"003_dc604e7a5f4e5b23.txt", time.Time{}},
	{"004_970c438045c9b457.txt", time.Time{}},
}

// goldenMention is the golden-file form of a Mention.
type goldenMention struct {
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Text      string    `json:"text"`
	Date      Date      `json:"date"`
	Precision Precision `json:"precision"`
	Resolved  bool      `json:"resolved"`
	Relative  bool      `json:"relative"`
	Reason    string    `json:"reason"`
}

type goldenArticle struct {
	File     string          `json:"file"`
	Anchor   string          `json:"anchor"`
	Mentions []goldenMention `json:"mentions"`
}

func readSeed(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGoldenSeeds(t *testing.T) {
	var got []goldenArticle
	for _, s := range seedAnchors {
		text := readSeed(t, s.file)
		a := goldenArticle{File: s.file, Mentions: []goldenMention{}}
		if !s.anchor.IsZero() {
			a.Anchor = s.anchor.Format(time.DateOnly)
		}
		for _, m := range Find(text, s.anchor) {
			a.Mentions = append(a.Mentions, goldenMention{m.Start, m.End, m.Text, m.Date, m.Date.Precision, m.Resolved, m.Relative, m.Reason})
		}
		got = append(got, a)
	}
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("testdata", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b, want) {
		t.Errorf("Find over the seeds differs from %s; run go test -update and review the diff.\ngot:\n%s", path, b)
	}
}

// TestSeedExpectations checks the resolutions the issue names for the seed
// articles, independently of the golden file.
func TestSeedExpectations(t *testing.T) {
	want := map[string][][2]string{
		"001_47faf601e63f5728.txt": {
			{"Friday", "2022-12-16"}, {"Sunday", "2022-12-18"}, {"Dec. 9", "2022-12-09"},
			{"Last month", "2022-11"}, {"February", "2022-02"}, {"September", "2022-09"},
			{"December 18, 2022", "2022-12-18"},
		},
		"002_e3d5ecafbe7b84a0.txt": {{"Sunday", "2022-12-18"}, {"12/20/2022", "2022-12-20"}},
		"000_65a4dbddd719858e.txt": {{"Friday", ""}, {"the 1980s", "1980s"}},
		"003_dc604e7a5f4e5b23.txt": {{"the spring", ""}, {"October", ""}},
		"004_970c438045c9b457.txt": {{"Tuesday, July 19, 2022", "2022-07-19"}},
	}
	for _, s := range seedAnchors {
		ms := Find(readSeed(t, s.file), s.anchor)
		for _, w := range want[s.file] {
			m, ok := mentionNamed(ms, w[0])
			if !ok || m.Date.String() != w[1] {
				t.Errorf("%s: %q = %q (found %v), want %q; all: %s", s.file, w[0], m.Date.String(), ok, w[1], describe(ms))
			}
		}
		for _, m := range ms {
			if m.Text == "may" || m.Text == "40" || m.Text == "8" {
				t.Errorf("%s: false positive %q", s.file, m.Text)
			}
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range seedAnchors {
		f.Add(readSeed(f, s.file), int64(0))
	}
	for _, s := range []string{"on Friday", "Dec. 9", "the '80s", "12/20/2022", "mid-", "the end of",
		"3 p.m.", "a few days ago", "’s", "Sun,", "the day before", "last", "2022-12-", "9th"} {
		f.Add(s, int64(1671321600))
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var anchor time.Time
		if unix != 0 {
			anchor = time.Unix(unix%(1<<36), 0).UTC()
		}
		prev := 0
		for _, m := range Find(s, anchor) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("Find(%q): bad span [%d:%d] after %d", s, m.Start, m.End, prev)
			}
			if s[m.Start:m.End] != m.Text {
				t.Fatalf("Find(%q): Text %q != input[%d:%d]", s, m.Text, m.Start, m.End)
			}
			if m.Resolved == m.Date.IsZero() || m.Reason == "" {
				t.Fatalf("Find(%q): %q resolved %v date %v reason %q", s, m.Text, m.Resolved, m.Date, m.Reason)
			}
			prev = m.End
		}
	})
}
