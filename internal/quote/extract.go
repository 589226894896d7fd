package quote

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/text"
)

// Kinds of attribution.
const (
	Direct   = "direct"   // the content is all inside quotation marks
	Mixed    = "mixed"    // paraphrase with a quoted fragment
	Indirect = "indirect" // reported speech with no quotation
)

// Span is a piece of the text given to Extract; Start and End are byte
// offsets and Text is text[Start:End]. The zero Span means "none".
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Empty reports whether s covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Attribution is one statement found in a text: who (Source), the cue that
// attributes it (said, told, according to) and what was attributed
// (Content).
type Attribution struct {
	Source  Span   `json:"source"` // empty when the text names no source
	Cue     Span   `json:"cue"`
	Content Span   `json:"content"`
	Kind    string `json:"kind"` // Direct, Mixed or Indirect
	// Quotes are the quotations Content draws on, whole and without their
	// marks, even where the content boundary cuts one.
	Quotes []Span `json:"quotes,omitempty"`
	// Speaker is the canonical name of the source entity when it could be
	// resolved (SpeakerResolved), else the source text as written ("the
	// spokesperson"), or "" when there is no source.
	Speaker         string  `json:"speaker"`
	SpeakerResolved bool    `json:"speaker_resolved"`
	Score           float64 `json:"score"`  // confidence of the cue, 0-1
	Reason          string  `json:"reason"` // how it was found, for display
}

// Cue tagger labels.
const (
	cueO = iota
	cueB
	cueI
	cueLabels
)

func cueAllowed(p, c int) bool { return c != cueI || p == cueB || p == cueI }

// Role tagger labels.
const (
	roleO = iota
	roleBS
	roleIS
	roleBC
	roleIC
	roleBSc // source starting inside the content ("“…,” he said, “…”")
	roleISc
	roleLabels
)

func roleAllowed(p, c int) bool {
	switch c {
	case roleIS:
		return p == roleBS || p == roleIS
	case roleIC:
		return p == roleBC || p == roleIC || p == roleBSc || p == roleISc
	case roleBSc:
		return p == roleBC || p == roleIC
	case roleISc:
		return p == roleBSc || p == roleISc
	}
	return true
}

// Ready loads the embedded model and reports whether it is usable. Extract
// calls it; callers that time extraction call it first.
func Ready() error {
	_, err := loadModel()
	return err
}

// stemmers keeps warm stem caches between calls; a Stemmer is used by one
// goroutine at a time.
var stemmers = sync.Pool{New: func() any { return text.NewStemmer() }}

// Extract finds the attributions in s, a cleaned article body, in text
// order of their cues. Mentions are the entities of s (entity.Extract):
// they resolve each source — a name, a description or a pronoun — to a
// canonical speaker; with none, Speaker is the source as written. Extract
// is safe for concurrent use.
func Extract(s string, mentions []entity.Mention) []Attribution {
	m, err := loadModel()
	if err != nil {
		return nil
	}
	st := stemmers.Get().(*text.Stemmer)
	p := prepareText(s, st, m.pos)
	stemmers.Put(st)
	var out []Attribution
	cues := m.findCues(p)
	for _, c := range cues {
		out = append(out, m.roles(p, c))
	}
	out = appendRules(p, cues, out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Cue.Start < out[j].Cue.Start })
	if len(mentions) > 0 {
		resolveSpeakers(s, out, mentions)
	}
	return out
}

// appendRules adds the attributions the layout rules find where the
// tagger found no cue, or replaces the tagger's when it missed the source
// or the content.
func appendRules(p *prepared, cues []cueSpan, out []Attribution) []Attribution {
	for _, r := range append(dashSigned(p), transcript(p)...) {
		taken := -1
		for i, c := range cues {
			if c.s < r.cue[1] && r.cue[0] < c.e {
				taken = i
				break
			}
		}
		// the tagger's own reading wins when it found source and content
		if taken >= 0 && !out[taken].Source.Empty() && !out[taken].Content.Empty() {
			continue
		}
		a := Attribution{
			Source:  p.byteSpan(r.src[0], r.src[1]),
			Cue:     p.byteSpan(r.cue[0], r.cue[1]),
			Content: p.byteSpan(r.con[0], r.con[1]),
			Kind:    kindOf(p, r.con[0], r.con[1], r.cue[0], r.cue[1], r.src[0], r.src[1]),
			Quotes:  p.quotedIn(r.con[0], r.con[1]),
			Score:   0.5,
		}
		a.Speaker = a.Source.Text
		a.Reason = r.reason
		if taken >= 0 {
			out[taken] = a
			continue
		}
		out = append(out, a)
	}
	return out
}

// cueSpan is a cue found by the tagger: token range and confidence.
type cueSpan struct {
	s, e  int
	score float64
}

// findCues tags each sentence for cue spans.
func (m *model) findCues(p *prepared) []cueSpan {
	var out []cueSpan
	var feats [][]feat
	var em []float64
	var flat []feat
	for _, r := range p.sents {
		feats = feats[:0]
		flat = flat[:0]
		for i := r[0]; i < r[1]; i++ {
			at := len(flat)
			flat = cueFeatures(p, i, flat)
			feats = append(feats, flat[at:len(flat):len(flat)])
		}
		n := len(feats)
		if cap(em) < n*cueLabels {
			em = make([]float64, n*cueLabels)
		}
		em = em[:n*cueLabels]
		m.cue.emissions(feats, em)
		labels := viterbi(n, cueLabels, em, func(a, b int) float64 { return float64(m.cue.trans[a*cueLabels+b]) }, cueAllowed)
		for i := 0; i < n; i++ {
			if labels[i] != cueB {
				continue
			}
			j := i + 1
			for j < n && labels[j] == cueI {
				j++
			}
			margin := 0.0
			for k := i; k < j; k++ {
				row := em[k*cueLabels : (k+1)*cueLabels]
				margin += row[labels[k]] - row[cueO]
			}
			out = append(out, cueSpan{s: r[0] + i, e: r[0] + j, score: 1 / (1 + math.Exp(-margin/float64(j-i)/4))})
			i = j - 1
		}
	}
	return out
}

// roleWindow returns the token range searched for the source and content
// of the cue at [cs, ce): the cue's sentence and its neighbours within the
// paragraph.
func roleWindow(p *prepared, cs, ce int) (int, int) {
	s := p.toks[cs].sent
	para := p.paras[p.toks[cs].para]
	lo := p.sents[max(0, s-1)][0]
	hi := p.sents[min(len(p.sents)-1, p.toks[ce-1].sent+1)][1]
	lo, hi = max(lo, para[0]), min(hi, para[1])
	// take in whole any quotation the window cuts
	if q := p.toks[lo].quote; q >= 0 {
		lo = min(lo, p.quotes[q][0])
	}
	if q := p.toks[hi-1].quote; q >= 0 {
		hi = max(hi, p.quotes[q][1])
	}
	return lo, hi
}

// roleFeats returns the features of every token of the window.
func roleFeats(p *prepared, cs, ce int) ([][]feat, int, int) {
	lo, hi := roleWindow(p, cs, ce)
	rc := newRoleContext(p, cs, ce, lo, hi)
	feats := make([][]feat, 0, hi-lo)
	flat := make([]feat, 0, (hi-lo)*32)
	for i := lo; i < hi; i++ {
		at := len(flat)
		flat = rc.roleFeatures(i, flat)
		feats = append(feats, flat[at:len(flat):len(flat)])
	}
	return feats, lo, hi
}

// roles tags the source and content of one cue.
func (m *model) roles(p *prepared, c cueSpan) Attribution {
	feats, lo, _ := roleFeats(p, c.s, c.e)
	labels := m.role.decode(feats)
	src := pickSpan(labels, c.s-lo, c.e-lo, isSourceStart, isSourceIn)
	con := pickSpan(labels, c.s-lo, c.e-lo, isContentStart, isContentIn)
	a := Attribution{Cue: p.byteSpan(c.s, c.e), Score: c.score}
	if src[1] > src[0] {
		a.Source = p.byteSpan(lo+src[0], lo+src[1])
		a.Speaker = a.Source.Text
	}
	if con[1] > con[0] {
		a.Content = p.byteSpan(lo+con[0], lo+con[1])
	} else if fs, fe, why := p.fallbackContent(c.s, c.e, lo+src[0], lo+src[1]); fe > fs {
		con = [2]int{fs - lo, fe - lo}
		a.Content = p.byteSpan(fs, fe)
		a.Reason = why
	}
	a.Kind = kindOf(p, lo+con[0], lo+con[1], c.s, c.e, lo+src[0], lo+src[1])
	a.Quotes = p.quotedIn(lo+con[0], lo+con[1])
	a.Reason = reasonOf(a) + a.Reason
	return a
}

func isSourceStart(l int) bool  { return l == roleBS || l == roleBSc }
func isSourceIn(l int) bool     { return l == roleIS || l == roleISc }
func isContentStart(l int) bool { return l == roleBC }
func isContentIn(l int) bool    { return l == roleIC || l == roleBSc || l == roleISc }

// pickSpan returns the labelled span (start and inside labels) nearest
// the cue at [cs, ce), as a range of label indices; {0, 0} when none.
func pickSpan(labels []int, cs, ce int, start, in func(int) bool) [2]int {
	best, bestD := [2]int{}, math.MaxInt
	for i := 0; i < len(labels); i++ {
		if !start(labels[i]) {
			continue
		}
		j := i + 1
		for j < len(labels) && in(labels[j]) {
			j++
		}
		d := 0
		switch {
		case j <= cs:
			d = cs - j
		case i >= ce:
			d = i - ce
		}
		if d < bestD {
			best, bestD = [2]int{i, j}, d
		}
		i = j - 1
	}
	return best
}

// fallbackContent finds the content of a cue the tagger left without one,
// in three layouts: a cue closing its sentence after a comma ("..., sources
// said.") takes the clause before the comma; one right after a quotation
// ("“Why?” Vitter demanded.") takes the quotation; a cue ending its
// paragraph with a colon ("He said:") takes the next paragraph.
func (p *prepared) fallbackContent(cs, ce, ss, se int) (int, int, string) {
	para := p.paras[p.toks[cs].para]
	if ce < len(p.toks) && p.toks[ce].text == ":" && ce+1 == para[1] && p.toks[ce].para+1 < len(p.paras) {
		next := p.paras[p.toks[ce].para+1]
		return next[0], next[1], "; content: the paragraph after the colon"
	}
	first := cs
	if se > ss && ss < cs {
		first = ss
	}
	sent := p.sents[p.toks[cs].sent]
	end := sent[1]
	for end > ce && isPunctTok(p.toks[end-1].text) {
		end--
	}
	if first-1 > sent[0]+2 && p.toks[first-1].text == "," && end == ce {
		return sent[0], first - 1, "; content: the clause before the comma"
	}
	if first > 0 && p.toks[first-1].mark == -1 && end == ce {
		q := p.quotes[p.toks[first-1].quote]
		return q[0], q[1], "; content: the quotation before the cue"
	}
	return 0, 0, ""
}

// quotedIn returns the insides of the quotations overlapping tokens
// [s, e).
func (p *prepared) quotedIn(s, e int) []Span {
	var out []Span
	for _, q := range p.quotes {
		a, b := q[0], q[1]
		if p.toks[a].mark == 1 {
			a++
		}
		if b > a && p.toks[b-1].mark == -1 {
			b--
		}
		if b > a && a < e && s < b {
			out = append(out, p.byteSpan(a, b))
		}
	}
	return out
}

// byteSpan converts a token range to a Span.
func (p *prepared) byteSpan(s, e int) Span {
	if e <= s {
		return Span{}
	}
	a, b := p.toks[s].start, p.toks[e-1].end
	return Span{Start: a, End: b, Text: p.text[a:b]}
}

func reasonOf(a Attribution) string {
	var b strings.Builder
	fmt.Fprintf(&b, "cue %q (%.2f)", a.Cue.Text, a.Score)
	if a.Source.Empty() {
		b.WriteString("; no source in reach")
	}
	if a.Content.Empty() {
		b.WriteString("; no content found")
	}
	return b.String()
}

// kindOf classifies content tokens [s, e) by how much is quoted, leaving
// out the attribution's own cue [cs, ce) and source [ss, se). A content
// that opens and closes with a quotation and holds its own cue ("“We
// will,” he said, “and soon.”") is direct, as annotators count it.
func kindOf(p *prepared, s, e, cs, ce, ss, se int) string {
	quoted, all := 0, 0
	for i := s; i < e; i++ {
		t := p.toks[i]
		if t.mark != 0 || (i >= cs && i < ce) || (i >= ss && i < se) || shapeOf(t.text) == t.text {
			continue
		}
		all++
		if t.quoted {
			quoted++
		}
	}
	switch {
	case all == 0 || quoted == 0:
		return Indirect
	case quoted == all:
		return Direct
	}
	last := e - 1
	for last > s && p.toks[last].mark == 0 && shapeOf(p.toks[last].text) == p.toks[last].text {
		last--
	}
	first, end := p.toks[s], p.toks[last]
	if (first.mark == 1 || first.quoted) && (end.mark == -1 || end.quoted) && cs >= s && ce <= e {
		return Direct
	}
	return Mixed
}
