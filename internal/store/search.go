package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ErrBadQuery is returned for a search query that cannot be run: empty,
// too long, or with nothing to look for.
var ErrBadQuery = errors.New("bad search query")

// Limits on a search query.
const (
	MaxQueryBytes = 1000
	MaxQueryTerms = 32
)

// MatchExpr turns a search query as people type it into an FTS5 match
// expression. Words are all required (AND); "a quoted phrase" matches those
// words in a row; word* matches words starting with word; -word excludes
// articles with the word; control characters count as spaces. Every word and phrase is passed to FTS5 as a
// quoted string, so no input is read as FTS5 syntax; the tokenizer then
// folds case and diacritics and stems. Pieces with no letter or digit are
// dropped.
func MatchExpr(q string) (string, error) {
	if len(q) > MaxQueryBytes {
		return "", fmt.Errorf("%w: longer than %d bytes", ErrBadQuery, MaxQueryBytes)
	}
	if !utf8.ValidString(q) {
		return "", fmt.Errorf("%w: not valid UTF-8", ErrBadQuery)
	}
	// Control characters (NUL above all, which ends a string for SQLite)
	// separate words.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	var pos, neg []string
	for _, t := range queryTerms(q) {
		if !hasWordChar(t.text) {
			continue
		}
		expr := `"` + strings.ReplaceAll(t.text, `"`, `""`) + `"`
		if t.prefix {
			expr += "*"
		}
		if t.not {
			neg = append(neg, expr)
		} else {
			pos = append(pos, expr)
		}
	}
	switch {
	case len(pos)+len(neg) > MaxQueryTerms:
		return "", fmt.Errorf("%w: more than %d words and phrases", ErrBadQuery, MaxQueryTerms)
	case len(pos) == 0:
		return "", fmt.Errorf("%w: no word to look for", ErrBadQuery)
	case len(neg) == 0:
		return strings.Join(pos, " "), nil
	}
	return "(" + strings.Join(pos, " ") + ") NOT (" + strings.Join(neg, " OR ") + ")", nil
}

// term is one word or phrase of a query.
type term struct {
	text        string
	prefix, not bool
}

// queryTerms splits a query into words and "quoted phrases" (an unclosed
// quote runs to the end).
func queryTerms(q string) []term {
	var out []term
	for len(q) > 0 {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			break
		}
		var t term
		if q[0] == '-' {
			t.not = true
			q = q[1:]
		}
		if strings.HasPrefix(q, `"`) {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				t.text, q = q[1:], ""
			} else {
				t.text, q = q[1:1+end], q[2+end:]
			}
		} else {
			end := strings.IndexFunc(q, unicode.IsSpace)
			if end < 0 {
				end = len(q)
			}
			t.text, q = q[:end], q[end:]
		}
		if strings.HasSuffix(t.text, "*") {
			t.text = strings.TrimRight(t.text, "*")
			t.prefix = true
		}
		out = append(out, t)
	}
	return out
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// Segment is a piece of highlighted text: Hit marks the pieces that match
// the query.
type Segment struct {
	Text string
	Hit  bool
}

// Highlight markers passed to FTS5's highlight() and snippet().
const (
	markStart = "\x02"
	markEnd   = "\x03"
)

// segments splits FTS5 output with markers into segments. Stray markers are
// dropped.
func segments(s string) []Segment {
	out := []Segment{}
	hit := false
	for s != "" {
		i := strings.IndexAny(s, markStart+markEnd)
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			if n := len(out); n > 0 && out[n-1].Hit == hit {
				out[n-1].Text += s[:i]
			} else {
				out = append(out, Segment{Text: s[:i], Hit: hit})
			}
		}
		if i == len(s) {
			break
		}
		hit = s[i] == markStart[0]
		s = s[i+1:]
	}
	return out
}

// ArticleHit is an article found by a search, best first.
type ArticleHit struct {
	ArticleID, StoryID  string // StoryID is "" when not clustered yet
	Title, Outlet       string
	Published           time.Time // zero when unknown
	TitleHits, BodyHits []Segment // the whole title; a passage of the body
	Score               float64   // BM25 relevance; higher is better
}

// SearchArticles finds articles whose title or body match query (see
// MatchExpr), most relevant first (a title match weighs four times a body
// match), skipping offset results and returning up to limit.
func (s *Store) SearchArticles(ctx context.Context, query string, offset, limit int) ([]ArticleHit, error) {
	expr, err := MatchExpr(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT a.id, COALESCE(m.story_id, ''), a.title, a.outlet, COALESCE(a.published, ''),
		       highlight(articles_fts, 0, char(2), char(3)),
		       snippet(articles_fts, 1, char(2), char(3), '…', 32),
		       bm25(articles_fts, 4.0, 1.0) AS score
		FROM articles_fts
		JOIN articles a ON a.seq = articles_fts.rowid
		LEFT JOIN story_members m ON m.article_id = a.id
		WHERE articles_fts MATCH ?
		ORDER BY score, a.seq
		LIMIT ? OFFSET ?`, expr, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search articles: %w", err)
	}
	defer rows.Close()
	out := []ArticleHit{}
	for rows.Next() {
		var h ArticleHit
		var published, title, body string
		if err := rows.Scan(&h.ArticleID, &h.StoryID, &h.Title, &h.Outlet, &published, &title, &body, &h.Score); err != nil {
			return nil, fmt.Errorf("store: search articles: %w", err)
		}
		h.Published, _ = time.Parse(time.RFC3339Nano, published)
		h.TitleHits, h.BodyHits = segments(title), segments(body)
		h.Score = -h.Score // FTS5's bm25() is negated: lower is better
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search articles: %w", err)
	}
	return out, nil
}

// QuoteDoc is one quote of a story to index: who said it, the words, and
// the article that rendered it ("" when unknown).
type QuoteDoc struct {
	ArticleID, Speaker, Text string
}

// IndexQuotes replaces the indexed quotes of a story with quotes. The
// pipeline calls it after building the story's object; a story's quotes go
// when the story is deleted or re-clustered. It returns ErrNotFound when
// the story (or a quote's article) does not exist.
func (s *Store) IndexQuotes(ctx context.Context, storyID string, quotes []QuoteDoc) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: index quotes of %s: %w", storyID, err)
	}
	defer tx.Rollback()
	var one int
	err = tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, storyID).Scan(&one)
	if err != nil {
		return fmt.Errorf("store: index quotes of %s: %w", storyID, notFound(err))
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM story_quotes WHERE story_id = ?`, storyID); err != nil {
		return fmt.Errorf("store: index quotes of %s: %w", storyID, err)
	}
	for _, q := range quotes {
		if q.ArticleID != "" {
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ?`, q.ArticleID).Scan(&one); err != nil {
				return fmt.Errorf("store: index quotes of %s: article %s: %w", storyID, q.ArticleID, notFound(err))
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_quotes (story_id, article_id, speaker, text) VALUES (?, ?, ?, ?)`,
			storyID, nullString(q.ArticleID), q.Speaker, q.Text); err != nil {
			return fmt.Errorf("store: index quotes of %s: %w", storyID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: index quotes of %s: %w", storyID, err)
	}
	return nil
}

// notFound turns sql.ErrNoRows into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// QuoteHit is a quote found by a search.
type QuoteHit struct {
	StoryID, ArticleID, Speaker string
	SpeakerHits, TextHits       []Segment
	Score                       float64 // BM25 relevance; higher is better
}

// SearchQuotes finds indexed quotes whose speaker or words match query (see
// MatchExpr), most relevant first, skipping offset results and returning up
// to limit.
func (s *Store) SearchQuotes(ctx context.Context, query string, offset, limit int) ([]QuoteHit, error) {
	expr, err := MatchExpr(query)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `
		SELECT q.story_id, COALESCE(q.article_id, ''), q.speaker,
		       highlight(quotes_fts, 0, char(2), char(3)),
		       highlight(quotes_fts, 1, char(2), char(3)),
		       bm25(quotes_fts, 2.0, 1.0) AS score
		FROM quotes_fts JOIN story_quotes q ON q.id = quotes_fts.rowid
		WHERE quotes_fts MATCH ?
		ORDER BY score, q.id
		LIMIT ? OFFSET ?`, expr, limit, offset)
	if err != nil {
		return nil, fmt.Errorf("store: search quotes: %w", err)
	}
	defer rows.Close()
	out := []QuoteHit{}
	for rows.Next() {
		var h QuoteHit
		var speaker, text string
		if err := rows.Scan(&h.StoryID, &h.ArticleID, &h.Speaker, &speaker, &text, &h.Score); err != nil {
			return nil, fmt.Errorf("store: search quotes: %w", err)
		}
		h.SpeakerHits, h.TextHits = segments(speaker), segments(text)
		h.Score = -h.Score
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: search quotes: %w", err)
	}
	return out, nil
}
