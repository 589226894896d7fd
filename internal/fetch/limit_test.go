package fetch

import (
	"testing"
	"time"
)

func TestSchedule(t *testing.T) {
	t0 := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	sec := time.Second
	tests := []struct {
		name            string
		free, now       time.Time
		interval        time.Duration
		start, nextFree time.Time
	}{
		{"first request to a host", time.Time{}, t0, sec, t0, t0.Add(sec)},
		{"host free long ago", t0.Add(-time.Hour), t0, sec, t0, t0.Add(sec)},
		{"host free exactly now", t0, t0, sec, t0, t0.Add(sec)},
		{"host busy: wait for it", t0.Add(300 * time.Millisecond), t0, sec, t0.Add(300 * time.Millisecond), t0.Add(1300 * time.Millisecond)},
		{"queue behind a reservation", t0.Add(5 * sec), t0, 2 * sec, t0.Add(5 * sec), t0.Add(7 * sec)},
	}
	for _, tt := range tests {
		start, next := schedule(tt.free, tt.now, tt.interval)
		if !start.Equal(tt.start) || !next.Equal(tt.nextFree) {
			t.Errorf("%s: schedule = %v, %v; want %v, %v", tt.name, start, next, tt.start, tt.nextFree)
		}
	}
}
