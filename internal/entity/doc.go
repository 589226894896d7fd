// Package entity finds the people, organisations, places and titles named
// in news text and resolves their mentions across the articles of a story
// to canonical entities: name variants and transliterations (Ebrahim /
// Ibrahim Raisi), typos (Willian Burns), titles and roles (CIA Director
// William Burns, the CIA chief, Burns).
//
// Extract works with rules, gazetteers and word statistics learned from
// the PolNeAR training texts (common.txt, firstnames.txt, see
// TestLearnCommon). It does not call prose's NER: on PolNeAR dev both find
// 87% of the attribution sources that are names (TestNameSourceRecall), and
// prose takes over a hundred times longer.
// Resolve groups mentions by name structure and keeps every alias with the
// mentions that support it.
package entity
