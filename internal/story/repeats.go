package story

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Repeats learns, from the stream itself, the lines and title segments
// that recur from article to article — a sign-up notice, "Please enable
// JavaScript", a copyright line, " - KSLA News 12 Shreveport" after every
// headline — and strips them from later articles before they are
// featurized. Such text tells nothing about the event, yet it makes the
// articles that carry it look alike; a page scraped without its story
// (nothing but a paywall notice) would otherwise join every other such
// page.
//
// Two kinds of repeats are stripped:
//   - a line (or title segment) the same outlet has used in RepeatsMin
//     earlier articles;
//   - in a dated article, a line RepeatsAny earlier articles of any
//     outlets carried, the first of them at least RepeatsAge before: the
//     notices a publisher puts on all its sites. A wire copy repeats across
//     outlets too, but within days, and it is news: it is kept.
//
// The headline (a title's first segment) is always kept. Repeats must see
// the articles in stream order. Its memory is bounded: it forgets a line
// not used for between repeatsSpan and twice that many articles. It is not
// safe for concurrent use.
type Repeats struct {
	cur, old map[uint64]use // uses of each (outlet, line) and of each line
	n        int            // articles seen in the current generation
	seen     map[uint64]bool
}

// use counts the articles that used a line, with the day of the first.
type use struct {
	n     uint8
	first int32 // days since 1970; 0 if undated
}

// Thresholds of Repeats.
const (
	RepeatsMin = 2                  // earlier articles of the outlet
	RepeatsAny = 3                  // earlier articles of any outlets...
	RepeatsAge = 7 * 24 * time.Hour // ...the first at least this long before
)

// repeatsAgeDays is RepeatsAge in whole days, as origin.day counts.
const repeatsAgeDays = int32(RepeatsAge / (24 * time.Hour))

// repeatsSpan is the length, in articles, of a generation of Repeats.
const repeatsSpan = 50000

// NewRepeats returns a Repeats that has seen nothing.
func NewRepeats() *Repeats {
	return &Repeats{cur: make(map[uint64]use), old: make(map[uint64]use), seen: make(map[uint64]bool)}
}

// Strip returns d without the lines of its text and the segments of its
// title (after the headline) that have recurred, and counts d's own.
func (r *Repeats) Strip(d Doc) Doc {
	r.rotate()
	clear(r.seen)
	var a origin
	if d.Outlet != "" {
		a.outlet = lineHash(d.Outlet) | 1 // never 0: 0 is "no outlet"
	}
	if !d.Published.IsZero() {
		a.day = int32(days(d.Published))
	}
	d.Title = r.stripTitle(a, d.Title)
	var b strings.Builder
	for line := range strings.Lines(d.Text) {
		if strings.TrimSpace(line) != "" && r.repeated(a, line) {
			continue
		}
		b.WriteString(line)
	}
	d.Text = b.String()
	return d
}

// origin is what Repeats knows of the article being stripped.
type origin struct {
	outlet uint64 // hash of the outlet's name; 0 if unknown
	day    int32  // 0 if undated
}

// stripTitle drops the title segments after the first that have recurred.
func (r *Repeats) stripTitle(a origin, title string) string {
	segs := titleSegments(title)
	if len(segs) < 2 {
		return title
	}
	kept := segs[0].text
	for _, s := range segs[1:] {
		if !r.repeated(a, "\x00title\x00"+s.text) {
			kept += s.sep + s.text
		}
	}
	return kept
}

// repeated counts one use of line by article a and reports whether earlier
// articles make it a repeat.
func (r *Repeats) repeated(a origin, line string) bool {
	lh := lineHash(line)
	own := false
	if a.outlet != 0 {
		own = r.count(outletKey(a.outlet, lh), a.day).n >= RepeatsMin
	}
	all := r.count(lh, a.day)
	return own || (a.day != 0 && all.first != 0 && int(all.n) >= RepeatsAny && a.day-all.first >= repeatsAgeDays)
}

// count returns the earlier uses of key k and adds the current article's
// (once per article).
func (r *Repeats) count(k uint64, day int32) use {
	u, o := r.cur[k], r.old[k]
	before := use{n: u.n + min(o.n, 255-u.n), first: o.first}
	if before.first == 0 || (u.first != 0 && u.first < before.first) {
		before.first = u.first
	}
	if r.seen[k] {
		before.n-- // this article's own use
		return before
	}
	r.seen[k] = true
	if u.n < 255 {
		u.n++
	}
	if u.first == 0 || (day != 0 && day < u.first) {
		u.first = day
	}
	r.cur[k] = u
	return before
}

func (r *Repeats) rotate() {
	r.n++
	if r.n <= repeatsSpan {
		return
	}
	r.old, r.cur, r.n = r.cur, make(map[uint64]use), 1
}

// lineHash hashes a line with its spacing and case folded (FNV-1a).
func lineHash(line string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	space := false
	for _, c := range strings.TrimSpace(line) {
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
				space = true
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
		} else if unicode.IsSpace(c) {
			space = true
			continue
		} else {
			c = unicode.ToLower(c)
		}
		if space {
			h = (h ^ ' ') * prime
			space = false
		}
		if c < utf8.RuneSelf {
			h = (h ^ uint64(c)) * prime
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], c)] {
			h = (h ^ uint64(b)) * prime
		}
	}
	return h
}

// outletKey is the key of a line used by an outlet: the line's hash mixed
// with the outlet's.
func outletKey(outlet, line uint64) uint64 {
	x := line ^ outlet
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

type segment struct{ sep, text string }

// titleSeparators split a crawled title into the headline and what sites
// add to it.
var titleSeparators = []string{" - ", " | ", " :: ", " — ", " – "}

// titleSegments splits a title at its separators; the first segment has an
// empty sep.
func titleSegments(title string) []segment {
	var out []segment
	sep := ""
	for {
		at, width := -1, 0
		for _, s := range titleSeparators {
			if i := strings.Index(title, s); i >= 0 && (at < 0 || i < at) {
				at, width = i, len(s)
			}
		}
		if at < 0 {
			return append(out, segment{sep, title})
		}
		out = append(out, segment{sep, title[:at]})
		sep, title = title[at:at+width], title[at+width:]
	}
}
