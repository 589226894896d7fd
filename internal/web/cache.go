package web

import (
	"bytes"
	"hash/maphash"
	"sync"

	"github.com/parallax-news/parallax/internal/report"
)

// storyCacheSize is how many decoded story objects are kept.
const storyCacheSize = 128

// storyCache keeps decoded story objects so that a popular story page
// does not decode its stored JSON (often 100 KB) on every request. Each
// request still reads the stored object — the store is the truth — and an
// entry is used only when the bytes read are the ones it was decoded
// from, so a rebuilt story is never shown stale.
type storyCache struct {
	seed    maphash.Seed
	mu      sync.Mutex
	max     int
	entries map[string]cachedStory
}

type cachedStory struct {
	sum   uint64
	size  int
	head  []byte // the first bytes, compared besides the hash
	story *report.Story
}

const cacheHead = 64

func newStoryCache(max int) *storyCache {
	return &storyCache{seed: maphash.MakeSeed(), max: max, entries: make(map[string]cachedStory, max)}
}

// decode returns the story object stored as raw, decoding it unless the
// same bytes were decoded before. The returned story is shared: callers
// must not modify it.
func (c *storyCache) decode(id string, raw []byte) (*report.Story, error) {
	sum := maphash.Bytes(c.seed, raw)
	head := raw[:min(len(raw), cacheHead)]
	c.mu.Lock()
	e, ok := c.entries[id]
	c.mu.Unlock()
	if ok && e.sum == sum && e.size == len(raw) && bytes.Equal(e.head, head) {
		return e.story, nil
	}
	s, err := decodeStory(raw)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[id]; !ok && len(c.entries) >= c.max {
		for k := range c.entries { // evict one entry, any
			delete(c.entries, k)
			break
		}
	}
	c.entries[id] = cachedStory{sum: sum, size: len(raw), head: bytes.Clone(head), story: s}
	return s, nil
}
