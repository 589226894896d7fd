package brief

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

func TestQuotedSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`Kanani called it "baseless" and left.`, []string{`"baseless"`}},
		{`He said “we will not bow” today.`, []string{`“we will not bow”`}},
		{`Iran's and Burns' words, not quotes.`, nil},
		{`The headline: Iran Won't 'Seek Permission From Anyone' to Boost Ties.`, []string{`'Seek Permission From Anyone'`}},
		{`It said ‘may begin receiving the aircraft,’ officials said.`, []string{`‘may begin receiving the aircraft,’`}},
		{"“An open quotation runs on\n\nuntil here.", []string{"“An open quotation runs on"}},
		{`A stray 'apostrophe stays out.`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range quotedSpans(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quotedSpans(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitClauses(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Iran has dismissed these statements and said that Tehran won't seek permission from anyone.",
			[]string{"Iran has dismissed these statements", "and said that Tehran won't seek permission from anyone."}},
		{`Tehran "acts independently," Kanani said in a statement, adding that national interests dictated its policies.`,
			[]string{`Tehran "acts independently," Kanani said in a statement`, "adding that national interests dictated its policies."}},
		{"Burns cited Iran supplying Russia with drones, although Tehran insists that only happened before the war.",
			[]string{"Burns cited Iran supplying Russia with drones", "although Tehran insists that only happened before the war."}},
		{"Police said the man and said nothing.", []string{"Police said the man and said nothing."}}, // pieces too short
		{`He said "we talked and said it all" to them.`, []string{`He said "we talked and said it all" to them.`}},
	}
	for _, tt := range tests {
		ws := wordsOf(tt.in, 0, len(tt.in), quotedSpans(tt.in))
		var got []string
		for _, p := range splitClauses(tt.in, ws) {
			got = append(got, tt.in[ws[p[0]].start:extendClause(tt.in, ws[p[1]-1].end, len(tt.in))])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitClauses(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		in   string
		want []string // value unit
	}{
		{"They reached a $40 billion deal.", []string{"4e+10 $"}},
		{"Police said three people were shot and a 23-year-old man died.", []string{"3 peopl", "23 year-old"}},
		{"Prices rose 12% in 2022, and 3.5 percent on Dec. 9.", []string{"12 %", "3.5 %"}},
		{"Hundreds of missiles and two of the drones.", nil},
	}
	for _, tt := range tests {
		ws := wordsOf(tt.in, 0, len(tt.in), nil)
		var got []string
		for _, q := range quantities(tt.in, ws) {
			got = append(got, strings.TrimSpace(strings.Join([]string{formatFloat(q.value), q.unit}, " ")))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quantities(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

func TestShorten(t *testing.T) {
	long := "In the 20th century, the Soviet Union and the Islamic Republic of Iran developed close ties, " +
		"with the Soviet Union providing military assistance to Iran during the Iran-Iraq war of the 1980s."
	got := shorten(long, strings.Index(long, "1980s"), 30)
	if n := len(strings.Fields(got)); n > 31 || !strings.Contains(got, "1980s") {
		t.Errorf("shorten = %q (%d words)", got, n)
	}
	if s := "Short sentence."; shorten(s, 0, 30) != s {
		t.Errorf("short sentence changed")
	}
}

func FuzzQuotedSpans(f *testing.F) {
	f.Add(`He said "no" and ‘yes’ and «maybe» 'so' it's`)
	f.Add("“open\n\nclosed” \"")
	f.Fuzz(func(t *testing.T, s string) {
		prev := -1
		for _, sp := range quotedSpans(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End || sp.Start <= prev {
				t.Fatalf("bad span %+v (prev end %d, len %d)", sp, prev, len(s))
			}
			prev = sp.End
		}
	})
}

func FuzzShorten(f *testing.F) {
	f.Add("a, b, c d e f g, h i j k, l m n o p q r s t u v w x y z.", 5, 4)
	f.Add("“quoted, long”, and more, words here", 0, 2)
	f.Fuzz(func(t *testing.T, s string, at, n int) {
		if n <= 0 || n > 100 || at < 0 || at > len(s) {
			return
		}
		out := shorten(s, at, n)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("shorten made invalid UTF-8 of %q: %q", s, out)
		}
	})
}

// FuzzBuild feeds arbitrary article text to Build: it must not panic, and
// every claim must point into its article.
func FuzzBuild(f *testing.F) {
	f.Add("Iran said it would not \"seek permission\" on Friday; Burns, the CIA chief, said $40 billion.",
		"Tehran won't seek permission, officials said on Dec. 9. Two people were killed, police said.")
	f.Add("‘x’ \"\n\n1. a\n## h", "He claimed 23-year-old. 3.5% in October, last month")
	f.Fuzz(func(t *testing.T, a, b string) {
		in := Input{Articles: []article.Article{
			{ID: "a", Outlet: "A", Text: text.Normalize(a), Published: time.Date(2022, 12, 18, 0, 0, 0, 0, time.UTC)},
			{ID: "b", Text: text.Normalize(b)},
		}, Reuse: []Reuse{{Article: "b", From: "a", Shared: 0.5}}}
		out := Build(in, Options{Words: 30})
		texts := map[string]string{"a": in.Articles[0].Text, "b": in.Articles[1].Text}
		for _, fct := range out.Facts {
			if fct.Independent < 1 || fct.Independent > 2 {
				t.Fatalf("fact %s: %d independent sources", fct.ID, fct.Independent)
			}
			for _, c := range fct.Claims {
				body := texts[c.Article]
				if c.Start < 0 || c.End > len(body) || c.Start > c.End || strings.TrimSpace(body[c.Start:c.End]) != c.Text {
					t.Fatalf("claim %+v does not point into its article", c)
				}
			}
		}
		for _, s := range out.Summary {
			if len(s.Articles) == 0 {
				t.Fatalf("uncited summary sentence %q", s.Text)
			}
		}
	})
}
