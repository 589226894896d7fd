// Package story groups news articles that report the same real-world event
// into stories, as they arrive, and links related stories into storylines.
//
// The Engine is a streaming clusterer. Articles are added in publication
// order (ingest order when dates are unknown). Each article is turned into
// sparse weighted vectors (Featurize): TF-IDF over stems, capitalised names
// of people, places and organisations, and numbers and dates. Its
// candidate stories come from an inverted index over the stories still open
// in a sliding window, so the work per article does not grow with the
// archive; stories close when they go quiet. A late article that matches two
// open stories can bridge and merge them. Every assignment carries its score
// and a reason a person can read ("shares Burns, Kanani, PBS; cosine 0.61").
//
// The package is pure: values in, values out, no I/O. The engine's state is
// rebuilt by adding the same articles again in the same order.
package story
