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
				into, gone := olderFirst(sl, ol)
				e.mergeLines(into, gone, Link{Score: score, Reason: fmt.Sprintf(
					"storyline %s merged in: article %s joined story %s and story %s, of each; score %.2f",
					gone.id, article, o.id, survivor.id, score)})
				e.lineMerges = append(e.lineMerges, gone.id)
			}
		}
	}
	e.stories.quiet = append(e.stories.quiet, quietEntry{c: survivor, seq: survivor.lastSeq})
	return survivor
}

// olderFirst returns two storylines, the older first: a merge keeps the
// older one.
func olderFirst(a, b *cluster) (older, newer *cluster) {
	if b.seq0 < a.seq0 {
		return b, a
	}
	return a, b
}

// mergeLines merges storyline b into a (see olderFirst); why, which
// becomes the reason of the stories that move, says why.
func (e *Engine) mergeLines(a, b *cluster, why Link) {
	b.mergeWhy = why
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
