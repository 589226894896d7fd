package summary

import (
	"slices"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// sentOf prepares a lone sentence as the summariser sees it.
func sentOf(s string) sent {
	return newSent(0, 0, text.Span{Start: 0, End: len(s), Text: s}, true, text.NewStemmer())
}

func reverseParagraphs(s string) string {
	ps := strings.Split(s, "\n\n")
	slices.Reverse(ps)
	return strings.Join(ps, "\n\n")
}
