package rouge

import (
	"regexp"
	"strings"
)

// The measure tests of the Porter (1980) stemmer, written as in the Perl
// implementation that ROUGE-1.5.5 embeds. A consonant is [^aeiou] (so an
// uppercase Y, the stemmer's mark for an initial y, is one), a vowel is
// [aeiouy]. These are read-only after initialisation.
const (
	porterC = `[^aeiou][^aeiouy]*` // consonant sequence
	porterV = `[aeiouy][aeiou]*`   // vowel sequence
)

var (
	mgr0 = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC)                         // m > 0
	meq1 = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC + `(` + porterV + `)?$`) // m = 1
	mgr1 = regexp.MustCompile(`^(` + porterC + `)?` + porterV + porterC + porterV + porterC)     // m > 1
	hasV = regexp.MustCompile(`^(` + porterC + `)?[aeiouy]`)                                     // vowel in stem
	cvc  = regexp.MustCompile(`^` + porterC + `[aeiouy][^aeiouwxy]$`)                            // *o
)

// rule is one suffix replacement of steps 2 and 3.
type rule struct{ suffix, repl string }

// step2 and step3 are tried by longest matching suffix: the Perl
// alternation is anchored at the end of the word, so its leftmost match is
// the longest suffix.
var step2 = []rule{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
	{"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
	{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
	{"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
	{"logi", "log"},
}

var step3 = []rule{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

// step4 holds the suffixes of the first step-4 rule; ROUGE-1.5.5 moved
// "ment" and "ent" into rules of their own so that -ement is tried first.
var step4 = []rule{
	{"al", ""}, {"ance", ""}, {"ence", ""}, {"er", ""}, {"ic", ""}, {"able", ""}, {"ible", ""}, {"ant", ""},
	{"ement", ""}, {"ou", ""}, {"ism", ""}, {"ate", ""}, {"iti", ""}, {"ous", ""}, {"ive", ""}, {"ize", ""},
}

// longestRule returns the rule with the longest suffix that ends w.
func longestRule(w string, rules []rule) (rule, bool) {
	var best rule
	ok := false
	for _, r := range rules {
		if len(r.suffix) > len(best.suffix) && strings.HasSuffix(w, r.suffix) {
			best, ok = r, true
		}
	}
	return best, ok
}

// replaceIf applies the longest matching rule when the remaining stem
// matches the measure test.
func replaceIf(w string, rules []rule, measure *regexp.Regexp) string {
	r, ok := longestRule(w, rules)
	if !ok {
		return w
	}
	if stem := w[:len(w)-len(r.suffix)]; measure.MatchString(stem) {
		return stem + r.repl
	}
	return w
}

// Porter reduces a lowercase word with the original Porter algorithm exactly
// as ROUGE-1.5.5's Perl stemmer does (including its change to step 4).
// It is not Snowball's Porter2. Words shorter than three bytes are
// returned unchanged.
func Porter(w string) string {
	if len(w) < 3 {
		return w
	}
	initialY := w[0] == 'y'
	if initialY {
		w = "Y" + w[1:]
	}
	w = porterStep1(w)
	w = replaceIf(w, step2, mgr0)
	w = replaceIf(w, step3, mgr0)
	w = porterStep4(w)
	w = porterStep5(w)
	if initialY {
		w = "y" + w[1:]
	}
	return w
}

func porterStep1(w string) string {
	// Step 1a.
	switch {
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ies"):
		w = w[:len(w)-2]
	case len(w) >= 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's':
		w = w[:len(w)-1]
	}
	// Step 1b.
	if strings.HasSuffix(w, "eed") {
		if mgr0.MatchString(w[:len(w)-3]) {
			w = w[:len(w)-1]
		}
	} else if stem, ok := cutSuffixes(w, "ed", "ing"); ok {
		if hasV.MatchString(stem) {
			w = stem
			n := len(w)
			switch {
			case strings.HasSuffix(w, "at"), strings.HasSuffix(w, "bl"), strings.HasSuffix(w, "iz"):
				w += "e"
			case n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouylsz", rune(w[n-1])):
				w = w[:n-1]
			case cvc.MatchString(w):
				w += "e"
			}
		}
	}
	// Step 1c.
	if strings.HasSuffix(w, "y") {
		stem := w[:len(w)-1]
		if hasV.MatchString(stem) {
			w = stem + "i"
		}
	}
	return w
}

// cutSuffixes removes the first of the suffixes that ends w.
func cutSuffixes(w string, suffixes ...string) (string, bool) {
	for _, s := range suffixes {
		if stem, ok := strings.CutSuffix(w, s); ok {
			return stem, true
		}
	}
	return w, false
}

func porterStep4(w string) string {
	w = replaceIf(w, step4, mgr1)
	if stem, ok := strings.CutSuffix(w, "ment"); ok && mgr1.MatchString(stem) {
		w = stem
	}
	if stem, ok := strings.CutSuffix(w, "ent"); ok {
		if mgr1.MatchString(stem) {
			w = stem
		}
	} else if strings.HasSuffix(w, "sion") || strings.HasSuffix(w, "tion") {
		if stem := w[:len(w)-3]; mgr1.MatchString(stem) { // keep the s or t
			w = stem
		}
	}
	return w
}

func porterStep5(w string) string {
	if stem, ok := strings.CutSuffix(w, "e"); ok {
		if mgr1.MatchString(stem) || meq1.MatchString(stem) && !cvc.MatchString(stem) {
			w = stem
		}
	}
	if strings.HasSuffix(w, "ll") && mgr1.MatchString(w) {
		w = w[:len(w)-1]
	}
	return w
}
