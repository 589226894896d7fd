package web

import (
	"cmp"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// The view models print their numbers here, so that templates get
// strings: a number in a template action is formatted by fmt, through
// reflection, on every request.

func itoa(n int) string { return strconv.Itoa(n) }

// count prints n, or "" when it is not positive (the templates test it
// with {{if}}).
func count(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// plural prints "1 article", "4 articles".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// percent prints a share as a whole percentage: 0.42 is "42%".
func percent(share float64) string {
	return strconv.FormatFloat(100*share, 'f', 0, 64) + "%"
}

// queryEscape is url.QueryEscape, as url.Values.Encode writes a value.
func queryEscape(s string) string { return url.QueryEscape(s) }

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

type wordCount struct {
	word string
	n    int
}

// counted orders a count map, most frequent first.
func counted(m map[string]int) []wordCount {
	out := make([]wordCount, 0, len(m))
	for k, n := range m {
		out = append(out, wordCount{k, n})
	}
	slices.SortFunc(out, func(a, b wordCount) int {
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return strings.Compare(a.word, b.word)
	})
	return out
}

// firstWords returns the first n words of s, with an ellipsis if cut. It
// reads no further into s than it needs to.
func firstWords(s string, n int) string {
	words := make([]string, 0, n)
	for w := range strings.FieldsSeq(s) {
		if len(words) == n {
			return strings.Join(words, " ") + "…"
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
