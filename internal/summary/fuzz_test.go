package summary

import (
	"strings"
	"testing"
)

// FuzzSummarize feeds arbitrary article text to the summariser and checks
// the invariants of its output.
func FuzzSummarize(f *testing.F) {
	f.Add("MUNICH, Germany (AP) _ U.S. prosecutors have asked for a 20-day extension to provide paperwork.", "He said the talks would go on for a long while yet. Officials agreed.", 20)
	f.Add("## Heading\n\n“Quoted,” he said. The minister said the plan was ready for the vote.", "The minister said the plan was ready for the vote on Tuesday.", 12)
	f.Add("", "\x00\xff\xfe", 5)
	f.Fuzz(func(t *testing.T, a, b string, words int) {
		if words < 0 || words > 400 {
			return
		}
		docs := []Doc{{ID: "a", Text: a}, {ID: "b", Text: b}, {ID: "c", Text: a + "\n\n" + b}}
		picks := Summarize(docs, Options{Words: words, Stem: true})
		total := 0
		for _, p := range picks {
			if p.Doc < 0 || p.Doc >= len(docs) || p.Start < 0 || p.End > len(docs[p.Doc].Text) || p.Start > p.End {
				t.Fatalf("pick out of range: %+v", p.Sentence)
			}
			if docs[p.Doc].Text[p.Start:p.End] != p.Text {
				t.Fatalf("pick text %q is not its span", p.Text)
			}
			total += len(strings.Fields(p.Text))
		}
		if total > words {
			t.Fatalf("%d words picked, budget %d", total, words)
		}
	})
}
