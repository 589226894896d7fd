package story

import "fmt"

// mergeStories merges best and others (all open stories) into the oldest of
// them and returns it. The article that bridged them, and its score with
// best, explain the merges of their storylines.
func (e *Engine) mergeStories(best *cluster, others []*cluster, article string, score float64) *cluster {
	if len(others) == 0 {
		return best
	}
	survivor := best
	for _, o := range others {
		if o.seq0 < survivor.seq0 {
			survivor = o
		}
	}
	for _, o := range append([]*cluster{best}, others...) {
		if o == survivor {
			continue
		}
		e.retract(o)
		survivor.absorb(o)
		e.stories.idx.moveAll(o, survivor)
		e.stories.idx.prune(survivor, maxPosted)
		o.closed = true
		delete(e.stories.open, o)
		if o.line != nil {
			o.line.dropStory(o)
			ol, sl := o.line.current(), survivor.line
			if sl != nil {
				sl = sl.current()
			}
			if sl != nil && ol != sl && !ol.closed && !sl.closed {
				_, gone := e.mergeLines(sl, ol, func(_, gone *cluster) Link {
					return Link{Score: score, Reason: fmt.Sprintf("storyline %s merged in: article %s joined story %s and story %s, of each; score %.2f",
						gone.id, article, o.id, survivor.id, score)}
				})
				e.lineMerges = append(e.lineMerges, gone.id)
			}
		}
	}
	e.stories.quiet = append(e.stories.quiet, quietEntry{c: survivor, seq: survivor.lastSeq})
	return survivor
}

// mergeLines merges storyline b into a, or a into b if b is older, and
// returns the survivor and the storyline merged away. why says why, given
// the two (before the merge); it becomes the reason of the stories that
// move.
func (e *Engine) mergeLines(a, b *cluster, why func(into, gone *cluster) Link) (survivor, gone *cluster) {
	if b.seq0 < a.seq0 {
		a, b = b, a
	}
	b.mergeWhy = why(a, b)
	a.absorb(b)
	for _, s := range b.storyPtrs {
		s.line = a
		s.lineWhy = b.mergeWhy
	}
	a.storyPtrs = append(a.storyPtrs, b.storyPtrs...)
	e.lines.idx.moveAll(b, a)
	e.lines.idx.prune(a, maxLinePosted)
	b.closed = true
	b.mergedInto = a
	delete(e.lines.open, b)
	e.lines.quiet = append(e.lines.quiet, quietEntry{c: a, seq: a.lastSeq})
	a.version++
	e.markDirty(a)
	return a, b
}

func (c *cluster) dropStory(s *cluster) {
	for i, o := range c.storyPtrs {
		if o == s {
			c.storyPtrs = append(c.storyPtrs[:i], c.storyPtrs[i+1:]...)
			return
		}
	}
}

func (c *cluster) String() string { return fmt.Sprintf("%s(%d)", c.id, c.size) }
