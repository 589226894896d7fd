package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// Entity and mention types.
const (
	Person = "PERSON"
	Org    = "ORG"
	Place  = "PLACE"
	Title  = "TITLE" // a title or role standing for a person: "the CIA chief"
	Other  = "OTHER" // a name of unknown kind
)

// Mention is one mention of an entity in a text. Start and End are byte
// offsets of the name itself; a person's title is kept apart in Role.
type Mention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	// Norm is the name without honorifics, possessive or line breaks.
	Norm string `json:"norm"`
	// Role is the title or role given with a person ("CIA Director",
	// "Iran's Foreign Ministry spokesperson"), or "".
	Role   string  `json:"role,omitempty"`
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// speechVerbs following a bare capitalised word make it a speaker.
var speechVerbs = set(`said says told added stated claimed noted insisted alleged argued wrote explained
asked warned declared according`)

// tok is a token with its sentence context.
type tok struct {
	text.Token
	fold      string
	first     bool // first word of its sentence
	headline  bool // in a sentence written in title case
	sentence  int
	possessed bool // ends in 's or ’s
}

// Extract finds the mentions of people, organisations, places and titles
// in s, in text order. It is safe for concurrent use.
func Extract(s string) []Mention {
	toks := tokenize(s)
	named := namedWords(toks)
	var out []Mention
	for i := 0; i < len(toks); {
		j := runEnd(toks, i, named)
		if j == i {
			if m, end, ok := description(s, toks, i); ok {
				out = append(out, m)
				i = end
				continue
			}
			i++
			continue
		}
		out = append(out, classifyRun(s, toks, i, j)...)
		i = j
	}
	return relabel(out, toks, s)
}

// tokenize splits s into word tokens with sentence marks.
func tokenize(s string) []tok {
	var out []tok
	for si, sp := range text.Sentences(s) {
		raw := text.Tokens(sp.Text)
		caps, words := 0, 0
		for _, t := range raw {
			if t.Kind == text.Word {
				words++
				if isUpper(t.Text) {
					caps++
				}
			}
		}
		headline := words >= 6 && caps*10 >= words*8
		firstWord := true
		for _, t := range raw {
			t.Start += sp.Start
			t.End += sp.Start
			f := text.Fold(t.Text)
			pos := strings.HasSuffix(f, "'s")
			if pos {
				f = strings.TrimSuffix(f, "'s")
			}
			out = append(out, tok{Token: t, fold: f, first: firstWord && t.Kind == text.Word, headline: headline, sentence: si, possessed: pos})
			if t.Kind == text.Word || (t.Kind == text.Punct && !isQuote(t.Text)) {
				firstWord = false
			}
		}
	}
	return out
}

func isQuote(s string) bool {
	return strings.ContainsAny(s, "\"“”‘’'«»*#")
}

func isUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// namedWords returns the folded words written capitalised in the middle of
// an ordinary sentence: they show that the same word at a sentence start is
// a name too ("Burns said" after "William Burns").
func namedWords(toks []tok) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if t.Kind == text.Word && !t.first && !t.headline && isUpper(t.Text) {
			m[t.fold] = true
		}
	}
	return m
}

// nameWord reports whether toks[i] can be part of a name.
func nameWord(toks []tok, i int, named map[string]bool) bool {
	t := toks[i]
	if t.Kind != text.Word || !(isUpper(t.Text) || particleName(t.Text)) || timeWords[t.fold] {
		return false
	}
	if (t.first || t.headline) && (common[t.fold] || text.IsStop(t.fold)) && !named[t.fold] {
		return false
	}
	if text.IsStop(t.fold) && t.fold != "us" {
		return false
	}
	return true
}

// runEnd returns the end of the run of name words starting at i (i when
// toks[i] does not start one). Initials, name particles and connectors
// after organisation heads ("Council on Foreign Relations") join a run.
func runEnd(toks []tok, i int, named map[string]bool) int {
	if !nameWord(toks, i, named) {
		return i
	}
	j := i + 1
	for j < len(toks) && toks[j].sentence == toks[i].sentence && !toks[j-1].possessed {
		t := toks[j]
		if t.Start-toks[j-1].End > 1 {
			break
		}
		switch {
		case nameWord(toks, j, named):
			j++
			continue
		case t.Text == "." && len(toks[j-1].Text) == 1 && isUpper(toks[j-1].Text) && j+1 < len(toks) && nameWord(toks, j+1, named):
			j++ // initial: John F. Kennedy
			continue
		case particles[t.fold] && !isUpper(t.Text) && j+1 < len(toks) && nameWord(toks, j+1, named):
			j++
			continue
		case connectors[t.fold] && t.fold != "and" && orgHeads[toks[j-1].fold] && j+1 < len(toks):
			k := j + 1
			if toks[k].fold == "the" && k+1 < len(toks) {
				k++
			}
			if nameWord(toks, k, named) {
				j = k + 1
				continue
			}
		}
		break
	}
	return j
}

// classifyRun splits the run toks[i:j] into title and name parts and
// types them.
func classifyRun(s string, toks []tok, i, j int) []Mention {
	var out []Mention
	honor := honorBefore(toks, i)
	for i < j && honorifics[toks[i].fold] {
		honor = true
		i++
		if i < j && toks[i].Text == "." {
			i++
		}
	}
	// a leading nationality adjective is not part of the name: "Iranian
	// Shahed", but "Russian President Vladimir Putin" keeps it in the role
	whole := strings.ToLower(normOf(s, toks, i, j))
	known := places[whole] || placeAliases[whole] != "" || orgNames[whole]
	for !known && i < j-1 && isDemonym(toks[i].fold) && !firstNames[toks[i].fold] && !titleWords[toks[i+1].fold] && !orgHeads[toks[j-1].fold] {
		i++
	}
	if i >= j {
		return nil
	}
	// title words inside the run: "CIA Director William Burns"
	k := -1
	for x := i; x < j-1; x++ {
		if titleWords[toks[x].fold] && !toks[x].possessed {
			k = x
		}
	}
	role := ""
	if k >= 0 {
		role = s[toks[i].Start:toks[k].End]
		i = k + 1
	} else if j-i == 1 && titleWords[toks[i].fold] {
		return []Mention{mention(s, toks, i, j, Title, 0.6, "a title alone")}
	}
	// a known place or organisation glued before a given name:
	// "United Nations Barbara Woodward", "Iran Robert Malley"
	for x := i + 1; x < j-1; x++ {
		if firstNames[toks[x].fold] {
			head := normOf(s, toks, i, x)
			if places[strings.ToLower(head)] || orgHeads[toks[x-1].fold] || orgNames[strings.ToLower(head)] || isAcronym(toks[x-1].Text) {
				out = append(out, typed(s, toks, i, x, false, "")...)
				i = x
			}
			break
		}
	}
	if role == "" {
		role = roleBefore(s, toks, i)
	}
	return append(out, typed(s, toks, i, j, honor || role != "", role)...)
}

// honorBefore reports an honorific right before toks[i]: "Mr. Obama".
func honorBefore(toks []tok, i int) bool {
	if i >= 2 && toks[i-1].Text == "." && honorifics[toks[i-2].fold] {
		return true
	}
	return i >= 1 && honorifics[toks[i-1].fold]
}

// typed types the name toks[i:j].
func typed(s string, toks []tok, i, j int, personCue bool, role string) []Mention {
	norm := strings.ToLower(normOf(s, toks, i, j))
	last := toks[j-1].fold
	switch {
	case places[norm] || placeAliases[norm] != "":
		return []Mention{mention(s, toks, i, j, Place, 0.9, "place gazetteer")}
	case orgNames[norm]:
		return []Mention{mention(s, toks, i, j, Org, 0.9, "organisation gazetteer")}
	case placeHeads[last] && j-i >= 2:
		return []Mention{mention(s, toks, i, j, Place, 0.7, "place word")}
	case eventHeads[last] || (j-i == 1 && isDemonym(toks[i].fold) && !personCue):
		return nil
	case personCue && !orgHeads[last]:
		m := mention(s, toks, i, j, Person, 0.9, "title or honorific")
		m.Role = role
		return []Mention{m}
	case titleWords[last]:
		return []Mention{mention(s, toks, i, j, Title, 0.6, "title")}
	case orgHeads[last] || hasInnerHead(toks, i, j) || (j-i == 1 && isAcronym(normOf(s, toks, i, j))):
		return []Mention{mention(s, toks, i, j, Org, 0.8, "organisation word or acronym")}
	case j-i >= 2 && j-i <= 4 && firstNames[toks[i].fold]:
		return []Mention{mention(s, toks, i, j, Person, 0.85, "given name")}
	case j-i >= 2 && places[toks[i].fold] && !orgHeads[last]:
		// "Tehran Times" is caught above; "Iran Russia" is two places
		return append(typed(s, toks, i, i+1, false, ""), typed(s, toks, i+1, j, false, "")...)
	case j-i >= 2 && j-i <= 3:
		return []Mention{mention(s, toks, i, j, Person, 0.6, "capitalised words")}
	}
	return []Mention{mention(s, toks, i, j, Other, 0.4, "capitalised words")}
}

// hasInnerHead reports an organisation head before a connector inside the
// name: "Council on Foreign Relations".
func hasInnerHead(toks []tok, i, j int) bool {
	for x := i; x < j-1; x++ {
		if orgHeads[toks[x].fold] && connectors[toks[x+1].fold] {
			return true
		}
	}
	return false
}

// particleName reports a name written with a lower-case particle and a
// hyphen: "al-Assad", "bin-Salman".
func particleName(w string) bool {
	i := strings.IndexByte(w, '-')
	return i > 0 && particles[strings.ToLower(w[:i])] && i+1 < len(w) && isUpper(w[i+1:])
}

// isDemonym reports a nationality adjective or noun derived from a known
// place (Iranian, Russians, Chinese, Iraqi) or a common one (British).
func isDemonym(w string) bool {
	if demonyms[w] {
		return true
	}
	for _, suf := range []string{"ians", "ian", "ns", "n", "ese", "is", "i", "ish"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		for _, end := range []string{"", "a", "e", "y", "o"} {
			if places[stem+end] {
				return true
			}
		}
	}
	return false
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// normOf returns the text of toks[i:j] without possessive and with spaces
// collapsed.
func normOf(s string, toks []tok, i, j int) string {
	var b strings.Builder
	for x := i; x < j; x++ {
		w := toks[x].Text
		if toks[x].possessed {
			w = w[:len(w)-len("'s")]
			if strings.HasSuffix(toks[x].Text, "’s") {
				w = toks[x].Text[:len(toks[x].Text)-len("’s")]
			}
		}
		if x > i && toks[x].Start > toks[x-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func mention(s string, toks []tok, i, j int, typ string, score float64, reason string) Mention {
	end := toks[j-1].End
	if toks[j-1].possessed {
		end -= len("'s")
		if strings.HasSuffix(toks[j-1].Text, "’s") {
			end = toks[j-1].End - len("’s")
		}
	}
	return Mention{Start: toks[i].Start, End: end, Text: s[toks[i].Start:end], Type: typ,
		Norm: normOf(s, toks, i, j), Score: score, Reason: reason}
}

// roleBefore returns the title phrase right before a name at toks[i]
// ("spokesperson, Nasser Kanani", "CIA's chief William Burns"), or "".
func roleBefore(s string, toks []tok, i int) string {
	end := i
	x := i - 1
	if x >= 0 && toks[x].Text == "," {
		x--
		end = x + 1
	}
	start, hasTitle := -1, false
	for n := 0; x >= 0 && n < 10 && toks[x].sentence == toks[i].sentence; n++ {
		t := toks[x]
		paren := t.Text == "(" || t.Text == ")"
		if !paren && (t.Kind != text.Word || (text.IsStop(t.fold) && t.fold != "of" && t.fold != "the" && t.fold != "to" && t.fold != "for")) {
			break
		}
		if titleWords[t.fold] {
			hasTitle = true
		}
		start = x
		x--
	}
	if !hasTitle || start < 0 {
		return ""
	}
	// the phrase must end in its title ("the CIA chief William Burns") or
	// in a parenthesis or name before an apposition comma ("director of the
	// Central Intelligence Agency (CIA), William Burns")
	if lastTok := toks[end-1]; !titleWords[lastTok.fold] && lastTok.Text != ")" && !isUpper(lastTok.Text) {
		return ""
	}
	for start < end && (toks[start].fold == "the" || toks[start].fold == "of" || toks[start].fold == "to" || toks[start].fold == "for") {
		start++
	}
	if start >= end {
		return ""
	}
	return s[toks[start].Start:toks[end-1].End]
}

// description finds a definite description of a person or body at toks[i]:
// "the CIA chief", "the spokesperson", "the mission".
func description(s string, toks []tok, i int) (Mention, int, bool) {
	if toks[i].fold != "the" {
		return Mention{}, 0, false
	}
	for j := i + 1; j < len(toks) && j <= i+4 && toks[j].Kind == text.Word; j++ {
		f := toks[j].fold
		if titleWords[f] || f == "mission" || f == "ministry" || f == "embassy" {
			// not when a name follows ("the spokesperson Nasser Kanani")
			if j+1 < len(toks) && toks[j+1].Kind == text.Word && isUpper(toks[j+1].Text) {
				return Mention{}, 0, false
			}
			m := mention(s, toks, i+1, j+1, Title, 0.5, "definite description")
			if !titleWords[f] {
				m.Type = Org
			}
			return m, j + 1, true
		}
		if text.IsStop(f) {
			return Mention{}, 0, false
		}
	}
	return Mention{}, 0, false
}

// relabel makes types consistent within the text: a bare surname of a
// person named in full is a person; an unknown word followed by a speech
// verb is a person.
func relabel(ms []Mention, toks []tok, s string) []Mention {
	surnames := map[string]bool{}
	for _, m := range ms {
		if m.Type == Person {
			w := strings.Fields(strings.ToLower(m.Norm))
			if len(w) >= 2 {
				surnames[w[len(w)-1]] = true
			}
		}
	}
	idx := 0
	for i := range ms {
		m := &ms[i]
		if m.Type != Other && !(m.Type == Person && m.Score < 0.7) {
			continue
		}
		low := strings.ToLower(m.Norm)
		if surnames[low] {
			m.Type, m.Score, m.Reason = Person, 0.8, "surname of a person named in full"
			continue
		}
		for idx < len(toks) && toks[idx].Start < m.End {
			idx++
		}
		if m.Type == Other && idx < len(toks) && speechVerbs[toks[idx].fold] {
			m.Type, m.Score, m.Reason = Person, 0.6, "followed by a speech verb"
		}
	}
	return ms
}
