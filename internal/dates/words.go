package dates

// lexKind is the role a word can play in a date expression.
type lexKind uint8

const (
	lxNone    lexKind = iota
	lxMonth           // val = 1..12
	lxWeekday         // val = time.Weekday
	lxSeason          // val = 0 spring .. 3 winter
	lxUnit            // val = unit
	lxNumber          // val = the number ("two" = 2, "a" = 1)
	lxVague           // "few", "several": a count that cannot be resolved
	lxRelDay          // val = offset in days: yesterday -1, today 0, tomorrow +1, tonight 0
	lxMod             // val = modifier
	lxPart            // part of a day: morning, afternoon, evening, night
	lxEdge            // early, mid, late: narrows a period without changing its precision
)

// value returns the lexeme's value as an int.
func (l lexeme) value() int { return int(l.val) }

// Lexeme flags.
const (
	flAbbrev    uint8 = 1 << iota // abbreviated month or weekday name
	flAmbiguous                   // a month name that is also a common word or name (May, March)
	flPlural                      // a plural unit ("days")
)

// lexeme is the lexicon entry of a word.
type lexeme struct {
	kind  lexKind
	flags uint8
	val   int16
}

// Units of relative expressions.
const (
	uMinute = iota + 1
	uHour
	uDay
	uWeek
	uWeekend
	uMonth
	uYear
	uDecade
)

// Modifiers.
const (
	mNone     = iota
	mLast     // last, past, previous
	mNext     // next, coming
	mThis     // this
	mEarlier  // earlier (this month)
	mLater    // later (this month)
	mFollowed // following: relative to an event, not the publish date
)

var lexicon = buildLexicon()

// maxLexeme is the length in bytes of the longest word in the lexicon
// ("september", "yesterday").
const maxLexeme = 9

func buildLexicon() map[string]lexeme {
	m := map[string]lexeme{}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, name := range months {
		var fl uint8
		switch name {
		case "march", "april", "may", "june", "august":
			fl = flAmbiguous
		}
		m[name] = lexeme{lxMonth, fl, int16(i + 1)}
	}
	for name, v := range map[string]int16{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		m[name] = lexeme{lxMonth, flAbbrev | flAmbiguous, v}
	}
	days := []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}
	for i, name := range days {
		m[name] = lexeme{lxWeekday, 0, int16(i)}
	}
	for name, v := range map[string]int16{"sun": 0, "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4,
		"thur": 4, "thurs": 4, "fri": 5, "sat": 6} {
		m[name] = lexeme{lxWeekday, flAbbrev, v}
	}
	for name, v := range map[string]int16{"spring": 0, "summer": 1, "autumn": 2, "fall": 2, "winter": 3} {
		m[name] = lexeme{lxSeason, 0, v}
	}
	for name, v := range map[string]int16{"minute": uMinute, "hour": uHour, "day": uDay, "week": uWeek,
		"weekend": uWeekend, "month": uMonth, "year": uYear, "decade": uDecade} {
		m[name] = lexeme{lxUnit, 0, v}
		m[name+"s"] = lexeme{lxUnit, flPlural, v}
	}
	for i, name := range []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty"} {
		m[name] = lexeme{lxNumber, 0, int16(i)}
	}
	m["a"] = lexeme{lxNumber, 0, 1}
	m["an"] = lexeme{lxNumber, 0, 1}
	for i, name := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		m[name] = lexeme{lxNumber, 0, int16(30 + 10*i)}
	}
	for _, w := range []string{"few", "several", "many", "some", "couple"} {
		m[w] = lexeme{lxVague, 0, 0}
	}
	m["yesterday"] = lexeme{lxRelDay, 0, -1}
	m["today"] = lexeme{lxRelDay, 0, 0}
	m["tonight"] = lexeme{lxRelDay, 0, 0}
	m["tomorrow"] = lexeme{lxRelDay, 0, 1}
	for w, v := range map[string]int16{"last": mLast, "past": mLast, "previous": mLast, "next": mNext,
		"coming": mNext, "this": mThis, "earlier": mEarlier, "later": mLater, "following": mFollowed} {
		m[w] = lexeme{lxMod, 0, v}
	}
	for _, w := range []string{"morning", "afternoon", "evening", "night", "overnight"} {
		m[w] = lexeme{lxPart, 0, 0}
	}
	for _, w := range []string{"early", "mid", "late"} {
		m[w] = lexeme{lxEdge, 0, 0}
	}
	return m
}

// monthContext are words before a bare month name that show it is a month
// ("in May", "since March"), needed for names that are also common words.
var monthContext = map[string]bool{
	"in": true, "since": true, "during": true, "until": true, "till": true, "by": true, "from": true,
	"through": true, "throughout": true, "before": true, "after": true, "of": true, "early": true,
	"mid": true, "late": true, "last": true, "next": true, "this": true, "between": true,
	"around": true, "circa": true,
}

// yearContext are words before a bare four-digit number that show it is a
// year ("in 2014", "since 1979").
var yearContext = map[string]bool{
	"in": true, "since": true, "during": true, "until": true, "till": true, "by": true, "from": true,
	"through": true, "throughout": true, "before": true, "after": true, "of": true, "early": true,
	"mid": true, "late": true, "between": true, "around": true, "circa": true, "year": true,
}

// namedDayBefore are words that, placed before a weekday, make a name or a
// holiday rather than the weekday of a week: "Good Friday", "Black Friday",
// "Super Tuesday". These are not resolved against the publish date.
var namedDayBefore = map[string]bool{
	"good": true, "black": true, "bloody": true, "super": true, "ash": true, "cyber": true,
	"holy": true, "maundy": true, "palm": true, "easter": true, "giving": true, "boxing": true,
	"whit": true, "shrove": true, "small": true, "plough": true, "mothering": true, "low": true,
}

// namedDayAfter are capitalised words that, placed after a weekday, make the
// name of a newspaper or a programme: "Sunday Times", "Saturday Night Live".
var namedDayAfter = map[string]bool{
	"times": true, "telegraph": true, "mirror": true, "express": true, "post": true, "herald": true,
	"mail": true, "independent": true, "tribune": true, "star": true, "sport": true, "sun": true,
	"world": true, "review": true, "observer": true, "night": true, "morning": true, "people": true,
	"business": true, "agreement": true, "mosque": true, "magazine": true, "edition": true,
	"league": true, "school": true,
}
