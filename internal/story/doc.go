// Package story groups news articles that report the same real-world event
// into stories, as they arrive, and links related stories into storylines.
//
// The Engine is a streaming clusterer. Articles are added in publication
// order (ingest order when dates are unknown). Featurize turns an article
// into sparse vectors: stems of content words (the title's count double,
// and form a channel of their own), capitalised names of people, places
// and organisations (each word and each multiword phrase), and numbers and
// month-day dates. Featurize is pure and may run on all cores; Add then
// clusters sequentially. Before featurizing, callers pass the articles, in
// stream order, through Repeats, which strips the lines and title segments
// an outlet repeats from article to article (notices, mastheads, copyright
// lines): text that makes an outlet's articles alike whatever they report. The engine weights the vectors by IDF learned
// online from the articles of a sliding window, finds candidate stories
// through an inverted index over the stories still open, and scores each
// candidate with a logistic model over the similarities (average-linkage
// and centroid cosines per channel), whether both sides have names and
// titles, the distances in time (to the story's span and to its mean
// date) and the story's size. The model was fitted
// on the ECB+ training topics and half of the GVA incidents (see
// TestTrainModels); an article joins the best story whose probability
// reaches Config.Threshold, chosen on the ECB+ dev topics and the GVA
// training half. A late article that also reaches MergeThreshold with a
// second open story bridges and merges the two (the older story's ID
// survives). Stories close when they go quiet for Config.Window, longer
// for a story of several articles (Config.WindowGrowth: an incident's
// arrest and trial come weeks and months after it), or, in any stream,
// after MaxArticles articles, and each open story or storyline
// keeps a capped number of keys, so the work per article and the memory are
// bounded by the window and the caps, not by the archive (BenchmarkStream
// measures both on a synthetic stream of a million articles).
//
// Storylines group stories by average linkage over their leads (the common
// words of the title and first sentences: what happened, without the
// background, the names or the dates) and their names, in equal parts:
// a new story joins the open storyline whose stories it resembles most on
// average, if close enough (LineThreshold), or opens one; every hundred
// articles, and whenever a caller asks (Regroup), the storylines that
// changed are merged agglomeratively, the closest pair first, while their
// stories' mean similarity reaches LineMergeThreshold (see line.go).
// Storylines stay open for LineWindow. Story and storyline IDs are "s-" and "l-" followed by the
// ID of the article that opened them, so replaying the same articles in the
// same order rebuilds the same engine.
//
// Every decision carries its score and a reason a person can read
// ("shares Burns, Kanani, PBS; cosine 0.61, names 0.47; score 0.77"): each
// article's membership of its story (Story.Why) and each story's place in
// its storyline (Story.LineWhy).
//
// The package is pure: values in, values out, no I/O.
package story
