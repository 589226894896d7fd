package dates

import (
	"strings"
	"testing"
	"time"

	dps "github.com/markusmobius/go-dateparser"
)

// seedText returns the five seed articles joined, about 14 KB.
func seedText(b *testing.B) string {
	var sb strings.Builder
	for _, s := range seedAnchors {
		sb.WriteString(readSeed(b, s.file))
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkFind(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, sun20221218)
	}
}

func BenchmarkFindArticle(b *testing.B) {
	text := readSeed(b, "001_47faf601e63f5728.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, sun20221218)
	}
}

// dateLines are the publish-date lines of the ParseDate benchmarks.
var dateLines = []string{
	"December 18, 2022",
	"12/20/2022",
	"2022-12-20",
	"Sunday, December 18, 2022 10:31 AM",
	"Sun, 18 Dec 2022 10:31:00 +0000",
	"18 December 2022",
}

func BenchmarkParseDate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range dateLines {
			if _, ok := ParseDate(s); !ok {
				b.Fatalf("ParseDate(%q) failed", s)
			}
		}
	}
}

// BenchmarkDateparserParse parses the same lines with go-dateparser, for
// comparison: ParseDate is hand-written because go-dateparser is much
// slower on them.
func BenchmarkDateparserParse(b *testing.B) {
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: sun20221218}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range dateLines {
			if _, err := dps.Parse(cfg, s); err != nil {
				b.Fatalf("dateparser.Parse(%q): %v", s, err)
			}
		}
	}
}

// BenchmarkDateparserSearch searches the seed articles with go-dateparser,
// for comparison with BenchmarkFind.
func BenchmarkDateparserSearch(b *testing.B) {
	text := seedText(b)
	cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: sun20221218,
		PreferredDateSource: dps.Past}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := dps.Search(cfg, text); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDateparserMissesNewsPhrasing records why Find does not delegate to
// go-dateparser: on news phrasing, its search misses or misplaces dates
// that Find resolves. The test asserts Find's answers and logs
// go-dateparser's for the record.
func TestDateparserMissesNewsPhrasing(t *testing.T) {
	fri := day(2022, 12, 16)
	for _, c := range []struct {
		anchor     time.Time
		text, want string
	}{
		{sun20221218, "CIA chief William Burns told PBS television on Friday that", "2022-12-16"},
		{fri, "They met last Friday.", "2022-12-09"},
		{sun20221218, "Last month, Tehran admitted it had sent drones", "2022-11"},
		{sun20221218, "the invasion of Ukraine began in February.", "2022-02"},
		{sun20221218, "In the spring, Iranian pilots trained in Russia.", "2022-spring"},
		{tue20230110, "The two leaders met in November.", "2022-11"},
		{sun20221218, "It happened two days ago.", "2022-12-16"},
	} {
		cfg := &dps.Configuration{Languages: []string{"en"}, CurrentTime: c.anchor,
			PreferredDateSource: dps.Past}
		ms := Find(c.text, c.anchor)
		if len(ms) != 1 || ms[0].Date.String() != c.want {
			t.Errorf("Find(%q) = %s, want %s", c.text, describe(ms), c.want)
		}
		_, res, err := dps.Search(cfg, c.text)
		var got []string
		for _, r := range res {
			got = append(got, r.Text+"="+r.Date.Time.Format(time.DateOnly)+"/"+r.Date.Period.String())
		}
		t.Logf("%q: Find %s; go-dateparser %v (err %v)", c.text, c.want, got, err)
	}
}
