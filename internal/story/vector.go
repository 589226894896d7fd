package story

import (
	"math"
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
// norm kept up to date.
type centroid struct {
	w     map[uint64]float32
	norm2 float64
}

func newCentroid() centroid { return centroid{w: make(map[uint64]float32)} }

// add adds the vector u (already weighted) to c.
func (c *centroid) add(u []Entry) {
	for _, e := range u {
		old := c.w[e.Key]
		nw := old + e.W
		c.w[e.Key] = nw
		c.norm2 += float64(nw)*float64(nw) - float64(old)*float64(old)
	}
}

// Caps on a centroid's keys: a cluster that lives long (a busy story or
// storyline) would otherwise gather every key of every article. Past the
// limit, the heaviest half is kept.
const (
	maxCentroid     = 2048 // stories
	maxLineCentroid = 512  // storylines
)

// prune keeps the limit/2 heaviest keys of c when it holds more than limit,
// in a new map (Go maps keep the room of deleted keys).
func (c *centroid) prune(limit int) {
	if len(c.w) <= limit {
		return
	}
	n := limit / 2
	ws := make([]float32, 0, len(c.w))
	for _, w := range c.w {
		ws = append(ws, w)
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i] > ws[j] })
	cut := ws[n-1]
	kept := make(map[uint64]float32, n)
	c.norm2 = 0
	for k, w := range c.w {
		if w < cut || (w == cut && len(kept) >= n) {
			continue
		}
		kept[k] = w
		c.norm2 += float64(w) * float64(w)
	}
	c.w = kept
}

// merge adds all of o to c.
func (c *centroid) merge(o *centroid) {
	for k, w := range o.w {
		c.w[k] += w
	}
	c.norm2 = 0
	for _, w := range c.w {
		c.norm2 += float64(w) * float64(w)
	}
}

// cosine returns the cosine between the unit vector u and c.
func (c *centroid) cosine(u []Entry) float64 {
	if c.norm2 <= 0 || len(u) == 0 {
		return 0
	}
	return c.dot(u) / math.Sqrt(c.norm2)
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

func (c *centroid) dot(u []Entry) float64 {
	var dot float64
	for _, e := range u {
		if w, ok := c.w[e.Key]; ok {
			dot += float64(e.W) * float64(w)
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
