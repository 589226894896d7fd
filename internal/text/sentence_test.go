package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One thing happened. Another followed! Did it? Yes.",
			[]string{"One thing happened.", "Another followed!", "Did it?", "Yes."}},
		{"titles", "Mr. Smith met Gen. Mark Milley and Dr. Jones. They talked.",
			[]string{"Mr. Smith met Gen. Mark Milley and Dr. Jones.", "They talked."}},
		{"month abbreviation", "John Kirby on Dec. 9 called the partnership harmful. Iran denied it.",
			[]string{"John Kirby on Dec. 9 called the partnership harmful.", "Iran denied it."}},
		{"initials", "The speech by John F. Kennedy was long. It ended.",
			[]string{"The speech by John F. Kennedy was long.", "It ended."}},
		{"acronym mid-sentence", "The U.S. Central Intelligence Agency warned. Iran replied.",
			[]string{"The U.S. Central Intelligence Agency warned.", "Iran replied."}},
		{"acronym at end", "Sanctions came from the U.S. The talks failed.",
			[]string{"Sanctions came from the U.S.", "The talks failed."}},
		{"quote closing the sentence", `He said "we will not bow." Then he left.`,
			[]string{`He said "we will not bow."`, "Then he left."}},
		{"attribution after quote", `“It's now clear. That was hollow,” he said. Iran answered.`,
			[]string{`“It's now clear. That was hollow,” he said.`, "Iran answered."}},
		{"question in quote continues", `"Why now?" asked the envoy. Nobody knew.`,
			[]string{`"Why now?" asked the envoy.`, "Nobody knew."}},
		{"ellipsis lowercase", "Cooperation is expanding ... and is not against anyone. Done.",
			[]string{"Cooperation is expanding ... and is not against anyone.", "Done."}},
		{"decimal and money", "They reached a $40.5 billion deal. It was 3.5% more.",
			[]string{"They reached a $40.5 billion deal.", "It was 3.5% more."}},
		{"paragraphs", "First para ends\n\nSecond para. Two sentences.",
			[]string{"First para ends", "Second para.", "Two sentences."}},
		{"hard wrap", "The ministry said on Sunday that\nit would not seek permission.",
			[]string{"The ministry said on Sunday that\nit would not seek permission."}},
		{"markdown heading and list", "## Iran replies\nIran spoke. It said no.\n1. Main\n2. Politics",
			[]string{"## Iran replies", "Iran spoke.", "It said no.", "1. Main", "2. Politics"}},
		{"bold", "**Related article:** Iran admits it. Next one.",
			[]string{"**Related article:** Iran admits it.", "Next one."}},
		{"empty", "  \n\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, sp := range Sentences(tt.in) {
				if tt.in[sp.Start:sp.End] != sp.Text {
					t.Errorf("span %d:%d text %q does not match input", sp.Start, sp.End, sp.Text)
				}
				got = append(got, sp.Text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentencesSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../examples/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := Normalize(string(b))
		for _, sp := range Sentences(s) {
			if len(sp.Text) > 700 {
				t.Errorf("%s: suspiciously long sentence (%d bytes): %.120q...", filepath.Base(f), len(sp.Text), sp.Text)
			}
			if strings.HasPrefix(sp.Text, ",") || strings.HasPrefix(sp.Text, "”") {
				t.Errorf("%s: sentence starts mid-way: %.80q", filepath.Base(f), sp.Text)
			}
		}
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("Mr. Smith said \"no. Never,\" he said. U.S. officials. Dec. 9 at 3 p.m. The end…")
	f.Add("## h\n1. a\n\n“x.” y")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("bad span %d:%d (prev end %d, len %d)", sp.Start, sp.End, prev, len(s))
			}
			if s[sp.Start:sp.End] != sp.Text {
				t.Fatalf("text mismatch")
			}
			prev = sp.End
		}
	})
}
