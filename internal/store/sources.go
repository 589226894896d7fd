package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Source is a feed Parallax polls, with its polling state.
type Source struct {
	ID    int64
	URL   string
	Title string
	// Validators of the feed's last full answer, for a conditional GET.
	ETag, LastModified string
	LastPolled         time.Time // zero until first polled
	NextPoll           time.Time // the source is due once this has passed
	Failures           int       // consecutive failed polls
	LastError          string
	AddedAt            time.Time
	Items              int // feed items seen
	Articles           int // items that became articles
}

// sourceTime is the layout of the sources tables' times: fixed width, so
// that they sort as text.
const sourceTime = "2006-01-02T15:04:05.000Z07:00"

func fmtSourceTime(t time.Time) string { return t.UTC().Format(sourceTime) }

const sourceColumns = `id, url, title, etag, last_modified, COALESCE(last_polled, ''), next_poll,
	failures, last_error, added_at,
	(SELECT COUNT(*) FROM source_items i WHERE i.source_id = sources.id),
	(SELECT COUNT(article_id) FROM source_items i WHERE i.source_id = sources.id)`

func scanSource(sc interface{ Scan(...any) error }) (Source, error) {
	var s Source
	var polled, next, added string
	if err := sc.Scan(&s.ID, &s.URL, &s.Title, &s.ETag, &s.LastModified, &polled, &next,
		&s.Failures, &s.LastError, &added, &s.Items, &s.Articles); err != nil {
		return s, err
	}
	for _, t := range []struct {
		dst *time.Time
		v   string
	}{{&s.LastPolled, polled}, {&s.NextPoll, next}, {&s.AddedAt, added}} {
		if t.v == "" {
			continue
		}
		v, err := time.Parse(time.RFC3339Nano, t.v)
		if err != nil {
			return s, fmt.Errorf("source %d: time %q: %w", s.ID, t.v, err)
		}
		*t.dst = v
	}
	return s, nil
}

// AddSource adds a feed to poll, due at once. When the URL is already a
// source, that source is returned with added false.
func (s *Store) AddSource(ctx context.Context, url, title string) (src Source, added bool, err error) {
	ts := fmtSourceTime(time.Now())
	res, err := s.w.ExecContext(ctx, `INSERT INTO sources (url, title, next_poll, added_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (url) DO NOTHING`, url, title, ts, ts)
	if err != nil {
		return Source{}, false, fmt.Errorf("store: add source %s: %w", url, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return Source{}, false, fmt.Errorf("store: add source %s: %w", url, err)
	}
	row := s.w.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE url = ?`, url)
	if src, err = scanSource(row); err != nil {
		return Source{}, false, fmt.Errorf("store: add source %s: %w", url, err)
	}
	return src, n == 1, nil
}

// Sources returns every source, in the order they were added.
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	return s.querySources(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
}

// DueSources returns the sources whose next poll time is not after now,
// the longest overdue first.
func (s *Store) DueSources(ctx context.Context, now time.Time) ([]Source, error) {
	return s.querySources(ctx, `SELECT `+sourceColumns+` FROM sources WHERE next_poll <= ? ORDER BY next_poll, id`,
		fmtSourceTime(now))
}

func (s *Store) querySources(ctx context.Context, q string, args ...any) ([]Source, error) {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	defer rows.Close()
	var out []Source
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("store: sources: %w", err)
		}
		out = append(out, src)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sources: %w", err)
	}
	return out, nil
}

// Source returns the source with the given ID.
func (s *Store) Source(ctx context.Context, id int64) (Source, error) {
	src, err := scanSource(s.r.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return src, fmt.Errorf("store: source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return src, fmt.Errorf("store: source %d: %w", id, err)
	}
	return src, nil
}

// RemoveSource deletes a source and its record of seen items. The articles
// it brought stay.
func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	res, err := s.w.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("store: remove source %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: remove source %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: remove source %d: %w", id, ErrNotFound)
	}
	return nil
}

// NextPoll returns the earliest next poll time of any source; ok is false
// when there are no sources.
func (s *Store) NextPoll(ctx context.Context) (next time.Time, ok bool, err error) {
	var v sql.NullString
	if err := s.r.QueryRowContext(ctx, `SELECT MIN(next_poll) FROM sources`).Scan(&v); err != nil {
		return time.Time{}, false, fmt.Errorf("store: next poll: %w", err)
	}
	if !v.Valid {
		return time.Time{}, false, nil
	}
	t, err := time.Parse(time.RFC3339Nano, v.String)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("store: next poll %q: %w", v.String, err)
	}
	return t, true, nil
}

// Poll is the outcome of polling a source, as stored.
type Poll struct {
	Polled, Next time.Time
	// Validators to send next time. On a failed or 304 poll, pass the
	// stored ones back unchanged.
	ETag, LastModified string
	Failures           int    // consecutive failures, 0 after a success
	Error              string // the last error; empty after a success
	Title              string // the feed's title; set only when the source has none
}

// RecordPoll stores the outcome of a poll of the source id.
func (s *Store) RecordPoll(ctx context.Context, id int64, p Poll) error {
	res, err := s.w.ExecContext(ctx, `UPDATE sources SET last_polled = ?, next_poll = ?, etag = ?, last_modified = ?,
		failures = ?, last_error = ?, title = CASE WHEN title = '' THEN ? ELSE title END WHERE id = ?`,
		fmtSourceTime(p.Polled), fmtSourceTime(p.Next), p.ETag, p.LastModified, p.Failures, p.Error, p.Title, id)
	if err != nil {
		return fmt.Errorf("store: record poll of source %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: record poll of source %d: %w", id, err)
	} else if n == 0 {
		return fmt.Errorf("store: record poll of source %d: %w", id, ErrNotFound)
	}
	return nil
}

// SourceItem is a feed item seen in a source.
type SourceItem struct {
	GUID      string // the item's GUID, or its link when it has none
	Link      string
	ArticleID string // the article it became; empty when it could not be used
}

// ItemSeen says whether a feed item was seen before.
type ItemSeen struct {
	Here      bool   // seen in this source (by GUID)
	Elsewhere bool   // its link was seen in another source
	ArticleID string // the article it became, when known
}

// SeenItems tells, for each item of source id, whether it was seen before
// in this source (same GUID) or in another (same link).
func (s *Store) SeenItems(ctx context.Context, id int64, items []SourceItem) ([]ItemSeen, error) {
	out := make([]ItemSeen, len(items))
	for i, it := range items {
		var art sql.NullString
		err := s.r.QueryRowContext(ctx, `SELECT article_id FROM source_items WHERE source_id = ? AND guid = ?`,
			id, it.GUID).Scan(&art)
		switch {
		case err == nil:
			out[i] = ItemSeen{Here: true, ArticleID: art.String}
			continue
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("store: seen items of source %d: %w", id, err)
		}
		if it.Link == "" {
			continue
		}
		err = s.r.QueryRowContext(ctx, `SELECT article_id FROM source_items WHERE link = ?
			ORDER BY article_id IS NULL LIMIT 1`, it.Link).Scan(&art)
		switch {
		case err == nil:
			out[i] = ItemSeen{Elsewhere: true, ArticleID: art.String}
		case !errors.Is(err, sql.ErrNoRows):
			return nil, fmt.Errorf("store: seen items of source %d: %w", id, err)
		}
	}
	return out, nil
}

// AddSourceItems records items as seen in source id, in one transaction.
// Items already recorded keep their first record.
func (s *Store) AddSourceItems(ctx context.Context, id int64, items []SourceItem) error {
	if len(items) == 0 {
		return nil
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: add items of source %d: %w", id, err)
	}
	defer tx.Rollback()
	ts := fmtSourceTime(time.Now())
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_items (source_id, guid, link, seen_at, article_id)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`, id, it.GUID, it.Link, ts, nullString(it.ArticleID)); err != nil {
			return fmt.Errorf("store: add item %q of source %d: %w", it.GUID, id, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: add items of source %d: %w", id, err)
	}
	return nil
}
