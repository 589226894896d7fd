package dedup

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Doc is an article to check for reuse. Published is zero when unknown.
type Doc struct {
	ID        string
	Text      string
	Outlet    string
	Published time.Time
}

// Kinds of reuse.
const (
	KindDuplicate     = "duplicate"      // the same text, up to case, spacing and quote marks
	KindNearDuplicate = "near-duplicate" // most of the text is the same (MinHash Jaccard estimate)
	KindPassage       = "passage"        // some passages outside quotations are the same
)

// Directions of reuse.
const (
	FromFirst    = "from-first"    // From was published before Article: Article reuses From
	ArticleFirst = "article-first" // Article was published first: From reuses Article
	Unknown      = "unknown"       // same date, or a date is missing; From was only seen first
)

// Passage is a stretch of text shared by two articles: Article's text
// [Start, End) and From's text [FromStart, FromEnd), byte offsets.
type Passage struct {
	Start     int `json:"start"`
	End       int `json:"end"`
	FromStart int `json:"from_start"`
	FromEnd   int `json:"from_end"`
}

// Reuse reports that Article shares text with the earlier-seen From.
type Reuse struct {
	Article       string    `json:"article"`
	From          string    `json:"from"`
	SharedArticle float64   `json:"shared_article"` // share of Article's words in the passages
	SharedFrom    float64   `json:"shared_from"`    // share of From's words in the passages
	Passages      []Passage `json:"passages"`
	Direction     string    `json:"direction"`
	Kind          string    `json:"kind"`
	Score         float64   `json:"score"` // Jaccard estimate for near-duplicates, else the larger shared share
	Reason        string    `json:"reason"`
}

// Config holds the Index's parameters; start from DefaultConfig.
type Config struct {
	NearShingle   int     // words per shingle for near-duplicates
	SignatureSize int     // MinHash values per signature
	BandRows      int     // signature values per LSH band
	NearDuplicate float64 // Jaccard estimate from which two articles are near-duplicates

	PassageShingle  int // words per shingle for passages (quotations masked)
	MinPassageWords int // shortest passage reported, in words outside quotations
	// BoilerplateDF: a passage shingle found in more articles of the window
	// than this is site boilerplate or a stock phrase and is not used.
	BoilerplateDF int

	Window      time.Duration // articles older than this (by publish date) leave the index
	MaxArticles int           // and at most this many are kept
}

// DefaultConfig returns the parameters used by the pipeline.
func DefaultConfig() Config {
	return Config{
		NearShingle: 5, SignatureSize: 64, BandRows: 4, NearDuplicate: 0.8,
		PassageShingle: 8, MinPassageWords: 20, BoilerplateDF: 50,
		Window: 30 * 24 * time.Hour, MaxArticles: 20000,
	}
}

// entry is an article kept in the index.
type entry struct {
	id        string
	seq       int32
	published time.Time
	text      string
	all       []int32 // start offsets of all words
	unq       []span  // byte spans of the words outside quotations
	shingles  []uint64
	bands     []uint64
	sig       Signature
	nNear     int // distinct near-duplicate shingles
	exact     uint64
}

type span struct{ start, end int32 }

type posting struct{ seq, pos int32 }

// Index finds reuse among a stream of articles. It is not safe for
// concurrent use.
type Index struct {
	cfg      Config
	seq      int32
	now      time.Time
	entries  []*entry // oldest first; entries[i].seq == base+i
	base     int32
	passages map[uint64][]posting
	buckets  map[uint64][]int32
	exact    map[uint64]int32
}

// NewIndex returns an empty index.
func NewIndex(cfg Config) *Index {
	return &Index{cfg: cfg, base: 1, passages: make(map[uint64][]posting),
		buckets: make(map[uint64][]int32), exact: make(map[uint64]int32)}
}

// Add checks d against the articles in the window, adds it, and returns
// the reuse found, strongest first.
func (x *Index) Add(d Doc) []Reuse {
	x.seq++
	if d.Published.After(x.now) {
		x.now = d.Published
	}
	x.evict()
	e := x.prepare(d)
	out := x.compare(e)
	x.insert(e)
	return out
}

func (x *Index) prepare(d Doc) *entry {
	ws := words(d.Text)
	e := &entry{id: d.ID, seq: x.seq, published: d.Published, text: d.Text}
	all := make([]string, len(ws))
	e.all = make([]int32, len(ws))
	var unqWords []string
	var runs []int // run ids of unquoted words, to keep passage shingles inside runs
	run := 0
	for i, w := range ws {
		all[i] = w.w
		e.all[i] = int32(w.start)
		if w.quoted {
			run++
			continue
		}
		e.unq = append(e.unq, span{int32(w.start), int32(w.end)})
		unqWords = append(unqWords, w.w)
		runs = append(runs, run)
	}
	e.exact = hashWords(all)
	near := shingles(all, x.cfg.NearShingle, nil)
	e.nNear = distinct(near)
	e.sig = minhash(near, x.cfg.SignatureSize)
	e.bands = e.sig.bands(x.cfg.BandRows)
	e.shingles = shingles(unqWords, x.cfg.PassageShingle, runs)
	return e
}

// shingles hashes every run of k consecutive words; with runs given, a
// shingle may not span two runs (its slot then holds 0, a hash never used).
// Fewer than k words give no shingle.
func shingles(ws []string, k int, runs []int) []uint64 {
	if len(ws) < k {
		return nil
	}
	out := make([]uint64, len(ws)-k+1)
	for i := range out {
		if runs != nil && runs[i] != runs[i+k-1] {
			continue
		}
		out[i] = hashWords(ws[i : i+k])
		if out[i] == 0 {
			out[i] = 1
		}
	}
	return out
}

// distinct counts the distinct values of s (which it reorders).
func distinct(s []uint64) int {
	slices.Sort(s)
	n := 0
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			n++
		}
	}
	return n
}

// hashWords is FNV-1a over the words, space separated.
func hashWords(ws []string) uint64 {
	h := uint64(14695981039346656037)
	for i, w := range ws {
		if i > 0 {
			h ^= ' '
			h *= 1099511628211
		}
		for j := 0; j < len(w); j++ {
			h ^= uint64(w[j])
			h *= 1099511628211
		}
	}
	return h
}

// lookup returns the entry with the given sequence number, if still kept.
func (x *Index) lookup(seq int32) *entry {
	i := int(seq - x.base)
	if i < 0 || i >= len(x.entries) {
		return nil
	}
	return x.entries[i]
}

func (x *Index) insert(e *entry) {
	x.entries = append(x.entries, e)
	for i, h := range e.shingles {
		if h != 0 {
			x.passages[h] = append(x.passages[h], posting{e.seq, int32(i)})
		}
	}
	for _, b := range e.bands {
		x.buckets[b] = append(x.buckets[b], e.seq)
	}
	x.exact[e.exact] = e.seq
}

// evict drops the articles that left the window.
func (x *Index) evict() {
	for len(x.entries) > 0 {
		e := x.entries[0]
		old := x.cfg.MaxArticles > 0 && int(x.seq-e.seq) > x.cfg.MaxArticles
		if !old && !e.published.IsZero() && x.cfg.Window > 0 {
			old = x.now.Sub(e.published) > x.cfg.Window
		}
		if !old {
			break
		}
		x.drop(e)
		x.entries[0] = nil
		x.entries = x.entries[1:]
		x.base++
	}
}

// drop removes e from the postings; e is the oldest entry, so its postings
// lead every list it is in.
func (x *Index) drop(e *entry) {
	for _, h := range e.shingles {
		if h == 0 {
			continue
		}
		l := x.passages[h]
		for len(l) > 0 && l[0].seq <= e.seq {
			l = l[1:]
		}
		if len(l) == 0 {
			delete(x.passages, h)
		} else {
			x.passages[h] = l
		}
	}
	for _, b := range e.bands {
		l := x.buckets[b]
		for len(l) > 0 && l[0] <= e.seq {
			l = l[1:]
		}
		if len(l) == 0 {
			delete(x.buckets, b)
		} else {
			x.buckets[b] = l
		}
	}
	if x.exact[e.exact] == e.seq {
		delete(x.exact, e.exact)
	}
}

// Len returns the number of articles in the window.
func (x *Index) Len() int { return len(x.entries) }

// compare finds the reuse between the new article e and the kept ones.
func (x *Index) compare(e *entry) []Reuse {
	matches := x.passageMatches(e)
	near := make(map[int32]float64)
	for _, b := range e.bands {
		for _, s := range x.buckets[b] {
			if _, ok := near[s]; ok {
				continue
			}
			if o := x.lookup(s); o != nil {
				near[s] = e.sig.Jaccard(o.sig)
			}
		}
	}
	seqs := make([]int32, 0, len(matches)+len(near))
	for s := range matches {
		seqs = append(seqs, s)
	}
	for s, j := range near {
		if _, ok := matches[s]; !ok && j >= x.cfg.NearDuplicate {
			seqs = append(seqs, s)
		}
	}
	var out []Reuse
	for _, s := range seqs {
		o := x.lookup(s)
		if o == nil {
			continue
		}
		if r, ok := x.reuse(e, o, matches[s], near[s]); ok {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].From < out[j].From
	})
	return out
}

// passageMatches returns, per kept article, the pairs (position in e,
// position in it) of shared passage shingles.
func (x *Index) passageMatches(e *entry) map[int32][][2]int32 {
	m := make(map[int32][][2]int32)
	for i, h := range e.shingles {
		if h == 0 {
			continue
		}
		l := x.passages[h]
		if len(l) > x.cfg.BoilerplateDF {
			continue
		}
		for _, p := range l {
			m[p.seq] = append(m[p.seq], [2]int32{int32(i), p.pos})
		}
	}
	return m
}

// reuse builds the report of reuse between e and an earlier article o.
func (x *Index) reuse(e, o *entry, matches [][2]int32, jaccard float64) (Reuse, bool) {
	r := Reuse{Article: e.id, From: o.id, Direction: direction(e.published, o.published)}
	r.Passages = passages(e, o, matches, x.cfg.PassageShingle, x.cfg.MinPassageWords)
	r.SharedArticle = covered(e, r.Passages, func(p Passage) (int, int) { return p.Start, p.End })
	r.SharedFrom = covered(o, r.Passages, func(p Passage) (int, int) { return p.FromStart, p.FromEnd })
	switch {
	case e.exact == o.exact && len(e.all) > 0:
		r.Kind, r.Score = KindDuplicate, 1
		r.SharedArticle, r.SharedFrom = 1, 1
		r.Passages = []Passage{{Start: 0, End: len(e.text), FromStart: 0, FromEnd: len(o.text)}}
		r.Reason = "same text"
	case jaccard >= x.cfg.NearDuplicate:
		r.Kind, r.Score = KindNearDuplicate, jaccard
		// quotations count here: the whole article was copied. The
		// shingles in common follow from the Jaccard estimate and the sizes.
		common := jaccard * float64(e.nNear+o.nNear) / (1 + jaccard)
		r.SharedArticle = max(r.SharedArticle, min(1, common/float64(max(1, e.nNear))))
		r.SharedFrom = max(r.SharedFrom, min(1, common/float64(max(1, o.nNear))))
		r.Reason = fmt.Sprintf("near-duplicate: about %.0f%% of word 5-grams shared (MinHash)", 100*jaccard)
	case len(r.Passages) > 0:
		r.Kind, r.Score = KindPassage, max(r.SharedArticle, r.SharedFrom)
		r.Reason = fmt.Sprintf("%d passage%s outside quotations: %.0f%% of this article, %.0f%% of %s",
			len(r.Passages), plural(len(r.Passages)), 100*r.SharedArticle, 100*r.SharedFrom, o.id)
	default:
		return Reuse{}, false
	}
	return r, true
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func direction(article, from time.Time) string {
	switch {
	case article.IsZero() || from.IsZero():
		return Unknown
	case from.Before(article):
		return FromFirst
	case article.Before(from):
		return ArticleFirst
	}
	return Unknown
}

// covered returns the share of e's words that lie in the passages' spans.
func covered(e *entry, ps []Passage, side func(Passage) (int, int)) float64 {
	if len(e.all) == 0 {
		return 0
	}
	n := 0
	for _, p := range ps {
		a, b := side(p)
		i := sort.Search(len(e.all), func(k int) bool { return int(e.all[k]) >= a })
		j := sort.Search(len(e.all), func(k int) bool { return int(e.all[k]) >= b })
		n += j - i
	}
	return min(1, float64(n)/float64(len(e.all)))
}
