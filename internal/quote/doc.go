// Package quote finds attributions in news text — who said what, with which
// cue — and groups the renderings of one statement across the articles of a
// story into a ledger.
//
// Extract tags cue spans with an averaged perceptron trained on PolNeAR
// train (see TestTrain), then, for each cue, tags its source and content
// spans with a second perceptron conditioned on the cue; parts of speech
// come from a small tagger distilled from prose's. Rules cover layouts the
// training data lacks (quotes signed with a dash, interview transcripts)
// and contents the tagger missed. Spans are byte offsets into the text
// given. Speakers are resolved to canonical entities from package entity;
// Ledger aligns quoted text across articles; ForStory does both for a
// story's articles.
package quote
