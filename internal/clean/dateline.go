package clean

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax/internal/article"
)

// rxDateline matches a dateline at the start of a paragraph: a city in
// capitals, optionally a region ("N.C.", "Iran"), a day ("Dec 18") and a
// credit in brackets ("(Reuters)"), then a dash: "TEHRAN –",
// "MOSCOW, Dec 18 (Reuters) -", "SALISBURY, N.C. (WBTV) —". A credit in
// brackets alone also counts: "(CNN) —".
var rxDateline = regexp.MustCompile(`^(?:(?P<city>[\p{Lu}][\p{Lu}.'’\-]*(?: [\p{Lu}][\p{Lu}.'’\-]*){0,3})` +
	`(?:, (?P<region>[\p{Lu}][\pL.]*(?: [\p{Lu}][\pL.]*){0,2}))??` +
	`(?:,? (?P<day>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?` +
	`)?(?: ?\((?P<credit>[^()]{2,40})\))? ?(?:--?|–|—)\s*`)

// rxDatelineCredit is the dateline of outlets that write the city in
// title case and credit a station or agency: "North Las Vegas (KTNV) -".
var rxDatelineCredit = regexp.MustCompile(`^(?P<city>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,3})` +
	`(?:, (?P<region>[\p{Lu}][\pL.]*(?: [\p{Lu}][\pL.]*){0,2}))?` +
	`(?P<day>)` +
	` ?\((?P<credit>[^()]{2,40})\) ?(?:--?|–|—)\s*`)

// notCities are words in capitals that start a paragraph and are followed
// by a dash without being a dateline.
var notCities = map[string]bool{
	"FILE": true, "UPDATE": true, "UPDATED": true, "BREAKING": true, "EXCLUSIVE": true, "WATCH": true,
	"VIDEO": true, "PHOTOS": true, "LIVE": true, "ANALYSIS": true, "OPINION": true, "EDITOR'S NOTE": true,
	"CORRECTION": true, "NOTE": true, "WARNING": true, "ALERT": true, "I": true, "A": true, "PHOTO": true,
}

// dateline is a dateline read from the start of the body.
type dateline struct {
	place  string // "Tehran", "Salisbury, N.C."
	day    string // "Dec 18", as written
	credit string // "Reuters", "WBTV", as written
	end    int    // byte offset where the text proper starts
}

// parseDateline reads the dateline at the start of s, if any.
func parseDateline(s string) (dateline, bool) {
	rx := rxDateline
	m := rx.FindStringSubmatchIndex(s)
	if m == nil {
		rx = rxDatelineCredit
		if m = rx.FindStringSubmatchIndex(s); m == nil {
			return dateline{}, false
		}
	}
	get := func(name string) string {
		i := rx.SubexpIndex(name)
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	d := dateline{day: get("day"), credit: get("credit"), end: m[1]}
	city := get("city")
	if city == "" && d.credit == "" {
		return dateline{}, false
	}
	if city != "" {
		if notCities[city] || letters(city) < 3 {
			return dateline{}, false
		}
		d.place = titleCase(city)
		if r := get("region"); r != "" {
			d.place += ", " + r
		}
	}
	if d.end >= len(s) { // nothing after the dash
		return dateline{}, false
	}
	return d, true
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// titleCase turns "NEW PORT RICHEY" into "New Port Richey" and "WILKES-BARRE"
// into "Wilkes-Barre".
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if start {
			b.WriteRune(unicode.ToUpper(r))
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = r == ' ' || r == '-' || r == '.' || ((r == '\'' || r == '’') && b.Len() <= 2)
	}
	return b.String()
}

// markDateline reads the dateline at the start of the first body
// paragraph (or of the second, when a teaser or standfirst precedes it) and
// removes it from the text.
func (c *cleaner) markDateline(bs []*block) {
	seen := 0
	for _, b := range bs {
		if !b.body() || b.heading > 0 {
			continue
		}
		if seen++; seen > 2 {
			return
		}
		d, ok := parseDateline(b.text)
		if !ok && b.words <= 8 {
			if d, ok = parseDateline(b.text + " x"); ok && d.end == len(b.text)+1 {
				// a dateline on a line of its own: it is all in Result.Dateline
				c.note("dateline on its own line: %q", b.text)
				c.takeDateline(d)
				b.kind = article.AsideOther
				return
			}
			ok = false
		}
		if !ok {
			if seen == 1 && rxOrphanDash.MatchString(b.text) {
				b.setText(rxOrphanDash.ReplaceAllString(b.text, ""))
				c.note("leading dash of a lost dateline removed")
				return
			}
			continue
		}
		if d.place != "" {
			c.note("dateline %q", strings.TrimSpace(b.text[:d.end]))
		}
		c.takeDateline(d)
		b.setText(b.text[d.end:])
		return
	}
}

// takeDateline keeps the place of a dateline and reads its credit and date.
func (c *cleaner) takeDateline(d dateline) {
	c.dateline = d.place
	if _, _, isDate := parseDateLine(d.credit); d.credit != "" && !isDate {
		w := wireOnly(d.credit)
		for _, part := range strings.Split(d.credit, "/") { // "(CBS/AP)"
			if w == "" {
				w = wireOnly(part)
			}
		}
		if w != "" {
			c.setWire(w, fmt.Sprintf("dateline credit (%s)", d.credit))
		} else {
			c.note("dateline credits %q (not a known wire service)", d.credit)
		}
	}
	c.datelineDate(d)
}

// datelineDate reads a publish date from a dateline that gives one with its
// year ("INDIANAPOLIS, Ind. (Feb. 20, 2014) —"); a day without a year is
// only noted.
func (c *cleaner) datelineDate(d dateline) {
	for _, s := range []string{d.day, d.credit} {
		if s == "" {
			continue
		}
		if t, _, ok := parseDateLine(s); ok {
			c.takeDate(t, "dateline", s)
			return
		}
	}
	if d.day != "" {
		c.note("dateline day %q read, not used as a publish date (no year)", d.day)
	}
}

// rxOrphanDash is the dash left when a scraper lost the dateline before it.
var rxOrphanDash = regexp.MustCompile(`^(?:--?|–|—)\s+`)
