package eval

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// A text with a multi-byte character before the spans, so that code-point
// and byte offsets differ.
const qtText = "Café owners said “prices rose.” Iran denied it."

func TestReadQuoteDocsOffsets(t *testing.T) {
	// "owners" starts at code point 5, byte 6
	line := `{"id":"a","text":"` + qtText + `","attributions":[` +
		`{"id":"E1","source":{"start":5,"end":11,"text":"owners"},"cue":{"start":12,"end":16},"content":{"start":17,"end":31},"type":"direct","quoted_fraction":1},` +
		`{"id":"E2","cue":{"start":37,"end":43,"byte_start":42,"byte_end":48},"content":{"start":44,"end":46},"type":"indirect","speaker_reference":{"name":"Iran"}}]}`
	docs, err := ReadQuoteDocs(strings.NewReader(line + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || len(docs[0].Attributions) != 2 {
		t.Fatalf("got %d docs", len(docs))
	}
	a := docs[0].Attributions
	if a[0].Source.Text != "owners" || a[0].Cue.Text != "said" || a[0].Content.Text != "“prices rose.”" {
		t.Errorf("code-point spans: got %q %q %q", a[0].Source.Text, a[0].Cue.Text, a[0].Content.Text)
	}
	if a[1].Cue.Text != "denied" || !a[1].Source.Empty() || a[1].Speaker != "Iran" {
		t.Errorf("byte spans: got cue %q source %+v speaker %q", a[1].Cue.Text, a[1].Source, a[1].Speaker)
	}
}

func TestReadQuoteDocsErrors(t *testing.T) {
	tests := []struct {
		name, line string
		want       error
	}{
		{"span past the end", `{"id":"a","text":"short","attributions":[{"cue":{"start":2,"end":40},"content":{"start":0,"end":1}}]}`, ErrQuoteSpan},
		{"reversed span", `{"id":"a","text":"short","attributions":[{"cue":{"start":3,"end":1},"content":{"start":0,"end":1}}]}`, ErrQuoteSpan},
		{"not JSON", `{"id":`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadQuoteDocs(strings.NewReader(tt.line))
			if err == nil {
				t.Fatal("no error")
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestQuoteTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{`“prices rose.”`, "prices rose"},
		{` that it would, `, "that it would"},
		{`...`, "..."}, // only punctuation: kept
		{`U.S.`, "U.S"},
	}
	for _, tt := range tests {
		s, e := QuoteTrim(tt.in, 0, len(tt.in))
		if got := tt.in[s:e]; got != tt.want {
			t.Errorf("QuoteTrim(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func qtSpanOf(text, sub string) QuoteSpan {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(sub)
	}
	return QuoteSpan{Start: i, End: i + len(sub), Text: sub}
}

func TestScoreQuotes(t *testing.T) {
	const text = `"Prices rose," the owner said. The mayor claimed that taxes were too high. Officials agreed.`
	doc := QuoteDoc{Text: text, Attributions: []QuoteAttribution{
		{Source: qtSpanOf(text, "the owner"), Cue: qtSpanOf(text, "said"), Content: qtSpanOf(text, `"Prices rose,"`), Type: "direct", Speaker: "Ann Owner"},
		{Source: qtSpanOf(text, "The mayor"), Cue: qtSpanOf(text, "claimed"), Content: qtSpanOf(text, "that taxes were too high"), Type: "indirect"},
		{Source: qtSpanOf(text, "Officials"), Cue: qtSpanOf(text, "agreed"), Content: qtSpanOf(text, "Officials"), Type: "indirect"},
	}}
	pred := []QuotePrediction{
		// exact after trimming quote marks and comma
		{Source: qtSpanOf(text, "the owner"), Cue: qtSpanOf(text, "said"), Content: qtSpanOf(text, "Prices rose"), Type: "direct", Speaker: "Owner"},
		// partial content (more than 30% of the gold), wrong source
		{Source: qtSpanOf(text, "mayor"), Cue: qtSpanOf(text, "claimed"), Content: qtSpanOf(text, "taxes were too"), Type: "indirect"},
		// spurious
		{Cue: qtSpanOf(text, "rose"), Content: qtSpanOf(text, "Prices"), Type: "mixed"},
	}
	s := ScoreQuotes([]QuoteDoc{doc}, [][]QuotePrediction{pred})
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("%s = %.4f, want %.4f", name, got, want)
		}
	}
	near("cue exact P", s.Cue.Exact.P, 2.0/3)
	near("cue exact R", s.Cue.Exact.R, 2.0/3)
	near("source exact P", s.Source.Exact.P, 1.0/2)
	near("source exact R", s.Source.Exact.R, 1.0/3)
	near("source partial R", s.Source.Partial.R, 2.0/3)
	near("content exact R", s.Content.Exact.R, 1.0/3)
	near("content partial R", s.Content.Partial.R, 2.0/3)
	near("direct content exact F1", s.ByType["direct"].Content.Exact.F1, 1)
	near("mixed content P", s.ByType["mixed"].Content.Exact.P, 0)
	if s.SpeakerAccuracy == nil {
		t.Fatal("no speaker accuracy")
	}
	near("speaker accuracy", *s.SpeakerAccuracy, 1) // "Owner" names "Ann Owner"
}

func TestSameSpeaker(t *testing.T) {
	tests := []struct {
		pred, gold string
		want       bool
	}{
		{"William Burns", "William J. Burns", true},
		{"Burns", "William Burns", true},
		{"william  burns", "William Burns", true},
		{"William", "William Burns", false},
		{"he", "William Burns", false},
		{"", "William Burns", false},
		{"John Kirby", "William Burns", false},
	}
	for _, tt := range tests {
		if got := SameSpeaker(tt.pred, tt.gold); got != tt.want {
			t.Errorf("SameSpeaker(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.want)
		}
	}
}

func FuzzReadQuoteDocs(f *testing.F) {
	f.Add(`{"id":"a","text":"Café said x","attributions":[{"cue":{"start":5,"end":9},"content":{"start":10,"end":11}}]}`)
	f.Add(`{"text":"ab","attributions":[{"cue":{"byte_start":0,"byte_end":1},"content":{"start":1,"end":2},"speaker_reference":"X"}]}`)
	f.Fuzz(func(t *testing.T, line string) {
		docs, err := ReadQuoteDocs(strings.NewReader(line))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, a := range d.Attributions {
				for _, sp := range []QuoteSpan{a.Source, a.Cue, a.Content} {
					if sp.Start < 0 || sp.End > len(d.Text) || sp.Start > sp.End || d.Text[sp.Start:sp.End] != sp.Text {
						t.Fatalf("bad span %+v in %q", sp, d.Text)
					}
				}
			}
		}
		ScoreQuotes(docs, nil)
	})
}
