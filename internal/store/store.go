// Package store keeps Parallax's articles, stories and their analysis in an
// embedded SQLite database (modernc.org/sqlite, pure Go).
//
// The database runs in WAL mode with foreign keys on and a busy timeout.
// All writes go through one connection, so there is one writer at a time;
// reads use a pool. The schema changes only through the numbered migrations
// embedded from migrations/. Each method holds its own SQL.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned when a requested row does not exist.
var ErrNotFound = errors.New("not found")

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open Parallax database.
type Store struct {
	w    *sql.DB // one connection: the only writer
	r    *sql.DB // readers
	path string
	// stmts holds read statements prepared on r, by their SQL (see
	// Store.prepared in query.go).
	stmts sync.Map
}

// Open opens (creating if needed) the database at path and applies any
// pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	dsn := func(txlock string) string {
		q := url.Values{}
		for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "foreign_keys(1)", "synchronous(NORMAL)"} {
			q.Add("_pragma", p)
		}
		q.Set("_txlock", txlock)
		return "file:" + path + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn("immediate"))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{w: w, path: path}
	if err := s.migrateRetrying(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn("deferred"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	r.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)*2))
	s.r = r
	return s, nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// openWait bounds how long Open waits for other processes that hold the
// database's locks; it matches the connections' busy_timeout.
const openWait = 10 * time.Second

// migrateRetrying runs migrate until it gets past SQLITE_BUSY or openWait
// ends. SQLite's busy timeout does not cover every lock an opening takes:
// switching a new file to WAL needs an exclusive lock that fails at once
// while another process is creating the same database.
func (s *Store) migrateRetrying(ctx context.Context) error {
	deadline := time.Now().Add(openWait)
	pause := 5 * time.Millisecond
	for {
		err := s.migrate(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("store: %w (after %v)", ctx.Err(), err)
		case <-time.After(pause):
		}
		pause = min(2*pause, 200*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY, whatever its
// extended code.
func isBusy(err error) bool {
	var e interface{ Code() int }
	return errors.As(err, &e) && e.Code()&0xff == sqliteBusy
}

const sqliteBusy = 5 // SQLITE_BUSY, the primary result code

// migrate applies every embedded migration not yet recorded, each in its
// own transaction, in the order of their numbers.
func (s *Store) migrate(ctx context.Context) error {
	applied, err := s.appliedVersions(ctx)
	if err != nil {
		return err
	}
	migs, err := migrations()
	if err != nil {
		return err
	}
	for _, m := range migs {
		if applied[m.version] {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// appliedVersions returns the versions recorded in schema_migrations.
func (s *Store) appliedVersions(ctx context.Context) (map[int]bool, error) {
	var tables int
	if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&tables); err != nil {
		return nil, fmt.Errorf("store: schema versions: %w", err)
	}
	applied := make(map[int]bool)
	if tables == 0 {
		return applied, nil
	}
	rows, err := s.w.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("store: schema versions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: schema versions: %w", err)
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration %s: name must start with a number and '_'", e.Name())
		}
		b, err := migrationFS.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	// Another process may have applied it since appliedVersions looked;
	// the write lock this transaction holds makes the second look final.
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrations table: %w", err)
	}
	var done int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if done > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, now()); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: migration %s: %w", m.name, err)
	}
	return nil
}

// SchemaVersion returns the number of the last migration applied.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// DefaultPath returns the database path used when none is given: $PARALLAX_DB
// if set, else parallax.db in the user's data directory ($XDG_DATA_HOME or
// ~/.local/share on Unix, Application Support on macOS, %LocalAppData% on
// Windows).
func DefaultPath() (string, error) {
	if p := os.Getenv("PARALLAX_DB"); p != "" {
		return p, nil
	}
	dir, err := dataDir()
	if err != nil {
		return "", fmt.Errorf("store: no data directory (set --db or PARALLAX_DB): %w", err)
	}
	return filepath.Join(dir, "parallax", "parallax.db"), nil
}

func dataDir() (string, error) {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d, nil
		}
		return os.UserConfigDir()
	case "darwin":
		home, err := os.UserHomeDir()
		return filepath.Join(home, "Library", "Application Support"), err
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share"), nil
}

// Check runs SQLite's integrity and foreign-key checks and the store's own
// invariants (every article has its original and its clean-stage record),
// returning one line per problem found.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	var problems []string
	queries := []struct{ what, sql string }{
		{"integrity", `SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'`},
		{"foreign key", `SELECT "table" || ' row ' || rowid FROM pragma_foreign_key_check`},
		{"missing original", `SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM originals)`},
		{"missing clean stage", `SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM stages WHERE stage = 'clean')`},
	}
	for _, q := range queries {
		rows, err := s.r.QueryContext(ctx, q.sql)
		if err != nil {
			return nil, fmt.Errorf("store: check %s: %w", q.what, err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: check %s: %w", q.what, err)
			}
			problems = append(problems, q.what+": "+v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: check %s: %w", q.what, err)
		}
	}
	return problems, nil
}
