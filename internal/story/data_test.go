package story

import (
	"os"
	"path/filepath"
	"testing"
)

// DataFile returns the path of a file of ../shared/data beside the module
// root (rel is relative to shared/data). It skips the test when the file is
// absent, unless CI=true, where that is a failure. Exported for the tests of
// package story_test.
func DataFile(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", rel)
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("data file missing under CI: %v", err)
		}
		tb.Skipf("data file absent: %v", err)
	}
	return path
}
