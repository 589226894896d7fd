package brief

import (
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/dates"
	"github.com/parallax-news/parallax/internal/text"
)

// dated is a resolved date mention inside a claim.
type dated struct {
	text   string // as written
	date   dates.Date
	start  int // byte offset in the article text
	reason string
	// said: the date is when something was said ("said on Saturday"),
	// which may differ from when what was said happened
	said bool
}

// findDates resolves the date mentions of every article against its
// publish date and attaches them to the claims they are in. Mentions that
// need a publish date the article lacks are kept on the doc, for the
// timeline to anchor on the story's dates when that is justified.
func (s *story) findDates() {
	for di, d := range s.docs {
		for _, m := range dates.Find(d.a.Text, d.a.Published) {
			d.dateSpans = append(d.dateSpans, Span{m.Start, m.End})
			c := s.claimAt(di, m.Start)
			if !m.Resolved {
				if !d.a.HasDate() {
					d.unresolved = append(d.unresolved, m)
				}
				continue
			}
			if c == nil {
				continue
			}
			c.dates = append(c.dates, dated{text: m.Text, date: m.Date, start: m.Start, reason: m.Reason,
				said: saidNear(c.words, m.Start, m.End)})
		}
	}
}

// claimAt returns the claim of doc di whose clause holds byte offset off,
// or nil.
func (s *story) claimAt(di, off int) *claim {
	d := s.docs[di]
	k := sort.Search(len(d.claims), func(k int) bool { return s.claims[d.claims[k]].end > off })
	if k < len(d.claims) && s.claims[d.claims[k]].start <= off {
		return s.claims[d.claims[k]]
	}
	return nil
}

// saidNear reports whether an attribution verb stands within four words
// before or two after the date at [start, end) of a claim's words.
func saidNear(ws []word, start, end int) bool {
	first, last := -1, -1
	for i, w := range ws {
		if w.end > start && w.start < end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return false
	}
	for k := max(0, first-4); k < min(len(ws), last+3); k++ {
		if k >= first && k <= last {
			continue
		}
		if _, ok := lex.verbs[ws[k].w]; ok {
			return true
		}
	}
	return false
}

// dateClash returns two day-precise dates of a and b when a and b give
// days and share none. A date of a statement ("said on Saturday") is
// compared only with another such date, an event's with an event's.
func dateClash(a, b []dated) (dated, dated, bool) {
	for _, said := range []bool{false, true} {
		if x, y, ok := dayClash(a, b, said); ok {
			return x, y, true
		}
	}
	return dated{}, dated{}, false
}

func dayClash(a, b []dated, said bool) (dated, dated, bool) {
	days := func(ds []dated) map[string]dated {
		m := map[string]dated{}
		for _, d := range ds {
			if d.date.Precision == dates.Day && d.said == said {
				m[d.date.String()] = d
			}
		}
		return m
	}
	da, db := days(a), days(b)
	if len(da) == 0 || len(db) == 0 {
		return dated{}, dated{}, false
	}
	for k := range da {
		if _, ok := db[k]; ok {
			return dated{}, dated{}, false
		}
	}
	ka, kb := sortedKeys(da), sortedKeys(db)
	x, y := da[ka[0]], db[kb[0]]
	if text.Fold(x.text) == text.Fold(y.text) {
		// "two days ago" in both: the articles' publish dates differ, not
		// what they report (a copy published a day later)
		return dated{}, dated{}, false
	}
	return x, y, true
}

// deictic reports whether a date expression counts from the moment of
// writing ("last month", "yesterday", "this week"): such an expression
// needs the article's own publish date, not a neighbour's.
func deictic(expr string) bool {
	for _, w := range text.Words(expr) {
		switch w {
		case "last", "next", "this", "ago", "yesterday", "today", "tomorrow", "tonight", "earlier",
			"later", "past", "coming", "recently", "previous", "current", "week", "weekend":
			return true
		}
	}
	return false
}

// weekdayOf returns the weekday named by a bare weekday expression ("on
// Friday", "Sunday"), or "".
func weekdayOf(expr string) string {
	ws := text.Words(expr)
	if len(ws) == 2 && ws[0] == "on" {
		ws = ws[1:]
	}
	if len(ws) != 1 {
		return ""
	}
	switch w := strings.TrimSuffix(ws[0], "."); w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return w
	}
	return ""
}
