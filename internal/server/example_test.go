package server_test

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/server"
	"github.com/parallax-news/parallax/internal/store"
)

// A server with a web UI at "/" and a background task that finds articles
// (a feed poller, say) and hands them to srv.Ingest, which stores them and
// schedules the story update.
func Example() {
	ctx := context.Background()
	st, err := store.Open(ctx, "parallax.db")
	if err != nil {
		panic(err)
	}
	defer st.Close()
	web := http.NotFoundHandler() // the web UI's handler
	poll := func(ctx context.Context, srv *server.Server) error {
		tick := time.NewTicker(15 * time.Minute)
		defer tick.Stop()
		for {
			recs := []ingest.Record{} // found by the poller
			if _, err := srv.Ingest(ctx, recs); err != nil {
				return err
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-tick.C:
			}
		}
	}
	srv, err := server.New(ctx, server.Config{
		Store:      st,
		Logger:     slog.New(slog.NewJSONHandler(os.Stderr, nil)),
		Addr:       "127.0.0.1:8080",
		Web:        web,
		StoryPage:  func(id string) string { return "/stories/" + id },
		Background: []func(context.Context, *server.Server) error{poll},
	})
	if err != nil {
		panic(err)
	}
	if err := srv.Run(ctx); err != nil { // until ctx is cancelled
		panic(err)
	}
}
