package text

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb", "a\nb"},
		{"a\u00A0b\u200Bc", "a bc"},
		{"\n\n a  \n\n\n\nb \n\n", " a\n\nb"},
		{"e\u0301", "é"},
		{"bad \xff byte", "bad \uFFFD byte"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“Too  many” — friends’", `"too many" - friends'`},
		{"Ebrahim Raïsi…", "ebrahim raisi..."},
		{" \tA\nB ", "a b"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	in := `U.S. officials won't say: "a full-fledged $40.5 billion, 1,000-drone deal" (Iran's).`
	var got []string
	for _, tk := range Tokens(in) {
		if in[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %q does not match its span", tk.Text)
		}
		got = append(got, tk.Kind.String()+":"+tk.Text)
	}
	want := []string{"word:U.S.", "word:officials", "word:won't", "word:say", "punct::", `punct:"`,
		"word:a", "word:full-fledged", "punct:$", "number:40.5", "word:billion", "punct:,",
		"word:1,000-drone", "word:deal", `punct:"`, "punct:(", "word:Iran's", "punct:)", "punct:."}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Tokens mismatch (-want +got):\n%s", diff)
	}
}

func TestWordsAndStems(t *testing.T) {
	got := Words("Iran’s Foreign Ministry said U.S. concerns were BASELESS.")
	want := []string{"iran", "foreign", "ministry", "said", "u.s.", "concerns", "were", "baseless"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Words mismatch (-want +got):\n%s", diff)
	}
	stems := Stems("The ministries were deepening ties")
	if diff := cmp.Diff([]string{"ministri", "deepen", "tie"}, stems); diff != "" {
		t.Errorf("Stems mismatch (-want +got):\n%s", diff)
	}
}

func TestShingles(t *testing.T) {
	a := Shingles([]string{"a", "b", "c", "d"}, 3)
	b := Shingles([]string{"x", "b", "c", "d"}, 3)
	if len(a) != 2 || a[1] != b[1] || a[0] == b[0] {
		t.Errorf("Shingles: got %v and %v", a, b)
	}
	if got := Shingles([]string{"a"}, 3); len(got) != 1 {
		t.Errorf("short input: got %d shingles, want 1", len(got))
	}
	if Shingles(nil, 3) != nil {
		t.Error("no words should give no shingles")
	}
}

func FuzzTokens(f *testing.F) {
	f.Add("U.S. won't $1,000.5 full-fledged…")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, tk := range Tokens(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v", tk)
			}
			prev = tk.End
		}
		_ = Fold(s)
		_ = Normalize(s)
	})
}

func BenchmarkSentencesAndStems(b *testing.B) {
	s := `Iran's Foreign Ministry said Sunday it would not "seek permission from anyone" to expand relations with Russia, dismissing U.S. concerns over a growing military partnership between Tehran and Moscow. CIA chief William Burns told PBS television on Friday that the military cooperation between Iran and Russia "poses real threats" to U.S. allies in the Middle East.`
	b.SetBytes(int64(len(s)))
	st := NewStemmer()
	for b.Loop() {
		for _, sp := range Sentences(s) {
			st.Stems(sp.Text)
		}
	}
}
