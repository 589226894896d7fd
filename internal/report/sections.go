package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/parallax-news/parallax/internal/brief"
)

// Section sizes for people. JSON output always holds everything; the text
// and Markdown renderings say how much they left out.
const (
	maxFacts    = 12
	maxQuotes   = 10
	maxEntities = 12
)

// more notes how many items a section left out.
func (d *doc) more(n int, what string) {
	if n > 0 {
		d.para(d.indent()+"  ", d.indent()+"  ", fmt.Sprintf("… and %d more %s (see --format json)", n, what))
	}
}

// facts lists the best-corroborated facts, single-source ones flagged, and
// conflicts.
func (d *doc) facts(s *Story) {
	if len(s.Facts) == 0 {
		return
	}
	d.heading(3, "Facts")
	shown := 0
	for _, f := range s.Facts {
		if shown == maxFacts {
			break
		}
		shown++
		badge := fmt.Sprintf("%s from %s", f.ID, plural(f.Independent, "independent source"))
		if f.SingleSource {
			badge = f.ID + " SINGLE SOURCE"
		}
		if f.Stance != "" {
			badge += ", " + f.Stance
		}
		line := fmt.Sprintf("%s: %s %s", badge, f.Text, d.refs(f.Articles))
		if len(f.ConflictsWith) > 0 {
			line += " — conflicts with " + strings.Join(f.ConflictsWith, ", ")
		}
		d.bullet(line)
	}
	d.more(len(s.Facts)-shown, "facts")
	for _, c := range s.Conflicts {
		if d.shownFact(s, c.Facts) {
			d.bullet(fmt.Sprintf("CONFLICT (%s) %s: %s", c.Kind, strings.Join(c.Facts, " vs "), c.Reason))
		}
	}
}

// shownFact reports whether any of ids is among the facts the text shows.
func (d *doc) shownFact(s *Story, ids []string) bool {
	for i, f := range s.Facts {
		if i == maxFacts {
			return false
		}
		for _, id := range ids {
			if f.ID == id {
				return true
			}
		}
	}
	return false
}

// quotes lists the ledger: each statement and how each article rendered it.
func (d *doc) quotes(s *Story) {
	if len(s.Quotes) == 0 {
		return
	}
	d.heading(3, "Who said what")
	shown := 0
	for _, q := range s.Quotes {
		if shown == maxQuotes {
			break
		}
		shown++
		speaker := q.Speaker
		if speaker == "" {
			speaker = "(speaker unknown)"
		}
		d.bullet(fmt.Sprintf("%s, %s: “%s”", speaker, q.Kind, q.Text))
		for _, r := range q.Renderings {
			cue := ""
			if r.Cue != "" {
				cue = fmt.Sprintf(", %q", r.Cue)
			}
			text := ""
			if r.Relation != "verbatim" {
				text = ": “" + r.Text + "”"
			}
			d.para(d.indent()+"    "+d.refs([]string{r.Article})+" ", d.indent()+"      ", r.Relation+cue+text)
		}
	}
	d.more(len(s.Quotes)-shown, "statements")
}

// entities lists the main people, organisations and places with aliases.
func (d *doc) entities(s *Story) {
	if len(s.Entities) == 0 {
		return
	}
	d.heading(3, "Who and where")
	shown := 0
	for _, e := range s.Entities {
		if shown == maxEntities {
			break
		}
		shown++
		line := fmt.Sprintf("%s (%s) %s", e.Name, strings.ToLower(e.Type), d.refs(e.Articles))
		if len(e.Aliases) > 0 {
			line += " — also: " + strings.Join(e.Aliases, "; ")
		}
		d.bullet(line)
	}
	d.more(len(s.Entities)-shown, "entities")
}

// timeline lists dated events.
func (d *doc) timeline(s *Story) {
	if len(s.Timeline) == 0 {
		return
	}
	d.heading(3, "Timeline")
	for _, e := range s.Timeline {
		d.para(d.bulletMark()+fmt.Sprintf("%-11s ", e.Date), d.indent()+"              ", e.Text+" "+d.refs(e.Articles))
	}
}

func (d *doc) bulletMark() string {
	if d.st.markdown {
		return "- "
	}
	return "  • "
}

// framing shows each outlet's attribution verbs, own-voice loaded words,
// hedges, labels and omissions.
func (d *doc) framing(s *Story) {
	if len(s.Framing) == 0 {
		return
	}
	d.heading(3, "How each outlet tells it")
	for _, f := range s.Framing {
		name := f.Outlet
		if id, ok := strings.CutPrefix(name, "article "); ok && d.cite[id] > 0 {
			name = "unknown outlet"
		}
		if f.Wire != "" && f.Wire != f.Outlet {
			name += " (" + f.Wire + ")"
		}
		d.bullet(name + " " + d.refs(f.Articles))
		sub := func(label, text string) {
			if text != "" {
				d.para(d.indent()+"    "+label+": ", d.indent()+"      ", text)
			}
		}
		sub("verbs", counts(f.Verbs))
		sub("own words", terms(f.Loaded))
		sub("hedges", terms(f.Hedges))
		sub("quoting others", terms(f.Quoted))
		sub("labels", labels(f.Labels))
		sub("leaves out", strings.Join(f.Omits, ", "))
	}
}

func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s ×%d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func terms(ts []brief.Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.Word
		if t.Count > 1 {
			parts[i] += fmt.Sprintf(" ×%d", t.Count)
		}
	}
	return strings.Join(parts, ", ")
}

func labels(m map[string][]string) string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = n + " = " + strings.Join(m[n], " / ")
	}
	return strings.Join(parts, "; ")
}
