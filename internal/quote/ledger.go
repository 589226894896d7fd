package quote

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Relations of a rendering to the fullest rendering of its statement.
const (
	Verbatim   = "verbatim"   // the same quoted words
	Trimmed    = "trimmed"    // a contiguous fragment of the fullest quote
	Altered    = "altered"    // quoted, but with words changed, added or dropped inside
	Paraphrase = "paraphrase" // reported without quotation marks
)

// ArticleAttributions are the attributions Extract found in one article.
type ArticleAttributions struct {
	ID           string
	Attributions []Attribution
}

// Rendering is how one article rendered a statement.
type Rendering struct {
	Article  string  `json:"article"`
	Text     string  `json:"text"`
	Cue      string  `json:"cue"`
	Relation string  `json:"relation"`
	Speaker  string  `json:"speaker,omitempty"` // the speaker as this article names it
	Score    float64 `json:"score"`             // share of its quoted words found in the fullest rendering
}

// Statement is one statement of a story's ledger: who said it, its fullest
// rendering and every article's rendering.
type Statement struct {
	Speaker         string      `json:"speaker"`
	SpeakerResolved bool        `json:"speaker_resolved"`
	Text            string      `json:"text"`
	Kind            string      `json:"kind"`
	Cue             string      `json:"cue"`
	Articles        []string    `json:"articles"`
	Renderings      []Rendering `json:"renderings"`
	Reason          string      `json:"reason"`
}

// item is one attribution prepared for alignment.
type item struct {
	article  string
	a        Attribution
	speaker  string // canonical
	person   bool   // speaker is a resolved person
	resolved bool
	quoted   string   // quoted text ("" for indirect)
	span     Span     // the quotation or content in the article
	words    []string // folded words of quoted (or of the content when indirect)
	stems    map[string]bool
	order    int
}

// Alignment thresholds.
const (
	minCover       = 0.8 // share of the shorter quote's words the longer one must hold, in order
	minQuoteWords  = 3   // shorter quotes group only with the same speaker
	minParaphrase  = 0.6 // share of an indirect statement's content stems shared with the quote
	minParaStems   = 3
	maxLedgerWords = 400 // longer quotes are cut for alignment
)

// Ledger groups the renderings of the same statement across a story's
// articles. Quoted renderings group when one's words appear, in order, in
// the other (at least 80% of the shorter), unless two different named people
// said them; an indirect rendering joins a statement of the same speaker
// sharing half its content words. Each rendering is classified against the
// fullest one. ents are the story's entities (entity.Resolve), used to map
// each article's speaker to its canonical name.
func Ledger(arts []ArticleAttributions, ents []entity.Entity) []Statement {
	names := entity.Index(ents)
	var items []*item
	for _, art := range arts {
		var cands []*item
		for _, a := range art.Attributions {
			cands = append(cands, newItems(art.ID, a, names, len(items)+len(cands))...)
		}
		// a quotation claimed by two attributions counts once, for the one
		// whose cue is nearest (then the one with a resolved speaker)
		sort.SliceStable(cands, func(i, j int) bool {
			di, dj := cueDistance(cands[i]), cueDistance(cands[j])
			if di != dj {
				return di < dj
			}
			return cands[i].resolved && !cands[j].resolved
		})
		var seen []Span
		for _, it := range cands {
			if overlapsAny(seen, it.span) {
				continue
			}
			seen = append(seen, it.span)
			items = append(items, it)
		}
	}
	// fullest first: quoted before indirect, then longer first
	sort.SliceStable(items, func(i, j int) bool {
		qi, qj := items[i].quoted != "", items[j].quoted != ""
		if qi != qj {
			return qi
		}
		return len(items[i].words) > len(items[j].words)
	})
	var groups [][]*item
	for _, it := range items {
		g := bestGroup(groups, it)
		if g < 0 {
			groups = append(groups, []*item{it})
			continue
		}
		groups[g] = append(groups[g], it)
	}
	out := make([]Statement, 0, len(groups))
	for _, g := range groups {
		out = append(out, statementOf(g))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	return out
}

// newItems returns the items of one attribution: one per quotation of a
// direct or mixed attribution, or one for the content of an indirect one.
func newItems(article string, a Attribution, names entity.Names, order int) []*item {
	if a.Content.Empty() {
		return nil
	}
	speaker, resolved, person := a.Speaker, a.SpeakerResolved, false
	if e := names.Lookup(a.Speaker); e != nil && a.Speaker != "" {
		speaker, resolved, person = e.Name, true, e.Type == entity.Person
	}
	var out []*item
	add := func(sp Span) {
		it := &item{article: article, a: a, speaker: speaker, resolved: resolved, person: person,
			order: order + len(out), span: sp}
		if a.Kind != Indirect {
			it.quoted = sp.Text
		}
		it.words = text.Words(sp.Text)
		if len(it.words) > maxLedgerWords {
			it.words = it.words[:maxLedgerWords]
		}
		if len(it.words) == 0 {
			return
		}
		it.stems = map[string]bool{}
		for _, w := range it.words {
			if !text.IsStop(w) {
				it.stems[text.Stem(w)] = true
			}
		}
		out = append(out, it)
	}
	if a.Kind != Indirect && len(a.Quotes) > 0 {
		for _, q := range a.Quotes {
			for strings.HasSuffix(q.Text, ",") || strings.HasSuffix(q.Text, " ") {
				q.Text = q.Text[:len(q.Text)-1]
				q.End--
			}
			add(q)
		}
	} else {
		add(a.Content)
	}
	return out
}

// cueDistance is the distance in bytes between an item's text and the
// cue of its attribution.
func cueDistance(it *item) int {
	c := it.a.Cue
	switch {
	case c.End <= it.span.Start:
		return it.span.Start - c.End
	case c.Start >= it.span.End:
		return c.Start - it.span.End
	}
	return 0
}

// overlapsAny reports whether sp shares at least half of the shorter of
// itself and some span of seen.
func overlapsAny(seen []Span, sp Span) bool {
	for _, o := range seen {
		ov := min(o.End, sp.End) - max(o.Start, sp.Start)
		if ov > 0 && 2*ov >= min(o.End-o.Start, sp.End-sp.Start) {
			return true
		}
	}
	return false
}

// bestGroup returns the index of the group it belongs to, or -1.
func bestGroup(groups [][]*item, it *item) int {
	best, bestScore := -1, 0.0
	for gi, g := range groups {
		anchor := g[0]
		if conflict(g, it) {
			continue
		}
		var score float64
		if it.quoted != "" && anchor.quoted != "" {
			score = cover(it.words, anchor.words)
			short := min(len(it.words), len(anchor.words))
			if score < minCover || (short < minQuoteWords && !sameSpeaker(anchor, it)) {
				continue
			}
		} else {
			if !sameSpeaker(anchor, it) || len(it.stems) < minParaStems {
				continue
			}
			score = overlap(it.stems, anchor.stems)
			if score < minParaphrase || score*float64(len(it.stems)) < minParaStems {
				continue
			}
		}
		if score > bestScore {
			best, bestScore = gi, score
		}
	}
	return best
}

// conflict reports whether it names a different person than a member of g.
func conflict(g []*item, it *item) bool {
	if !it.person {
		return false
	}
	for _, m := range g {
		if m.person && m.speaker != it.speaker {
			return true
		}
	}
	return false
}

func sameSpeaker(a, b *item) bool {
	return a.resolved && b.resolved && a.speaker == b.speaker
}

// cover returns the share of the shorter word sequence found in order in
// the longer (longest common subsequence over the shorter's length).
func cover(a, b []string) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) == 0 {
		return 0
	}
	return float64(lcs(a, b)) / float64(len(a))
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			switch {
			case a[i-1] == b[j-1]:
				cur[j] = prev[j-1] + 1
			case prev[j] >= cur[j-1]:
				cur[j] = prev[j]
			default:
				cur[j] = cur[j-1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// overlap returns the share of a's stems that b holds.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// relation classifies a rendering against the fullest one.
func relation(it, anchor *item) (string, float64) {
	if it.quoted == "" {
		return Paraphrase, overlap(it.stems, anchor.stems)
	}
	c := cover(it.words, anchor.words)
	switch {
	case equalWords(it.words, anchor.words):
		return Verbatim, 1
	case containsRun(anchor.words, it.words):
		return Trimmed, 1
	}
	return Altered, c
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// containsRun reports whether run occurs contiguously in words.
func containsRun(words, run []string) bool {
	if len(run) == 0 || len(run) > len(words) {
		return false
	}
	for i := 0; i+len(run) <= len(words); i++ {
		if equalWords(words[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// statementOf builds the statement of a group; g[0] is the fullest.
func statementOf(g []*item) Statement {
	anchor := g[0]
	st := Statement{Speaker: anchor.speaker, SpeakerResolved: anchor.resolved, Kind: anchor.a.Kind, Cue: anchor.a.Cue.Text}
	st.Text = anchor.span.Text
	// prefer a named person as the statement's speaker ("Kanani" over "Iran")
	if !anchor.person {
		for _, m := range g {
			if m.person {
				st.Speaker, st.SpeakerResolved = m.speaker, true
				break
			}
		}
	}
	seen := map[string]bool{}
	byOrder := append([]*item(nil), g...)
	sort.SliceStable(byOrder, func(i, j int) bool { return byOrder[i].order < byOrder[j].order })
	counts := map[string]int{}
	for _, m := range byOrder {
		rel, score := relation(m, anchor)
		if m == anchor {
			rel, score = Verbatim, 1
		}
		txt := m.span.Text
		st.Renderings = append(st.Renderings, Rendering{Article: m.article, Text: txt, Cue: m.a.Cue.Text,
			Relation: rel, Speaker: m.a.Speaker, Score: score})
		counts[rel]++
		if !seen[m.article] {
			seen[m.article] = true
			st.Articles = append(st.Articles, m.article)
		}
	}
	sort.Strings(st.Articles)
	st.Reason = fmt.Sprintf("%d renderings in %d articles: %d verbatim, %d trimmed, %d altered, %d paraphrase",
		len(g), len(st.Articles), counts[Verbatim], counts[Trimmed], counts[Altered], counts[Paraphrase])
	return st
}
