package eval

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-news/parallax/internal/text"
)

// QuotePrediction is one attribution found by the engine in a QuoteDoc's
// text. Spans are byte offsets; an empty Source means none was found.
type QuotePrediction struct {
	Source, Cue, Content QuoteSpan
	Type                 string // direct, mixed or indirect
	Speaker              string // canonical speaker name, "" when unresolved
}

// QuotePRF is precision, recall and F1 as fractions 0-1.
type QuotePRF struct {
	P  float64 `json:"p"`
	R  float64 `json:"r"`
	F1 float64 `json:"f1"`
}

// QuoteRoleScore scores one role (source, cue or content): Exact counts a
// predicted span right when its boundaries equal a gold span's; Partial
// when it overlaps at least 30% of a gold span's characters. Boundaries
// are compared after trimming white space and punctuation at both ends of
// both spans, so that whether a quote mark, comma or full stop sits inside
// the span does not count.
type QuoteRoleScore struct {
	Exact   QuotePRF `json:"exact"`
	Partial QuotePRF `json:"partial"`
	Gold    int      `json:"gold"`
	Pred    int      `json:"predicted"`
}

// QuoteRoles holds the score of each role.
type QuoteRoles struct {
	Source  QuoteRoleScore `json:"source"`
	Cue     QuoteRoleScore `json:"cue"`
	Content QuoteRoleScore `json:"content"`
}

// QuoteScores is the report of "parallax eval quotes".
type QuoteScores struct {
	QuoteRoles
	// ByType scores each attribution type on its own: gold attributions of
	// the type against predictions of the same predicted type.
	ByType map[string]QuoteRoles `json:"by_type"`
	// SpeakerAccuracy is the share of gold attributions carrying a speaker
	// reference, whose content a prediction matches (partially), for which
	// the predicted canonical speaker names the same person. Nil when the
	// data carries no speaker references.
	SpeakerAccuracy *float64 `json:"speaker_accuracy,omitempty"`
	SpeakerMatched  int      `json:"speaker_matched,omitempty"`
	Articles        int      `json:"articles"`
	ArticlesPerSec  float64  `json:"articles_per_sec"`
}

// QuoteTypes are the attribution types, in report order.
var QuoteTypes = []string{"direct", "mixed", "indirect"}

// qtPartialShare is the share of a gold span's characters a prediction
// must cover to count as a partial match.
const qtPartialShare = 0.3

// qtCount accumulates matches of one role.
type qtCount struct {
	gold, pred, exact, partialGold, partialPred int
}

func (c *qtCount) add(o qtCount) {
	c.gold += o.gold
	c.pred += o.pred
	c.exact += o.exact
	c.partialGold += o.partialGold
	c.partialPred += o.partialPred
}

func (c qtCount) score() QuoteRoleScore {
	return QuoteRoleScore{
		Exact:   qtPRF(c.exact, c.exact, c.pred, c.gold),
		Partial: qtPRF(c.partialPred, c.partialGold, c.pred, c.gold),
		Gold:    c.gold,
		Pred:    c.pred,
	}
}

func qtPRF(tpPred, tpGold, pred, gold int) QuotePRF {
	var s QuotePRF
	if pred > 0 {
		s.P = float64(tpPred) / float64(pred)
	}
	if gold > 0 {
		s.R = float64(tpGold) / float64(gold)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// ScoreQuotes scores predictions (one slice per document, in the order of
// docs) against the gold attributions of docs.
func ScoreQuotes(docs []QuoteDoc, preds [][]QuotePrediction) QuoteScores {
	var all [3]qtCount
	byType := map[string]*[3]qtCount{}
	for _, t := range QuoteTypes {
		byType[t] = &[3]qtCount{}
	}
	spkTotal, spkRight := 0, 0
	for i, doc := range docs {
		var pred []QuotePrediction
		if i < len(preds) {
			pred = preds[i]
		}
		for r := range 3 {
			c, _ := qtMatchRole(doc.Text, qtGoldSpans(doc.Attributions, r, ""), qtPredSpans(pred, r, ""))
			all[r].add(c)
			for _, t := range QuoteTypes {
				c, _ := qtMatchRole(doc.Text, qtGoldSpans(doc.Attributions, r, t), qtPredSpans(pred, r, t))
				byType[t][r].add(c)
			}
		}
		n, right := qtSpeakers(doc, pred)
		spkTotal += n
		spkRight += right
	}
	out := QuoteScores{QuoteRoles: qtRoles(all), ByType: map[string]QuoteRoles{}, Articles: len(docs)}
	for t, c := range byType {
		out.ByType[t] = qtRoles(*c)
	}
	if spkTotal > 0 {
		acc := float64(spkRight) / float64(spkTotal)
		out.SpeakerAccuracy = &acc
		out.SpeakerMatched = spkTotal
	}
	return out
}

func qtRoles(c [3]qtCount) QuoteRoles {
	return QuoteRoles{Source: c[0].score(), Cue: c[1].score(), Content: c[2].score()}
}

// Role indices.
const (
	qtSource = iota
	qtCue
	qtContent
)

func qtRole(s, c, t QuoteSpan, r int) QuoteSpan {
	switch r {
	case qtSource:
		return s
	case qtCue:
		return c
	}
	return t
}

// qtGoldSpans returns the non-empty spans of role r of the attributions of
// type typ ("" for all), with their attribution index.
func qtGoldSpans(as []QuoteAttribution, r int, typ string) []qtIndexed {
	return qtSpans(as, r, typ, func(a QuoteAttribution) (QuoteSpan, QuoteSpan, QuoteSpan, string) {
		return a.Source, a.Cue, a.Content, a.Type
	})
}

func qtPredSpans(ps []QuotePrediction, r int, typ string) []qtIndexed {
	return qtSpans(ps, r, typ, func(p QuotePrediction) (QuoteSpan, QuoteSpan, QuoteSpan, string) {
		return p.Source, p.Cue, p.Content, p.Type
	})
}

func qtSpans[T any](xs []T, r int, typ string, parts func(T) (QuoteSpan, QuoteSpan, QuoteSpan, string)) []qtIndexed {
	var out []qtIndexed
	for i, x := range xs {
		s, c, t, ty := parts(x)
		if typ != "" && ty != typ {
			continue
		}
		if sp := qtRole(s, c, t, r); !sp.Empty() {
			out = append(out, qtIndexed{sp, i})
		}
	}
	return out
}

type qtIndexed struct {
	span QuoteSpan
	idx  int
}

// qtMatchRole matches predicted spans to gold spans one to one and counts
// exact and partial matches. It returns, for each gold index (position in
// gold), the predicted attribution index partially matched to it or -1.
func qtMatchRole(text string, gold, pred []qtIndexed) (qtCount, []int) {
	c := qtCount{gold: len(gold), pred: len(pred)}
	g := make([][2]int, len(gold))
	for i, s := range gold {
		g[i][0], g[i][1] = QuoteTrim(text, s.span.Start, s.span.End)
	}
	p := make([][2]int, len(pred))
	for i, s := range pred {
		p[i][0], p[i][1] = QuoteTrim(text, s.span.Start, s.span.End)
	}
	// exact
	usedG := make([]bool, len(gold))
	usedP := make([]bool, len(pred))
	match := make([]int, len(gold))
	for i := range match {
		match[i] = -1
	}
	for i := range g {
		for j := range p {
			if !usedP[j] && g[i] == p[j] {
				usedG[i], usedP[j] = true, true
				match[i] = pred[j].idx
				c.exact++
				break
			}
		}
	}
	// partial, greedy by overlap, over spans not matched exactly
	type pair struct{ i, j, ov int }
	var pairs []pair
	for i := range g {
		if usedG[i] {
			continue
		}
		for j := range p {
			if usedP[j] {
				continue
			}
			ov := min(g[i][1], p[j][1]) - max(g[i][0], p[j][0])
			if ov > 0 && float64(ov) >= qtPartialShare*float64(g[i][1]-g[i][0]) {
				pairs = append(pairs, pair{i, j, ov})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool { return pairs[a].ov > pairs[b].ov })
	partial := c.exact
	for _, pr := range pairs {
		if usedG[pr.i] || usedP[pr.j] {
			continue
		}
		usedG[pr.i], usedP[pr.j] = true, true
		match[pr.i] = pred[pr.j].idx
		partial++
	}
	c.partialGold, c.partialPred = partial, partial
	return c, match
}

// QuoteTrim returns the bounds of text[start:end] without white space and
// punctuation at either end. A span made only of those keeps its bounds.
func QuoteTrim(text string, start, end int) (int, int) {
	s, e := start, end
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !qtTrimmable(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !qtTrimmable(r) {
			break
		}
		e -= n
	}
	if s == e {
		return start, end
	}
	return s, e
}

func qtTrimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || r == utf8.RuneError
}

// qtSpeakers counts the gold attributions with a speaker reference whose
// content a prediction matches, and how many of those name the speaker.
func qtSpeakers(doc QuoteDoc, pred []QuotePrediction) (total, right int) {
	gold := qtGoldSpans(doc.Attributions, qtContent, "")
	var withRef []qtIndexed
	for _, g := range gold {
		if doc.Attributions[g.idx].Speaker != "" {
			withRef = append(withRef, g)
		}
	}
	if len(withRef) == 0 {
		return 0, 0
	}
	_, match := qtMatchRole(doc.Text, withRef, qtPredSpans(pred, qtContent, ""))
	for i, g := range withRef {
		if match[i] < 0 {
			continue
		}
		total++
		if SameSpeaker(pred[match[i]].Speaker, doc.Attributions[g.idx].Speaker) {
			right++
		}
	}
	return total, right
}

// SameSpeaker reports whether a predicted speaker name names the gold
// speaker: equal after folding, or made only of words of the gold name
// including its last word ("Burns" or "William Burns" for "William J.
// Burns"). Pronouns and empty names never match.
func SameSpeaker(pred, gold string) bool {
	pw, gw := text.Words(pred), text.Words(gold)
	if len(pw) == 0 || len(gw) == 0 {
		return false
	}
	if strings.Join(pw, " ") == strings.Join(gw, " ") {
		return true
	}
	in := map[string]bool{}
	for _, w := range gw {
		in[w] = true
	}
	hasLast := false
	for _, w := range pw {
		if !in[w] {
			return false
		}
		if w == gw[len(gw)-1] {
			hasLast = true
		}
	}
	return hasLast
}
