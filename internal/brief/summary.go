package brief

import (
	"sort"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/summary"
)

// Sentence is one sentence of the brief's summary: an article's sentence,
// as written, and the articles that support what it states.
type Sentence struct {
	Text string `json:"text"`
	// Articles cites every article that carries the sentence's content:
	// its own article first, then those the summarizer found with the
	// same content and those stating the same facts.
	Articles []string `json:"articles"`
	From     string   `json:"from"`  // the article whose sentence this is
	Facts    []string `json:"facts"` // facts stated in the sentence
	Score    float64  `json:"score"`
	Reason   string   `json:"reason"`
}

// Summary penalties (share of a sentence's value withheld; see
// summary.Options.Penalty).
const (
	loadedPenalty  = 1.0 // loaded words in the outlet's own voice, or a phone number: never in a neutral summary
	pronounPenalty = 0.6 // opens on "He" or quotes "he": out of its article it names nobody
	singlePenalty  = 0.4 // states only single-source facts, in a story where others are corroborated
	quotePenalty   = 0.3 // mostly quotation: a summary reports rather than quotes at length
	quotedShare    = 0.6 // share of quoted words from which a sentence is mostly quotation
)

// summarize writes the story's summary with internal/summary: concepts
// are weighted by this brief's independent sources (so copies and wire
// reprints count once), sentences with loaded words in the outlet's own
// voice are kept out, and sentences that need the one before them ("He
// said ..."), that state only single-source facts or that are mostly
// quotation are held back (see penalty). Each pick cites the articles the summarizer
// found carrying it plus the articles of the facts its claims belong to.
func (s *story) summarize() []Sentence {
	docs := make([]summary.Doc, len(s.docs))
	for i, d := range s.docs {
		docs[i] = summary.Doc{ID: d.a.ID, Text: d.a.Text, Published: d.a.Published, Source: sourceID(d.source)}
	}
	picks := summary.Summarize(docs, summary.Options{Words: s.opt.Words, Stem: true, Penalty: s.penalty})
	s.chronological(picks)
	out := make([]Sentence, 0, len(picks))
	for _, p := range picks {
		from := s.docs[p.Doc].a.ID
		sent := Sentence{Text: p.Text, From: from, Articles: []string{from}, Facts: []string{},
			Score: round2(p.Score), Reason: p.Reason}
		for _, di := range p.Docs {
			sent.Articles = appendUnique(sent.Articles, s.docs[di].a.ID)
		}
		for _, ci := range s.docs[p.Doc].claims {
			c := s.claims[ci]
			if c.start < p.Start || c.start >= p.End || c.fact < 0 {
				continue
			}
			f := s.facts[c.fact]
			sent.Facts = appendUnique(sent.Facts, f.id)
			for _, di := range f.docs {
				sent.Articles = appendUnique(sent.Articles, s.docs[di].a.ID)
			}
		}
		out = append(out, sent)
	}
	return out
}

// penalty is the summary.Options.Penalty of the brief.
func (s *story) penalty(doc, sent int, _ string) float64 {
	d := s.docs[doc]
	if sent < 0 || sent >= len(d.sents) {
		return 0
	}
	sp := d.sents[sent]
	ws := wordsOf(d.a.Text, sp.Start, sp.End, d.quoted)
	if len(termsIn(ws, lex.loaded)) > 0 || hasPhoneNumber(ws) {
		return loadedPenalty
	}
	p := 0.0
	if startsWithPronoun(sp.Text) || pronounSpeaker(ws) {
		p += pronounPenalty
	}
	if s.corroborated() && s.sentenceSources(doc, sp.Start, sp.End) < 2 {
		p += singlePenalty
	}
	if quotedFraction(ws) >= quotedShare {
		p += quotePenalty
	}
	return min(p, 1)
}

// hasPhoneNumber reports whether a sentence gives a phone number ("call
// 321-633-7162"): an appeal to readers, not a fact of the story.
func hasPhoneNumber(ws []word) bool {
	for _, w := range ws {
		digits, groups := 0, 1
		for _, r := range w.w {
			switch {
			case r >= '0' && r <= '9':
				digits++
			case r == '-':
				groups++
			default:
				digits = -100
			}
		}
		if digits >= 7 && groups >= 2 {
			return true
		}
	}
	return false
}

// corroborated reports whether any fact of the story has two or more
// independent sources.
func (s *story) corroborated() bool {
	return len(s.facts) > 0 && len(s.facts[0].sources) > 1
}

// sentenceSources returns the most independent sources any fact stated in
// the byte range [start, end) of doc's text has.
func (s *story) sentenceSources(doc, start, end int) int {
	best := 0
	for _, ci := range s.docs[doc].claims {
		c := s.claims[ci]
		if c.start >= start && c.start < end && c.fact >= 0 {
			best = max(best, len(s.facts[c.fact].sources))
		}
	}
	return best
}

// pronounSpeaker reports whether a sentence attributes its words to a
// pronoun ("..., he said").
func pronounSpeaker(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if a.quoted || b.quoted {
			continue
		}
		_, av := lex.verbs[a.w]
		_, bv := lex.verbs[b.w]
		if isPronoun(a.w) && bv || av && isPronoun(b.w) {
			return true
		}
	}
	return false
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i":
		return true
	}
	return false
}

// chronological reorders the picks whose sentence dates an event to the
// day among themselves by that date, leaving the other picks where the
// summarizer put them: Burns' interview on Friday comes before Tehran's
// reply on Sunday even when an article leads with the reply.
func (s *story) chronological(picks []summary.Pick) {
	var slots []int
	var dated []summary.Pick
	var days []string
	for i, p := range picks {
		if day := s.sentenceDay(p.Doc, p.Start, p.End); day != "" {
			slots = append(slots, i)
			dated = append(dated, p)
			days = append(days, day)
		}
	}
	idx := make([]int, len(dated))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return days[idx[a]] < days[idx[b]] })
	for k, i := range slots {
		picks[i] = dated[idx[k]]
	}
}

// sentenceDay returns the first day-precise date resolved in the byte
// range [start, end) of doc's text, as "YYYY-MM-DD", or "".
func (s *story) sentenceDay(doc, start, end int) string {
	for _, ci := range s.docs[doc].claims {
		c := s.claims[ci]
		if c.start < start || c.start >= end {
			continue
		}
		for _, d := range c.dates {
			if d.date.Precision == dates.Day {
				return d.date.String()
			}
		}
	}
	return ""
}
