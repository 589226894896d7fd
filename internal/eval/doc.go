// Package eval reads labelled data sets and scores the engine on them (metrics and dataset readers for "parallax eval").
package eval
