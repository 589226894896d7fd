package clean

import (
	"regexp"
	"strings"

	"github.com/parallax-news/parallax/internal/article"
)

// noiseRule sets aside a block of at most maxWords words whose folded text
// (lower case, quotes and dashes unified) matches rx.
type noiseRule struct {
	kind     string
	maxWords int
	rx       *regexp.Regexp
	gate     string // a literal the text must hold for rx to be tried
}

// rules makes the rules of one kind. Patterns anchored at the start are
// joined into one regexp, which stops as soon as the start fails to match;
// the others stay apart, so that each is searched from its literal prefix.
func rules(kind string, maxWords int, patterns ...string) []noiseRule {
	var anchored []string
	var out []noiseRule
	for _, p := range patterns {
		if strings.HasPrefix(p, "^") {
			anchored = append(anchored, p[1:])
		} else {
			rx := regexp.MustCompile(p)
			gate, _ := rx.LiteralPrefix()
			out = append(out, noiseRule{kind, maxWords, rx, gate})
		}
	}
	if len(anchored) > 0 {
		rx := regexp.MustCompile(`^(?:(?:` + strings.Join(anchored, `)|(?:`) + `))`)
		out = append([]noiseRule{{kind, maxWords, rx, ""}}, out...)
	}
	return out
}

// noiseRules is the read-only table of boilerplate seen in scraped news:
// the seeds and a corpus of US local news pages. Patterns are anchored or
// specific, and the word limit keeps a rule from ever taking a paragraph of
// prose that merely mentions the phrase.
var noiseRules = concat(
	rules(article.AsidePlayer, 20,
		`your browser do(es)? ?n[o']?t support (html5|the video|this video|video|iframes)`,
		`^please enable javascript to (watch|view|play)`,
		`^having trouble (viewing|playing) (the|this) video`,
		`^scroll down for (the )?video`,
		`^(hide|show) transcript`,
		`^(watch|play) (this story|the video|video|live|now)$`,
		`^(now playing|up next|autoplay|embed\b|transcript for\b)`,
		`^\d{1,2}:\d{2} .{3,120} pause$`,
		`^(video|play|pause|replay|mute|unmute|fullscreen)$`,
	),
	rules(article.AsideShare, 12,
		`^(share|share this|share this article|share this story|tweet|e-?mail|print|pinterest|google\+?|facebook|twitter|linkedin|reddit|whatsapp|telegram|flipboard|more|copy|copy link|copy link copy|comments?|\d+ (pending )?comments?|close|sign in|sign up|log in|login|register|subscribe|next|previous|back to gallery|back to top|photos?|gallery|expand)[:.!]?$`,
		`^((share( this)?|facebook|twitter|e-?mail|print|linkedin|pinterest|reddit|whatsapp|google\+?|more|comments?|copy link)\s*[:|•·,/]?\s*){2,}$`,
		`^share (this|on|via)\b`,
		`^like this: like loading`,
		`^(a a|a a a|text size|font size|resize text)$`,
		`^page \d+ of \d+$`,
		`more ?>>$`,
		`^read or share this (story|article)`,
		`^(close )?get e-?mail notifications on`,
		`^(your name|your e-?mail|recipient'?s? e-?mail|e-?mail address)\s*:?\s*\*?$`,
	),
	rules(article.AsideShare, 40,
		`you must enter the characters`,
		`enter the characters (you see|shown|in the image)`,
		`a friend wanted you to see this (item|article|story)`,
		`sign up for (one of )?(our|the) .{0,40}newsletters?`,
		`^e-?mail newsletters?\b`,
		`^subscribe to (our|the) .{0,40}(newsletter|channel|podcast)`,
		`^get (breaking news|news) alerts`,
		`get alerted to news events`,
		`^thank you for (registering|signing up|subscribing)`,
		`^already (have an account|a subscriber|registered)`,
		`we have sent (you )?a (verification|confirmation) e-?mail`,
		`if you do not receive the verification`,
		`by submitting your registration`,
		`agree to our terms of (service|use)`,
		`^welcome back\. please sign in`,
		`^click here to return to the page`,
		`mail notifications are only sent`,
		`^your notification has been saved`,
		`^there was a problem saving your notification`,
		`^why are we asking this`,
		`^you are the owner of this article`,
		`premium clicks used`,
		`^(total access|get digital access)$`,
		`deliverable area for this subscription`,
		`^re-enter zip code`,
		`enjoy the convenience of home delivery`,
		`^sign up today`,
		`^(download|get) (our|the) (free )?(\S+ )?app\b`,
		`^text \S+ to \d{3,6}\b`,
		`^follow us\b`,
		`^follow (us|@?\S+)( on|:)? (twitter|facebook|instagram|x|telegram|google)`,
		`^follow \S+:? (facebook|twitter)`,
		`^join the conversation on`,
		`^never miss another facebook post`,
		`^like us on facebook`,
		`^stay up to date,? follow`,
		`^report an error`,
		`^submit a (news )?tip`,
		`^click here for reuse options`,
		`^for more neighborhood news,? listen to`,
		`^add a location to your tweets`,
		`^when you tweet with a location`,
		`^sign in using you`,
		`^we look forward to seeing you`,
		`^just one more thing`,
		`{\* ?[a-z_]+ ?\*}`,
		`^(to )?(read|view|see) (the )?(full|original|complete) (story|article|report)`,
	),
	rules(article.AsideShare, 20,
		`^(click|tap) here\b`,
		`^want to (become|subscribe)\b`,
		`^thank you for reading\b`,
		`^(click|tap) (the|this) (link|button)`,
	),
	rules(article.AsideRelated, 30,
		`^related( articles?| stories| story| content| coverage| links?| news| reading| posts?| videos?)?\s*[:|-]`,
		`^related( articles?| stories| story| content| coverage| links?| news)?$`,
		`^(read more|read also|also read|see also|also see|more|more from|more on this|trending stories|trending now|trending|recommended|you may also like|don't miss|must read|editor's picks?|latest|top stories|most popular|most read)\s*:`,
		`^read more (top )?(trending )?stories`,
		`^more (stories|news|videos|coverage) (from|on|about)\b`,
		`^(photos|pictures|gallery|slideshow|videos?|watch)\s*:\s*\S+( \S+){2,}`,
		`^(slideshow|related coverage)\b`,
		`view full caption$`,
		`^from wikipedia, the free encyclopedia`,
	),
	rules(article.AsideCategory, 40,
		`^(tags|topics|categories|category|filed under|keywords)\s*:`,
		`^home\s*[:>|/»›]`,
	),
	rules(article.AsideLicence, 90,
		`^\(?(tm and )?(copyright|©|\(c\))`,
		`^all (content|contents|materials?|articles) (by|of|from|on) .{2,60} (is|are) (licensed|protected|copyrighted)`,
		`^\(source: [^)]*©`,
		`^this (material|article|story|content) may not be`,
		`^(republication|reproduction|redistribution) (or|and|of)`,
	),
	rules(article.AsideLicence, 25,
		`all rights reserved`,
		`may not be (published|reproduced|copied|republished|used)(,| or)`,
		`licensed under (a |the )?creative commons`,
	),
	rules(article.AsideCredit, 15,
		`^information from: `,
		`contributed (to )?this (report|story|article)`,
		`^[.\s]*\((photo|image|credit)s?:`,
		`^click to enlarge\b`,
		`^source\s*:\s*\S`,
	),
	rules(article.AsideByline, 60,
		`^reporting by .{2,80}(editing|writing) by`,
		`^(additional )?reporting by\b`,
		`^(e-?mail|twitter|contact)( me| him| her)?\s*:\s*\S+$`,
		`^follow (him|her|them|me) (on|at) (twitter|x|facebook|instagram)`,
		`^contact [^.]{2,60}(@|twitter|e-?mail|\d{3}-\d{4})`,
		`is a [^.]{0,60}(staff writer|writer|reporter|correspondent|editor|columnist|contributor)\b.{0,120}(e-?mail|twitter|@)`,
		`is an [^.]{0,60}(staff writer|writer|reporter|correspondent|editor|columnist|contributor)\b.{0,120}(e-?mail|twitter|@)`,
	),
	rules(article.AsideByline, 4,
		`staff( reports?)?$`,
		`wire reports?$`,
	),
	rules(article.AsideByline, 1,
		`^\S+@\S+\.[a-z]{2,}$`,
	),
	rules(article.AsideHeading, 40,
		`^(story )?highlights\b`,
	),
	rules(article.AsideOther, 6,
		`^(advertisement|advertising|sponsored|sponsored content|ad|ads|promoted|story continues below( advertisement)?|continue reading( below)?|skip (ad|advertisement))$`,
	),
	rules(article.AsideURL, 10,
		`^(https?://|www\.)\S+$`,
		`^original (url|link|article|source)\s*:`,
	),
)

func concat(parts ...[]noiseRule) []noiseRule {
	var out []noiseRule
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// chromeHeadings maps page-chrome headings (folded, without a trailing
// colon) to the kind of aside they are.
var chromeHeadings = map[string]string{
	"description": article.AsideHeading, "summary": article.AsideHeading, "abstract": article.AsideHeading,
	"article": article.AsideHeading, "story": article.AsideHeading, "content": article.AsideHeading,
	"category": article.AsideCategory, "categories": article.AsideCategory, "tags": article.AsideCategory,
	"topics": article.AsideCategory, "keywords": article.AsideCategory, "filed under": article.AsideCategory,
	"related": article.AsideRelated, "related articles": article.AsideRelated, "related stories": article.AsideRelated,
	"related content": article.AsideRelated, "related news": article.AsideRelated, "read more": article.AsideRelated,
	"more stories": article.AsideRelated, "recommended": article.AsideRelated, "you may also like": article.AsideRelated,
	"trending": article.AsideRelated, "trending stories": article.AsideRelated, "trending now": article.AsideRelated,
	"most popular": article.AsideRelated, "most read": article.AsideRelated, "latest news": article.AsideRelated,
	"top stories": article.AsideRelated, "more from this section": article.AsideRelated, "see also": article.AsideRelated,
	"share": article.AsideShare, "share this": article.AsideShare, "share this article": article.AsideShare,
	"follow us": article.AsideShare, "newsletter": article.AsideShare, "comments": article.AsideShare,
	"about the author": article.AsideByline, "author": article.AsideByline, "authors": article.AsideByline,
	"advertisement": article.AsideOther,
	"original url":  article.AsideURL, "original link": article.AsideURL, "source url": article.AsideURL,
}

// chromeKind returns the aside kind of a chrome heading, or "".
func chromeKind(b *block) string {
	if b.words > 4 {
		return ""
	}
	return chromeHeadings[strings.TrimRight(b.fold, ": ")]
}

// ruleKind returns the kind of the first noise rule the block matches.
func ruleKind(b *block) string {
	for _, r := range noiseRules {
		if b.words <= r.maxWords && strings.Contains(b.fold, r.gate) && r.rx.MatchString(b.fold) {
			return r.kind
		}
	}
	return ""
}

var (
	rxPlaylist = regexp.MustCompile(`^\d{1,2}:\d{2} \pL`)
	rxBareURL  = regexp.MustCompile(`^<?(?:https?://|www\.)\S+>?$`)
)

// markNoise sets aside the blocks that are boilerplate on their own, then
// the ones that are boilerplate because of what precedes them: the items
// of a category list, the URL after "Original url:", the video title after
// a player line, the runs of a video playlist.
func (c *cleaner) markNoise(bs []*block) {
	for _, b := range bs {
		if !b.body() {
			continue
		}
		if k := chromeKind(b); k != "" {
			b.kind = k
		} else if k := ruleKind(b); k != "" {
			b.kind = k
		} else if b.image {
			b.kind = article.AsideCaption
		}
	}
	for i, b := range bs {
		if i > 0 && b.body() {
			c.follow(bs[i-1], b)
		}
	}
	markPlaylists(bs)
}

// follow sets aside block b when the chrome block before it, prev, makes
// it chrome too.
func (c *cleaner) follow(prev, b *block) {
	switch prev.kind {
	case article.AsideCategory, article.AsideRelated:
		// the items of a list under a category or related heading, or the
		// headline lines under a "Trending stories:" heading
		opens := chromeKind(prev) != "" || strings.HasSuffix(prev.fold, ":")
		if !opens && !prev.list {
			return // a "Related article: ..." line with its own link
		}
		if b.list && (opens || prev.list) {
			b.kind = prev.kind
		} else if prev.kind == article.AsideRelated && opens && headlineLike(b) {
			b.kind = prev.kind
			b.list = true // so that the next headline line follows it
		}
	case article.AsideURL:
		if rxBareURL.MatchString(b.text) {
			b.kind = article.AsideURL
		}
	case article.AsidePlayer:
		if headlineLike(b) {
			b.kind = article.AsideCaption
			c.note("video title after a player line set aside as a caption: %q", b.text)
		}
	}
}

// headlineLike reports whether b is a short unpunctuated line, as the
// titles of videos and linked stories are.
func headlineLike(b *block) bool {
	if b.words == 0 || b.words > 15 || b.heading > 0 || b.list || endsSentence(b.text) || hasQuote(b.text) {
		return false
	}
	if _, _, ok := parseDateLine(b.text); ok {
		return false
	}
	return rxDateLabel.FindString(b.text) != b.text
}

// markPlaylists sets aside runs of two or more "1:11 Video title" lines.
func markPlaylists(bs []*block) {
	for i := 0; i < len(bs); {
		j := i
		for j < len(bs) && bs[j].body() && bs[j].words <= 25 && rxPlaylist.MatchString(bs[j].text) && !endsSentence(bs[j].text) {
			j++
		}
		if j-i >= 2 {
			for k := i; k < j; k++ {
				bs[k].kind = article.AsidePlayer
			}
		}
		i = max(j, i+1)
	}
}
