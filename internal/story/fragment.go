package story

import (
	"sort"

	"github.com/parallax-news/parallax/internal/dedup"
)

// Fragment is the part of a story's JSON that this package provides; the
// pipeline adds it to the story object it assembles.
//
//	{"storyline": {"id": "l-004", "title": "Iran, Russia, Tehran"},
//	 "why": [{"article": "001", "score": 0.43, "reason": "shares Iran, Russia, Tehran; cosine 0.47, ..."}],
//	 "reused": [{"article": "copy", "from": "wire", "shared": 0.93}]}
//
// "why" lists every member in the order it joined, with its score (0 for
// the article that opened the story) and reason. "reused" lists, for each
// member that reuses text of another member, the share of its words that
// come from it.
type Fragment struct {
	Storyline StorylineRef `json:"storyline"`
	Why       []Member     `json:"why"`
	Reused    []Reused     `json:"reused"`
}

// StorylineRef names a storyline.
type StorylineRef struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
}

// Reused says that Article takes the Shared fraction of its words from
// From, another article of the same story.
type Reused struct {
	Article string  `json:"article"`
	From    string  `json:"from"`
	Shared  float64 `json:"shared"`
}

// NewFragment builds the fragment of story s, whose storyline is line (its
// title may be empty), with the reuse recorded in g (nil for none).
func NewFragment(s Story, line Storyline, g *dedup.Graph) Fragment {
	f := Fragment{Storyline: StorylineRef{ID: s.Storyline, Title: line.Title}, Why: s.Why, Reused: []Reused{}}
	if f.Why == nil {
		f.Why = []Member{}
	}
	if g == nil {
		return f
	}
	in := make(map[string]bool, len(s.Why))
	for _, m := range s.Why {
		in[m.Article] = true
	}
	for _, m := range s.Why {
		for _, r := range g.Reused(m.Article) {
			if in[r.From] {
				f.Reused = append(f.Reused, Reused{Article: r.Article, From: r.From, Shared: r.SharedArticle})
			}
		}
	}
	sort.SliceStable(f.Reused, func(i, j int) bool { return f.Reused[i].Shared > f.Reused[j].Shared })
	return f
}

// Storyline returns the open storyline with the given ID.
func (e *Engine) Storyline(id string) (Storyline, bool) {
	for _, l := range e.Storylines() {
		if l.ID == id {
			return l, true
		}
	}
	return Storyline{}, false
}
