package brief

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/text"
)

// source is a group of articles that count as one independent source.
type source struct {
	docs    []int
	reasons []string
}

// groupSources puts the story's articles into independent sources. Two
// articles are one source when they
//
//   - name the same outlet, or the same wire service (an outlet named like
//     a wire, "AFP", joins the wire's copies);
//   - carry the same byline (one reporter's work is one piece of reporting,
//     wherever it is published);
//   - are a copy or rewrite of each other (Input.Reuse), directly or
//     through other articles.
//
// An article with no outlet, wire, byline or reuse link is a source of its
// own: it cannot be shown to depend on another, so it is counted, and its
// Source says why ("outlet unknown").
func (s *story) groupSources() {
	uf := newUnionFind(len(s.docs))
	why := map[int][]string{} // doc -> reasons it joined others
	union := func(a, b int, reason string) {
		why[a] = append(why[a], reason)
		why[b] = append(why[b], reason)
		uf.union(a, b)
	}
	first := map[string]int{}
	link := func(i int, key, reason string) {
		if j, ok := first[key]; ok {
			union(j, i, reason)
			return
		}
		first[key] = i
	}
	for i, d := range s.docs {
		a := d.a
		if o := text.Fold(a.Outlet); o != "" {
			link(i, "org:"+o, "same outlet "+a.Outlet)
		}
		if w := text.Fold(a.Wire); w != "" {
			link(i, "org:"+w, "same wire credit "+a.Wire)
		}
		if b := text.Fold(a.Byline); b != "" && b != text.Fold(a.Wire) {
			link(i, "byline:"+b, "same byline "+a.Byline)
		}
	}
	for _, r := range s.in.Reuse {
		i, ok1 := s.byID[r.Article]
		j, ok2 := s.byID[r.From]
		if !ok1 || !ok2 || i == j || r.Shared < s.opt.MinShared {
			continue
		}
		union(i, j, fmt.Sprintf("%s reuses %s (shared %.2f)", r.Article, r.From, r.Shared))
	}
	index := map[int]int{}
	for i := range s.docs {
		root := uf.find(i)
		k, ok := index[root]
		if !ok {
			k = len(s.sources)
			index[root] = k
			s.sources = append(s.sources, source{})
		}
		src := &s.sources[k]
		src.docs = append(src.docs, i)
		s.docs[i].source = k
		for _, r := range why[i] {
			src.reasons = appendUnique(src.reasons, r)
		}
	}
	for k := range s.sources {
		src := &s.sources[k]
		if len(src.docs) == 1 && len(src.reasons) == 0 {
			a := s.docs[src.docs[0]].a
			if strings.TrimSpace(a.Outlet) == "" {
				src.reasons = []string{"outlet unknown: counted as a source of its own"}
			} else {
				src.reasons = []string{"the only article from " + a.Outlet}
			}
		}
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// sourcesOut renders the sources for the brief.
func (s *story) sourcesOut() []Source {
	out := make([]Source, len(s.sources))
	for k, src := range s.sources {
		o := Source{ID: sourceID(k), Reason: strings.Join(src.reasons, "; ")}
		for _, di := range src.docs {
			a := s.docs[di].a
			o.Articles = append(o.Articles, a.ID)
			o.Labels = appendUnique(o.Labels, s.docs[di].label)
			if a.Wire != "" {
				o.Labels = appendUnique(o.Labels, a.Wire)
			}
		}
		out[k] = o
	}
	return out
}

func sourceID(k int) string { return fmt.Sprintf("s%d", k+1) }
