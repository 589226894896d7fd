package feed

import (
	"errors"
	"net/http"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

// Backoff is the wait before polling again after the n-th consecutive
// failure (n ≥ 1): base·2^(n−1), capped at max, with "equal jitter" — half
// of it fixed, the other half scaled by r, a random number in [0, 1) — so
// that sources failing together do not retry together.
func Backoff(n int, base, max time.Duration, r float64) time.Duration {
	if n < 1 {
		n = 1
	}
	d := base
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	d = min(d, max)
	return d/2 + time.Duration(r*float64(d/2))
}

// NextPoll is when to poll a source again, polled at now: after a success,
// the interval give or take a tenth (by r in [0, 1)); after the n-th
// failure in a row, the backoff, or the server's Retry-After when it asks
// for longer (up to max).
func NextPoll(now time.Time, failures int, retryAfter, interval, base, max time.Duration, r float64) time.Time {
	if failures == 0 {
		return now.Add(interval - interval/10 + time.Duration(r*float64(interval/5)))
	}
	d := Backoff(failures, base, max, r)
	if ra := min(retryAfter, max); ra > d {
		d = ra
	}
	return now.Add(d)
}

// newItems returns the items of a feed to fetch: those not seen before, at
// most limit of them, newest first (undated items keep their feed order,
// after dated ones). more reports whether some were left for later.
func newItems(items []Item, seen []store.ItemSeen, limit int) (todo []int, more bool) {
	for i := range items {
		if !seen[i].Here && !seen[i].Elsewhere {
			todo = append(todo, i)
		}
	}
	sort.SliceStable(todo, func(a, b int) bool {
		pa, pb := items[todo[a]].Published, items[todo[b]].Published
		if pa.IsZero() != pb.IsZero() {
			return !pa.IsZero()
		}
		return pa.After(pb)
	})
	if len(todo) > limit {
		return todo[:limit], true
	}
	return todo, false
}

// MinFallbackWords is the least number of words an item's own content
// needs to stand in for its page: below that it is a teaser, not an
// article.
const MinFallbackWords = 80

// fallbackHTML returns the item's content as a small HTML document when it
// holds enough text to be used as the article.
func fallbackHTML(it Item) ([]byte, bool) {
	if countWords(it.Content) < MinFallbackWords {
		return nil, false
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(it.Title))
	b.WriteString("</title></head>\n<body><article>\n")
	b.WriteString(it.Content)
	b.WriteString("\n</article></body></html>\n")
	return []byte(b.String()), true
}

// countWords counts the words of the text in an HTML fragment (or plain
// text), outside script and style elements.
func countWords(fragment string) int {
	z := html.NewTokenizer(strings.NewReader(fragment))
	n, skip := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case html.TextToken:
			if skip == 0 {
				n += len(strings.Fields(string(z.Text())))
			}
		}
	}
}

// transient reports whether a page fetch error may go away by itself, so
// that the item is worth trying again at the next poll: network trouble,
// timeouts, server errors, rate limiting, an unreachable robots.txt. A
// refused address, a disallowing robots.txt, a body too large or a 4xx
// answer will not change.
func transient(err error) bool {
	var se *fetch.StatusError
	switch {
	case err == nil:
		return false
	case errors.Is(err, fetch.ErrRobotsUnreachable):
		return true
	case errors.Is(err, fetch.ErrForbiddenAddress), errors.Is(err, fetch.ErrScheme),
		errors.Is(err, fetch.ErrRobots), errors.Is(err, fetch.ErrTooLarge),
		errors.Is(err, fetch.ErrRedirects), errors.Is(err, fetch.ErrEncoding),
		errors.Is(err, errNotHTML):
		return false
	case errors.As(err, &se):
		return se.Code >= 500 || se.Code == http.StatusTooManyRequests || se.Code == http.StatusRequestTimeout
	}
	return true
}
