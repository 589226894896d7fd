package report

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Formats that Write supports.
const (
	FormatText     = "text"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
)

// Write renders out to w in the given format.
func Write(w io.Writer, out *Output, format string) error {
	switch format {
	case FormatJSON:
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case FormatText, "":
		return writeDoc(w, out, textStyle)
	case FormatMarkdown, "md":
		return writeDoc(w, out, markdownStyle)
	}
	return fmt.Errorf("unknown format %q (want text, json or markdown)", format)
}

// style is how a document is marked up: terminal text or Markdown.
type style struct {
	markdown bool
	width    int
}

var (
	textStyle     = style{width: 100}
	markdownStyle = style{markdown: true}
)

// doc writes one output document, remembering the first write error.
type doc struct {
	w   io.Writer
	st  style
	err error
	// cite maps an article ID to its number within the current story.
	cite map[string]int
	// lines maps a storyline to the numbers of its stories in the output.
	lines map[string][]int
}

func (d *doc) printf(format string, args ...any) {
	if d.err == nil {
		_, d.err = fmt.Fprintf(d.w, format, args...)
	}
}

// para writes text wrapped to the style's width, each line after the first
// indented by indent (and the first by first).
func (d *doc) para(first, indent, text string) {
	text = d.clean(text)
	if d.st.width == 0 {
		d.printf("%s%s\n", first, text)
		return
	}
	line := first
	lineLen := utf8.RuneCountInString(first)
	empty := true
	for _, word := range strings.Fields(text) {
		n := utf8.RuneCountInString(word)
		if !empty && lineLen+1+n > d.st.width {
			d.printf("%s\n", line)
			line, lineLen, empty = indent, utf8.RuneCountInString(indent), true
		}
		if !empty {
			line += " "
			lineLen++
		}
		line += word
		lineLen += n
		empty = false
	}
	d.printf("%s\n", line)
}

func (d *doc) heading(level int, text string) {
	text = d.clean(text)
	if d.st.markdown {
		d.printf("\n%s %s\n\n", strings.Repeat("#", level), text)
		return
	}
	switch level {
	case 1:
		d.printf("%s\n%s\n", text, strings.Repeat("═", min(utf8.RuneCountInString(text), d.st.width)))
	case 2:
		d.printf("\n%s\n%s\n", text, strings.Repeat("─", min(utf8.RuneCountInString(text), d.st.width)))
	default:
		d.printf("\n  %s\n", strings.ToUpper(text))
	}
}

// refs renders citations of article IDs as [1, 3].
func (d *doc) refs(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	var nums []int
	var unknown []string
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if n, ok := d.cite[id]; ok {
			nums = append(nums, n)
		} else {
			unknown = append(unknown, id)
		}
	}
	sort.Ints(nums)
	parts := make([]string, 0, len(ids))
	for _, n := range nums {
		parts = append(parts, fmt.Sprint(n))
	}
	return "[" + strings.Join(append(parts, unknown...), ", ") + "]"
}

func writeDoc(w io.Writer, out *Output, st style) error {
	d := &doc{w: w, st: st}
	byID := make(map[string]*Article, len(out.Articles))
	for i := range out.Articles {
		byID[out.Articles[i].ID] = &out.Articles[i]
	}
	d.heading(1, fmt.Sprintf("Parallax: %s in %s", plural(len(out.Articles), "article"), plural(len(out.Stories), "story")))
	d.lines = make(map[string][]int)
	for i, s := range out.Stories {
		if s.Storyline != "" {
			d.lines[s.Storyline] = append(d.lines[s.Storyline], i+1)
		}
	}
	for i := range out.Stories {
		d.story(i+1, len(out.Stories), &out.Stories[i], byID)
	}
	return d.err
}

// storyline describes the storyline of story n: its ID, the other stories
// of the output in it, and why story n is in it.
func (d *doc) storyline(n int, s *Story) {
	text := "Storyline " + s.Storyline
	var others []string
	for _, m := range d.lines[s.Storyline] {
		if m != n {
			others = append(others, fmt.Sprint(m))
		}
	}
	switch len(others) {
	case 0:
	case 1:
		text += ", with story " + others[0]
	default:
		text += ", with stories " + strings.Join(others, ", ")
	}
	d.para(d.indent(), d.indent(), text)
	if s.StorylineWhy.Reason != "" {
		d.para(d.indent()+"why: ", d.indent()+"     ", s.StorylineWhy.Reason)
	}
}

func (d *doc) story(n, total int, s *Story, byID map[string]*Article) {
	title := s.Title
	if title == "" {
		title = "(untitled story)"
	}
	d.heading(2, fmt.Sprintf("Story %d of %d: %s", n, total, title))
	meta := []string{plural(len(s.Articles), "article")}
	if s.First != nil {
		span := *s.First
		if s.Last != nil && *s.Last != *s.First {
			span += " to " + *s.Last
		}
		meta = append(meta, span)
	}
	meta = append(meta, outletList(s, byID))
	d.para(d.indent(), d.indent(), strings.Join(meta, " · "))
	if s.Storyline != "" {
		d.storyline(n, s)
	}

	d.cite = make(map[string]int, len(s.Articles))
	for i, id := range s.Articles {
		d.cite[id] = i + 1
	}
	d.articles(s, byID)
	if len(s.Summary) > 0 {
		d.heading(3, "Summary")
		for _, sen := range s.Summary {
			d.bullet(sen.Text + " " + d.refs(sen.Articles))
		}
	}
	d.facts(s)
	d.quotes(s)
	d.entities(s)
	d.timeline(s)
	d.framing(s)
}

func (d *doc) indent() string {
	if d.st.markdown {
		return ""
	}
	return "  "
}

func (d *doc) bullet(text string) {
	if d.st.markdown {
		d.para("- ", "  ", text)
		return
	}
	d.para("  • ", "    ", text)
}

// articles lists the story's articles with their numbers, dates, outlets
// and why each joined.
func (d *doc) articles(s *Story, byID map[string]*Article) {
	d.heading(3, "Articles")
	why := make(map[string]Why, len(s.Why))
	for _, w := range s.Why {
		why[w.Article] = w
	}
	for i, id := range s.Articles {
		a := byID[id]
		if a == nil {
			continue
		}
		date := "undated"
		if a.Published != nil {
			date = *a.Published
		}
		outlet := a.Outlet
		if outlet == "" {
			outlet = "unknown outlet"
		}
		title := a.Title
		if title == "" {
			title = firstWords(a.Text, 12)
		}
		by := ""
		if a.Byline != "" {
			by = " — by " + a.Byline
		}
		if d.st.markdown {
			d.printf("%d. **%s** · %s · %s%s  \n   %s", i+1, d.clean(title), d.clean(outlet), date, d.clean(by), codeSpan(a.Source))
			if w, ok := why[id]; ok && w.Reason != "" {
				d.printf("  \n   _%s_", d.clean(w.Reason))
			}
			d.printf("\n")
			continue
		}
		d.para(fmt.Sprintf("  [%d] ", i+1), "      ", fmt.Sprintf("%s · %s · %s%s", title, outlet, date, by))
		d.para("      ", "      ", a.Source)
		if w, ok := why[id]; ok && w.Reason != "" {
			d.para("      why: ", "      ", w.Reason)
		}
	}
}

func outletList(s *Story, byID map[string]*Article) string {
	unknown := 0
	for _, id := range s.Articles {
		if a := byID[id]; a != nil && a.Outlet == "" {
			unknown++
		}
	}
	parts := append([]string(nil), s.Outlets...)
	if unknown > 0 {
		parts = append(parts, plural(unknown, "article")+" of unknown outlet")
	}
	if len(parts) == 0 {
		return "no outlet known"
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, word[:len(word)-1])
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// firstWords returns the first n words of s, with an ellipsis if cut.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}

// markdownEscaper escapes text from articles so that Markdown renders it as
// written: no raw HTML, no emphasis, links or headings it did not intend.
var markdownEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "#", `\#`, "|", `\|`,
)

// clean makes text from articles safe for the output: escaped for
// Markdown, and without control characters (which could drive a terminal)
// for text.
func (d *doc) clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, s)
	if d.st.markdown {
		return markdownEscaper.Replace(s)
	}
	return s
}

// codeSpan renders s as a Markdown code span, fenced with enough backticks.
func codeSpan(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	return fence + " " + strings.ReplaceAll(s, "\n", " ") + " " + fence
}
