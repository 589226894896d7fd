package story

import "maps"

// docFreq counts, for each feature key, the articles of the window that
// carry it. Keys are interned: an article in the window keeps the small ids
// of its keys, so forgetting it costs no hash lookup (only a key whose
// count falls to zero is deleted from the map), and the ids take half the
// room of the keys.
type docFreq struct {
	ids  map[uint64]int32 // key -> id
	n    []int32          // id -> number of window articles with the key; 0 when free
	keys []uint64         // id -> key
	free []int32          // ids not in use
}

func newDocFreq() docFreq { return docFreq{ids: make(map[uint64]int32)} }

// get returns the number of window articles that carry k.
func (d *docFreq) get(k uint64) int32 {
	if id, ok := d.ids[k]; ok {
		return d.n[id]
	}
	return 0
}

// add counts one more article with key k. It returns the key's id and its
// count before this article.
func (d *docFreq) add(k uint64) (id, before int32) {
	id, ok := d.ids[k]
	if !ok {
		if n := len(d.free); n > 0 {
			id = d.free[n-1]
			d.free = d.free[:n-1]
			d.keys[id] = k
		} else {
			id = int32(len(d.n))
			d.n = append(d.n, 0)
			d.keys = append(d.keys, k)
		}
		d.ids[k] = id
	}
	before = d.n[id]
	d.n[id]++
	return id, before
}

// remove counts one article fewer with the key of id, and frees the id
// when no article carries the key any more.
func (d *docFreq) remove(id int32) {
	if d.n[id]--; d.n[id] > 0 {
		return
	}
	delete(d.ids, d.keys[id])
	d.free = append(d.free, id)
}

// compact copies the map into one sized for what it holds now: Go maps keep
// the room of every key they ever held.
func (d *docFreq) compact() { d.ids = maps.Clone(d.ids) }
