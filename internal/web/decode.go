package web

import "fmt"

// storyDoc is a stored story object (report.Story) as the story pages
// read it: only the fields some page shows, under the contract's JSON
// names. Everything else — each fact's claims and outlets, each entity's
// mentions, scores no page prints — is read past, not decoded.
//
// decodeStory reads it with a jsonReader; the JSON tags say what
// encoding/json would read, which the tests hold it to.
type storyDoc struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Storyline string         `json:"storyline"`
	LineWhy   whyDoc         `json:"storyline_why"`
	Articles  []string       `json:"articles"`
	Outlets   []string       `json:"outlets"`
	First     *string        `json:"first"`
	Last      *string        `json:"last"`
	Why       []whyDoc       `json:"why"`
	Reused    []reusedDoc    `json:"reused"`
	Summary   []sentenceDoc  `json:"summary"`
	Facts     []factDoc      `json:"facts"`
	Conflicts []conflictDoc  `json:"conflicts"`
	Sources   []sourceDoc    `json:"sources"`
	Quotes    []statementDoc `json:"quotes"`
	Entities  []entityDoc    `json:"entities"`
	Timeline  []eventDoc     `json:"timeline"`
	Framing   []framingDoc   `json:"framing"`
}

type whyDoc struct {
	Article string `json:"article"`
	Reason  string `json:"reason"`
}

type reusedDoc struct {
	Article string  `json:"article"`
	From    string  `json:"from"`
	Shared  float64 `json:"shared"`
	Kind    string  `json:"kind"`
}

type sentenceDoc struct {
	Text     string   `json:"text"`
	Articles []string `json:"articles"`
	Reason   string   `json:"reason"`
}

type factDoc struct {
	ID            string   `json:"id"`
	Text          string   `json:"text"`
	Articles      []string `json:"articles"`
	Independent   int      `json:"independent"`
	SingleSource  bool     `json:"single_source"`
	ConflictsWith []string `json:"conflicts_with"`
	Stance        string   `json:"stance"`
	Reason        string   `json:"reason"`
}

type conflictDoc struct {
	Facts  []string `json:"facts"`
	Kind   string   `json:"kind"`
	Reason string   `json:"reason"`
}

type sourceDoc struct {
	ID       string   `json:"id"`
	Articles []string `json:"articles"`
	Labels   []string `json:"labels"`
	Reason   string   `json:"reason"`
}

type statementDoc struct {
	Speaker         string         `json:"speaker"`
	SpeakerResolved bool           `json:"speaker_resolved"`
	Text            string         `json:"text"`
	Kind            string         `json:"kind"`
	Cue             string         `json:"cue"`
	Articles        []string       `json:"articles"`
	Renderings      []renderingDoc `json:"renderings"`
	Reason          string         `json:"reason"`
}

type renderingDoc struct {
	Article  string `json:"article"`
	Text     string `json:"text"`
	Cue      string `json:"cue"`
	Relation string `json:"relation"`
	Speaker  string `json:"speaker"`
}

type entityDoc struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`
	Articles []string `json:"articles"`
}

type eventDoc struct {
	Date      string       `json:"date"`
	Precision string       `json:"precision"`
	Text      string       `json:"text"`
	Articles  []string     `json:"articles"`
	Mentions  []mentionDoc `json:"mentions"`
	Reason    string       `json:"reason"`
}

type mentionDoc struct {
	Article string `json:"article"`
	Text    string `json:"text"`
	Reason  string `json:"reason"`
}

type framingDoc struct {
	Outlet      string              `json:"outlet"`
	Wire        string              `json:"wire"`
	Articles    []string            `json:"articles"`
	Verbs       map[string]int      `json:"verbs"`
	VerbClasses map[string]int      `json:"verb_classes"`
	Loaded      []termDoc           `json:"loaded"`
	Hedges      []termDoc           `json:"hedges"`
	Quoted      []termDoc           `json:"quoted"`
	Labels      map[string][]string `json:"labels"`
	Omits       []string            `json:"omits"`
	OmitReasons map[string]string   `json:"omit_reasons"`
}

type termDoc struct {
	Word    string `json:"word"`
	Count   int    `json:"count"`
	Context string `json:"context"`
}

// decodeStory reads a stored story object, only the parts pages show
// (see storyDoc). The strings it holds share the memory of one copy of
// raw.
func decodeStory(raw []byte) (*storyDoc, error) {
	r := &jsonReader{s: string(raw)}
	d := new(storyDoc)
	r.story(d)
	r.end()
	if r.err != nil {
		return nil, fmt.Errorf("story object: %w", r.err)
	}
	return d, nil
}

// The members each object type reads, in the order of its switch.
var (
	storyNames     = []string{"id", "title", "storyline", "articles", "outlets", "first", "last", "why", "reused", "summary", "facts", "conflicts", "sources", "quotes", "entities", "timeline", "framing", "storyline_why"}
	whyNames       = []string{"article", "reason"}
	reusedNames    = []string{"article", "from", "shared", "kind"}
	sentenceNames  = []string{"text", "articles", "reason"}
	factNames      = []string{"id", "text", "articles", "independent", "single_source", "conflicts_with", "stance", "reason"}
	conflictNames  = []string{"facts", "kind", "reason"}
	sourceNames    = []string{"id", "articles", "labels", "reason"}
	statementNames = []string{"speaker", "speaker_resolved", "text", "kind", "cue", "articles", "renderings", "reason"}
	renderingNames = []string{"article", "text", "cue", "relation", "speaker"}
	entityNames    = []string{"name", "type", "aliases", "articles"}
	eventNames     = []string{"date", "precision", "text", "articles", "mentions", "reason"}
	mentionNames   = []string{"article", "text", "reason"}
	framingNames   = []string{"outlet", "wire", "articles", "verbs", "verb_classes", "loaded", "hedges", "quoted", "labels", "omits", "omit_reasons"}
	termNames      = []string{"word", "count", "context"}
)

func (r *jsonReader) story(d *storyDoc) {
	r.object(storyNames, func(k int) {
		switch k {
		case 0:
			r.str(&d.ID)
		case 1:
			r.str(&d.Title)
		case 2:
			r.str(&d.Storyline)
		case 3:
			r.strs(&d.Articles)
		case 4:
			r.strs(&d.Outlets)
		case 5:
			r.strPtr(&d.First)
		case 6:
			r.strPtr(&d.Last)
		case 7:
			slice(r, &d.Why, r.why)
		case 8:
			slice(r, &d.Reused, r.reused)
		case 9:
			slice(r, &d.Summary, r.sentence)
		case 10:
			slice(r, &d.Facts, r.fact)
		case 11:
			slice(r, &d.Conflicts, r.conflict)
		case 12:
			slice(r, &d.Sources, r.source)
		case 13:
			slice(r, &d.Quotes, r.statement)
		case 14:
			slice(r, &d.Entities, r.entity)
		case 15:
			slice(r, &d.Timeline, r.event)
		case 16:
			slice(r, &d.Framing, r.framing)
		case 17:
			r.why(&d.LineWhy)
		}
	})
}

func (r *jsonReader) why(w *whyDoc) {
	r.object(whyNames, func(k int) {
		switch k {
		case 0:
			r.str(&w.Article)
		case 1:
			r.str(&w.Reason)
		}
	})
}

func (r *jsonReader) reused(u *reusedDoc) {
	r.object(reusedNames, func(k int) {
		switch k {
		case 0:
			r.str(&u.Article)
		case 1:
			r.str(&u.From)
		case 2:
			r.float(&u.Shared)
		case 3:
			r.str(&u.Kind)
		}
	})
}

func (r *jsonReader) sentence(s *sentenceDoc) {
	r.object(sentenceNames, func(k int) {
		switch k {
		case 0:
			r.str(&s.Text)
		case 1:
			r.strs(&s.Articles)
		case 2:
			r.str(&s.Reason)
		}
	})
}

func (r *jsonReader) fact(f *factDoc) {
	r.object(factNames, func(k int) {
		switch k {
		case 0:
			r.str(&f.ID)
		case 1:
			r.str(&f.Text)
		case 2:
			r.strs(&f.Articles)
		case 3:
			r.integer(&f.Independent)
		case 4:
			r.boolean(&f.SingleSource)
		case 5:
			r.strs(&f.ConflictsWith)
		case 6:
			r.str(&f.Stance)
		case 7:
			r.str(&f.Reason)
		}
	})
}

func (r *jsonReader) conflict(c *conflictDoc) {
	r.object(conflictNames, func(k int) {
		switch k {
		case 0:
			r.strs(&c.Facts)
		case 1:
			r.str(&c.Kind)
		case 2:
			r.str(&c.Reason)
		}
	})
}

func (r *jsonReader) source(s *sourceDoc) {
	r.object(sourceNames, func(k int) {
		switch k {
		case 0:
			r.str(&s.ID)
		case 1:
			r.strs(&s.Articles)
		case 2:
			r.strs(&s.Labels)
		case 3:
			r.str(&s.Reason)
		}
	})
}

func (r *jsonReader) statement(q *statementDoc) {
	r.object(statementNames, func(k int) {
		switch k {
		case 0:
			r.str(&q.Speaker)
		case 1:
			r.boolean(&q.SpeakerResolved)
		case 2:
			r.str(&q.Text)
		case 3:
			r.str(&q.Kind)
		case 4:
			r.str(&q.Cue)
		case 5:
			r.strs(&q.Articles)
		case 6:
			slice(r, &q.Renderings, r.rendering)
		case 7:
			r.str(&q.Reason)
		}
	})
}

func (r *jsonReader) rendering(g *renderingDoc) {
	r.object(renderingNames, func(k int) {
		switch k {
		case 0:
			r.str(&g.Article)
		case 1:
			r.str(&g.Text)
		case 2:
			r.str(&g.Cue)
		case 3:
			r.str(&g.Relation)
		case 4:
			r.str(&g.Speaker)
		}
	})
}

func (r *jsonReader) entity(e *entityDoc) {
	r.object(entityNames, func(k int) {
		switch k {
		case 0:
			r.str(&e.Name)
		case 1:
			r.str(&e.Type)
		case 2:
			r.strs(&e.Aliases)
		case 3:
			r.strs(&e.Articles)
		}
	})
}

func (r *jsonReader) event(e *eventDoc) {
	r.object(eventNames, func(k int) {
		switch k {
		case 0:
			r.str(&e.Date)
		case 1:
			r.str(&e.Precision)
		case 2:
			r.str(&e.Text)
		case 3:
			r.strs(&e.Articles)
		case 4:
			slice(r, &e.Mentions, r.mention)
		case 5:
			r.str(&e.Reason)
		}
	})
}

func (r *jsonReader) mention(m *mentionDoc) {
	r.object(mentionNames, func(k int) {
		switch k {
		case 0:
			r.str(&m.Article)
		case 1:
			r.str(&m.Text)
		case 2:
			r.str(&m.Reason)
		}
	})
}

func (r *jsonReader) framing(f *framingDoc) {
	r.object(framingNames, func(k int) {
		switch k {
		case 0:
			r.str(&f.Outlet)
		case 1:
			r.str(&f.Wire)
		case 2:
			r.strs(&f.Articles)
		case 3:
			mapOf(r, &f.Verbs, r.integer)
		case 4:
			mapOf(r, &f.VerbClasses, r.integer)
		case 5:
			slice(r, &f.Loaded, r.term)
		case 6:
			slice(r, &f.Hedges, r.term)
		case 7:
			slice(r, &f.Quoted, r.term)
		case 8:
			mapOf(r, &f.Labels, r.strs)
		case 9:
			r.strs(&f.Omits)
		case 10:
			mapOf(r, &f.OmitReasons, r.str)
		}
	})
}

func (r *jsonReader) term(t *termDoc) {
	r.object(termNames, func(k int) {
		switch k {
		case 0:
			r.str(&t.Word)
		case 1:
			r.integer(&t.Count)
		case 2:
			r.str(&t.Context)
		}
	})
}
