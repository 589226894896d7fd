package quote

import "strconv"

// Feature kinds: each feature template has its own number so that equal
// strings under different templates hash apart.
const (
	fBias uint64 = iota + 1
	fWord
	fStem
	fShape
	fSuffix
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevNext
	fBigramL
	fBigramR
	fQuoted
	fMark
	fNearMark
	fSentFirst
	fPrevShape
	fNextShape
	fQuoteShape
	fStemNext
	fPrevStem
	fTrigram
	fCommaBefore
	fCap
	// role features
	fRel
	fRelDist
	fRelWord
	fRelShape
	fRelStem
	fRelQuoted
	fRelCue
	fRelCueStem
	fMarksBetween
	fCommaBetween
	fSentOff
	fRelPrev
	fRelNext
	fIsCue
	fCueWord
	fRelSentFirst
	fQuotedCueIn
	fRelMark
	fRelPrevShape
	fSrcCue
	fRelCueQuoted
	fWindowQuote
	fParaOff
	fRelVerb
	fRelDistWord
	fPOS
	fPOSPrev
	fPOSNext
	fPOSTri
	fRelPOS
	fRelPOSCtx
	fQuoteRel
	fSentQuote
	fSentPos
)

func wordAt(p *prepared, i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(p.toks) {
		return "</s>"
	}
	return p.toks[i].lower
}

func posAt(p *prepared, i int) string {
	if i < 0 || i >= len(p.toks) {
		return "_"
	}
	return p.toks[i].pos
}

func shapeAt(p *prepared, i int) string {
	if i < 0 || i >= len(p.toks) {
		return "_"
	}
	return p.toks[i].shape
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[len(s)-n:]
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// cueFeatures returns the features of token i for the cue tagger.
func cueFeatures(p *prepared, i int, buf []feat) []feat {
	t := &p.toks[i]
	w := t.lower
	prev, next := wordAt(p, i-1), wordAt(p, i+1)
	buf = append(buf,
		fh(fBias, ""),
		fh(fWord, w),
		fh(fStem, t.stem),
		fh(fShape, t.shape),
		fh(fSuffix, suffix(w, 3)),
		fh(fPrev, prev),
		fh(fNext, next),
		fh(fPrev2, wordAt(p, i-2)),
		fh(fNext2, wordAt(p, i+2)),
		fh2(fBigramL, prev, w),
		fh2(fBigramR, w, next),
		fh2(fPrevNext, prev, next),
		fh(fQuoted, boolStr(t.quoted)),
		fh(fMark, strconv.Itoa(int(t.mark))),
		fh(fSentFirst, boolStr(t.sentFirst)),
		fh2(fPrevShape, shapeAt(p, i-1), t.shape),
		fh2(fNextShape, t.shape, shapeAt(p, i+1)),
		fh2(fQuoteShape, boolStr(t.quoted), t.stem),
		fh2(fStemNext, t.stem, next),
		fh2(fPrevStem, prev, t.stem),
		fhCat(fTrigram, prev, " "+w, next, ""),
	)
	pp, pn := posAt(p, i-1), posAt(p, i+1)
	r := p.sents[t.sent]
	sq := boolStr(p.sentQuoted[t.sent])
	pos := "mid"
	switch {
	case i-r[0] <= 3:
		pos = "start"
	case r[1]-i <= 3:
		pos = "end"
	}
	buf = append(buf, fh2(fSentQuote, sq, t.stem), fh2(fSentPos, pos, t.stem), fh2(fSentPos, pos+sq, t.pos),
		fh(fNearMark, nearMark(p, i)),
		fh(fPOS, t.pos),
		fh2(fPOSPrev, pp, t.pos),
		fh2(fPOSNext, t.pos, pn),
		fhCat(fPOSTri, pp, t.pos, pn, ""),
		fh2(fPOS, t.pos, w),
	)
	return buf
}

// nearMark describes quote marks around token i within three tokens:
// "c<" a closing mark just before (”, he said), "o>" an opening mark just
// after (said: “...), combined.
func nearMark(p *prepared, i int) string {
	s := ""
	for d := 1; d <= 3; d++ {
		if j := i - d; j >= 0 && p.toks[j].mark == -1 {
			s += "c" + strconv.Itoa(d)
			break
		}
	}
	for d := 1; d <= 3; d++ {
		if j := i + d; j < len(p.toks) && p.toks[j].mark == 1 {
			s += "o" + strconv.Itoa(d)
			break
		}
	}
	return s
}

// distBucket buckets a token distance.
func distBucket(d int) string {
	switch {
	case d <= 3:
		return strconv.Itoa(d)
	case d <= 5:
		return "4-5"
	case d <= 10:
		return "6-10"
	case d <= 20:
		return "11-20"
	case d <= 40:
		return "21-40"
	}
	return "40+"
}

// roleContext holds what the role features need to know about one cue.
type roleContext struct {
	p          *prepared
	cs, ce     int // cue token range [cs, ce)
	cueWord    string
	cueStem    string
	cueQuoted  string
	marksLeft  []int // quote marks between token i and the cue, for i < cs
	marksRight []int
	commaLeft  []bool
	commaRight []bool
	lo, hi     int              // window
	quoteRel   map[int32]string // quotation index -> its place relative to the cue
}

func newRoleContext(p *prepared, cs, ce, lo, hi int) *roleContext {
	rc := &roleContext{p: p, cs: cs, ce: ce, lo: lo, hi: hi}
	words := ""
	for i := cs; i < ce; i++ {
		if i > cs {
			words += " "
		}
		words += p.toks[i].lower
	}
	rc.cueWord = words
	rc.cueStem = p.toks[ce-1].stem
	if ce-cs > 1 {
		rc.cueStem = p.toks[cs].stem
	}
	rc.cueQuoted = boolStr(p.toks[cs].quoted)
	rc.quoteRel = quoteRelations(p, cs, ce, lo, hi)
	n := hi - lo
	rc.marksLeft = make([]int, n)
	rc.commaLeft = make([]bool, n)
	rc.marksRight = make([]int, n)
	rc.commaRight = make([]bool, n)
	m, c := 0, false
	for i := cs - 1; i >= lo; i-- {
		rc.marksLeft[i-lo], rc.commaLeft[i-lo] = m, c
		if p.toks[i].mark != 0 {
			m++
		}
		if p.toks[i].text == "," {
			c = true
		}
	}
	m, c = 0, false
	for i := ce; i < hi; i++ {
		rc.marksRight[i-lo], rc.commaRight[i-lo] = m, c
		if p.toks[i].mark != 0 {
			m++
		}
		if p.toks[i].text == "," {
			c = true
		}
	}
	return rc
}

// quoteRelations describes each quotation of the window by its place
// relative to the cue: adjacent before ("“…,” he said"), adjacent after
// ("said: “…”"), around the cue, or the n-th one away on a side.
func quoteRelations(p *prepared, cs, ce, lo, hi int) map[int32]string {
	rel := map[int32]string{}
	left, right := 0, 0
	for i := cs - 1; i >= lo; i-- {
		q := p.toks[i].quote
		if q < 0 || rel[q] != "" {
			continue
		}
		if p.quotes[q][1] > cs {
			rel[q] = "around"
			continue
		}
		left++
		if cs-p.quotes[q][1] <= 5 && left == 1 {
			rel[q] = "adjL"
		} else {
			rel[q] = "L" + strconv.Itoa(min(left, 3))
		}
	}
	for i := ce; i < hi; i++ {
		q := p.toks[i].quote
		if q < 0 || rel[q] != "" {
			continue
		}
		right++
		if p.quotes[q][0]-ce <= 3 && right == 1 {
			rel[q] = "adjR"
		} else {
			rel[q] = "R" + strconv.Itoa(min(right, 3))
		}
	}
	return rel
}

// roleFeatures returns the features of token i for the role tagger.
func (rc *roleContext) roleFeatures(i int, buf []feat) []feat {
	p := rc.p
	t := &p.toks[i]
	var rel string
	var dist, marks int
	var comma bool
	switch {
	case i < rc.cs:
		rel, dist = "L", rc.cs-i
		marks, comma = rc.marksLeft[i-rc.lo], rc.commaLeft[i-rc.lo]
	case i >= rc.ce:
		rel, dist = "R", i-rc.ce+1
		marks, comma = rc.marksRight[i-rc.lo], rc.commaRight[i-rc.lo]
	default:
		rel = "C"
	}
	db := distBucket(dist)
	rd := rel + db
	mb := strconv.Itoa(min(marks, 3))
	sentOff := strconv.Itoa(max(-3, min(3, t.sent-p.toks[rc.cs].sent)))
	prev, next := wordAt(p, i-1), wordAt(p, i+1)
	q := boolStr(t.quoted)
	buf = append(buf,
		fh(fBias, ""),
		fh(fRel, rel),
		fh(fRelDist, rd),
		fh2(fRelWord, rel, t.lower),
		fh2(fRelShape, rel, t.shape),
		fh2(fRelStem, rel, t.stem),
		fhCat(fRelQuoted, rel, "", q, strconv.Itoa(int(t.mark))),
		fh2(fRelCue, rel, rc.cueWord),
		fh2(fRelCueStem, rd, rc.cueStem),
		fhCat(fMarksBetween, rel, "", mb, q),
		fhCat(fCommaBetween, rel, "", boolStr(comma), mb),
		fh2(fSentOff, rel, sentOff),
		fh2(fRelPrev, rel, prev),
		fh2(fRelNext, rel, next),
		fh2(fRelSentFirst, rel, boolStr(t.sentFirst)),
		fhCat(fRelPrevShape, rel, "", shapeAt(p, i-1), t.shape),
		fhCat(fRelCueQuoted, rel, rc.cueQuoted, q, ""),
		fh2(fRelDistWord, rd, t.lower),
		fh(fWord, t.lower),
		fh(fShape, t.shape),
		fh2(fBigramL, prev, t.lower),
		fh(fSuffix, suffix(t.lower, 3)),
		fh2(fRelMark, rel, nearMark(p, i)),
		fhCat(fWindowQuote, rel, sentOff, q, mb),
		fh2(fRelPOS, rd, t.pos),
		fhCat(fRelPOSCtx, rel, posAt(p, i-1), t.pos, posAt(p, i+1)),
	)
	if t.quote >= 0 {
		qr := rc.quoteRel[t.quote]
		buf = append(buf, fh2(fQuoteRel, rel, qr), fhCat(fQuoteRel, qr, sentOff, rc.cueStem, ""))
	} else {
		buf = append(buf, fh2(fQuoteRel, rel, "none"))
	}
	return buf
}
