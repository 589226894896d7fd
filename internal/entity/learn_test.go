package entity

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/text"
)

var learnFlag = flag.Bool("learn", false, "learn common.txt and firstnames.txt from polnear-train.jsonl")

func trainTexts(t *testing.T) []string {
	f, err := os.Open(dataset.Require(t, "quotes/polnear-train.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		out = append(out, d.Text)
	}
	return out
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// TestLearnCommon learns the word lists from the PolNeAR training texts.
// Run: go test ./internal/entity -run TestLearnCommon -learn
func TestLearnCommon(t *testing.T) {
	if !*learnFlag {
		t.Skip("pass -learn to learn the word lists")
	}
	texts := trainTexts(t)
	lower, upper := map[string]int{}, map[string]int{}
	pairs := map[[2]string]map[int]bool{}  // "First Last" -> docs
	confirmed := map[string]map[int]bool{} // surname used alone as a person
	for d, s := range texts {
		for _, sp := range text.Sentences(s) {
			toks := text.Tokens(sp.Text)
			for i, tk := range toks {
				if tk.Kind != text.Word {
					continue
				}
				w := text.Fold(tk.Text)
				if i > 0 {
					if isCap(tk.Text) {
						upper[w]++
					} else {
						lower[w]++
					}
				}
				if i+1 < len(toks) && isCap(tk.Text) && isCap(toks[i+1].Text) && toks[i+1].Kind == text.Word {
					k := [2]string{w, text.Fold(toks[i+1].Text)}
					if pairs[k] == nil {
						pairs[k] = map[int]bool{}
					}
					pairs[k][d] = true
				}
				// "Mr. Kanani", "Kanani said"
				prev, next := "", ""
				if i > 0 {
					prev = text.Fold(toks[i-1].Text)
				}
				if i+1 < len(toks) {
					next = text.Fold(toks[i+1].Text)
				}
				if isCap(tk.Text) && (honorifics[prev] || honorifics[prev+"."] || next == "said" || next == "says" || next == "told") {
					if confirmed[w] == nil {
						confirmed[w] = map[int]bool{}
					}
					confirmed[w][d] = true
				}
			}
		}
	}
	var commonWords []string
	for w, n := range lower {
		if n >= 3 && float64(n) >= 0.7*float64(n+upper[w]) {
			commonWords = append(commonWords, w)
		}
	}
	isCommon := map[string]bool{}
	for _, w := range commonWords {
		isCommon[w] = true
	}
	firstDocs := map[string]int{}
	for k, docs := range pairs {
		first, last := k[0], k[1]
		if isCommon[first] || isCommon[last] || titleWords[first] || honorifics[first] || places[first] || orgHeads[last] {
			continue
		}
		for d := range docs {
			if confirmed[last][d] {
				firstDocs[first]++
			}
		}
	}
	var firsts []string
	for w, n := range firstDocs {
		if n >= 2 && utf8.RuneCountInString(w) > 1 && !strings.ContainsAny(w, ".0123456789") {
			firsts = append(firsts, w)
		}
	}
	write := func(name string, words []string) {
		slices.Sort(words)
		if err := os.WriteFile(name, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d words", name, len(words))
	}
	write("common.txt", commonWords)
	write("firstnames.txt", firsts)
}
