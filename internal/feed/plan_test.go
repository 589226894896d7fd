package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/store"
)

func TestBackoff(t *testing.T) {
	base, max := 2*time.Minute, time.Hour
	tests := []struct {
		n    int
		r    float64
		want time.Duration
	}{
		{1, 0, time.Minute},                // half of base
		{1, 0.999999, 2*time.Minute - 1e5}, // almost all of base
		{1, 0.5, 90 * time.Second},         // base/2 + base/4
		{2, 0, 2 * time.Minute},            // 4m, halved
		{3, 0, 4 * time.Minute},            // 8m, halved
		{6, 0, 30 * time.Minute},           // 64m capped at 60m, halved
		{50, 0.5, 45 * time.Minute},        // capped; no overflow
		{0, 0, time.Minute},                // treated as the first failure
		{-3, 0, time.Minute},
	}
	for _, tt := range tests {
		got := Backoff(tt.n, base, max, tt.r)
		if d := got - tt.want; d < -time.Millisecond || d > time.Millisecond {
			t.Errorf("Backoff(%d, r=%v) = %v, want %v", tt.n, tt.r, got, tt.want)
		}
	}
	// Always within [cap/2, cap).
	for n := 1; n < 70; n++ {
		for _, r := range []float64{0, 0.3, 0.999} {
			d := Backoff(n, base, max, r)
			if d < base/2 || d > max {
				t.Fatalf("Backoff(%d, %v) = %v out of range", n, r, d)
			}
		}
	}
}

func TestNextPoll(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	iv, base, max := 15*time.Minute, 2*time.Minute, 12*time.Hour
	tests := []struct {
		name       string
		failures   int
		retryAfter time.Duration
		r          float64
		want       time.Duration
	}{
		{"success, no jitter", 0, 0, 0.5, 15 * time.Minute},
		{"success, earliest", 0, 0, 0, 13*time.Minute + 30*time.Second},
		{"success ignores Retry-After", 0, time.Hour, 0.5, 15 * time.Minute},
		{"first failure", 1, 0, 0, time.Minute},
		{"Retry-After longer than backoff", 1, time.Hour, 0, time.Hour},
		{"Retry-After shorter than backoff", 5, time.Second, 0, 16 * time.Minute},
		{"Retry-After capped", 1, 100 * time.Hour, 0, 12 * time.Hour},
	}
	for _, tt := range tests {
		got := NextPoll(now, tt.failures, tt.retryAfter, iv, base, max, tt.r).Sub(now)
		if got != tt.want {
			t.Errorf("%s: next poll in %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestNewItems(t *testing.T) {
	d := func(day int) time.Time { return time.Date(2022, 12, day, 0, 0, 0, 0, time.UTC) }
	items := []Item{
		{GUID: "a", Published: d(10)},
		{GUID: "b"},                   // undated
		{GUID: "c", Published: d(12)}, // seen here
		{GUID: "d", Published: d(14)},
		{GUID: "e", Published: d(11)}, // seen elsewhere
		{GUID: "f"},                   // undated
	}
	seen := []store.ItemSeen{{}, {}, {Here: true}, {}, {Elsewhere: true}, {}}
	todo, more := newItems(items, seen, 10)
	if got := keys(items, todo); got != "d a b f" || more {
		t.Errorf("newItems = %s (more %v), want d a b f", got, more)
	}
	todo, more = newItems(items, seen, 2)
	if got := keys(items, todo); got != "d a" || !more {
		t.Errorf("newItems limited to 2 = %s (more %v), want d a, more", got, more)
	}
}

func keys(items []Item, idx []int) string {
	var s []string
	for _, i := range idx {
		s = append(s, items[i].GUID)
	}
	return strings.Join(s, " ")
}

func TestFallbackHTML(t *testing.T) {
	long := "<p>" + strings.Repeat("word ", MinFallbackWords) + "</p>"
	short := "<p>" + strings.Repeat("word ", MinFallbackWords-1) + "</p><script>" + strings.Repeat("x ", 500) + "</script>"
	if _, ok := fallbackHTML(Item{Content: short}); ok {
		t.Error("a teaser (script text not counted) was used as the article")
	}
	doc, ok := fallbackHTML(Item{Title: "A <b>title</b>", Content: long})
	if !ok || !strings.Contains(string(doc), long) || !strings.Contains(string(doc), "<title>A &lt;b&gt;title&lt;/b&gt;</title>") {
		t.Errorf("fallback = %v, %s", ok, doc)
	}
	if n := countWords("plain text, no markup at all"); n != 6 {
		t.Errorf("countWords(plain) = %d", n)
	}
}

func TestTransient(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{fmt.Errorf("x: %w", fetch.ErrForbiddenAddress), false},
		{fmt.Errorf("x: %w", fetch.ErrRobots), false},
		{fmt.Errorf("%w: u: %w", fetch.ErrRobots, fetch.ErrRobotsUnreachable), true},
		{fmt.Errorf("x: %w", fetch.ErrTooLarge), false},
		{fmt.Errorf("x: %w", errNotHTML), false},
		{&fetch.StatusError{Code: 404}, false},
		{&fetch.StatusError{Code: 410}, false},
		{&fetch.StatusError{Code: 429}, true},
		{&fetch.StatusError{Code: 503}, true},
		{context.DeadlineExceeded, true},
		{errors.New("connection reset by peer"), true},
	}
	for _, tt := range tests {
		if got := transient(tt.err); got != tt.want {
			t.Errorf("transient(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}
