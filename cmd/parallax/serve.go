package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/parallax-news/parallax/internal/apiv1"
	"github.com/parallax-news/parallax/internal/feed"
	"github.com/parallax-news/parallax/internal/fetch"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
	"github.com/parallax-news/parallax/internal/web"
)

func newServeCmd() *cobra.Command {
	var (
		dbPath, addr, token, baseURL, logFormat, logLevel string
		allowHosts                                        []string
		updateDelay                                       time.Duration
		noPoll, allowPrivate                              bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the JSON API, and keep the stories up to date as articles arrive",
		Long: `Serve runs Parallax as a service over one database: the JSON API under /api/v1/
(described at /api/v1/openapi.json), /healthz, Prometheus /metrics, and the web UI at /.
Articles posted to the API (or found by background tasks) are ingested, and the stories are
updated in the background, a burst of articles at a time. The live sources added with
"parallax sources add" are polled in the background too (unless --no-poll).

Requests that change state (POST) need "Authorization: Bearer TOKEN" when a token is set
(--token or $PARALLAX_TOKEN, at least 16 bytes). Serve refuses to listen on an address beyond
loopback without one. On loopback it answers only loopback Host names and those given with
--allow-host. SIGINT or SIGTERM shut it down gracefully.`,
		Example: "  parallax serve --db news.db\n  PARALLAX_TOKEN=$(openssl rand -hex 16) parallax serve --addr :8080 --allow-host news.example.org",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log, err := newLogger(cmd.ErrOrStderr(), logFormat, logLevel)
			if err != nil {
				return err
			}
			if token == "" {
				token = os.Getenv("PARALLAX_TOKEN")
			}
			st, err := openStore(ctx, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			ui, err := web.New(web.Config{Store: st, Logger: log})
			if err != nil {
				return err
			}
			cfg := server.Config{
				Store: st, Logger: log, Addr: addr, Token: token, AllowedHosts: allowHosts, BaseURL: baseURL,
				UpdateDelay: updateDelay, Web: ui, StoryPage: web.StoryPath,
			}
			if !noPoll {
				cfg.Background = append(cfg.Background, pollSources(st, log, allowPrivate))
			}
			srv, err := server.New(ctx, cfg)
			if errors.Is(err, server.ErrTokenRequired) {
				return fmt.Errorf("%w\n(to serve only this machine, use --addr 127.0.0.1:PORT)", err)
			}
			if err != nil {
				return err
			}
			log.Info("parallax serve", "db", st.Path(), "api", apiv1.Prefix)
			return srv.Run(ctx)
		},
	}
	f := cmd.Flags()
	f.StringVar(&dbPath, "db", "", "database file (default: $PARALLAX_DB or parallax/parallax.db in the user's data directory)")
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on, host:port")
	f.StringVar(&token, "token", "", "bearer token required for writes (default: $PARALLAX_TOKEN)")
	f.StringArrayVar(&allowHosts, "allow-host", nil, "a Host name to answer besides loopback ones (repeatable), e.g. behind a reverse proxy")
	f.StringVar(&baseURL, "base-url", "", "the absolute URL the service is reached at, for feed links (default: from each request)")
	f.StringVar(&logFormat, "log-format", "auto", "log format: json, text, or auto (text on a terminal, else JSON)")
	f.StringVar(&logLevel, "log-level", "info", "log level: debug, info, warn or error")
	f.DurationVar(&updateDelay, "update-delay", 2*time.Second, "quiet time after the latest ingest before the stories are updated")
	f.BoolVar(&noPoll, "no-poll", false, "do not poll the live sources")
	f.BoolVar(&allowPrivate, "allow-private", false, "allow feeds and pages on private, loopback and other internal addresses")
	return cmd
}

// pollSources returns the background task that polls the live sources and
// hands new articles to the server, which updates their stories.
func pollSources(st *store.Store, log *slog.Logger, allowPrivate bool) func(context.Context, *server.Server) error {
	return func(ctx context.Context, srv *server.Server) error {
		opts := fetch.Options{}
		if allowPrivate {
			opts.Allow = fetch.AllowAll
		}
		p := &feed.Poller{
			Store: st, Fetcher: fetch.New(opts), Ingest: srv.Ingest,
			Report: func(r feed.Result) { log.Info("poll", "result", r.String()) },
		}
		return p.Run(ctx)
	}
}

// newLogger returns a slog logger on w in the given format and level.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level: %w", err)
	}
	opts := &slog.HandlerOptions{Level: lv}
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			format = "text"
		}
	}
	switch format {
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("unknown --log-format %q (want json, text or auto)", format)
}
