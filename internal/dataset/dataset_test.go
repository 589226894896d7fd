package dataset

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPathWithOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "clustering"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "clustering", "x.jsonl"), []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PARALLAX_DATA", dir)
	p, ok := Path("clustering/x.jsonl")
	if !ok || p != filepath.Join(dir, "clustering", "x.jsonl") {
		t.Errorf("Path = %q, %v", p, ok)
	}
	if _, ok := Path("clustering/missing.jsonl"); ok {
		t.Error("missing file reported present")
	}
}

func TestDirFindsModuleRoot(t *testing.T) {
	t.Setenv("PARALLAX_DATA", "")
	d, err := Dir()
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	root := filepath.Dir(filepath.Dir(wd)) // internal/dataset -> module root
	if want := filepath.Join(filepath.Dir(root), "shared", "data"); d != want {
		t.Errorf("Dir = %q, want %q", d, want)
	}
}
