// Package ingest reads articles from the outside world — files, directories
// and standard input — and turns their bytes into raw records: decoded text
// or HTML plus whatever metadata the input itself declares. It detects the
// format from the content (plain text, Markdown, HTML, JSON, JSON Lines),
// repairs the encoding (byte-order marks, UTF-16, Windows-1252) and reports
// each bad input with its path and reason without stopping the rest.
//
// Cleaning the text and finding metadata in it is the job of package clean.
package ingest
