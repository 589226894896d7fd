package dates

import (
	"strings"
	"time"
)

// ParseDate parses s when it is only a date, as a publish-date line is:
// "December 18, 2022", "12/20/2022", "2022-12-20", "18 Dec 2022",
// "Sunday, December 18, 2022 10:31 AM", "Sun, 18 Dec 2022 10:31:00 +0000",
// "2022-12-20T10:31:00Z", "Published: Dec. 18, 2022 at 3 p.m. EST". A
// leading label (Published, Updated, Posted, Date, Created...) is allowed;
// anything else that is not part of the date, a weekday, a time or a zone
// makes it fail. The result is in the zone the line gives when it gives a
// known one, else in UTC with the wall clock as written; without a time it
// is midnight. A line without a year fails: it cannot be placed.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 {
		return time.Time{}, false
	}
	p := parser{s: s, toks: lex(s)}
	i := p.skipLabels(0)
	var pre expr // a time given before the date
	if i < len(p.toks) {
		if h, m, end, ok := p.clock(i); ok {
			pre.clock, pre.hour, pre.min = true, h, m
			i = p.skipSeparators(end)
			if off, ok := p.zoneAt(i); ok {
				pre.zone, pre.hasZone = off, true
				i = p.skipSeparators(i + 1)
			}
			if p.word(i) == "on" {
				i++
			}
		}
	}
	e, j, ok := p.lineDate(i)
	if !ok {
		return time.Time{}, false
	}
	if pre.clock && !e.clock {
		e.clock, e.hour, e.min = true, pre.hour, pre.min
	}
	if pre.hasZone && !e.hasZone {
		e.zone, e.hasZone = pre.zone, true
	}
	if !p.dateTail(&e, j) {
		return time.Time{}, false
	}
	loc := time.UTC
	if e.hasZone && e.zone != noZone && e.zone != 0 {
		loc = time.FixedZone("", e.zone)
	}
	return time.Date(e.y, time.Month(e.m), e.d, e.hour, e.min, 0, 0, loc), true
}

// lineLabels are words that may precede a publish date on its line.
var lineLabels = map[string]bool{
	"published": true, "updated": true, "posted": true, "last": true, "modified": true,
	"date": true, "created": true, "on": true, "first": true, "publication": true,
	"release": true, "released": true, "dated": true, "issued": true, "pub": true,
}

// skipLabels skips leading labels and separators from token i.
func (p *parser) skipLabels(i int) int {
	for i < len(p.toks) {
		t := &p.toks[i]
		switch {
		case t.kind == tWord && lineLabels[t.lower]:
		case t.kind == tPunct && (t.lower == ":" || isSeparator(t.lower)):
		default:
			return i
		}
		i++
	}
	return i
}

// skipSeparators skips punctuation separators from token i.
func (p *parser) skipSeparators(i int) int {
	for i < len(p.toks) && p.toks[i].kind == tPunct && isSeparator(p.toks[i].lower) {
		i++
	}
	return i
}

func isSeparator(s string) bool {
	switch s {
	case ",", "|", "-", "–", "—", "·", "•", "/", "(", ")", "@", "[", "]", "*", "_":
		return true
	}
	return false
}

// lineDate recognises a full date at token i of a date line: optionally
// weekday-led, numeric with a two-digit year, or day.month.year.
func (p *parser) lineDate(i int) (expr, int, bool) {
	if i >= len(p.toks) {
		return expr{}, i, false
	}
	var e expr
	j := i
	t := &p.toks[i]
	switch {
	case t.kind == tNum:
		if e2, j2, ok := p.slashDate(i, true); ok {
			e, j = e2, j2
		} else if e2, j2, ok := p.dottedDate(i); ok {
			e, j = e2, j2
		} else {
			e, j = p.numberLed(i, true)
		}
	case t.kind == tWord && t.lx.kind == lxWeekday:
		e, j = p.weekdayLed(i)
	case t.kind == tWord:
		e, j = p.monthLed(i, true)
	}
	if j == i || e.kind != eDate {
		return expr{}, i, false
	}
	if e.hasWD && int(time.Date(e.y, time.Month(e.m), e.d, 0, 0, 0, 0, time.UTC).Weekday()) != e.wd {
		return expr{}, i, false // "Monday, December 18, 2022": a typo somewhere; do not pick one
	}
	return e, j, true
}

// dottedDate recognises 18.12.2022 (day first, as written in Europe).
func (p *parser) dottedDate(i int) (expr, int, bool) {
	d, m, y, ok := p.triple(i, ".")
	if !ok {
		return expr{}, i, false
	}
	if nd, nm, ny := p.tripleDigits(i); nd > 2 || nm > 2 || ny != 4 || !yearOK(y) || !validDate(y, m, d) {
		return expr{}, i, false
	}
	e := expr{kind: eDate, y: y, m: m, d: d}
	return e, p.clockAfter(&e, i+5), true
}

// dateTail checks that tokens from j to the end of a date line are only
// separators, "at", a time (if the date has none), a zone or a numeric UTC
// offset, and records those into e.
func (p *parser) dateTail(e *expr, j int) bool {
	for j < len(p.toks) {
		t := &p.toks[j]
		if (t.lower == "+" || t.lower == "-") && t.kind == tPunct {
			if off, end, ok := p.offset(j); ok {
				e.zone, e.hasZone = off, true
				j = end
				continue
			}
		}
		if t.kind == tPunct && isSeparator(t.lower) || t.lower == "at" || t.lower == "." {
			j++
			continue
		}
		if off, ok := p.zoneAt(j); ok {
			e.zone, e.hasZone = off, true
			j++
			continue
		}
		if !e.clock {
			if h, m, end, ok := p.clock(j); ok {
				e.clock, e.hour, e.min = true, h, m
				j = end
				continue
			}
		}
		return false
	}
	return true
}

// offset recognises a numeric UTC offset at j: "+0000", "-05:00", "+03".
func (p *parser) offset(j int) (off, end int, ok bool) {
	sign := 1
	if p.toks[j].lower == "-" {
		sign = -1
	}
	if !p.glued(j) {
		return 0, j, false
	}
	n, ok := p.num(j+1, 4)
	if !ok {
		return 0, j, false
	}
	h, m := n, 0
	end = j + 2
	switch p.toks[j+1].digits() {
	case 4:
		h, m = n/100, n%100
	case 2:
		if p.punct(end, ":") && p.glued(j+1) {
			mm, ok := p.num(end+1, 2)
			if !ok {
				return 0, j, false
			}
			m, end = mm, end+2
		}
	default:
		return 0, j, false
	}
	if h > 14 || m > 59 {
		return 0, j, false
	}
	return sign * (h*3600 + m*60), end, true
}
