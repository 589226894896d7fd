// Package dates finds date and time expressions in English news text and
// resolves them against the article's publish date, the way a reader of the
// article would: in an article published on Sunday 2022-12-18, "on Friday"
// is 2022-12-16, "Dec. 9" is 2022-12-09, "last month" is 2022-11 and "in
// the spring" is 2022-spring. It serves the story timeline and the cleaner.
//
// # Finding
//
// Find is a hand-written recogniser over a light tokenisation. It knows
// weekdays (bare, "on", "last", "next", "this", "this past"), "yesterday",
// "today", "tomorrow", "tonight", "last night", "this morning"; "last
// week/month/year", "this week", "earlier this month", "later this year",
// "next month", "the weekend"; month names and their abbreviations with or
// without a day and a year ("Dec. 9", "December 9th, 2022", "9 December
// 2022", "the 9th of December", "December 2022"); seasons ("in the spring",
// "last summer", "this fall", "the summer of 2021"); years ("in 2014",
// "since 1998", "early 2022") and decades ("the 1980s", "the '90s"); US and
// ISO numeric dates (12/20/2022, 2022-12-20); counts ("two days ago", "three
// weeks ago", "a year ago", "a week from now"); early/mid/late and "the end
// of" before a period; and a time of day beside a day ("Friday at 10 a.m.",
// "11:30 a.m. Tuesday").
//
// Words that only look like dates are left alone: "may" and "March" as
// verbs, "Theresa May", "the October Revolution", "Good Friday", "the Sunday
// Times", "USA Today", "the fall of Kabul", "$40 billion", "8-year", "within
// the next year" (a duration).
//
// # Resolving
//
// A bare weekday is the latest such day on or before the publish date (news
// convention), or the next one when the clause is in the future ("will",
// "scheduled", "going to"). A month, a month and day, or a season without a
// year is the nearest past occurrence in a past clause, the nearest future
// one in a future clause, and the nearest one either way when the clause
// shows no tense ("support her in November", in September, is this
// November). The tense cue is the nearest one in the sentence, preferring
// cues on the mention's side of a comma; its word is quoted in the Reason.
// A weekday written beside a month and day ("Sunday, July 5") picks the
// year.
//
// What cannot be resolved is reported with Resolved false and a Reason,
// never guessed: relative expressions when the publish date is unknown,
// vague counts ("a few days ago"), and dates relative to another event
// ("two days later", "the following day").
//
// # Rendering
//
// A resolved Date is a start and a Precision; String renders it as the
// timeline prints it: day "2022-12-16", week "2022-W49" (ISO), month
// "2022-11", season "2022-spring" (northern-hemisphere meteorological
// seasons; a winter belongs to the year of its December), year "2022",
// decade "1980s".
//
// ParseDate parses a line that is only a date, such as a publish-date line
// the cleaner sets aside.
package dates
