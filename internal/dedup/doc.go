// Package dedup finds articles that reuse each other's text: exact copies,
// near-duplicates (MinHash signatures with locality-sensitive hashing over
// word shingles) and passage-level reuse (a wire story republished with a
// new intro, an outlet that copies three paragraphs).
//
// Quoted speech does not count as reuse: two outlets quoting the same
// statement is normal reporting, so text inside quotation marks is masked
// before passages are compared. Each reuse found carries the shared
// fraction of both articles, the shared passages as byte offsets, a
// direction when publish dates allow, a score and a reason.
//
// The Index is pure and streaming: articles are added in publication order
// and only the articles of a sliding window are kept.
package dedup
