package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// Parse turns the bytes of one input into records and passes each to emit.
// The format is detected from the content; the file name's extension only
// breaks ties between plain text and Markdown. A JSON or JSON Lines record
// that cannot be used is reported to bad (with its source, path#N) and
// skipped; Parse returns an error only when the input as a whole is unusable.
func Parse(source string, b []byte, emit func(Record) error, bad func(Problem)) error {
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	if isBinary(b) {
		return ErrBinary
	}
	orig := b
	b = toUTF8(b)
	if len(bytes.TrimSpace(b)) == 0 {
		return ErrEmpty
	}
	switch format := Detect(source, b); format {
	case FormatJSON:
		return parseJSON(source, b, emit, bad)
	case FormatJSONL:
		return parseJSONL(source, b, emit, bad)
	case FormatHTML:
		if len(b) > MaxArticleBytes {
			return fmt.Errorf("%w (%s > %s)", ErrTooLarge, byteSize(int64(len(b))), byteSize(MaxArticleBytes))
		}
		return emit(Record{Source: source, Format: format, Raw: orig, HTML: b})
	default:
		if len(b) > MaxArticleBytes {
			return fmt.Errorf("%w (%s > %s)", ErrTooLarge, byteSize(int64(len(b))), byteSize(MaxArticleBytes))
		}
		return emit(Record{Source: source, Format: format, Raw: orig, Text: string(b)})
	}
}

// looksJSON reports whether b starts, after whitespace, like JSON.
func looksJSON(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n\uFEFF\xef\xbb\xbf")
	return len(b) > 0 && (b[0] == '{' || b[0] == '[')
}

var (
	htmlStart  = regexp.MustCompile(`(?i)^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)`)
	htmlTags   = regexp.MustCompile(`(?i)<(p|div|article|span|a|br|h[1-6]|section|main|script|meta|title|table|li)[\s>/]`)
	mdHeading  = regexp.MustCompile(`(?m)^#{1,6} \S`)
	mdEmphasis = regexp.MustCompile(`\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\n]*\)|(?m)^(\d+\.|[-*]) \S|<https?://[^>\s]+>`)
)

// Detect names the format of b (already UTF-8): JSON, JSON Lines, HTML,
// Markdown or plain text.
func Detect(name string, b []byte) string {
	if looksJSON(b) {
		trimmed := bytes.TrimSpace(b)
		if json.Valid(trimmed) {
			return FormatJSON
		}
		first, _, _ := bytes.Cut(trimmed, []byte("\n"))
		if json.Valid(bytes.TrimSpace(first)) {
			return FormatJSONL
		}
	}
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if htmlStart.Match(head) || len(htmlTags.FindAllIndex(head, 4)) >= 3 {
		return FormatHTML
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".md" || ext == ".markdown" {
		return FormatMarkdown
	}
	if mdHeading.Match(head) || len(mdEmphasis.FindAllIndex(head, 2)) >= 2 {
		return FormatMarkdown
	}
	return FormatText
}

// jsonArticle is the JSON form of an article. Common alternative field
// names are accepted too.
type jsonArticle struct {
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	URL       string          `json:"url"`
	Outlet    string          `json:"outlet"`
	Published json.RawMessage `json:"published"`
	Byline    string          `json:"byline"`

	Content string          `json:"content"`
	Body    string          `json:"body"`
	Link    string          `json:"link"`
	Date    json.RawMessage `json:"date"`
	Author  string          `json:"author"`
	Source  string          `json:"source"`
}

func (j *jsonArticle) record(source string, raw []byte) (Record, error) {
	r := Record{
		Source: source, Format: FormatJSON, Raw: raw,
		Title: j.Title, URL: first(j.URL, j.Link), Outlet: first(j.Outlet, j.Source),
		Byline: first(j.Byline, j.Author),
	}
	switch {
	case strings.TrimSpace(first(j.Text, j.Content, j.Body)) != "":
		r.Text = first(j.Text, j.Content, j.Body)
	case strings.TrimSpace(j.HTML) != "":
		r.HTML = []byte(j.HTML)
	default:
		return r, ErrNoText
	}
	date := j.Published
	if len(date) == 0 || string(date) == "null" {
		date = j.Date
	}
	if len(date) > 0 && string(date) != "null" {
		var s string
		if err := json.Unmarshal(date, &s); err != nil {
			return r, fmt.Errorf("published: want a string, got %s", truncate(string(date), 40))
		}
		t, err := ParseTime(s)
		if err != nil {
			return r, fmt.Errorf("published: %w", err)
		}
		r.Published = t
	}
	return r, nil
}

func first(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// parseJSON reads one article object or an array of them.
func parseJSON(source string, b []byte, emit func(Record) error, bad func(Problem)) error {
	b = bytes.TrimSpace(b)
	if b[0] == '{' {
		var j jsonArticle
		if err := json.Unmarshal(b, &j); err != nil {
			return fmt.Errorf("invalid JSON article: %w", err)
		}
		r, err := j.record(source, b)
		if err != nil {
			return err
		}
		return emit(r)
	}
	var items []json.RawMessage
	if err := json.Unmarshal(b, &items); err != nil {
		return fmt.Errorf("invalid JSON array: %w", err)
	}
	good := 0
	for i, raw := range items {
		src := fmt.Sprintf("%s#%d", source, i+1)
		r, err := decodeRecord(src, raw, FormatJSON)
		if err != nil {
			bad(Problem{Path: src, Err: err})
			continue
		}
		good++
		if err := emit(r); err != nil {
			return err
		}
	}
	if good == 0 {
		return fmt.Errorf("no usable article in %d JSON records", len(items))
	}
	return nil
}

// parseJSONL reads one JSON article object per line; blank lines are skipped.
func parseJSONL(source string, b []byte, emit func(Record) error, bad func(Problem)) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), MaxArticleBytes)
	line, good, total := 0, 0, 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		total++
		src := fmt.Sprintf("%s#%d", source, line)
		r, err := decodeRecord(src, bytes.Clone(raw), FormatJSONL)
		if err != nil {
			bad(Problem{Path: src, Err: err})
			continue
		}
		good++
		if err := emit(r); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	if good == 0 {
		return fmt.Errorf("no usable article in %d JSON lines", total)
	}
	return nil
}

func decodeRecord(source string, raw []byte, format string) (Record, error) {
	if len(raw) > MaxArticleBytes {
		return Record{}, fmt.Errorf("%w (%s)", ErrTooLarge, byteSize(int64(len(raw))))
	}
	var j jsonArticle
	if err := json.Unmarshal(raw, &j); err != nil {
		return Record{}, fmt.Errorf("invalid JSON: %w", err)
	}
	r, err := j.record(source, raw)
	r.Format = format
	return r, err
}

// timeLayouts are the forms of a declared publish time that ParseTime
// accepts.
var timeLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04",
	time.DateOnly, time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "January 2, 2006", "Jan 2, 2006",
	"2 January 2006", "01/02/2006", "2006/01/02",
}

// ParseTime reads a publish time as declared by a feed or JSON field.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unrecognised date %q", truncate(s, 40))
}
