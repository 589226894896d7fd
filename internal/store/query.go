package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// StoryFilter selects stories for ListStories. Zero fields do not filter.
type StoryFilter struct {
	// From and To select stories active on some day in [From, To]: the
	// story's first member is published on or before To and its last on or
	// after From (whole UTC days). Undated stories never match a date range.
	From, To time.Time
	// Outlet selects stories with a member from this outlet (ASCII case
	// folded).
	Outlet string
	// Entity selects stories whose story object lists this entity; see
	// ListStories.
	Entity string
	// Storyline selects the stories of one storyline.
	Storyline string
}

// StoryKey is a story's place in the listing order (newest activity first,
// undated stories last, then by ID): the key of the last story of a page
// is where the next page starts.
type StoryKey struct {
	Activity string // the stored last_seen, "" when undated
	ID       string
}

// StorySummary is one story as listed: its dates, members and outlets, and
// whether its story object is built.
type StorySummary struct {
	ID, Title, Storyline string
	FirstSeen, LastSeen  time.Time // zero when no member is dated
	UpdatedAt            time.Time // when the membership last changed
	Articles             int       // number of member articles
	Outlets              []string  // distinct known outlets, in publication order
	Ready                bool      // the story object (brief) is built
	Key                  StoryKey
}

// ListStories returns up to limit stories matching f, in listing order,
// starting after the story with key after (nil: from the start).
//
// The entity filter looks in the stored story object's "entities" array
// (indexed in story_entities as each object is saved): an element matches
// when it is a string equal to f.Entity, or an object whose "name",
// "canonical", "text", "norm" or "id" field, or one of whose "aliases",
// equals it (ASCII case folded). Stories whose object is not built yet do
// not match.
func (s *Store) ListStories(ctx context.Context, f StoryFilter, after *StoryKey, limit int) ([]StorySummary, error) {
	var where []string
	args := []any{}
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("?%d", len(args))
	}
	if !f.From.IsZero() {
		where = append(where, "s.last_seen >= "+arg(f.From.UTC().Format(time.DateOnly)))
	}
	if !f.To.IsZero() {
		where = append(where, "s.first_seen < "+arg(f.To.UTC().AddDate(0, 0, 1).Format(time.DateOnly)))
	}
	if f.Storyline != "" {
		where = append(where, "s.storyline = "+arg(f.Storyline))
	}
	if f.Outlet != "" {
		// "+s.id": scan in listing order, probing the set of the outlet's stories
		// (rather than reading every such story's row and sorting them).
		where = append(where, `+s.id IN (SELECT m.story_id FROM articles a JOIN story_members m INDEXED BY story_members_article ON m.article_id = a.id
			WHERE a.outlet = `+arg(f.Outlet)+` COLLATE NOCASE)`)
	}
	if f.Entity != "" {
		where = append(where, "s.id IN (SELECT story_id FROM story_entities WHERE name = "+arg(f.Entity)+")")
	}
	if after != nil {
		a, id := arg(after.Activity), arg(after.ID)
		where = append(where, "COALESCE(s.last_seen, '') <= "+a+
			" AND (COALESCE(s.last_seen, '') < "+a+" OR s.id > "+id+")")
	}
	// The story columns come from the stories_listing index (the story rows,
	// large with their objects, are not read); the members' outlets, in
	// publication order, from the story_members_listing and
	// articles_listing indexes, for the page's stories only.
	q := `SELECT s.id, s.title, s.storyline, COALESCE(s.first_seen, ''), COALESCE(s.last_seen, ''), s.updated_at,
		s.brief IS NULL,
		(SELECT group_concat(replace(a.outlet, char(31), ' '), char(31) ORDER BY a.published IS NULL, a.published, a.seq)
		 FROM story_members m JOIN articles a INDEXED BY articles_listing ON a.id = m.article_id
		 WHERE m.story_id = s.id)
		FROM stories s`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	// No LIMIT: a bound limit would make SQLite re-prepare the statement
	// at each run, and the rows come in index order, so reading stops
	// after limit of them at no extra cost.
	q += " ORDER BY COALESCE(s.last_seen, '') DESC, s.id"
	stmt, err := s.prepared(ctx, q) // one statement per combination of filters
	if err != nil {
		return nil, fmt.Errorf("store: list stories: %w", err)
	}
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("store: list stories: %w", err)
	}
	defer rows.Close()
	var out []StorySummary
	for len(out) < limit && rows.Next() {
		var st StorySummary
		var first, last, updated string
		var outlets sql.NullString
		var unbuilt bool
		if err := rows.Scan(&st.ID, &st.Title, &st.Storyline, &first, &last, &updated, &unbuilt, &outlets); err != nil {
			return nil, fmt.Errorf("store: list stories: %w", err)
		}
		st.Ready = !unbuilt
		st.FirstSeen, _ = time.Parse(time.RFC3339Nano, first)
		st.LastSeen, _ = time.Parse(time.RFC3339Nano, last)
		st.UpdatedAt, _ = time.Parse(time.RFC3339Nano, updated)
		st.Key = StoryKey{Activity: last, ID: st.ID}
		st.Articles, st.Outlets = memberOutlets(outlets)
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: list stories: %w", err)
	}
	return out, nil
}

// memberOutlets reads the outlets of a story's members (one per member,
// "" when unknown, joined by the unit separator; NULL when it has none):
// the member count and the distinct known outlets, in order.
func memberOutlets(joined sql.NullString) (int, []string) {
	outlets := []string{}
	if !joined.Valid {
		return 0, outlets
	}
	all := strings.Split(joined.String, "\x1f")
	for _, o := range all {
		if o != "" && !slices.Contains(outlets, o) {
			outlets = append(outlets, o)
		}
	}
	return len(all), outlets
}

// StoryBrief returns the stored story object of a story. It returns
// ErrNotFound when there is no such story, and ErrNotBuilt when the story
// exists but its object is still to be (re)built.
func (s *Store) StoryBrief(ctx context.Context, storyID string) ([]byte, error) {
	stmt, err := s.prepared(ctx, `SELECT brief FROM stories WHERE id = ?`)
	if err != nil {
		return nil, fmt.Errorf("store: story %s: %w", storyID, err)
	}
	var b sql.NullString
	err = stmt.QueryRowContext(ctx, storyID).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("store: story %s: %w", storyID, ErrNotFound)
	case err != nil:
		return nil, fmt.Errorf("store: story %s: %w", storyID, err)
	case !b.Valid:
		return nil, fmt.Errorf("store: story %s: %w", storyID, ErrNotBuilt)
	}
	return []byte(b.String), nil
}

// ErrNotBuilt is returned for a story whose story object is not built yet.
var ErrNotBuilt = errors.New("story object not built yet")

// ArticleStory returns the ID of the story an article belongs to, "" when
// it is not clustered yet, or ErrNotFound when there is no such article.
func (s *Store) ArticleStory(ctx context.Context, articleID string) (string, error) {
	var sid sql.NullString
	err := s.r.QueryRowContext(ctx, `SELECT m.story_id FROM articles a
		LEFT JOIN story_members m ON m.article_id = a.id WHERE a.id = ?`, articleID).Scan(&sid)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("store: article %s: %w", articleID, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("store: story of %s: %w", articleID, err)
	}
	return sid.String, nil
}

// Backlog says how much story work is waiting.
type Backlog struct {
	Unclustered int // articles in no story
	Outdated    int // stories grouped by an older cluster stage
	StaleBriefs int // stories whose object is to be (re)built
}

// Versions are the versions of the pipeline's stages whose results the
// store records.
type Versions struct{ Cluster, Brief int }

// Backlog counts the articles not yet clustered, the stories grouped by a
// cluster stage older than v.Cluster, and the story objects not yet built
// or built by a brief stage older than v.Brief.
func (s *Store) Backlog(ctx context.Context, v Versions) (Backlog, error) {
	var b Backlog
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM story_members)),
		(SELECT COUNT(*) FROM stories WHERE cluster_version < ?),
		(SELECT COUNT(*) FROM stories WHERE brief IS NULL OR brief_version < ?)`, v.Cluster, v.Brief).Scan(&b.Unclustered, &b.Outdated, &b.StaleBriefs)
	if err != nil {
		return b, fmt.Errorf("store: backlog: %w", err)
	}
	return b, nil
}

// CountStories returns the number of stories.
func (s *Store) CountStories(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count stories: %w", err)
	}
	return n, nil
}

// prepared returns the read statement for q, prepared once per store:
// parsing the SQL costs more than running these queries.
func (s *Store) prepared(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(q); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.r.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if prev, loaded := s.stmts.LoadOrStore(q, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.r.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	return nil
}
