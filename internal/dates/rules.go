package dates

import (
	"slices"
	"strings"
)

// This file holds the recognisers, one per kind of leading token. Each takes
// the index of its first token and returns the expression and the index after
// its last token, or that first index when it does not match.

// startOK reports whether number token i stands on its own at its start:
// not glued to a preceding digit, currency sign, decimal point or hyphen
// ("$40", "2.5", "Su-35").
func (p *parser) startOK(i int) bool {
	if i == 0 || !p.glued(i-1) {
		return true
	}
	prev := &p.toks[i-1]
	if prev.kind == tNum || prev.kind == tWord {
		return false
	}
	switch prev.lower {
	case "$", "£", "€", "#", ".", ",", ":", "/", "-", "+", "‑", "–", "—":
		return false
	}
	return true
}

// endOK reports whether number token i stands on its own at its end: not
// followed by "%", a glued digit, or a separator and a digit ("2,014",
// "12/20" when it is the start of something else).
func (p *parser) endOK(i int) bool {
	if !p.glued(i) {
		return true
	}
	next := &p.toks[i+1]
	if next.kind == tNum {
		return false
	}
	if next.kind != tPunct {
		return true
	}
	switch next.lower {
	case "%", "‰":
		return false
	case ".", ",", ":", "/", "-", "‑", "–":
		if p.glued(i+1) && p.toks[i+2].kind == tNum {
			return false
		}
	}
	return true
}

// yearOK reports whether y is in the range of years Find and ParseDate
// accept, 1000 to 2199.
func yearOK(y int) bool { return y >= 1000 && y <= 2199 }

// year returns the value of token i if it is a plain four-digit number that
// can be a year.
func (p *parser) year(i int) (int, bool) {
	y, ok := p.num(i, 4)
	if !ok || p.toks[i].digits() != 4 || !yearOK(y) || !p.endOK(i) {
		return 0, false
	}
	return y, true
}

// dayNum returns the value of token i if it is a day of the month: one or
// two digits, possibly ordinal ("9th").
func (p *parser) dayNum(i int) (int, bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, false
	}
	t := &p.toks[i]
	if t.kind != tNum || t.digits() > 2 || t.suffix == sufPlural || t.value() < 1 || t.value() > 31 {
		return 0, false
	}
	if t.suffix == sufNone && !p.endOK(i) {
		return 0, false
	}
	return t.value(), true
}

// monthName reports the month of token i when it is a capitalised month
// name, and the index after it (after the full stop of "Dec.").
func (p *parser) monthName(i int) (m, next int, ok bool) {
	if i < 0 || i >= len(p.toks) {
		return 0, i, false
	}
	t := &p.toks[i]
	if t.kind != tWord || t.lx.kind != lxMonth || !(t.cap || t.upper) {
		return 0, i, false
	}
	next = i + 1
	if t.lx.flags&flAbbrev != 0 && p.punct(next, ".") && p.glued(i) {
		next++
	}
	return t.lx.value(), next, true
}

// numberLed recognises expressions that start with a number: ISO and US
// numeric dates, "9 December 2022", decades, "3 days ago" and years. ctx
// says a preceding word (early, mid, the) already marks a date.
func (p *parser) numberLed(i int, ctx bool) (expr, int) {
	if !ctx && !p.startOK(i) {
		return expr{}, i
	}
	if e, j, ok := p.isoDate(i); ok {
		return e, j
	}
	if e, j, ok := p.slashDate(i, false); ok {
		return e, j
	}
	if e, j, ok := p.dayMonth(i); ok {
		return e, j
	}
	if e, j, ok := p.clockFirst(i); ok {
		return e, j
	}
	t := &p.toks[i]
	if t.suffix == sufPlural && t.digits() == 4 && t.value()%10 == 0 && t.value() >= 1000 && t.value() <= 2190 {
		return expr{kind: eDecade, y: t.value()}, i + 1
	}
	if t.suffix != sufNone {
		return expr{}, i
	}
	if e, j := p.countTail(i+1, t.value(), false); j > i+1 {
		return e, j
	}
	if y, ok := p.year(i); ok {
		prev := p.word(i - 1)
		if ctx || yearContext[prev] && (prev != "of" || y >= 1900 && y < 2100) {
			return expr{kind: eYear, y: y, since: prev == "since"}, i + 1
		}
	}
	return expr{}, i
}

// triple recognises three numbers joined by the same separator, one of
// seps, with no spaces: "2022-12-20", "12/20/2022", "18.12.2022". It
// returns the numbers; their digit counts are in tokens i, i+2 and i+4.
func (p *parser) triple(i int, seps ...string) (a, b, c int, ok bool) {
	if i+4 >= len(p.toks) || p.toks[i+1].kind != tPunct || !slices.Contains(seps, p.toks[i+1].lower) {
		return 0, 0, 0, false
	}
	for k := i; k < i+4; k++ {
		if !p.glued(k) {
			return 0, 0, 0, false
		}
	}
	if !p.punct(i+3, p.toks[i+1].lower) {
		return 0, 0, 0, false
	}
	a, ok1 := p.num(i, 4)
	b, ok2 := p.num(i+2, 4)
	c, ok3 := p.num(i+4, 4)
	if !ok1 || !ok2 || !ok3 || !p.endOK(i+4) {
		return 0, 0, 0, false
	}
	return a, b, c, true
}

// tripleDigits returns the digit counts of the numbers of a triple at i.
func (p *parser) tripleDigits(i int) (int, int, int) {
	return p.toks[i].digits(), p.toks[i+2].digits(), p.toks[i+4].digits()
}

// clockFirst recognises a time before a day: "11:30 a.m. Tuesday", "10
// p.m. on Sunday", "2 a.m. yesterday".
func (p *parser) clockFirst(i int) (expr, int, bool) {
	h, m, j, ok := p.clock(i)
	if !ok {
		return expr{}, i, false
	}
	if p.word(j) == "on" {
		j++
	}
	if j >= len(p.toks) || p.toks[j].kind != tWord {
		return expr{}, i, false
	}
	var e expr
	end := j
	switch p.toks[j].lx.kind {
	case lxWeekday:
		e, end = p.weekdayLed(j)
	case lxRelDay:
		e, end = p.relDay(j)
	}
	if end == j || e.clock {
		return expr{}, i, false
	}
	e.clock, e.hour, e.min = true, h, m
	return e, end, true
}

// isoDate recognises 2022-12-20 (and 2022/12/20).
func (p *parser) isoDate(i int) (expr, int, bool) {
	y, m, d, ok := p.triple(i, "-", "/")
	if !ok {
		return expr{}, i, false
	}
	if ny, nm, nd := p.tripleDigits(i); ny != 4 || nm != 2 || nd != 2 || !yearOK(y) || !validDate(y, m, d) {
		return expr{}, i, false
	}
	e := expr{kind: eDate, y: y, m: m, d: d}
	return e, p.clockAfter(&e, i+5), true
}

// slashDate recognises 12/20/2022 (US order; day first when the first
// number cannot be a month). twoDigit admits 12/20/22.
func (p *parser) slashDate(i int, twoDigit bool) (expr, int, bool) {
	a, b, y, ok := p.triple(i, "/")
	if !ok {
		return expr{}, i, false
	}
	na, nb, ny := p.tripleDigits(i)
	switch {
	case na > 2 || nb > 2:
		return expr{}, i, false
	case ny == 4 && yearOK(y):
	case ny == 2 && twoDigit:
		y += 2000
		if y > 2069 {
			y -= 100
		}
	default:
		return expr{}, i, false
	}
	m, d := a, b
	if a > 12 && b <= 12 {
		m, d = b, a
	}
	if !validDate(y, m, d) {
		return expr{}, i, false
	}
	e := expr{kind: eDate, y: y, m: m, d: d}
	return e, p.clockAfter(&e, i+5), true
}

// dayMonth recognises "9 December 2022", "9th December", "9th of December".
func (p *parser) dayMonth(i int) (expr, int, bool) {
	d, ok := p.dayNum(i)
	if !ok {
		return expr{}, i, false
	}
	j := i + 1
	if p.word(j) == "of" && p.toks[i].suffix == sufOrdinal {
		j++
	}
	m, j, ok := p.monthName(j)
	if !ok {
		return expr{}, i, false
	}
	return p.withYear(expr{kind: eMonthDay, m: m, d: d}, j)
}

// withYear completes a month-and-day expression ending before token j with
// an optional year (", 2022" or " 2022") and time of day.
func (p *parser) withYear(e expr, j int) (expr, int, bool) {
	k := j
	if p.punct(k, ",") {
		k++
	}
	if y, ok := p.year(k); ok {
		e.kind, e.y = eDate, y
		j = k + 1
	}
	if !validDate(orLeap(e.y), e.m, e.d) {
		return expr{}, j, false
	}
	return e, p.clockAfter(&e, j), true
}

// dayRange recognises a range of days at j, "9-10" or "9–11", and returns
// its first day and the index after it.
func (p *parser) dayRange(j int) (int, int, bool) {
	if j+2 >= len(p.toks) || !p.glued(j) || !p.glued(j+1) || !(p.punct(j+1, "-") || p.punct(j+1, "–")) {
		return 0, j, false
	}
	a, ok1 := p.num(j, 2)
	b, ok2 := p.num(j+2, 2)
	if !ok1 || !ok2 || a < 1 || b > 31 || a >= b || !p.endOK(j+2) {
		return 0, j, false
	}
	return a, j + 3, true
}

// orLeap returns y, or a leap year when y is unknown, for day validation.
func orLeap(y int) int {
	if y == 0 {
		return 2000
	}
	return y
}

// shortDecade recognises "'80s".
func (p *parser) shortDecade(i int) (expr, int) {
	if !p.glued(i) || i+1 >= len(p.toks) {
		return expr{}, i
	}
	t := &p.toks[i+1]
	if t.kind != tNum || t.digits() != 2 || t.suffix != sufPlural || t.value()%10 != 0 {
		return expr{}, i
	}
	return expr{kind: eDecade, y: t.value(), short: true}, i + 2
}

// monthLed recognises "December 9, 2022", "Dec. 9", "December 2022",
// "December of 2022" and a bare month name. ctx says a preceding word
// (last, early, the end of) already marks a date, which bare names that are
// also common words ("May", "March") otherwise need.
func (p *parser) monthLed(i int, ctx bool) (expr, int) {
	m, j, ok := p.monthName(i)
	if !ok {
		return expr{}, i
	}
	if d, ok := p.dayNum(j); ok {
		if e, end, ok := p.withYear(expr{kind: eMonthDay, m: m, d: d}, j+1); ok {
			return e, end
		}
		return expr{}, i
	}
	if d, end, ok := p.dayRange(j); ok {
		// "Dec. 9-10": the first day, at day precision.
		if e, end, ok := p.withYear(expr{kind: eMonthDay, m: m, d: d, dayRange: true}, end); ok {
			return e, end
		}
		return expr{}, i
	}
	k := j
	if p.word(k) == "of" {
		k++
	}
	if y, ok := p.year(k); ok {
		return expr{kind: eMonthYear, y: y, m: m}, k + 1
	}
	prev := p.word(i - 1)
	t := &p.toks[i]
	if t.lx.flags&flAbbrev != 0 && j == i+1 {
		return expr{}, i // "Dec" without a full stop or a day: likely a name
	}
	if !ctx {
		if prev == "the" {
			return expr{}, i // "the October Revolution"
		}
		if t.lx.flags&flAmbiguous != 0 && !monthContext[prev] && !p.afterMonthList(i) {
			return expr{}, i
		}
	}
	return expr{kind: eMonth, m: m, since: prev == "since"}, j
}

// afterMonthList reports whether token i follows "March and", "March or",
// "March to" or "March,": the second of two months.
func (p *parser) afterMonthList(i int) bool {
	if i < 2 {
		return false
	}
	w := p.word(i - 1)
	if w != "and" && w != "or" && w != "to" && !p.punct(i-1, ",") && !p.punct(i-1, "-") {
		return false
	}
	k := i - 2
	if p.punct(k, ".") {
		k--
	}
	_, _, ok := p.monthName(k)
	return ok
}

// weekdayLed recognises "Friday", "Friday night", "Friday at 10 a.m." and a
// weekday before an explicit date ("Tuesday, July 19, 2022", "Sun, 18 Dec
// 2022").
func (p *parser) weekdayLed(i int) (expr, int) {
	t := &p.toks[i]
	abbrev := t.lx.flags&flAbbrev != 0
	j := i + 1
	if abbrev {
		if !t.cap && !t.upper {
			return expr{}, i
		}
		if p.punct(j, ".") && p.glued(i) {
			j++
		}
	}
	k := j
	if p.punct(k, ",") {
		k++
	}
	if e, end, ok := p.explicitDate(k); ok {
		e.wd, e.hasWD = t.lx.value(), true
		return e, end
	}
	if abbrev || p.namedDay(i) {
		return expr{}, i
	}
	e := expr{kind: eWeekday, wd: t.lx.value()}
	return e, p.dayTail(&e, i+1)
}

// namedDay reports whether the weekday at i is part of a name or a holiday
// ("Good Friday", "Sunday Times").
func (p *parser) namedDay(i int) bool {
	if i > 0 && p.toks[i-1].kind == tWord && p.toks[i-1].cap && namedDayBefore[p.toks[i-1].lower] {
		return true
	}
	if i+1 < len(p.toks) && p.toks[i+1].kind == tWord && p.toks[i+1].cap && namedDayAfter[p.toks[i+1].lower] {
		return true
	}
	return false
}

// explicitDate recognises a date with a day at token i: month first, day
// first, or numeric.
func (p *parser) explicitDate(i int) (expr, int, bool) {
	if i >= len(p.toks) {
		return expr{}, i, false
	}
	var e expr
	j := i
	switch p.toks[i].kind {
	case tWord:
		e, j = p.monthLed(i, true)
	case tNum:
		e, j = p.numberLed(i, true)
	}
	if j > i && (e.kind == eDate || e.kind == eMonthDay) {
		return e, j, true
	}
	return expr{}, i, false
}

// dayTail extends a day expression ending before j with a part of the day
// ("night") and a time ("at 10 a.m.").
func (p *parser) dayTail(e *expr, j int) int {
	if j < len(p.toks) && p.toks[j].kind == tWord && p.toks[j].lx.kind == lxPart && !p.toks[j].cap {
		j++
	}
	return p.clockAfter(e, j)
}

// seasonLed recognises "spring", "spring 2022", "summer of 2021". A season
// word needs a marker before it (the, in, last, early...) because "fall"
// and "spring" are also verbs and nouns; ctx says the caller saw one.
func (p *parser) seasonLed(i, mod int, ctx bool) (expr, int) {
	t := &p.toks[i]
	if t.kind != tWord || t.lx.kind != lxSeason {
		return expr{}, i
	}
	e := expr{kind: eSeason, season: t.lx.value(), mod: mod}
	j := i + 1
	k := j
	if p.word(k) == "of" {
		k++
	}
	if y, ok := p.year(k); ok {
		e.y = y
		return e, k + 1
	}
	if k > j {
		return expr{}, i // "the fall of Kabul"
	}
	prev := p.word(i - 1)
	if !ctx && !monthContext[prev] {
		return expr{}, i
	}
	e.since = prev == "since"
	return e, j
}

// relDay recognises yesterday, today, tomorrow and tonight, with a part of
// the day and a time.
func (p *parser) relDay(i int) (expr, int) {
	t := &p.toks[i]
	if t.lower == "today" && t.cap && i > 0 && p.toks[i-1].sent == t.sent {
		prev := &p.toks[i-1]
		if prev.kind == tWord && (prev.cap || prev.lower == "'s") {
			return expr{}, i // "USA Today", "NBC's Today show"
		}
	}
	if p.determined(i) {
		return expr{}, i // "a brighter tomorrow", "the today show"
	}
	e := expr{kind: eRelDay, n: t.lx.value()}
	return e, p.dayTail(&e, i+1)
}

// determined reports whether the word at i is used as a noun after an
// article: "a tomorrow", "a brighter tomorrow".
func (p *parser) determined(i int) bool {
	switch p.word(i - 1) {
	case "a", "an", "the":
		return true
	}
	prev := p.word(i - 1)
	if len(prev) > 3 && strings.HasSuffix(prev, "er") {
		switch p.word(i - 2) {
		case "a", "an", "the":
			return true
		}
	}
	return false
}

// modLed recognises expressions led by a modifier: "last Friday", "next
// week", "this spring", "this past weekend", "earlier this month", "last
// night".
func (p *parser) modLed(i int) (expr, int) {
	if p.word(i-1) == "the" {
		return expr{}, i // "the past week" is a duration
	}
	mod := p.toks[i].lx.value()
	j := i + 1
	switch mod {
	case mThis:
		switch p.word(j) {
		case "past":
			mod, j = mLast, j+1
		case "coming":
			mod, j = mNext, j+1
		}
	case mEarlier, mLater:
		if p.word(j) == "today" {
			return p.relDay(j)
		}
		if j >= len(p.toks) || p.toks[j].lx.kind != lxMod {
			return expr{}, i
		}
		inner := p.toks[j].lx.value()
		if inner != mThis && inner != mLast && inner != mNext {
			return expr{}, i
		}
		e, end := p.modTarget(inner, j+1)
		if e.kind != eUnit && e.kind != eSeason {
			return expr{}, i
		}
		return e, end
	case mFollowed:
		return expr{}, i
	}
	e, end := p.modTarget(mod, j)
	if end == j {
		return expr{}, i
	}
	return e, end
}

// modTarget recognises what follows a modifier at j.
func (p *parser) modTarget(mod, j int) (expr, int) {
	if j >= len(p.toks) || p.toks[j].kind != tWord {
		return expr{}, j
	}
	t := &p.toks[j]
	switch t.lx.kind {
	case lxWeekday:
		if t.lx.flags&flAbbrev != 0 || p.namedDay(j) {
			return expr{}, j
		}
		e := expr{kind: eWeekday, wd: t.lx.value(), mod: mod}
		return e, p.dayTail(&e, j+1)
	case lxMonth:
		if _, k, ok := p.monthName(j); ok && (t.lx.flags&flAbbrev == 0 || k > j+1) {
			return expr{kind: eMonth, m: t.lx.value(), mod: mod}, k
		}
	case lxSeason:
		return p.seasonLed(j, mod, true)
	case lxUnit:
		if t.lx.flags&flPlural != 0 {
			return expr{}, j
		}
		switch t.lx.value() {
		case uWeek, uWeekend, uMonth, uYear:
			return expr{kind: eUnit, unit: t.lx.value(), mod: mod}, j + 1
		}
	case lxPart:
		if t.cap && !t.upper {
			return expr{}, j // "CBS This Morning"
		}
		switch {
		case mod == mLast && (t.lower == "night" || t.lower == "evening"):
			return expr{kind: eRelDay, n: -1}, j + 1
		case mod == mThis:
			return expr{kind: eRelDay, n: 0}, j + 1
		}
	}
	return expr{}, j
}

// edgeLed recognises "early December", "mid-2022", "late last year", "late
// Friday": a period narrowed by early, mid or late, which keeps the
// precision of the period.
func (p *parser) edgeLed(i int) (expr, int) {
	if p.word(i-1) == "the" {
		return expr{}, i // "the late president"
	}
	j := i + 1
	if p.punct(j, "-") && p.glued(i) && p.glued(j) {
		j++
	}
	if j >= len(p.toks) {
		return expr{}, i
	}
	var e expr
	end := j
	t := &p.toks[j]
	switch {
	case t.kind == tNum:
		e, end = p.numberLed(j, true)
		if e.kind == eAgo || e.kind == eEventRel || e.kind == eVague {
			return expr{}, i
		}
	case t.lx.kind == lxMonth:
		e, end = p.monthLed(j, true)
	case t.lx.kind == lxSeason:
		e, end = p.seasonLed(j, mNone, true)
	case t.lx.kind == lxWeekday:
		e, end = p.weekdayLed(j)
	case t.lx.kind == lxMod:
		e, end = p.modLed(j)
	}
	if end == j {
		return expr{}, i
	}
	return e, end
}

// countLed recognises "two days ago", "a week from now", "a few days ago",
// "three days later" led by a number word.
func (p *parser) countLed(i int) (expr, int) {
	t := &p.toks[i]
	n, vague := t.lx.value(), t.lx.kind == lxVague
	j := i + 1
	if i > 0 && p.glued(i-1) && p.punct(i-1, "-") {
		return expr{}, i // the end of a compound number this recogniser did not start
	}
	if n >= 20 && n%10 == 0 && p.punct(j, "-") && p.glued(i) && p.glued(j) {
		// "seventy-four"
		if u := p.toks[min(j+1, len(p.toks)-1)]; u.kind == tWord && u.lx.kind == lxNumber && u.lx.value() < 10 {
			n, j = n+u.lx.value(), j+2
		}
	}
	if (t.lower == "a" || t.lower == "an") && j < len(p.toks) && p.toks[j].lx.kind == lxVague {
		vague = true
		j++
	}
	if p.word(j-1) == "couple" && p.word(j) == "of" {
		j++
	}
	e, end := p.countTail(j, n, vague)
	if end == j {
		return expr{}, i
	}
	return e, end
}

// countTail recognises the unit and direction after a count at j: "days
// ago", "weeks from now", "days later".
func (p *parser) countTail(j, n int, vague bool) (expr, int) {
	if j >= len(p.toks) || p.toks[j].kind != tWord || p.toks[j].lx.kind != lxUnit {
		return expr{}, j
	}
	unit := p.toks[j].lx.value()
	k := j + 1
	dir := 0
	switch p.word(k) {
	case "ago":
		dir, k = -1, k+1
	case "hence":
		dir, k = 1, k+1
	case "from":
		if p.word(k+1) != "now" {
			return expr{}, j
		}
		dir, k = 1, k+2
	case "later", "earlier", "before", "after", "prior":
		return expr{kind: eEventRel, n: n, unit: unit}, k + 1
	default:
		return expr{}, j
	}
	if vague {
		return expr{kind: eVague, unit: unit, dir: dir}, k
	}
	return expr{kind: eAgo, n: n, unit: unit, dir: dir}, k
}

// theLed recognises expressions led by "the": "the spring", "the 1980s",
// "the late 1990s", "the weekend", "the 9th of December", "the end of
// October", "the following day".
func (p *parser) theLed(i int) (expr, int) {
	j := i + 1
	if j >= len(p.toks) {
		return expr{}, i
	}
	t := &p.toks[j]
	var e expr
	end := j
	switch {
	case t.kind == tNum:
		e, end = p.numberLed(j, true)
		if e.kind != eDecade && e.kind != eMonthDay && e.kind != eDate {
			return expr{}, i
		}
	case t.kind == tPunct:
		e, end = p.shortDecade(j)
	case t.lx.kind == lxSeason:
		e, end = p.seasonLed(j, mNone, true)
	case t.lx.kind == lxEdge:
		k := j + 1
		if p.punct(k, "-") && p.glued(j) {
			k++
		}
		if k < len(p.toks) && p.toks[k].kind == tNum {
			e, end = p.numberLed(k, true)
		} else {
			e, end = p.shortDecade(k)
		}
		if e.kind != eDecade {
			return expr{}, i
		}
	case t.lx.kind == lxUnit && t.lx.value() == uWeekend && t.lx.flags&flPlural == 0:
		e, end = expr{kind: eUnit, unit: uWeekend}, j+1
	case t.lower == "day" && (p.word(j+1) == "before" || p.word(j+1) == "after"):
		return p.dayBeforeAfter(i)
	case t.lower == "end" || t.lower == "beginning" || t.lower == "start" || t.lower == "middle":
		return p.partOf(i)
	case t.lower == "following" || t.lower == "next" || t.lower == "previous":
		return p.eventRelative(i)
	}
	if end == j {
		return expr{}, i
	}
	return e, end
}

// dayBeforeAfter recognises "the day before yesterday", "the day after
// tomorrow".
func (p *parser) dayBeforeAfter(i int) (expr, int) {
	ba, w := p.word(i+2), p.word(i+3)
	switch {
	case ba == "before" && w == "yesterday":
		return expr{kind: eRelDay, n: -2}, i + 4
	case ba == "after" && w == "tomorrow":
		return expr{kind: eRelDay, n: 2}, i + 4
	}
	return expr{}, i // "the day before the vote": the event is in the text
}

// partOf recognises "the end of October", "the beginning of 2022", "the end
// of last year", "the end of the month".
func (p *parser) partOf(i int) (expr, int) {
	k := i + 2
	if p.word(k) != "of" {
		return expr{}, i
	}
	k++
	if k >= len(p.toks) {
		return expr{}, i
	}
	t := &p.toks[k]
	var e expr
	end := k
	switch {
	case t.kind == tNum:
		e, end = p.numberLed(k, true)
		if e.kind != eYear && e.kind != eDecade {
			return expr{}, i
		}
	case t.lx.kind == lxMonth:
		e, end = p.monthLed(k, true)
	case t.lx.kind == lxMod:
		e, end = p.modLed(k)
	case t.lower == "the":
		u := k + 1
		if u < len(p.toks) && p.toks[u].lx.kind == lxUnit && p.toks[u].lx.flags&flPlural == 0 {
			switch p.toks[u].lx.value() {
			case uWeek, uMonth, uYear:
				e, end = expr{kind: eUnit, unit: p.toks[u].lx.value(), mod: mThis}, u+1
			}
		}
	}
	if end == k {
		return expr{}, i
	}
	return e, end
}

// eventRelative recognises "the following day", "the next morning", "the
// previous week": periods placed relative to another event, which Find
// reports unresolved. After "within", "over" or "for" they are durations
// ("within the next year") and are not reported.
func (p *parser) eventRelative(i int) (expr, int) {
	switch p.word(i - 1) {
	case "within", "over", "for", "during", "in", "throughout", "into":
		return expr{}, i
	}
	k := i + 2
	if k >= len(p.toks) || p.toks[k].kind != tWord {
		return expr{}, i
	}
	t := &p.toks[k]
	switch {
	case t.lx.kind == lxPart, t.lx.kind == lxUnit && t.lx.flags&flPlural == 0 && t.lx.value() >= uDay && t.lx.value() <= uYear:
		return expr{kind: eEventRel}, k + 1
	}
	return expr{}, i
}

// clockAfter extends an expression ending before j with a time of day: ",
// 10:31 AM", "at 10 a.m.", "at 3 p.m. ET", "T10:31". It returns the index
// after the time, or j when there is none.
func (p *parser) clockAfter(e *expr, j int) int {
	k := j
	if p.punct(k, ",") {
		k++
	}
	switch w := p.word(k); {
	case w == "at":
		k++
	case w == "t" && p.glued(k-1) && p.glued(k):
		k++
	}
	h, m, end, ok := p.clock(k)
	if !ok {
		return j
	}
	e.clock, e.hour, e.min = true, h, m
	if off, ok := p.zoneAt(end); ok {
		e.zone, e.hasZone = off, true
		end++
	}
	return end
}

// clock recognises a time of day at k: "10:31", "10:31 AM", "10 a.m.",
// "3pm", "10:31:00", with an optional zone abbreviation.
func (p *parser) clock(k int) (h, m, end int, ok bool) {
	h, ok = p.num(k, 2)
	if !ok {
		return 0, 0, k, false
	}
	j := k + 1
	colon := false
	if p.punct(j, ":") && p.glued(k) && p.glued(j) {
		mm, ok := p.num(j+1, 2)
		if !ok || p.toks[j+1].digits() != 2 || mm > 59 {
			return 0, 0, k, false
		}
		m, colon, j = mm, true, j+2
		if p.punct(j, ":") && p.glued(j-1) && p.glued(j) {
			if ss, ok := p.num(j+1, 2); ok && ss < 60 {
				j += 2
			}
		}
	}
	pm, j2, isAMPM := p.ampm(j)
	switch {
	case isAMPM:
		if h < 1 || h > 12 {
			return 0, 0, k, false
		}
		h %= 12
		if pm {
			h += 12
		}
		j = j2
	case colon:
		if h > 23 {
			return 0, 0, k, false
		}
	default:
		return 0, 0, k, false
	}
	return h, m, j, true
}

// zoneAt returns the UTC offset of a zone abbreviation at j ("EST", "GMT",
// "Z"), or noZone for one whose offset is ambiguous ("ET").
func (p *parser) zoneAt(j int) (off int, ok bool) {
	if j >= len(p.toks) || p.toks[j].kind != tWord {
		return 0, false
	}
	t := &p.toks[j]
	if !t.upper && !(t.cap && t.end-t.start == 1) {
		return 0, false
	}
	off, ok = zones[t.lower]
	return off, ok
}

// ampm recognises "AM", "pm", "a.m.", "P.M." at j.
func (p *parser) ampm(j int) (pm bool, end int, ok bool) {
	w := p.word(j)
	switch w {
	case "am", "pm":
		return w == "pm", j + 1, true
	case "a", "p":
		if p.glued(j) && p.punct(j+1, ".") && p.glued(j+1) && p.word(j+2) == "m" {
			end = j + 3
			if p.punct(end, ".") && p.glued(j+2) {
				end++
			}
			return w == "p", end, true
		}
	}
	return false, j, false
}
