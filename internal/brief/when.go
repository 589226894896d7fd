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
			c.dates = append(c.dates, dated{text: m.Text, date: m.Date, start: m.Start, reason: m.Reason})
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

// dateClash returns two day-precise dates of a and b when a and b give
// days and share none.
func dateClash(a, b []dated) (dated, dated, bool) {
	days := func(ds []dated) map[string]dated {
		m := map[string]dated{}
		for _, d := range ds {
			if d.date.Precision == dates.Day {
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
	return da[ka[0]], db[kb[0]], true
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
