package fetch

import (
	"strings"
	"testing"
	"time"
)

func TestParseRobots(t *testing.T) {
	type check struct {
		path    string
		allowed bool
	}
	tests := []struct {
		name   string
		file   string
		checks []check
	}{
		{
			name:   "empty file allows all",
			file:   "",
			checks: []check{{"/", true}, {"/anything?x=1", true}},
		},
		{
			name:   "star group",
			file:   "User-agent: *\nDisallow: /private/\n",
			checks: []check{{"/private/x", false}, {"/private", true}, {"/public", true}, {"/robots.txt", true}},
		},
		{
			name:   "our group wins over star, star rules do not apply",
			file:   "User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nDisallow: /no-parallax\n",
			checks: []check{{"/", true}, {"/news/1", true}, {"/no-parallax/page", false}},
		},
		{
			name:   "agent matched without case and version",
			file:   "User-agent: PARALLAX/2.0\nDisallow: /a\n",
			checks: []check{{"/a", false}, {"/b", true}},
		},
		{
			name:   "other agents' groups ignored",
			file:   "User-agent: Googlebot\nDisallow: /\n",
			checks: []check{{"/", true}, {"/x", true}},
		},
		{
			name:   "several agents share a group",
			file:   "User-agent: Googlebot\nUser-agent: Parallax\nDisallow: /shared\n",
			checks: []check{{"/shared/x", false}, {"/other", true}},
		},
		{
			name:   "groups for the same agent merge",
			file:   "User-agent: parallax\nDisallow: /a\n\nUser-agent: bingbot\nDisallow: /\n\nuser-agent: Parallax\ndisallow: /b\n",
			checks: []check{{"/a", false}, {"/b", false}, {"/c", true}},
		},
		{
			name:   "longest match wins",
			file:   "User-agent: *\nDisallow: /news\nAllow: /news/public\n",
			checks: []check{{"/news/secret", false}, {"/news/public/1", true}, {"/newsroom", false}},
		},
		{
			name:   "allow wins a tie",
			file:   "User-agent: *\nDisallow: /page\nAllow: /page\n",
			checks: []check{{"/page", true}},
		},
		{
			name: "wildcards and end anchor",
			file: "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\nDisallow: /fish*\n",
			checks: []check{
				{"/doc.pdf", false}, {"/doc.pdf?x", true}, {"/a/b/c.pdf", false},
				{"/p?session=1", false}, {"/p?lang=en", true},
				{"/fish", false}, {"/fishheads", false}, {"/Fish", true},
			},
		},
		{
			name:   "anchored root",
			file:   "User-agent: *\nDisallow: /$\n",
			checks: []check{{"/", false}, {"/x", true}},
		},
		{
			name:   "empty disallow allows all",
			file:   "User-agent: *\nDisallow:\n",
			checks: []check{{"/", true}, {"/x", true}},
		},
		{
			name:   "disallow all",
			file:   "User-agent: *\nDisallow: /\n",
			checks: []check{{"/", false}, {"/x", false}, {"/robots.txt", true}},
		},
		{
			name:   "rules before any user-agent are ignored",
			file:   "Disallow: /\nUser-agent: *\nDisallow: /x\n",
			checks: []check{{"/", true}, {"/x", false}},
		},
		{
			name:   "comments, CRLF, BOM, spacing and unknown keys",
			file:   "\xEF\xBB\xBF# hello\r\nUser-Agent : * # all\r\nSitemap: https://example.com/s.xml\r\n  Disallow :   /tmp/   # temp\r\nfoo bar\r\n",
			checks: []check{{"/tmp/a", false}, {"/tmpx", true}},
		},
		{
			name: "percent-encoding normalised",
			file: "User-agent: *\nDisallow: /%7Euser/\nDisallow: /caf%c3%a9\nDisallow: /a%2fb\n",
			checks: []check{
				{"/~user/page", false}, {"/%7euser/page", false},
				{"/caf%C3%A9/menu", false}, {"/café", false},
				{"/a%2Fb", false}, {"/a/b", true},
			},
		},
		{
			name:   "a user-agent after rules starts a new group",
			file:   "User-agent: a\nDisallow: /a\nUser-agent: *\nDisallow: /star\n",
			checks: []check{{"/a", true}, {"/star", false}},
		},
	}
	for _, tt := range tests {
		r := ParseRobots([]byte(tt.file), "parallax")
		for _, c := range tt.checks {
			if got := r.Allowed(c.path); got != c.allowed {
				t.Errorf("%s: Allowed(%q) = %v, want %v", tt.name, c.path, got, c.allowed)
			}
		}
	}
}

func TestCrawlDelay(t *testing.T) {
	tests := []struct {
		file string
		want time.Duration
	}{
		{"User-agent: *\nCrawl-delay: 2\n", 2 * time.Second},
		{"User-agent: *\nCrawl-delay: 0.5\n", 500 * time.Millisecond},
		{"User-agent: *\nCrawl-delay: soon\n", 0},
		{"User-agent: *\nCrawl-delay: -3\n", 0},
		{"User-agent: *\nCrawl-delay: 1e300\n", 86400 * time.Second},
		{"User-agent: other\nCrawl-delay: 9\n", 0},
		{"User-agent: parallax\nCrawl-delay: 3\nUser-agent: *\nCrawl-delay: 9\n", 3 * time.Second}, // our group, not *
	}
	for _, tt := range tests {
		if got := ParseRobots([]byte(tt.file), "parallax").CrawlDelay(); got != tt.want {
			t.Errorf("CrawlDelay of %q = %v, want %v", tt.file, got, tt.want)
		}
	}
	var nilRobots *Robots
	if !nilRobots.Allowed("/x") || nilRobots.CrawlDelay() != 0 {
		t.Error("a nil *Robots must allow everything")
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pat, s string
		want   bool
	}{
		{"*", "", true},
		{"/a*", "/a", true},
		{"/a*", "/abc", true},
		{"/a", "/abc", false},
		{"/a*c", "/abbbc", true},
		{"/a*c", "/abbbd", false},
		{"/*/b*", "/x/y/b/z", true},
		{"*a*a*a*a*a*a*b", strings.Repeat("a", 200), false},
	}
	for _, tt := range tests {
		if got := glob(tt.pat, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pat, tt.s, got, tt.want)
		}
	}
}

func TestRobotsIgnoresBytesPastLimit(t *testing.T) {
	file := "User-agent: *\n" + strings.Repeat("# padding\n", MaxRobotsBytes/10) + "Disallow: /late\n"
	if !ParseRobots([]byte(file), "parallax").Allowed("/late") {
		t.Error("a rule past MaxRobotsBytes was applied")
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /private\nAllow: /private/ok$\nCrawl-delay: 1"), "/private/x")
	f.Add([]byte("user-agent: parallax\ndisallow: /*.pdf$\n"), "/a.pdf")
	f.Add([]byte("User-agent: *\nDisallow: /%7E%zz%\n"), "/~%")
	f.Add([]byte("\xEF\xBB\xBFUser-agent:*\r\nDisallow:/\r"), "/")
	f.Fuzz(func(t *testing.T, file []byte, path string) {
		r := ParseRobots(file, "parallax")
		got := r.Allowed(path)
		if got != r.Allowed(path) {
			t.Fatal("Allowed is not deterministic")
		}
		if !r.Allowed("/robots.txt") {
			t.Fatal("/robots.txt must always be allowed")
		}
		if r.CrawlDelay() < 0 || r.CrawlDelay() > 86400*time.Second {
			t.Fatalf("crawl delay out of range: %v", r.CrawlDelay())
		}
		for _, ru := range r.rules {
			if ru.allow {
				continue
			}
			return // a Disallow rule exists: anything may be refused
		}
		if !got {
			t.Fatalf("%q refused with no Disallow rule", path)
		}
	})
}
