package story

import "fmt"

// mergeStories merges best and others (all open stories) into the oldest of
// them and returns it.
func (e *Engine) mergeStories(best *cluster, others []*cluster) *cluster {
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
		survivor.absorb(o)
		e.stories.idx.moveAll(o, survivor)
		e.stories.idx.prune(survivor, maxPosted)
		o.closed = true
		delete(e.stories.open, o)
		if o.line != nil {
			o.line.dropStory(o)
			if o.line != survivor.line && survivor.line != nil {
				e.mergeLines(survivor.line, o.line)
			}
		}
	}
	e.stories.quiet = append(e.stories.quiet, quietEntry{c: survivor, seq: survivor.lastSeq})
	return survivor
}

// mergeLines merges storyline b into a, or a into b if b is older; the
// survivor is the one returned.
func (e *Engine) mergeLines(a, b *cluster) *cluster {
	if a == b || a.closed || b.closed {
		return a
	}
	if b.seq0 < a.seq0 {
		a, b = b, a
	}
	a.absorb(b)
	e.lineMerges = append(e.lineMerges, b.id)
	for _, s := range b.storyPtrs {
		s.line = a
	}
	a.storyPtrs = append(a.storyPtrs, b.storyPtrs...)
	e.lines.idx.moveAll(b, a)
	e.lines.idx.prune(a, maxLinePosted)
	b.closed = true
	b.mergedInto = a
	delete(e.lines.open, b)
	e.lines.quiet = append(e.lines.quiet, quietEntry{c: a, seq: a.lastSeq})
	return a
}

func (c *cluster) dropStory(s *cluster) {
	for i, o := range c.storyPtrs {
		if o == s {
			c.storyPtrs = append(c.storyPtrs[:i], c.storyPtrs[i+1:]...)
			return
		}
	}
}

// placeInStoryline puts a new story into the closest storyline (or a new
// one), and adds the article to its story's storyline.
func (e *Engine) placeInStoryline(s *cluster, p *prepared, isNew bool, a *Assignment) {
	for s.line != nil && s.line.mergedInto != nil {
		s.line = s.line.mergedInto
	}
	switch {
	case isNew || s.line == nil:
		cands := e.rank(&e.lines, p, &lineModel, maxLineCandidates)
		if len(cands) > 0 && cands[0].s >= e.cfg.LineThreshold {
			s.line = cands[0].c
		} else {
			s.line = newCluster("l-"+p.id, e.seq)
			e.lines.open[s.line] = struct{}{}
			a.NewStoryline = true
		}
		s.line.storyPtrs = append(s.line.storyPtrs, s)
	case e.cfg.LineMergeThreshold > 0 && s.size <= lineBridgeSize:
		e.bridgeLines(s, p)
	}
	s.line.addToLine(p, e.seq)
	e.file(&e.lines, s.line, p)
}

// lineBridgeSize is how many first articles of a story may bridge its
// storyline to another: enough for a story to show what it is about, few
// enough to keep the cost per article flat.
const lineBridgeSize = 8

// bridgeLines merges the storyline of s with any other open storyline the
// article p matches at LineMergeThreshold: a story that opened apart from
// its storyline joins it once its later articles show the link.
func (e *Engine) bridgeLines(s *cluster, p *prepared) {
	for _, c := range e.rank(&e.lines, p, &lineModel, maxLineCandidates) {
		if c.s < e.cfg.LineMergeThreshold {
			break
		}
		if c.c != s.line {
			s.line = e.mergeLines(s.line, c.c)
		}
	}
}

func (c *cluster) String() string { return fmt.Sprintf("%s(%d)", c.id, c.size) }
