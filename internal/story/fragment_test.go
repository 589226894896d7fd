package story

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/dedup"
)

func TestFragment(t *testing.T) {
	cfg := DefaultConfig()
	cfg.KeepClosed = true
	e := New(cfg)
	g := dedup.NewGraph()
	x := dedup.NewIndex(dedup.DefaultConfig())
	docs := seedDocs(t)
	wire := docs[3]
	copyDoc := Doc{ID: "copy", Text: "A new opening paragraph written by the copying outlet about the interview.\n\n" + wire.Text}
	for _, d := range append(docs[:4:4], copyDoc) {
		e.Add(d)
		g.Add(x.Add(dedup.Doc{ID: d.ID, Text: d.Text})...)
	}
	stories := e.Stories()
	if len(stories) != 1 {
		t.Fatalf("got %d stories, want 1", len(stories))
	}
	line, ok := e.Storyline(stories[0].Storyline)
	if !ok {
		t.Fatalf("storyline %q not found", stories[0].Storyline)
	}
	f := NewFragment(stories[0], line, g)
	if len(f.Why) != 5 || f.Why[0].Article != "000" || f.Why[4].Reason == "" {
		t.Errorf("why = %+v", f.Why)
	}
	if len(f.Reused) != 1 || f.Reused[0].Article != "copy" || f.Reused[0].From != "003" || f.Reused[0].Shared < 0.8 {
		t.Errorf("reused = %+v, want copy from 003", f.Reused)
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"storyline":{"id":"l-000"`, `"why":[{"article":"000"`, `"reused":[{"article":"copy","from":"003"`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("JSON lacks %s: %s", k, b)
		}
	}
}
