package dates

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/dataset"
)

// dated is an article text with its publish date.
type dated struct {
	text string
	pub  time.Time
}

// readDated reads the articles of a JSON Lines file: text and publish date
// from the named fields, or from each element of "docs" when docs is set.
func readDated(t *testing.T, path, textField, dateField string, docs bool) []dated {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []dated
	add := func(r map[string]any) {
		text, _ := r[textField].(string)
		ds, _ := r[dateField].(string)
		pub, err := time.Parse(time.DateOnly, ds)
		if err == nil && text != "" {
			out = append(out, dated{text, pub})
		}
	}
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if !docs {
			add(r)
			continue
		}
		list, _ := r["docs"].([]any)
		for _, d := range list {
			if m, ok := d.(map[string]any); ok {
				add(m)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// weekdayScore counts weekday resolutions checked against a date the text
// gives beside the weekday.
type weekdayScore struct {
	n, ok, nearest, next int
	nSameDay, okSameDay  int // cases where the date is the publish date itself
}

// TestWeekdayResolution measures bare-weekday resolution on real news
// without labels: wherever a text gives a weekday together with its date
// ("Friday, Jan. 15, 2016", "Wednesday night (Dec. 9)"), the date is the
// answer. The date is blanked out and the weekday resolved alone, in its
// sentence, against the article's publish date; the result is compared with
// the date, and so are two naive resolvers (the nearest such weekday either
// way, and the next one).
//
// Only dates within six days of the publish date count: further away,
// writers give the date and a weekday alone could not be resolved by
// anyone. Page headers ("Updated: Monday, Aug. 25, 2014") are left out.
// Publish dates of the GVA corpus were detected by a crawler, so some cases
// are wrong at the source; the figures are also logged for dates other than
// the publish date, where resolution is not trivial.
func TestWeekdayResolution(t *testing.T) {
	sets := []struct {
		name, path, text, date string
		docs                   bool
	}{
		{"gva", filepath.Join("clustering", "gva_semeval2018t5.jsonl"), "text", "published", false},
		{"polnear", filepath.Join("quotes", "polnear-train.jsonl"), "text", "date", false},
		{"duc2004", filepath.Join("summarization", "duc2004_task2.jsonl"), "text", "published", true},
	}
	var total weekdayScore
	for _, set := range sets {
		var sc weekdayScore
		for _, a := range readDated(t, dataset.Require(t, set.path), set.text, set.date, set.docs) {
			scoreWeekdays(a, &sc)
		}
		logScore(t, set.name, sc)
		total.add(sc)
	}
	logScore(t, "all", total)
	if total.n < 100 {
		t.Fatalf("only %d weekday-with-date cases found", total.n)
	}
	other := total.n - total.nSameDay
	okOther := total.ok - total.okSameDay
	if rate(okOther, other) < 0.9 || total.ok <= total.nearest || total.ok <= total.next {
		t.Errorf("weekday resolution %.3f (other than the publish day) is below the floor or not above the naive resolvers", rate(okOther, other))
	}
}

func (s *weekdayScore) add(o weekdayScore) {
	s.n += o.n
	s.ok += o.ok
	s.nearest += o.nearest
	s.next += o.next
	s.nSameDay += o.nSameDay
	s.okSameDay += o.okSameDay
}

func rate(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func logScore(t *testing.T, name string, s weekdayScore) {
	t.Logf("%-8s weekday+date cases %5d: Find %.3f, naive nearest %.3f, naive next %.3f; "+
		"other than the publish day %5d: Find %.3f",
		name, s.n, rate(s.ok, s.n), rate(s.nearest, s.n), rate(s.next, s.n),
		s.n-s.nSameDay, rate(s.ok-s.okSameDay, s.n-s.nSameDay))
}

// scoreWeekdays finds the weekdays that a's text dates explicitly and
// scores the resolution of each weekday without its date.
func scoreWeekdays(a dated, sc *weekdayScore) {
	ms := Find(a.text, a.pub)
	for i, m := range ms {
		truth, wdEnd, ok := weekdayTruth(a.text, ms, i)
		if !ok || truth.day.Sub(a.pub).Abs() > 6*24*time.Hour || pageChrome(a.text, m.Start) {
			continue
		}
		// Blank the date out and resolve the weekday alone.
		blank := a.text[:wdEnd] + strings.Repeat(" ", truth.end-wdEnd) + a.text[truth.end:]
		var got Mention
		for _, bm := range Find(blank, a.pub) {
			if bm.Start < wdEnd && bm.End >= wdEnd {
				got = bm
				break
			}
		}
		want := truth.day.Format(time.DateOnly)
		wd := int(truth.day.Weekday())
		sc.n++
		same := truth.day.Equal(a.pub)
		if same {
			sc.nSameDay++
		}
		if got.Date.String() == want {
			sc.ok++
			if same {
				sc.okSameDay++
			}
		}
		if nearestWeekday(a.pub, wd).Equal(truth.day) {
			sc.nearest++
		}
		if nextWeekday(a.pub, wd).Equal(truth.day) {
			sc.next++
		}
	}
}

// pageChrome reports whether the text before offset i labels a page
// header ("Posted: ", "Updated: ", "(Published "), where a weekday is never
// written without its date.
func pageChrome(text string, i int) bool {
	before := strings.ToLower(text[max(0, i-12):i])
	for _, w := range []string{"posted", "updated", "published", "modified"} {
		if strings.Contains(before, w) {
			return true
		}
	}
	return false
}

type truthDay struct {
	day time.Time
	end int // end of the date text
}

// weekdayTruth reports whether mention i of ms is a weekday given with its
// date: either one mention "Friday, Jan. 15, 2016" whose weekday agrees, or
// a weekday mention followed within a few characters by a dated mention
// whose date falls on that weekday. It returns the date, and the end of the
// weekday's own text.
func weekdayTruth(text string, ms []Mention, i int) (truthDay, int, bool) {
	m := ms[i]
	if !m.Resolved || m.Date.Precision != Day {
		return truthDay{}, 0, false
	}
	if strings.Contains(m.Reason, "weekday agrees") || strings.Contains(m.Reason, "falls on a") {
		// One mention holding the weekday and the date.
		end, ok := weekdayEnd(m)
		if !ok {
			return truthDay{}, 0, false
		}
		return truthDay{midnight(m.Date.Start), m.End}, end, true
	}
	if !strings.HasPrefix(m.Reason, "weekday") && !strings.HasPrefix(m.Reason, "same weekday") || i+1 >= len(ms) {
		return truthDay{}, 0, false
	}
	n := ms[i+1]
	gap := text[m.End:n.Start]
	if len(gap) > 3 || strings.Trim(gap, " ,(") != "" || !n.Resolved || n.Date.Precision != Day {
		return truthDay{}, 0, false
	}
	if n.Relative && !strings.HasPrefix(n.Reason, "no year") {
		return truthDay{}, 0, false // only a written date is a truth
	}
	d := midnight(n.Date.Start)
	if d.Weekday() != m.Date.Start.Weekday() {
		return truthDay{}, 0, false
	}
	return truthDay{d, n.End}, m.End, true
}

// weekdayEnd returns the offset after the full weekday name in m.
func weekdayEnd(m Mention) (int, bool) {
	for _, t := range lex(m.Text) {
		if t.kind == tWord && t.lx.kind == lxWeekday {
			if t.lx.flags&flAbbrev != 0 {
				return 0, false // "Tue 06/30/2015": never written alone
			}
			return m.Start + int(t.end), true
		}
	}
	return 0, false
}

func nearestWeekday(a time.Time, wd int) time.Time {
	back := (int(a.Weekday()) - wd + 7) % 7
	if back <= 3 {
		return a.AddDate(0, 0, -back)
	}
	return a.AddDate(0, 0, 7-back)
}

func nextWeekday(a time.Time, wd int) time.Time {
	return a.AddDate(0, 0, (wd-int(a.Weekday())+7)%7)
}
