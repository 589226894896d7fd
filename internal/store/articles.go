package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

// Added reports the outcome of adding one article.
type Added struct {
	ID  string // the stored article's ID: the new one, or the existing copy's
	New bool   // false when the same content (or URL) was already stored
}

// NewArticle is an article to add, with what is stored beside it.
type NewArticle struct {
	Article  *article.Article
	Notes    []string // the cleaner's decisions
	Original []byte   // the bytes it was read from
	Version  int      // the clean stage's version
}

// AddArticle stores one article; see AddArticles.
func (s *Store) AddArticle(ctx context.Context, a *article.Article, notes []string, original []byte, cleanVersion int) (Added, error) {
	added, err := s.AddArticles(ctx, []NewArticle{{Article: a, Notes: notes, Original: original, Version: cleanVersion}})
	if err != nil {
		return Added{}, err
	}
	return added[0], nil
}

// AddArticles stores cleaned articles with their original bytes and the
// clean stage's version, all in one transaction, so an interrupted ingest
// leaves each article either whole or absent. An article already stored is
// not stored again; the existing copy's ID is returned. Articles are the
// same when they have the same URL, or the same content hash where one of
// them has no URL. Two URLs carrying the same text (a wire story run by two
// outlets) are two articles: the reuse graph links them.
func (s *Store) AddArticles(ctx context.Context, arts []NewArticle) ([]Added, error) {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: add articles: %w", err)
	}
	defer tx.Rollback()
	out := make([]Added, len(arts))
	for i, na := range arts {
		if out[i], err = addArticle(ctx, tx, na); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: add articles: %w", err)
	}
	return out, nil
}

func addArticle(ctx context.Context, tx *sql.Tx, na NewArticle) (Added, error) {
	a := na.Article
	asides, err := json.Marshal(nonNil(a.Asides))
	if err != nil {
		return Added{}, fmt.Errorf("store: add article: %w", err)
	}
	noteJSON, err := json.Marshal(nonNil(na.Notes))
	if err != nil {
		return Added{}, fmt.Errorf("store: add article: %w", err)
	}
	var existing string
	err = tx.QueryRowContext(ctx, `SELECT id FROM articles
		WHERE id = ?1 OR (url = ?2) OR (hash = ?3 AND (url IS NULL OR ?2 IS NULL)) LIMIT 1`,
		a.ID, nullString(a.URL), a.Hash).Scan(&existing)
	switch {
	case err == nil:
		return Added{ID: existing}, nil
	case !errors.Is(err, sql.ErrNoRows):
		return Added{}, fmt.Errorf("store: find existing copy of %s: %w", a.ID, err)
	}
	ts := now()
	_, err = tx.ExecContext(ctx, `
		INSERT INTO articles (id, hash, url, source, format, title, outlet, byline, wire, dateline,
			published, body, asides, notes, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Hash, nullString(a.URL), a.Source, a.Format, a.Title, a.Outlet, a.Byline, a.Wire, a.Dateline,
		nullTime(a.Published), a.Text, string(asides), string(noteJSON), ts)
	if err != nil {
		return Added{}, fmt.Errorf("store: add article %s: %w", a.ID, err)
	}
	original := na.Original
	if original == nil {
		original = []byte{}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO originals (article_id, bytes) VALUES (?, ?)`, a.ID, original); err != nil {
		return Added{}, fmt.Errorf("store: add original of %s: %w", a.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stages (article_id, stage, version, done_at) VALUES (?, 'clean', ?, ?)`,
		a.ID, na.Version, ts); err != nil {
		return Added{}, fmt.Errorf("store: record clean stage of %s: %w", a.ID, err)
	}
	return Added{ID: a.ID, New: true}, nil
}

const articleColumns = `id, hash, COALESCE(url, ''), source, format, title, outlet, byline, wire, dateline,
	COALESCE(published, ''), body, asides`

func scanArticle(sc interface{ Scan(...any) error }) (article.Article, error) {
	var a article.Article
	var published, asides string
	err := sc.Scan(&a.ID, &a.Hash, &a.URL, &a.Source, &a.Format, &a.Title, &a.Outlet, &a.Byline, &a.Wire,
		&a.Dateline, &published, &a.Text, &asides)
	if err != nil {
		return a, err
	}
	if published != "" {
		if a.Published, err = time.Parse(time.RFC3339Nano, published); err != nil {
			return a, fmt.Errorf("article %s: published %q: %w", a.ID, published, err)
		}
	}
	if err := json.Unmarshal([]byte(asides), &a.Asides); err != nil {
		return a, fmt.Errorf("article %s: asides: %w", a.ID, err)
	}
	return a, nil
}

// Article returns the article with the given ID.
func (s *Store) Article(ctx context.Context, id string) (article.Article, error) {
	row := s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return a, fmt.Errorf("store: article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("store: article %s: %w", id, err)
	}
	return a, nil
}

// ArticlesByID returns the articles with the given IDs, in ingest order;
// unknown IDs are skipped.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]article.Article, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	idJSON, _ := json.Marshal(ids)
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles
		WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq`, string(idJSON))
	if err != nil {
		return nil, fmt.Errorf("store: articles: %w", err)
	}
	return collectArticles(rows)
}

// Articles calls fn for every article in ingest order.
func (s *Store) Articles(ctx context.Context, fn func(article.Article) error) error {
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles ORDER BY seq`)
	if err != nil {
		return fmt.Errorf("store: articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("store: articles: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

func collectArticles(rows *sql.Rows) ([]article.Article, error) {
	defer rows.Close()
	var out []article.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("store: articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ArticleNotes returns the cleaner's recorded decisions for an article.
func (s *Store) ArticleNotes(ctx context.Context, id string) ([]string, error) {
	var raw string
	err := s.r.QueryRowContext(ctx, `SELECT notes FROM articles WHERE id = ?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: notes of %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: notes of %s: %w", id, err)
	}
	var notes []string
	if err := json.Unmarshal([]byte(raw), &notes); err != nil {
		return nil, fmt.Errorf("store: notes of %s: %w", id, err)
	}
	return notes, nil
}

// Original returns the bytes an article was ingested from.
func (s *Store) Original(ctx context.Context, id string) ([]byte, error) {
	var b []byte
	err := s.r.QueryRowContext(ctx, `SELECT bytes FROM originals WHERE article_id = ?`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: original of %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: original of %s: %w", id, err)
	}
	return b, nil
}

// CountArticles returns the number of stored articles.
func (s *Store) CountArticles(ctx context.Context) (int, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count articles: %w", err)
	}
	return n, nil
}

// StageVersions returns, for one stage, the version that last processed
// each article (articles the stage has not seen are absent).
func (s *Store) StageVersions(ctx context.Context, stage string) (map[string]int, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, version FROM stages WHERE stage = ?`, stage)
	if err != nil {
		return nil, fmt.Errorf("store: stage %s: %w", stage, err)
	}
	defer rows.Close()
	out := make(map[string]int)
	for rows.Next() {
		var id string
		var v int
		if err := rows.Scan(&id, &v); err != nil {
			return nil, fmt.Errorf("store: stage %s: %w", stage, err)
		}
		out[id] = v
	}
	return out, rows.Err()
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(time.RFC3339Nano)
}
