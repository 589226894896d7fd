package brief

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/dates"
)

// Event is one dated entry of the story's timeline: what happened on a
// date, by the articles that date it.
type Event struct {
	Date      string        `json:"date"`      // "2022-12-16", "2022-11", "2022-spring", "1980s"
	Precision string        `json:"precision"` // day, week, month, season, year, decade
	Text      string        `json:"text"`      // the event, in an article's words, shortened
	Articles  []string      `json:"articles"`
	Facts     []string      `json:"facts"`    // facts of the claims that date the event
	Mentions  []DateMention `json:"mentions"` // how each article wrote the date
	// Reason is set when the date is not the articles' own: anchored on
	// the story's date, or taken from a dated article for an undated one.
	Reason string `json:"reason,omitempty"`
	start  time.Time
	prec   dates.Precision
	claims []int
}

// DateMention is one written date behind an Event, with how it was
// resolved.
type DateMention struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Reason  string `json:"reason"`
}

// entry is one dated claim before merging.
type entry struct {
	date  dates.Date
	claim int
	m     dated
	facts map[int]bool // facts of every claim in the claim's sentence
	// anchored: resolved on the story's date, not the article's
	anchored bool
}

// storyAnchorSpan is the widest spread of publish dates over which the
// story's dated articles give a usable anchor for an undated one.
const storyAnchorSpan = 7 * 24 * time.Hour

// timeline builds the story's timeline. Resolved dates of the articles
// come first. An article without a publish date contributes its explicit
// dates ("the 1980s", "Dec. 9, 2022"); its relative dates are resolved on
// the story's date only when that is safe (see anchorUndated); and a bare
// weekday in it joins an event that a dated article puts on that weekday
// when both articles state the same fact. Entries with the same date that
// share a fact are merged, and the timeline is sorted by date.
func (s *story) timeline() []Event {
	var es []entry
	for ci, c := range s.claims {
		for _, m := range c.dates {
			es = append(es, s.newEntry(ci, m))
		}
	}
	es = append(es, s.anchorUndated()...)
	events := s.mergeEntries(es)
	s.borrowWeekdays(events)
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i], events[j]
		if !a.start.Equal(b.start) {
			return a.start.Before(b.start)
		}
		if a.prec != b.prec {
			return a.prec > b.prec // the coarser period first: it opens earlier or as early
		}
		return a.Text < b.Text
	})
	out := make([]Event, len(events))
	for i, e := range events {
		out[i] = *e
	}
	return out
}

func (s *story) newEntry(ci int, m dated) entry {
	c := s.claims[ci]
	e := entry{date: m.date, claim: ci, m: m, facts: map[int]bool{}}
	for _, k := range s.docs[c.doc].claims {
		if s.claims[k].sent == c.sent && s.claims[k].fact >= 0 {
			e.facts[s.claims[k].fact] = true
		}
	}
	return e
}

// anchorUndated resolves the relative dates of articles without a publish
// date on the story's date, when
//
//   - the story's dated articles were published within storyAnchorSpan of
//     each other;
//   - the undated article states a fact that a dated article states (so it
//     reports the same events, not an old background piece);
//   - the date is a month, season, year or decade ("in October", "in the
//     spring"), not a day or week, which would need the exact publish date;
//   - the expression is not deictic ("last month", "this week"), which
//     counts from a publish date the article does not give.
//
// The anchor is the earliest publish date among the dated articles that
// share a fact with it; each entry's reason says so.
func (s *story) anchorUndated() []entry {
	var first, last time.Time
	for _, d := range s.docs {
		if !d.a.HasDate() {
			continue
		}
		if first.IsZero() || d.a.Published.Before(first) {
			first = d.a.Published
		}
		if d.a.Published.After(last) {
			last = d.a.Published
		}
	}
	if first.IsZero() || last.Sub(first) > storyAnchorSpan {
		return nil
	}
	var out []entry
	for di, d := range s.docs {
		if d.a.HasDate() || len(d.unresolved) == 0 {
			continue
		}
		anchor, shared := s.sharedAnchor(di)
		if anchor.IsZero() {
			continue
		}
		for _, m := range dates.Find(d.a.Text, anchor) {
			if !m.Resolved || m.Date.Precision < dates.Month || deictic(m.Text) || !wasUnresolved(d, m) {
				continue
			}
			c := s.claimAt(di, m.Start)
			if c == nil {
				continue
			}
			reason := fmt.Sprintf("anchored on story date %s (shares %s with dated articles, published within %d days): %s",
				anchor.Format(time.DateOnly), shared, int(last.Sub(first).Hours()/24), m.Reason)
			e := s.newEntry(s.claimIndex(c), dated{text: m.Text, date: m.Date, start: m.Start, reason: reason})
			e.anchored = true
			out = append(out, e)
		}
	}
	return out
}

// sharedAnchor returns the earliest publish date of the dated articles
// that state a fact also stated by article di, and that fact's ID.
func (s *story) sharedAnchor(di int) (time.Time, string) {
	var anchor time.Time
	shared := ""
	for _, f := range s.facts {
		has := false
		for _, d := range f.docs {
			has = has || d == di
		}
		if !has {
			continue
		}
		for _, d := range f.docs {
			a := s.docs[d].a
			if a.HasDate() && (anchor.IsZero() || a.Published.Before(anchor)) {
				anchor, shared = a.Published, f.id
			}
		}
	}
	return anchor, shared
}

func wasUnresolved(d *doc, m dates.Mention) bool {
	for _, u := range d.unresolved {
		if u.Start == m.Start {
			return true
		}
	}
	return false
}

func (s *story) claimIndex(c *claim) int {
	for i, x := range s.claims {
		if x == c {
			return i
		}
	}
	return -1
}

// mergeEntries merges entries with the same date whose sentences share a
// fact (or are the same sentence), or whose claims loosely say the same
// thing, into events.
func (s *story) mergeEntries(es []entry) []*Event {
	uf := newUnionFind(len(es))
	for i := range es {
		for j := i + 1; j < len(es); j++ {
			if es[i].date.String() == es[j].date.String() && (sharesFact(es[i], es[j]) || s.sameEvent(es[i].claim, es[j].claim)) {
				uf.union(i, j)
			}
		}
	}
	groups := map[int][]entry{}
	var roots []int
	for i, e := range es {
		r := uf.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], e)
	}
	out := make([]*Event, 0, len(roots))
	for _, r := range roots {
		out = append(out, s.event(groups[r]))
	}
	return out
}

// sameEvent reports whether two dated claims loosely say the same thing
// (looseMin, two shared words): on the same date, that is one event told
// twice even when the claims fell into different facts.
func (s *story) sameEvent(a, b int) bool {
	return s.sim(a, b) >= looseMin && sharedWords(s.claims[a], s.claims[b]) >= minShared
}

func sharesFact(a, b entry) bool {
	for f := range a.facts {
		if b.facts[f] {
			return true
		}
	}
	return false
}

// event makes one Event of merged entries. Its text is the shortest
// well-formed sentence among them, shortened around the date.
func (s *story) event(group []entry) *Event {
	sort.SliceStable(group, func(i, j int) bool {
		a, b := s.claims[group[i].claim], s.claims[group[j].claim]
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.start < b.start
	})
	e := &Event{Date: group[0].date.String(), Precision: group[0].date.Precision.String(),
		start: group[0].date.Start, prec: group[0].date.Precision}
	best, bestScore := 0, 1e9
	facts := map[int]bool{}
	for i, en := range group {
		c := s.claims[en.claim]
		a := s.docs[c.doc].a
		e.Articles = appendUnique(e.Articles, a.ID)
		e.Mentions = append(e.Mentions, DateMention{Article: a.ID, Text: en.m.text, Reason: en.m.reason})
		if en.anchored && e.Reason == "" {
			e.Reason = en.m.reason
		}
		if c.fact >= 0 {
			facts[c.fact] = true
		}
		e.claims = append(e.claims, en.claim)
		score := float64(len(wordsIn(c.sent.Text))) + 20*c.quoted
		if startsWithPronoun(c.sent.Text) {
			score += 15
		}
		if score < bestScore {
			best, bestScore = i, score
		}
	}
	e.Text = s.eventText(group[best].claim, group[best].m.start)
	for _, k := range sortedInts(facts) {
		e.Facts = append(e.Facts, s.facts[k].id)
	}
	return e
}

// eventWords is the longest event text, in words.
const eventWords = 30

// eventText is the text of the event dated at byte offset at in claim
// ci: its sentence, shortened around the date; or, when the sentence
// dates other events too ("Last month, Tehran admitted ... before the
// invasion began in February"), the clause that holds the date.
func (s *story) eventText(ci, at int) string {
	c := s.claims[ci]
	n := 0
	for _, sp := range s.docs[c.doc].dateSpans {
		if sp.Start >= c.sent.Start && sp.End <= c.sent.End {
			n++
		}
	}
	if n > 1 && !c.whole {
		t := trimConjunction(c.text)
		if c.start > c.sent.Start {
			t = "… " + t
		}
		return shorten(t, max(0, at-c.start), eventWords)
	}
	return shorten(c.sent.Text, at-c.sent.Start, eventWords)
}

// trimConjunction drops a coordinating word that opened a clause ("but
// insisted ..." -> "insisted ...").
func trimConjunction(t string) string {
	for _, w := range []string{"and ", "but ", "while ", "although ", "though ", "whereas "} {
		if len(t) > len(w) && strings.EqualFold(t[:len(w)], w) {
			return t[len(w):]
		}
	}
	return t
}

// borrowWeekdays dates a bare weekday ("on Friday") in an article without
// a publish date, when its claim states a fact of an event that a dated
// article puts on that same weekday.
func (s *story) borrowWeekdays(events []*Event) {
	for di, d := range s.docs {
		for _, m := range d.unresolved {
			day := weekdayOf(m.Text)
			c := s.claimAt(di, m.Start)
			if day == "" || c == nil || c.fact < 0 {
				continue
			}
			ci := s.claimIndex(c)
			for _, e := range events {
				if e.prec != dates.Day || strings.ToLower(e.start.Weekday().String()) != day {
					continue
				}
				k, sim := s.closestClaim(ci, e.claims)
				if k < 0 {
					continue
				}
				reason := fmt.Sprintf("%s has no publish date; same event as %s (similarity %.2f), which puts it on %s, a %s",
					d.a.ID, s.docs[s.claims[k].doc].a.ID, sim, e.Date, e.start.Weekday())
				e.Articles = appendUnique(e.Articles, d.a.ID)
				e.Mentions = append(e.Mentions, DateMention{Article: d.a.ID, Text: m.Text, Reason: reason})
				if e.Reason == "" {
					e.Reason = reason
				}
				break
			}
		}
	}
}

// closestClaim returns the claim of cands that states the same fact as
// claim ci or is loosely similar to it (looseMin, two shared words), and
// the similarity; -1 when none is.
func (s *story) closestClaim(ci int, cands []int) (int, float64) {
	best, bestSim := -1, 0.0
	for _, k := range cands {
		sim := s.sim(ci, k)
		same := s.claims[k].fact == s.claims[ci].fact
		if !same && (sim < looseMin || sharedWords(s.claims[ci], s.claims[k]) < minShared) {
			continue
		}
		if best < 0 || sim > bestSim {
			best, bestSim = k, sim
		}
	}
	return best, bestSim
}

// shorten returns sentence cut to at most n words around byte offset at:
// the comma-separated segment holding at, widened by whole neighbouring
// segments while it fits, or a window of words when the segment alone is
// too long. Cuts are marked with an ellipsis.
func shorten(sentence string, at, n int) string {
	if len(strings.Fields(sentence)) <= n {
		return sentence
	}
	segs := segments(sentence)
	k := 0
	for i, sg := range segs {
		if at >= sg[0] {
			k = i
		}
	}
	lo, hi := k, k+1
	count := func(a, b int) int { return len(strings.Fields(sentence[segs[a][0]:segs[b-1][1]])) }
	if count(lo, hi) > n {
		return wordWindow(sentence, at, n)
	}
	for {
		grew := false
		if lo > 0 && count(lo-1, hi) <= n {
			lo--
			grew = true
		}
		if hi < len(segs) && count(lo, hi+1) <= n {
			hi++
			grew = true
		}
		if !grew {
			break
		}
	}
	out := strings.TrimSpace(sentence[segs[lo][0]:segs[hi-1][1]])
	out = strings.TrimRight(out, ",;")
	if lo > 0 {
		out = "… " + out
	}
	if hi < len(segs) {
		out += " …"
	}
	return out
}

// segments splits a sentence at commas and semicolons outside quotation
// marks; each segment ends after its separator.
func segments(s string) [][2]int {
	var out [][2]int
	start := 0
	inQuote := false
	for i, r := range s {
		switch r {
		case '"':
			inQuote = !inQuote
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		case ',', ';':
			if !inQuote {
				out = append(out, [2]int{start, i + 1})
				start = i + 1
			}
		}
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// wordWindow returns n words of s around byte offset at.
func wordWindow(s string, at, n int) string {
	f := strings.Fields(s)
	pos, idx := 0, 0
	for i, w := range f {
		j := strings.Index(s[pos:], w)
		if pos+j <= at {
			idx = i
		}
		pos += j + len(w)
	}
	lo := max(0, idx-n/2)
	hi := min(len(f), lo+n)
	lo = max(0, hi-n)
	out := strings.Join(f[lo:hi], " ")
	if lo > 0 {
		out = "… " + out
	}
	if hi < len(f) {
		out += " …"
	}
	return out
}
