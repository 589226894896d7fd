package story

import (
	"maps"
	"math"
	"sort"
	"strings"
	"time"
)

// Assignment is the engine's decision for one article. Its Storyline is the
// story's storyline as of this article: later regroupings may merge it
// (see Regrouped, and Engine.Regroup after the last article).
type Assignment struct {
	Article   string  `json:"article"`
	Story     string  `json:"story"`
	Storyline string  `json:"storyline"`
	Score     float64 `json:"score"`  // the article's score with Story (0 for a new story)
	Reason    string  `json:"reason"` // why, in words
	New       bool    `json:"new"`    // the article opened Story
	// Merged lists the stories this article bridged: they were merged into
	// Story and no longer exist.
	Merged []string `json:"merged,omitempty"`
	// NewStoryline reports that Storyline was opened for this story;
	// MergedStorylines lists storylines merged into Storyline.
	NewStoryline     bool     `json:"new_storyline,omitempty"`
	MergedStorylines []string `json:"merged_storylines,omitempty"`
	// Regrouped lists the merges of storylines the engine's periodic
	// regrouping made during this Add (they need not involve Storyline).
	Regrouped []LineMerge `json:"regrouped,omitempty"`
}

// Member is one article of a story, with the score and reason it joined by.
type Member struct {
	Article   string    `json:"article"`
	Published time.Time `json:"published,omitzero"`
	Score     float64   `json:"score"`
	Reason    string    `json:"reason"`
}

// Engine is the streaming clusterer. It is not safe for concurrent use.
type Engine struct {
	cfg  Config
	feat *Featurizer
	seq  int
	now  time.Time // latest publish date seen

	df     docFreq     // document frequencies over the window
	recent []windowDoc // articles counted in df, oldest first
	head   int

	stories, lines levelState
	closed         []*cluster // closed stories, when cfg.KeepClosed

	lineMerges []string   // storylines merged during the current Add
	dirty      []*cluster // storylines changed since the last Regroup
}

// windowDoc is an article counted in the document frequencies, with the
// ids of its keys there.
type windowDoc struct {
	seq int
	t   time.Time
	ids []int32
}

// levelState is one level of clustering: stories or storylines.
type levelState struct {
	idx   index
	open  map[*cluster]struct{}
	quiet []quietEntry // when clusters were last touched, oldest first
	qhead int
}

type quietEntry struct {
	c   *cluster
	seq int
}

// New returns an empty engine.
func New(cfg Config) *Engine {
	return &Engine{
		cfg: cfg, feat: NewFeaturizer(), df: newDocFreq(),
		stories: newLevel(), lines: newLevel(),
	}
}

func newLevel() levelState {
	return levelState{idx: newIndex(), open: make(map[*cluster]struct{})}
}

// prepared is an article with IDF-weighted, unit-length vectors.
type prepared struct {
	id        string
	outlet    string // folded; empty if unknown
	published time.Time
	terms     []Entry
	scoring   []Entry // the heaviest terms, used in comparisons
	names     []Entry
	nums      []Entry
	title     []Entry
	lead      []Entry // the lead's terms, which storylines compare
	query     []Entry // the keys used to find and file candidates
	labels    map[uint64]string
}

// Add clusters one article and returns the decision. Articles must come in
// publication order; undated ones (zero Published) in ingest order.
func (e *Engine) Add(d Doc) Assignment {
	var f Features
	if d.Features != nil {
		f = *d.Features
	} else {
		f = e.feat.Featurize(d)
	}
	e.seq++
	if !d.Published.IsZero() && d.Published.After(e.now) {
		e.now = d.Published
	}
	e.expire()
	p := e.prepare(d, &f)

	a := Assignment{Article: d.ID}
	best, bestScore, why, others := e.match(p)
	if best == nil {
		best = newCluster("s-"+d.ID, e.seq)
		e.stories.open[best] = struct{}{}
		a.New = true
		a.Reason = why
	} else {
		a.Score = bestScore
		a.Reason = why
	}
	best.add(p, e.seq)
	best.members = append(best.members, Member{Article: d.ID, Published: d.Published, Score: a.Score, Reason: a.Reason})
	e.file(&e.stories, best, p)
	for _, o := range others {
		a.Merged = append(a.Merged, o.id)
	}
	e.lineMerges = e.lineMerges[:0]
	best = e.mergeStories(best, others, d.ID, a.Score)
	e.placeInStoryline(best, p, a.New, len(others) > 0, &a)
	a.MergedStorylines = append(a.MergedStorylines, e.lineMerges...)
	a.Story = best.id
	a.Storyline = best.line.current().id
	return a
}

// file indexes the article's query keys under c and marks c active.
func (e *Engine) file(l *levelState, c *cluster, p *prepared) {
	l.idx.post(c, keysOf(p.query), e.seq)
	l.idx.prune(c, maxPosted)
	l.quiet = append(l.quiet, quietEntry{c: c, seq: e.seq})
}

// maxLabels is how many display names a storyline keeps for its title.
const maxLabels = 32

// topLabels returns a new map with the n labels of c's heaviest names.
func topLabels(c *cluster, n int) map[uint64]string {
	ks := make([]uint64, 0, len(c.labels))
	for k := range c.labels {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		wi, _ := c.names.get(ks[i])
		wj, _ := c.names.get(ks[j])
		if wi != wj {
			return wi > wj
		}
		return ks[i] < ks[j]
	})
	out := make(map[uint64]string, n)
	for _, k := range ks[:min(n, len(ks))] {
		out[k] = c.labels[k]
	}
	return out
}

// prepare counts the article in the document frequencies and weights its
// features by IDF (over the window before it), normalising each channel.
func (e *Engine) prepare(d Doc, f *Features) *prepared {
	p := &prepared{id: d.ID, outlet: strings.ToLower(d.Outlet), published: d.Published}
	w := weigher{df: &e.df, n: float64(e.WindowSize() + idfPrior),
		ids: make([]int32, 0, len(f.Terms)+len(f.Names)+len(f.Nums)+len(f.Title))}
	p.lead = w.idf(f.Lead) // its keys are terms: weighed before they are counted
	p.terms = w.weigh(f.Terms)
	p.scoring = heaviest(p.terms, scoringTerms)
	p.names = w.weigh(f.Names)
	p.nums = w.weigh(f.Nums)
	p.title = w.weigh(f.Title)
	e.recent = append(e.recent, windowDoc{seq: e.seq, t: d.Published, ids: w.ids})
	p.query = append(p.query, topKeys(p.terms, 20)...)
	p.query = append(p.query, topKeys(p.names, 10)...)
	p.query = append(p.query, topKeys(p.nums, 5)...)
	p.query = append(p.query, topKeys(p.title, 5)...)
	p.labels = make(map[uint64]string, len(f.Labels))
	for _, l := range f.Labels {
		p.labels[l.Key] = l.Text
	}
	return p
}

// scoringTerms is how many of an article's heaviest terms are compared
// with a cluster's: the long tail adds little to the dot product and most
// of the cost.
var scoringTerms = 100

// idfPrior is a number of imaginary empty articles added to the window, so
// that the first articles of a stream get sensible weights.
const idfPrior = 20

// weigher counts one article's keys in the document frequencies and
// weights them by the IDF they had before it, over n articles.
type weigher struct {
	df  *docFreq
	n   float64
	ids []int32 // the ids of the keys counted
}

// idf weights v by IDF without counting its keys.
func (w *weigher) idf(v Vector) []Entry {
	out := make([]Entry, len(v))
	for i, x := range v {
		out[i] = w.entry(x, w.df.get(x.Key))
	}
	return normalize(byKey(out))
}

// weigh counts v's keys and weights v by the IDF they had before.
func (w *weigher) weigh(v Vector) []Entry {
	out := make([]Entry, len(v))
	for i, x := range v {
		id, df := w.df.add(x.Key)
		w.ids = append(w.ids, id)
		out[i] = w.entry(x, df)
	}
	return normalize(byKey(out))
}

// entry weights x by the IDF of a key df window articles carry.
func (w *weigher) entry(x Entry, df int32) Entry {
	idf := math.Log((w.n + 1) / (float64(df) + 1))
	return Entry{Key: x.Key, W: x.W * float32(idf)}
}

// expire drops old articles from the document frequencies and closes quiet
// stories and storylines.
func (e *Engine) expire() {
	for e.head < len(e.recent) && e.tooOld(e.recent[e.head].seq, e.recent[e.head].t, e.cfg.IDFWindow) {
		for _, id := range e.recent[e.head].ids {
			e.df.remove(id)
		}
		e.recent[e.head] = windowDoc{}
		e.head++
	}
	if e.head > 1024 && e.head > len(e.recent)/2 {
		e.recent = append([]windowDoc(nil), e.recent[e.head:]...)
		e.head = 0
	}
	if e.seq%rebuildEvery == 0 {
		e.compact()
	}
	e.closeQuiet(&e.stories, e.cfg.Window, true)
	e.closeQuiet(&e.lines, e.cfg.LineWindow, false)
}

// rebuildEvery is how often (in articles) the engine copies its long-lived
// maps: Go maps keep the room of every key they ever held, and the keys of
// a stream keep changing.
const rebuildEvery = 50000

// compact copies the document frequencies and the posting lists into maps
// sized for what they hold now.
func (e *Engine) compact() {
	e.df.compact()
	e.stories.idx.lists = maps.Clone(e.stories.idx.lists)
	e.lines.idx.lists = maps.Clone(e.lines.idx.lists)
}

// tooOld reports whether something last active at (seq, t) is out of a
// window of the given length.
func (e *Engine) tooOld(seq int, t time.Time, window time.Duration) bool {
	if e.cfg.MaxArticles > 0 && e.seq-seq > e.cfg.MaxArticles {
		return true
	}
	return !t.IsZero() && !e.now.IsZero() && e.now.Sub(t) > window
}

func (e *Engine) closeQuiet(l *levelState, window time.Duration, stories bool) {
	end := len(l.quiet) // entries queued again below wait for a later call
	for l.qhead < end {
		q := l.quiet[l.qhead]
		if q.c.closed || q.seq != q.c.lastSeq {
			// merged away, or touched again since: a later entry stands for it
			l.quiet[l.qhead] = quietEntry{}
			l.qhead++
			continue
		}
		if !e.tooOld(q.c.lastSeq, q.c.last, window) {
			break
		}
		if stories && !e.tooOld(q.c.lastSeq, q.c.last, e.quietWindow(q.c)) {
			// a story with more articles may stay quiet longer
			l.quiet = append(l.quiet, q)
			l.quiet[l.qhead] = quietEntry{}
			l.qhead++
			continue
		}
		e.close(l, q.c, stories)
		l.quiet[l.qhead] = quietEntry{}
		l.qhead++
	}
	if l.qhead > 1024 && l.qhead > len(l.quiet)/2 {
		l.quiet = append([]quietEntry(nil), l.quiet[l.qhead:]...)
		l.qhead = 0
	}
}

// quietWindow is how long story c may stay quiet before it closes:
// Config.Window, longer for a story of several articles (Config.WindowGrowth).
func (e *Engine) quietWindow(c *cluster) time.Duration {
	if e.cfg.WindowGrowth <= 0 || c.size <= 1 {
		return e.cfg.Window
	}
	return time.Duration(float64(e.cfg.Window) * (1 + e.cfg.WindowGrowth*math.Log(float64(c.size))))
}

func (e *Engine) close(l *levelState, c *cluster, stories bool) {
	c.closed = true
	l.idx.remove(c)
	if stories && c.line != nil {
		line := c.line
		for line.mergedInto != nil {
			line = line.mergedInto
		}
		line.dropStory(c)
	}
	delete(l.open, c)
	c.terms, c.names, c.nums, c.title, c.lead = centroid{}, centroid{}, centroid{}, centroid{}, centroid{}
	c.share = lineShare{}
	c.posted = nil
	if stories && e.cfg.KeepClosed {
		e.closed = append(e.closed, c)
	}
}

// WindowSize returns the number of articles whose statistics the engine
// currently holds.
func (e *Engine) WindowSize() int { return len(e.recent) - e.head }
