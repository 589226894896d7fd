package server

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"time"
)

// updater runs the story update (re-cluster, rebuild briefs) in the
// background after articles are added. Requests are debounced: the update
// starts once no article has arrived for delay, or maxDelay after the first
// waiting article, so a burst of posts triggers one update. One goroutine
// runs the updates, so two never overlap; articles added while one runs
// are taken by the next.
type updater struct {
	run      func(ctx context.Context) error
	delay    time.Duration
	maxDelay time.Duration
	retry    time.Duration // wait before retrying a failed update
	log      *slog.Logger
	m        *metrics

	kick    chan struct{} // capacity 1: "something is waiting"
	pending atomic.Int64  // articles added since the running or last update began
	waiting atomic.Bool   // an update is wanted (even with no new article)
}

func newUpdater(run func(context.Context) error, delay, maxDelay time.Duration, log *slog.Logger, m *metrics) *updater {
	return &updater{run: run, delay: delay, maxDelay: maxDelay, retry: 30 * time.Second, log: log, m: m,
		kick: make(chan struct{}, 1)}
}

// trigger asks for an update because n articles were added (n may be 0:
// update anyway, e.g. at startup with a backlog).
func (u *updater) trigger(n int) {
	u.pending.Add(int64(n))
	u.waiting.Store(true)
	u.m.setGauge(metricQueueDepth, float64(u.pending.Load()))
	select {
	case u.kick <- struct{}{}:
	default:
	}
}

// loop runs updates until ctx is done. It returns when ctx is done and the
// update in progress (told to stop by ctx) has returned.
func (u *updater) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-u.kick:
		}
		if !u.settle(ctx) {
			return
		}
		u.once(ctx)
	}
}

// settle waits for a quiet period of delay after the latest trigger, or
// maxDelay in all; it returns false when ctx is done first.
func (u *updater) settle(ctx context.Context) bool {
	quiet := time.NewTimer(u.delay)
	defer quiet.Stop()
	limit := time.NewTimer(u.maxDelay)
	defer limit.Stop()
	for {
		select {
		case <-ctx.Done():
			return false
		case <-u.kick:
			quiet.Reset(u.delay)
		case <-quiet.C:
			return true
		case <-limit.C:
			return true
		}
	}
}

// once runs one update, recording it in the metrics, and schedules a retry
// if it failed.
func (u *updater) once(ctx context.Context) {
	if !u.waiting.Swap(false) {
		return
	}
	n := u.pending.Swap(0)
	u.m.setGauge(metricQueueDepth, float64(u.pending.Load()))
	u.m.setGauge(metricUpdateRunning, 1)
	start := time.Now()
	err := u.run(ctx)
	u.m.setGauge(metricUpdateRunning, 0)
	elapsed := time.Since(start)
	switch {
	case err == nil:
		u.m.inc(metricUpdates, "ok")
		u.m.setGauge(metricLastUpdate, float64(time.Now().Unix()))
		u.log.Info("stories updated", "articles", n, "duration_ms", elapsed.Milliseconds())
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		// Shutting down: the next start picks up the backlog.
		u.log.Info("story update stopped by shutdown", "articles", n)
	default:
		u.m.inc(metricUpdates, "error")
		u.log.Error("story update failed", "err", err, "articles", n, "retry_in", u.retry.String())
		u.pending.Add(n)
		u.m.setGauge(metricQueueDepth, float64(u.pending.Load()))
		time.AfterFunc(u.retry, func() { u.trigger(0) })
	}
}
