package web

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

func TestParsePeriod(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in         string
		start, end time.Time
		ok         bool
	}{
		{"2022-12-16", d(2022, 12, 16), d(2022, 12, 17), true},
		{"2022-W49", d(2022, 12, 5), d(2022, 12, 12), true},
		{"2020-W53", d(2020, 12, 28), d(2021, 1, 4), true},
		{"2021-W53", time.Time{}, time.Time{}, false}, // 2021 has 52 ISO weeks
		{"2022-11", d(2022, 11, 1), d(2022, 12, 1), true},
		{"2022-spring", d(2022, 3, 1), d(2022, 6, 1), true},
		{"2022-winter", d(2022, 12, 1), d(2023, 3, 1), true},
		{"2022", d(2022, 1, 1), d(2023, 1, 1), true},
		{"1980s", d(1980, 1, 1), d(1990, 1, 1), true},
		{"1985s", time.Time{}, time.Time{}, false},
		{"2022-13", time.Time{}, time.Time{}, false},
		{"2022-monsoon", time.Time{}, time.Time{}, false},
		{"yesterday", time.Time{}, time.Time{}, false},
		{"", time.Time{}, time.Time{}, false},
	}
	for _, tc := range tests {
		start, end, ok := parsePeriod(tc.in)
		if ok != tc.ok || !start.Equal(tc.start) || !end.Equal(tc.end) {
			t.Errorf("parsePeriod(%q) = %v, %v, %v; want %v, %v, %v", tc.in, start, end, ok, tc.start, tc.end, tc.ok)
		}
	}
}

func TestTimelineChart(t *testing.T) {
	events := []eventRow{
		{N: 1, Date: "1980s", Text: "close ties"},
		{N: 2, Date: "2022-02", Text: "the invasion"},
		{N: 3, Date: "2022-spring", Text: "pilots trained"},
		{N: 4, Date: "2022-12-16", Text: "Burns spoke"},
		{N: 5, Date: "2022-12-16", Text: "the same day"},
		{N: 6, Date: "2022-12-18", Text: "Iran answered"},
		{N: 7, Date: "sometime", Text: "not on the chart"},
	}
	c := timelineChart(events)
	if c == nil {
		t.Fatal("no chart")
	}
	axes, breaks := 0, 0
	for _, l := range c.Lines {
		switch l.Class {
		case "axis":
			axes++
		case "axis-break":
			breaks++
		}
	}
	// The 1980s, February to May 2022, and December 2022: three stretches
	// of axis, two breaks (drawn with two strokes each).
	if axes != 3 || breaks != 4 {
		t.Errorf("%d axis stretches and %d break strokes, want 3 and 4", axes, breaks)
	}
	if len(c.Dots) != 3 || len(c.Pills) != 3 {
		t.Errorf("%d dots and %d pills, want 3 days and 3 periods", len(c.Dots), len(c.Pills))
	}
	type box struct{ x0, x1, y float64 }
	var boxes []box
	for _, d := range c.Dots {
		boxes = append(boxes, box{d.X - tlR, d.X + tlR, d.Y})
	}
	for _, p := range c.Pills {
		boxes = append(boxes, box{p.X, p.X + p.W, p.Y})
	}
	for i, a := range boxes {
		if a.x0 < 0 || a.x1 > float64(c.W) || a.y < 0 || a.y > float64(c.H) {
			t.Errorf("mark %d outside the chart: %+v in %dx%d", i, a, c.W, c.H)
		}
		for _, b := range boxes[i+1:] {
			if a.y == b.y && a.x0 < b.x1 && b.x0 < a.x1 {
				t.Errorf("marks overlap: %+v and %+v", a, b)
			}
		}
	}
	if timelineChart(events[6:]) != nil {
		t.Error("a chart without any readable date")
	}
}

func TestCoverageChart(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	arts := []article.Article{
		{ID: "a", Outlet: "Wire", Published: day("2022-12-18")},
		{ID: "b", Outlet: "Wire", Published: day("2022-12-18")},
		{ID: "c", Outlet: "Daily", Published: day("2022-12-20")},
		{ID: "d"},
	}
	s := &storyDoc{
		ID: "s", Articles: []string{"a", "b", "c", "d"},
		Facts: []factDoc{{ID: "f1", Articles: []string{"a", "c"}}, {ID: "f2", Articles: []string{"d"}}, {ID: "f3", Articles: []string{"b"}}},
	}
	pages, err := parsePages(nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := buildStoryView(s, arts, storyMain, pages["story"])
	if err != nil {
		t.Fatal(err)
	}
	c := v.Coverage
	if c == nil {
		t.Fatal("no chart")
	}
	rows := map[string]string{}
	for _, tx := range c.Texts {
		if tx.Class == "row-name" {
			rows[tx.Text] = tx.Title
		}
	}
	want := map[string]string{
		"Wire":               "Wire: 2 articles, carries 2 of 3 facts",
		"Daily":              "Daily: 1 article, carries 1 of 3 facts",
		"Unknown outlet [4]": "Unknown outlet [4]: 1 article, carries 1 of 3 facts",
	}
	for name, title := range want {
		if rows[name] != title {
			t.Errorf("row %q: %q, want %q", name, rows[name], title)
		}
	}
	if len(c.Dots) != 4 {
		t.Fatalf("%d article dots, want 4", len(c.Dots))
	}
	// The two Wire articles of the same day sit side by side; the undated
	// one in the undated column, right of the dated ones.
	if c.Dots[0].Y != c.Dots[1].Y || c.Dots[0].X == c.Dots[1].X {
		t.Errorf("same-day dots %+v and %+v", c.Dots[0], c.Dots[1])
	}
	if c.Dots[3].X != cvUndated || c.Dots[2].X >= cvUndated {
		t.Errorf("undated dot at %v, dated at %v", c.Dots[3].X, c.Dots[2].X)
	}
}

// TestNum checks that the charts print numbers as fmt does (as a template
// action would print a float64).
func TestNum(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 14, 253.3, 0.1, -2.5, 999999, 1e6, -1e6, 1234567.8, 1e21, 1e-5, math.NaN(), math.Inf(1), math.MaxInt64} {
		if got, want := num(x), fmt.Sprint(x); got != want {
			t.Errorf("num(%v) = %q, want %q", x, got, want)
		}
	}
}
