package clean

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/publicsuffix"
)

// outletDomains maps the domains of well-known news outlets to their
// names. Hosts are looked up whole (minus "www.") and then by registrable
// domain.
var outletDomains = map[string]string{
	"themoscowtimes.com": "The Moscow Times", "tehrantimes.com": "Tehran Times", "mehrnews.com": "Mehr News Agency",
	"voanews.com": "Voice of America", "antiwar.com": "Antiwar.com", "reuters.com": "Reuters",
	"apnews.com": "Associated Press", "ap.org": "Associated Press", "bbc.co.uk": "BBC", "bbc.com": "BBC",
	"nytimes.com": "The New York Times", "washingtonpost.com": "The Washington Post", "cnn.com": "CNN",
	"foxnews.com": "Fox News", "theguardian.com": "The Guardian", "guardian.co.uk": "The Guardian",
	"aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera", "rt.com": "RT", "presstv.ir": "Press TV",
	"presstv.com": "Press TV", "irna.ir": "IRNA", "tasnimnews.com": "Tasnim News Agency", "wionews.com": "WION",
	"farsnews.ir": "Fars News Agency", "isna.ir": "ISNA", "tass.com": "TASS", "tass.ru": "TASS",
	"sputniknews.com": "Sputnik", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "afp.com": "AFP",
	"france24.com": "France 24", "dw.com": "Deutsche Welle", "euronews.com": "Euronews",
	"bloomberg.com": "Bloomberg", "wsj.com": "The Wall Street Journal", "ft.com": "Financial Times",
	"economist.com": "The Economist", "npr.org": "NPR", "pbs.org": "PBS", "nbcnews.com": "NBC News",
	"cbsnews.com": "CBS News", "abcnews.go.com": "ABC News", "usatoday.com": "USA Today",
	"latimes.com": "Los Angeles Times", "politico.com": "Politico", "axios.com": "Axios", "thehill.com": "The Hill",
	"newsweek.com": "Newsweek", "time.com": "Time", "independent.co.uk": "The Independent",
	"telegraph.co.uk": "The Telegraph", "dailymail.co.uk": "Daily Mail", "timesofisrael.com": "The Times of Israel",
	"jpost.com": "The Jerusalem Post", "haaretz.com": "Haaretz", "arabnews.com": "Arab News",
	"middleeasteye.net": "Middle East Eye", "rferl.org": "Radio Free Europe/Radio Liberty",
	"kyivindependent.com": "The Kyiv Independent", "ukrinform.net": "Ukrinform", "meduza.io": "Meduza",
	"interfax.com": "Interfax", "ria.ru": "RIA Novosti", "globaltimes.cn": "Global Times",
	"scmp.com": "South China Morning Post", "hindustantimes.com": "Hindustan Times",
	"timesofindia.indiatimes.com": "The Times of India", "ndtv.com": "NDTV", "thehindu.com": "The Hindu",
	"upi.com": "UPI", "aa.com.tr": "Anadolu Agency", "dpa.com": "dpa", "efe.com": "EFE", "ansa.it": "ANSA",
	"iranintl.com": "Iran International", "cbc.ca": "CBC", "abc.net.au": "ABC News (Australia)",
	"theatlantic.com": "The Atlantic", "msnbc.com": "MSNBC", "nypost.com": "New York Post",
	"huffpost.com": "HuffPost", "sfgate.com": "SFGate", "chicagotribune.com": "Chicago Tribune",
}

// outletFromURL names the outlet of a URL: from the table of well-known
// domains, or else the registrable domain ("example.com"). known reports
// whether the table held it.
func outletFromURL(raw string) (name string, known bool) {
	host := hostOf(raw)
	if host == "" {
		return "", false
	}
	if n, ok := outletDomains[host]; ok {
		return n, true
	}
	reg, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return "", false
	}
	if n, ok := outletDomains[reg]; ok {
		return n, true
	}
	return reg, false
}

// hostOf returns the lower-cased host of a URL, without "www.", or "" when
// the URL has no host.
func hostOf(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if !strings.Contains(host, ".") {
		return ""
	}
	return strings.TrimPrefix(host, "www.")
}

var (
	// rxLicenceHolder reads "All Content by Mehr News Agency is licensed ...".
	rxLicenceHolder = regexp.MustCompile(`(?i)^all (?:content|contents|materials?|articles) (?:by|of|from|on|published by) (.{2,60}?) (?:is|are) (?:licensed|protected|copyrighted)`)
	// rxCopyrightHolder reads "Copyright 2016 WBTV. All rights reserved.".
	rxCopyrightHolder = regexp.MustCompile(`(?i)^\(?(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:by\s+)?(?:the\s+)?([^.,;()©]{2,60}?)\s*(?:\([^)]*\))?\s*(?:[.,;)]|-\s|$|all rights)`)
	// rxCorporate marks a copyright holder that is a company, not a masthead.
	rxCorporate = regexp.MustCompile(`(?i)\b(?:inc|llc|ltd|corp|corporation|company|group|holdings|broadcasting|media|enterprises|communications|plc|gmbh)\b`)
)

// licenceHolder returns the outlet a licence or copyright footer names:
// "All Content by X is licensed" gives X; "Copyright 2016 X. All rights
// reserved." gives X unless X is a company (a media group owns many
// outlets) or a wire service (then wire is set instead).
func licenceHolder(s string) (outlet, wire string) {
	if m := rxLicenceHolder.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), ""
	}
	m := rxCopyrightHolder.FindStringSubmatch(s)
	if m == nil {
		return "", ""
	}
	holder := strings.TrimSpace(m[1])
	if w := wireOnly(holder); w != "" {
		return "", w
	}
	if rxCorporate.MatchString(holder) || !isNameList(holder) || len(strings.Fields(holder)) > 5 {
		return "", ""
	}
	return holder, ""
}
