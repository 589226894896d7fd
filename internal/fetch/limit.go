package fetch

import (
	"context"
	"sync"
	"time"
)

// limiter spaces the requests made to each host.
type limiter struct {
	mu   sync.Mutex
	free map[string]time.Time // host → earliest start of its next request
}

func newLimiter() *limiter { return &limiter{free: make(map[string]time.Time)} }

// schedule is the pure rule: a request wanting to start at now, on a host
// free from free, starts at the later of the two; the host is then free
// again interval after that start.
func schedule(free, now time.Time, interval time.Duration) (start, nextFree time.Time) {
	start = now
	if free.After(now) {
		start = free
	}
	return start, start.Add(interval)
}

// wait reserves the host's next slot and sleeps until it, or until ctx is
// done.
func (l *limiter) wait(ctx context.Context, host string, interval time.Duration, now func() time.Time) error {
	l.mu.Lock()
	t := now()
	start, next := schedule(l.free[host], t, interval)
	l.free[host] = next
	if len(l.free) > 4096 {
		for h, f := range l.free {
			if f.Before(t) {
				delete(l.free, h)
			}
		}
	}
	l.mu.Unlock()
	d := start.Sub(t)
	if d <= 0 {
		return nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
