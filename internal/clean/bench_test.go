package clean

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dataset"
)

// seedTexts returns the five seed articles.
func seedTexts(tb testing.TB) map[string]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seeds: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(f)] = string(raw)
	}
	return out
}

// BenchmarkCleanText cleans the five seed articles; ns/op is per article.
func BenchmarkCleanText(b *testing.B) {
	var in []Input
	for _, s := range seedTexts(b) {
		in = append(in, Input{Text: s})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Clean(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCleanHTML cleans the five seed articles laid out as web pages
// (navigation, sidebar, footer around the paragraphs); ns/op is per page.
func BenchmarkCleanHTML(b *testing.B) {
	var in []Input
	for _, s := range seedTexts(b) {
		in = append(in, Input{HTML: seedPage(s)})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Clean(in[i%len(in)]); err != nil {
			b.Fatal(err)
		}
	}
}

// seedPage lays a seed article out as an HTML page.
func seedPage(text string) []byte {
	var sb strings.Builder
	sb.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Seed article | Example News</title>` +
		`<meta property="og:site_name" content="Example News"><script>var tracking = {id: 1};</script></head><body>` +
		`<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>` +
		`<li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header><main><article>`)
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			sb.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
	}
	sb.WriteString(`</article><aside><h3>Most read</h3><ul><li><a href="/a">Another story about something else</a></li>` +
		`<li><a href="/b">A third story that is popular today</a></li></ul></aside></main>` +
		`<footer><p>© 2022 Example News. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`)
	return []byte(sb.String())
}

// BenchmarkCleanGVA cleans the scraped pages of the GVA corpus (plain text
// with site chrome); ns/op is per page.
func BenchmarkCleanGVA(b *testing.B) {
	raw, err := os.ReadFile(dataset.Require(b, "clustering/gva_semeval2018t5.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var in []Input
	for _, line := range bytes.Split(raw, []byte("\n")) {
		var rec struct{ Text, URL string }
		if json.Unmarshal(line, &rec) == nil {
			in = append(in, Input{Text: rec.Text, URL: rec.URL})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Clean(in[i%len(in)])
	}
}
