// Package feed polls live sources — RSS 1.0 and 2.0, Atom and JSON Feed —
// and turns their new items into articles.
//
// A Poller takes the sources that are due from the store, fetches each feed
// with a conditional GET (the validators of the last answer are kept per
// source), fetches the page of every item not seen before and hands it to
// the pipeline to clean and store; when a page cannot be had, the item's own
// text is used if there is enough of it. Failed polls are retried after an
// exponential backoff with jitter, kept in the store. All requests go
// through package fetch, which refuses internal addresses, honours
// robots.txt and spaces the requests to each host.
//
// Parsing, backoff and the choice of what to fetch are pure functions; the
// Poller is the I/O around them.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	GUID      string // as given; may be empty
	Link      string // absolute http(s) URL of the item's page; empty when none
	Title     string
	Author    string
	Published time.Time // zero when the feed gives none
	Content   string    // the item's HTML: its full content, else its description
}

// Key identifies the item within its feed: its GUID, else its link, else
// a hash of its title and content.
func (it Item) Key() string {
	switch {
	case it.GUID != "":
		return it.GUID
	case it.Link != "":
		return it.Link
	}
	sum := sha256.Sum256([]byte(it.Title + "\x00" + it.Content))
	return "sha256:" + hex.EncodeToString(sum[:12])
}

// Parse reads a feed (RSS, Atom or JSON Feed, detected from the content).
// Relative item links are resolved against base, the feed's URL; links that
// are not http(s) are dropped.
func Parse(b []byte, base string) (Feed, error) {
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	baseURL, _ := url.Parse(base)
	f := Feed{Title: clip(strings.TrimSpace(gf.Title), 300)}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		it := Item{
			GUID:    clip(strings.TrimSpace(gi.GUID), 2000),
			Link:    resolveLink(baseURL, gi.Link),
			Title:   clip(strings.TrimSpace(gi.Title), 1000),
			Author:  authors(gi),
			Content: gi.Content,
		}
		if it.Content == "" {
			it.Content = gi.Description
		}
		if gi.PublishedParsed != nil {
			it.Published = gi.PublishedParsed.UTC()
		} else if gi.UpdatedParsed != nil {
			it.Published = gi.UpdatedParsed.UTC()
		}
		if it.Link == "" && it.GUID != "" {
			// RSS GUIDs are often the permalink.
			it.Link = resolveLink(nil, it.GUID) // only when absolute: "12345" is no link
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// resolveLink returns link as an absolute http(s) URL without its fragment,
// or "" when it is not one.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || len(link) > 4000 {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// authors joins the item's author names.
func authors(gi *gofeed.Item) string {
	var names []string
	for _, p := range gi.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && gi.Author != nil {
		names = append(names, strings.TrimSpace(gi.Author.Name))
	}
	return clip(strings.Join(names, ", "), 300)
}

// clip cuts s to at most n bytes, on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
