package brief

import (
	"embed"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

//go:embed lexicon/*.txt
var lexiconFiles embed.FS

// Verb classes of verbs.txt; see lexicon/README.md.
const (
	VerbNeutral    = "neutral"
	VerbAssertive  = "assertive"
	VerbDistancing = "distancing"
	VerbConceding  = "conceding"
	VerbAccusing   = "accusing"
	VerbRejecting  = "rejecting"
)

// verbForm is what verbs.txt says about one folded word form.
type verbForm struct {
	lemma, class string
}

// phraseSet matches folded words and phrases of a word list.
type phraseSet struct {
	byFirst map[string][][]string // first word -> phrases (as word sequences) starting with it
}

// lexicon holds the embedded word lists, parsed once. It is never mutated
// after loading.
type lexicon struct {
	verbs    map[string]verbForm
	loaded   phraseSet
	hedges   phraseSet
	polarity map[string]int    // folded form -> -1 deny, +1 affirm
	synonyms map[string]string // stem -> class head
	places   phraseSet         // every alias of a country
	placeOf  map[string]string // alias phrase (space-joined) -> country class
	titles   map[string]bool
	orgWords map[string]bool
}

// lex is the package's read-only lexicon.
var lex = mustLoadLexicon()

func mustLoadLexicon() *lexicon {
	l, err := loadLexicon()
	if err != nil {
		panic(err) // the files are embedded: a failure is a build defect
	}
	return l
}

func loadLexicon() (*lexicon, error) {
	l := &lexicon{
		verbs:    map[string]verbForm{},
		polarity: map[string]int{},
		synonyms: map[string]string{},
		placeOf:  map[string]string{},
		titles:   map[string]bool{},
		orgWords: map[string]bool{},
	}
	read := func(name string, line func(fields []string, raw string) error) error {
		b, err := lexiconFiles.ReadFile("lexicon/" + name)
		if err != nil {
			return fmt.Errorf("brief: lexicon %s: %w", name, err)
		}
		for n, raw := range strings.Split(string(b), "\n") {
			raw = strings.TrimSpace(raw)
			if raw == "" || strings.HasPrefix(raw, "#") {
				continue
			}
			if err := line(strings.Fields(text.Fold(raw)), raw); err != nil {
				return fmt.Errorf("brief: lexicon %s line %d: %w", name, n+1, err)
			}
		}
		return nil
	}
	err := read("verbs.txt", func(f []string, _ string) error {
		if len(f) < 3 {
			return fmt.Errorf("want lemma, class and forms")
		}
		lemma := strings.ReplaceAll(f[0], "_", " ") // "according_to" -> "according to"
		for _, form := range f[2:] {
			l.verbs[form] = verbForm{lemma: lemma, class: f[1]}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var loaded, hedges, places [][]string
	for _, p := range []struct {
		name string
		into *[][]string
	}{{"loaded.txt", &loaded}, {"hedges.txt", &hedges}} {
		err := read(p.name, func(f []string, _ string) error {
			*p.into = append(*p.into, f)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	l.loaded, l.hedges = newPhraseSet(loaded), newPhraseSet(hedges)
	err = read("polarity.txt", func(f []string, _ string) error {
		sign := map[string]int{"deny": -1, "affirm": 1}[f[0]]
		if sign == 0 || len(f) < 2 {
			return fmt.Errorf("want deny|affirm and forms")
		}
		for _, form := range f[1:] {
			l.polarity[form] = sign
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("synonyms.txt", func(f []string, _ string) error {
		head := text.Stem(f[0])
		for _, w := range f {
			l.synonyms[text.Stem(w)] = head
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("places.txt", func(_ []string, raw string) error {
		name, aliases, ok := strings.Cut(text.Fold(raw), ":")
		if !ok {
			return fmt.Errorf("want country: aliases")
		}
		name = strings.TrimSpace(name)
		add := func(phrase []string) {
			places = append(places, phrase)
			l.placeOf[strings.Join(phrase, " ")] = name
		}
		add(strings.Fields(name))
		for _, a := range strings.Split(aliases, ",") {
			if f := strings.Fields(a); len(f) > 0 {
				add(f)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.places = newPhraseSet(places)
	err = read("titles.txt", func(f []string, _ string) error {
		l.titles[f[0]] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = read("orgwords.txt", func(f []string, _ string) error {
		l.orgWords[f[0]] = true
		return nil
	})
	return l, err
}

func newPhraseSet(phrases [][]string) phraseSet {
	s := phraseSet{byFirst: map[string][][]string{}}
	for _, p := range phrases {
		if len(p) > 0 {
			s.byFirst[p[0]] = append(s.byFirst[p[0]], p)
		}
	}
	return s
}

// match returns the length in words of the longest phrase of s that starts
// at words[i], or 0.
func (s phraseSet) match(words []word, i int) int {
	best := 0
	for _, p := range s.byFirst[words[i].w] {
		if len(p) <= best || i+len(p) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if words[i+k].w != p[k] {
				ok = false
				break
			}
		}
		if ok {
			best = len(p)
		}
	}
	return best
}

// verbAt returns the attribution verb at words[i], if words[i] is one used
// as a verb. "alleged" and "purported" before a noun ("the alleged
// attack") are adjectives: hedges, not attribution.
func (l *lexicon) verbAt(words []word, i int) (verbForm, bool) {
	v, ok := l.verbs[words[i].w]
	if !ok {
		return v, false
	}
	if i > 0 && adjectivalBefore[words[i-1].w] {
		return v, false
	}
	switch v.lemma {
	case "according to":
		// only "according to"
		return v, i+1 < len(words) && words[i+1].w == "to"
	case "call", "charge", "state", "report", "claim", "note", "comment", "answer":
		// also common nouns ("a call", "the charges", "a claim"); ruled out above
		// by a preceding determiner
	}
	return v, true
}

// adjectivalBefore are words after which a verb form is an adjective or a
// noun ("the alleged", "a claim", "citing alleged").
var adjectivalBefore = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "citing": true, "over": true, "about": true,
	"for": true, "with": true, "its": true, "their": true, "his": true, "her": true, "these": true,
	"those": true, "this": true, "any": true, "such": true, "our": true, "your": true,
	"no": true, "by": true, "into": true, "against": true, "on": true, "in": true,
}
