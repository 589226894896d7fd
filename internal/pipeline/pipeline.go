// Package pipeline runs Parallax's stages over a store: ingest (read, parse,
// clean, store), cluster (stories, storylines, reuse graph) and brief (the
// cross-source analysis of each story). It records which version of each
// stage processed each article, so that a newer engine knows what to redo.
//
// The pipeline is where I/O meets the pure analysis packages: it reads from
// and writes to the store and hands plain values to clean, story, dedup,
// entity, quote and brief.
package pipeline

import (
	"context"
	"io"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/store"
)

// Versions of the stages. Bump one when its output for the same input
// changes, so stored results are rebuilt: the store records the cluster
// and brief versions that made each story and story object, and Backlog
// counts those made by older ones. (Articles cleaned by an older cleaner
// are kept as they are: their originals are stored to re-clean them.)
const (
	CleanVersion   = 1
	ClusterVersion = 2 // 2: stories say why they are in their storyline
	BriefVersion   = 2 // 2: story objects have "storyline_why"
)

// Backlog says how much story work is waiting: articles in no story,
// stories grouped by an older cluster stage, and story objects missing or
// built by an older brief stage.
func (p *Pipeline) Backlog(ctx context.Context) (store.Backlog, error) {
	return p.Store.Backlog(ctx, store.Versions{Cluster: ClusterVersion, Brief: BriefVersion})
}

// Pipeline runs the stages against one store.
type Pipeline struct {
	Store *store.Store
	// Stdin is read for the input path "-".
	Stdin io.Reader
	// Problem is told about each input that could not be used; nil ignores
	// them.
	Problem func(ingest.Problem)
	// Progress is told how many of total inputs are done; nil ignores it.
	Progress func(done, total int)
	// Workers is the number of goroutines for parallel work; 0 means
	// GOMAXPROCS.
	Workers int
}

func (p *Pipeline) problem(pr ingest.Problem) {
	if p.Problem != nil {
		p.Problem(pr)
	}
}

func (p *Pipeline) progress(done, total int) {
	if p.Progress != nil {
		p.Progress(done, total)
	}
}
