package web

import (
	"encoding/json"

	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/report"
)

// storyDoc is a stored story object as the pages read it: the parts no
// page shows — each fact's claims, each entity's mentions — are skipped
// rather than decoded, which makes a story object about a third cheaper
// to read.
type storyDoc struct {
	report.Story
	Facts    []factDoc   `json:"facts"`
	Entities []entityDoc `json:"entities"`
}

type factDoc struct {
	brief.Fact
	Claims skipped `json:"claims"`
}

type entityDoc struct {
	entity.Entity
	Mentions skipped `json:"mentions"`
}

// skipped is a JSON value read past without being decoded.
type skipped struct{}

func (*skipped) UnmarshalJSON([]byte) error { return nil }

// decodeStory reads a stored story object, without the parts no page
// shows.
func decodeStory(raw []byte) (*report.Story, error) {
	var d storyDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, err
	}
	s := &d.Story
	s.Facts = make([]brief.Fact, len(d.Facts))
	for i := range d.Facts {
		s.Facts[i] = d.Facts[i].Fact
	}
	s.Entities = make([]entity.Entity, len(d.Entities))
	for i := range d.Entities {
		s.Entities[i] = d.Entities[i].Entity
	}
	return s, nil
}
