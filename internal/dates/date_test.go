package dates

import (
	"encoding/json"
	"testing"
	"time"
)

func TestDateString(t *testing.T) {
	for _, c := range []struct {
		d    Date
		want string
	}{
		{dayDate(day(2022, 12, 16)), "2022-12-16"},
		{weekDate(day(2022, 12, 9)), "2022-W49"},
		{weekDate(day(2021, 1, 1)), "2020-W53"},
		{monthDate(2022, 11), "2022-11"},
		{seasonDate(2022, 0), "2022-spring"},
		{seasonDate(2022, 2), "2022-autumn"},
		{seasonDate(2022, 3), "2022-winter"},
		{yearDate(2022), "2022"},
		{decadeDate(1987), "1980s"},
		{Date{}, ""},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("%v %v: String() = %q, want %q", c.d.Start, c.d.Precision, got, c.want)
		}
	}
}

func TestDateEndContains(t *testing.T) {
	for _, c := range []struct {
		d        Date
		end      time.Time
		in, out  time.Time
		startDay time.Time
	}{
		{dayDate(day(2022, 12, 16)), day(2022, 12, 17), day(2022, 12, 16).Add(23 * time.Hour), day(2022, 12, 17), day(2022, 12, 16)},
		{weekDate(day(2022, 12, 9)), day(2022, 12, 12), day(2022, 12, 11), day(2022, 12, 12), day(2022, 12, 5)},
		{monthDate(2022, 11), day(2022, 12, 1), day(2022, 11, 30), day(2022, 12, 1), day(2022, 11, 1)},
		{seasonDate(2022, 3), day(2023, 3, 1), day(2023, 2, 28), day(2023, 3, 1), day(2022, 12, 1)},
		{yearDate(2022), day(2023, 1, 1), day(2022, 6, 1), day(2021, 12, 31), day(2022, 1, 1)},
		{decadeDate(1985), day(1990, 1, 1), day(1989, 12, 31), day(1990, 1, 1), day(1980, 1, 1)},
	} {
		if !c.d.Start.Equal(c.startDay) {
			t.Errorf("%s: Start = %v, want %v", c.d, c.d.Start, c.startDay)
		}
		if got := c.d.End(); !got.Equal(c.end) {
			t.Errorf("%s: End() = %v, want %v", c.d, got, c.end)
		}
		if !c.d.Contains(c.in) || c.d.Contains(c.out) {
			t.Errorf("%s: Contains(%v) = %v, Contains(%v) = %v", c.d, c.in, c.d.Contains(c.in), c.out, c.d.Contains(c.out))
		}
	}
	if (Date{}).Contains(day(2022, 1, 1)) {
		t.Error("an unresolved Date contains nothing")
	}
}

func TestPrecisionJSON(t *testing.T) {
	b, err := json.Marshal(struct {
		D Date
		P Precision
	}{monthDate(2022, 11), Month})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"D":"2022-11","P":"month"}`; got != want {
		t.Errorf("json = %s, want %s", got, want)
	}
	if got := Precision(42).String(); got != "Precision(42)" {
		t.Errorf("Precision(42).String() = %q", got)
	}
}
