package story

import "time"

// cluster is an open story or storyline: the running centroids of its
// articles' weighted vectors and its place in the inverted index.
type cluster struct {
	id      string
	seq0    int // sequence number of the first article
	lastSeq int
	last    time.Time // latest known publish date among its articles; zero if none
	first   time.Time

	terms, names, nums centroid
	title              centroid
	titled             int // articles with a title
	posted             map[uint64]struct{}
	labels             map[uint64]string // display forms of the names posted

	members    []Member
	size       int
	line       *cluster   // a story's storyline
	storyPtrs  []*cluster // a storyline's open stories
	mergedInto *cluster   // a storyline merged away: where it went
	closed     bool
}

func newCluster(id string, seq int) *cluster {
	return &cluster{
		id: id, seq0: seq, lastSeq: seq,
		terms: newCentroid(), names: newCentroid(), nums: newCentroid(), title: newCentroid(),
		posted: make(map[uint64]struct{}), labels: make(map[uint64]string),
	}
}

// add folds one article's weighted vectors into the cluster.
func (c *cluster) add(p *prepared, seq int) {
	c.terms.add(p.terms)
	c.names.add(p.names)
	c.nums.add(p.nums)
	if len(p.title) > 0 {
		c.title.add(p.title)
		c.titled++
	}
	c.size++
	c.touch(p.published, seq)
}

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
	c.titled += o.titled
	c.size += o.size
	c.members = append(c.members, o.members...)
	for k, l := range o.labels {
		if _, ok := c.labels[k]; !ok {
			c.labels[k] = l
		}
	}
	c.touch(o.last, o.lastSeq)
	if !o.first.IsZero() && (c.first.IsZero() || o.first.Before(c.first)) {
		c.first = o.first
	}
}

// index is an inverted index from feature keys to the open clusters whose
// articles carry them.
type index struct {
	postings map[uint64][]*cluster
}

func newIndex() index { return index{postings: make(map[uint64][]*cluster)} }

// post adds c to the postings of keys it is not yet listed under.
func (x *index) post(c *cluster, keys []uint64) {
	for _, k := range keys {
		if _, ok := c.posted[k]; ok {
			continue
		}
		c.posted[k] = struct{}{}
		x.postings[k] = append(x.postings[k], c)
	}
}

// remove takes c out of every posting list.
func (x *index) remove(c *cluster) {
	for k := range c.posted {
		x.drop(k, c)
	}
}

func (x *index) drop(k uint64, c *cluster) {
	list := x.postings[k]
	for i, o := range list {
		if o == c {
			list[i] = list[len(list)-1]
			list = list[:len(list)-1]
			break
		}
	}
	if len(list) == 0 {
		delete(x.postings, k)
	} else {
		x.postings[k] = list
	}
}

// moveAll re-files o's postings under c.
func (x *index) moveAll(o, c *cluster) {
	keys := make([]uint64, 0, len(o.posted))
	for k := range o.posted {
		x.drop(k, o)
		keys = append(keys, k)
	}
	x.post(c, keys)
}

// candidates returns the clusters listed under the given keys, with the
// summed weight of the keys that found them, at most limit of them (the
// heaviest, and none found by less than minShare of the heaviest's weight). Posting lists longer than maxPosting are skipped: a key that
// common does not discriminate.
func (x *index) candidates(keys []Entry, limit, maxPosting int, acc map[*cluster]float32) []*cluster {
	clear(acc)
	for _, e := range keys {
		list := x.postings[e.Key]
		if len(list) > maxPosting {
			continue
		}
		for _, c := range list {
			acc[c] += e.W
		}
	}
	var top float32
	for _, w := range acc {
		top = max(top, w)
	}
	out := make([]*cluster, 0, len(acc))
	for c, w := range acc {
		if w >= minShare*top {
			out = append(out, c)
		}
	}
	if len(out) > limit {
		sortByWeight(out, acc)
		out = out[:limit]
	}
	return out
}
