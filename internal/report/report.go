// Package report defines the story object — the stable JSON contract that
// "parallax analyze --format json" prints and the API serves — and renders
// it for people as terminal text or Markdown.
package report

import (
	"time"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
)

// Output is what "parallax analyze" prints: the articles and their stories.
type Output struct {
	Articles []Article `json:"articles"`
	Stories  []Story   `json:"stories"`
}

// Article is an article as the contract shows it.
type Article struct {
	ID        string  `json:"id"`
	Source    string  `json:"source"` // the path or URL it came from
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Byline    string  `json:"byline"`
	Wire      string  `json:"wire"`
	URL       string  `json:"url"`
	Published *string `json:"published"` // "YYYY-MM-DD" or null
	Dateline  string  `json:"dateline"`
	Text      string  `json:"text"` // the cleaned body
	Story     string  `json:"story"`
}

// NewArticle converts a stored article for output.
func NewArticle(a *article.Article, storyID string) Article {
	return Article{
		ID: a.ID, Source: a.Source, Title: a.Title, Outlet: a.Outlet, Byline: a.Byline, Wire: a.Wire,
		URL: a.URL, Published: day(a.Published), Dateline: a.Dateline, Text: a.Text, Story: storyID,
	}
}

func day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// Story is one story: its articles, why each belongs, and its brief.
type Story struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Storyline string `json:"storyline"`
	// StorylineWhy says why the story is in its storyline.
	StorylineWhy LineWhy  `json:"storyline_why"`
	Articles     []string `json:"articles"` // member article IDs, in publication order
	Outlets      []string `json:"outlets"`  // distinct known outlets of the members
	First        *string  `json:"first"`    // earliest member publish date, or null
	Last         *string  `json:"last"`     // latest member publish date, or null
	Why          []Why    `json:"why"`      // one per member: the score and reason it joined by
	Reused       []Reused `json:"reused"`   // reuse edges between members

	// Summary is a short neutral summary; every sentence cites the
	// articles it comes from.
	Summary []brief.Sentence `json:"summary"`
	// Facts are the story's statements with their supporting articles and
	// count of independent sources; Conflicts pairs facts that cannot both
	// be true; Sources are the groups of articles that count as one source.
	Facts     []brief.Fact     `json:"facts"`
	Conflicts []brief.Conflict `json:"conflicts"`
	Sources   []brief.Source   `json:"sources"`
	// Quotes is the ledger of statements: who said what, and how each
	// article rendered it.
	Quotes   []quote.Statement `json:"quotes"`
	Entities []entity.Entity   `json:"entities"`
	Timeline []brief.Event     `json:"timeline"`
	Framing  []brief.Framing   `json:"framing"`
}

// LineWhy explains a story's membership of its storyline: the mean
// similarity of the stories it was grouped with (0 for the story that
// opened the storyline) and the reason in words.
type LineWhy struct {
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// Why explains one article's membership of its story.
type Why struct {
	Article string  `json:"article"`
	Score   float64 `json:"score"`
	Reason  string  `json:"reason"`
}

// Reused is one reuse edge: Article repeats a Shared fraction of its text
// from From.
type Reused struct {
	Article string  `json:"article"`
	From    string  `json:"from"`
	Shared  float64 `json:"shared"`
	Kind    string  `json:"kind"`
}

// SetDates fills First and Last.
func (s *Story) SetDates(first, last time.Time) {
	s.First, s.Last = day(first), day(last)
}
