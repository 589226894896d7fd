package dedup

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/text"
)

func seed(t *testing.T, prefix string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", prefix+"_*.txt"))
	if len(files) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return text.Normalize(string(b))
}

// TestSeedsAreNotReuse: the five seeds quote the same statements (001 and
// 002 both carry Kanani's words) but none copies another.
func TestSeedsAreNotReuse(t *testing.T) {
	x := NewIndex(DefaultConfig())
	for _, p := range []string{"000", "001", "002", "003", "004"} {
		if rs := x.Add(Doc{ID: p, Text: seed(t, p)}); len(rs) > 0 {
			for _, r := range rs {
				t.Errorf("%s reported as reusing %s: %s", r.Article, r.From, r.Reason)
			}
		}
	}
	// The premise: 001 and 002 do share quoted words.
	if !strings.Contains(seed(t, "001"), "seek permission from anyone") || !strings.Contains(seed(t, "002"), "seek permission from anyone") {
		t.Fatal("seeds 001 and 002 no longer share Kanani's quote")
	}
}

// paragraphs returns the blank-line separated paragraphs of s.
func paragraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func TestRepublishedWithNewIntro(t *testing.T) {
	orig := seed(t, "003")
	intro := "Our correspondent in Tehran reports on a claim the government has rejected. The piece below first ran on a news agency wire this week."
	copyText := intro + "\n\n" + orig
	x := NewIndex(DefaultConfig())
	day := time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)
	x.Add(Doc{ID: "wire", Text: orig, Published: day})
	rs := x.Add(Doc{ID: "copy", Text: copyText, Published: day.Add(24 * time.Hour)})
	if len(rs) != 1 {
		t.Fatalf("got %d reuse reports, want 1: %+v", len(rs), rs)
	}
	r := rs[0]
	if r.From != "wire" || r.Direction != FromFirst {
		t.Errorf("from %q direction %q, want wire, %s", r.From, r.Direction, FromFirst)
	}
	if r.Kind != KindNearDuplicate {
		t.Errorf("kind %q, want %s (%s)", r.Kind, KindNearDuplicate, r.Reason)
	}
	if r.SharedFrom < 0.6 || r.SharedArticle < 0.6 {
		t.Errorf("shared %.2f of the copy, %.2f of the wire; want most of both", r.SharedArticle, r.SharedFrom)
	}
	for _, p := range r.Passages {
		if p.Start < len(intro) {
			t.Errorf("passage %d:%d overlaps the new intro", p.Start, p.End)
		}
	}
}

func TestThreeParagraphsCopied(t *testing.T) {
	src := seed(t, "002")
	ps := paragraphs(src)
	copied := []string{ps[2], ps[3], ps[8]} // narrative paragraphs, not quotations
	host := paragraphs(seed(t, "004"))
	article := strings.Join([]string{host[0], host[1], copied[0], copied[1], host[2], copied[2], host[3]}, "\n\n")
	x := NewIndex(DefaultConfig())
	x.Add(Doc{ID: "002", Text: src})
	rs := x.Add(Doc{ID: "copier", Text: article})
	if len(rs) != 1 || rs[0].Kind != KindPassage {
		t.Fatalf("got %+v, want one passage reuse", rs)
	}
	r := rs[0]
	if r.Direction != Unknown {
		t.Errorf("direction %q for undated articles, want %q", r.Direction, Unknown)
	}
	if len(r.Passages) < 2 {
		t.Fatalf("got %d passages, want the copied paragraphs: %+v", len(r.Passages), r.Passages)
	}
	for _, p := range r.Passages {
		got, from := article[p.Start:p.End], src[p.FromStart:p.FromEnd]
		if text.Fold(got) != text.Fold(from) {
			t.Errorf("passage texts differ:\n%q\n%q", got, from)
		}
		inCopied := false
		for _, c := range []string{copied[0] + "\n\n" + copied[1], copied[2]} {
			inCopied = inCopied || strings.Contains(c, got)
		}
		if !inCopied {
			t.Errorf("passage %q is not from the copied paragraphs", got)
		}
	}
	if r.SharedArticle < 0.2 || r.SharedArticle > 0.8 {
		t.Errorf("shared share of the copier = %.2f, want a part of it", r.SharedArticle)
	}
}

// TestQuotesOnlyAreNotReuse: an article that carries the same long
// quotation as another, with its own narrative, is not reuse.
func TestQuotesOnlyAreNotReuse(t *testing.T) {
	q := `"The Russians are beginning to look at ways in which, technologically or technically, they can support the Iranians, which poses real threats to Iran's own neighborhood, to many of our friends and partners," he said.`
	a := "The CIA director spoke to a public broadcaster on Friday about Iran. " + q + " He did not give details of the aircraft deliveries."
	b := "Washington's spy chief gave a rare television interview this week. " + q + " Tehran rejected the remarks on Sunday as propaganda."
	x := NewIndex(DefaultConfig())
	x.Add(Doc{ID: "a", Text: a})
	if rs := x.Add(Doc{ID: "b", Text: b}); len(rs) != 0 {
		t.Errorf("quotes alone reported as reuse: %+v", rs)
	}
}

func TestExactDuplicate(t *testing.T) {
	s := seed(t, "000")
	x := NewIndex(DefaultConfig())
	x.Add(Doc{ID: "a", Text: s})
	rs := x.Add(Doc{ID: "b", Text: strings.ToUpper(s[:1]) + s[1:] + "\n"})
	if len(rs) != 1 || rs[0].Kind != KindDuplicate || rs[0].SharedArticle != 1 {
		t.Fatalf("got %+v, want one duplicate", rs)
	}
}

func TestWindowEvicts(t *testing.T) {
	cfg := DefaultConfig()
	cfg.MaxArticles = 2
	x := NewIndex(cfg)
	s := seed(t, "003")
	x.Add(Doc{ID: "a", Text: s})
	x.Add(Doc{ID: "b", Text: seed(t, "000")})
	x.Add(Doc{ID: "c", Text: seed(t, "001")})
	if rs := x.Add(Doc{ID: "d", Text: s}); len(rs) != 0 {
		t.Errorf("article out of the window still matched: %+v", rs)
	}
	if x.Len() != 3 || len(x.passages) == 0 {
		t.Errorf("window holds %d articles", x.Len())
	}
}

func TestQuoteMask(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`He said "no way" and “never again”.`, []string{`"no way"`, `“never again”`}},
		{`Iran’s view: ‘not now’ said the ‘spokesman’s’ aide`, []string{`‘not now’`, `‘spokesman’s’`}},
		{"a \"stray mark\n\nand text", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range quoteMask(tt.in) {
			got = append(got, tt.in[sp[0]:sp[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quoteMask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestGraphIndependent(t *testing.T) {
	g := NewGraph()
	g.Add(Reuse{Article: "b", From: "a"}, Reuse{Article: "c", From: "b"})
	got := g.Independent([]string{"a", "b", "c", "d"})
	if len(got) != 2 || strings.Join(got[0], ",") != "a,b,c" || got[1][0] != "d" {
		t.Errorf("Independent = %v", got)
	}
	if len(g.Reused("c")) != 1 {
		t.Errorf("Reused(c) = %v", g.Reused("c"))
	}
}

func FuzzAdd(f *testing.F) {
	f.Add("He said \"no. Never,\" he said.", "“Open ‘quote and Iran’s")
	f.Fuzz(func(t *testing.T, a, b string) {
		x := NewIndex(DefaultConfig())
		x.Add(Doc{ID: "a", Text: a})
		for _, r := range x.Add(Doc{ID: "b", Text: b}) {
			for _, p := range r.Passages {
				if p.Start < 0 || p.End > len(b) || p.Start > p.End || p.FromStart < 0 || p.FromEnd > len(a) || p.FromStart > p.FromEnd {
					t.Fatalf("bad passage %+v", p)
				}
			}
			if r.SharedArticle < 0 || r.SharedArticle > 1 || r.SharedFrom < 0 || r.SharedFrom > 1 {
				t.Fatalf("bad shares %+v", r)
			}
		}
	})
}
