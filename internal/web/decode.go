package web

import (
	"encoding/json"
)

// storyDoc is a stored story object (report.Story) as the story pages
// read it: only the fields some page shows, under the contract's JSON
// names. Everything else — each fact's claims and outlets, each entity's
// mentions, scores no page prints — is read past, not decoded.
type storyDoc struct {
	ID        string         `json:"id"`
	Title     string         `json:"title"`
	Storyline string         `json:"storyline"`
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
	Article string  `json:"article"`
	Score   float64 `json:"score"`
	Reason  string  `json:"reason"`
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

// decodeStory reads a stored story object, only the parts pages show.
func decodeStory(raw []byte) (*storyDoc, error) {
	var d storyDoc
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, err
	}
	return &d, nil
}
