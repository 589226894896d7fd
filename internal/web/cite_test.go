package web

import (
	"strings"
	"testing"

	"github.com/parallax-news/parallax/internal/article"
)

// TestCites checks the citation lists put together from the "cite"
// template's pieces: members in story order, each once, then the others,
// whose IDs are escaped like any text; on another page they link back to
// the story page.
func TestCites(t *testing.T) {
	pages, err := parsePages(nil)
	if err != nil {
		t.Fatal(err)
	}
	s := &storyDoc{ID: "s 1", Articles: []string{"a", "b", "c"}}
	arts := []article.Article{{ID: "a", Outlet: "Wire"}, {ID: "b"}, {ID: "c", Outlet: "Wire"}}
	c := newCiter(s, arts, pages["story"])
	tests := []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{"c", "a", "c"}, `<span class="cites"><a class="cite" href="#a1">[1]</a><a class="cite" href="#a3">[3]</a></span>`},
		{[]string{`x"><script>alert(1)</script>`, "b"}, `<span class="cites"><a class="cite" href="#a2">[2]</a>` +
			`<span class="cite unknown">[x&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;]</span></span>`},
	}
	for _, tc := range tests {
		if got := string(c.cites(tc.ids)); got != tc.want {
			t.Errorf("cites(%q) = %s, want %s", tc.ids, got, tc.want)
		}
	}
	if got, want := string(c.member("b")), `<a class="cite" href="#a2">[2]</a>`; got != want {
		t.Errorf("member(b) = %s, want %s", got, want)
	}
	if got := c.member("zz"); got != "" {
		t.Errorf("member of a non-member = %s", got)
	}

	other := newCiter(s, arts, pages["section"])
	other.base = StoryPath(s.ID)
	if got, want := string(other.cites([]string{"a"})), `<span class="cites"><a class="cite" href="/stories/s%201#a1">[1]</a></span>`; got != want {
		t.Errorf("on the facts page: %s, want %s", got, want)
	}
	if c.err != nil || other.err != nil {
		t.Fatal(c.err, other.err)
	}
}

// TestChartMarkup checks that the attributes and marks charts print
// themselves come out escaped even if text ever reached them.
func TestChartMarkup(t *testing.T) {
	hostile := `"><script>alert(1)</script>`
	c := (&chart{
		W: 10, H: 20,
		Lines: []svgLine{{X1: 1, Y1: 2.5, X2: 1e6, Y2: -0.1, Class: hostile}},
		Bars:  []svgBar{{X: 1, Y: 2, W: 3, Fill: hostile}},
		Pills: []svgPill{{X: 1, Y: 2, W: 3, LX: 1.5, Href: hostile, Label: hostile}},
		Dots:  []svgDot{{X: 1, Y: 2, Fill: hostile, Href: "#a1", Label: "1"}},
		Texts: []svgText{{X: 1, Y: 2, Class: hostile}},
	}).finish()
	var all []string
	all = append(all, string(c.Size), string(c.Lines[0].Attrs), string(c.Bars[0].Attrs), string(c.Pills[0].Attrs), string(c.Pills[0].Mark),
		string(c.Dots[0].Attrs), string(c.Dots[0].Mark), string(c.Texts[0].Attrs))
	for _, s := range all {
		if strings.Contains(s, "<script") || strings.Contains(s, `"><`) {
			t.Errorf("unescaped: %s", s)
		}
	}
	if got, want := string(c.Lines[0].Attrs), `x1="1" y1="2.5" x2="1e&#43;06" y2="-0.1" class="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`; got != want {
		t.Errorf("line: %s, want %s", got, want)
	}
	if got, want := string(c.Dots[0].Attrs)+string(c.Dots[0].Mark), `href="#a1" transform="translate(1 2)"`+
		`<circle r="11" fill="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" class="dot"/><text y="4" class="mark-label">1</text>`; got != want {
		t.Errorf("dot: %s, want %s", got, want)
	}
}
