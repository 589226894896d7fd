// Package server runs Parallax as a service: one process that serves the
// JSON API (internal/apiv1), a web UI handler mounted at "/", /healthz and
// Prometheus /metrics, keeps the stories up to date in the background as
// articles arrive, and runs background tasks such as feed pollers.
//
// Every response carries a strict Content-Security-Policy and companion
// headers. Requests that change state need a bearer token whenever one is
// configured, and one must be when the server listens beyond loopback;
// cross-origin browser writes are refused, and on loopback only loopback
// Host names are answered. Shutdown is graceful: requests in flight finish,
// then the background work is stopped.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/pipeline"
	"github.com/parallax-news/parallax/internal/store"
)

// Config is what a server runs with. Store and Addr are required.
type Config struct {
	Store *store.Store
	// Logger receives structured logs (requests, updates, errors); nil
	// discards them.
	Logger *slog.Logger
	// Addr is the address to listen on, host:port (127.0.0.1:8080).
	Addr string
	// Token, when set, is the bearer token that requests changing state
	// must carry. It is required (at least MinTokenLength bytes) when Addr
	// is not a loopback address.
	Token string
	// AllowedHosts are Host names answered besides loopback ones, e.g. the
	// name a reverse proxy forwards. When the server listens on loopback,
	// or this list is not empty, requests for other Hosts are refused.
	AllowedHosts []string
	// BaseURL is the absolute URL the service is reached at, for links in
	// the Atom feed; empty derives it from each request.
	BaseURL string
	// Web is mounted at "/" (the web UI); nil answers 404 there.
	Web http.Handler
	// StoryPage gives a story's path in the web UI, linked from the feed.
	StoryPage func(storyID string) string
	// Background tasks run beside the server until it shuts down (their
	// ctx is then cancelled). A task that adds articles calls srv.Ingest,
	// or srv.Changed after ingesting by other means, so that the stories
	// are updated. A task's error is logged; the server keeps running.
	Background []func(ctx context.Context, srv *Server) error
	// Update brings the stories up to date with the stored articles; nil
	// re-clusters (pipeline Cluster) and builds stale story objects
	// (pipeline Briefs).
	Update func(ctx context.Context) error
	// UpdateDelay is how long the background update waits after the latest
	// ingest before it runs (default 2s); UpdateMaxDelay is the longest an
	// ingested article waits for its update while ingests keep coming
	// (default 30s).
	UpdateDelay, UpdateMaxDelay time.Duration
	// ShutdownTimeout bounds how long shutdown waits for requests in
	// flight (default 15s).
	ShutdownTimeout time.Duration
}

// Server is a running (or ready to run) Parallax service.
type Server struct {
	cfg      Config
	log      *slog.Logger
	pipe     *pipeline.Pipeline
	metrics  *metrics
	updater  *updater
	loopback bool
	stopping atomic.Bool
	started  time.Time
}

// New checks cfg and returns a server ready to Run. It refuses a
// non-loopback Addr without a Token (ErrTokenRequired).
func New(ctx context.Context, cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	loopback, err := IsLoopback(ctx, cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if !loopback && cfg.Token == "" {
		return nil, fmt.Errorf("server: refusing to listen on %s: %w (set --token or $PARALLAX_TOKEN)", cfg.Addr, ErrTokenRequired)
	}
	if cfg.Token != "" && len(cfg.Token) < MinTokenLength {
		return nil, fmt.Errorf("server: the token must be at least %d bytes", MinTokenLength)
	}
	if cfg.UpdateDelay <= 0 {
		cfg.UpdateDelay = 2 * time.Second
	}
	if cfg.UpdateMaxDelay < cfg.UpdateDelay {
		cfg.UpdateMaxDelay = max(30*time.Second, cfg.UpdateDelay)
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 15 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: cfg, log: log, metrics: newMetrics(), loopback: loopback, started: time.Now()}
	s.pipe = &pipeline.Pipeline{Store: cfg.Store, Problem: func(pr ingest.Problem) {
		log.Warn("record not ingested", "source", pr.Path, "err", pr.Err)
	}}
	update := cfg.Update
	if update == nil {
		update = s.update
	}
	s.updater = newUpdater(s.timed("update", update), cfg.UpdateDelay, cfg.UpdateMaxDelay, log, s.metrics)
	s.metrics.setGauge(metricStart, float64(s.started.Unix()))
	s.metrics.setGauge(metricQueueDepth, 0)
	return s, nil
}

// update is the default story update: re-cluster, then build the story
// objects that are stale.
func (s *Server) update(ctx context.Context) error {
	if err := s.timed("cluster", s.pipe.Cluster)(ctx); err != nil {
		return err
	}
	return s.timed("briefs", s.pipe.Briefs)(ctx)
}

// timed wraps a stage so its duration is recorded.
func (s *Server) timed(stage string, f func(context.Context) error) func(context.Context) error {
	return func(ctx context.Context) error {
		start := time.Now()
		err := f(ctx)
		s.metrics.observe(metricStageTime, stage, time.Since(start))
		return err
	}
}

// Ingest cleans and stores records (from the API or a background task),
// counts them, and schedules the story update when any is new. It returns
// the outcome of each record.
func (s *Server) Ingest(ctx context.Context, recs []ingest.Record) ([]pipeline.Outcome, error) {
	start := time.Now()
	outs, stats, err := s.pipe.IngestRecords(ctx, recs)
	s.metrics.observe(metricStageTime, "ingest", time.Since(start))
	s.metrics.add(metricIngested, float64(stats.Added), "created")
	s.metrics.add(metricIngested, float64(stats.Duplicates), "duplicate")
	s.metrics.add(metricIngested, float64(stats.Failed), "rejected")
	if stats.Added > 0 {
		s.updater.trigger(stats.Added)
	}
	return outs, err
}

// Changed tells the server that n articles were added by other means, so
// the stories are updated (debounced like Ingest).
func (s *Server) Changed(n int) {
	s.metrics.add(metricIngested, float64(n), "created")
	s.updater.trigger(n)
}

// routes are the server's own routes beside the API's.
func (s *Server) routes() []apiv1.Route {
	return []apiv1.Route{
		{Method: "GET", Pattern: "/healthz", Handler: s.healthz},
		{Method: "GET", Pattern: "/metrics", Handler: s.serveMetrics},
	}
}

// Routes returns every route the server answers besides the web handler
// at "/": the API's and its own.
func (s *Server) Routes() []apiv1.Route {
	api := apiv1.New(apiv1.Config{Store: s.cfg.Store, Ingest: s.Ingest, Logger: s.log, BaseURL: s.cfg.BaseURL, StoryPage: s.cfg.StoryPage})
	return append(api.Routes(), s.routes()...)
}

// Handler returns the server's whole HTTP handler, middleware included.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	apiv1.Mount(mux, s.Routes())
	mux.HandleFunc(apiv1.Prefix, func(w http.ResponseWriter, r *http.Request) {
		apiv1.WriteError(w, http.StatusNotFound, apiv1.CodeNotFound, "no such API path: "+r.URL.Path)
	})
	if s.cfg.Web != nil {
		mux.Handle("/", s.cfg.Web)
	} else {
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			apiv1.WriteError(w, http.StatusNotFound, apiv1.CodeNotFound, "not found (the API is under "+apiv1.Prefix+")")
		})
	}
	var h http.Handler = mux
	h = requireToken(s.cfg.Token, h)
	h = crossOrigin(h)
	if s.loopback || len(s.cfg.AllowedHosts) > 0 {
		h = checkHost(s.cfg.AllowedHosts, h)
	}
	h = s.observe(h)
	h = securityHeaders(h)
	return s.recoverPanics(h)
}

// Run listens on the configured address and serves until ctx is done, then
// shuts down gracefully.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done: the background update and tasks
// run beside the HTTP server. On shutdown /healthz turns unavailable,
// requests in flight get up to ShutdownTimeout to finish, and then the
// background work is stopped and waited for.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	bg, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	defer stopBackground()
	// Requests keep their context through the shutdown grace period.
	reqCtx, cancelRequests := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelRequests()
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a 16 MB post on a slow link
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
	}
	var wg sync.WaitGroup
	wg.Go(func() { s.updater.loop(bg) })
	for i, task := range s.cfg.Background {
		wg.Go(func() {
			if err := task(bg, s); err != nil && !(errors.Is(err, context.Canceled) && bg.Err() != nil) {
				s.log.Error("background task failed", "task", i, "err", err)
			}
		})
	}
	s.catchUp(ctx)

	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	s.log.Info("serving", "addr", ln.Addr().String(), "loopback", s.loopback, "token", s.cfg.Token != "")
	var err error
	select {
	case <-ctx.Done():
	case err = <-served:
		err = fmt.Errorf("server: %w", err)
	}
	s.stopping.Store(true)
	s.log.Info("shutting down")
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.cfg.ShutdownTimeout)
	defer cancel()
	if serr := hs.Shutdown(shut); serr != nil {
		s.log.Warn("requests still running at the shutdown deadline", "err", serr)
		cancelRequests()
		hs.Close()
	}
	stopBackground()
	wg.Wait()
	s.log.Info("stopped")
	return err
}

// catchUp schedules an update when the database holds articles not yet in
// a story or stale story objects (an ingest or update was interrupted).
func (s *Server) catchUp(ctx context.Context) {
	b, err := s.pipe.Backlog(ctx)
	if err != nil {
		s.log.Error("reading the backlog", "err", err)
		return
	}
	if b.Unclustered > 0 || b.Outdated > 0 || b.StaleBriefs > 0 {
		s.log.Info("updating stories left behind", "unclustered", b.Unclustered, "outdated", b.Outdated, "stale", b.StaleBriefs)
		s.updater.trigger(b.Unclustered)
	}
}
