package dates

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var (
	sun20221218 = day(2022, 12, 18) // 001's publish date, a Sunday
	tue20221220 = day(2022, 12, 20) // 002's publish date
	mon20230102 = day(2023, 1, 2)
	tue20230110 = day(2023, 1, 10)
)

// findCase expects Find(text, anchor) to hold a mention whose text is
// mention, resolved to want (the String rendering; "" for unresolved).
type findCase struct {
	anchor  time.Time
	text    string
	mention string
	want    string
}

func runFindCases(t *testing.T, cases []findCase) {
	t.Helper()
	for _, c := range cases {
		ms := Find(c.text, c.anchor)
		m, ok := mentionNamed(ms, c.mention)
		if !ok {
			t.Errorf("Find(%q, %s): no mention %q; got %s", c.text, c.anchor.Format(time.DateOnly), c.mention, describe(ms))
			continue
		}
		if got := m.Date.String(); got != c.want || m.Resolved != (c.want != "") {
			t.Errorf("Find(%q, %s): %q = %q (resolved %v, %s), want %q",
				c.text, c.anchor.Format(time.DateOnly), c.mention, got, m.Resolved, m.Reason, c.want)
		}
		if m.Reason == "" {
			t.Errorf("Find(%q): %q has no reason", c.text, c.mention)
		}
	}
}

func mentionNamed(ms []Mention, text string) (Mention, bool) {
	for _, m := range ms {
		if m.Text == text {
			return m, true
		}
	}
	return Mention{}, false
}

func describe(ms []Mention) string {
	var b strings.Builder
	b.WriteString("[")
	for i, m := range ms {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(m.Text + "=" + m.Date.String())
	}
	b.WriteString("]")
	return b.String()
}

func TestFindWeekdays(t *testing.T) {
	runFindCases(t, []findCase{
		{sun20221218, "CIA chief William Burns told PBS television on Friday that", "Friday", "2022-12-16"},
		{sun20221218, "Kanani said in a statement on Sunday, adding", "Sunday", "2022-12-18"},
		{sun20221218, "Iran's Foreign Ministry said Sunday it would not", "Sunday", "2022-12-18"},
		{sun20221218, "Friday's interview was aired.", "Friday", "2022-12-16"},
		{sun20221218, "Friday’s interview was aired.", "Friday", "2022-12-16"},
		{sun20221218, "IRAN REJECTED THE CLAIMS ON FRIDAY.", "FRIDAY", "2022-12-16"},
		{sun20221218, "the talks ended friday.", "friday", "2022-12-16"},
		{sun20221218, "Police said the shooting happened Friday night.", "Friday night", "2022-12-16"},
		{sun20221218, "He met the envoy on Friday at 10 a.m. in Doha.", "Friday at 10 a.m.", "2022-12-16"},
		{sun20221218, "The council will vote on Friday.", "Friday", "2022-12-23"},
		{sun20221218, "He said the council will vote on Monday.", "Monday", "2022-12-19"},
		{sun20221218, "They met last Friday.", "last Friday", "2022-12-16"},
		{sun20221218, "They met last Sunday.", "last Sunday", "2022-12-11"},
		{sun20221218, "Talks resume next Tuesday.", "next Tuesday", "2022-12-20"},
		{sun20221218, "Talks resume next Sunday.", "next Sunday", "2022-12-25"},
		{sun20221218, "Talks resume this Tuesday.", "this Tuesday", "2022-12-20"},
		{sun20221218, "He spoke this past Friday.", "this past Friday", "2022-12-16"},
		{sun20221218, "The ministry said on Wednesday it had sent a note.", "Wednesday", "2022-12-14"},
		{sun20221218, "It was announced late Friday.", "late Friday", "2022-12-16"},
		{sun20221218, "It happened around 11:30 a.m. Tuesday inside the home.", "11:30 a.m. Tuesday", "2022-12-13"},
		{sun20221218, "Shots were fired at 10 p.m. on Saturday.", "10 p.m. on Saturday", "2022-12-17"},
		{sun20221218, "He says schools will remain closed on Monday.", "Monday", "2022-12-19"},
		{sun20221218, "Hariri had even scheduled Friday a meeting.", "Friday", "2022-12-16"},
		{sun20221218, "Hariri has scheduled a meeting Friday.", "Friday", "2022-12-23"},
		{day(2016, 9, 29), "Monday's debate might not move mountains.", "Monday", "2016-09-26"},
		{day(2016, 9, 26), "Mook told CBS This Morning on Monday that", "Monday", "2016-09-26"},
		{tue20221220, "Iran on Sunday dismissed Burns' concerns", "Sunday", "2022-12-18"},
		// Across a year end.
		{mon20230102, "The minister resigned on Friday.", "Friday", "2022-12-30"},
		{mon20230102, "The minister resigned last Friday.", "last Friday", "2022-12-30"},
		{mon20230102, "The minister will resign next Friday.", "next Friday", "2023-01-06"},
		{mon20230102, "Parliament meets this Friday.", "this Friday", "2023-01-06"},
		{mon20230102, "The minister said this Friday was his last day.", "this Friday", "2022-12-30"},
		{mon20230102, "Shops reopened on Saturday.", "Saturday", "2022-12-31"},
		{mon20230102, "Talks are scheduled for Wednesday.", "Wednesday", "2023-01-04"},
		{mon20230102, "He arrived Monday.", "Monday", "2023-01-02"},
		// A weekday beside an explicit date.
		{time.Time{}, "in Tehran, Iran, Tuesday, July 19, 2022.", "Tuesday, July 19, 2022", "2022-07-19"},
		{time.Time{}, "Sun, 18 Dec 2022 was quiet", "Sun, 18 Dec 2022", "2022-12-18"},
	})
}

func TestFindRelativeDays(t *testing.T) {
	runFindCases(t, []findCase{
		{sun20221218, "Officials said yesterday that", "yesterday", "2022-12-17"},
		{sun20221218, "The vote is today.", "today", "2022-12-18"},
		{sun20221218, "The vote is tomorrow.", "tomorrow", "2022-12-19"},
		{sun20221218, "He will speak tonight.", "tonight", "2022-12-18"},
		{sun20221218, "Explosions were heard last night.", "last night", "2022-12-17"},
		{sun20221218, "He said this morning that", "this morning", "2022-12-18"},
		{sun20221218, "It happened yesterday morning.", "yesterday morning", "2022-12-17"},
		{sun20221218, "They met the day before yesterday.", "the day before yesterday", "2022-12-16"},
		{sun20221218, "They met two days ago.", "two days ago", "2022-12-16"},
		{sun20221218, "They met 10 days ago.", "10 days ago", "2022-12-08"},
		{sun20221218, "It began three weeks ago.", "three weeks ago", "2022-W47"},
		{sun20221218, "It began a year ago.", "a year ago", "2021"},
		{sun20221218, "It began two months ago.", "two months ago", "2022-10"},
		{sun20221218, "It ends a week from now.", "a week from now", "2022-W51"},
		{sun20221218, "It was posted 3 hours ago.", "3 hours ago", "2022-12-18"},
		{sun20221218, "Seventy-four years ago, a battle was fought here.", "Seventy-four years ago", "1948"},
		{sun20221218, "Twenty-one days ago, a battle was fought here.", "Twenty-one days ago", "2022-11-27"},
		{mon20230102, "Officials said yesterday that", "yesterday", "2023-01-01"},
		{day(2024, 3, 1), "It happened yesterday.", "yesterday", "2024-02-29"},
	})
}

func TestFindUnits(t *testing.T) {
	runFindCases(t, []findCase{
		{sun20221218, "Last month, Tehran admitted it had sent drones", "Last month", "2022-11"},
		{sun20221218, "It happened earlier this month.", "earlier this month", "2022-12"},
		{sun20221218, "A decision is due later this month.", "later this month", "2022-12"},
		{sun20221218, "Talks start next month.", "next month", "2023-01"},
		{sun20221218, "Talks started this month.", "this month", "2022-12"},
		{sun20221218, "They met last week.", "last week", "2022-W49"},
		{sun20221218, "They meet this week.", "this week", "2022-W50"},
		{sun20221218, "They meet next week.", "next week", "2022-W51"},
		{sun20221218, "Prices rose last year.", "last year", "2021"},
		{sun20221218, "Prices rose this year.", "this year", "2022"},
		{sun20221218, "Prices will rise next year.", "next year", "2023"},
		{sun20221218, "Prices rose earlier this year.", "earlier this year", "2022"},
		{sun20221218, "It was signed late last year.", "late last year", "2021"},
		{sun20221218, "Protests grew over the weekend.", "the weekend", "2022-W50"},
		{day(2022, 12, 19), "Protests grew over the weekend.", "the weekend", "2022-W50"},
		{day(2022, 12, 21), "Protests grew over the weekend.", "the weekend", "2022-W50"},
		{day(2022, 12, 21), "Protests will grow over the weekend.", "the weekend", "2022-W51"},
		{sun20221218, "Protests grew last weekend.", "last weekend", "2022-W49"},
		{sun20221218, "Protests grew this past weekend.", "this past weekend", "2022-W49"},
		{day(2016, 9, 19), "The president told voters this weekend he would run.", "this weekend", "2016-W37"},
		{day(2016, 9, 19), "Protests are planned this weekend.", "this weekend", "2016-W38"},
		{day(2016, 9, 17), "Protests grew this weekend.", "this weekend", "2016-W37"},
		{day(2022, 12, 19), "Protests grew last weekend.", "last weekend", "2022-W50"},
		{mon20230102, "Prices rose last month.", "last month", "2022-12"},
		{mon20230102, "Prices rose last year.", "last year", "2022"},
		{mon20230102, "They met last week.", "last week", "2022-W52"},
		{day(2021, 1, 4), "They met last week.", "last week", "2020-W53"},
		{sun20221218, "It must pass by the end of the year.", "the end of the year", "2022"},
	})
}

func TestFindMonths(t *testing.T) {
	runFindCases(t, []findCase{
		{sun20221218, "John Kirby on Dec. 9 called the partnership harmful", "Dec. 9", "2022-12-09"},
		{sun20221218, "supplied before the invasion of Ukraine began in February.", "February", "2022-02"},
		{sun20221218, "meeting in Uzbekistan in September.", "September", "2022-09"},
		{sun20221218, "In October, the mission issued a paper.", "October", "2022-10"},
		{sun20221218, "Drones have been used since February.", "February", "2022-02"},
		{sun20221218, "The elections will take place in February.", "February", "2023-02"},
		{sun20221218, "It happened in December.", "December", "2022-12"},
		{sun20221218, "He was born on December 9th.", "December 9th", "2022-12-09"},
		{sun20221218, "The deal was signed July 19.", "July 19", "2022-07-19"},
		{sun20221218, "The deal was signed Sept. 30.", "Sept. 30", "2022-09-30"},
		{sun20221218, "It was signed on Dec. 25.", "Dec. 25", "2021-12-25"},
		{sun20221218, "It will be signed on Dec. 25.", "Dec. 25", "2022-12-25"},
		{sun20221218, "It will be signed on Dec. 9.", "Dec. 9", "2023-12-09"},
		{sun20221218, "It was signed on the 9th of December.", "the 9th of December", "2022-12-09"},
		{sun20221218, "They met in early December.", "early December", "2022-12"},
		{sun20221218, "The summit was held on Dec. 9-10 in Doha.", "Dec. 9-10", "2022-12-09"},
		{time.Time{}, "The summit was held on Dec. 9–10, 2022 in Doha.", "Dec. 9–10, 2022", "2022-12-09"},
		{sun20221218, "They met in mid-November.", "mid-November", "2022-11"},
		{sun20221218, "They met at the end of October.", "the end of October", "2022-10"},
		{sun20221218, "They met in May.", "May", "2022-05"},
		{sun20221218, "Rallies were held in March and May.", "May", "2022-05"},
		{sun20221218, "They met last December.", "last December", "2021-12"},
		{sun20221218, "They will meet next March.", "next March", "2023-03"},
		{sun20221218, "The talks resumed in January.", "January", "2022-01"},
		// A month after the publish month in a past clause is last year's.
		{tue20230110, "The two leaders met in November.", "November", "2022-11"},
		{tue20230110, "The summit will be held in March.", "March", "2023-03"},
		{tue20230110, "The two leaders will meet in November.", "November", "2023-11"},
		{tue20230110, "Talks began in January.", "January", "2023-01"},
		{mon20230102, "Prices fell in December.", "December", "2022-12"},
		{mon20230102, "He was arrested Dec. 28.", "Dec. 28", "2022-12-28"},
		// Without a tense cue, the nearest occurrence.
		{day(2016, 9, 28), "They have a big problem; come out and support her in November.", "November", "2016-11"},
		{day(2016, 9, 29), "Minds are already set about their choice on Nov. 8.", "Nov. 8", "2016-11-08"},
		{day(2016, 9, 12), "It should be allowed to expire on September 30th, they wrote.", "September 30th", "2016-09-30"},
		{mon20230102, "Prices, Dec. 28: steady.", "Dec. 28", "2022-12-28"},
		// A weekday beside a month and day tells the year.
		{day(2015, 7, 13), "A shooting at 2:30 a.m. Sunday, July 5 was reported.", "2:30 a.m. Sunday, July 5", "2015-07-05"},
		{mon20230102, "The law passed on Friday, Dec. 30.", "Friday, Dec. 30", "2022-12-30"},
		{mon20230102, "The law takes effect Saturday, Dec. 30.", "Saturday, Dec. 30", "2023-12-30"},
		// Explicit dates need no anchor.
		{time.Time{}, "It was signed on December 9, 2022, in Doha.", "December 9, 2022", "2022-12-09"},
		{time.Time{}, "It was signed on 9 December 2022 in Doha.", "9 December 2022", "2022-12-09"},
		{time.Time{}, "It was signed on December 9th, 2022.", "December 9th, 2022", "2022-12-09"},
		{time.Time{}, "It was signed in December 2022.", "December 2022", "2022-12"},
		{time.Time{}, "It was signed in December of 2022.", "December of 2022", "2022-12"},
		{time.Time{}, "DECEMBER 18, 2022", "DECEMBER 18, 2022", "2022-12-18"},
		{time.Time{}, "December 18, 2022 10:31 AM", "December 18, 2022 10:31 AM", "2022-12-18"},
	})
}

func TestFindSeasonsYearsNumbers(t *testing.T) {
	runFindCases(t, []findCase{
		{sun20221218, "In the spring, Iranian pilots trained in Russia.", "the spring", "2022-spring"},
		{sun20221218, "Prices rose last summer.", "last summer", "2022-summer"},
		{sun20221218, "Prices rose this fall.", "this fall", "2022-autumn"},
		{sun20221218, "Prices rose this autumn.", "this autumn", "2022-autumn"},
		{sun20221218, "It snowed last winter.", "last winter", "2021-winter"},
		{sun20221218, "Talks resume in the spring.", "the spring", "2023-spring"},
		{sun20221218, "Talks resumed in the spring.", "the spring", "2022-spring"},
		{sun20221218, "Talks will resume in the spring.", "the spring", "2023-spring"},
		{sun20221218, "Talks will resume next spring.", "next spring", "2023-spring"},
		{sun20221218, "They met in the summer of 2021.", "the summer of 2021", "2021-summer"},
		{sun20221218, "They met in spring 2021.", "spring 2021", "2021-spring"},
		{mon20230102, "It snowed last winter.", "last winter", "2021-winter"},
		{mon20230102, "It snowed this winter.", "this winter", "2022-winter"},
		{mon20230102, "It snowed in the winter.", "the winter", "2022-winter"},
		{tue20230110, "It was hot in the summer.", "the summer", "2022-summer"},
		{day(2022, 4, 10), "It rained last spring.", "last spring", "2021-spring"},
		{time.Time{}, "The company was founded in 2014.", "2014", "2014"},
		{time.Time{}, "Sales have grown since 1998.", "1998", "1998"},
		{time.Time{}, "It opened in early 2022.", "early 2022", "2022"},
		{time.Time{}, "It opened in mid-2022.", "mid-2022", "2022"},
		{time.Time{}, "the Iran-Iraq war of the 1980s.", "the 1980s", "1980s"},
		{time.Time{}, "the late 1990s were calm.", "the late 1990s", "1990s"},
		{time.Time{}, "They grew up in the 1970s", "the 1970s", "1970s"},
		{sun20221218, "Music of the '80s", "the '80s", "1980s"},
		{sun20221218, "Music of the ’20s", "the ’20s", "1920s"},
		{sun20221218, "Music of '90s Britain", "'90s", "1990s"},
		{time.Time{}, "Date Created 12/20/2022", "12/20/2022", "2022-12-20"},
		{time.Time{}, "It was filed on 2022-12-20.", "2022-12-20", "2022-12-20"},
		{time.Time{}, "It was filed on 20/12/2022.", "20/12/2022", "2022-12-20"},
	})
}

func TestFindUnresolved(t *testing.T) {
	runFindCases(t, []findCase{
		{time.Time{}, "On Friday, CIA's chief William Burns said", "Friday", ""},
		{time.Time{}, "In the spring, Iranian pilots trained", "the spring", ""},
		{time.Time{}, "In October, the mission issued a paper.", "October", ""},
		{time.Time{}, "Last month, Tehran admitted", "Last month", ""},
		{time.Time{}, "It was signed on Dec. 9.", "Dec. 9", ""},
		{time.Time{}, "Music of the '80s", "the '80s", ""},
		{sun20221218, "They met a few days ago.", "a few days ago", ""},
		{sun20221218, "They met several weeks ago.", "several weeks ago", ""},
		{sun20221218, "Two days later, the deal collapsed.", "Two days later", ""},
		{sun20221218, "They met the following day.", "the following day", ""},
		{day(2023, 12, 18), "It was signed on Feb. 29.", "Feb. 29", ""},
	})
}

// TestFindNotDates lists text that holds no date expression.
func TestFindNotDates(t *testing.T) {
	for _, s := range []string{
		"Russia may be providing Iran with advanced military equipment.",
		"Theresa May said the talks failed.",
		"Protesters march in Tehran.",
		"The March of the Volunteers is an anthem.",
		"They reached a $40 billion deal in oil and gas development.",
		"As a country that has experienced 8-year imposed war and aggression,",
		"the Sukhoi Su-35, a Russian fighter jet",
		"a Creative Commons Attribution 4.0 International License.",
		"The Good Friday Agreement was signed in Belfast.",
		"The Sunday Times reported the talks.",
		"USA Today reported the talks.",
		"hundreds of ballistic missiles",
		"2,014 people were evacuated.",
		"Turnout rose to 2014%.",
		"After the fall of Kabul, prices fall.",
		"The Arab Spring began in Tunisia.",
		"within the next year, over the past year, during the last few months",
		"Dec said he would come.",
		"June Smith and April Ryan asked.",
		"the late president spoke",
		"May I ask a question?",
		"The score was 12/20 at half time.",
		"a hot spring and a cold winter wind",
		"Call 555-1234 or 2022-1234.",
		"still hoping for a brighter tomorrow",
	} {
		if ms := Find(s, sun20221218); len(ms) > 0 {
			t.Errorf("Find(%q) = %s, want no mentions", s, describe(ms))
		}
	}
}

func TestFindSpansAndClock(t *testing.T) {
	s := "Iran said Sunday, Dec. 18, 2022, at 3:15 p.m. that talks resume next week."
	ms := Find(s, sun20221218)
	if len(ms) != 2 {
		t.Fatalf("Find(%q) = %s, want 2 mentions", s, describe(ms))
	}
	m := ms[0]
	if m.Text != "Sunday, Dec. 18, 2022, at 3:15 p.m." || s[m.Start:m.End] != m.Text {
		t.Errorf("first mention = %q [%d:%d]", m.Text, m.Start, m.End)
	}
	if !m.Date.Clock || m.Date.Start != time.Date(2022, 12, 18, 15, 15, 0, 0, time.UTC) || m.Date.String() != "2022-12-18" {
		t.Errorf("first mention date = %v clock %v (%s)", m.Date.Start, m.Date.Clock, m.Date)
	}
	if ms[1].Text != "next week" || ms[1].Date.String() != "2022-W51" {
		t.Errorf("second mention = %q %s", ms[1].Text, ms[1].Date)
	}
}

func TestFindReasons(t *testing.T) {
	ms := Find("CIA chief William Burns told PBS television on Friday that", sun20221218)
	if len(ms) != 1 {
		t.Fatalf("got %s", describe(ms))
	}
	if want := `weekday before publish date 2022-12-18 (past: "told")`; ms[0].Reason != want {
		t.Errorf("reason = %q, want %q", ms[0].Reason, want)
	}
	ms = Find("Monday, December 18, 2022", time.Time{})
	if len(ms) != 1 || !strings.Contains(ms[0].Reason, "says Monday but it is a Sunday") {
		t.Errorf("mismatched weekday: got %s %q", describe(ms), ms[0].Reason)
	}
}

func TestFindRelative(t *testing.T) {
	for text, want := range map[string]bool{
		"on Friday": true, "last month": true, "Dec. 9": true, "in the spring": true, "the '80s": true,
		"December 9, 2022": false, "December 2022": false, "in 2014": false, "the 1980s": false,
		"the summer of 2021": false, "12/20/2022": false, "two days later": true,
	} {
		ms := Find(text, sun20221218)
		if len(ms) != 1 || ms[0].Relative != want {
			t.Errorf("Find(%q) = %+v, want one mention with Relative %v", text, ms, want)
		}
	}
}

func TestMentionJSON(t *testing.T) {
	ms := Find("Last month, Tehran admitted it", sun20221218)
	b, err := json.Marshal(ms)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"start":0,"end":10,"text":"Last month","date":"2022-11","resolved":true,"relative":true,"reason":"-1 month(s) from publish date 2022-12-18"}]`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
}

func TestFindAnchorLocation(t *testing.T) {
	// Only the anchor's calendar date in its own zone counts.
	tehran := time.FixedZone("IRST", 3*3600+1800)
	anchor := time.Date(2022, 12, 18, 1, 0, 0, 0, tehran) // 2022-12-17 21:30 UTC
	ms := Find("It happened yesterday.", anchor)
	if len(ms) != 1 || ms[0].Date.String() != "2022-12-17" {
		t.Errorf("got %s", describe(ms))
	}
}

func TestLexiconLength(t *testing.T) {
	for w := range lexicon {
		if len(w) > maxLexeme {
			t.Errorf("lexicon word %q is longer than maxLexeme %d", w, maxLexeme)
		}
	}
}
