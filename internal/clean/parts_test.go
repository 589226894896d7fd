package clean

import (
	"strings"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/article"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		in, names, rest string
		ok              bool
	}{
		{"By AFP", "AFP", "", true},
		{"by Dave DeCamp", "Dave DeCamp", "", true},
		{"By: Breaking News Staff", "Breaking News Staff", "", true},
		{"By Jane Roe and John de la Cruz", "Jane Roe and John de la Cruz", "", true},
		{"By Jane Roe | December 18, 2022", "Jane Roe", "December 18, 2022", true},
		{"Written by Anna O'Neil-Smith", "Anna O'Neil-Smith", "", true},
		{"By the time he arrived, the shop was closed.", "", "", false},
		{"By Sunday, officials had counted 12 dead.", "", "", false},
		{"By 2 p.m. the road was open", "", "", false},
		{"Bystanders said they heard shots", "", "", false},
		{"by", "", "", false},
	}
	for _, tt := range tests {
		names, rest, ok := parseByline(tt.in)
		if names != tt.names || rest != tt.rest || ok != tt.ok {
			t.Errorf("parseByline(%q) = %q, %q, %v; want %q, %q, %v", tt.in, names, rest, ok, tt.names, tt.rest, tt.ok)
		}
	}
}

func TestSplitWire(t *testing.T) {
	tests := []struct{ in, people, wire string }{
		{"AFP", "AFP", "AFP"},
		{"The Associated Press", "The Associated Press", "AP"},
		{"Reuters Staff", "Reuters Staff", "Reuters"},
		{"Jane Roe, Associated Press", "Jane Roe", "AP"},
		{"Jane Roe | Reuters", "Jane Roe", "Reuters"},
		{"Jane Roe, Associated Press Writer", "Jane Roe", "AP"},
		{"Jane Roe (dpa)", "Jane Roe", "dpa"},
		{"Dave DeCamp", "Dave DeCamp", ""},
		{"Apollo Papadopoulos", "Apollo Papadopoulos", ""}, // "Ap" is not AP
		{"Ryan Reuterson", "Ryan Reuterson", ""},
	}
	for _, tt := range tests {
		people, wire := splitWire(tt.in)
		if people != tt.people || wire != tt.wire {
			t.Errorf("splitWire(%q) = %q, %q; want %q, %q", tt.in, people, wire, tt.people, tt.wire)
		}
	}
}

func TestParseDateline(t *testing.T) {
	tests := []struct {
		in, place, credit, rest string
		ok                      bool
	}{
		{"TEHRAN – The director of the CIA said", "Tehran", "", "The director of the CIA said", true},
		{"WASHINGTON (Reuters) - The United States said", "Washington", "Reuters", "The United States said", true},
		{"MOSCOW, Dec 18 (Reuters) - Russia said", "Moscow", "Reuters", "Russia said", true},
		{"LONDON — Britain said", "London", "", "Britain said", true},
		{"SALISBURY, N.C. (WBTV) — A shooting in Salisbury", "Salisbury, N.C.", "WBTV", "A shooting in Salisbury", true},
		{"NEW PORT RICHEY, Fla. - Authorities say", "New Port Richey, Fla.", "", "Authorities say", true},
		{"WILKES-BARRE, Pa. -- Police said", "Wilkes-Barre, Pa.", "", "Police said", true},
		{"North Las Vegas (KTNV) - One person is dead", "North Las Vegas", "KTNV", "One person is dead", true},
		{"(CNN) — A gunman opened fire", "", "CNN", "A gunman opened fire", true},
		{"Officials in MOSCOW – the capital – said", "", "", "", false},
		{"The talks in MOSCOW — which lasted hours — ended", "", "", "", false},
		{"FILE - In this photo, police stand guard", "", "", "", false},
		{"UPDATE - Police have arrested a man", "", "", "", false},
		{"Tehran – the capital – was quiet", "", "", "", false},
		{"CIA chief William Burns said", "", "", "", false},
	}
	for _, tt := range tests {
		d, ok := parseDateline(tt.in)
		rest := ""
		if ok {
			rest = tt.in[d.end:]
		}
		if ok != tt.ok || d.place != tt.place || d.credit != tt.credit || rest != tt.rest {
			t.Errorf("parseDateline(%q) = %+v %q %v; want place %q credit %q rest %q %v", tt.in, d, rest, ok, tt.place, tt.credit, tt.rest, tt.ok)
		}
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in, want, label string
	}{
		{"December 18, 2022", "2022-12-18", ""},
		{"Dec. 18, 2022", "2022-12-18", ""},
		{"Dec 18 2022", "2022-12-18", ""},
		{"Sept. 5, 2016", "2016-09-05", ""},
		{"18 December 2022", "2022-12-18", ""},
		{"Sunday, 18th December 2022", "2022-12-18", ""},
		{"12/20/2022", "2022-12-20", ""},
		{"20/12/2022", "2022-12-20", ""},
		{"2022-12-20", "2022-12-20", ""},
		{"2022-12-20T14:03:00Z", "2022-12-20", ""},
		{"Sunday, December 18, 2022", "2022-12-18", ""},
		{"Friday, July 10, 2015 6:47 AM EDT", "2015-07-10", ""},
		{"December 18, 2022 at 10:30 a.m.", "2022-12-18", ""},
		{"Published: December 18, 2022", "2022-12-18", "published"},
		{"Posted: Friday, July 10, 2015 6:47 AM EDT Updated: Friday, July 11, 2015 6:47 AM EDT", "2015-07-10", "posted"},
		{"Updated: Apr 3, 2016 - 4:05 PM", "2016-04-03", "updated"},
		{"Date Created 12/20/2022", "2022-12-20", "date created"},
		{"Posted on 13 August 2013", "2013-08-13", "posted on"},
		// not date lines
		{"Tuesday, July 19, 2022, in Tehran", "", ""},
		{"The meeting on December 18, 2022 ended early.", "", ""},
		{"February 30, 2022", "", ""},
		{"13/13/2022", "", ""},
		{"December 2022", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		got, label, ok := parseDateLine(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("parseDateLine(%q) = %v, want no date", tt.in, got)
			}
			continue
		}
		if !ok || got.Format(time.DateOnly) != tt.want || label != tt.label {
			t.Errorf("parseDateLine(%q) = %v %q %v; want %s %q", tt.in, got, label, ok, tt.want, tt.label)
		}
	}
}

func TestOutletFromURL(t *testing.T) {
	tests := []struct {
		in, name string
		known    bool
	}{
		{"https://www.themoscowtimes.com/2022/12/18/iran-a79729", "The Moscow Times", true},
		{"https://en.mehrnews.com/news/195872/", "Mehr News Agency", true},
		{"https://www.voanews.com/a/iran/6880000.html", "Voice of America", true},
		{"https://news.antiwar.com/2022/12/20/cia/", "Antiwar.com", true},
		{"https://www.bbc.co.uk/news/world", "BBC", true},
		{"https://abcnews.go.com/US/story", "ABC News", true},
		{"http://www.wbtv.com/story/1234/shooting", "wbtv.com", false},
		{"https://news.example.co.uk/a", "example.co.uk", false},
		{"www.tehrantimes.com/news/479000", "Tehran Times", true},
		{"not a url", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		name, known := outletFromURL(tt.in)
		if name != tt.name || known != tt.known {
			t.Errorf("outletFromURL(%q) = %q, %v; want %q, %v", tt.in, name, known, tt.name, tt.known)
		}
	}
}

func TestLicenceHolder(t *testing.T) {
	tests := []struct{ in, outlet, wire string }{
		{"All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.", "Mehr News Agency", ""},
		{"Copyright 2016 WBTV. All rights reserved.", "WBTV", ""},
		{"Copyright 2016 by KSAT - All rights reserved.", "KSAT", ""},
		{"(© 2016 KHOU)", "KHOU", ""},
		{"Copyright 2015 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", "", "AP"},
		{"Copyright 2016 WSMV (Meredith Corporation). All rights reserved.", "WSMV", ""},
		{"© 2016 Cox Media Group.", "", ""},
		{"Copyright 2016 Nexstar Broadcasting, Inc. All rights reserved.", "", ""},
	}
	for _, tt := range tests {
		outlet, wire := licenceHolder(tt.in)
		if outlet != tt.outlet || wire != tt.wire {
			t.Errorf("licenceHolder(%q) = %q, %q; want %q, %q", tt.in, outlet, wire, tt.outlet, tt.wire)
		}
	}
}

// asideKinds cleans text and returns the kind each listed paragraph got:
// "body" when it stayed in the body, "gone" when it is in neither.
func asideKinds(t *testing.T, text string, paras ...string) []string {
	t.Helper()
	r, _ := Clean(Input{Text: text})
	var out []string
	for _, p := range paras {
		kind := "gone"
		if strings.Contains(r.Body, p) {
			kind = "body"
		}
		for _, a := range r.Asides {
			if strings.Contains(a.Text, p) {
				kind = a.Kind
			}
		}
		out = append(out, kind)
	}
	return out
}

const (
	prose  = "Police said the two men were taken to hospital after the shooting on Main Street, and that no arrests had been made by Sunday evening."
	prose2 = "The mayor told reporters on Monday that the city would pay for more street lights in the neighbourhood, where three shootings happened this year."
)

func TestCaptions(t *testing.T) {
	tests := []struct {
		name, text string
		para       string
		want       string
	}{
		{"before credit in the lead-in",
			"# Title of the story here\n\nLeaders meeting in Uzbekistan in September.\n\n**Presidency via ZUMA Press Wire**\n\n" + prose,
			"Leaders meeting in Uzbekistan", article.AsideCaption},
		{"agency trailer with positions",
			prose + "\n\nJane Roe, left, greets John Doe at the palace in Tehran, Iran, Tuesday, July 19, 2022.\n\n" + prose2,
			"Jane Roe, left, greets", article.AsideCaption},
		{"file photo opening",
			prose + "\n\nFILE - In this Jan. 5, 2016 file photo, police guard the court in Denver.\n\n" + prose2,
			"police guard the court", article.AsideCaption},
		{"prose with a date stays",
			prose + "\n\nThe two presidents met at the palace in Tehran on Tuesday, July 19, 2022, and signed a deal.\n\n" + prose2,
			"The two presidents met", "body"},
		{"prose before a credit stays outside the lead-in",
			prose + "\n\nThe suspect was arrested later that night, police said.\n\nPhoto: WJHL\n\n" + prose2,
			"The suspect was arrested", "body"},
		{"prose ending with a weekday date mid-article stays",
			prose + "\n\nThe council will vote on the plan at its meeting in the city hall, Tuesday, July 19, 2022.\n\n" + prose2,
			"The council will vote", "body"},
		{"credit line",
			prose + "\n\nAP Photo/Vahid Salemi\n\n" + prose2,
			"AP Photo/Vahid Salemi", article.AsideCredit},
		{"inline photo credit",
			"The mayor said on Monday that the city would pay for more street lights, and that police would patrol the area every night. (Photo: Jane Roe/WJHL)\n\n" + prose,
			"Photo: Jane Roe/WJHL", article.AsideCredit},
		{"short line with a photo credit",
			prose + "\n\nMary Mabire (Photo: Special to the News Journal)\n\n" + prose2,
			"Mary Mabire", article.AsideCaption},
	}
	for _, tt := range tests {
		if got := asideKinds(t, tt.text, tt.para)[0]; got != tt.want {
			t.Errorf("%s: %q is %s, want %s", tt.name, tt.para, got, tt.want)
		}
	}
}

func TestNoise(t *testing.T) {
	tests := []struct{ line, want string }{
		{"You must enter the characters with black color that stand out from the other characters", article.AsideShare},
		{"Message: * A friend wanted you to see this item from WRAL.com: http://wr.al/16gEE", article.AsideShare},
		{"Share this: Facebook", article.AsideShare},
		{"Facebook | Twitter | Email | Print", article.AsideShare},
		{"Sign up for one of our email newsletters.", article.AsideShare},
		{"Click here to return to the page you were visiting.", article.AsideShare},
		{"Copyright 2016 WBTV. All rights reserved.", article.AsideLicence},
		{"Copyright 2015 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.", article.AsideLicence},
		{"Related: Police seek suspect in Main Street shooting", article.AsideRelated},
		{"READ MORE: Identity released in truck stop homicide", article.AsideRelated},
		{"(Photo: WKRN)", article.AsideCredit},
		{"Photo: Paul Hart, Getty Images", article.AsideCredit},
		{"Please enable Javascript to watch this video", article.AsidePlayer},
		{"Advertisement", article.AsideOther},
		{"jdickson@detroitnews.com", article.AsideByline},
		{"The Associated Press contributed to this report.", article.AsideCredit},
		{"Tags: shooting, police, Main Street", article.AsideCategory},
		// prose that mentions the same words stays
		{"Anyone with information can submit a tip to Crime Stoppers or call the police, who said they would share details later.", "body"},
		{"The sheriff said the company had reserved all rights to the land, and that the copyright dispute was unrelated to the shooting.", "body"},
		{"Click the link below, the mayor told residents at the meeting on Monday, and you will see the whole report the police wrote.", "body"},
		{"The investigation is ongoing.", "body"},
		{"No arrests have been made.", "body"},
	}
	for _, tt := range tests {
		if got := asideKinds(t, prose+"\n\n"+tt.line+"\n\n"+prose2, tt.line)[0]; got != tt.want {
			t.Errorf("%q is %s, want %s", tt.line, got, tt.want)
		}
	}
}

func TestTitleAndHeadings(t *testing.T) {
	tests := []struct {
		name, text string
		title      string
		body       []string
	}{
		{"plain headline", "Russia and Iran Deepening Their Relationship\n\n" + prose, "Russia and Iran Deepening Their Relationship", nil},
		{"markdown heading", "## CIA Chief Says Something New\n\n" + prose, "CIA Chief Says Something New", nil},
		{"first paragraph is not a title", prose + "\n\nSection heading\n\n" + prose2, "", []string{"Section heading"}},
		{"two-word line is not a title", "Incident Update\n\n" + prose, "", []string{"Incident Update"}},
		{"dateline line is not a title", "ANCHORAGE –\n\n" + prose, "", nil},
		{"mid-article heading stays", "# The Title Of It All\n\n" + prose + "\n\n## What happened next\n\n" + prose2, "The Title Of It All", []string{"What happened next"}},
		{"heading after a kicker", "World\n\n# Real Headline Here\n\n" + prose, "Real Headline Here", []string{"World"}},
		{"chrome heading goes", prose + "\n\n### Description\n\n" + prose2, "", nil},
	}
	for _, tt := range tests {
		r, err := Clean(Input{Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, r.Title, tt.title)
		}
		for _, b := range tt.body {
			if !strings.Contains(r.Body, "\n\n"+b+"\n\n") && !strings.HasPrefix(r.Body, b+"\n\n") {
				t.Errorf("%s: %q is not a paragraph of the body %q", tt.name, b, r.Body)
			}
		}
		if strings.Contains(r.Body, "#") || strings.Contains(r.Body, "Description") {
			t.Errorf("%s: markup or chrome in body %q", tt.name, r.Body)
		}
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Bold** and *italic* and __strong__", "Bold and italic and strong"},
		{"See [the report](https://example.com/a) and <https://example.com>", "See the report and https://example.com"},
		{"An image ![alt text](a.png) inside", "An image inside"},
		{"snake_case_name stays, _emph_ goes", "snake_case_name stays, emph goes"},
		{"Use `code` and \\*stars\\*", "Use code and *stars*"},
		{"5 * 3 * 2 = 30", "5 * 3 * 2 = 30"},
		{"“Curly quotes” stay ‘as written’", "“Curly quotes” stay ‘as written’"},
	}
	for _, tt := range tests {
		b := newBlock(tt.in)
		if b == nil || b.text != tt.want {
			t.Errorf("newBlock(%q).text = %v, want %q", tt.in, b, tt.want)
		}
	}
}

func TestNormalisation(t *testing.T) {
	in := "First\u00a0paragraph ends here.\u00a0 Second para\u200bgraph\r\nwraps here.\r\n\r\nCafe\u0301 opens."
	r, err := Clean(Input{Text: in})
	if err != nil {
		t.Fatal(err)
	}
	want := "First paragraph ends here.\n\nSecond paragraph wraps here.\n\nCafé opens."
	if r.Body != want {
		t.Errorf("body = %q, want %q", r.Body, want)
	}
}

func TestWireCredits(t *testing.T) {
	tests := []struct{ text, wire, dateline string }{
		{"WASHINGTON (Reuters) - " + prose, "Reuters", "Washington"},
		{"FLINT (WWJ/AP) – Police say a 3-year-old boy has been found dead.\n\n" + prose, "AP", "Flint"},
		{"MARKSVILLE, La. (AP) - " + prose + "\n\nCopyright 2015 The Associated Press. All rights reserved.", "AP", "Marksville, La."},
		{prose + " —AFP", "AFP", ""},
		{prose + "\n\nSource: IRNA", "IRNA", ""},
		{"SALISBURY, N.C. (WBTV) — " + prose, "", "Salisbury, N.C."},
		{prose + "\n\nThe Associated Press contributed to this report.", "", ""},
		{prose + "\n\n(Photo: AP)", "", ""},
	}
	for _, tt := range tests {
		r, _ := Clean(Input{Text: tt.text})
		if r.Wire != tt.wire || r.Dateline != tt.dateline {
			t.Errorf("Clean(%q): wire %q dateline %q, want %q %q", clip(tt.text), r.Wire, r.Dateline, tt.wire, tt.dateline)
		}
		if strings.Contains(r.Body, "AFP") || strings.Contains(r.Body, "(Reuters)") {
			t.Errorf("credit left in body %q", r.Body)
		}
	}
}
