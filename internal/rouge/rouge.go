// Package rouge scores a summary against reference summaries the way the
// ROUGE-1.5.5 Perl script does: ROUGE-N, ROUGE-L (summary-level union
// LCS) and ROUGE-SU (skip bigrams plus unigrams), with its tokenisation,
// its Porter stemmer, its word-limit truncation and its model-average
// ("-f A") way of combining several references: hits and counts are summed
// over the references before dividing.
//
// Texts are in SPL form: one sentence per line.
package rouge

import (
	"strconv"
)

// Options are the ROUGE-1.5.5 settings this package reproduces.
type Options struct {
	N     int     // -n: ROUGE-1 .. ROUGE-N are computed
	Stem  bool    // -m: Porter-stem tokens longer than three bytes
	Words int     // -l: only the first Words words of each text count; 0 = all
	Skip  int     // -2 with -u: maximum gap of the skip bigrams of ROUGE-SU; negative = unlimited
	Alpha float64 // -p: weight of precision in F = 1/(alpha/P + (1-alpha)/R)
	// Round rounds every per-text score to five decimals as 1.5.5 prints
	// them, F being computed from the rounded R and P. Set it to reproduce
	// the script's per-evaluation figures digit for digit.
	Round bool
}

// DUC returns the settings of the DUC evaluations:
// -n 4 -m -2 4 -u -l words -p 0.5 (stemming as given).
func DUC(words int, stem bool) Options {
	return Options{N: 4, Stem: stem, Words: words, Skip: 4, Alpha: 0.5, Round: true}
}

// Score is one ROUGE measure of a peer against its models. Hit, Model and
// Peer are the counts summed over the models: clipped matches, model-side
// units, peer-side units.
type Score struct {
	Hit, Model, Peer int
	R, P, F          float64
}

// Result holds every measure of one peer summary.
type Result struct {
	N  []Score // N[0] is ROUGE-1, N[1] ROUGE-2, ...
	L  Score   // ROUGE-L
	SU Score   // ROUGE-SU<Skip>
}

// Text is a summary prepared for scoring: lowercased, truncated to the
// word limit and tokenised, one token slice per sentence.
type Text struct {
	sents [][]string
}

// Tokens returns all tokens of the text in order.
func (t Text) Tokens() []string {
	var out []string
	for _, s := range t.sents {
		out = append(out, s...)
	}
	return out
}

// Prepare reads an SPL text (one sentence per line) as ROUGE-1.5.5 reads
// a peer or model file.
func Prepare(text string, opt Options) Text {
	return prepare(text, opt, nil)
}

func prepare(text string, opt Options, cache map[string]string) Text {
	sents := truncate(lines(text), opt.Words)
	t := Text{sents: make([][]string, len(sents))}
	for i, s := range sents {
		t.sents[i] = tokens(s, opt.Stem, cache)
	}
	return t
}

// Evaluate scores an SPL peer summary against SPL model summaries.
func Evaluate(peer string, models []string, opt Options) Result {
	cache := map[string]string{}
	p := prepare(peer, opt, cache)
	ms := make([]Text, len(models))
	for i, m := range models {
		ms[i] = prepare(m, opt, cache)
	}
	return Compare(p, ms, opt)
}

// Compare scores a prepared peer against prepared models.
func Compare(peer Text, models []Text, opt Options) Result {
	var res Result
	ptoks := peer.Tokens()
	mtoks := make([][]string, len(models))
	for i, m := range models {
		mtoks[i] = m.Tokens()
	}
	for n := 1; n <= opt.N; n++ {
		pg := ngrams(ptoks, n)
		var c counts
		for _, mt := range mtoks {
			mg := ngrams(mt, n)
			c.add(clip(mg, pg), mg.total, pg.total)
		}
		res.N = append(res.N, c.score(opt))
	}
	ps := skipBigrams(ptoks, opt.Skip)
	var su counts
	for _, mt := range mtoks {
		ms := skipBigrams(mt, opt.Skip)
		su.add(clip(ms, ps), ms.total, ps.total)
	}
	res.SU = su.score(opt)
	var l counts
	for _, m := range models {
		hit, base := unionLCS(m, peer)
		l.add(hit, base, len(ptoks))
	}
	res.L = l.score(opt)
	return res
}

// counts accumulates hits and counts over the models ("-f A").
type counts struct{ hit, model, peer int }

func (c *counts) add(hit, model, peer int) {
	c.hit += hit
	c.model += model
	c.peer += peer
}

func (c counts) score(opt Options) Score {
	s := Score{Hit: c.hit, Model: c.model, Peer: c.peer}
	if c.model > 0 {
		s.R = float64(c.hit) / float64(c.model)
	}
	if c.peer > 0 {
		s.P = float64(c.hit) / float64(c.peer)
	}
	if opt.Round {
		s.R, s.P = round5(s.R), round5(s.P)
	}
	if d := (1-opt.Alpha)*s.P + opt.Alpha*s.R; d > 0 {
		s.F = s.P * s.R / d
	}
	if opt.Round {
		s.F = round5(s.F)
	}
	return s
}

// round5 rounds like Perl's sprintf("%7.5f"): the binary value, correctly
// rounded to five decimals.
func round5(x float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 5, 64), 64)
	return r
}

// grams is a multiset of n-grams with its total count.
type grams struct {
	count map[string]int
	total int
}

func (g *grams) put(k string) {
	g.count[k]++
	g.total++
}

func ngrams(toks []string, n int) grams {
	g := grams{count: map[string]int{}}
	for i := 0; i+n <= len(toks); i++ {
		g.put(joinSpace(toks[i : i+n]))
	}
	return g
}

// skipBigrams builds ROUGE-SU units as 1.5.5's createSkipBigram does with
// -u: every token but the last as a unigram, plus each ordered pair whose
// second token is at most skip+1 positions after the first.
func skipBigrams(toks []string, skip int) grams {
	g := grams{count: map[string]int{}}
	for i := 0; i < len(toks)-1; i++ {
		g.put(toks[i])
		for j := i + 1; j < len(toks) && (skip < 0 || j <= i+skip+1); j++ {
			g.put(toks[i] + " " + toks[j])
		}
	}
	return g
}

func joinSpace(toks []string) string {
	if len(toks) == 1 {
		return toks[0]
	}
	n := len(toks) - 1
	for _, t := range toks {
		n += len(t)
	}
	b := make([]byte, 0, n)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t...)
	}
	return string(b)
}

// clip counts the model units the peer also has, each at most as often
// as the peer has it.
func clip(model, peer grams) int {
	hit := 0
	for k, mc := range model.count {
		if pc, ok := peer.count[k]; ok {
			hit += min(mc, pc)
		}
	}
	return hit
}
