package brief

import (
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// person is one person the story names, under the name written most often
// ("William Burns", not the misspelt "Willian Burns").
type person struct {
	name  string         // canonical name
	first string         // folded first name; "" when only the surname is known
	count int            // full-name mentions
	forms map[string]int // full names as written -> count
	order int            // first seen
}

// persons indexes the story's persons by folded surname; each surname's
// persons are sorted from the most often named.
type persons map[string][]*person

// mention is one place a person is named: words [start, end) of a
// sentence's words.
type mention struct {
	name       string // canonical name
	start, end int
}

// people finds the story's persons. With Input.Entities of kind "person"
// it finds none: mentions then come from the entities' aliases. Otherwise
// a person is a run of capitalised words ending in a name (see nameIn)
// whose surname also stands alone somewhere in the story, not after an
// article ("Burns said", not "the Rancheria"), or that follows a role word
// ("spokesman John Kirby"). Full names with the same surname are one
// person when their first names are equal or one letter apart (William,
// Willian); "Bill Brown" and "Jerry Brown" are two.
func (s *story) people() persons {
	out := persons{}
	if s.hasPersonEntities() {
		return out
	}
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
					if (r[0] < ns || ns > 0 || followedByVerb(ws, sur)) && !(ns > 0 && isArticle(ws[ns-1].w)) {
						alone[key] = true
					}
					continue
				}
				if ns > 0 && lex.titles[ws[ns-1].w] && !isPossessive(ws[ns-1].raw) {
					titled[key] = true
				}
				out.add(key, ws[ns].w, joinRaw(ws[ns:sur+1]))
			}
		}
	}
	for key, ps := range out {
		if !alone[key] && !titled[key] {
			delete(out, key)
			continue
		}
		for _, p := range ps {
			p.name = mostFrequent(p.forms)
		}
		sortPersons(ps)
	}
	return out
}

// add counts a full-name mention.
func (ps persons) add(surname, first, full string) {
	for _, p := range ps[surname] {
		if sameFirstName(p.first, first) {
			p.count++
			p.forms[full]++
			return
		}
	}
	order := 0
	for _, list := range ps {
		order += len(list)
	}
	ps[surname] = append(ps[surname], &person{first: first, count: 1, forms: map[string]int{full: 1}, order: order})
}

// resolve returns the canonical name of the person with this surname and
// first name ("" when only the surname is written).
func (ps persons) resolve(surname, first string) (string, bool) {
	list := ps[surname]
	if len(list) == 0 {
		return "", false
	}
	if first == "" {
		return list[0].name, true
	}
	for _, p := range list {
		if sameFirstName(p.first, first) {
			return p.name, true
		}
	}
	return "", false
}

func sortPersons(ps []*person) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].count > ps[j-1].count || ps[j].count == ps[j-1].count && ps[j].order < ps[j-1].order); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func mostFrequent(m map[string]int) string {
	best := ""
	for _, k := range sortedKeys(m) {
		if best == "" || m[k] > m[best] {
			best = k
		}
	}
	return best
}

// sameFirstName reports whether two folded first names are the same
// name, allowing one wrong letter in names of four letters or more.
func sameFirstName(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 4 || len(b) < 4 || a[0] != b[0] {
		return false
	}
	return editDistance(a, b) <= 1
}

// editDistance is the Levenshtein distance of two short strings, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func (s *story) hasPersonEntities() bool {
	for _, e := range s.in.Entities {
		if isPersonKind(e.Kind) {
			return true
		}
	}
	return false
}

// isPersonFeature reports whether a claim feature names a person.
func (s *story) isPersonFeature(k string) bool {
	if len(k) < 3 || k[:2] != "e:" {
		return false
	}
	name := k[2:]
	if s.hasPersonEntities() {
		return isPersonKind(s.entityKind(name))
	}
	for _, ps := range s.persons {
		for _, p := range ps {
			if p.name == name {
				return true
			}
		}
	}
	return false
}

// labelsOf returns, for each person named in article di, the labels the
// article puts before the name.
func (s *story) labelsOf(di int) map[string][]string {
	d := s.docs[di]
	out := map[string][]string{}
	for _, sent := range d.sents {
		ws := wordsOf(d.a.Text, sent.Start, sent.End, nil)
		for _, m := range s.mentions(ws) {
			if l := labelBefore(d.a.Text, ws, m.start); l != "" {
				out[m.name] = appendUnique(out[m.name], l)
			}
		}
	}
	return out
}

// mentions finds the persons named in one sentence's words.
func (s *story) mentions(ws []word) []mention {
	var out []mention
	if s.hasPersonEntities() {
		for i := 0; i < len(ws); i++ {
			n := s.ents.match(ws, i)
			if n == 0 {
				continue
			}
			name := s.entName[joinWords(wordStrings(ws[i:i+n]))]
			if isPersonKind(s.entityKind(name)) {
				out = append(out, mention{name: name, start: nameStart(ws[i:i+n], name) + i, end: i + n})
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
		first := ""
		if ns < sur {
			first = ws[ns].w
		}
		if name, ok := s.persons.resolve(ws[sur].w, first); ok {
			out = append(out, mention{name: name, start: ns, end: sur + 1})
		}
	}
	return out
}

// nameStart returns where, in the words of an alias ("CIA Director
// William Burns"), the person's name starts: at the canonical name's words
// when the alias ends with them, else as many words from the end as the
// name has. An alias no longer than the name starts at 0.
func nameStart(alias []word, name string) int {
	nw := text.Words(name)
	if len(alias) <= len(nw) {
		return 0
	}
	return len(alias) - len(nw)
}

func (s *story) entityKind(name string) string {
	for _, e := range s.in.Entities {
		if e.Name == name {
			return e.Kind
		}
	}
	return ""
}

// isPossessive reports whether a word is written with a possessive "'s":
// "Sheriff's Office" is not Sheriff Office.
func isPossessive(raw string) bool {
	return strings.HasSuffix(raw, "'s") || strings.HasSuffix(raw, "’s")
}

// isPersonKind reports whether an Entity kind names a person ("person",
// or internal/entity's "PERSON").
func isPersonKind(kind string) bool { return strings.EqualFold(kind, "person") }
