package web

import (
	"bytes"
	"hash/maphash"
	"strconv"
	"sync"

	"github.com/parallax-news/parallax/internal/article"
)

// Cache sizes.
const (
	storyCacheSize  = 128       // stories whose decoded object and pages are kept
	maxCachedPage   = 512 << 10 // larger pages are not kept
	storyCacheHead  = 64        // leading bytes of a story object compared besides its hash
	storyCachePages = 3         // pages per story: the story, its facts, its quotes
)

// storyCache keeps, per story, the decoded story object and the pages
// rendered from it, so that a popular story page neither decodes its
// stored JSON (often 100 KB) nor executes its template on every request.
//
// Every request still reads the stored object and the member articles —
// the store is the truth. A decoded object is used only when the bytes
// read are the ones it was decoded from, and a page only when, besides,
// the articles read are the ones it was rendered with: a rebuilt story or
// a changed article is never shown stale.
type storyCache struct {
	seed    maphash.Seed
	mu      sync.Mutex
	max     int
	entries map[string]*cachedStory
}

// cachedStory is one story's decoded object and pages. Its fields are
// written once, before it is shared, except pages (guarded by the cache's
// mutex).
type cachedStory struct {
	sum   uint64 // hash of the stored object
	size  int
	head  []byte
	story *storyDoc
	pages map[string]cachedPage // by page kind
}

// cachedPage is a rendered page and what it was rendered from.
type cachedPage struct {
	articles uint64 // hash of the member articles
	body     []byte
	etag     string
}

// newStoryCache returns a cache of max stories; 0 caches nothing.
func newStoryCache(max int) *storyCache {
	return &storyCache{seed: maphash.MakeSeed(), max: max, entries: make(map[string]*cachedStory, max)}
}

// decode returns the cache entry for a story whose stored object is raw,
// decoding raw unless the same bytes were decoded before. The entry's
// story is shared: callers must not modify it.
func (c *storyCache) decode(id string, raw []byte) (*cachedStory, error) {
	sum := maphash.Bytes(c.seed, raw)
	head := raw[:min(len(raw), storyCacheHead)]
	c.mu.Lock()
	e, ok := c.entries[id]
	c.mu.Unlock()
	if ok && e.sum == sum && e.size == len(raw) && bytes.Equal(e.head, head) {
		return e, nil
	}
	s, err := decodeStory(raw)
	if err != nil {
		return nil, err
	}
	e = &cachedStory{sum: sum, size: len(raw), head: bytes.Clone(head), story: s, pages: map[string]cachedPage{}}
	if c.max == 0 {
		return e, nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.entries[id]; !ok && len(c.entries) >= c.max {
		for k := range c.entries { // evict one entry, any
			delete(c.entries, k)
			break
		}
	}
	c.entries[id] = e
	return e, nil
}

// articlesSum hashes what a story page shows of its articles.
func (c *storyCache) articlesSum(arts []article.Article) uint64 {
	var h maphash.Hash
	h.SetSeed(c.seed)
	for i := range arts {
		a := &arts[i]
		for _, s := range []string{a.ID, a.Title, a.Outlet, a.Byline, a.Wire, a.URL, a.Dateline, a.PublishedDay(), a.Text} {
			h.WriteString(s)
			h.WriteByte(0)
		}
	}
	return h.Sum64()
}

// page returns the page of a kind rendered from e's object and articles
// whose hash is arts.
func (c *storyCache) page(e *cachedStory, kind string, arts uint64) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := e.pages[kind]
	return p, ok && p.articles == arts
}

// putPage keeps a copy of a rendered page.
func (c *storyCache) putPage(e *cachedStory, kind string, arts uint64, body []byte, etag string) {
	if c.max == 0 || len(body) > maxCachedPage {
		return
	}
	body = bytes.Clone(body)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(e.pages) >= storyCachePages {
		clear(e.pages)
	}
	e.pages[kind] = cachedPage{articles: arts, body: body, etag: etag}
}

// etag names the version of a story page: its kind, the stored object,
// the articles and the UI's build.
func (e *cachedStory) etag(kind string, arts uint64, build string) string {
	return `"` + kind + "-" + strconv.FormatUint(e.sum, 36) + "-" + strconv.FormatUint(arts, 36) + "-" + build + `"`
}
