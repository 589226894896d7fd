package quote

import (
	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/entity"
)

// Story is the "who said what" part of a story's brief: its ledger of
// statements and its canonical entities.
type Story struct {
	Quotes   []Statement     `json:"quotes"`
	Entities []entity.Entity `json:"entities"`
	// Attributions are each article's attributions, by article ID.
	Attributions map[string][]Attribution `json:"-"`
}

// ForStory extracts the entities and attributions of a story's articles
// (their cleaned bodies), resolves the entities across the articles and
// builds the ledger.
func ForStory(arts []article.Article) Story {
	docs := make([]entity.DocMentions, 0, len(arts))
	atts := make([]ArticleAttributions, 0, len(arts))
	st := Story{Attributions: map[string][]Attribution{}}
	for _, a := range arts {
		ms := entity.Extract(a.Text)
		docs = append(docs, entity.DocMentions{ID: a.ID, Mentions: ms})
		as := Extract(a.Text, ms)
		atts = append(atts, ArticleAttributions{ID: a.ID, Attributions: as})
		st.Attributions[a.ID] = as
	}
	st.Entities = entity.Resolve(docs)
	st.Quotes = Ledger(atts, st.Entities)
	return st
}
