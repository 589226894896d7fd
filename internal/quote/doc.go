// Package quote finds attributions in news text — who said what, with which
// cue — and groups the renderings of one statement across the articles of a
// story into a ledger.
//
// Extract tags cue spans with an averaged perceptron trained on PolNeAR
// (see TestTrain), then, for each cue, tags its source and content spans
// with a second perceptron conditioned on the cue. Spans are byte offsets
// into the text given. Speakers are resolved to canonical entities from
// package entity; Ledger aligns quoted text across articles.
package quote
