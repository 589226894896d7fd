package feed

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

func TestParse(t *testing.T) {
	tests := []struct {
		file, base string
		want       Feed
	}{
		{"rss2.xml", "https://news.example/feeds/world.xml", Feed{Title: "Example World News", Items: []Item{
			{GUID: "12345", Link: "https://news.example/world/iran-russia", Title: "Iran says it will not seek permission",
				Author: "Jane Roe", Published: date("2022-12-18T10:30:00Z"), Content: "<p>The full text of the item.</p>"},
			{GUID: "https://news.example/world/second#top", Link: "https://news.example/world/second", Title: "Second & last",
				Content: "<p>Only a description.</p>"},
			{Title: "Bad link"},
		}}},
		{"atom.xml", "https://atom.example/feed", Feed{Title: "Atom Outlet", Items: []Item{
			{GUID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", Link: "https://atom.example/2022/12/burns", Title: "Burns speaks to PBS",
				Author: "John Doe, Ann Smith", Published: date("2022-12-17T02:00:00Z"), Content: "Summary only."},
			{GUID: "tag:atom.example,2022:2", Link: "https://atom.example/updated", Title: "Updated only",
				Published: date("2022-12-20T07:00:00Z"), Content: "<p>Body</p>"},
		}}},
		{"rss1.rdf", "https://rdf.example/index.rdf", Feed{Title: "RDF Wire", Items: []Item{
			{Link: "https://rdf.example/a", Title: "RDF item", Author: "Wire Desk", Published: date("2022-12-18T12:00:00Z"), Content: "An RSS 1.0 item."},
		}}},
		{"feed.json", "https://json.example/feed.json", Feed{Title: "JSON Daily", Items: []Item{
			{GUID: "j1", Link: "https://json.example/posts/1", Title: "A JSON Feed item", Author: "Kim Lee",
				Published: date("2022-12-18T08:00:00Z"), Content: "<p>Hello from JSON Feed.</p>"},
			{GUID: "j2", Title: "No URL", Content: "Plain text content."},
		}}},
	}
	for _, tt := range tests {
		got, err := Parse(readTestdata(t, tt.file), tt.base)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.file, diff)
		}
	}
	if _, err := Parse([]byte("<html><body>not a feed</body></html>"), ""); err == nil {
		t.Error("an HTML page parsed as a feed")
	}
}

func TestItemKey(t *testing.T) {
	if k := (Item{GUID: "g", Link: "https://x.example/"}).Key(); k != "g" {
		t.Errorf("key with GUID = %q", k)
	}
	if k := (Item{Link: "https://x.example/"}).Key(); k != "https://x.example/" {
		t.Errorf("key with link = %q", k)
	}
	a, b := Item{Title: "t", Content: "c"}.Key(), Item{Title: "t", Content: "d"}.Key()
	if !strings.HasPrefix(a, "sha256:") || a == b || a != (Item{Title: "t", Content: "c"}).Key() {
		t.Errorf("content keys %q, %q: want stable and distinct", a, b)
	}
}

// TestBillionLaughs: entities declared in the feed's DTD are not expanded
// (nor external ones read), so the attack costs what its bytes cost.
func TestBillionLaughs(t *testing.T) {
	b := readTestdata(t, "billion-laughs.xml")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f, err := Parse(b, "https://bomb.example/feed")
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
		t.Errorf("parsing a %d-byte billion-laughs feed allocated %d bytes", len(b), alloc)
	}
	if err != nil {
		return // refusing it is fine too
	}
	for _, it := range f.Items {
		for _, s := range []string{it.Title, it.Content} {
			if len(s) > 1000 || strings.Contains(s, "lollol") {
				t.Errorf("entity expanded: %.80q (%d bytes)", s, len(s))
			}
			if strings.Contains(s, "root:") {
				t.Errorf("external entity read: %.80q", s)
			}
		}
	}
	if len(f.Title) > 1000 {
		t.Errorf("feed title expanded to %d bytes", len(f.Title))
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rss1.rdf", "feed.json", "billion-laughs.xml"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		feed, err := Parse(b, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Fatalf("link %q is not http(s)", it.Link)
			}
			if it.Key() == "" {
				t.Fatal("empty item key")
			}
		}
	})
}
