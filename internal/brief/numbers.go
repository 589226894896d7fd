package brief

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// quantity is a number a claim states about something countable: "$40
// billion", "three people", "a 23-year-old man", "12%".
type quantity struct {
	value float64
	unit  string   // "$", "%", "year-old", or the stem of the counted noun
	preds []string // what is said of it: the nearest content words ("killed six people" -> kill)
	text  string
}

// numberWords are cardinal words that state a count. "one" is left out:
// it is more often a pronoun ("one of", "no one") than a count.
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12,
}

var scaleWords = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "mn": 1e6,
}

var monthWords = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

// quantities returns the counts and amounts stated in the words ws of
// body. Years, days of the month, times and vague counts ("hundreds of")
// are not quantities.
func quantities(body string, ws []word) []quantity {
	var out []quantity
	for i := 0; i < len(ws); i++ {
		q, n, ok := quantityAt(body, ws, i)
		if ok {
			q.preds = predicatesNear(body, ws, i, i+n, q.unit)
			out = append(out, q)
			i += n - 1
		}
	}
	return out
}

// quantityAt parses a quantity that starts at ws[i] and returns it with
// the number of words it took.
func quantityAt(body string, ws []word, i int) (quantity, int, bool) {
	w := ws[i]
	var v float64
	unit := ""
	switch {
	case w.num:
		f, ok := parseNumber(w.w)
		if !ok || isDatePart(ws, i, f) || strings.ContainsAny(w.w, ":/") {
			return quantity{}, 0, false
		}
		v = f
		if p, _ := utf8.DecodeLastRuneInString(body[:w.start]); strings.ContainsRune("$€£", p) {
			unit = string(p)
		}
	case numberWords[w.w] > 0:
		v = numberWords[w.w]
	default:
		// "23-year-old", "8-year", "3-day"
		num, rest, ok := strings.Cut(w.w, "-")
		f, err := strconv.ParseFloat(num, 64)
		if !ok || err != nil || rest == "" || rest[0] < 'a' || rest[0] > 'z' {
			return quantity{}, 0, false
		}
		return quantity{value: f, unit: rest, text: w.raw}, 1, true
	}
	n := 1
	if i+n < len(ws) && scaleWords[ws[i+n].w] > 0 {
		v *= scaleWords[ws[i+n].w]
		n++
	}
	if unit == "" {
		if strings.HasPrefix(body[ws[i+n-1].end:], "%") {
			unit = "%"
		} else if i+n < len(ws) && (ws[i+n].w == "percent" || ws[i+n].w == "per") {
			unit = "%"
			n++
		}
	}
	if unit == "" {
		// the counted noun: the next content word, if it follows closely
		for k := i + n; k < len(ws) && k <= i+n+2; k++ {
			if ws[k].num || text.IsStop(ws[k].w) || ws[k].w == "of" {
				if ws[k].w == "of" {
					return quantity{}, 0, false // "two of the", "hundreds of"
				}
				continue
			}
			unit = synonymStem(ws[k].w)
			break
		}
	}
	if unit == "" {
		return quantity{}, 0, false
	}
	return quantity{value: v, unit: unit, text: body[w.start:ws[i+n-1].end]}, n, true
}

// predicatesNear returns the paraphrase classes of the content words
// nearest before a quantity at ws[from:to] (up to three words back) and
// nearest after it (up to four words on, past the counted noun), not
// crossing "and", "or", "but" or a comma: "killed six people", "three
// people were shot". Attribution verbs are skipped.
func predicatesNear(body string, ws []word, from, to int, unit string) []string {
	var out []string
	content := func(k int) (string, bool) {
		w := ws[k]
		if _, verb := lex.verbs[w.w]; verb || w.num || text.IsStop(w.w) || isFunctionWord(w.w) || numberWords[w.w] > 0 {
			return "", false
		}
		st := synonymStem(w.w)
		return st, st != unit
	}
	conj := func(k int) bool { w := ws[k].w; return w == "and" || w == "or" || w == "but" }
	punct := func(a, b int) bool { return strings.ContainsAny(body[ws[a].end:ws[b].start], ",;:") }
	for k := from - 1; k >= 0 && k >= from-3 && !punct(k, k+1) && !conj(k); k-- {
		if st, ok := content(k); ok {
			out = append(out, st)
			break
		}
	}
	for k := to; k < len(ws) && k < to+4 && !punct(k-1, k) && !conj(k); k++ {
		if st, ok := content(k); ok {
			out = append(out, st)
			break
		}
	}
	return out
}

// parseNumber parses "1,000", "3.5" or "40".
func parseNumber(s string) (float64, bool) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return f, err == nil && !math.IsInf(f, 0) && !math.IsNaN(f)
}

// isDatePart reports whether the number at ws[i] is a year or a day of a
// month rather than a count.
func isDatePart(ws []word, i int, v float64) bool {
	if v == math.Trunc(v) && v >= 1800 && v <= 2100 {
		return true
	}
	if i > 0 && monthWords[strings.TrimSuffix(ws[i-1].w, ".")] {
		return true
	}
	return i+1 < len(ws) && monthWords[ws[i+1].w]
}

// synonymStem returns the paraphrase class of a folded word's stem.
func synonymStem(w string) string {
	st := text.Stem(w)
	if h, ok := lex.synonyms[st]; ok {
		return h
	}
	return st
}

// sameNumber reports whether two values are equal up to rounding.
func sameNumber(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 0.005*math.Max(math.Abs(a), math.Abs(b))
}

// numberClash returns a quantity of a and one of b that count the same
// unit, said of the same thing ("killed"), with different values, when a
// and b share no value for that unit.
func numberClash(a, b []quantity) (quantity, quantity, bool) {
	for _, x := range a {
		var differ *quantity
		agree := false
		for k, y := range b {
			if x.unit != y.unit || !overlap(x.preds, y.preds) {
				continue
			}
			if sameNumber(x.value, y.value) {
				agree = true
				break
			}
			differ = &b[k]
		}
		if differ != nil && !agree && !hasValue(a, x, differ.value) {
			return x, *differ, true
		}
	}
	return quantity{}, quantity{}, false
}

func hasValue(qs []quantity, like quantity, v float64) bool {
	for _, q := range qs {
		if q.unit == like.unit && overlap(q.preds, like.preds) && sameNumber(q.value, v) {
			return true
		}
	}
	return false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
