package dates

import (
	"fmt"
	"time"
)

// Precision is the granularity of a resolved Date. The zero value, None,
// marks a mention that could not be resolved.
type Precision int

// Precisions, from unresolved to coarsest.
const (
	None Precision = iota
	Day
	Week
	Month
	Season
	Year
	Decade
)

var precisionNames = [...]string{"none", "day", "week", "month", "season", "year", "decade"}

// String returns the lower-case name of p ("day", "month", ...).
func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return fmt.Sprintf("Precision(%d)", int(p))
	}
	return precisionNames[p]
}

// MarshalText renders p as its name, so that JSON output is readable.
func (p Precision) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Date is a resolved calendar period: the first instant of the period and
// its precision. Start is midnight UTC of the period's first day unless
// Clock is set, in which case Start also carries the hour and minute that the
// text gave (as written; the text's time zone is not known).
//
// Seasons are northern-hemisphere meteorological seasons: spring is
// March–May, summer June–August, autumn September–November and winter
// December to February; a winter belongs to the year of its December
// ("2022-winter" is 2022-12-01 to 2023-02-28). Weeks are ISO weeks, starting
// on Monday.
type Date struct {
	Start     time.Time
	Precision Precision
	Clock     bool // Start carries a time of day given by the text
}

// seasonNames is indexed by season number (0 spring .. 3 winter).
var seasonNames = [...]string{"spring", "summer", "autumn", "winter"}

// seasonStartMonth is the first month of each season.
var seasonStartMonth = [...]time.Month{time.March, time.June, time.September, time.December}

// String renders d as the timeline prints it:
//
//	day     2022-12-16
//	week    2022-W49       (ISO week)
//	month   2022-11
//	season  2022-spring    (spring, summer, autumn, winter; winter starts in December of the year)
//	year    2022
//	decade  1980s
//
// An unresolved Date renders as "".
func (d Date) String() string {
	t := d.Start
	switch d.Precision {
	case Day:
		return t.Format(time.DateOnly)
	case Week:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return t.Format("2006-01")
	case Season:
		return fmt.Sprintf("%04d-%s", t.Year(), seasonNames[seasonOf(t.Month())])
	case Year:
		return fmt.Sprintf("%04d", t.Year())
	case Decade:
		return fmt.Sprintf("%ds", t.Year()/10*10)
	}
	return ""
}

// MarshalText renders d with String.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// IsZero reports whether d is unresolved.
func (d Date) IsZero() bool { return d.Precision == None }

// End returns the first instant after the period d covers; it is Start for
// an unresolved Date.
func (d Date) End() time.Time {
	s := d.Start
	day := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, s.Location())
	switch d.Precision {
	case Day:
		return day.AddDate(0, 0, 1)
	case Week:
		return day.AddDate(0, 0, 7)
	case Month:
		return day.AddDate(0, 1, 0)
	case Season:
		return day.AddDate(0, 3, 0)
	case Year:
		return day.AddDate(1, 0, 0)
	case Decade:
		return day.AddDate(10, 0, 0)
	}
	return s
}

// Contains reports whether t falls within the period d covers.
func (d Date) Contains(t time.Time) bool {
	if d.Precision == None {
		return false
	}
	start := d.Start
	if d.Clock {
		start = midnight(start)
	}
	return !t.Before(start) && t.Before(d.End())
}

// seasonOf returns the season number (0 spring .. 3 winter) of month m.
func seasonOf(m time.Month) int {
	switch m {
	case time.March, time.April, time.May:
		return 0
	case time.June, time.July, time.August:
		return 1
	case time.September, time.October, time.November:
		return 2
	}
	return 3
}

// Constructors of resolved dates; all are in UTC.

func dayDate(t time.Time) Date { return Date{Start: midnight(t), Precision: Day} }

func weekDate(t time.Time) Date {
	t = midnight(t)
	off := (int(t.Weekday()) + 6) % 7 // days since Monday
	return Date{Start: t.AddDate(0, 0, -off), Precision: Week}
}

func monthDate(y int, m time.Month) Date {
	return Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: Month}
}

func yearDate(y int) Date {
	return Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}
}

func decadeDate(y int) Date {
	return Date{Start: time.Date(y/10*10, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Decade}
}

// seasonDate returns season s (0 spring .. 3 winter) of year y.
func seasonDate(y, s int) Date {
	return Date{Start: time.Date(y, seasonStartMonth[s], 1, 0, 0, 0, 0, time.UTC), Precision: Season}
}

// midnight returns the start of t's calendar day, in UTC, keeping t's wall
// date.
func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
