// Package brief builds the cross-source brief of one story: the facts its
// articles state and how many independent sources corroborate each, the
// conflicts between them, how each outlet frames the story, a timeline,
// and a neutral summary whose every sentence cites its articles.
//
// Build takes values in (Input: the story's cleaned articles, and
// optionally the reuse graph, attributions and entities that earlier
// stages found) and returns values out (Brief, with JSON tags for the
// story object). It does no I/O and keeps no state between calls.
//
// # Claims and facts
//
// Each article is split into sentences (text.Sentences) and sentences into
// clauses at semicolons, before "and said" / "but insisted", before ",
// adding" / ", dismissing" and before ", although" / ", while", outside
// quotations. Sentences of fewer than six words and title-case headings
// are not claims. A claim's features are its content words, stemmed and
// mapped to paraphrase classes (lexicon/synonyms.txt: expand, deepen,
// boost; ties, relations), countries under one name whatever the metonym
// (lexicon/places.txt: Tehran, Iranian -> iran), persons under their
// canonical name (Input.Entities, or found in the text), and numbers.
// Attribution verbs, hedges, denial words, date expressions and the role
// words before a name ("CIA chief") are not content: they say who or when,
// not what. Features are weighted by inverse frequency over the story's
// claims, names and numbers half again.
//
// Two claims' similarity is the weighted Dice coefficient of their
// features. Facts are made by average-link agglomerative clustering at
// 0.34, so that a fact does not chain from one topic to the next; two
// claims that contradict each other, or one of which denies while the
// other does not, are never in one fact.
//
// # Independence
//
// Articles are grouped into sources (Brief.Sources): the same outlet, the
// same wire credit (article.Article.Wire; an outlet named like the wire
// joins it), the same byline, or a reuse pair (Input.Reuse, transitively)
// make one source. An article with no outlet is a source of its own,
// labelled "article <id>": nothing shows that it depends on another, so it
// is counted, and its Source's reason says "outlet unknown". A fact's
// Independent is the number of sources among its articles; a fact with one
// is SingleSource.
//
// # Conflicts
//
// Two similar claims conflict when they give different numbers for the
// same thing (same counted noun and predicate: "two people were killed" vs
// "four people were killed"), different days for the same event, or when
// one denies ("rejects", "denies", "dismissed", "baseless") what the other
// states or admits. Number and date conflicts are looked for only between
// articles, between claims about the same people. Each Conflict names its
// two facts, its kind, and the claim pair's similarity.
//
// # Framing
//
// Per outlet (or per article of unknown outlet): attribution verbs by
// lemma and class (lexicon/verbs.txt: neutral "said", distancing "claimed",
// "alleged", conceding "admitted", assertive "insisted" ...), loaded words
// (lexicon/loaded.txt) and hedges (lexicon/hedges.txt) in the outlet's own
// voice, the labels it puts before each person's name, and the facts two
// or more other outlets carry that it leaves out. Words inside quotation
// marks, and inside direct quotations that the quote stage found, are the
// speaker's: they are listed apart (Framing.Quoted) and never counted
// against the outlet. Reported speech without quotation marks is the
// outlet's wording and counts.
//
// # Timeline
//
// Dates are found and resolved with internal/dates against each article's
// publish date. An article without one contributes its explicit dates; its
// month, season, year and decade expressions are anchored on the story's
// date when the story's dated articles span a week at most and it shares a
// fact with them; a bare weekday in it joins the event a dated article
// puts on that weekday when the two claims state the same thing. Every
// such decision is written in the event's mention reasons.
//
// # Summary
//
// The summary is internal/summary's concept-coverage summary, with
// concepts weighted by this package's sources and a penalty that keeps out
// sentences with loaded words in the outlet's own voice and holds back
// those that open on a pronoun, state only single-source facts or are
// mostly quotation. Picks that date an event to the day are put in date
// order. Each sentence cites its own article, the articles the summarizer
// found carrying it, and the articles of the facts it states.
package brief
