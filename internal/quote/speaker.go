package quote

import (
	"strings"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Speaker resolution: each attribution's source is mapped to an entity of
// the article. Names and descriptions ("the CIA chief", "the mission") go
// through entity.Resolve on the article's mentions; pronouns ("he added")
// take the speaker of the previous attribution when it is near, else the
// last person (or, for "it" and "they", organisation) named before.

var (
	personPronouns = map[string]bool{"he": true, "she": true, "him": true, "her": true}
	bodyPronouns   = map[string]bool{"it": true, "they": true, "we": true}
)

// speakerIndex maps mentions of one article to canonical entity names.
type speakerIndex struct {
	mentions []entity.Mention
	canon    map[int]string // mention start -> canonical name
	kind     map[int]string // mention start -> entity type
}

func newSpeakerIndex(mentions []entity.Mention) *speakerIndex {
	ix := &speakerIndex{mentions: mentions, canon: map[int]string{}, kind: map[int]string{}}
	for _, e := range entity.Resolve([]entity.DocMentions{{Mentions: mentions}}) {
		for _, r := range e.Mentions {
			ix.canon[r.Start] = e.Name
			ix.kind[r.Start] = e.Type
		}
	}
	return ix
}

// inSpan returns the entity named inside [s, e), preferring people, then
// the last mention; ok is false when none is.
func (ix *speakerIndex) inSpan(s, e int) (name, typ string, ok bool) {
	for _, m := range ix.mentions {
		if m.Start < s || m.End > e {
			continue
		}
		n, t := ix.canon[m.Start], ix.kind[m.Start]
		if n == "" {
			continue
		}
		if !ok || t == entity.Person || typ != entity.Person {
			name, typ, ok = n, t, true
		}
	}
	return name, typ, ok
}

// lastBefore returns the last entity of one of the types named before pos.
func (ix *speakerIndex) lastBefore(pos int, types ...string) (string, bool) {
	found := ""
	for _, m := range ix.mentions {
		if m.Start >= pos {
			break
		}
		t := ix.kind[m.Start]
		for _, want := range types {
			if t == want && ix.canon[m.Start] != "" {
				found = ix.canon[m.Start]
			}
		}
	}
	return found, found != ""
}

// nearPrevious is how far back (bytes) the previous attribution's speaker
// is taken as the antecedent of a pronoun.
const nearPrevious = 600

// resolveSpeakers fills Speaker and SpeakerResolved of as, which are in
// text order.
func resolveSpeakers(s string, as []Attribution, mentions []entity.Mention) {
	ix := newSpeakerIndex(mentions)
	for i := range as {
		a := &as[i]
		if a.Source.Empty() {
			a.Speaker, a.SpeakerResolved = "", false
			if i > 0 && sharesSubject(s, as[i-1], *a) {
				a.Speaker, a.SpeakerResolved = as[i-1].Speaker, as[i-1].SpeakerResolved
				a.Reason += "; speaker of the previous cue in the sentence"
			}
			continue
		}
		a.Speaker = a.Source.Text
		if name, _, ok := ix.inSpan(a.Source.Start, a.Source.End); ok {
			a.Speaker, a.SpeakerResolved = name, true
			continue
		}
		w := strings.TrimSpace(text.Fold(a.Source.Text))
		var want []string
		switch {
		case personPronouns[w]:
			want = []string{entity.Person}
		case bodyPronouns[w]:
			want = []string{entity.Org, entity.Place}
		default:
			continue
		}
		if p := previousSpeaker(as[:i], a.Cue.Start, ix); p != "" && typeOf(ix, p, want) {
			a.Speaker, a.SpeakerResolved = p, true
			a.Reason += "; pronoun: previous speaker"
			continue
		}
		if want[0] != entity.Person {
			continue // "it", "they": only the previous speaker is safe
		}
		if name, ok := ix.lastBefore(a.Source.Start, want...); ok {
			a.Speaker, a.SpeakerResolved = name, true
			a.Reason += "; pronoun: last named before"
		}
	}
}

// previousSpeaker returns the resolved speaker of the nearest earlier
// attribution within reach, or "".
func previousSpeaker(prev []Attribution, pos int, ix *speakerIndex) string {
	for j := len(prev) - 1; j >= 0; j-- {
		p := prev[j]
		if pos-p.Cue.End > nearPrevious {
			return ""
		}
		if p.SpeakerResolved {
			return p.Speaker
		}
	}
	return ""
}

// typeOf reports whether the canonical name has one of the wanted types.
func typeOf(ix *speakerIndex, name string, want []string) bool {
	for start, n := range ix.canon {
		if n != name {
			continue
		}
		for _, w := range want {
			if ix.kind[start] == w {
				return true
			}
		}
		return false
	}
	return false
}

// sharesSubject reports whether a source-less attribution b follows a in
// the same sentence, as a coordinated verb ("Kanani accused the US ... and
// said ...") or a participle ("..., adding that ...").
func sharesSubject(s string, a, b Attribution) bool {
	if a.Source.Empty() || a.Cue.End > b.Cue.Start || b.Cue.Start-a.Cue.End > 300 {
		return false
	}
	between := s[a.Cue.End:b.Cue.Start]
	return !strings.ContainsAny(between, "\n") && !strings.Contains(between, ". ") &&
		!strings.Contains(between, "? ") && !strings.Contains(between, "! ")
}
