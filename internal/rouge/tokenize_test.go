package rouge

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		stem bool
		want []string
	}{
		{"The U.S.-led talks", false, []string{"the", "u", "s", "led", "talks"}},
		{"The U.S.-led talks", true, []string{"the", "u", "s", "led", "talk"}},
		{"Hun Sen's party won 64 of 122 seats.", false, []string{"hun", "sen", "s", "party", "won", "64", "of", "122", "seats"}},
		{"café — naïve", false, []string{"caf", "na", "ve"}}, // non-ASCII bytes separate tokens, as in 1.5.5
		{"three-month deadlock", true, []string{"three", "month", "deadlock"}},
		{"  ", false, nil},
	}
	for _, tt := range tests {
		if got := Tokenize(tt.in, tt.stem); !cmp.Equal(got, tt.want) {
			t.Errorf("Tokenize(%q, %v) = %q, want %q", tt.in, tt.stem, got, tt.want)
		}
	}
}

func TestPerlSplit(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a b", []string{"a", "b"}},
		{" a  b ", []string{"", "a", "b"}},
		{"", nil},
		{"   ", nil},
		{"a\tb\x0bc", []string{"a", "b", "c"}},
		{"a\u00a0b", []string{"a\u00a0b"}}, // no-break space is not \s on bytes
	}
	for _, tt := range tests {
		if got := perlSplit(tt.in); !cmp.Equal(got, tt.want) {
			t.Errorf("perlSplit(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		sents []string
		limit int
		want  []string
	}{
		{[]string{"a b c d", "e f"}, 3, []string{"a b c"}},
		{[]string{"a b", "c d", "e f"}, 4, []string{"a b", "c d"}},
		{[]string{"a b", "c d", "e f"}, 5, []string{"a b", "c d", "e"}},
		{[]string{"u.s.-led forces  moved", "x"}, 2, []string{"u.s.-led forces"}},
		{[]string{"a b"}, 0, []string{"a b"}},
	}
	for _, tt := range tests {
		if got := truncate(tt.sents, tt.limit); !cmp.Equal(got, tt.want) {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.sents, tt.limit, got, tt.want)
		}
	}
}

var perlSpaces = regexp.MustCompile(`[ \t\n\v\f\r]+`)

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"The U.S.-led talks", "café — naïve", " a\tb ", "", "---", "Hun Sen's 64 seats\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokenize(s, false)
		for _, w := range toks {
			if w == "" || strings.Trim(w, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
				t.Fatalf("Tokenize(%q) produced token %q", s, w)
			}
		}
		if again := Tokenize(strings.Join(toks, " "), false); !slices.Equal(again, toks) {
			t.Fatalf("Tokenize is not stable on its output: %q then %q", toks, again)
		}
		for _, w := range Tokenize(s, true) {
			if w == "" {
				t.Fatalf("Tokenize(%q, stem) produced an empty token", s)
			}
		}
		// perlSplit agrees with a regexp split minus trailing empty fields.
		want := perlSpaces.Split(s, -1)
		for len(want) > 0 && want[len(want)-1] == "" {
			want = want[:len(want)-1]
		}
		if got := perlSplit(s); !slices.Equal(got, want) {
			t.Fatalf("perlSplit(%q) = %q, want %q", s, got, want)
		}
		// Truncation never keeps more words than asked.
		if n := len(perlSplit(strings.Join(truncate(lines(s), 5), " "))); n > 6 {
			t.Fatalf("truncate kept %d words of %q", n, s)
		}
	})
}
