package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// robotsRetry is how long an unreachable robots.txt (server error, network
// failure) keeps its host closed before it is asked for again.
const robotsRetry = 10 * time.Minute

// robotsCache holds each origin's robots.txt rules until they expire. One
// goroutine loads an origin's file; others asking meanwhile wait for it.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry // scheme://host:port → entry
}

type robotsEntry struct {
	ready   chan struct{} // closed once loaded
	rules   *Robots
	expires time.Time
	err     error // not cached: the next caller loads again
}

func newRobotsCache() *robotsCache { return &robotsCache{m: make(map[string]*robotsEntry)} }

// robotsFor returns the robots.txt rules that apply to u, loading them when
// not cached or expired.
func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL) (*Robots, error) {
	c := f.robots
	key := u.Scheme + "://" + u.Host
	for {
		c.mu.Lock()
		if e, ok := c.m[key]; ok {
			select {
			case <-e.ready:
				if e.err == nil && f.opts.Now().Before(e.expires) {
					c.mu.Unlock()
					return e.rules, nil
				}
			default: // being loaded by another goroutine
				c.mu.Unlock()
				select {
				case <-e.ready:
					continue
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			}
		}
		e := &robotsEntry{ready: make(chan struct{})}
		c.m[key] = e
		c.prune(f.opts.Now())
		c.mu.Unlock()
		e.rules, e.expires, e.err = f.loadRobots(ctx, u)
		close(e.ready)
		return e.rules, e.err
	}
}

// prune drops expired entries once the cache grows large. Called with mu
// held.
func (c *robotsCache) prune(now time.Time) {
	if len(c.m) < 4096 {
		return
	}
	for k, e := range c.m {
		select {
		case <-e.ready:
			if !now.Before(e.expires) {
				delete(c.m, k)
			}
		default:
		}
	}
}

// loadRobots fetches and parses the robots.txt of u's origin, following
// RFC 9309: a 4xx answer (the file does not exist) allows everything; a
// server error or a network failure disallows everything for a while. An
// error is returned only for what robots.txt cannot decide: a cancelled
// request, or an address or scheme the fetcher refuses anyway.
func (f *Fetcher) loadRobots(ctx context.Context, u *url.URL) (*Robots, time.Time, error) {
	now := f.opts.Now()
	ok := now.Add(f.opts.RobotsTTL)
	retry := now.Add(min(robotsRetry, f.opts.RobotsTTL))
	if err := f.hosts.wait(ctx, u.Host, f.opts.HostInterval, f.opts.Now); err != nil {
		return nil, now, err
	}
	// A robots.txt that does not answer in time counts as unreachable;
	// only the caller's own cancellation is an error.
	rctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, ru.String(), nil)
	if err != nil {
		return nil, now, fmt.Errorf("fetch: %w", err)
	}
	f.setHeaders(req, "text/plain, */*;q=0.5")
	resp, err := f.raw.Do(req)
	if err != nil {
		if ctx.Err() != nil || errors.Is(err, ErrForbiddenAddress) || errors.Is(err, ErrScheme) {
			return nil, now, unwrapURLError(err)
		}
		return unreachable(err.Error()), retry, nil
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		b, err := readPrefix(resp, MaxRobotsBytes)
		if err != nil {
			if ctx.Err() != nil {
				return nil, now, ctx.Err()
			}
			return unreachable(err.Error()), retry, nil
		}
		return ParseRobots(b, f.agent), ok, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return unreachable(resp.Status), retry, nil
	case resp.StatusCode >= 400:
		return &Robots{}, ok, nil
	default: // 1xx or a 3xx the client did not follow: unreachable
		return unreachable(resp.Status), retry, nil
	}
}

// unreachable is the rule set of a host whose robots.txt could not be
// read: nothing may be fetched until it is asked for again.
func unreachable(why string) *Robots {
	return &Robots{all: true, why: why}
}
