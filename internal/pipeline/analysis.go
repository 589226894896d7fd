package pipeline

import (
	"sort"

	"github.com/parallax-news/parallax/internal/article"
	"github.com/parallax-news/parallax/internal/brief"
	"github.com/parallax-news/parallax/internal/entity"
	"github.com/parallax-news/parallax/internal/quote"
	"github.com/parallax-news/parallax/internal/store"
)

// analysis is the cross-source analysis of one story's articles.
type analysis struct {
	entities []entity.Entity
	quotes   []quote.Statement
	brief    brief.Brief
}

// analyzeStory runs the pure analysis stages over a story's articles (in
// publication order) and the reuse edges between them: entities and their
// canonical names, attributions and the quote ledger, then the brief.
func analyzeStory(arts []article.Article, reuse []store.Reuse, words int) analysis {
	var docs []entity.DocMentions
	mentions := make([][]entity.Mention, len(arts))
	for i := range arts {
		mentions[i] = entity.Extract(arts[i].Text)
		docs = append(docs, entity.DocMentions{ID: arts[i].ID, Mentions: mentions[i]})
	}
	ents := entity.Resolve(docs)

	in := brief.Input{Articles: arts}
	var perArticle []quote.ArticleAttributions
	for i := range arts {
		atts := quote.Extract(arts[i].Text, mentions[i])
		perArticle = append(perArticle, quote.ArticleAttributions{ID: arts[i].ID, Attributions: atts})
		for _, at := range atts {
			in.Attributions = append(in.Attributions, brief.Attribution{
				Article: arts[i].ID, Speaker: at.Speaker, Kind: at.Kind,
				Source:  brief.Span{Start: at.Source.Start, End: at.Source.End},
				Cue:     brief.Span{Start: at.Cue.Start, End: at.Cue.End},
				Content: brief.Span{Start: at.Content.Start, End: at.Content.End},
			})
		}
	}
	for _, e := range ents {
		in.Entities = append(in.Entities, brief.Entity{Name: e.Name, Kind: e.Type, Aliases: e.Aliases})
	}
	for _, r := range reuse {
		in.Reuse = append(in.Reuse, brief.Reuse{Article: r.ArticleID, From: r.FromID, Shared: max(r.Shared, r.SharedFrom)})
	}
	return analysis{
		entities: ents,
		quotes:   quote.Ledger(perArticle, ents),
		brief:    brief.Build(in, brief.Options{Words: words}),
	}
}

// quoteDocs lists a story's quote renderings for the search index.
func quoteDocs(quotes []quote.Statement) []store.QuoteDoc {
	var out []store.QuoteDoc
	for _, q := range quotes {
		for _, r := range q.Renderings {
			out = append(out, store.QuoteDoc{ArticleID: r.Article, Speaker: q.Speaker, Text: r.Text})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ArticleID < out[j].ArticleID })
	return out
}
