package brief

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// mention is one place a person is named: words [start, end) of a
// sentence's words.
type mention struct {
	name       string // canonical name
	start, end int
}

// people returns the story's persons keyed by folded surname, with their
// canonical names. With Input.Entities of kind "person" those are used;
// otherwise persons are found in the text: a run of capitalised words
// ending in a name whose surname also stands alone somewhere in the story
// ("Burns said") or that follows a role word ("spokesman John Kirby"). The
// canonical name is the full name written most often ("William Burns",
// not the misspelt "Willian Burns").
func (s *story) people() map[string]string {
	out := map[string]string{}
	if s.hasPersonEntities() {
		return out // mentions come from the entity aliases
	}
	full := map[string]map[string]int{} // surname -> full name -> count
	order := map[string]int{}           // full name -> first seen
	alone, titled := map[string]bool{}, map[string]bool{}
	for _, d := range s.docs {
		for _, sent := range d.sents {
			ws := wordsOf(d.a.Text, sent.Start, sent.End, nil)
			for _, r := range capRuns(ws) {
				ns, sur, ok := nameIn(ws, r)
				if !ok {
					continue
				}
				key := ws[sur].w
				if ns == sur {
					if r[0] < ns || ns > 0 || followedByVerb(ws, sur) {
						alone[key] = true
					}
					continue
				}
				if ns > 0 && lex.titles[ws[ns-1].w] {
					titled[key] = true
				}
				name := joinRaw(ws[ns : sur+1])
				if full[key] == nil {
					full[key] = map[string]int{}
				}
				full[key][name]++
				if _, ok := order[name]; !ok {
					order[name] = len(order)
				}
			}
		}
	}
	for key, names := range full {
		if !alone[key] && !titled[key] {
			continue
		}
		best := ""
		for n, c := range names {
			if best == "" || c > names[best] || c == names[best] && order[n] < order[best] {
				best = n
			}
		}
		out[key] = best
	}
	return out
}

func (s *story) hasPersonEntities() bool {
	for _, e := range s.in.Entities {
		if e.Kind == "person" {
			return true
		}
	}
	return false
}

// labelsOf returns, for each person named in article di, the labels the
// article puts before the name.
func (s *story) labelsOf(di int, people map[string]string) map[string][]string {
	d := s.docs[di]
	out := map[string][]string{}
	for _, sent := range d.sents {
		ws := wordsOf(d.a.Text, sent.Start, sent.End, nil)
		for _, m := range s.mentions(ws, people) {
			if l := labelBefore(d.a.Text, ws, m.start); l != "" {
				out[m.name] = appendUnique(out[m.name], l)
			}
		}
	}
	return out
}

// mentions finds the persons named in one sentence's words.
func (s *story) mentions(ws []word, people map[string]string) []mention {
	var out []mention
	if s.hasPersonEntities() {
		for i := 0; i < len(ws); i++ {
			n := s.ents.match(ws, i)
			if n == 0 {
				continue
			}
			name := s.entName[joinWords(wordStrings(ws[i:i+n]))]
			if s.entityKind(name) == "person" {
				out = append(out, mention{name: name, start: i, end: i + n})
			}
			i += n - 1
		}
		return out
	}
	for _, r := range capRuns(ws) {
		ns, sur, ok := nameIn(ws, r)
		if !ok {
			continue
		}
		if name, ok := people[ws[sur].w]; ok {
			out = append(out, mention{name: name, start: ns, end: sur + 1})
		}
	}
	return out
}

func (s *story) entityKind(name string) string {
	for _, e := range s.in.Entities {
		if e.Name == name {
			return e.Kind
		}
	}
	return ""
}

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
	if lex.titles[w.w] || text.IsStop(w.w) || isAcronym(w.raw) {
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
	return start, role
}

func isArticle(w string) bool { return w == "the" || w == "a" || w == "an" }

// labelGlue are function words that may sit inside a label ("director of
// the", "envoy for Iran", "ambassador to the UN").
var labelGlue = map[string]bool{"of": true, "the": true, "for": true, "to": true}
