package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// capRuns returns the runs [start, end) of capitalised words, allowing
// name particles written in lower case before a capital ("al-Assad").
func capRuns(ws []word) [][2]int {
	var out [][2]int
	start := -1
	for i := 0; i <= len(ws); i++ {
		in := i < len(ws) && (ws[i].cap && !ws[i].num || isParticle(ws[i].raw))
		if in && start < 0 {
			start = i
		}
		if !in && start >= 0 {
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	return out
}

func isParticle(raw string) bool {
	p, rest, ok := strings.Cut(raw, "-")
	if !ok || len(p) > 3 || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// nameIn finds a personal name at the end of a capitalised run: the last
// word (the surname) and the one before it, or two before it when the
// middle one is an initial. Role words, countries, acronyms and stopwords
// are not names. It returns the index where the name starts and the
// surname's index; a name of one word starts at the surname.
func nameIn(ws []word, r [2]int) (start, sur int, ok bool) {
	sur = r[1] - 1
	if !nameWord(ws[sur]) {
		return 0, 0, false
	}
	start = sur
	k := sur - 1
	if k >= r[0] && isInitial(ws[k].raw) && k-1 >= r[0] {
		k--
	}
	if k >= r[0] && nameWord(ws[k]) {
		start = k
	}
	return start, sur, true
}

func nameWord(w word) bool {
	if lex.titles[w.w] || lex.orgWords[w.w] || text.IsStop(w.w) || isAcronym(w.raw) {
		return false
	}
	if _, ok := lex.placeOf[w.w]; ok {
		return false
	}
	_, verb := lex.verbs[w.w]
	return !verb && utf8.RuneCountInString(w.w) > 1
}

func isInitial(raw string) bool {
	return len(raw) == 2 && raw[1] == '.' && unicode.IsUpper(rune(raw[0]))
}

// isAcronym reports whether a word is written in capitals (CIA, PBS's,
// U.S.).
func isAcronym(raw string) bool {
	raw, _, _ = strings.Cut(strings.ReplaceAll(raw, "’", "'"), "'")
	letters := 0
	for _, r := range raw {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 || strings.Contains(raw, ".")
}

func followedByVerb(ws []word, i int) bool {
	if i+1 >= len(ws) {
		return false
	}
	_, ok := lex.verbs[ws[i+1].w]
	return ok
}

func joinRaw(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = strings.TrimSuffix(strings.TrimSuffix(w.raw, "'s"), "’s")
	}
	return strings.Join(parts, " ")
}

// labelBefore returns the description written right before a name at
// ws[ns]: "CIA chief" in "CIA chief William Burns", "The director of the
// U.S. Central Intelligence Agency (CIA)" in "The director ... (CIA),
// Willian Burns". It reads back over capitalised and content words,
// through "of", "for", "to" and "the", past one comma right before the
// name (an appositive), and stops at other punctuation, verbs, numbers and
// function words. A label must hold a role word (lexicon/titles.txt).
func labelBefore(body string, ws []word, ns int) string {
	start, ok := labelStart(body, ws, ns)
	if !ok {
		return ""
	}
	l := strings.TrimSpace(body[ws[start].start:ws[ns].start])
	return strings.TrimSpace(strings.TrimRight(l, ", "))
}

// labelStart returns the index of the first word of the label before the
// name at ws[ns], and whether there is one.
func labelStart(body string, ws []word, ns int) (int, bool) {
	start := ns
	for k := ns - 1; k >= 0 && ns-k <= 10; k-- {
		gap := body[ws[k].end:ws[k+1].start]
		if strings.ContainsAny(gap, ";:!?\"“”«»") || strings.Contains(gap, ",") && k+1 != ns {
			break
		}
		w := ws[k]
		if w.num || w.quoted {
			break
		}
		if _, ok := lex.verbs[w.w]; ok {
			break
		}
		if text.IsStop(w.w) && !labelGlue[w.w] {
			break
		}
		start = k
	}
	// a label opens on a capital or a role word: "the government of
	// President" is "President"
	for start < ns && (!ws[start].cap && !lex.titles[ws[start].w] || isArticle(ws[start].w)) {
		start++
	}
	role := false
	for _, w := range ws[start:ns] {
		if lex.titles[w.w] {
			role = true
		}
	}
	// "chairwoman of" before a name makes the name the object, not the
	// one described
	if start < ns && labelGlue[ws[ns-1].w] {
		return start, false
	}
	return start, role
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

// labelGlue are function words that may sit inside a label ("director of
// the", "envoy for Iran", "ambassador to the UN").
var labelGlue = map[string]bool{"of": true, "the": true, "for": true, "to": true}
