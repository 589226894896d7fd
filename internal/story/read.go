package story

import (
	"sort"
	"time"
)

// Story is a story as read from the engine.
type Story struct {
	ID        string    `json:"id"`
	Storyline string    `json:"storyline"`
	First     time.Time `json:"first,omitzero"` // earliest known publish date
	Last      time.Time `json:"last,omitzero"`  // latest known publish date
	Open      bool      `json:"open"`
	// Why lists every member article with the score and reason it joined
	// by, in the order the articles were added.
	Why []Member `json:"why"`
	// LineWhy says why the story is in its storyline.
	LineWhy Link `json:"storyline_why"`
}

// Link is why a story is in its storyline: the mean similarity of the
// stories it was grouped with (0 for a story that opened its storyline)
// and a reason in words.
type Link struct {
	Score  float64 `json:"score"`
	Reason string  `json:"reason"`
}

// Storyline is a group of related stories.
type Storyline struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"` // the storyline's most weighty names, e.g. "Iran, Russia, Tehran"
	Stories []string `json:"stories"`
	Open    bool     `json:"open"`
}

// Stories returns the open stories, oldest first, and the closed ones too
// when the engine was configured with KeepClosed.
func (e *Engine) Stories() []Story {
	var cs []*cluster
	cs = append(cs, e.closed...)
	for c := range e.stories.open {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].seq0 < cs[j].seq0 })
	out := make([]Story, 0, len(cs))
	for _, c := range cs {
		if c.closed && !e.cfg.KeepClosed {
			continue
		}
		s := Story{ID: c.id, First: c.first, Last: c.last, Open: !c.closed, Why: append([]Member(nil), c.members...)}
		if c.line != nil {
			// An open story's storyline and reason follow merges as they
			// happen; a closed one's are followed here.
			l, why := c.line, c.lineWhy
			for l.mergedInto != nil {
				l, why = l.mergedInto, l.mergeWhy
			}
			s.Storyline, s.LineWhy = l.id, why
		}
		out = append(out, s)
	}
	return out
}

// Storylines returns the open storylines, oldest first, each listing its
// open stories.
func (e *Engine) Storylines() []Storyline {
	var ls []*cluster
	for c := range e.lines.open {
		ls = append(ls, c)
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].seq0 < ls[j].seq0 })
	out := make([]Storyline, 0, len(ls))
	for _, l := range ls {
		sl := Storyline{ID: l.id, Title: title(l, 3), Open: true}
		for _, s := range l.storyPtrs {
			sl.Stories = append(sl.Stories, s.id)
		}
		sort.Strings(sl.Stories)
		out = append(out, sl)
	}
	return out
}

// title names a cluster by its n weightiest labelled names.
func title(c *cluster, n int) string {
	type kw struct {
		label string
		w     float32
	}
	var ks []kw
	for k, l := range c.labels {
		if w, ok := c.names.get(k); ok {
			ks = append(ks, kw{l, w})
		}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].w != ks[j].w {
			return ks[i].w > ks[j].w
		}
		return ks[i].label < ks[j].label
	})
	t := ""
	for i, k := range ks {
		if i == n {
			break
		}
		if i > 0 {
			t += ", "
		}
		t += k.label
	}
	return t
}
