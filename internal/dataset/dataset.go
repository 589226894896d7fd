// Package dataset locates the labelled data sets that Parallax is measured
// on. They live outside the repository, in ../shared/data beside the module
// root, because most of their texts belong to their publishers.
//
// Tests that need a data set call Require: it skips the test when the file
// is absent, except under CI (CI=true), where a missing file is a failure.
package dataset

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// ErrNoModule is returned when no go.mod is found above the directory.
var ErrNoModule = errors.New("dataset: no go.mod above the working directory")

// Dir returns the data directory: $PARALLAX_DATA if set, else ../shared/data
// relative to the module root above the working directory.
func Dir() (string, error) {
	if d := os.Getenv("PARALLAX_DATA"); d != "" {
		return d, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("dataset: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared", "data"), nil
		}
		if filepath.Dir(dir) == dir {
			return "", ErrNoModule
		}
	}
}

// Path returns the path of a data file given relative to the data
// directory, e.g. "clustering/ecbplus.jsonl", and whether it exists.
func Path(rel string) (string, bool) {
	dir, err := Dir()
	if err != nil {
		return "", false
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	_, err = os.Stat(p)
	return p, err == nil
}

// Require returns the path of a data file for a test or benchmark. When the
// file is absent it skips tb, or fails it under CI.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p, ok := Path(rel)
	if ok {
		return p
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("data set %s is missing (looked at %q); CI must have ../shared/data", rel, p)
	}
	tb.Skipf("data set %s not available (looked at %q)", rel, p)
	return ""
}
