package web

import (
	"strconv"
	"strings"
	"time"
)

// parsePeriod reads a timeline date as the brief writes it (see
// dates.Date.String) and returns the period it covers, [start, end):
//
//	2022-12-16  day       2022-W49  ISO week   2022-11  month
//	2022-spring season    2022      year       1980s    decade
//
// Seasons are meteorological, northern hemisphere; a winter starts in
// December of its year.
func parsePeriod(s string) (start, end time.Time, ok bool) {
	if t, err := time.Parse(time.DateOnly, s); err == nil && len(s) == 10 {
		return t, t.AddDate(0, 0, 1), true
	}
	if y, rest, found := strings.Cut(s, "-"); found && len(y) == 4 {
		year, err := strconv.Atoi(y)
		if err != nil || year < 1 {
			return start, end, false
		}
		switch {
		case len(rest) == 3 && rest[0] == 'W':
			w, err := strconv.Atoi(rest[1:])
			if err != nil || w < 1 || w > 53 || !digits(rest[1:]) {
				return start, end, false
			}
			jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+(w-1)*7)
			if _, wk := monday.ISOWeek(); wk != w {
				return start, end, false
			}
			return monday, monday.AddDate(0, 0, 7), true
		case len(rest) == 2 && digits(rest):
			m, _ := strconv.Atoi(rest)
			if m < 1 || m > 12 {
				return start, end, false
			}
			t := time.Date(year, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 1, 0), true
		}
		if first, ok := seasonStart[rest]; ok {
			t := time.Date(year, first, 1, 0, 0, 0, 0, time.UTC)
			return t, t.AddDate(0, 3, 0), true
		}
		return start, end, false
	}
	if len(s) == 4 && digits(s) {
		year, _ := strconv.Atoi(s)
		if year < 1 {
			return start, end, false
		}
		t := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(1, 0, 0), true
	}
	if d, found := strings.CutSuffix(s, "s"); found && len(d) == 4 && digits(d) && d[3] == '0' {
		year, _ := strconv.Atoi(d)
		if year < 1 {
			return start, end, false
		}
		t := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
		return t, t.AddDate(10, 0, 0), true
	}
	return start, end, false
}

var seasonStart = map[string]time.Month{
	"spring": time.March, "summer": time.June, "autumn": time.September, "winter": time.December,
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
