package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Member is an article's membership of a story, with the score and reason
// the clustering gave.
type Member struct {
	ArticleID string
	Score     float64
	Reason    string
}

// Story is a stored story and its members.
type Story struct {
	ID        string
	Storyline string
	// LineScore and LineReason say why the story is in its storyline.
	LineScore  float64
	LineReason string
	Title      string
	FirstSeen  time.Time // earliest member publish date; zero when none is dated
	LastSeen   time.Time
	UpdatedAt  time.Time
	Members    []Member
}

// Reuse is one edge of the reuse graph: Article repeats text of From.
type Reuse struct {
	ArticleID, FromID  string
	Shared, SharedFrom float64
	Kind               string
	Detail             string // JSON with passages and reason
}

// ReplaceStories replaces all stories, memberships and reuse edges in one
// transaction, recording the version of the cluster stage that made them.
// A story whose membership is unchanged keeps its row and when it was
// updated; it keeps its brief too unless its title, storyline or the reason
// for its storyline changed (the brief shows them). The other briefs are
// cleared to be rebuilt. Changed scores alone keep the brief.
func (s *Store) ReplaceStories(ctx context.Context, stories []Story, reuse []Reuse, version int) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: replace stories: %w", err)
	}
	defer tx.Rollback()
	old, err := oldStories(ctx, tx)
	if err != nil {
		return err
	}
	keep := make(map[string]bool)
	for _, st := range stories {
		if o, ok := old[st.ID]; ok && o.members == memberKey(st.Members) {
			keep[st.ID] = true
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_members; DELETE FROM reuse;`); err != nil {
		return fmt.Errorf("store: replace stories: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS keep_stories (id TEXT PRIMARY KEY); DELETE FROM keep_stories;`); err != nil {
		return fmt.Errorf("store: replace stories: %w", err)
	}
	ts := now()
	for _, st := range stories {
		if keep[st.ID] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO keep_stories (id) VALUES (?)`, st.ID); err != nil {
				return fmt.Errorf("store: replace stories: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM stories WHERE id NOT IN (SELECT id FROM keep_stories)`); err != nil {
		return fmt.Errorf("store: replace stories: %w", err)
	}
	for _, st := range stories {
		if keep[st.ID] {
			_, err = tx.ExecContext(ctx, `UPDATE stories SET storyline = ?, storyline_score = ?, storyline_reason = ?,
				title = ?, first_seen = ?, last_seen = ?, cluster_version = ? WHERE id = ?`,
				st.Storyline, st.LineScore, st.LineReason, st.Title, nullTime(st.FirstSeen), nullTime(st.LastSeen), version, st.ID)
			if o := old[st.ID]; err == nil && o.shown != shownKey(&st) {
				_, err = tx.ExecContext(ctx, `UPDATE stories SET brief = NULL, brief_at = NULL WHERE id = ?`, st.ID)
			}
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO stories (id, storyline, storyline_score, storyline_reason, title,
				first_seen, last_seen, updated_at, cluster_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				st.ID, st.Storyline, st.LineScore, st.LineReason, st.Title, nullTime(st.FirstSeen), nullTime(st.LastSeen), ts, version)
		}
		if err != nil {
			return fmt.Errorf("store: story %s: %w", st.ID, err)
		}
		for _, m := range st.Members {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_members (article_id, story_id, score, reason) VALUES (?, ?, ?, ?)`,
				m.ArticleID, st.ID, m.Score, m.Reason); err != nil {
				return fmt.Errorf("store: member %s of story %s: %w", m.ArticleID, st.ID, err)
			}
		}
	}
	for _, r := range reuse {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO reuse (article_id, from_id, shared, shared_from, kind, detail)
			VALUES (?, ?, ?, ?, ?, ?)`, r.ArticleID, r.FromID, r.Shared, r.SharedFrom, r.Kind, r.Detail); err != nil {
			return fmt.Errorf("store: reuse %s<-%s: %w", r.ArticleID, r.FromID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: replace stories: %w", err)
	}
	return nil
}

// oldKeys are what ReplaceStories compares of a stored story: its members,
// and what its brief shows of the clustering besides them.
type oldKeys struct{ members, shown string }

// oldStories returns the keys of every stored story.
func oldStories(ctx context.Context, tx *sql.Tx) (map[string]oldKeys, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.title, s.storyline, s.storyline_reason, m.article_id
		FROM stories s JOIN story_members m ON m.story_id = s.id ORDER BY s.id`)
	if err != nil {
		return nil, fmt.Errorf("store: memberships: %w", err)
	}
	defer rows.Close()
	stories := make(map[string]*Story)
	for rows.Next() {
		var st Story
		var aid string
		if err := rows.Scan(&st.ID, &st.Title, &st.Storyline, &st.LineReason, &aid); err != nil {
			return nil, fmt.Errorf("store: memberships: %w", err)
		}
		if stories[st.ID] == nil {
			stories[st.ID] = &st
		}
		stories[st.ID].Members = append(stories[st.ID].Members, Member{ArticleID: aid})
	}
	keys := make(map[string]oldKeys, len(stories))
	for id, st := range stories {
		keys[id] = oldKeys{members: memberKey(st.Members), shown: shownKey(st)}
	}
	return keys, rows.Err()
}

// shownKey is what a story's brief shows of its row.
func shownKey(st *Story) string {
	return st.Title + "\x00" + st.Storyline + "\x00" + st.LineReason
}

func memberKey(ms []Member) string {
	ids := make([]string, len(ms))
	for i, m := range ms {
		ids[i] = m.ArticleID
	}
	slices.Sort(ids)
	key := ""
	for _, id := range ids {
		key += id + ","
	}
	return key
}

// SaveBrief stores the built story object (JSON) of a story, made by the
// given version of the brief stage.
func (s *Store) SaveBrief(ctx context.Context, storyID string, brief []byte, version int) error {
	res, err := s.w.ExecContext(ctx, `UPDATE stories SET brief = ?, brief_at = ?, brief_version = ? WHERE id = ?`,
		string(brief), now(), version, storyID)
	if err != nil {
		return fmt.Errorf("store: save brief of %s: %w", storyID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("store: save brief of %s: %w", storyID, ErrNotFound)
	}
	return nil
}

// Brief returns the stored story object of a story, or ErrNotFound when the
// story does not exist or its brief has not been built.
func (s *Store) Brief(ctx context.Context, storyID string) ([]byte, error) {
	var b sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT brief FROM stories WHERE id = ?`, storyID).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !b.Valid) {
		return nil, fmt.Errorf("store: brief of %s: %w", storyID, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: brief of %s: %w", storyID, err)
	}
	return []byte(b.String), nil
}

// StaleBriefs returns the IDs of stories whose brief must be (re)built:
// it is missing, or was made by a brief stage older than version.
func (s *Store) StaleBriefs(ctx context.Context, version int) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id FROM stories WHERE brief IS NULL OR brief_version < ? ORDER BY id`, version)
	if err != nil {
		return nil, fmt.Errorf("store: stale briefs: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: stale briefs: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// InvalidateBriefs marks every brief stale, e.g. after the brief code changed.
func (s *Store) InvalidateBriefs(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE stories SET brief = NULL, brief_at = NULL`); err != nil {
		return fmt.Errorf("store: invalidate briefs: %w", err)
	}
	return nil
}

// Stories returns every story with its members, newest activity first
// (undated stories last, by ID).
func (s *Store) Stories(ctx context.Context) ([]Story, error) {
	rows, err := s.r.QueryContext(ctx, `
		SELECT s.id, s.storyline, s.storyline_score, s.storyline_reason, s.title,
		       COALESCE(s.first_seen, ''), COALESCE(s.last_seen, ''), s.updated_at, m.article_id, m.score, m.reason
		FROM stories s JOIN story_members m ON m.story_id = s.id
		JOIN articles a ON a.id = m.article_id
		ORDER BY s.last_seen IS NULL, s.last_seen DESC, s.id, a.published IS NULL, a.published, a.seq`)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	var out []Story
	for rows.Next() {
		var st Story
		var first, last, updated string
		var m Member
		if err := rows.Scan(&st.ID, &st.Storyline, &st.LineScore, &st.LineReason, &st.Title,
			&first, &last, &updated, &m.ArticleID, &m.Score, &m.Reason); err != nil {
			return nil, fmt.Errorf("store: stories: %w", err)
		}
		if n := len(out); n > 0 && out[n-1].ID == st.ID {
			out[n-1].Members = append(out[n-1].Members, m)
			continue
		}
		st.FirstSeen, _ = time.Parse(time.RFC3339Nano, first)
		st.LastSeen, _ = time.Parse(time.RFC3339Nano, last)
		st.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
		st.Members = []Member{m}
		out = append(out, st)
	}
	return out, rows.Err()
}

// ReuseEdges returns every edge of the reuse graph.
func (s *Store) ReuseEdges(ctx context.Context) ([]Reuse, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT article_id, from_id, shared, shared_from, kind, detail FROM reuse ORDER BY article_id, from_id`)
	if err != nil {
		return nil, fmt.Errorf("store: reuse: %w", err)
	}
	defer rows.Close()
	var out []Reuse
	for rows.Next() {
		var r Reuse
		if err := rows.Scan(&r.ArticleID, &r.FromID, &r.Shared, &r.SharedFrom, &r.Kind, &r.Detail); err != nil {
			return nil, fmt.Errorf("store: reuse: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
