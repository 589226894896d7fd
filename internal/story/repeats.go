package story

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Repeats learns, from the stream itself, the lines and title segments an
// outlet repeats from article to article — a sign-up notice, "Please
// enable JavaScript", a copyright line, " - KSLA News 12 Shreveport" after
// every headline — and strips them from that outlet's later articles
// before they are featurized. Such text tells nothing about the event, yet
// it makes every article of the outlet look alike; a page scraped without
// its story (nothing but the notice) would otherwise join every other such
// page of the outlet.
//
// A line is stripped once the same outlet has used it in RepeatsMin
// earlier articles. Articles without an outlet are left whole: the same
// line in articles of different outlets is more often a wire copy, which
// is news. The headline (a title's first segment) is always kept.
//
// Repeats must see the articles in stream order. Its memory is bounded: it
// forgets a line an outlet has not used for between repeatsSpan and twice
// that many articles. It is not safe for concurrent use.
type Repeats struct {
	cur, old map[uint64]uint8 // articles that used each (outlet, line)
	n        int              // articles seen in the current generation
	seen     map[uint64]bool  // scratch: the lines of the current article
}

// RepeatsMin is how many earlier articles of an outlet must carry a line
// for it to be stripped from the next ones.
const RepeatsMin = 2

// repeatsSpan is the length, in articles, of a generation of Repeats.
const repeatsSpan = 50000

// NewRepeats returns a Repeats that has seen nothing.
func NewRepeats() *Repeats {
	return &Repeats{cur: make(map[uint64]uint8), old: make(map[uint64]uint8), seen: make(map[uint64]bool)}
}

// Strip returns d with the lines of its text and the segments of its title
// (after the headline) that its outlet has repeated, and counts d's own.
func (r *Repeats) Strip(d Doc) Doc {
	if d.Outlet == "" {
		return d
	}
	r.rotate()
	clear(r.seen)
	outlet := strings.ToLower(d.Outlet)
	d.Title = r.stripTitle(outlet, d.Title)
	var b strings.Builder
	for line := range strings.Lines(d.Text) {
		if strings.TrimSpace(line) != "" && r.use(outlet, line) {
			continue
		}
		b.WriteString(line)
	}
	d.Text = b.String()
	return d
}

// stripTitle drops the title segments after the first that the outlet has
// repeated.
func (r *Repeats) stripTitle(outlet, title string) string {
	segs := titleSegments(title)
	if len(segs) < 2 {
		return title
	}
	kept := segs[0].text
	for _, s := range segs[1:] {
		if !r.use(outlet, "\x00title\x00"+s.text) {
			kept += s.sep + s.text
		}
	}
	return kept
}

// use counts one use of line by outlet in the current article and reports
// whether the outlet had already used it in RepeatsMin earlier articles.
func (r *Repeats) use(outlet, line string) bool {
	k := lineKey(outlet, line)
	n := int(r.cur[k]) + int(r.old[k]) // earlier articles, and this one if it used k already
	if r.seen[k] {
		n--
	} else {
		r.seen[k] = true
		if r.cur[k] < 255 {
			r.cur[k]++
		}
	}
	return n >= RepeatsMin
}

func (r *Repeats) rotate() {
	r.n++
	if r.n <= repeatsSpan {
		return
	}
	r.old, r.cur, r.n = r.cur, make(map[uint64]uint8), 1
}

// lineKey hashes an outlet and a line, the line with its spacing and case
// folded.
func lineKey(outlet, line string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(outlet))
	h.Write([]byte{0})
	space := false
	for _, c := range strings.TrimSpace(line) {
		if unicode.IsSpace(c) {
			space = true
			continue
		}
		if space {
			h.Write([]byte{' '})
			space = false
		}
		var buf [utf8.UTFMax]byte
		h.Write(buf[:utf8.EncodeRune(buf[:], unicode.ToLower(c))])
	}
	return h.Sum64()
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
