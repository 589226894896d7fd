package clean

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/parallax-news/parallax/internal/article"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestSeedsGolden cleans the five seed articles and compares the full
// Result with testdata/golden/<seed>.json (go test -update rewrites them).
func TestSeedsGolden(t *testing.T) {
	for name, text := range seedTexts(t) {
		t.Run(name, func(t *testing.T) {
			got, err := Clean(Input{Text: text})
			if err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(got, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			js = append(js, '\n')
			path := filepath.Join("testdata", "golden", strings.TrimSuffix(name, ".txt")+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, js, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(want), string(js)); diff != "" {
				t.Errorf("golden mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func seed(t *testing.T, prefix string) Result {
	t.Helper()
	for name, text := range seedTexts(t) {
		if strings.HasPrefix(name, prefix) {
			r, err := Clean(Input{Text: text})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return r
		}
	}
	t.Fatalf("no seed %s", prefix)
	return Result{}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestSeedMetadata checks the metadata the issue lists for each seed.
func TestSeedMetadata(t *testing.T) {
	tests := []struct {
		seed                                  string
		title, outlet, byline, wire, dateline string
		urlHost                               string
		published                             time.Time
		bodyStart                             string
	}{
		{seed: "000", bodyStart: "On Friday, CIA's chief William Burns"},
		{seed: "001", title: "Iran Says It Won't 'Seek Permission From Anyone' to Boost Russia Ties",
			outlet: "The Moscow Times", byline: "AFP", wire: "AFP", urlHost: "themoscowtimes.com",
			published: day("2022-12-18"), bodyStart: "Iran's Foreign Ministry said Sunday"},
		{seed: "002", title: "CIA Chief Says Russia-Iran Building 'Full-Fledged Defense Partnership'",
			byline: "Dave DeCamp", published: day("2022-12-20"), bodyStart: "CIA Director William Burns said"},
		{seed: "003", outlet: "Mehr News Agency", dateline: "Tehran",
			bodyStart: "The director of the U.S. Central Intelligence Agency"},
		{seed: "004", title: "Russia and Iran Deepening Their Relationship",
			bodyStart: "The Iranian government is preparing"},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			r := seed(t, tt.seed)
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("Title", r.Title, tt.title)
			check("Outlet", r.Outlet, tt.outlet)
			check("Byline", r.Byline, tt.byline)
			check("Wire", r.Wire, tt.wire)
			check("Dateline", r.Dateline, tt.dateline)
			check("URL host", hostOf(r.URL), tt.urlHost)
			if !r.Published.Equal(tt.published) {
				t.Errorf("Published = %v, want %v", r.Published, tt.published)
			}
			if !strings.HasPrefix(r.Body, tt.bodyStart) {
				t.Errorf("Body starts %q, want %q", clip(r.Body), tt.bodyStart)
			}
			if len(r.Notes) == 0 {
				t.Error("no notes: every decision should be explained")
			}
		})
	}
}

// TestSeedBoilerplate checks that each known piece of boilerplate left the
// body and sits in Asides with the right kind, and that real text stayed.
func TestSeedBoilerplate(t *testing.T) {
	tests := []struct {
		seed   string
		asides []article.Aside // Text is a substring of the aside
		keep   []string        // must stay in the body
	}{
		{"000", nil, []string{"Russia and Iran's ties\n\n", "as per a report from Voice of America"}},
		{"001", []article.Aside{
			{Kind: article.AsideTitle, Text: "Iran Says It Won't 'Seek Permission From Anyone'"},
			{Kind: article.AsideByline, Text: "By AFP"},
			{Kind: article.AsideDate, Text: "December 18, 2022"},
			{Kind: article.AsideCaption, Text: "President Ibrahim Raisi and Russian President Vladimir Putin meeting in Uzbekistan in September."},
			{Kind: article.AsideCredit, Text: "Iranian Presidency via ZUMA Press Wire"},
			{Kind: article.AsideRelated, Text: "Related article: Iran Admits Sending Russia Drones"},
			{Kind: article.AsideURL, Text: "Original url:"},
			{Kind: article.AsideURL, Text: "https://www.themoscowtimes.com/2022/12/18/"},
		}, []string{"\"Cooperation between Iran and Russia in various fields", "Last month, Tehran admitted"}},
		{"002", []article.Aside{
			{Kind: article.AsideTitle, Text: "CIA Chief Says Russia-Iran Building"},
			{Kind: article.AsideHeading, Text: "Description"},
			{Kind: article.AsideByline, Text: "by Dave DeCamp"},
			{Kind: article.AsideCategory, Text: "Category"},
			{Kind: article.AsideCategory, Text: "Army-Wars-Conflict Zones-Military Tech."},
			{Kind: article.AsideCategory, Text: "Main"},
			{Kind: article.AsideCategory, Text: "Politics-Geopolitics-Gov.-Events"},
			{Kind: article.AsideDate, Text: "Date Created"},
			{Kind: article.AsideDate, Text: "12/20/2022"},
		}, []string{"China recently reaffirmed it wouldn’t provide arms"}},
		{"003", []article.Aside{
			{Kind: article.AsideLicence, Text: "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License."},
		}, []string{"the root causes of the situation.”", "Burns told PBS’s Judy Woodruff"}},
		{"004", []article.Aside{
			{Kind: article.AsideTitle, Text: "Russia and Iran Deepening Their Relationship"},
			{Kind: article.AsideCaption, Text: "Russian President Vladimir Putin, left, shakes hands with Iranian President Ebrahim Raisi"},
			{Kind: article.AsidePlayer, Text: "Your browser doesn’t support HTML5"},
			{Kind: article.AsideCaption, Text: "Russia and Iran Deepening their Relationship"},
			{Kind: article.AsideOther, Text: "In addition to Russia and Iran claiming they reached a $40 billion deal"},
		}, []string{"That deepening alliance was in evidence most recently when Vladimir Putin met in Tehran with Iran’s Supreme Leader Ali Khamenei. In addition to Russia and Iran claiming"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			r := seed(t, tt.seed)
			for _, want := range tt.asides {
				if want.Kind != article.AsideCaption && want.Kind != article.AsideOther && strings.Contains(r.Body, want.Text) {
					t.Errorf("body still holds %q", want.Text)
				}
				if !hasAside(r.Asides, want) {
					t.Errorf("no %s aside holding %q in %v", want.Kind, want.Text, r.Asides)
				}
			}
			for _, k := range tt.keep {
				if !strings.Contains(r.Body, k) {
					t.Errorf("body lost %q", k)
				}
			}
			for _, bad := range []string{"**", "](", "<http", "# ", "Original url", "Your browser", "Related article", "licensed under", "Date Created", "Tuesday, July 19, 2022", "\u00a0"} {
				if strings.Contains(r.Body, bad) {
					t.Errorf("body holds boilerplate or markup %q", bad)
				}
			}
			// a duplicated paragraph appears once in the body
			for _, p := range strings.Split(r.Body, "\n\n") {
				if strings.Count(r.Body, p) > 1 {
					t.Errorf("paragraph twice in the body: %q", clip(p))
				}
			}
		})
	}
}

func hasAside(asides []article.Aside, want article.Aside) bool {
	for _, a := range asides {
		if a.Kind == want.Kind && strings.Contains(a.Text, want.Text) {
			return true
		}
	}
	return false
}

// TestSeed004CaptionDate: the date in 004's photo caption is not its
// publish date, and the caption keeps its text for later stages.
func TestSeed004CaptionDate(t *testing.T) {
	r := seed(t, "004")
	if !r.Published.IsZero() {
		t.Errorf("Published = %v from a caption, want zero", r.Published)
	}
	caps := (&article.Article{Asides: r.Asides}).Captions()
	if len(caps) == 0 || !strings.Contains(caps[0], "Vladimir Putin") {
		t.Errorf("captions = %q, want the Putin caption", caps)
	}
}

// TestGivenMetadataWins: metadata the source gives beats what the text says.
func TestGivenMetadataWins(t *testing.T) {
	text := seedTexts(t)["001_47faf601e63f5728.txt"]
	given := Input{Text: text, Title: "Given title", Outlet: "Given Outlet", Byline: "Jane Roe",
		URL: "https://example.org/a", Published: day("2022-12-19")}
	r, err := Clean(given)
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Given title" || r.Outlet != "Given Outlet" || r.Byline != "Jane Roe" || r.URL != "https://example.org/a" || !r.Published.Equal(day("2022-12-19")) {
		t.Errorf("given metadata not kept: %+v", r)
	}
	if strings.Contains(r.Body, "Seek Permission From Anyone' to Boost") {
		t.Error("headline line left in the body")
	}
}

func TestEmpty(t *testing.T) {
	for _, in := range []Input{{}, {Text: " \n\n\t "}, {Text: "Advertisement\n\nShare this:\n\nCopyright 2016 WBTV. All rights reserved."}, {HTML: []byte("<html><head><title>t</title></head><body><script>var a = 1;</script></body></html>")}} {
		r, err := Clean(in)
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("Clean(%q) error = %v, want ErrEmpty", in.Text, err)
		}
		if r.Body != "" {
			t.Errorf("Clean(%q) body = %q", in.Text, r.Body)
		}
	}
}
