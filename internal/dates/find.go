package dates

import (
	"time"
)

// Mention is one date expression found in a text.
type Mention struct {
	Start    int    `json:"start"` // byte offsets of Text in the input
	End      int    `json:"end"`
	Text     string `json:"text"` // the matched text, input[Start:End]
	Date     Date   `json:"date"` // the resolved period; zero when Resolved is false
	Resolved bool   `json:"resolved"`
	// Relative is set when the expression needs the publish date to be
	// placed ("Friday", "last month", "Dec. 9"), whether or not it was.
	Relative bool   `json:"relative"`
	Reason   string `json:"reason"` // why it resolved as it did, or why it did not
}

// Find returns the date expressions in s, in order of position and
// without overlaps, resolved against anchor, the article's publish date.
// Only anchor's calendar date (in its own location) is used. A zero anchor
// leaves relative expressions (weekdays, "last month", a month without a
// year) unresolved; explicit dates with a year still resolve.
func Find(s string, anchor time.Time) []Mention {
	p := parser{s: s, toks: lex(s)}
	var out []Mention
	for i := 0; i < len(p.toks); {
		e, j := p.matchAt(i)
		if j <= i {
			i++
			continue
		}
		out = append(out, p.resolve(e, i, j, anchor))
		i = j
	}
	return out
}

// exprKind is the shape of a recognised expression, before resolution.
type exprKind uint8

const (
	eDate      exprKind = iota + 1 // year, month and day
	eMonthDay                      // month and day, no year
	eMonthYear                     // month and year
	eMonth                         // a month name alone, possibly with a modifier
	eYear                          // a year
	eDecade                        // 1980s (y set) or '80s (y = two digits, short set)
	eWeekday                       // a weekday, possibly with a modifier
	eRelDay                        // yesterday, today, tomorrow, last night
	eUnit                          // last week, this month, next year, the weekend
	eAgo                           // two days ago, three weeks from now
	eSeason                        // the spring, last summer, spring 2022
	eEventRel                      // two days later, the following day: relative to another event
	eVague                         // a few days ago
)

// expr is a recognised expression, before resolution.
type expr struct {
	kind      exprKind
	y, m, d   int
	wd        int  // weekday (eWeekday, or given beside an eDate)
	hasWD     bool // a weekday was given beside an explicit date
	season    int
	mod       int // modifier (mLast, mNext, mThis, ...)
	n, unit   int // count and unit of eAgo, unit of eUnit
	dir       int // -1 ago, +1 from now
	short     bool
	clock     bool
	hour, min int
	hasZone   bool // a zone abbreviation followed the time
	zone      int  // its UTC offset in seconds, or noZone
	since     bool // preceded by "since": the period is in the past
	dayRange  bool // "Dec. 9-10": d is the first day of a range
}

// parser holds the input and its tokens.
type parser struct {
	s    string
	toks []token
}

// word returns the folded text of token i if it is a word, else "".
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].kind != tWord {
		return ""
	}
	return p.toks[i].lower
}

// punct reports whether token i is the punctuation c.
func (p *parser) punct(i int, c string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].kind == tPunct && p.toks[i].lower == c
}

// glued reports whether tokens i and i+1 touch (no space between them).
func (p *parser) glued(i int) bool {
	return i >= 0 && i+1 < len(p.toks) && p.toks[i].end == p.toks[i+1].start
}

// num returns the value of token i if it is a plain number (no suffix) of
// at most maxDigits digits.
func (p *parser) num(i, maxDigits int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.kind != tNum || t.suffix != sufNone || t.digits() > maxDigits {
		return 0, false
	}
	return t.value(), true
}

// matchAt tries to recognise an expression starting at token i. It returns
// the expression and the index after its last token, or i when nothing
// matches.
func (p *parser) matchAt(i int) (expr, int) {
	t := &p.toks[i]
	switch t.kind {
	case tNum:
		return p.numberLed(i, false)
	case tPunct:
		if t.lower == "'" || t.lower == "’" {
			return p.shortDecade(i)
		}
		return expr{}, i
	}
	switch t.lx.kind {
	case lxMonth:
		return p.monthLed(i, false)
	case lxWeekday:
		return p.weekdayLed(i)
	case lxSeason:
		return p.seasonLed(i, mNone, false)
	case lxRelDay:
		return p.relDay(i)
	case lxMod:
		return p.modLed(i)
	case lxEdge:
		return p.edgeLed(i)
	case lxNumber, lxVague:
		return p.countLed(i)
	}
	if t.lower == "the" {
		return p.theLed(i)
	}
	return expr{}, i
}
