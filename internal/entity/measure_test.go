package entity

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3"
	"github.com/parallax-news/parallax/internal/dataset"
)

var personPronouns = set(`he she him her his i we`)

var proseFlag = flag.Bool("prose", false, "also measure prose's NER (slow)")

type sourceDoc struct {
	Text    string
	Sources [][2]int // byte spans of gold attribution sources that are names
}

// nameSources reads polnear-dev.jsonl and keeps the gold sources that are
// proper names: their last word is capitalised and not a pronoun or a
// sentence-initial article.
func nameSources(t testing.TB) []sourceDoc {
	f, err := os.Open(dataset.Require(t, "quotes/polnear-dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []sourceDoc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var d struct {
			Text         string `json:"text"`
			Attributions []struct {
				Source *struct {
					Start int `json:"byte_start"`
					End   int `json:"byte_end"`
				} `json:"source"`
			} `json:"attributions"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		sd := sourceDoc{Text: d.Text}
		for _, a := range d.Attributions {
			if a.Source == nil {
				continue
			}
			w := strings.Fields(d.Text[a.Source.Start:a.Source.End])
			if len(w) == 0 {
				continue
			}
			last := strings.Trim(w[len(w)-1], "’'s,.")
			if last == "" || !isUpper(last) || personPronouns[strings.ToLower(last)] || len(w) == 1 && (last == "It" || last == "They" || last == "We" || last == "I") {
				continue
			}
			end := a.Source.Start + strings.LastIndex(d.Text[a.Source.Start:a.Source.End], last) + len(last)
			sd.Sources = append(sd.Sources, [2]int{end - len(last), end})
		}
		out = append(out, sd)
	}
	return out
}

// recall returns the share of name sources whose last word a person,
// organisation or place span covers.
func recall(docs []sourceDoc, spans func(string) [][2]int) (float64, int) {
	hit, n := 0, 0
	for _, d := range docs {
		ss := spans(d.Text)
		for _, src := range d.Sources {
			n++
			for _, s := range ss {
				if s[0] <= src[0] && src[1] <= s[1] {
					hit++
					break
				}
			}
		}
	}
	return float64(hit) / float64(max(n, 1)), n
}

func ourSpans(s string) [][2]int {
	var out [][2]int
	for _, m := range Extract(s) {
		if m.Type == Person || m.Type == Org || m.Type == Place {
			out = append(out, [2]int{m.Start, m.End})
		}
	}
	return out
}

func proseSpans(s string) [][2]int {
	doc, err := prose.NewDocument(s)
	if err != nil {
		return nil
	}
	var out [][2]int
	for _, e := range doc.Entities() {
		out = append(out, [2]int{e.Start, e.End()})
	}
	return out
}

// TestNameSourceRecall measures, on PolNeAR dev, how many attribution
// sources that are proper names are found as a person, organisation or
// place. It is a recall proxy: PolNeAR labels attributions, not entities.
func TestNameSourceRecall(t *testing.T) {
	docs := nameSources(t)
	r, n := recall(docs, ourSpans)
	t.Logf("entity.Extract: %.3f of %d name sources", r, n)
	if r < 0.85 {
		t.Errorf("recall %.3f under the floor 0.85", r)
	}
	if *proseFlag {
		r, _ := recall(docs, proseSpans)
		t.Logf("prose NER (any label): %.3f", r)
	}
}

func BenchmarkExtract(b *testing.B) {
	docs := nameSources(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(docs[i%len(docs)].Text)
	}
}

func BenchmarkProseNER(b *testing.B) {
	docs := nameSources(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		proseSpans(docs[i%len(docs)].Text)
	}
}
