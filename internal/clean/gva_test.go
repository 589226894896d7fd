package clean

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/text"
)

// gvaBoilerplate are phrases of site chrome seen in the GVA corpus; none
// may stay in a cleaned body.
var gvaBoilerplate = []string{
	"you must enter the characters", "a friend wanted you to see this item", "please enable javascript to watch",
	"like this: like loading", "your notification has been saved", "email notifications are only sent once a day",
	"all rights reserved", "may not be published, broadcast", "we have sent you a verification email",
	"share this: facebook", "click here to return to the page", "by submitting your registration",
	"thank you for registering", "sign up for one of our email newsletters",
}

// TestGVACorpus cleans the 6,186 scraped pages of the GVA corpus and
// checks that the common boilerplate leaves the body while long lines of
// prose stay in it.
func TestGVACorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus test")
	}
	f, err := os.Open(dataset.Require(t, "clustering/gva_semeval2018t5.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var docs, dirty, long, kept, titles, titlesAgree, dates, datesAgree int
	for sc.Scan() {
		var rec struct{ Text, URL, Title, Published string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		docs++
		r, _ := Clean(Input{Text: rec.Text, URL: rec.URL})
		body := text.Fold(r.Body)
		for _, bp := range gvaBoilerplate {
			if strings.Contains(body, bp) {
				dirty++
				for _, p := range strings.Split(r.Body, "\n\n") {
					if strings.Contains(text.Fold(p), bp) {
						t.Logf("boilerplate %q left in %q", bp, p)
					}
				}
				break
			}
		}
		l, k := proseKept(t, rec.Text, body, r)
		long, kept = long+l, kept+k
		if r.Title != "" {
			titles++
			if wordShare(r.Title, rec.Title) >= 0.6 {
				titlesAgree++
			}
		}
		if !r.Published.IsZero() {
			dates++
			if r.Published.Format(time.DateOnly) == rec.Published {
				datesAgree++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	rate := float64(kept) / float64(long)
	t.Logf("%d pages; %d bodies with boilerplate left; %d of %d long prose lines kept (%.2f%%)", docs, dirty, kept, long, 100*rate)
	// The corpus gives the crawled <title> (often with a site name) and the
	// date its crawler detected: neither is gold, so these are reported,
	// with loose floors against regressions.
	t.Logf("titles read from the text: %d, sharing 60%% of their words with the crawled title: %d", titles, titlesAgree)
	t.Logf("dates read from the text: %d, equal to the crawler's date: %d", dates, datesAgree)
	if titlesAgree*2 < titles || datesAgree*4 < dates*3 {
		t.Errorf("titles or dates disagree with the corpus more than before")
	}
	if dirty > docs/500 {
		t.Errorf("%d bodies still hold boilerplate", dirty)
	}
	if rate < 0.99 {
		t.Errorf("only %.2f%% of long prose lines kept", 100*rate)
	}
}

// wordShare is the share of the words of a that b holds.
func wordShare(a, b string) float64 {
	in := map[string]bool{}
	for _, w := range text.Words(b) {
		in[w] = true
	}
	words := text.Words(a)
	n := 0
	for _, w := range words {
		if in[w] {
			n++
		}
	}
	return float64(n) / float64(max(len(words), 1))
}

// proseKept counts the input lines of 20 words or more that end a sentence
// and do not look like chrome, and how many of them the result keeps: in
// the body (a dateline or credit cut from their start is allowed: their
// second half must be there) or, as repeats, among the duplicates.
func proseKept(t *testing.T, raw, body string, r Result) (long, kept int) {
	for _, line := range strings.Split(raw, "\n") {
		pl, _ := prepare(line)
		b := newBlock(pl)
		if b == nil || b.words < 20 || !endsSentence(b.text) || ruleKind(b) != "" {
			continue
		}
		long++
		half := b.fold[len(b.fold)/2:]
		if strings.Contains(body, half) {
			kept++
			continue
		}
		kind := ""
		for _, a := range r.Asides {
			if strings.Contains(text.Fold(a.Text), half) {
				kind = a.Kind
				break
			}
		}
		if kind == article.AsideOther {
			kept++
		} else {
			t.Logf("long line set aside as %q: %q", kind, b.text)
		}
	}
	return long, kept
}
