package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/text"
)

// markBylines sets aside byline lines and keeps the first byline.
func (c *cleaner) markBylines(bs []*block) {
	for _, b := range bs {
		if !b.body() || b.words > 20 || b.heading > 1 {
			continue
		}
		names, rest, ok := parseByline(b.text)
		if !ok {
			continue
		}
		b.kind = article.AsideByline
		if c.byline == "" {
			c.byline = names
		}
		if t, _, ok := parseDateLine(rest); ok && c.published.IsZero() {
			c.published, c.dateLabel = t, "byline"
			c.note("date from the byline line: %s", t.Format(time.DateOnly))
		}
	}
}

// markDates sets aside date lines: a date line in the lead-in or after the
// last paragraph, or one with a label ("Published:", "Date Created"). Dates
// inside sentences and captions are never read.
func (c *cleaner) markDates(bs []*block) {
	head, tail := c.headEnd(bs), tailStart(bs)
	label := false
	for i, b := range bs {
		if !b.body() {
			label = false
			continue
		}
		if b.words <= 4 && rxDateLabel.FindString(b.text) == b.text && b.text != "" {
			b.kind, label = article.AsideDate, true
			continue
		}
		if i < head {
			c.splitDateTail(b)
		}
		t, lab, ok := parseDateLine(b.text)
		if ok && (lab != "" || label || i < head || i > tail) {
			b.kind = article.AsideDate
			if label {
				lab = strings.ToLower(strings.TrimRight(bs[i-1].text, " :"))
			}
			c.takeDate(t, lab, b.text)
		}
		label = false
	}
}

// rxDateTail finds a date field glued to the end of a lead-in line:
// "Five Injured in Nightclub Shooting Posted: Monday, March 31, 2014 ...".
var rxDateTail = regexp.MustCompile(`\s(?:Posted|Published|Updated|Last updated|Created)(?: on)?:?\s`)

// splitDateTail moves a date field glued to the end of a lead-in line
// into an aside of its own.
func (c *cleaner) splitDateTail(b *block) {
	if b.words > 45 {
		return
	}
	loc := rxDateTail.FindStringIndex(b.text)
	if loc == nil || loc[0] == 0 {
		return
	}
	tail := strings.TrimSpace(b.text[loc[0]:])
	t, label, ok := parseDateLine(tail)
	if !ok {
		return
	}
	b.extra = append(b.extra, article.Aside{Kind: article.AsideDate, Text: tail})
	b.setText(b.text[:loc[0]])
	c.takeDate(t, label, tail)
}

// takeDate keeps a publish date: the first one found, except that a
// publication label beats an update label.
func (c *cleaner) takeDate(t time.Time, label, line string) {
	update := strings.Contains(label, "updated") || strings.Contains(label, "modified")
	if !c.published.IsZero() && (update || !strings.Contains(c.dateLabel, "updated")) {
		return
	}
	c.published, c.dateLabel = t, label
	if label != "" {
		c.note("date from the %q field: %q", label, line)
	} else {
		c.note("date from a date line: %q", line)
	}
}

// markTitle sets aside the headline when it is part of the text: a first
// line that is a heading, repeats the known title or — when no title is
// known — reads like a headline (short, no closing full stop, followed by
// more text); or, after a first line that is none of these (a kicker such
// as "World"), a level 1 or 2 heading of the lead-in.
func (c *cleaner) markTitle(bs []*block, known string) {
	head := c.headEnd(bs)
	first := true
	for i, b := range bs[:head] {
		if !b.body() {
			continue
		}
		switch {
		case b.heading > 0 && b.heading <= 2 || b.heading > 0 && first:
		case !first: // past the first line, only a heading can be the headline
			continue
		case known != "" && similar(b.fold, text.Fold(known)):
		case known == "" && titleLike(b) && i+1 < len(bs):
		default:
			first = false
			continue
		}
		b.kind = article.AsideTitle
		c.title = b.text
		return
	}
}

// titleLike reports whether b reads like a headline: three to 25 words,
// starting with a letter, digit or quote mark, not closed by a full stop,
// and not a byline, date or dateline.
func titleLike(b *block) bool {
	if b.list || b.words < 3 || b.words > 25 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(b.text)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) && !strings.ContainsRune("\"“'‘", first) {
		return false
	}
	last := b.text[len(b.text)-1]
	if strings.ContainsRune(".:;,", rune(last)) || rxNotTitle.MatchString(b.fold) || rxDateLabel.MatchString(b.text) {
		return false
	}
	_, isDateline := parseDateline(b.text + " x")
	return !isDateline
}

// rxNotTitle opens lines that are never a headline: bylines, playlist
// entries ("1:46 Video title"), breadcrumbs, update stamps.
var rxNotTitle = regexp.MustCompile(`^(?:by\b|\d{1,2}:\d{2} |home\s*[:>|/»›]|(?:story )?updated?\b)`)

// similar reports whether two folded titles are the same headline, allowing
// a site name before or after it.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || (strings.Contains(b, a) && len(a)*2 >= len(b))
}
