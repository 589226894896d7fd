package summary

import (
	"fmt"
	"testing"
)

func BenchmarkSummarize(b *testing.B) {
	docs := seedDocs(b)
	// Ten documents, as in a DUC cluster: the seeds twice, the second
	// time with their paragraphs in reverse order.
	for _, d := range seedDocs(b) {
		d.ID += "-b"
		d.Text = reverseParagraphs(d.Text)
		docs = append(docs, d)
	}
	for _, words := range []int{100, 250} {
		b.Run(fmt.Sprintf("words=%d", words), func(b *testing.B) {
			for b.Loop() {
				Summarize(docs, Options{Words: words, Stem: true})
			}
		})
	}
}
