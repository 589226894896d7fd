package clean

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	rxByline = regexp.MustCompile(`^(?i:by|written by|story by|words by|posted by|reported by|author)\s*:?\s+(\S.*)$`)
	// rxBylineTail cuts what follows the names on a byline line: a
	// separator and then a date, an update stamp or a role.
	rxBylineTail = regexp.MustCompile(`\s+(?:[|•·]|[-–—]|(?i:on|updated|published|posted|last updated):?)\s+`)
	// rxWireSplit separates a person from the agency they write for.
	rxWireSplit = regexp.MustCompile(`\s*(?:,|\||/|[-–—]|\bfor\b|\(|\))\s*`)
)

// nameParticles may start with a lower-case letter inside a name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "del": true, "della": true, "der": true, "di": true, "du": true, "van": true,
	"von": true, "la": true, "le": true, "al": true, "el": true, "bin": true, "ibn": true, "dos": true,
	"and": true, "&": true, "dpa": true, "y": true, "ter": true, "ten": true,
}

// parseByline reads a byline line ("By Jane Roe", "by Dave DeCamp", "By
// AFP", "By Jane Roe | December 18, 2022"). It returns the credited names
// and the rest of the line after them (a date, say), or ok false when the
// line is not a byline: "By the time he arrived..." is a sentence.
func parseByline(s string) (names, rest string, ok bool) {
	m := rxByline.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	names = m[1]
	if loc := rxBylineTail.FindStringIndex(names); loc != nil {
		names, rest = names[:loc[0]], strings.TrimSpace(names[loc[1]:])
	}
	names = strings.TrimRight(strings.TrimSpace(names), ".,;:")
	if !isNameList(names) {
		return "", "", false
	}
	return names, rest, true
}

// isNameList reports whether s reads as one or more names: every word
// capitalised (or a particle such as "de" or "and"), no digits, no
// sentence punctuation, at most twelve words.
func isNameList(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '|' || r == '/' })
	if len(words) == 0 || len(words) > 12 || utf8.RuneCountInString(s) > 100 {
		return false
	}
	if strings.ContainsAny(s, "!?;:\"“”") {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, "()")
		if w == "" || nameParticles[strings.ToLower(w)] && !(len(words) == 1) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && w != "dpa" {
			return false
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
	}
	return true
}

// splitWire separates a byline into the people credited and the wire
// service, if any: "Jane Roe, Associated Press" gives "Jane Roe" and "AP";
// "AFP" gives "AFP" and "AFP" (a wire byline stays a byline).
func splitWire(byline string) (people, wire string) {
	if w := wireOnly(byline); w != "" {
		return byline, w
	}
	var keep []string
	for _, part := range rxWireSplit.Split(byline, -1) {
		if part == "" {
			continue
		}
		if w := wireOnly(part); w != "" {
			if wire == "" {
				wire = w
			}
			continue
		}
		keep = append(keep, part)
	}
	if wire == "" {
		return byline, ""
	}
	return strings.Join(keep, ", "), wire
}
