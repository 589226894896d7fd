package dates

import (
	"fmt"
	"time"
)

// resolve turns the expression e covering tokens [i, j) into a Mention.
func (p *parser) resolve(e expr, i, j int, anchor time.Time) Mention {
	m := Mention{Start: int(p.toks[i].start), End: int(p.toks[j-1].end)}
	m.Text = p.s[m.Start:m.End]
	m.Relative = e.relative()
	r := resolver{p: p, e: e, i: i, j: j}
	if !anchor.IsZero() {
		r.a = midnight(anchor)
		r.hasAnchor = true
	}
	d, reason := r.resolve()
	if e.dayRange {
		reason += "; the first day of a range"
	}
	m.Reason = reason
	if d.Precision != None {
		if e.clock && d.Precision == Day {
			d.Start = d.Start.Add(time.Duration(e.hour)*time.Hour + time.Duration(e.min)*time.Minute)
			d.Clock = true
		}
		m.Date, m.Resolved = d, true
	}
	return m
}

// relative reports whether e needs the publish date to be placed.
func (e expr) relative() bool {
	switch e.kind {
	case eDate, eMonthYear, eYear:
		return false
	case eDecade:
		return e.short
	case eSeason:
		return e.y == 0
	}
	return true
}

// resolver resolves one expression.
type resolver struct {
	p         *parser
	e         expr
	i, j      int       // token span of the mention
	a         time.Time // the anchor's calendar day, midnight UTC
	hasAnchor bool
}

// tense returns the tense cue of the mention's clause; "since" before the
// mention counts as past.
func (r *resolver) tense() cue {
	if r.e.since {
		return cue{tensePast, "since", false}
	}
	weekish := r.e.kind == eWeekday || r.e.kind == eUnit
	return r.p.tenseAround(r.i, r.j, !weekish)
}

// pub renders the anchor for reasons.
func (r *resolver) pub() string { return r.a.Format(time.DateOnly) }

func (r *resolver) resolve() (Date, string) {
	e := r.e
	switch e.kind {
	case eDate:
		return r.explicitDay()
	case eMonthYear:
		return monthDate(e.y, time.Month(e.m)), "explicit month and year"
	case eYear:
		return yearDate(e.y), "explicit year"
	case eDecade:
		if !e.short {
			return decadeDate(e.y), "explicit decade"
		}
	case eEventRel:
		return Date{}, "relative to another event, not to the publish date"
	case eVague:
		return Date{}, "vague count, cannot be placed"
	}
	if !r.hasAnchor {
		return Date{}, "no publish date to resolve against"
	}
	switch e.kind {
	case eDecade:
		return r.shortDecade()
	case eMonthDay:
		return r.monthDay()
	case eMonth:
		return r.month()
	case eWeekday:
		return r.weekday()
	case eRelDay:
		d := r.a.AddDate(0, 0, e.n)
		return dayDate(d), fmt.Sprintf("%+d day(s) from publish date %s", e.n, r.pub())
	case eUnit:
		return r.unit()
	case eAgo:
		return r.ago()
	case eSeason:
		return r.season()
	}
	return Date{}, "unrecognised expression"
}

// explicitDay resolves a full date, checking a weekday given beside it.
func (r *resolver) explicitDay() (Date, string) {
	e := r.e
	t := time.Date(e.y, time.Month(e.m), e.d, 0, 0, 0, 0, time.UTC)
	reason := "explicit date"
	if e.hasWD {
		if got := t.Weekday(); int(got) == e.wd {
			reason += "; weekday agrees"
		} else {
			reason += fmt.Sprintf("; the text says %s but it is a %s", time.Weekday(e.wd), got)
		}
	}
	return dayDate(t), reason
}

// shortDecade resolves "'80s" to the latest such decade that ended before
// the publish year.
func (r *resolver) shortDecade() (Date, string) {
	ay := r.a.Year()
	century := ay / 100 * 100
	y := century + r.e.y
	if y+10 > ay {
		y -= 100
	}
	return decadeDate(y), fmt.Sprintf("two-digit decade: the latest that ended before publish year %d", ay)
}

// monthDay resolves a month and day without a year: the nearest past
// occurrence in a past clause, the nearest future one in a future clause,
// and the nearest one either way when the clause shows no tense.
func (r *resolver) monthDay() (Date, string) {
	e := r.e
	c := r.tense()
	var cands []Date
	for y := r.a.Year() - 1; y <= r.a.Year()+1; y++ {
		if validDate(y, e.m, e.d) {
			cands = append(cands, dayDate(time.Date(y, time.Month(e.m), e.d, 0, 0, 0, 0, time.UTC)))
		}
	}
	how := nearestCue(c)
	if e.hasWD {
		// "Sunday, July 5": the weekday tells the year.
		var match []Date
		for _, d := range cands {
			if int(d.Start.Weekday()) == e.wd {
				match = append(match, d)
			}
		}
		switch len(match) {
		case 0:
			how += fmt.Sprintf("; no nearby year has it on a %s", time.Weekday(e.wd))
		case 1:
			d := match[0]
			return d, fmt.Sprintf("no year; the %s nearest publish date %s that falls on a %s", d.Start.Format("Jan 2"), r.pub(), time.Weekday(e.wd))
		default:
			cands = match
		}
	}
	d, ok := r.pick(cands, c)
	if !ok {
		return Date{}, fmt.Sprintf("%s %d does not exist near publish date %s", time.Month(e.m), e.d, r.pub())
	}
	return d, fmt.Sprintf("no year; %s publish date %s (%s)", r.relation(d), r.pub(), how)
}

// month resolves a month name without a year.
func (r *resolver) month() (Date, string) {
	e := r.e
	ay, am, _ := r.a.Date()
	m := time.Month(e.m)
	pubm := r.a.Format("2006-01")
	switch e.mod {
	case mLast:
		y := ay
		if m >= am {
			y--
		}
		return monthDate(y, m), fmt.Sprintf("last %s: the one before publish month %s", m, pubm)
	case mNext:
		y := ay
		if m <= am {
			y++
		}
		return monthDate(y, m), fmt.Sprintf("next %s: the one after publish month %s", m, pubm)
	case mThis:
		return monthDate(ay, m), fmt.Sprintf("this %s: in publish year %d", m, ay)
	}
	if m == am {
		return monthDate(ay, m), fmt.Sprintf("publish month %s", pubm)
	}
	c := r.tense()
	d, _ := r.pick([]Date{monthDate(ay-1, m), monthDate(ay, m), monthDate(ay+1, m)}, c)
	return d, fmt.Sprintf("%s publish month %s (%s)", r.relation(d), pubm, nearestCue(c))
}

// pick chooses among candidate periods, in time order: in a past clause
// the latest that starts on or before the anchor, in a future clause the
// earliest that ends after it, and otherwise the one nearest to it (the
// earlier on a tie).
func (r *resolver) pick(cands []Date, c cue) (Date, bool) {
	var best Date
	bestDist := time.Duration(-1)
	for _, d := range cands {
		switch c.tense {
		case tensePast:
			if !d.Start.After(r.a) {
				best, bestDist = d, 0
			}
			continue
		case tenseFuture:
			if d.End().After(r.a) && bestDist < 0 {
				best, bestDist = d, 0
			}
			continue
		}
		dist := time.Duration(0)
		switch {
		case d.Start.After(r.a):
			dist = d.Start.Sub(r.a)
		case !d.End().After(r.a):
			dist = r.a.Sub(d.End()) + 24*time.Hour // the anchor's day is after the period's last day
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, bestDist >= 0
}

// relation says where d lies relative to the anchor.
func (r *resolver) relation(d Date) string {
	switch {
	case d.Start.After(r.a):
		return "after"
	case d.End().After(r.a):
		return "on or around"
	}
	return "before"
}

// nearestCue describes the cue of a period placed by pick.
func nearestCue(c cue) string {
	if c.tense == tenseNone {
		return "no tense cue: the nearest one"
	}
	return c.String()
}

// weekday resolves a weekday: bare, last, next or this.
func (r *resolver) weekday() (Date, string) {
	e := r.e
	wd := time.Weekday(e.wd)
	back := (int(r.a.Weekday()) - e.wd + 7) % 7 // days back to the latest such weekday
	fwd := (7 - back) % 7                       // days forward to the next one
	pub := r.pub()
	switch e.mod {
	case mLast:
		if back == 0 {
			back = 7
		}
		return dayDate(r.a.AddDate(0, 0, -back)), fmt.Sprintf("last %s: the one before publish date %s", wd, pub)
	case mNext:
		if fwd == 0 {
			fwd = 7
		}
		return dayDate(r.a.AddDate(0, 0, fwd)), fmt.Sprintf("next %s: the one after publish date %s", wd, pub)
	}
	if back == 0 {
		return dayDate(r.a), fmt.Sprintf("same weekday as publish date %s", pub)
	}
	c := r.tense()
	if c.tense == tenseFuture || e.mod == mThis && c.tense == tenseNone {
		return dayDate(r.a.AddDate(0, 0, fwd)), fmt.Sprintf("weekday after publish date %s (%s)", pub, thisCue(e.mod, c))
	}
	return dayDate(r.a.AddDate(0, 0, -back)), fmt.Sprintf("weekday before publish date %s (%s)", pub, c)
}

// thisCue describes the cue of a "this" expression without a tense.
func thisCue(mod int, c cue) string {
	if mod == mThis && c.tense == tenseNone {
		return `"this": the coming one`
	}
	return c.String()
}

// unit resolves last/this/next week, weekend, month and year.
func (r *resolver) unit() (Date, string) {
	e := r.e
	off := 0
	switch e.mod {
	case mLast:
		off = -1
	case mNext:
		off = 1
	}
	pub := r.pub()
	switch e.unit {
	case uWeek:
		return weekDate(r.a.AddDate(0, 0, 7*off)), fmt.Sprintf("%+d week(s) from publish date %s", off, pub)
	case uWeekend:
		return r.weekend(off)
	case uMonth:
		y, m := addMonths(r.a.Year(), r.a.Month(), off)
		return monthDate(y, m), fmt.Sprintf("%+d month(s) from publish date %s", off, pub)
	case uYear:
		return yearDate(r.a.Year() + off), fmt.Sprintf("%+d year(s) from publish date %s", off, pub)
	}
	return Date{}, "unrecognised unit"
}

// weekend resolves a weekend to the ISO week that holds it. "The weekend"
// without a modifier is the latest one (the coming one in a future clause).
func (r *resolver) weekend(off int) (Date, string) {
	pub := r.pub()
	wd := r.a.Weekday()
	inWeekend := wd == time.Saturday || wd == time.Sunday
	if r.e.mod != mNone && r.e.mod != mThis {
		return weekDate(r.a.AddDate(0, 0, 7*off)), fmt.Sprintf("week holding the weekend, %+d week(s) from publish date %s", off, pub)
	}
	c := r.tense()
	if r.e.mod == mThis && c.tense != tensePast {
		// "this weekend": the one of the publish week, in the future or not.
		return weekDate(r.a), fmt.Sprintf("this weekend: the weekend of the week of publish date %s", pub)
	}
	// "The weekend", or "this weekend" told in the past ("Obama told
	// voters this weekend", published on Monday): the latest one.
	switch {
	case c.tense == tenseFuture && wd == time.Sunday:
		return weekDate(r.a.AddDate(0, 0, 7)), fmt.Sprintf("the coming weekend after publish date %s (%s)", pub, c)
	case c.tense == tenseFuture, inWeekend:
		return weekDate(r.a), fmt.Sprintf("the weekend of publish date %s (%s)", pub, c)
	}
	return weekDate(r.a.AddDate(0, 0, -7)), fmt.Sprintf("the weekend before publish date %s (%s)", pub, c)
}

// ago resolves "N units ago" and "N units from now" with the precision of
// the unit.
func (r *resolver) ago() (Date, string) {
	e := r.e
	n := e.n * e.dir
	reason := fmt.Sprintf("%+d %s from publish date %s", n, unitNames[e.unit], r.pub())
	switch e.unit {
	case uMinute, uHour:
		return dayDate(r.a), reason + "; hours fall on the publish day"
	case uDay:
		return dayDate(r.a.AddDate(0, 0, n)), reason
	case uWeek, uWeekend:
		return weekDate(r.a.AddDate(0, 0, 7*n)), reason
	case uMonth:
		y, m := addMonths(r.a.Year(), r.a.Month(), n)
		return monthDate(y, m), reason
	case uYear:
		return yearDate(r.a.Year() + n), reason
	case uDecade:
		return yearDate(r.a.Year() + 10*n), reason + "; placed at year precision"
	}
	return Date{}, "unrecognised unit"
}

var unitNames = [...]string{"", "minute(s)", "hour(s)", "day(s)", "week(s)", "weekend(s)", "month(s)", "year(s)", "decade(s)"}

// season resolves a season name: with a year, or relative to the publish
// date's season.
func (r *resolver) season() (Date, string) {
	e := r.e
	name := seasonNames[e.season]
	if e.y != 0 {
		return seasonDate(e.y, e.season), "explicit season and year"
	}
	ay, am, _ := r.a.Date()
	cs := seasonOf(am)
	cy := ay
	if cs == 3 && am <= time.February {
		cy--
	}
	cur := cy*4 + cs // ordinal of the publish date's season
	s := e.season
	pub := r.pub()
	var k int
	var reason string
	switch e.mod {
	case mLast:
		k = cur - 1 - mod4(cur-1-s)
		reason = fmt.Sprintf("last %s: the one before the season of publish date %s", name, pub)
	case mNext:
		k = cur + 1 + mod4(s-cur-1)
		reason = fmt.Sprintf("next %s: the one after the season of publish date %s", name, pub)
	default:
		c := r.tense()
		switch {
		case s == cs:
			k = cur
			reason = fmt.Sprintf("season of publish date %s", pub)
		case c.tense == tenseFuture || e.mod == mThis && c.tense == tenseNone && s == 3:
			k = cur + mod4(s-cur)
			reason = fmt.Sprintf("the coming %s after publish date %s (%s)", name, pub, thisCue(e.mod, c))
		case e.mod == mThis && c.tense == tenseNone:
			k = ay*4 + s
			reason = fmt.Sprintf("this %s: in publish year %d", name, ay)
		default:
			k = cur - mod4(cur-s) // the latest that started on or before the anchor
			prev, next := seasonDate(floorDiv(k, 4), s), seasonDate(floorDiv(k+4, 4), s)
			d, _ := r.pick([]Date{prev, next}, c)
			return d, fmt.Sprintf("%s %s publish date %s (%s)", name, r.relation(d), pub, nearestCue(c))
		}
	}
	return seasonDate(floorDiv(k, 4), mod4(k)), reason
}

func mod4(x int) int { return ((x % 4) + 4) % 4 }

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// addMonths returns the month n months after y-m.
func addMonths(y int, m time.Month, n int) (int, time.Month) {
	k := y*12 + int(m) - 1 + n
	return floorDiv(k, 12), time.Month(k - floorDiv(k, 12)*12 + 1)
}

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// zones are time-zone abbreviations accepted after a time, with their UTC
// offsets in seconds; ambiguous ones (ET, PT: standard or daylight time not
// said) map to noZone.
var zones = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600, "bst": 3600,
	"cet": 3600, "cest": 2 * 3600, "eet": 2 * 3600, "eest": 3 * 3600, "msk": 3 * 3600,
	"et": noZone, "ct": noZone, "mt": noZone, "pt": noZone,
}

// noZone marks an accepted zone abbreviation whose offset is not known.
const noZone = -1 << 30
