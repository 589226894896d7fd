package quote

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/text"
)

func TestModelLoads(t *testing.T) {
	if err := Ready(); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat("model.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > 5<<20 {
		t.Errorf("model is %d bytes, over 5 MB", fi.Size())
	}
	m, _ := loadModel()
	if m.cue.w.n == 0 || m.role.w.n == 0 {
		t.Errorf("empty taggers: %d cue, %d role features", m.cue.w.n, m.role.w.n)
	}
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name, text              string
		source, cue, content    string
		kind, speaker           string
		resolved, needsMentions bool
	}{
		{name: "direct after", text: `“We will not bow to pressure,” Kanani said on Sunday.`,
			source: "Kanani", cue: "said", content: "We will not bow to pressure", kind: Direct},
		{name: "indirect", text: `White House spokesman John Kirby said the cooperation was harmful to the region.`,
			source: "White House spokesman John Kirby", cue: "said", content: "the cooperation was harmful to the region", kind: Indirect,
			speaker: "John Kirby", resolved: true, needsMentions: true},
		{name: "mixed", text: `Burns said Russia was moving toward a “full-fledged defense partnership” with Iran.`,
			source: "Burns", cue: "said", content: "Russia was moving toward a “full-fledged defense partnership” with Iran", kind: Mixed},
		{name: "pronoun", text: "Nasser Kanani spoke on Sunday.\n\n“Iran acts independently,” he added.",
			source: "he", cue: "added", content: "Iran acts independently", kind: Direct,
			speaker: "Nasser Kanani", resolved: true, needsMentions: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []entity.Mention
			if tt.needsMentions {
				ms = entity.Extract(tt.text)
			}
			as := Extract(tt.text, ms)
			var got *Attribution
			for i := range as {
				if as[i].Cue.Text == tt.cue {
					got = &as[i]
				}
			}
			if got == nil {
				t.Fatalf("no attribution with cue %q in %+v", tt.cue, as)
			}
			trim := func(s string) string { return strings.Trim(s, " ,.“”\"") }
			if got.Source.Text != tt.source || trim(got.Content.Text) != tt.content || got.Kind != tt.kind {
				t.Errorf("got source %q content %q kind %s; want %q %q %s", got.Source.Text, got.Content.Text, got.Kind, tt.source, tt.content, tt.kind)
			}
			if tt.speaker != "" && (got.Speaker != tt.speaker || got.SpeakerResolved != tt.resolved) {
				t.Errorf("speaker %q (resolved %v), want %q", got.Speaker, got.SpeakerResolved, tt.speaker)
			}
		})
	}
}

func TestRules(t *testing.T) {
	text := "“Maybe we can build a wall around the problem.” ― Steve Quinlan\n“The most unqualified candidate ever.” ― Ana María Ruiz\n\n\"WALLACE: Will she be there?\n\n\"PENCE: She will not.\n\n\"WALLACE: Thank you.\n\nUPDATE: the story changed."
	as := Extract(text, nil)
	want := map[string]string{"Steve Quinlan": "―", "Ana María Ruiz": "―", "PENCE": ":", "WALLACE": ":"}
	for _, a := range as {
		if cue, ok := want[a.Source.Text]; ok && a.Cue.Text == cue {
			delete(want, a.Source.Text)
		}
		if a.Source.Text == "UPDATE" {
			t.Errorf("a heading taken for a speaker: %+v", a)
		}
	}
	if len(want) > 0 {
		t.Errorf("missed %v in %+v", want, as)
	}
}

func TestRelation(t *testing.T) {
	full := "The Russians are beginning to look at ways to support the Iranians, which poses real threats to many of our friends"
	mk := func(quoted string, kind string) *item {
		it := &item{quoted: quoted}
		if kind == Indirect {
			it.quoted = ""
		}
		it.words = wordsOf(quoted)
		it.stems = map[string]bool{}
		return it
	}
	anchor := mk(full, Direct)
	tests := []struct {
		quoted, kind, want string
	}{
		{full, Direct, Verbatim},
		{"poses real threats", Mixed, Trimmed},
		{"the Russians beginning to look at ways to support the Iranians, which poses real threats too many of our friends", Mixed, Altered},
		{"Russia poses threats to US friends", Indirect, Paraphrase},
	}
	for _, tt := range tests {
		if got, _ := relation(mk(tt.quoted, tt.kind), anchor); got != tt.want {
			t.Errorf("relation(%q) = %s, want %s", tt.quoted, got, tt.want)
		}
	}
}

func wordsOf(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		out = append(out, strings.Trim(w, ",.“”"))
	}
	return out
}

// TestQualityDev checks the figures on polnear-dev.jsonl stay a little
// under those measured when the model was trained (see the package report).
func TestQualityDev(t *testing.T) {
	docs := loadDocs(t, "polnear-dev.jsonl")
	preds := make([][]eval.QuotePrediction, len(docs))
	for i, d := range docs {
		for _, a := range Extract(d.Text, entity.Extract(d.Text)) {
			sp := func(s Span) eval.QuoteSpan { return eval.QuoteSpan{Start: s.Start, End: s.End, Text: s.Text} }
			preds[i] = append(preds[i], eval.QuotePrediction{Source: sp(a.Source), Cue: sp(a.Cue),
				Content: sp(a.Content), Type: a.Kind, Speaker: a.Speaker})
		}
	}
	s := eval.ScoreQuotes(docs, preds)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"source exact F1", s.Source.Exact.F1, 0.67},
		{"cue exact F1", s.Cue.Exact.F1, 0.67},
		{"content exact F1", s.Content.Exact.F1, 0.52},
		{"direct content exact F1", s.ByType["direct"].Content.Exact.F1, 0.80},
	}
	for _, f := range floors {
		t.Logf("%s %.3f (floor %.2f)", f.name, f.got, f.floor)
		if f.got < f.floor {
			t.Errorf("%s = %.3f, under the floor %.2f", f.name, f.got, f.floor)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(`“We will,” he said. ''Fine,'' she added. Kanani said Iran "acts independently.`)
	f.Add("\"WALLACE: x\n\n\"WALLACE: y\n“a b c d” ― Jo Ann\n")
	f.Add("‘’“”«» ― : -- \n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		ms := entity.Extract(s)
		for _, a := range Extract(s, ms) {
			for _, sp := range append([]Span{a.Source, a.Cue, a.Content}, a.Quotes...) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End || s[sp.Start:sp.End] != sp.Text {
					t.Fatalf("bad span %+v", sp)
				}
			}
			if a.Cue.Empty() {
				t.Fatalf("attribution without cue: %+v", a)
			}
		}
	})
}

func TestFallbackContent(t *testing.T) {
	tests := []struct{ text, cue, want string }{
		{"Secret Service protocol called for a trauma center, sources said.", "said", "Secret Service protocol called for a trauma center"},
		{"“Why isn’t this proof?” Vitter demanded.", "demanded", "Why isn’t this proof?"},
		{"He said:\n\n\"We have a situation in our cities.\"\n\nThen he left.", "said", "\"We have a situation in our cities.\""},
		{"He said nothing at all about it.", "said", ""},
	}
	for _, tt := range tests {
		p := prepareText(tt.text, text.NewStemmer(), nil)
		cs := -1
		for i, tk := range p.toks {
			if tk.text == tt.cue {
				cs = i
			}
		}
		ss := cs - 1
		fs, fe, _ := p.fallbackContent(cs, cs+1, ss, cs)
		got := ""
		if fe > fs {
			got = p.byteSpan(fs, fe).Text
		}
		if strings.Trim(got, "“”") != strings.Trim(tt.want, "“”") {
			t.Errorf("fallbackContent(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
