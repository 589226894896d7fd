package fetch

import (
	"bytes"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// MaxRobotsBytes is how much of a robots.txt file is read; RFC 9309 asks
// crawlers to parse at least 500 KiB and lets them ignore the rest.
const MaxRobotsBytes = 500 << 10

// Robots is the part of a robots.txt file that applies to one user agent.
// The zero value (and a nil *Robots) allows everything.
type Robots struct {
	rules []rule
	delay time.Duration
	all   bool   // disallow everything whatever the rules (robots.txt unreachable)
	why   string // why all is set
}

type rule struct {
	pat   string // normalised, '$' anchor removed, trailing '*' unless anchored
	size  int    // length of the pattern as written: the longest match wins
	allow bool
}

// group is one record of a robots.txt file: its user agents and rules.
type group struct {
	agents []string
	rules  []rule
	delay  time.Duration
	closed bool // a rule has been read: the next user-agent line starts a new group
}

// ParseRobots reads a robots.txt file (RFC 9309) and keeps the rules of the
// groups for agent, the crawler's product token ("Parallax"), matched
// without regard to case; when no group names it, the rules of the "*"
// groups. Several matching groups are merged. Lines that cannot be read are
// skipped; input past MaxRobotsBytes is ignored.
func ParseRobots(b []byte, agent string) *Robots {
	if len(b) > MaxRobotsBytes {
		b = b[:MaxRobotsBytes]
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	var groups []*group
	var cur *group
	for len(b) > 0 {
		var line []byte
		if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			line, b = b, nil
		}
		if i := bytes.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(string(k)))
		val := strings.TrimSpace(string(v))
		switch key {
		case "user-agent", "useragent", "user agent":
			if cur == nil || cur.closed {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, agentToken(val))
		case "allow", "disallow", "dissallow", "disalow":
			if cur == nil {
				continue
			}
			cur.closed = true
			if val == "" {
				continue // an empty Disallow allows all; an empty Allow means nothing
			}
			cur.rules = append(cur.rules, newRule(val, key == "allow"))
		case "crawl-delay":
			if cur == nil {
				continue
			}
			cur.closed = true
			if s, err := strconv.ParseFloat(val, 64); err == nil && s > 0 && !math.IsInf(s, 0) {
				cur.delay = time.Duration(min(s, 86400) * float64(time.Second))
			}
		}
	}
	return selectGroups(groups, strings.ToLower(agent))
}

// selectGroups merges the groups naming agent, else those for "*".
func selectGroups(groups []*group, agent string) *Robots {
	for _, want := range []string{agent, "*"} {
		r := &Robots{}
		found := false
		for _, g := range groups {
			for _, a := range g.agents {
				if a == want {
					found = true
					r.rules = append(r.rules, g.rules...)
					r.delay = max(r.delay, g.delay)
					break
				}
			}
		}
		if found {
			return r
		}
	}
	return &Robots{}
}

// agentToken reduces a User-agent value to its lower-case product token:
// "Parallax/0.1 (+https://...)" → "parallax".
func agentToken(v string) string {
	if i := strings.IndexAny(v, "/ \t"); i >= 0 {
		v = v[:i]
	}
	return strings.ToLower(v)
}

// productToken is the product token of a User-Agent header, as robots.txt
// groups name it.
func productToken(ua string) string { return agentToken(ua) }

func newRule(pattern string, allow bool) rule {
	size := len(pattern)
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	p := normalizePath(pattern)
	if !anchored {
		p += "*"
	}
	for strings.Contains(p, "**") {
		p = strings.ReplaceAll(p, "**", "*")
	}
	return rule{pat: p, size: size, allow: allow}
}

// Allowed reports whether the path (with its query, as sent in a request
// line) may be fetched: the longest matching rule decides, Allow winning a
// tie; no matching rule allows. /robots.txt itself is always allowed.
func (r *Robots) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	if r == nil {
		return true
	}
	if r.all {
		return false
	}
	path = normalizePath(path)
	best, allowed := -1, true
	for _, ru := range r.rules {
		if ru.size < best || (ru.size == best && allowed) {
			continue
		}
		if glob(ru.pat, path) {
			best, allowed = ru.size, ru.allow
		}
	}
	return allowed
}

// CrawlDelay is the group's Crawl-delay, 0 when none is given.
func (r *Robots) CrawlDelay() time.Duration {
	if r == nil {
		return 0
	}
	return r.delay
}

// glob reports whether s matches pat entirely, where '*' in pat matches
// any run of bytes. It backtracks only to the last star, so it runs in
// O(len(pat)·len(s)) at worst.
func glob(pat, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pat) && pat[p] == '*':
			star, mark = p, i
			p++
		case p < len(pat) && pat[p] == s[i]:
			p++
			i++
		case star >= 0:
			mark++
			p, i = star+1, mark
		default:
			return false
		}
	}
	for p < len(pat) && pat[p] == '*' {
		p++
	}
	return p == len(pat)
}

// normalizePath puts a path or pattern in one canonical percent-encoding so
// that equal paths compare equal: escapes of unreserved characters are
// decoded, other escapes upper-cased, and bytes outside printable ASCII
// escaped.
func normalizePath(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			d := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(d) {
				sb.WriteByte(d)
			} else {
				sb.WriteByte('%')
				sb.WriteByte(hex[d>>4])
				sb.WriteByte(hex[d&15])
			}
			i += 2
		case c <= ' ' || c >= 0x7F:
			sb.WriteByte('%')
			sb.WriteByte(hex[c>>4])
			sb.WriteByte(hex[c&15])
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// requestPath is the path and query of u as robots.txt rules see them.
func requestPath(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return p
}

func isRobotsPath(u *url.URL) bool { return u.EscapedPath() == "/robots.txt" }
