package rouge

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed exceptions.txt
var exceptionsText string

// exceptions maps irregular forms to their WordNet base form ("were" to
// "be", "children" to "child"). It is built once and never modified.
var exceptions = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 6000)
	for _, l := range strings.Split(exceptionsText, "\n") {
		if l == "" || l[0] == '#' {
			continue
		}
		if form, base, ok := strings.Cut(l, " "); ok {
			m[form] = base
		}
	}
	return m
})

// Stem returns ROUGE-1.5.5's stem of a lowercase token: the WordNet base
// form when the token is an irregular form WordNet lists, otherwise the
// token reduced by Porter. (1.5.5 only stems tokens longer than three
// bytes; Tokenize applies that rule, Stem does not.)
func Stem(w string) string {
	if base, ok := exceptions()[w]; ok {
		return base
	}
	return Porter(w)
}
