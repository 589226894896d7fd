package web

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// volatile matches what changes between builds without changing the
// page: the static files' version hashes.
var volatile = regexp.MustCompile(`\?v=[0-9a-f]+`)

func normalize(body string) string {
	return volatile.ReplaceAllString(body, "?v=VERSION")
}

// TestGoldenPages compares the seed story's pages with the golden files
// in testdata/golden (go test -update rewrites them). The pages follow
// the whole pipeline's output, so a change in clustering, facts or quotes
// shows here too: read the diff, then update.
func TestGoldenPages(t *testing.T) {
	e := newEnv(t)
	e.ingestSeeds(t)
	s := e.seedStory(t)
	for _, g := range []struct{ name, path string }{
		{"story.html", StoryPath(s.ID)},
		{"story_facts.html", StoryPath(s.ID) + "/facts"},
		{"list.html", "/"},
	} {
		t.Run(g.name, func(t *testing.T) {
			r := e.get(t, g.path)
			if r.status != 200 {
				t.Fatalf("status %d", r.status)
			}
			got := normalize(r.body)
			path := filepath.Join("testdata", "golden", g.name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
				t.Errorf("%s differs from %s (-want +got; go test -update rewrites it):\n%s", g.path, path, diff)
			}
		})
	}
}
