package story

import (
	"cmp"
	"math"
	"slices"
	"sort"
)

// Entry is one weighted feature of a sparse vector. Key is the 64-bit hash
// of the feature (see key); W its weight.
type Entry struct {
	Key uint64  `json:"key"`
	W   float32 `json:"w"`
}

// Vector is a sparse vector sorted by Key, without repeated keys.
type Vector []Entry

// vectorOf turns counts into a Vector of sublinear weights 1+ln(count),
// sorted by key.
func vectorOf(counts map[uint64]float32) Vector {
	v := make(Vector, 0, len(counts))
	for k, c := range counts {
		if c <= 0 {
			continue
		}
		v = append(v, Entry{Key: k, W: 1 + float32(math.Log(float64(c)))})
	}
	sort.Slice(v, func(i, j int) bool { return v[i].Key < v[j].Key })
	return v
}

// centroid is the running sum of unit-length vectors, with its squared
// norm kept up to date. Its keys are kept sorted, with the weights beside
// them: a comparison with an article is then a merge of two sorted lists,
// which reads memory in order, where a hash map would miss the cache on
// nearly every key.
type centroid struct {
	keys  []uint64 // sorted, no repeats
	ws    []float32
	norm2 float64
}

// len returns the number of keys in c.
func (c *centroid) len() int { return len(c.keys) }

// get returns the weight of key k in c.
func (c *centroid) get(k uint64) (float32, bool) {
	i, ok := slices.BinarySearch(c.keys, k)
	if !ok {
		return 0, false
	}
	return c.ws[i], true
}

// add adds the vector u (already weighted, sorted by key) to c. The merge
// runs from the back, in place, so that c grows without a second copy.
func (c *centroid) add(u []Entry) {
	fresh := 0
	for i, j := 0, 0; j < len(u); {
		switch {
		case i < len(c.keys) && c.keys[i] < u[j].Key:
			i++
		case i < len(c.keys) && c.keys[i] == u[j].Key:
			i++
			j++
		default:
			fresh++
			j++
		}
	}
	i, j, out := len(c.keys)-1, len(u)-1, len(c.keys)+fresh-1
	c.keys = slices.Grow(c.keys, fresh)[:out+1]
	c.ws = slices.Grow(c.ws, fresh)[:out+1]
	for j >= 0 {
		e := u[j]
		switch {
		case i >= 0 && c.keys[i] > e.Key:
			c.keys[out], c.ws[out] = c.keys[i], c.ws[i]
			i--
		case i >= 0 && c.keys[i] == e.Key:
			old := c.ws[i]
			nw := old + e.W
			c.keys[out], c.ws[out] = e.Key, nw
			c.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
			i--
			j--
		default:
			c.keys[out], c.ws[out] = e.Key, e.W
			c.norm2 += float64(e.W) * float64(e.W)
			j--
		}
		out--
	}
}

// Caps on a centroid's keys: a cluster that lives long (a busy story or
// storyline) would otherwise gather every key of every article. Past the
// limit, the heaviest half is kept.
const (
	maxCentroid     = 512 // stories
	maxLineCentroid = 512 // storylines
)

// prune keeps the limit/2 heaviest keys of c when it holds more than
// limit, in new slices (so the room of the dropped keys is freed).
func (c *centroid) prune(limit int) {
	if len(c.keys) <= limit {
		return
	}
	n := limit / 2
	ws := slices.Clone(c.ws)
	slices.SortFunc(ws, func(a, b float32) int { return cmp.Compare(b, a) })
	cut := ws[n-1]
	above := 0 // keys heavier than the cut: all kept
	for _, w := range ws[:n] {
		if w > cut {
			above++
		}
	}
	ties := n - above // keys at the cut that fit
	keys, kept := make([]uint64, 0, n), make([]float32, 0, n)
	c.norm2 = 0
	for i, w := range c.ws {
		if w < cut || (w == cut && ties == 0) {
			continue
		}
		if w == cut {
			ties--
		}
		keys = append(keys, c.keys[i])
		kept = append(kept, w)
		c.norm2 += float64(w) * float64(w)
	}
	c.keys, c.ws = keys, kept
}

// merge adds all of o to c.
func (c *centroid) merge(o *centroid) {
	keys := make([]uint64, 0, len(c.keys)+len(o.keys))
	ws := make([]float32, 0, len(c.keys)+len(o.keys))
	i, j := 0, 0
	for i < len(c.keys) || j < len(o.keys) {
		switch {
		case j == len(o.keys) || (i < len(c.keys) && c.keys[i] < o.keys[j]):
			keys, ws = append(keys, c.keys[i]), append(ws, c.ws[i])
			i++
		case i == len(c.keys) || o.keys[j] < c.keys[i]:
			keys, ws = append(keys, o.keys[j]), append(ws, o.ws[j])
			j++
		default:
			keys, ws = append(keys, c.keys[i]), append(ws, c.ws[i]+o.ws[j])
			i++
			j++
		}
	}
	c.keys, c.ws = keys, ws
	c.norm2 = 0
	for _, w := range c.ws {
		c.norm2 += float64(w) * float64(w)
	}
}

// avgLink returns the mean cosine between the unit vector u and the n unit
// vectors summed in c, blended with the centroid cosine: dot/((1-b)*n +
// b*|c|) with b = linkBlend: between average linkage and the centroid cosine.
func (c *centroid) avgLink(u []Entry, n int) float64 {
	if c.norm2 <= 0 || len(u) == 0 {
		return 0
	}
	return c.linkOf(c.dot(u), n)
}

// linkOf turns a dot product with c into the blended linkage avgLink returns.
func (c *centroid) linkOf(dot float64, n int) float64 {
	return dot / ((1-linkBlend)*float64(n) + linkBlend*math.Sqrt(c.norm2))
}

// dot returns the dot product of c and u (sorted by key). When c is much
// longer than u, each key of u is found by galloping (doubling steps, then
// a binary search) instead of walking every key of c in between.
func (c *centroid) dot(u []Entry) float64 {
	if len(c.keys) > 4*len(u) {
		return c.gallopDot(u)
	}
	var dot float64
	keys := c.keys
	i := 0
	for _, e := range u {
		for i < len(keys) && keys[i] < e.Key {
			i++
		}
		if i == len(keys) {
			break
		}
		if keys[i] == e.Key {
			dot += float64(e.W) * float64(c.ws[i])
		}
	}
	return dot
}

func (c *centroid) gallopDot(u []Entry) float64 {
	var dot float64
	keys := c.keys
	lo := 0
	for _, e := range u {
		// find the first index >= lo whose key is >= e.Key
		step, hi := 1, lo
		for hi < len(keys) && keys[hi] < e.Key {
			lo = hi + 1
			hi += step
			step *= 2
		}
		hi = min(hi, len(keys))
		for lo < hi { // binary search in keys[lo:hi]
			m := int(uint(lo+hi) >> 1)
			if keys[m] < e.Key {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == len(keys) {
			break
		}
		if keys[lo] == e.Key {
			dot += float64(e.W) * float64(c.ws[lo])
		}
	}
	return dot
}

// normalize scales v to unit length in place and returns it.
func normalize(v []Entry) []Entry {
	var n float64
	for _, e := range v {
		n += float64(e.W) * float64(e.W)
	}
	if n == 0 {
		return v
	}
	inv := float32(1 / math.Sqrt(n))
	for i := range v {
		v[i].W *= inv
	}
	return v
}

// key hashes a feature name with a channel prefix byte (FNV-1a, 64 bit).
func key(channel byte, s string) uint64 {
	h := uint64(14695981039346656037)
	h ^= uint64(channel)
	h *= 1099511628211
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// linkBlend mixes average linkage (0) and centroid cosine (1). Centroid
// cosine grows as a cluster gets more diffuse and large, which lets big
// generic clusters swallow unrelated articles; average linkage does not.
var linkBlend = 0.5

// sub subtracts u (sorted by key) from c, key by key; keys c no longer
// holds (pruned since u was added) are skipped, and keys whose weight
// falls to about zero are dropped.
func (c *centroid) sub(u []Entry) {
	out := 0
	j := 0
	for i, k := range c.keys {
		w := c.ws[i]
		for j < len(u) && u[j].Key < k {
			j++
		}
		if j < len(u) && u[j].Key == k {
			w -= u[j].W
			j++
		}
		if w <= 1e-6 {
			continue
		}
		c.keys[out], c.ws[out] = k, w
		out++
	}
	c.keys, c.ws = c.keys[:out], c.ws[:out]
	c.norm2 = 0
	for _, w := range c.ws {
		c.norm2 += float64(w) * float64(w)
	}
}

// dotC returns the dot product of two centroids.
func (c *centroid) dotC(o *centroid) float64 {
	var dot float64
	for i, j := 0, 0; i < len(c.keys) && j < len(o.keys); {
		switch {
		case c.keys[i] < o.keys[j]:
			i++
		case c.keys[i] > o.keys[j]:
			j++
		default:
			dot += float64(c.ws[i]) * float64(o.ws[j])
			i++
			j++
		}
	}
	return dot
}

// unit returns the n heaviest keys of c's unit vector (c divided by its
// norm), sorted by key.
func (c *centroid) unit(n int) []Entry {
	if c.norm2 <= 0 {
		return nil
	}
	inv := float32(1 / math.Sqrt(c.norm2))
	v := make([]Entry, len(c.keys))
	for i, k := range c.keys {
		v[i] = Entry{Key: k, W: c.ws[i] * inv}
	}
	return heaviest(v, n)
}
