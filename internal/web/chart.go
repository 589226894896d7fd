package web

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// chart is an SVG picture as shapes with coordinates; the template draws
// it (escaping every text), styled by presentation attributes and CSS
// classes only, so that it needs no inline style.
//
// Each shape's attributes (coordinates, this file's classes and colours,
// #anchors) and its numbered mark are printed by finish into Attrs and
// Mark, so that the template prints a shape with one action or two
// rather than one per number. They hold only numbers and this file's
// constants, never text from the store: titles and labels stay template
// actions, escaped by html/template.
type chart struct {
	W, H  int
	Label string // the accessible name
	Size  template.HTMLAttr
	Lines []svgLine
	Bars  []svgBar
	Pills []svgPill
	Dots  []svgDot
	Texts []svgText
}

type svgLine struct {
	X1, Y1, X2, Y2 float64
	Class          string
	Attrs          template.HTMLAttr
}

// svgDot is a numbered circle linking to an anchor.
type svgDot struct {
	X, Y              float64
	Fill, Href, Title string
	Label             string
	Attrs             template.HTMLAttr // href and position
	Mark              template.HTML     // the circle and its number
}

// svgPill is a numbered bar over a stretch of time, linking to an anchor.
type svgPill struct {
	X, Y, W, LX float64 // LX is the label's x, relative to X
	Href, Title string
	Label       string
	Attrs       template.HTMLAttr // href and position
	Mark        template.HTML     // the bar and its number
}

// svgBar is a plain bar with a tooltip.
type svgBar struct {
	X, Y, W     float64
	Fill, Title string
	Attrs       template.HTMLAttr
}

// svgText is a label; its class sets its size and anchor (CSS).
type svgText struct {
	X, Y        float64
	Class       string
	Text, Title string
	Attrs       template.HTMLAttr // position and class
}

// finish prints the shapes' attributes and marks (see chart).
func (c *chart) finish() *chart {
	c.Size = attrs("viewBox", "0 0 "+itoa(c.W)+" "+itoa(c.H), "width", itoa(c.W), "height", itoa(c.H))
	for i := range c.Lines {
		l := &c.Lines[i]
		l.Attrs = attrs("x1", num(l.X1), "y1", num(l.Y1), "x2", num(l.X2), "y2", num(l.Y2), "class", l.Class)
	}
	for i := range c.Bars {
		b := &c.Bars[i]
		b.Attrs = attrs("x", num(b.X), "y", num(b.Y), "width", num(b.W), "height", "14", "rx", "3", "fill", b.Fill)
	}
	for i := range c.Pills {
		p := &c.Pills[i]
		p.Attrs = attrs("href", p.Href, "transform", "translate("+num(p.X)+" "+num(p.Y)+")")
		p.Mark = template.HTML(`<rect y="-11" width="` + attrValue(num(p.W)) + `" height="22" rx="11" fill="#9dbfe3" class="pill"/>` +
			`<text x="` + attrValue(num(p.LX)) + `" y="4" class="mark-label pill-label">` + attrValue(p.Label) + `</text>`)
	}
	for i := range c.Dots {
		d := &c.Dots[i]
		d.Attrs = attrs("href", d.Href, "transform", "translate("+num(d.X)+" "+num(d.Y)+")")
		d.Mark = template.HTML(`<circle r="11" fill="` + attrValue(d.Fill) + `" class="dot"/>` +
			`<text y="4" class="mark-label">` + attrValue(d.Label) + `</text>`)
	}
	for i := range c.Texts {
		t := &c.Texts[i]
		t.Attrs = attrs("x", num(t.X), "y", num(t.Y), "class", t.Class)
	}
	return c
}

// num prints a coordinate as fmt (and so a template action) would; most
// are whole numbers, printed without the float formatter.
func num(x float64) string {
	if i := int(x); float64(i) == x && i > -1e6 && i < 1e6 && (i != 0 || !math.Signbit(x)) {
		return strconv.Itoa(i)
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}

// attrs prints name="value" pairs, each value escaped as html/template
// escapes a quoted attribute value.
func attrs(kv ...string) template.HTMLAttr {
	n := 0
	for _, s := range kv {
		n += len(s) + 2
	}
	var b strings.Builder
	b.Grow(n)
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(kv[i])
		b.WriteString(`="`)
		b.WriteString(attrValue(kv[i+1]))
		b.WriteByte('"')
	}
	return template.HTMLAttr(b.String())
}

// attrValue escapes s as html/template's attribute escaper does, for
// the numbers and tokens the charts print (which need none of it).
func attrValue(s string) string { return attrEscaper.Replace(s) }

var attrEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

func r1(x float64) float64 { return math.Round(x*10) / 10 }

// Timeline chart geometry.
const (
	tlWidth  = 760
	tlMargin = 16
	tlBreak  = 28  // the gap drawn between two stretches of time
	tlJoin   = 120 // days: events closer than this share one stretch of the axis
	tlLane   = 28
	tlR      = 11
)

// tlMark is a timeline event placed in time.
type tlMark struct {
	n          int
	start, end time.Time
	day        bool
	title      string
	seg, lane  int
	x0, x1     float64
}

// timelineSegment is one stretch of the broken time axis.
type timelineSegment struct {
	start, end time.Time
	count      int
	x, w       float64
}

// timelineChart draws the dated events on a time axis broken where long
// gaps lie between them (a 1980s event and last week's do not squeeze
// each other into dots). A day is a numbered circle, a vaguer period a
// numbered bar over its span; each links to its entry in the list.
func timelineChart(events []eventRow) *chart {
	var marks []tlMark
	for _, e := range events {
		start, end, ok := parsePeriod(e.Date)
		if !ok {
			continue
		}
		marks = append(marks, tlMark{n: e.N, start: start, end: end, day: end.Sub(start) <= 24*time.Hour,
			title: e.Date + ": " + e.Text})
	}
	if len(marks) == 0 {
		return nil
	}
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].start.Before(marks[j].start) })
	segs := timelineSegments(marks)
	c := &chart{W: tlWidth, Label: fmt.Sprintf("Timeline of %d dated events", len(marks))}
	lanes := placeTimelineMarks(marks, segs)
	axisY := float64(12 + lanes*tlLane + 8)
	for i := range marks {
		c.timelineMark(&marks[i], axisY)
	}
	for i, s := range segs {
		c.Lines = append(c.Lines, svgLine{X1: r1(s.x), Y1: axisY, X2: r1(s.x + s.w), Y2: axisY, Class: "axis"})
		c.Texts = append(c.Texts, svgText{X: r1(s.x + s.w/2), Y: axisY + 34, Class: "axis-label", Text: segmentLabel(s.start, s.end)})
		if i > 0 { // a break: two slashes between stretches
			bx := s.x - tlBreak/2
			for _, dx := range []float64{-3, 3} {
				c.Lines = append(c.Lines, svgLine{X1: r1(bx + dx - 3), Y1: axisY + 6, X2: r1(bx + dx + 3), Y2: axisY - 6, Class: "axis-break"})
			}
		}
	}
	c.Texts = append(c.Texts, dayTicks(marks, segs, axisY)...)
	c.H = int(axisY) + 44
	return c.finish()
}

// timelineSegments splits the sorted marks into stretches of time and
// gives each a share of the width by how many events it holds.
func timelineSegments(marks []tlMark) []timelineSegment {
	var segs []timelineSegment
	for i := range marks {
		m := &marks[i]
		if n := len(segs); n > 0 && !m.start.After(segs[n-1].end.AddDate(0, 0, tlJoin)) {
			s := &segs[n-1]
			if m.end.After(s.end) {
				s.end = m.end
			}
			s.count++
			m.seg = n - 1
			continue
		}
		segs = append(segs, timelineSegment{start: m.start, end: m.end, count: 1})
		m.seg = len(segs) - 1
	}
	avail := float64(tlWidth-2*tlMargin) - float64(len(segs)-1)*tlBreak
	total := 0.0
	for _, s := range segs {
		total += float64(s.count) + 1
	}
	x := float64(tlMargin)
	for i := range segs {
		segs[i].x = x
		segs[i].w = avail * (float64(segs[i].count) + 1) / total
		x += segs[i].w + tlBreak
	}
	return segs
}

// placeTimelineMarks gives each mark its x extent and a lane (stacked
// upwards where marks would overlap), returning the number of lanes.
func placeTimelineMarks(marks []tlMark, segs []timelineSegment) int {
	for i := range marks {
		m := &marks[i]
		s := segs[m.seg]
		pad := float64(tlR + 4)
		inner := s.w - 2*pad
		pos := func(t time.Time) float64 {
			span := s.end.Sub(s.start).Seconds()
			return s.x + pad + inner*t.Sub(s.start).Seconds()/span
		}
		if m.day {
			mid := pos(m.start.Add(12 * time.Hour))
			m.x0, m.x1 = mid-tlR, mid+tlR
			continue
		}
		m.x0, m.x1 = pos(m.start), pos(m.end)
		if m.x1-m.x0 < 2*tlR+4 {
			mid := (m.x0 + m.x1) / 2
			m.x0, m.x1 = mid-tlR-2, mid+tlR+2
		}
	}
	order := make([]int, len(marks))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return marks[order[a]].x0 < marks[order[b]].x0 })
	var laneEnd []float64
	for _, i := range order {
		m := marks[i]
		l := 0
		for l < len(laneEnd) && laneEnd[l] > m.x0-3 {
			l++
		}
		if l == len(laneEnd) {
			laneEnd = append(laneEnd, 0)
		}
		laneEnd[l] = m.x1
		marks[i].lane = l
	}
	return max(len(laneEnd), 1)
}

func (c *chart) timelineMark(m *tlMark, axisY float64) {
	y := r1(axisY - 20 - float64(m.lane*tlLane))
	href, label := fmt.Sprintf("#t%d", m.n), fmt.Sprint(m.n)
	if m.day {
		c.Dots = append(c.Dots, svgDot{X: r1((m.x0 + m.x1) / 2), Y: y, Fill: "#2f6fb2", Href: href, Title: m.title, Label: label})
		return
	}
	w := r1(m.x1 - m.x0)
	c.Pills = append(c.Pills, svgPill{X: r1(m.x0), Y: y, W: w, LX: r1(w / 2), Href: href, Title: m.title, Label: label})
}

// dayTicks labels the days of day-precision events under the axis, in
// stretches shorter than two months.
func dayTicks(marks []tlMark, segs []timelineSegment, axisY float64) []svgText {
	var out []svgText
	last := map[int]float64{}
	sorted := append([]tlMark(nil), marks...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].x0 < sorted[j].x0 })
	for _, m := range sorted {
		seg := m.seg
		s := segs[seg]
		if !m.day || s.end.Sub(s.start) > 62*24*time.Hour {
			continue
		}
		x := (m.x0 + m.x1) / 2
		if prev, ok := last[seg]; ok && x-prev < 16 {
			continue
		}
		last[seg] = x
		out = append(out, svgText{X: r1(x), Y: axisY + 16, Class: "tick", Text: fmt.Sprint(m.start.Day())})
	}
	return out
}

// segmentLabel names a stretch of time [start, end) briefly.
func segmentLabel(start, end time.Time) string {
	last := end.AddDate(0, 0, -1)
	switch {
	case end.Sub(start) >= 3*365*24*time.Hour:
		return fmt.Sprintf("%d–%d", start.Year(), last.Year())
	case start.Year() == last.Year() && start.Month() == last.Month():
		if start.Day() == last.Day() {
			return start.Format("2 January 2006")
		}
		if end.Sub(start) >= 28*24*time.Hour {
			return start.Format("January 2006")
		}
		return fmt.Sprintf("%d–%s", start.Day(), last.Format("2 January 2006"))
	case start.Year() == last.Year():
		return start.Format("Jan") + "–" + last.Format("Jan 2006")
	}
	return start.Format("Jan 2006") + " – " + last.Format("Jan 2006")
}

// Coverage chart geometry.
const (
	cvWidth   = 760
	cvNameW   = 186
	cvPlotL   = 200
	cvPlotR   = 520
	cvUndated = 556
	cvBarL    = 600
	cvBarW    = 120
	cvTop     = 30
	cvRow     = 32
	cvR       = 11
)

// coverageGroup is one row of the coverage chart: an outlet, or one
// article of unknown outlet.
type coverageGroup struct {
	name, color string
	rows        []articleRow
}

// coverageChart draws, per outlet, when each of its articles appeared
// (a numbered dot per article on a day axis; undated ones in a column of
// their own) and how many of the story's facts it carries.
func coverageChart(s *storyDoc, arts []articleRow) *chart {
	if len(arts) == 0 {
		return nil
	}
	var groups []*coverageGroup
	index := map[string]*coverageGroup{}
	for _, a := range arts {
		key, name := a.Outlet, a.Outlet
		if key == "" {
			key, name = "article "+a.ID, fmt.Sprintf("Unknown outlet [%d]", a.N)
		}
		g := index[key]
		if g == nil {
			g = &coverageGroup{name: name, color: a.Color}
			index[key] = g
			groups = append(groups, g)
		}
		g.rows = append(g.rows, a)
	}
	first, last, undated := dateRange(arts)
	plotR := float64(cvPlotR)
	if !undated {
		plotR = cvUndated
	}
	days := 1
	if !first.IsZero() {
		days = int(last.Sub(first).Hours()/24) + 1
	}
	if days < 3 { // room on both sides of one or two days
		first = first.AddDate(0, 0, -(3-days+1)/2)
		days = 3
	}
	xDay := func(t time.Time) float64 {
		return cvPlotL + (t.Sub(first).Hours()/24+0.5)/float64(days)*(plotR-cvPlotL)
	}
	h := cvTop + len(groups)*cvRow + 26
	ch := &chart{W: cvWidth, H: h, Label: fmt.Sprintf("Coverage: %d articles from %d outlets over time, and the facts each carries", len(arts), len(groups))}
	bottom := float64(cvTop + len(groups)*cvRow)
	ch.Texts = append(ch.Texts,
		svgText{X: r1((cvPlotL + plotR) / 2), Y: 14, Class: "col-head", Text: "published"},
		svgText{X: cvBarL, Y: 14, Class: "col-head start", Text: fmt.Sprintf("facts carried, of %d", len(s.Facts))})
	if undated {
		ch.Texts = append(ch.Texts, svgText{X: cvUndated, Y: 14, Class: "col-head", Text: "undated"})
		ch.Lines = append(ch.Lines, svgLine{X1: cvUndated - 20, Y1: cvTop - 6, X2: cvUndated - 20, Y2: bottom, Class: "grid"})
	}
	if !first.IsZero() {
		step := max(1, days/6)
		for d := 0; d < days; d += step {
			t := first.AddDate(0, 0, d)
			x := r1(xDay(t))
			ch.Lines = append(ch.Lines, svgLine{X1: x, Y1: cvTop - 6, X2: x, Y2: bottom, Class: "grid"})
			ch.Texts = append(ch.Texts, svgText{X: x, Y: bottom + 16, Class: "tick", Text: t.Format("2 Jan")})
		}
	}
	for i, g := range groups {
		y := float64(cvTop + i*cvRow + cvRow/2)
		ch.coverageRow(s, g, y, xDay)
	}
	return ch.finish()
}

func (ch *chart) coverageRow(s *storyDoc, g *coverageGroup, y float64, xDay func(time.Time) float64) {
	name := g.name
	if utf8.RuneCountInString(name) > 26 {
		name = string([]rune(name)[:25]) + "…"
	}
	ids := make([]string, len(g.rows))
	for i, a := range g.rows {
		ids[i] = a.ID
	}
	carried := factsCarried(s, ids)
	articles := "1 article"
	if len(g.rows) != 1 {
		articles = fmt.Sprintf("%d articles", len(g.rows))
	}
	summary := fmt.Sprintf("%s: %s, carries %d of %d facts", g.name, articles, carried, len(s.Facts))
	ch.Texts = append(ch.Texts, svgText{X: cvNameW, Y: y + 4, Class: "row-name", Text: name, Title: summary})
	taken := map[float64]int{}
	for _, a := range g.rows {
		x := float64(cvUndated)
		if t, err := time.Parse(time.DateOnly, a.Date); err == nil {
			x = xDay(t)
		}
		k := taken[x]
		taken[x]++
		x += float64(k) * (2*cvR + 3)
		title := fmt.Sprintf("[%d] %s", a.N, a.Title)
		if a.Date != "" {
			title += " (" + a.Date + ")"
		}
		ch.Dots = append(ch.Dots, svgDot{X: r1(x), Y: y, Fill: g.color, Href: fmt.Sprintf("#a%d", a.N), Title: title, Label: fmt.Sprint(a.N)})
	}
	ch.Bars = append(ch.Bars, svgBar{X: cvBarL, Y: y - 7, W: cvBarW, Fill: "#e8ecf1", Title: summary})
	if len(s.Facts) > 0 && carried > 0 {
		w := r1(float64(cvBarW) * float64(carried) / float64(len(s.Facts)))
		ch.Bars = append(ch.Bars, svgBar{X: cvBarL, Y: y - 7, W: max(w, 2), Fill: g.color, Title: summary})
	}
	ch.Texts = append(ch.Texts, svgText{X: cvBarL + cvBarW + 4, Y: y + 4, Class: "bar-label", Text: fmt.Sprint(carried)})
}

// dateRange returns the first and last publish days of the dated
// articles, and whether any is undated.
func dateRange(arts []articleRow) (first, last time.Time, undated bool) {
	for _, a := range arts {
		t, err := time.Parse(time.DateOnly, a.Date)
		if err != nil {
			undated = true
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	return first, last, undated
}

// factsCarried counts the story's facts that any of ids states.
func factsCarried(s *storyDoc, ids []string) int {
	n := 0
	for _, f := range s.Facts {
		for _, a := range f.Articles {
			if slices.Contains(ids, a) {
				n++
				break
			}
		}
	}
	return n
}
