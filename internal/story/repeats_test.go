package story

import (
	"strings"
	"testing"
	"time"
)

func TestRepeatsStrip(t *testing.T) {
	notice := "Please enable Javascript to watch this video\n"
	mast := " - KSLA News 12 Shreveport"
	body := func(i int) string {
		return notice + "Story line number " + strings.Repeat("x", i) + "\n" + "Copyright   2016 KSLA.  All rights reserved.\n"
	}
	r := NewRepeats()
	var got []Doc
	for i := range 4 {
		got = append(got, r.Strip(Doc{ID: "a", Outlet: "ksla.com", Title: "Headline " + strings.Repeat("y", i) + mast, Text: body(i)}))
	}
	for i := range 2 { // the first two are whole: nothing has repeated yet
		if got[i].Text != body(i) || !strings.HasSuffix(got[i].Title, mast) {
			t.Errorf("article %d stripped before the outlet repeated anything: %q / %q", i, got[i].Title, got[i].Text)
		}
	}
	for i := 2; i < 4; i++ {
		want := "Story line number " + strings.Repeat("x", i) + "\n"
		if got[i].Text != want {
			t.Errorf("article %d text = %q, want %q", i, got[i].Text, want)
		}
		if want := "Headline " + strings.Repeat("y", i); got[i].Title != want {
			t.Errorf("article %d title = %q, want %q", i, got[i].Title, want)
		}
	}

	// Another outlet, and an article without one, are left whole.
	other := r.Strip(Doc{Outlet: "wafb.com", Title: "Headline" + mast, Text: body(0)})
	none := r.Strip(Doc{Title: "Headline" + mast, Text: body(0)})
	for _, d := range []Doc{other, none} {
		if d.Text != body(0) || d.Title != "Headline"+mast {
			t.Errorf("stripped a line its outlet never repeated: %q / %q", d.Title, d.Text)
		}
	}
}

// TestRepeatsAcrossOutlets: a notice many outlets carry over weeks is
// stripped; a wire copy that many outlets carry within days is kept.
func TestRepeatsAcrossOutlets(t *testing.T) {
	day := time.Date(2016, 5, 1, 0, 0, 0, 0, time.UTC)
	r := NewRepeats()
	notice := "Already a subscriber?\n"
	wire := "The gunman opened fire at a party late Saturday, police said.\n"
	for i, o := range []string{"a.com", "b.com", "c.com"} {
		r.Strip(Doc{Outlet: o, Published: day.AddDate(0, 0, 5*i), Text: notice})
		r.Strip(Doc{Outlet: o, Published: day.AddDate(0, 1, 0), Text: wire})
	}
	if d := r.Strip(Doc{Outlet: "d.com", Published: day.AddDate(0, 0, 20), Text: notice}); d.Text != "" {
		t.Errorf("a notice carried by three outlets over ten days was kept: %q", d.Text)
	}
	if d := r.Strip(Doc{Outlet: "d.com", Published: day.AddDate(0, 1, 1), Text: wire}); d.Text != wire {
		t.Errorf("a wire copy carried by three outlets the same day was stripped")
	}
	if d := r.Strip(Doc{Outlet: "e.com", Text: notice}); d.Text != notice {
		t.Errorf("an undated article lost a line its outlet never used")
	}
}

func TestRepeatsCountsAnArticleOnce(t *testing.T) {
	r := NewRepeats()
	text := "same\nsame\nsame\n"
	a := r.Strip(Doc{Outlet: "o", Text: text})
	b := r.Strip(Doc{Outlet: "o", Text: text})
	if a.Text != text || b.Text != text {
		t.Fatalf("a line repeated inside one article counted as several articles: %q, %q", a.Text, b.Text)
	}
	if c := r.Strip(Doc{Outlet: "o", Text: text}); c.Text != "" {
		t.Fatalf("third article kept %q", c.Text)
	}
}

func TestRepeatsForgets(t *testing.T) {
	r := NewRepeats()
	r.Strip(Doc{Outlet: "o", Text: "old notice\n"})
	r.Strip(Doc{Outlet: "o", Text: "old notice\n"})
	for range 2 * repeatsSpan {
		r.Strip(Doc{Outlet: "p", Text: "other\n"})
	}
	if d := r.Strip(Doc{Outlet: "o", Text: "old notice\n"}); d.Text == "" {
		t.Fatal("a line not used for two generations is still stripped")
	}
	if len(r.cur)+len(r.old) > 6 { // (outlet, line) and line keys of two lines

		t.Fatalf("memory not bounded: %d keys", len(r.cur)+len(r.old))
	}
}

func TestTitleSegments(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []segment
	}{
		{"Plain", []segment{{"", "Plain"}}},
		{"A - B | C", []segment{{"", "A"}, {" - ", "B"}, {" | ", "C"}}},
		{"A :: B — C", []segment{{"", "A"}, {" :: ", "B"}, {" — ", "C"}}},
		{"No-dash-split", []segment{{"", "No-dash-split"}}},
	} {
		got := titleSegments(tc.title)
		if len(got) != len(tc.want) {
			t.Fatalf("%q: %v, want %v", tc.title, got, tc.want)
		}
		var joined string
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: segment %d = %v, want %v", tc.title, i, got[i], tc.want[i])
			}
			joined += got[i].sep + got[i].text
		}
		if joined != tc.title {
			t.Errorf("%q: segments join to %q", tc.title, joined)
		}
	}
}

// FuzzRepeats checks that stripping only ever removes whole lines and title
// segments: what is left is made of the input's own pieces, in order.
func FuzzRepeats(f *testing.F) {
	f.Add("Headline - Site", "line one\nline two\n")
	f.Add("", "")
	f.Add("a | b :: c", "x\r\n\n  \ny")
	f.Fuzz(func(t *testing.T, title, text string) {
		r := NewRepeats()
		for range 3 {
			d := r.Strip(Doc{Outlet: "o", Title: title, Text: text})
			if !strings.HasPrefix(title, titleSegments(title)[0].text) || !strings.HasPrefix(d.Title, titleSegments(title)[0].text) {
				t.Fatalf("headline lost: %q -> %q", title, d.Title)
			}
			rest := text
			for line := range strings.Lines(d.Text) {
				i := strings.Index(rest, line)
				if i < 0 {
					t.Fatalf("line %q not in the input %q", line, text)
				}
				rest = rest[i+len(line):]
			}
		}
	})
}
