package brief

import (
	"sort"

	"github.com/parallax-news/parallax/internal/article"
)

// Input is one story: its articles and what earlier stages found about
// them. Only Articles is required; the other fields sharpen the brief when
// the pipeline has them.
type Input struct {
	Articles []article.Article
	// Reuse lists copies and rewrites between the articles (from dedup).
	// A pair makes the two articles one source.
	Reuse []Reuse
	// Attributions found in the articles (from quote). Direct quotations
	// mark text as the speaker's, not the outlet's; cues give the outlet's
	// attribution verbs.
	Attributions []Attribution
	// Entities are canonical entities with their aliases (from entity).
	// Claims that name an entity by different aliases align on it, and
	// framing labels are keyed by the canonical name.
	Entities []Entity
}

// Reuse says that article Article reuses text of article From.
type Reuse struct {
	Article string  `json:"article"`
	From    string  `json:"from"`
	Shared  float64 `json:"shared"` // the share of Article's text found in From, 0..1
}

// Span is a byte range of an article's Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Attribution is one attributed statement in an article: who (Speaker,
// canonical name when known), the cue ("said"), the content, and whether
// the content is a direct quotation ("direct"), reported speech
// ("indirect") or both ("mixed"). Spans are byte offsets into the
// article's Text; a zero Span is absent.
type Attribution struct {
	Article string `json:"article"`
	Speaker string `json:"speaker"`
	Source  Span   `json:"source"`
	Cue     Span   `json:"cue"`
	Content Span   `json:"content"`
	Kind    string `json:"kind"`
}

// Entity is a canonical entity (a person, organisation or place) with the
// names articles use for it.
type Entity struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"` // person, org, place, title, other (any case: entity's PERSON works)
	Aliases []string `json:"aliases"`
}

// Options tune Build. The zero value is usable.
type Options struct {
	// Words is the summary length in words; 0 means 100.
	Words int
	// MinShared ignores Reuse pairs that share less than this; 0 trusts
	// every pair given.
	MinShared float64
}

// Brief is the cross-source brief of one story. Its JSON is part of the
// story object.
type Brief struct {
	Facts     []Fact     `json:"facts"`
	Conflicts []Conflict `json:"conflicts"`
	Sources   []Source   `json:"sources"`
	Framing   []Framing  `json:"framing"`
	Timeline  []Event    `json:"timeline"`
	Summary   []Sentence `json:"summary"`
}

// Fact is one statement the story's articles make, with the claims that
// make it. Facts are numbered "f1", "f2", ... from the best corroborated.
type Fact struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`     // the most representative claim: its sentence, or its clause
	Articles      []string `json:"articles"` // article IDs, in input order
	Outlets       []string `json:"outlets"`  // outlet of each article; "article <id>" when unknown
	Sources       []string `json:"sources"`  // IDs of the independent Sources
	Independent   int      `json:"independent"`
	SingleSource  bool     `json:"single_source"`
	ConflictsWith []string `json:"conflicts_with"`
	// Stance is "denial" when the claims reject a proposition ("Iran
	// denies ..."), "admission" when they concede it, "" otherwise.
	Stance string  `json:"stance,omitempty"`
	Score  float64 `json:"score"` // mean similarity of the claims to Text's claim, 1 for one claim
	Reason string  `json:"reason"`
	Claims []Claim `json:"claims"`
}

// Claim is one sentence or clause of an article that supports a fact.
type Claim struct {
	Article string  `json:"article"`
	Text    string  `json:"text"`
	Start   int     `json:"start"` // byte offsets of Text in the article's Text
	End     int     `json:"end"`
	Score   float64 `json:"score"` // similarity to the fact's representative claim
}

// Conflict records two facts that cannot both be true as stated: differing
// numbers or dates for the same thing, or a claim and its denial.
type Conflict struct {
	Facts  []string `json:"facts"`
	Kind   string   `json:"kind"` // ConflictNumber, ConflictDate or ConflictDenial
	Score  float64  `json:"score"`
	Reason string   `json:"reason"`
}

// Kinds of Conflict.
const (
	ConflictNumber = "number"
	ConflictDate   = "date"
	ConflictDenial = "denial"
)

// Source is a group of articles that count as one source: the same outlet,
// the same wire credit, the same byline, or copies and rewrites of each
// other. An article without any of these is a source of its own.
type Source struct {
	ID       string   `json:"id"`
	Articles []string `json:"articles"`
	Labels   []string `json:"labels"` // outlets and wires of the group
	Reason   string   `json:"reason"`
}

// Build computes the brief of one story. It is deterministic: the same
// input gives the same brief.
func Build(in Input, opt Options) Brief {
	if opt.Words <= 0 {
		opt.Words = 100
	}
	s := newStory(in, opt)
	conflicts := s.factConflicts()
	b := Brief{
		Facts:     s.factsOut(conflicts),
		Conflicts: conflicts,
		Sources:   s.sourcesOut(),
	}
	b.Framing = s.framing()
	b.Timeline = s.timeline()
	b.Summary = s.summarize()
	return b
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
