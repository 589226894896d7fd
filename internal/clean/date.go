package clean

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file holds the small date-line recogniser clean needs. It reads a
// line that is only a date, never a date inside a sentence: a publish date
// stands on its own line (or after a label), while dates in prose and in
// photo captions are part of a sentence. (internal/dates.ParseDate may
// replace the format matching once it exists.)

var (
	// rxDateLabel matches the label a page puts before its publish date.
	rxDateLabel = regexp.MustCompile(`(?i)^(?:(?:first |originally )?published|posted|created|date created|date published|publication date|date|last updated|last modified|updated|modified)(?: on| at)?\s*[:\-–—|]?\s*`)
	// rxNextLabel finds a second label on the same line ("Posted: ... Updated: ...").
	rxNextLabel = regexp.MustCompile(`(?i)\s*[|•·,;]?\s+(?:last )?(?:updated|modified|edited)\b.*$`)

	rxWeekday = `(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?`
	rxMonth   = `(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`
	rxTime    = `(?:,?\s*(?:[-–|@]\s*)?(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:\(?[a-z]{2,5}\)?|[+-]\d{2}:?\d{2})?)?`

	rxDateMDY = regexp.MustCompile(`^` + rxWeekday + rxMonth + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + rxTime + `\.?$`)
	rxDateDMY = regexp.MustCompile(`^` + rxWeekday + `(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + rxMonth + `,?\s+(\d{4})` + rxTime + `\.?$`)
	rxDateNum = regexp.MustCompile(`^` + rxWeekday + `(\d{1,2})[/.](\d{1,2})[/.](\d{4})` + rxTime + `\.?$`)
	rxDateISO = regexp.MustCompile(`^` + rxWeekday + `(\d{4})-(\d{2})-(\d{2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?` + rxTime + `\.?$`)
)

var months = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

// parseDateLine reads s as a date line: an optional label ("Published:",
// "Date Created"), an optional weekday, a date in one of the formats
// "December 18, 2022", "Dec. 18, 2022", "18 December 2022", "12/20/2022",
// "2022-12-20", and an optional time. A second label ("Updated: ...") and
// what follows it are ignored. The result has date precision: midnight
// UTC of the date as printed. label is the label found, lower-cased.
func parseDateLine(s string) (t time.Time, label string, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 120 || !strings.ContainsAny(s, "0123456789") {
		return time.Time{}, "", false
	}
	if loc := rxDateLabel.FindStringIndex(s); loc != nil && loc[1] > 0 {
		label = strings.ToLower(strings.TrimRight(s[:loc[1]], " :-–—|"))
		s = s[loc[1]:]
	}
	if loc := rxNextLabel.FindStringIndex(s); loc != nil && loc[0] > 0 {
		s = s[:loc[0]]
	}
	t, ok = parseDate(strings.ToLower(strings.TrimSpace(s)))
	return t, label, ok
}

// parseDate parses a lower-cased string that is only a date.
func parseDate(s string) (time.Time, bool) {
	var y, d int
	var m time.Month
	if g := rxDateMDY.FindStringSubmatch(s); g != nil {
		m, d, y = months[g[1]], atoi(g[2]), atoi(g[3])
	} else if g := rxDateDMY.FindStringSubmatch(s); g != nil {
		d, m, y = atoi(g[1]), months[g[2]], atoi(g[3])
	} else if g := rxDateNum.FindStringSubmatch(s); g != nil {
		a, b := atoi(g[1]), atoi(g[2])
		if a > 12 { // 20/12/2022 can only be day first
			a, b = b, a
		}
		m, d, y = time.Month(a), b, atoi(g[3])
	} else if g := rxDateISO.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), time.Month(atoi(g[2])), atoi(g[3])
	} else {
		return time.Time{}, false
	}
	return validDate(y, m, d)
}

// validDate builds the date, rejecting days that do not exist and years
// outside the range news archives hold.
func validDate(y int, m time.Month, d int) (time.Time, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
