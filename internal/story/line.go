package story

import (
	"container/heap"
	"fmt"
	"strconv"
	"strings"
)

// Storylines group stories by average linkage: the similarity of two
// groups of stories is the mean, over every pair of stories across them,
// of the cosine of their leads and the cosine of their names, in equal
// parts. A storyline keeps the sums of its stories' unit vectors, so a
// mean over all pairs is one dot product of sums. Leads, not whole texts:
// reports of related events (a second death of a film star, a second
// strike on the same city) say what happened first and differ most in
// their background. A lead holds common words only (see leadVector): what
// happened, while the names say who and where, so the two halves of the
// similarity measure different things.
//
// A new story joins the storyline it resembles most on average, if that
// reaches Config.LineThreshold, or opens one. Every regroupEvery articles
// (and whenever a caller asks, through Regroup) the storylines changed
// since the last time are merged agglomeratively: the closest pair first,
// while a pair's mean similarity reaches Config.LineMergeThreshold. Best
// first matters: merging whatever pair qualifies first chains unrelated
// storylines through one ambiguous story.

// lineLeadWeight is the weight of the leads in the storyline similarity;
// the names have the rest. Chosen with LineMergeThreshold on the ECB+
// train and dev topics.
const lineLeadWeight = 0.5

// shareKeys is how many of the heaviest keys of its unit lead and names
// vectors a story adds to its storyline: enough for a faithful cosine,
// few enough to keep the cost per article flat.
const shareKeys = 100

// regroupCandidates is how many storylines, found through the index,
// each changed storyline is compared with when regrouping.
const regroupCandidates = 8

// regroupEvery is how often, in articles, the storylines are regrouped.
const regroupEvery = 100

// lineShare is what a story adds to its storyline's centroids: its unit
// lead and names vectors (the heaviest keys), as they were when added.
type lineShare struct {
	lead, names []Entry
	added       bool
}

// LineMerge records that storyline From was merged into storyline Into.
type LineMerge struct {
	From  string  `json:"from"`
	Into  string  `json:"into"`
	Score float64 `json:"score"` // the mean similarity of their stories
}

// current follows the merges of a storyline to the one that holds it now.
func (c *cluster) current() *cluster {
	for c.mergedInto != nil {
		c = c.mergedInto
	}
	return c
}

// placeInStoryline puts a new story into the closest storyline (or a new
// one) and keeps what the story adds to its storyline up to date.
func (e *Engine) placeInStoryline(s *cluster, p *prepared, isNew, merged bool, a *Assignment) {
	if s.line != nil {
		s.line = s.line.current()
	}
	switch {
	case isNew || s.line == nil:
		sh := shareOf(s)
		q := sh.query()
		if best, score := e.closestLine(sh, q); best != nil && score >= e.cfg.LineThreshold {
			s.line = best
			s.lineWhy = Link{Score: score, Reason: joinReason(p, sh, best, score)}
		} else {
			s.lineWhy = Link{Reason: openReason(best, score, e.cfg.LineThreshold)}
			s.line = newCluster("l-"+p.id, e.seq)
			e.lines.open[s.line] = struct{}{}
			a.NewStoryline = true
		}
		s.line.storyPtrs = append(s.line.storyPtrs, s)
		e.contribute(s, sh, q)
	case merged || s.size <= 8 || s.size&(s.size-1) == 0:
		// a young story changes what it is about with every article; an
		// older one is refreshed at sizes 16, 32, 64...
		sh := shareOf(s)
		e.contribute(s, sh, sh.query())
	}
	l := s.line
	l.touch(p.published, e.seq)
	l.addDate(p.published)
	for _, q := range p.query {
		if lab, ok := p.labels[q.Key]; ok {
			l.labels[q.Key] = lab
		}
	}
	if len(l.labels) > 2*maxLabels {
		l.labels = topLabels(l, maxLabels)
	}
	e.lines.quiet = append(e.lines.quiet, quietEntry{c: l, seq: e.seq})
	if e.cfg.LineMergeThreshold > 0 && e.seq%regroupEvery == 0 {
		a.Regrouped = e.Regroup()
	}
}

// shareOf returns what story s adds to its storyline now.
func shareOf(s *cluster) lineShare {
	return lineShare{lead: s.lead.unit(shareKeys), names: s.names.unit(shareKeys)}
}

// contribute replaces what story s adds to its storyline by sh, and files
// the storyline under sh's query keys q.
func (e *Engine) contribute(s *cluster, sh lineShare, q []Entry) {
	l := s.line
	e.retract(s)
	l.terms.add(sh.lead)
	l.names.add(sh.names)
	l.terms.prune(maxLineCentroid)
	l.names.prune(maxLineCentroid)
	l.parts++
	sh.added = true
	s.share = sh
	l.version++
	e.markDirty(l)
	e.lines.idx.post(l, keysOf(q), e.seq)
	e.lines.idx.prune(l, maxLinePosted)
}

// query returns the keys a story's share finds storylines by, and files
// its storyline under.
func (sh lineShare) query() []Entry { return lineKeys(sh.lead, sh.names) }

// lineKeys returns the keys storylines are found and filed by: the 20
// heaviest lead terms and the 10 heaviest names.
func lineKeys(lead, names []Entry) []Entry {
	q := append([]Entry(nil), topKeys(lead, 20)...)
	return append(q, topKeys(names, 10)...)
}

// retract takes what story s added out of its storyline.
func (e *Engine) retract(s *cluster) {
	if !s.share.added || s.line == nil {
		return
	}
	l := s.line.current()
	if !l.closed {
		l.terms.sub(s.share.lead)
		l.names.sub(s.share.names)
		l.parts--
	}
	s.share = lineShare{}
}

// closestLine returns the candidate storyline whose stories a new story
// (with share sh and its query keys q) resembles most on average, and the
// mean similarity.
func (e *Engine) closestLine(sh lineShare, q []Entry) (*cluster, float64) {
	var best *cluster
	var bestScore float64
	for _, l := range e.lines.idx.candidates(q, maxLineCandidates, maxPosting) {
		if l.parts == 0 {
			continue
		}
		score := lineMix(lineParts(l, sh))
		if best == nil || score > bestScore || (score == bestScore && l.seq0 < best.seq0) {
			best, bestScore = l, score
		}
	}
	return best, bestScore
}

// lineParts returns the mean similarity of a story's share sh with the
// stories of storyline l, of their leads and of their names.
func lineParts(l *cluster, sh lineShare) (lead, names float64) {
	n := float64(l.parts)
	return l.terms.dot(sh.lead) / n, l.names.dot(sh.names) / n
}

// lineSim is the mean similarity between the stories of two storylines.
func lineSim(a, b *cluster) float64 { return lineMix(linePairParts(a, b)) }

// linePairParts returns the mean similarity between the stories of two
// storylines, of their leads and of their names.
func linePairParts(a, b *cluster) (lead, names float64) {
	if a.parts == 0 || b.parts == 0 {
		return 0, 0
	}
	n := float64(a.parts) * float64(b.parts)
	return a.terms.dotC(&b.terms) / n, a.names.dotC(&b.names) / n
}

// lineMix weighs a similarity of leads and one of names into one.
func lineMix(lead, names float64) float64 {
	return lineLeadWeight*lead + (1-lineLeadWeight)*names
}

func (e *Engine) markDirty(l *cluster) {
	if !l.dirty {
		l.dirty = true
		e.dirty = append(e.dirty, l)
	}
}

// Regroup merges storylines agglomeratively, closest pair first, while a
// pair's stories reach Config.LineMergeThreshold in mean similarity. Only
// pairs with a storyline changed since the last Regroup are considered (the
// others were compared before). It returns the merges, in order.
func (e *Engine) Regroup() []LineMerge {
	th := e.cfg.LineMergeThreshold
	if th <= 0 {
		return nil
	}
	var h pairHeap
	push := func(a *cluster) {
		for _, b := range e.lines.idx.candidatesBut(lineQuery(a), a.slot, regroupCandidates, maxPosting) {
			// a itself and closed storylines are not in the index
			if s := lineSim(a, b); s >= th {
				heap.Push(&h, linePair{a, b, a.version, b.version, s})
			}
		}
	}
	dirty := e.dirty
	e.dirty = nil
	for _, l := range dirty {
		l.dirty = false
		if !l.closed {
			push(l)
		}
	}
	var merges []LineMerge
	for h.Len() > 0 {
		p := heap.Pop(&h).(linePair)
		if p.a.closed || p.b.closed || p.a.version != p.va || p.b.version != p.vb {
			continue // merged away or changed since: a fresher pair stands for it
		}
		into, gone := olderFirst(p.a, p.b)
		e.mergeLines(into, gone, Link{Score: p.s, Reason: mergeReason(into, gone, p.s)})
		merges = append(merges, LineMerge{From: gone.id, Into: into.id, Score: p.s})
		push(into)
	}
	for _, l := range e.dirty { // marked by the merges above: compared already
		l.dirty = false
	}
	e.dirty = e.dirty[:0]
	return merges
}

// lineQuery returns the keys a storyline finds others by.
func lineQuery(l *cluster) []Entry { return lineKeys(l.terms.unit(20), l.names.unit(10)) }

// linePair is two storylines and their similarity, as of their versions.
type linePair struct {
	a, b   *cluster
	va, vb int
	s      float64
}

// pairHeap pops the most similar pair first (ties: the older storylines).
type pairHeap []linePair

func (h pairHeap) Len() int { return len(h) }
func (h pairHeap) Less(i, j int) bool {
	if h[i].s != h[j].s {
		return h[i].s > h[j].s
	}
	if h[i].a.seq0 != h[j].a.seq0 {
		return h[i].a.seq0 < h[j].a.seq0
	}
	return h[i].b.seq0 < h[j].b.seq0
}
func (h pairHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *pairHeap) Push(x any)   { *h = append(*h, x.(linePair)) }
func (h *pairHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// joinReason words why a new story (its first article p, its share sh)
// joined storyline l with the given score.
func joinReason(p *prepared, sh lineShare, l *cluster, score float64) string {
	lead, names := lineParts(l, sh)
	return withNames("shares ", sharedNames(p, l, 3), " with its "+plural(l.parts, "story", "stories"),
		fmt.Sprintf("leads %.2f, names %.2f; score %.2f", lead, names, score))
}

// openReason words why a new story opened a storyline: no storyline was
// found, or the closest one scored under the threshold th.
func openReason(closest *cluster, score, th float64) string {
	if closest == nil {
		return "opened the storyline: no open storyline shares its key words"
	}
	return fmt.Sprintf("opened the storyline: closest storyline %s scores %.3f, under %.2f", closest.id, score, th)
}

// mergeReason words why storyline gone was merged into into, whose
// stories' mean similarity is score; it is called before the merge.
func mergeReason(into, gone *cluster, score float64) string {
	lead, names := linePairParts(into, gone)
	return "storyline " + gone.id + " merged in: " + withNames("its stories share ", sharedLineNames(into, gone, 3), " with the others",
		fmt.Sprintf("leads %.2f, names %.2f; score %.2f", lead, names, score))
}

// withNames prefixes figures with "<verb>A, B<suffix>; " when names is
// not empty.
func withNames(verb string, names []string, suffix, figures string) string {
	if len(names) == 0 {
		return figures
	}
	return verb + strings.Join(names, ", ") + suffix + "; " + figures
}

// sharedLineNames returns the display forms of up to n names the stories of
// storylines a and b share, heaviest first.
func sharedLineNames(a, b *cluster, n int) []string {
	var shared []weighedLabel
	for k, label := range a.labels {
		wa, ok := a.names.get(k)
		if !ok {
			continue
		}
		if wb, ok := b.names.get(k); ok {
			shared = append(shared, weighedLabel{label, float64(wa) * float64(wb)})
		}
	}
	return pickLabels(shared, n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
