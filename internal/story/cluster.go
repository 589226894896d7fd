package story

import (
	"maps"
	"sort"
	"time"
)

// cluster is an open story or storyline: the running centroids of its
// articles' weighted vectors and its place in the inverted index.
type cluster struct {
	id      string
	seq0    int // sequence number of the first article
	lastSeq int
	last    time.Time // latest known publish date among its articles; zero if none
	first   time.Time
	// daySum is the sum of the publish dates (in days since 1970) of the
	// dated articles, dated their number: their mean is the cluster's
	// centre in time.
	daySum float64
	dated  int

	terms, names, nums centroid
	title              centroid
	lead               centroid          // a story's leads
	titled             int               // articles with a title
	outlets            map[string]int32  // a story's articles per outlet
	posted             map[uint64]int    // keys listed under, with when they were last filed
	labels             map[uint64]string // display forms of the names posted

	members    []Member
	size       int
	share      lineShare  // what a story adds to its storyline's centroids
	parts      int        // a storyline's stories counted in its centroids
	line       *cluster   // a story's storyline
	storyPtrs  []*cluster // a storyline's open stories
	mergedInto *cluster   // a storyline merged away: where it went
	lineWhy    Link       // why a story is in its storyline
	mergeWhy   Link       // why a storyline merged away was merged
	closed     bool
	dirty      bool  // a storyline changed since the last Regroup
	version    int   // a storyline's changes, to tell stale pairs in Regroup
	slot       int32 // in its level's index; -1 if none
}

func newCluster(id string, seq int) *cluster {
	return &cluster{
		id: id, seq0: seq, lastSeq: seq, slot: -1,
		posted: make(map[uint64]int), labels: make(map[uint64]string),
	}
}

// add folds one article's weighted vectors into the cluster.
func (c *cluster) add(p *prepared, seq int) {
	c.terms.add(p.terms)
	c.names.add(p.names)
	c.nums.add(p.nums)
	c.lead.add(p.lead)
	if len(p.title) > 0 {
		c.title.add(p.title)
		c.titled++
	}
	c.size++
	if p.outlet != "" {
		if c.outlets == nil {
			c.outlets = make(map[string]int32)
		}
		c.outlets[p.outlet]++
	}
	c.touch(p.published, seq)
	c.addDate(p.published)
	for _, m := range []*centroid{&c.terms, &c.names, &c.nums, &c.title, &c.lead} {
		m.prune(maxCentroid)
	}
}

// addDate counts t, if known, in the cluster's centre in time.
func (c *cluster) addDate(t time.Time) {
	if !t.IsZero() {
		c.daySum += days(t)
		c.dated++
	}
}

// centre returns the mean publish date of the dated articles, in days since
// 1970, and whether there is one.
func (c *cluster) centre() (float64, bool) {
	if c.dated == 0 {
		return 0, false
	}
	return c.daySum / float64(c.dated), true
}

func days(t time.Time) float64 { return float64(t.Unix()) / 86400 }

func (c *cluster) touch(t time.Time, seq int) {
	if seq > c.lastSeq {
		c.lastSeq = seq
	}
	if !t.IsZero() {
		if c.last.IsZero() || t.After(c.last) {
			c.last = t
		}
		if c.first.IsZero() || t.Before(c.first) {
			c.first = t
		}
	}
}

// absorb merges o into c.
func (c *cluster) absorb(o *cluster) {
	c.terms.merge(&o.terms)
	c.names.merge(&o.names)
	c.nums.merge(&o.nums)
	c.title.merge(&o.title)
	c.lead.merge(&o.lead)
	c.titled += o.titled
	c.size += o.size
	c.parts += o.parts
	for k, n := range o.outlets {
		if c.outlets == nil {
			c.outlets = make(map[string]int32)
		}
		c.outlets[k] += n
	}
	c.daySum += o.daySum
	c.dated += o.dated
	c.members = append(c.members, o.members...)
	for k, l := range o.labels {
		if _, ok := c.labels[k]; !ok {
			c.labels[k] = l
		}
	}
	for _, m := range []*centroid{&c.terms, &c.names, &c.nums, &c.title, &c.lead} {
		m.prune(maxCentroid)
	}
	c.touch(o.last, o.lastSeq)
	if !o.first.IsZero() && (c.first.IsZero() || o.first.Before(c.first)) {
		c.first = o.first
	}
}

// index is an inverted index from feature keys to the open clusters whose
// articles carry them.
//
// Every cluster listed has a slot, a small number that indexes the scratch
// arrays candidates accumulates in: no map on the hot path. Each key has a
// list number, so that lists grow and shrink in place: the map is written
// only when a key comes or goes.
type index struct {
	lists     map[uint64]int32 // key -> its list in postings
	postings  [][]int32        // the slots of the clusters listed under each key
	freeLists []int32          // list numbers not in use
	slots     []*cluster       // the cluster in each slot; nil when free
	seq0      []int            // the seq0 of the cluster in each slot
	free      []int32          // free slots

	acc     []float32 // scratch of candidates, by slot
	round   []uint32  // when acc[slot] was last reset
	rounds  uint32
	touched []int32
}

func newIndex() index { return index{lists: make(map[uint64]int32)} }

// list returns the number of k's list, giving k one if it has none.
func (x *index) list(k uint64) int32 {
	if l, ok := x.lists[k]; ok {
		return l
	}
	var l int32
	if n := len(x.freeLists); n > 0 {
		l = x.freeLists[n-1]
		x.freeLists = x.freeLists[:n-1]
	} else {
		l = int32(len(x.postings))
		x.postings = append(x.postings, nil)
	}
	x.lists[k] = l
	return l
}

// listed returns the slots listed under k.
func (x *index) listed(k uint64) []int32 {
	if l, ok := x.lists[k]; ok {
		return x.postings[l]
	}
	return nil
}

// post lists c under the keys, noting seq as when they were filed.
func (x *index) post(c *cluster, keys []uint64, seq int) {
	if c.slot < 0 {
		x.take(c)
	}
	for _, k := range keys {
		if _, ok := c.posted[k]; !ok {
			l := x.list(k)
			x.postings[l] = append(x.postings[l], c.slot)
		}
		c.posted[k] = max(c.posted[k], seq)
	}
}

// Caps on the keys a cluster is listed under; past one, the keys filed
// longest ago (and, among those, the lightest) are dropped until half
// remain. A story that lives long is found by what it is about now.
const (
	maxPosted     = 1024 // stories
	maxLinePosted = 256  // storylines
)

// prune trims c's postings when it is listed under more than limit keys.
func (x *index) prune(c *cluster, limit int) {
	if len(c.posted) <= limit {
		return
	}
	type kw struct {
		k   uint64
		seq int
		w   float32
	}
	all := make([]kw, 0, len(c.posted))
	for k, seq := range c.posted {
		all = append(all, kw{k, seq, c.weight(k)})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].seq != all[j].seq {
			return all[i].seq > all[j].seq
		}
		if all[i].w != all[j].w {
			return all[i].w > all[j].w
		}
		return all[i].k < all[j].k
	})
	for _, e := range all[limit/2:] {
		x.drop(e.k, c)
		delete(c.posted, e.k)
		delete(c.labels, e.k)
	}
	c.posted = maps.Clone(c.posted)
}

// weight returns the centroid weight of a key in whichever channel has it.
func (c *cluster) weight(k uint64) float32 {
	for _, m := range []*centroid{&c.terms, &c.names, &c.nums, &c.title} {
		if w, ok := m.get(k); ok {
			return w
		}
	}
	return 0
}

// take gives c a slot.
func (x *index) take(c *cluster) {
	if n := len(x.free); n > 0 {
		c.slot = x.free[n-1]
		x.free = x.free[:n-1]
	} else {
		c.slot = int32(len(x.slots))
		x.slots = append(x.slots, nil)
		x.seq0 = append(x.seq0, 0)
		x.acc = append(x.acc, 0)
		x.round = append(x.round, 0)
	}
	x.slots[c.slot] = c
	x.seq0[c.slot] = c.seq0
}

// release frees c's slot; c must no longer be listed.
func (x *index) release(c *cluster) {
	if c.slot < 0 {
		return
	}
	x.slots[c.slot] = nil
	x.free = append(x.free, c.slot)
	c.slot = -1
}

// remove takes c out of every posting list.
func (x *index) remove(c *cluster) {
	for k := range c.posted {
		x.drop(k, c)
	}
	x.release(c)
}

func (x *index) drop(k uint64, c *cluster) {
	l, ok := x.lists[k]
	if !ok {
		return
	}
	list := x.postings[l]
	for i, o := range list {
		if o == c.slot {
			list[i] = list[len(list)-1]
			list = list[:len(list)-1]
			break
		}
	}
	if len(list) > 0 {
		x.postings[l] = list
		return
	}
	delete(x.lists, k)
	x.postings[l] = nil
	x.freeLists = append(x.freeLists, l)
}

// moveAll re-files o's postings under c.
func (x *index) moveAll(o, c *cluster) {
	for k, seq := range o.posted {
		x.drop(k, o)
		x.post(c, []uint64{k}, seq)
	}
	x.release(o)
}

// candidates returns the clusters listed under the given keys, with the
// summed weight of the keys that found them, at most limit of them (the
// heaviest, and none found by less than minShare of the heaviest's weight).
// Posting lists longer than maxPosting are skipped: a key that common does
// not discriminate.
func (x *index) candidates(keys []Entry, limit, maxPosting int) []*cluster {
	return x.candidatesBut(keys, -1, limit, maxPosting)
}

// candidatesBut is candidates without the cluster in slot skip (a cluster
// looking for others by its own keys).
func (x *index) candidatesBut(keys []Entry, skip int32, limit, maxPosting int) []*cluster {
	x.rounds++
	if x.rounds == 0 { // wrapped: every stamp is stale again
		clear(x.round)
		x.rounds = 1
	}
	touched := x.touched[:0]
	for _, e := range keys {
		list := x.listed(e.Key)
		if len(list) > maxPosting {
			continue
		}
		for _, s := range list {
			if s == skip {
				continue
			}
			if x.round[s] != x.rounds {
				x.round[s] = x.rounds
				x.acc[s] = 0
				touched = append(touched, s)
			}
			x.acc[s] += e.W
		}
	}
	x.touched = touched
	var top float32
	for _, s := range touched {
		top = max(top, x.acc[s])
	}
	found := make([]weighted, 0, len(touched))
	for _, s := range touched {
		if w := x.acc[s]; w >= minShare*top {
			found = append(found, weighted{s, w})
		}
	}
	if len(found) > limit {
		found = x.top(found, limit)
	}
	out := make([]*cluster, len(found))
	for i, f := range found {
		out[i] = x.slots[f.slot]
	}
	return out
}

// top returns the limit heaviest of found (ties to the older cluster), in
// no particular order.
func (x *index) top(found []weighted, limit int) []weighted {
	return keepTop(found, limit, func(a, b weighted) bool {
		if a.w != b.w {
			return a.w < b.w
		}
		return x.seq0[a.slot] > x.seq0[b.slot]
	})
}

type weighted struct {
	slot int32
	w    float32
}
