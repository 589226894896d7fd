package dates

import (
	"fmt"
	"strings"
)

// tense is the time orientation of the clause around a mention.
type tense uint8

const (
	tenseNone tense = iota
	tensePast
	tenseFuture
)

// cue is the tense found near a mention and the word that showed it.
type cue struct {
	tense tense
	word  string
	weak  bool // a modal ("should", "might"): future for months, not for weekdays
}

// String describes the cue for a Reason.
func (c cue) String() string {
	switch c.tense {
	case tensePast:
		return fmt.Sprintf("past: %q", c.word)
	case tenseFuture:
		return fmt.Sprintf("future: %q", c.word)
	}
	return "no tense cue, news default: past"
}

// cueWindow is how many tokens on each side of a mention are searched for a
// tense cue.
const cueWindow = 15

// tenseAround returns the tense cue nearest to the mention covering tokens
// [i, j), within its sentence and cueWindow tokens. At equal distance the
// cue before the mention wins: verbs more often precede their date
// ("began in February") than follow it. A cue beyond a comma, semicolon,
// dash or quote mark is used only when none is found on the mention's side
// of it: in "to expire on September 30, they wrote" the date belongs to
// "expire", not to the attribution.
//
// Weak cues (modals) are skipped unless weak is set: "Monday's debate might
// not move mountains" speaks of a past Monday, while "it should expire on
// September 30" speaks of a coming date.
func (p *parser) tenseAround(i, j int, weak bool) cue {
	sent := p.toks[i].sent
	var fallback cue
	lBlocked, rBlocked := false, false
	for d := 1; d <= cueWindow; d++ {
		l, r := i-d, j-1+d
		lin := l >= 0 && p.toks[l].sent == sent
		rin := r < len(p.toks) && p.toks[r].sent == sent
		if !lin && !rin {
			break
		}
		for _, k := range [2]int{l, r} {
			if k == l && !lin || k == r && !rin {
				continue
			}
			blocked := &lBlocked
			if k == r {
				blocked = &rBlocked
			}
			if p.toks[k].kind == tPunct && clauseBreak(p.toks[k].lower) {
				*blocked = true
				continue
			}
			c := p.cueAt(k)
			if c.tense == tenseNone || c.weak && !weak {
				continue
			}
			if !*blocked {
				return c
			}
			if fallback.tense == tenseNone {
				fallback = c
			}
		}
	}
	return fallback
}

// clauseBreak reports whether punctuation p separates clauses.
func clauseBreak(p string) bool {
	switch p {
	case ",", ";", ":", "—", "–", "(", ")", `"`, "“", "”", "‘", "’":
		return true
	}
	return false
}

// cueAt returns the tense that word token k shows, if any.
func (p *parser) cueAt(k int) cue {
	t := &p.toks[k]
	if t.kind != tWord {
		return cue{}
	}
	w := t.lower
	text := p.s[t.start:t.end]
	switch {
	case futureCues[w] && strings.HasSuffix(w, "ed") && p.afterHad(k):
		return cue{tensePast, "had " + text, false} // "had scheduled": a plan in the past
	case futureCues[w]:
		return cue{tenseFuture, text, false}
	case modals[w]:
		return cue{tenseFuture, text, true}
	case (w == "was" || w == "were") && p.word(k+1) == "to":
		return cue{tenseFuture, text + " to", true} // "if he were to win in November"
	case (w == "going" || w == "set" || w == "about") && p.word(k+1) == "to":
		return cue{tenseFuture, text + " to", false}
	case strings.HasSuffix(w, "'ll"):
		return cue{tenseFuture, text, false}
	case auxiliaries[w]:
		return cue{tensePast, text, false}
	case w == "has" || w == "have":
		if p.perfect(k + 1) {
			return cue{tensePast, text, false}
		}
		return cue{}
	case pastCues[w], !t.cap && len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w]:
		if passive[p.word(k-1)] {
			return cue{} // "will be held": the tense is on the auxiliary
		}
		return cue{tensePast, text, false}
	}
	return cue{}
}

// perfect reports whether a participle follows "has" or "have" at k, maybe
// after an adverb: "has sent", "have not been", "has already said".
func (p *parser) perfect(k int) bool {
	for n := 0; n < 2 && k < len(p.toks); n, k = n+1, k+1 {
		w := p.word(k)
		switch {
		case w == "been" || pastCues[w] || participles[w]:
			return true
		case len(w) > 4 && strings.HasSuffix(w, "ed") && !notPastEd[w]:
			return true
		case !perfectAdverbs[w]:
			return false
		}
	}
	return false
}

// afterHad reports whether "had" precedes the word at k, maybe with an
// adverb between ("had even scheduled").
func (p *parser) afterHad(k int) bool {
	for n := 1; n <= 2; n++ {
		switch w := p.word(k - n); {
		case w == "had":
			return true
		case !perfectAdverbs[w]:
			return false
		}
	}
	return false
}

var perfectAdverbs = map[string]bool{"not": true, "never": true, "already": true, "also": true,
	"just": true, "since": true, "long": true, "recently": true, "previously": true, "repeatedly": true,
	"even": true, "originally": true, "initially": true}

// participles are irregular past participles that differ from the past tense.
var participles = map[string]bool{
	"done": true, "seen": true, "gone": true, "taken": true, "given": true, "written": true,
	"spoken": true, "known": true, "shown": true, "grown": true, "thrown": true, "flown": true,
	"drawn": true, "driven": true, "broken": true, "chosen": true, "fallen": true, "forgotten": true,
	"frozen": true, "hidden": true, "risen": true, "stolen": true, "sworn": true, "torn": true,
	"worn": true, "withdrawn": true, "begun": true, "come": true, "become": true, "run": true,
	"got": true, "gotten": true, "beaten": true, "eaten": true, "undertaken": true, "overtaken": true,
}

// passive are words before a participle that carry the clause's tense
// themselves ("will be held", "has been signed").
var passive = map[string]bool{"be": true, "been": true, "being": true, "to": true,
	"remain": true, "remains": true, "stay": true, "stays": true, "get": true, "gets": true,
	"seem": true, "seems": true, "become": true, "becomes": true}

// auxiliaries are past-tense (or perfect) auxiliaries and verbs that are
// never participles after "be".
var auxiliaries = map[string]bool{
	"was": true, "were": true, "had": true, "did": true, "didn't": true, "wasn't": true,
	"weren't": true, "hadn't": true, "ago": true, "yesterday": true,
}

// futureCues are words that put a clause in the future.
var futureCues = map[string]bool{
	"will": true, "shall": true, "won't": true, "would": true, "scheduled": true, "expected": true,
	"plans": true, "planned": true, "planning": true, "intends": true, "upcoming": true,
	"slated": true, "tomorrow": true, "soon": true, "forthcoming": true,
}

// modals are weak future cues.
var modals = map[string]bool{
	"should": true, "must": true, "might": true, "can": true, "cannot": true, "can't": true,
	"may": true, "hope": true, "hopes": true, "ought": true,
}

// pastCues are irregular past-tense verbs and auxiliaries; regular ones are
// recognised by their -ed ending.
var pastCues = map[string]bool{
	"said": true, "told": true,
	"came": true, "went": true, "met": true, "made": true, "took": true, "gave": true,
	"began": true, "saw": true, "got": true, "left": true, "held": true, "led": true,
	"spoke": true, "wrote": true, "sent": true, "brought": true, "bought": true, "thought": true,
	"found": true, "felt": true, "kept": true, "knew": true, "lost": true, "paid": true,
	"ran": true, "sat": true, "stood": true, "won": true, "fell": true, "rose": true,
	"struck": true, "fought": true, "caught": true, "taught": true, "sold": true, "shot": true,
	"became": true, "broke": true, "chose": true, "drove": true, "flew": true, "grew": true,
	"hid": true, "laid": true, "meant": true, "rode": true, "spent": true, "stole": true,
	"swore": true, "threw": true, "tore": true, "understood": true, "woke": true, "wore": true,
	"withdrew": true, "arose": true, "sought": true, "dealt": true,
	"fled": true, "slept": true, "forgot": true, "froze": true, "overtook": true, "sank": true,
	"shook": true, "undertook": true, "upheld": true, "withheld": true,
}

// notPastEd are words ending in -ed that are not past tenses.
var notPastEd = map[string]bool{
	"need": true, "speed": true, "breed": true, "greed": true, "proceed": true,
	"exceed": true, "succeed": true, "indeed": true, "creed": true, "bleed": true, "embed": true,
	"hundred": true, "hundreds": true, "sacred": true, "naked": true, "wicked": true, "kindred": true,
	"scheduled": true, "expected": true, "planned": true, "shred": true, "steed": true,
	"united": true, "related": true, "based": true, "advanced": true, "armed": true, "limited": true,
	"concerned": true, "detailed": true, "supposed": true, "interested": true, "experienced": true,
	"renewed": true, "unprecedented": true, "enhanced": true, "so-called": true, "alleged": true,
	"unidentified": true, "registered": true, "licensed": true, "coordinated": true,
}
