package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/store"
)

// articleText returns a distinct small article.
func articleText(i int) string {
	return fmt.Sprintf("# Council vote %d\n\nThe city council of Town%d voted %d to %d on Tuesday to approve a new budget for the library. "+
		"Mayor Person%d said the vote was a relief. Opponents said the plan would raise taxes by %d percent.\n", i, i, i%9+1, i%5, i, i%7+2)
}

func writeFile(t *testing.T, path string, b []byte, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, mode); err != nil {
		t.Fatal(err)
	}
}

func countArticles(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("database does not open: %v", err)
	}
	defer st.Close()
	n, err := st.CountArticles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestIngestBadInputLosesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeFile(t, filepath.Join(in, "good1.txt"), []byte(articleText(1)), 0o644)
	writeFile(t, filepath.Join(in, "sub", "good2.md"), []byte(articleText(2)), 0o644)
	writeFile(t, filepath.Join(in, "empty.txt"), nil, 0o644)
	writeFile(t, filepath.Join(in, "binary.txt"), []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00>\x00"), 0o644)
	big := make([]byte, 50<<20)
	for i := range big {
		big[i] = "abcdefgh ij\n"[i%12]
	}
	writeFile(t, filepath.Join(in, "huge.txt"), big, 0o644)
	writeFile(t, filepath.Join(in, "locked.txt"), []byte(articleText(3)), 0o000)
	if err := os.Symlink(in, filepath.Join(in, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(in, "self"), filepath.Join(in, "self")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "p.db")

	r := runCmd(t, "", "ingest", "--db", db, in)
	if r.code != 0 {
		t.Fatalf("exit %d, want 0 (some inputs were good); stderr:\n%s", r.code, r.stderr)
	}
	wantReasons := map[string]string{
		"empty.txt":  "empty input",
		"binary.txt": "binary content",
		"huge.txt":   "too large for one article (50.0 MB > 8.0 MB)",
		"sub/loop":   "symbolic link loop",
		"self":       "symbolic link loop",
		"locked.txt": "permission denied",
	}
	if os.Geteuid() == 0 {
		delete(wantReasons, "locked.txt") // root reads it anyway
	}
	for file, reason := range wantReasons {
		want := filepath.Join(in, file) + ": " + reason
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q; got:\n%s", want, r.stderr)
		}
	}
	wantN := 3
	if os.Geteuid() != 0 {
		wantN = 2
	}
	if n := countArticles(t, db); n != wantN {
		t.Errorf("stored %d articles, want %d", n, wantN)
	}
	// Again: nothing new, nothing duplicated.
	if r := runCmd(t, "", "ingest", "--db", db, in); r.code != 0 || countArticles(t, db) != wantN {
		t.Errorf("second ingest: exit %d, %d articles; stderr:\n%s", r.code, countArticles(t, db), r.stderr)
	}
}

func TestIngestNothingUsableFails(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "empty.txt"), nil, 0o644)
	writeFile(t, filepath.Join(dir, "bin.dat"), []byte{0, 1, 2, 3}, 0o644)
	r := runCmd(t, "", "ingest", "--db", filepath.Join(dir, "p.db"), dir, filepath.Join(dir, "missing.txt"))
	if r.code == 0 {
		t.Fatalf("exit 0 although nothing could be ingested; stderr:\n%s", r.stderr)
	}
	for _, want := range []string{"empty.txt: empty input", "missing.txt: no such file or directory", "nothing could be ingested"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q; got:\n%s", want, r.stderr)
		}
	}
}

func TestIngestStdinFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	body := func(i int) string { _, b, _ := strings.Cut(articleText(i), "\n\n"); return strings.TrimSpace(b) }
	jsonl := `{"title":"A","text":"` + body(1) + `","outlet":"X News","published":"2024-03-05","url":"https://x.test/a"}` + "\n" +
		`{"title":"B","html":"<html><body><article><h1>B</h1><p>` + body(2) + `</p><p>` + body(3) + `</p></article></body></html>"}` + "\n"
	r := runCmd(t, jsonl, "ingest", "--db", db, "-")
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", r.code, r.stderr)
	}
	if n := countArticles(t, db); n != 2 {
		t.Errorf("stored %d articles from stdin, want 2", n)
	}
}

func TestIngestManySmallFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const n = 10000
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(in, fmt.Sprintf("d%02d", i%100), fmt.Sprintf("a%05d.txt", i)), []byte(articleText(i)), 0o644)
	}
	db := filepath.Join(dir, "p.db")
	r := runCmd(t, "", "ingest", "--db", db, in)
	if r.code != 0 {
		t.Fatalf("exit %d; stderr:\n%.2000s", r.code, r.stderr)
	}
	if got := countArticles(t, db); got != n {
		t.Errorf("stored %d articles, want %d", got, n)
	}
}

// TestIngestSurvivesSIGKILL kills an ingest midway, runs it again and checks
// the database: it opens, holds every article once, and no article lacks
// its original or its stage record.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	const n = 3000
	for i := 0; i < n; i++ {
		writeFile(t, filepath.Join(in, fmt.Sprintf("a%05d.txt", i)), []byte(articleText(i)), 0o644)
	}
	db := filepath.Join(dir, "p.db")
	cmd := command("ingest", "--db", db, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// Kill it once some, but not all, articles are in.
	deadline := time.After(60 * time.Second)
	killed := false
poll:
	for {
		select {
		case err := <-exited:
			t.Fatalf("ingest ended (%v) before it could be killed midway, having stored %d of %d; stderr:\n%.2000s",
				err, countIfExists(db), n, stderr.String())
		case <-deadline:
			break poll
		case <-time.After(20 * time.Millisecond):
		}
		if c := countIfExists(db); c > 50 && c < n {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			t.Logf("killed the ingest at %d of %d articles", c, n)
			killed = true
			break
		}
	}
	if !killed {
		cmd.Process.Kill()
		<-exited
		t.Fatalf("could not catch the ingest midway in 60 s (it stored %d of %d); stderr:\n%.2000s", countIfExists(db), n, stderr.String())
	}
	<-exited
	before := countArticles(t, db)
	r := runCmd(t, "", "ingest", "--db", db, in)
	if r.code != 0 {
		t.Fatalf("rerun: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	got, _ := st.CountArticles(ctx)
	if got != n {
		t.Errorf("after kill (%d stored) and rerun: %d articles, want %d", before, got, n)
	}
	if bad, err := st.Check(ctx); err != nil || len(bad) > 0 {
		t.Errorf("integrity: %v, %v", bad, err)
	}
}

// countIfExists counts the articles of a database that may not exist yet
// or may be mid-migration; it returns -1 when it cannot.
func countIfExists(db string) int {
	if _, err := os.Stat(db); err != nil {
		return -1
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := store.Open(ctx, db)
	if err != nil {
		return -1
	}
	defer st.Close()
	n, err := st.CountArticles(ctx)
	if err != nil {
		return -1
	}
	return n
}
