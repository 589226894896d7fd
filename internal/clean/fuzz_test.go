package clean

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// rxScriptTag is a script element's start tag ("<script0" is only text).
var rxScriptTag = regexp.MustCompile(`(?i)<script[\s/>]`)

// maxBody is the longest body an input of s may give: the input itself in
// NFC (which may expand a few rare characters), plus one byte for each line
// break (a single break can become a paragraph break) and a little slack.
func maxBody(s string) int {
	return len(norm.NFC.String(strings.ToValidUTF8(s, "\uFFFD"))) + strings.Count(s, "\n") + 16
}

func checkResult(t *testing.T, r Result, limit int) {
	t.Helper()
	if !utf8.ValidString(r.Body) {
		t.Fatalf("body is not valid UTF-8: %q", r.Body)
	}
	if len(r.Body) > limit {
		t.Fatalf("body has %d bytes, limit %d: %q", len(r.Body), limit, r.Body)
	}
	for _, s := range append([]string{r.Title, r.Byline, r.Outlet, r.Dateline, r.Wire}, r.Notes...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %q", s)
		}
	}
	for _, a := range r.Asides {
		if !utf8.ValidString(a.Text) || a.Kind == "" || a.Text == "" {
			t.Fatalf("bad aside %+v", a)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	for _, s := range []string{"", "By the time", "TEHRAN – x", "**Date Created**\n\n12/20/2022", "a\u00a0 b.\u00a0 C", "# \n\n![a](b)", "[x](y)\\*z\\*", "<script>", "&amp;&#0;&#x110000;", "1. a\n2. b", "FILE - x\n\nAP Photo/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("Input.Text is decoded text")
		}
		r, err := Clean(Input{Text: s})
		if err == nil && r.Body == "" || err != nil && r.Body != "" {
			t.Fatalf("err %v with body %q", err, r.Body)
		}
		checkResult(t, r, maxBody(s))
	})
}

func FuzzCleanHTML(f *testing.F) {
	f.Add([]byte(testPage))
	f.Add([]byte("<html><title>x<script>y</script></title><p>TEHRAN – text.</p></html>"))
	f.Add([]byte("<p>" + prose + "</p><figure><figcaption>cap</figcaption></figure>"))
	f.Add([]byte("<ul><li>a</li></ul><h1></h1><br><br>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		r, err := Clean(Input{HTML: page})
		if err == nil && r.Body == "" {
			t.Fatal("no error with an empty body")
		}
		checkResult(t, r, maxBody(string(page)))
		if rxScriptTag.MatchString(r.Body) || rxScriptTag.MatchString(r.Title) {
			t.Fatalf("script kept: %+v", r)
		}
	})
}
