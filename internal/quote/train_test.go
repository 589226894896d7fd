package quote

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/jdkato/prose/v3/tag"

	"github.com/parallax-news/parallax/internal/dataset"
	"github.com/parallax-news/parallax/internal/eval"
	"github.com/parallax-news/parallax/internal/text"
)

var (
	trainFlag    = flag.Bool("train", false, "train the model on polnear-train.jsonl and write model.bin.gz")
	epochsFlag   = flag.Int("epochs", 12, "training epochs")
	minCountFlag = flag.Int("mincount", 5, "drop features seen fewer times in training")
	pruneFlag    = flag.Float64("prune", 0.5, "drop features whose averaged weights are all smaller")
)

func loadDocs(t testing.TB, name string) []eval.QuoteDoc {
	t.Helper()
	f, err := os.Open(dataset.Require(t, "quotes/"+name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := eval.ReadQuoteDocs(f)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// tokRange returns the tokens of p overlapping the byte span sp, after
// trimming white space and punctuation at its ends.
func tokRange(p *prepared, sp eval.QuoteSpan) (int, int) {
	if sp.Empty() {
		return 0, 0
	}
	s, e := eval.QuoteTrim(p.text, sp.Start, sp.End)
	a, b := -1, -1
	for i, t := range p.toks {
		if t.end > s && t.start < e {
			if a < 0 {
				a = i
			}
			b = i + 1
		}
	}
	if a < 0 {
		return 0, 0
	}
	return a, b
}

// trainSeqs holds the training sequences of both taggers.
type trainSeqs struct {
	cueX [][][]feat
	cueY [][]int
	rolX [][][]feat
	rolY [][]int
}

func buildSeqs(docs []eval.QuoteDoc, pos *posModel) *trainSeqs {
	ts := &trainSeqs{}
	st := text.NewStemmer()
	for _, d := range docs {
		p := prepareText(d.Text, st, pos)
		cue := make([]int, len(p.toks))
		for _, a := range d.Attributions {
			s, e := tokRange(p, a.Cue)
			for i := s; i < e; i++ {
				if i == s {
					cue[i] = cueB
				} else {
					cue[i] = cueI
				}
			}
		}
		for _, r := range p.sents {
			var fs [][]feat
			for i := r[0]; i < r[1]; i++ {
				fs = append(fs, cueFeatures(p, i, nil))
			}
			ts.cueX = append(ts.cueX, fs)
			ts.cueY = append(ts.cueY, cue[r[0]:r[1]])
		}
		for _, a := range d.Attributions {
			cs, ce := tokRange(p, a.Cue)
			if ce <= cs {
				continue
			}
			fs, lo, hi := roleFeats(p, cs, ce)
			y := make([]int, hi-lo)
			label := func(sp eval.QuoteSpan, b, in int) {
				s, e := tokRange(p, sp)
				for i := max(s, lo); i < min(e, hi); i++ {
					if i == max(s, lo) {
						y[i-lo] = b
					} else {
						y[i-lo] = in
					}
				}
			}
			label(a.Content, roleBC, roleIC)
			ss, se := tokRange(p, a.Source)
			ks, ke := tokRange(p, a.Content)
			if se > ss && ss > ks && se <= ke {
				label(a.Source, roleBSc, roleISc)
			} else {
				label(a.Source, roleBS, roleIS)
			}
			ts.rolX = append(ts.rolX, fs)
			ts.rolY = append(ts.rolY, y)
		}
	}
	return ts
}

func trainTagger(t testing.TB, name string, X [][][]feat, Y [][]int, nl int, allowed func(p, c int) bool, epochs int) *tagger {
	dropRare(X, *minCountFlag)
	tr := newTrainer(nl, allowed)
	order := make([]int, len(X))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong := 0
		for _, i := range order {
			if tr.update(X[i], Y[i]) {
				wrong++
			}
		}
		t.Logf("%s epoch %d: %d/%d sequences wrong, %d features", name, ep+1, wrong, len(X), len(tr.w))
	}
	return tr.average(*pruneFlag)
}

// TestTrain trains both taggers on polnear-train.jsonl and writes
// model.bin.gz. Run: go test ./internal/quote -run TestTrain -train
func TestTrain(t *testing.T) {
	if !*trainFlag {
		t.Skip("pass -train to train the model")
	}
	docs := loadDocs(t, "polnear-train.jsonl")
	pos := trainPOS(t, docs, 5)
	ts := buildSeqs(docs, pos)
	m := &model{
		pos:  pos,
		cue:  trainTagger(t, "cue", ts.cueX, ts.cueY, cueLabels, cueAllowed, *epochsFlag),
		role: trainTagger(t, "role", ts.rolX, ts.rolY, roleLabels, roleAllowed, *epochsFlag),
	}
	var buf bytes.Buffer
	if err := encodeModel(&buf, m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("model.bin.gz", buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("model: %d pos + %d cue + %d role features, %d bytes", pos.t.w.n, m.cue.w.n, m.role.w.n, buf.Len())
}

// dropRare removes from X the features seen fewer than k times.
func dropRare(X [][][]feat, k int) {
	count := map[feat]int{}
	for _, seq := range X {
		for _, fs := range seq {
			for _, f := range fs {
				count[f]++
			}
		}
	}
	for _, seq := range X {
		for i, fs := range seq {
			kept := fs[:0]
			for _, f := range fs {
				if count[f] >= k {
					kept = append(kept, f)
				}
			}
			seq[i] = kept
		}
	}
}

// trainPOS distils prose's part-of-speech tagger: it tags the training
// texts with prose and learns a greedy perceptron from its output.
func trainPOS(t testing.TB, docs []eval.QuoteDoc, epochs int) *posModel {
	teacher, err := tag.New()
	if err != nil {
		t.Fatal(err)
	}
	st := text.NewStemmer()
	type sent struct {
		p    *prepared
		r    [2]int
		gold []int
	}
	index := map[string]int{}
	var tags []string
	var sents []sent
	for _, d := range docs {
		p := prepareText(d.Text, st, nil)
		for _, r := range p.sents {
			buf := make([]tag.Token, 0, r[1]-r[0])
			for i := r[0]; i < r[1]; i++ {
				buf = append(buf, tag.Token{Text: p.toks[i].text})
			}
			teacher.TagTokens(buf)
			gold := make([]int, len(buf))
			for i, tk := range buf {
				ct := coarseTag(tk.Tag)
				k, ok := index[ct]
				if !ok {
					k = len(tags)
					index[ct] = k
					tags = append(tags, ct)
				}
				gold[i] = k
			}
			sents = append(sents, sent{p, r, gold})
		}
	}
	count := map[feat]int{}
	tr := newTrainer(len(tags), anyLabel)
	rng := rand.New(rand.NewPCG(3, 4))
	scores := make([]float64, len(tags))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		wrong, all := 0, 0
		for _, s := range sents {
			prev, prev2 := "<s>", "<s>"
			for k, i := 0, s.r[0]; i < s.r[1]; i, k = i+1, k+1 {
				fs := posFeatures(s.p, i, prev, prev2, nil)
				if ep == 0 {
					for _, f := range fs {
						count[f]++
					}
				}
				clear(scores)
				for _, f := range fs {
					for l, v := range tr.w[f] {
						scores[l] += v
					}
				}
				best := 0
				for l := range scores {
					if scores[l] > scores[best] {
						best = l
					}
				}
				if g := s.gold[k]; best != g {
					wrong++
					for _, f := range fs {
						if ep > 0 && count[f] < *minCountFlag {
							continue
						}
						tr.bump(f, g, 1)
						tr.bump(f, best, -1)
					}
				}
				tr.c++
				all++
				prev2, prev = prev, tags[best]
			}
		}
		t.Logf("pos epoch %d: %.4f of %d tokens differ from prose", ep+1, float64(wrong)/float64(all), all)
	}
	return &posModel{tags: tags, t: tr.average(*pruneFlag)}
}
