package feed

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/fetch"
)

func TestReadList(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		want     []Entry
		problems int
	}{
		{
			name: "plain lines",
			file: "# my feeds\n\nhttps://a.example/feed.xml\n  http://b.example/rss   B News Daily  \r\nhttps://c.example/atom\tC Wire\n",
			want: []Entry{
				{URL: "https://a.example/feed.xml", Line: 3},
				{URL: "http://b.example/rss", Title: "B News Daily", Line: 4},
				{URL: "https://c.example/atom", Title: "C Wire", Line: 5},
			},
		},
		{
			name:     "bad URLs are problems, duplicates kept once",
			file:     "\xEF\xBB\xBFftp://x.example/feed\nnot a url\nhttps://a.example/f\nhttps://a.example/f Again\nfile:///etc/passwd\nhttps://\n",
			want:     []Entry{{URL: "https://a.example/f", Line: 3}},
			problems: 4,
		},
		{
			name: "a fragment is not a comment",
			file: "https://a.example/feed#section\n",
			want: []Entry{{URL: "https://a.example/feed", Line: 1}},
		},
		{
			name: "OPML, nested, title or text",
			file: `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Subscriptions</title></head>
  <body>
    <outline text="News" title="News">
      <outline type="rss" text="Alpha &amp; Co" xmlUrl="https://alpha.example/rss" htmlUrl="https://alpha.example/"/>
      <outline type="rss" text="Beta text" title="Beta&nbsp;Title" xmlUrl="https://beta.example/atom.xml"/>
    </outline>
    <outline type="rss" text="Gamma" xmlurl="http://gamma.example/feed"/>
    <outline type="rss" text="Evil" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>`,
			want: []Entry{
				{URL: "https://alpha.example/rss", Title: "Alpha & Co", Line: 6},
				{URL: "https://beta.example/atom.xml", Title: "Beta\u00a0Title", Line: 7},
				{URL: "http://gamma.example/feed", Title: "Gamma", Line: 9},
			},
			problems: 1,
		},
		{
			name: "OPML with an entity bomb stays inert",
			file: `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<opml><body><outline title="&c;&c;&c;" xmlUrl="https://x.example/feed"/></body></opml>`,
			want: []Entry{{URL: "https://x.example/feed", Title: "&c;&c;&c;", Line: 2}},
		},
	}
	for _, tt := range tests {
		got, problems, err := ReadList([]byte(tt.file))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.name, diff)
		}
		if len(problems) != tt.problems {
			t.Errorf("%s: problems %v, want %d", tt.name, problems, tt.problems)
		}
	}
}

func TestReadListErrors(t *testing.T) {
	if _, _, err := ReadList([]byte("<html><body>hi</body></html>")); err == nil {
		t.Error("HTML read as OPML")
	}
	if _, _, err := ReadList([]byte("<opml><body><outline xmlUrl=\"https://a.example/\"")); err == nil {
		t.Error("truncated OPML accepted")
	}
	var b strings.Builder
	for i := range MaxEntries + 1 {
		fmt.Fprintf(&b, "https://x.example/%d\n", i)
	}
	if _, _, err := ReadList([]byte(b.String())); !errors.Is(err, ErrTooManyEntries) {
		t.Errorf("%d entries: %v, want ErrTooManyEntries", MaxEntries+1, err)
	}
}

func FuzzReadList(f *testing.F) {
	f.Add([]byte("https://a.example/feed Title\n# comment\nftp://x\n"))
	f.Add([]byte(`<opml><body><outline text="A" xmlUrl="https://a.example/rss"/><outline><outline xmlUrl="http://b.example/"/></outline></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline title="caf\xe9" xmlUrl="https://c.example/"/></body></opml>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		entries, _, err := ReadList(b)
		if err != nil {
			return
		}
		if len(entries) > MaxEntries {
			t.Fatalf("%d entries", len(entries))
		}
		seen := map[string]bool{}
		for _, e := range entries {
			if _, err := fetch.CheckURL(e.URL); err != nil {
				t.Fatalf("entry %q: %v", e.URL, err)
			}
			if seen[e.URL] {
				t.Fatalf("duplicate %q", e.URL)
			}
			seen[e.URL] = true
			if len(e.Title) > 300 {
				t.Fatalf("title of %d bytes", len(e.Title))
			}
		}
	})
}
