package server

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/parallax-news/parallax/internal/apiv1"
)

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// observe logs each request and counts it in the metrics, by the route
// pattern that answered it (the path is logged without its query, which
// may hold search words).
func (s *Server) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		s.metrics.addGauge(metricInFlight, 1)
		rec := &recorder{ResponseWriter: w}
		defer func() {
			s.metrics.addGauge(metricInFlight, -1)
			elapsed := time.Since(start)
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			route := r.Pattern
			if route == "" {
				route = "unmatched"
			}
			s.metrics.inc(metricRequests, route, strconv.Itoa(status))
			s.metrics.observe(metricRequestTime, route, elapsed)
			level := slog.LevelInfo
			if status >= 500 {
				level = slog.LevelWarn
			}
			s.log.LogAttrs(r.Context(), level, "request",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("route", route),
				slog.Int("status", status), slog.Int("bytes", rec.bytes),
				slog.Float64("ms", float64(elapsed.Microseconds())/1000), slog.String("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// recoverPanics turns a handler's panic into a logged 500.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				apiv1.WriteError(w, http.StatusInternalServerError, apiv1.CodeInternal, "internal error; see the server log")
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// health is the body of /healthz.
type health struct {
	Status string `json:"status"`
	Error  string `json:"error,omitempty"`
}

// healthz answers 200 when the database answers and the server is not
// shutting down, else 503.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	if s.stopping.Load() {
		apiv1.WriteJSON(w, http.StatusServiceUnavailable, health{Status: "unavailable", Error: "shutting down"})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Store.Ping(ctx); err != nil {
		s.log.Error("health check", "err", err)
		apiv1.WriteJSON(w, http.StatusServiceUnavailable, health{Status: "unavailable", Error: "database does not answer"})
		return
	}
	apiv1.WriteJSON(w, http.StatusOK, health{Status: "ok"})
}

// serveMetrics answers /metrics in the Prometheus text format, with the
// database's counts read at scrape time.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	extra := make(map[string]float64)
	if n, err := s.cfg.Store.CountArticles(ctx); err == nil {
		extra[metricArticles] = float64(n)
	}
	if n, err := s.cfg.Store.CountStories(ctx); err == nil {
		extra[metricStories] = float64(n)
	}
	if b, err := s.pipe.Backlog(ctx); err == nil {
		extra[metricUnclustered] = float64(b.Unclustered)
		extra[metricStaleBriefs] = float64(b.StaleBriefs)
	} else {
		s.log.Warn("metrics: backlog", "err", err)
	}
	var buf bytes.Buffer
	if err := s.metrics.write(&buf, extra); err != nil {
		apiv1.WriteError(w, http.StatusInternalServerError, apiv1.CodeInternal, "metrics could not be written")
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write(buf.Bytes())
}
