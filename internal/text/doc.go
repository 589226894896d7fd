// Package text holds the language primitives every analysis stage shares:
// Unicode normalisation, folding for comparison, sentence splitting that
// survives abbreviations, quotations and Markdown, word tokens, stems,
// stopwords and shingles.
//
// Offsets are byte offsets into the string given, so that spans found by
// later stages point back into the stored article text.
package text
