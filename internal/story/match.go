package story

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Candidate search limits: at most maxCandidates clusters are scored per
// article, and a key listed under more than maxPosting open clusters is not
// used to find them.
const (
	maxCandidates     = 32
	maxLineCandidates = 8
	maxPosting        = 500
	minShare          = 0.2
)

// parts are the pieces of a score, kept to explain it.
type parts struct {
	terms, names, nums float64 // average-linkage cosines per channel
	title              float64
	termsCos           float64 // centroid cosine of the terms
	hasNames, hasTitle bool    // both sides have names, titles
	gapDays            float64 // days between the article and the cluster's span
	centreDays         float64 // days between the article and the cluster's mean date
	dated              bool    // both sides are dated
	sameOutlet         float64 // share of the cluster's articles from the article's outlet
	size               int
}

type scored struct {
	c  *cluster
	s  float64
	pt parts
}

// match finds the story the article joins, if any, with the score and the
// reason, and the other open stories it scores high enough with to merge.
func (e *Engine) match(p *prepared) (*cluster, float64, string, []*cluster) {
	cands := e.rank(&e.stories, p, &eventModel, maxCandidates)
	if len(cands) == 0 {
		return nil, 0, "new story: no earlier story shares its key words", nil
	}
	top := cands[0]
	if top.s < e.cfg.Threshold {
		return nil, 0, fmt.Sprintf("new story: closest story %s scores %.3f, under %.2f", top.c.id, top.s, e.cfg.Threshold), nil
	}
	var others []*cluster
	for _, c := range cands[1:] {
		if c.s >= e.cfg.MergeThreshold {
			others = append(others, c.c)
		}
	}
	return top.c, top.s, e.explain(p, top), others
}

// rank scores the candidate clusters of one level, best first.
func (e *Engine) rank(l *levelState, p *prepared, m *model, limit int) []scored {
	cs := l.idx.candidates(p.query, limit, maxPosting)
	out := make([]scored, 0, len(cs))
	for _, c := range cs {
		s, pt := score(p, c, m)
		out = append(out, scored{c, s, pt})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].s != out[j].s {
			return out[i].s > out[j].s
		}
		return out[i].c.seq0 < out[j].c.seq0
	})
	return out
}

// score compares an article with a cluster: the probability, under the
// event model, that the article reports the cluster's event, with the
// pieces it rests on.
func score(p *prepared, c *cluster, m *model) (float64, parts) {
	pt := measure(p, c, m)
	x := pt.signals()
	return m.prob(&x), pt
}

// measure computes the similarities of an article and a cluster that the
// model m uses.
func measure(p *prepared, c *cluster, m *model) parts {
	pt := parts{size: c.size}
	if c.terms.norm2 > 0 && len(p.terms) > 0 {
		dot := c.terms.dot(p.scoring)
		pt.terms = c.terms.linkOf(dot, c.size)
		pt.termsCos = dot / math.Sqrt(c.terms.norm2)
	}
	if len(p.names) > 0 && c.names.len() > 0 && m.uses(2, 5, 10) {
		pt.names = c.names.avgLink(p.names, c.size)
		pt.hasNames = true
	}
	if len(p.nums) > 0 && c.nums.len() > 0 && m.uses(3) {
		pt.nums = c.nums.avgLink(p.nums, c.size)
	}
	if len(p.title) > 0 && c.titled > 0 && m.uses(4, 6) {
		pt.title = c.title.avgLink(p.title, c.titled)
		pt.hasTitle = true
	}
	if p.outlet != "" && c.size > 0 {
		pt.sameOutlet = float64(c.outlets[p.outlet]) / float64(c.size)
	}
	if !p.published.IsZero() && !c.last.IsZero() {
		pt.dated = true
		switch {
		case p.published.After(c.last):
			pt.gapDays = p.published.Sub(c.last).Hours() / 24
		case p.published.Before(c.first):
			pt.gapDays = c.first.Sub(p.published).Hours() / 24
		}
		if m, ok := c.centre(); ok {
			pt.centreDays = math.Abs(days(p.published) - m)
		}
	}
	return pt
}

// explain words a decision to join: the names shared, then the cosines.
func (e *Engine) explain(p *prepared, m scored) string {
	var b strings.Builder
	if names := sharedNames(p, m.c, 3); len(names) > 0 {
		b.WriteString("shares ")
		b.WriteString(strings.Join(names, ", "))
		b.WriteString("; ")
	}
	fmt.Fprintf(&b, "cosine %.2f", m.pt.terms)
	if m.pt.names > 0 {
		fmt.Fprintf(&b, ", names %.2f", m.pt.names)
	}
	if m.pt.title > 0 {
		fmt.Fprintf(&b, ", titles %.2f", m.pt.title)
	}
	if m.pt.nums > 0 {
		fmt.Fprintf(&b, ", numbers %.2f", m.pt.nums)
	}
	if m.pt.dated {
		switch d := math.Round(m.pt.gapDays); {
		case d == 0:
			b.WriteString("; same days")
		case d == 1:
			b.WriteString("; 1 day apart")
		default:
			fmt.Fprintf(&b, "; %.0f days apart", d)
		}
	}
	fmt.Fprintf(&b, "; score %.2f", m.s)
	return b.String()
}

// sharedNames returns the display forms of up to n names the article shares
// with the cluster, heaviest first.
func sharedNames(p *prepared, c *cluster, n int) []string {
	var shared []weighedLabel
	for _, x := range p.names {
		cw, ok := c.names.get(x.Key)
		if !ok {
			continue
		}
		if l, ok := p.labels[x.Key]; ok {
			shared = append(shared, weighedLabel{l, float64(x.W) * float64(cw)})
		}
	}
	return pickLabels(shared, n)
}

// weighedLabel is a name's display form and the weight it is shared with.
type weighedLabel struct {
	label string
	w     float64
}

// pickLabels returns up to n labels, heaviest first; a word already inside
// a longer name shown is skipped.
func pickLabels(shared []weighedLabel, n int) []string {
	sort.Slice(shared, func(i, j int) bool {
		if shared[i].w != shared[j].w {
			return shared[i].w > shared[j].w
		}
		return shared[i].label < shared[j].label
	})
	var out []string
	for _, s := range shared {
		if len(out) == n {
			break
		}
		dup := false
		for _, o := range out {
			if strings.Contains(o, s.label) || strings.Contains(s.label, o) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s.label)
		}
	}
	return out
}
