package dates

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	est := time.FixedZone("", -5*3600)
	for _, c := range []struct {
		in   string
		want time.Time
	}{
		{"December 18, 2022", day(2022, 12, 18)},
		{"  December 18, 2022  ", day(2022, 12, 18)},
		{"DECEMBER 18, 2022", day(2022, 12, 18)},
		{"Dec. 18, 2022", day(2022, 12, 18)},
		{"Dec 18 2022", day(2022, 12, 18)},
		{"December 18th, 2022", day(2022, 12, 18)},
		{"18 December 2022", day(2022, 12, 18)},
		{"18th of December 2022", day(2022, 12, 18)},
		{"12/20/2022", day(2022, 12, 20)},
		{"12/20/22", day(2022, 12, 20)},
		{"20/12/2022", day(2022, 12, 20)},
		{"2022-12-20", day(2022, 12, 20)},
		{"2022/12/20", day(2022, 12, 20)},
		{"20.12.2022", day(2022, 12, 20)},
		{"Sunday, December 18, 2022 10:31 AM", time.Date(2022, 12, 18, 10, 31, 0, 0, time.UTC)},
		{"Sunday, December 18, 2022 | 10:31 PM", time.Date(2022, 12, 18, 22, 31, 0, 0, time.UTC)},
		{"Monday, 19 December 2022", day(2022, 12, 19)},
		{"Sun, 18 Dec 2022 10:31:00 +0000", time.Date(2022, 12, 18, 10, 31, 0, 0, time.UTC)},
		{"Sun, 18 Dec 2022 10:31:00 -0500", time.Date(2022, 12, 18, 10, 31, 0, 0, est)},
		{"2022-12-20T10:31:00Z", time.Date(2022, 12, 20, 10, 31, 0, 0, time.UTC)},
		{"2022-12-20T10:31:00-05:00", time.Date(2022, 12, 20, 10, 31, 0, 0, est)},
		{"2022-12-20 10:31", time.Date(2022, 12, 20, 10, 31, 0, 0, time.UTC)},
		{"Published: Dec. 18, 2022 at 3 p.m. EST", time.Date(2022, 12, 18, 15, 0, 0, 0, est)},
		{"Updated 10:31 AM ET, Sun December 18, 2022", time.Date(2022, 12, 18, 10, 31, 0, 0, time.UTC)},
		{"Updated: 12/20/2022 10:31 AM", time.Date(2022, 12, 20, 10, 31, 0, 0, time.UTC)},
		{"Posted on December 18, 2022", day(2022, 12, 18)},
		{"Date Created: 12/20/2022", day(2022, 12, 20)},
		{"(December 18, 2022)", day(2022, 12, 18)},
	} {
		got, ok := ParseDate(c.in)
		if !ok || !got.Equal(c.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", c.in, got, ok, c.want)
		}
		if ok && got.Location() != time.UTC {
			if _, off := got.Zone(); off != -5*3600 {
				t.Errorf("ParseDate(%q): zone offset %d", c.in, off)
			}
		}
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{
		"",
		"Sunday",
		"yesterday",
		"December 2022",
		"December 18",
		"12/20",
		"13/13/2022",
		"2022-13-01",
		"2022-02-30",
		"Monday, December 18, 2022", // the weekday disagrees
		"By AFP December 18, 2022",
		"Iran said on December 18, 2022 that it would not",
		"December 18, 2022 and more",
		"2022",
		"25:00 December 18, 2022",
	} {
		if got, ok := ParseDate(in); ok {
			t.Errorf("ParseDate(%q) = %v, want failure", in, got)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"December 18, 2022", "12/20/2022", "2022-12-20T10:31:00Z",
		"Sun, 18 Dec 2022 10:31:00 +0000", "Updated 10:31 AM ET, Sun December 18, 2022", "20.12.2022", "+", "1/1/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ParseDate(s)
		if !ok {
			if !got.IsZero() {
				t.Errorf("ParseDate(%q) failed but returned %v", s, got)
			}
			return
		}
		if y := got.Year(); y < 1000 || y > 2199 {
			t.Errorf("ParseDate(%q) = %v: year out of range", s, got)
		}
	})
}
